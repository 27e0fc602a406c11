"""Cutting a Markdown source into segments (translatable units) and skeleton.

Principles, each traced in the code below:

1. A segment is one block's inline text: heading, paragraph (in a list item, quote or
   footnote too), or one table cell.  Code, HTML blocks, math blocks, link reference
   definitions and anything without a word in it stay skeleton; HTML blocks too, unless
   asked for (then the whole block is one segment, tags and all).
2. The segment's span starts at its first character and ends after its last, so container
   prefixes of its first line, heading markers and table pipes are skeleton.
3. The msgid is that span with the container prefixes of continuation lines removed and soft
   breaks joined the CJK way (see :mod:`.line_joins`), as long as the joined text keeps the
   same inline markup; where it would not (CommonMark's flanking rules around ``**`` next to
   punctuation), that break becomes one space, which is how it rendered anyway.
4. Newlines that are not soft breaks (hard breaks, newlines inside code spans or raw HTML)
   stay in the msgid; on rebuild every newline of a translation gets the container prefix.
5. ``<!-- i18n: ... -->`` commands skip blocks, set msgctxt or add notes for translators.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from markdown_it.token import Token

from ..core.config import DEFAULT_FRONT_MATTER_KEYS
from ..core.document import Document, Segment, line_starts
from .front_matter import front_matter_segments
from .line_joins import join_lines
from .parser import MAX_NESTING, TABLE_ROWS, definitions_of, parse_blocks, walk_inline

_COMMAND = re.compile(r"^<!--\s*i18n:\s*(skip-start|skip-end|skip|context|note)\b\s*(.*?)\s*-->\s*$",
                      re.S)
_TASK_MARKER = re.compile(r"^\[[ xX]\][ \t]+")
# HTML blocks of CommonMark kinds 1-5 (raw text, comments, declarations): never text.
_RAW_HTML = re.compile(r"<(?:(?:script|pre|style|textarea)(?:[\s>]|$)|[!?])", re.I)
_TAG = re.compile(r"<[^>]*>")
_CONTAINERS = {"blockquote_open": "blockquote", "list_item_open": "list item",
               "footnote_open": "footnote"}



@dataclass
class _Commands:
    """What ``<!-- i18n: ... -->`` comments ask for, by source line (0-based)."""

    skipped: list[tuple[int, int]] = field(default_factory=list)
    contexts: list[tuple[int, int, str]] = field(default_factory=list)
    notes: list[tuple[int, int, str]] = field(default_factory=list)

    def apply(self, segment: Segment) -> Segment | None:
        line = segment.line - 1
        if any(a <= line < b for a, b in self.skipped):
            return None
        context = next((c for a, b, c in self.contexts if a <= line < b), None)
        notes = tuple(n for a, b, n in self.notes if a <= line < b)
        return replace(segment, context=context, notes=notes) if context or notes else segment


def segment_document(text: str, path: str,
                     front_matter_keys: Sequence[str] = DEFAULT_FRONT_MATTER_KEYS,
                     html_blocks: bool = False) -> Document:
    """Parse ``text`` (LF line ends) and return its :class:`Document` with all segments
    (``html_blocks``: HTML blocks with words in them too)."""
    tokens, env = parse_blocks(text, delimiters=True)
    starts = line_starts(text)
    commands = _read_commands(tokens, len(starts))
    segments: list[Segment] = []
    omissions: list[tuple[int, str]] = []
    containers: list[tuple[int, str]] = []  # (level, kind) of the open containers
    for index, token in enumerate(tokens):
        if token.type in _CONTAINERS:
            containers.append((token.level, _CONTAINERS[token.type]))
        elif token.type.replace("_close", "_open") in _CONTAINERS and token.nesting == -1:
            # The footnote plugin can drop a definition's opening tokens and keep the closing
            # ones ("[^1]: a\n\t- [^1]: b"): a close without its open (at its level)
            # closes nothing.
            if containers and containers[-1][0] == token.level:
                containers.pop()
        elif token.type == "front_matter" and token.map:
            segments += _front_matter(text, starts, token, path, front_matter_keys)
        elif token.type == "inline" and token.map:
            parent = tokens[index - 1]
            kind = _kind(parent, containers)
            if parent.type in ("th_open", "td_open"):
                continue  # cells are cut from their row, below
            after_item = tokens[index - 2].type == "list_item_open" if index >= 2 else False
            segment = _block_segment(text, starts, token, parent, kind, env, after_item)
            if isinstance(segment, Segment):
                segments.append(segment)
            elif segment:
                omissions.append((token.map[0] + 1, segment))
        elif token.type == "tr_open" and token.map:
            cells, skipped = _row_segments(text, starts, tokens, index, env)
            segments += cells
            omissions += [(token.map[0] + 1, reason) for reason in skipped]
        elif token.type == "html_block" and html_blocks and token.map:
            html = _html_segment(text, starts, token)
            segments += [html] if html else []
    kept = [commands.apply(s) for s in segments]
    # Source order, not token order: the footnote plugin moves every footnote body to the
    # end of the token stream, wherever its definition stands.
    return Document(path=path, text=text,
                    segments=sorted((s for s in kept if s), key=lambda s: s.start),
                    omissions=sorted(omissions + _too_deep(text, starts, tokens)),
                    definitions=definitions_of(env))


def _too_deep(text: str, starts: list[int], tokens: list[Token]) -> list[tuple[int, str]]:
    """Where markdown-it stopped parsing because containers nested deeper than its limit:
    a container opened at the last level it goes to and closed at once, with words in its
    lines.  Everything inside it is left out (of the catalog, as of the page)."""
    deepest = MAX_NESTING - 1
    for token, after in zip(tokens, tokens[1:]):
        if token.level == deepest and token.nesting == 1 and after.nesting == -1 \
                and token.map and any(ch.isalpha() for ch in
                                      text[starts[token.map[0]]:_line_end(starts, token.map[1],
                                                                          len(text))]):
            return [(token.map[0] + 1, "quotes or lists nested deeper than the parser goes: "
                                       "this block and all it holds are left out")]
    return []


def _line_end(starts: list[int], line: int, size: int) -> int:
    return starts[line] if line < len(starts) else size


def _kind(parent: Token, containers: list[tuple[int, str]]) -> str:
    if parent.type == "heading_open":
        return "heading"
    return containers[-1][1] if containers else "paragraph"


def _canonical_prefix(prefix: str) -> str:
    """Continuation prefix from a first line's prefix: quote markers and whitespace stay,
    list and footnote markers become spaces of the same width."""
    return "".join(ch if ch in "> \t" else " " for ch in prefix)


def _block_segment(text: str, starts: list[int], token: Token, parent: Token, kind: str,
                   env: dict[str, Any], after_item: bool) -> Segment | str | None:
    """The block's segment; None for a block without words; or, for one whose words are
    left out, why."""
    content = token.content
    if not content.strip() or not _has_words(token.children or []):
        return None
    first = token.map[0] if token.map else 0
    span = _content_span(text, starts, first, content, parent)
    if span is None:  # not found verbatim: kept as it is, and said why
        return _unmatched(text, starts, token)
    start, end = span
    msgid = join_lines(content, token.children or [], env)
    if after_item and (marker := _TASK_MARKER.match(msgid)):
        start += marker.end()
        msgid = msgid[marker.end():]
    line_start = starts[first]
    single_line = parent.type == "heading_open" and parent.markup.startswith("#")
    return Segment(start=start, end=end, line=first + 1, kind=kind, msgid=msgid,
                   style="line" if single_line else "inline",
                   prefix=_canonical_prefix(text[line_start:start]))


def _html_segment(text: str, starts: list[int], token: Token) -> Segment | None:
    content = token.content.rstrip("\n")
    if content[:1] in (" ", "\t") or _RAW_HTML.match(content) \
            or not any(char.isalpha() for char in _TAG.sub("", content)):
        return None
    first = token.map[0] if token.map else 0
    span = _content_span(text, starts, first, content, token)
    if span is None:
        return None
    start, end = span
    # Not joined: the lines are the author's HTML, and a blank line would end the block.
    return Segment(start=start, end=end, line=first + 1, kind="html block", msgid=content,
                   style="html", prefix=_canonical_prefix(text[starts[first]:start]))


def _content_span(text: str, starts: list[int], first: int, content: str,
                  parent: Token) -> tuple[int, int] | None:
    lines = content.split("\n")
    if parent.type == "heading_open" and parent.markup.startswith("#"):
        line_text = _source_line(text, starts, first)
        marker = len(line_text) - len(line_text.lstrip(" ")) + len(parent.markup)
        at = line_text.find(content, marker)
        return None if at < 0 else (starts[first] + at, starts[first] + at + len(content))
    start = end = -1
    for k, part in enumerate(lines):
        source_line = _source_line(text, starts, first + k)
        target = source_line.rstrip() if k == len(lines) - 1 else source_line
        part = part.lstrip(" \t") if k else part
        if not target.endswith(part):
            return None
        if k == 0:
            start = starts[first] + len(target) - len(part)
        end = starts[first + k] + len(target)
    return start, end


def _unmatched(text: str, starts: list[int], token: Token) -> str:
    """Why a block's text could not be cut out of the source as the parser read it."""
    first, last = token.map if token.map else (0, 1)
    if "\0" in text[starts[first]:_line_end(starts, last, len(text))]:
        return "it holds a NUL character, which a PO file cannot hold"
    return "the parser read it other than it is written (a tab it expanded)"


def _source_line(text: str, starts: list[int], line: int) -> str:
    begin = starts[line]
    stop = starts[line + 1] - 1 if line + 1 < len(starts) else len(text)
    return text[begin:stop]


def _has_words(children: list[Token]) -> bool:
    return any(t.type == "text" and any(c.isalpha() for c in t.content)
               for t in walk_inline(children))


def _row_segments(text: str, starts: list[int], tokens: list[Token], index: int,
                  env: dict[str, Any]) -> tuple[list[Segment], list[str]]:
    """The cells of a table row with words in them, and why any other was left out."""
    row_map = tokens[index].map
    line = row_map[0] if row_map else 0
    bounds = env.get(TABLE_ROWS, {}).get(line)
    if bounds is None:
        return [], []
    cells = [t for t in tokens[index + 1:_row_end(tokens, index)] if t.type == "inline"]
    segments, skipped = [], []
    for cell, (start, end) in zip(cells, _cell_spans(text, *bounds)):
        raw = text[start:end]
        if not raw or not _has_words(cell.children or []):
            continue
        if _unescape_pipes(raw) != cell.content:
            skipped.append("a table cell holds a NUL character, which a PO file cannot hold"
                           if "\0" in raw else "a table cell the parser read other than it "
                           "is written")
            continue
        segments.append(Segment(start=start, end=end, line=line + 1, kind="table cell",
                                msgid=raw, style="cell"))
    return segments, skipped


def _row_end(tokens: list[Token], index: int) -> int:
    return next(i for i in range(index, len(tokens)) if tokens[i].type == "tr_close")


def _cell_spans(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Cell spans of a table row as GFM splits it: on unescaped pipes, outer pipes dropped,
    each cell trimmed."""
    while begin < end and text[begin] in " \t":
        begin += 1
    while end > begin and text[end - 1] in " \t":
        end -= 1
    spans, cell_start, escaped = [], begin, False
    for pos in range(begin, end):
        if text[pos] == "|" and not escaped:
            spans.append((cell_start, pos))
            cell_start = pos + 1
        escaped = text[pos] == "\\" and not escaped
    spans.append((cell_start, end))
    if spans and spans[0][0] == spans[0][1]:
        spans.pop(0)
    if spans and spans[-1][0] == spans[-1][1]:
        spans.pop()
    return [_trim(text, a, b) for a, b in spans]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _unescape_pipes(raw: str) -> str:
    return raw.replace("\\|", "|")


def _front_matter(text: str, starts: list[int], token: Token, path: str,
                  keys: Sequence[str]) -> list[Segment]:
    content_start = starts[1] if len(starts) > 1 else len(text)
    return front_matter_segments(text, content_start, token.content, 2, path, keys)


def _read_commands(tokens: list[Token], line_count: int) -> _Commands:
    commands = _Commands()
    pending: list[tuple[str, str]] = []
    skip_from: int | None = None
    for index, token in enumerate(tokens):
        match = _COMMAND.match(token.content) if token.type == "html_block" else None
        if match and token.map:
            name, argument = match.groups()
            if name == "skip-start":
                skip_from = token.map[1]
            elif name == "skip-end" and skip_from is not None:
                commands.skipped.append((skip_from, token.map[0]))
                skip_from = None
            else:
                pending.append((name, argument))
            continue
        if pending and token.map and token.nesting >= 0 and token.block:
            a, b = token.map
            for name, argument in pending:
                if name == "skip":
                    commands.skipped.append((a, b))
                elif name == "context":
                    commands.contexts.append((a, b, argument))
                else:
                    commands.notes.append((a, b, argument))
            pending = []
    if skip_from is not None:
        commands.skipped.append((skip_from, line_count))
    return commands
