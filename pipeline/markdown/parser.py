"""The one markdown-it-py configuration used for extraction, checks and rendering.

Two inline rules are wrapped so that every line break token records where its ``\\n`` is in
the block's inline content (``token.meta["pos"]``).  markdown-it tokens carry only line maps;
knowing which newlines are soft breaks (and not newlines inside code spans, raw HTML or link
titles) is what lets us join lines the CJK way without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

from markdown_it import MarkdownIt
from markdown_it.parser_inline import ParserInline
from markdown_it.ruler import Ruler
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.state_inline import Delimiter
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from .block_dispatch import BlockRule, DispatchingRuler

InlineRule = Callable[[StateInline, bool], bool]

MAX_NESTING = 20
"""How deep containers nest before markdown-it stops parsing inside them (CommonMark
preset's own limit, set here so that the segmenter can say where text is left out)."""

_OFFSET = "_i18n_offset"


def _record_break(rule: InlineRule, marker: str) -> InlineRule:
    # The rule (newline or escape) starts at ``marker`` or fails; it is tried wherever text
    # stops, so fail at once elsewhere.
    def wrapped(state: StateInline, silent: bool) -> bool:
        if state.src[state.pos] != marker:
            return False
        count = len(state.tokens)
        start = state.pos
        if not rule(state, silent):
            return False
        if not silent and len(state.tokens) > count:
            token = state.tokens[-1]
            if token.type in ("softbreak", "hardbreak"):
                newline = state.src.index("\n", start)
                token.meta["pos"] = state.env.get(_OFFSET, 0) + newline
        return True

    return wrapped


def _offset_alt_text(rule: InlineRule) -> InlineRule:
    # The image rule parses its alt text as a new inline source; shift recorded positions
    # by where that alt text starts in the outer source.
    def wrapped(state: StateInline, silent: bool) -> bool:
        if silent:
            return rule(state, silent)
        saved = state.env.get(_OFFSET, 0)
        state.env[_OFFSET] = saved + state.pos + 2
        try:
            return rule(state, silent)
        finally:
            state.env[_OFFSET] = saved

    return wrapped


@dataclass(frozen=True, eq=False)  # one per parse: compared and hashed by identity
class DelimiterSnapshot:
    """The emphasis and strikethrough delimiters of one inline parse as markdown-it found
    them, before it paired them: kept for a block where a delimiter run touches a soft
    break, so that the segmenter can work out whether joining the lines keeps the pairs
    without parsing the joined text.  Each soft break of that parse carries
    ``meta[DELIMITERS] = (snapshot, its token index)``: the token, not a position, so a
    nested parse (an inline footnote's, an image's alt text) is never taken for another."""

    lists: tuple[tuple[Delimiter, ...], ...]
    """The top level's delimiters and each link text's: markdown-it pairs each on its own."""
    ends: list[list[int]] = field(default_factory=list)
    """How markdown-it paired each list (each delimiter's ``end``), filled in once it has."""


DELIMITERS = "i18n_delimiters"


def _record_delimiters(rule: Callable[[StateInline], None]) -> Callable[[StateInline], None]:
    def wrapped(state: StateInline) -> None:
        # The segmenter's parse (parse_blocks) only.
        made = _snapshot(state) if DELIMITERS in state.env else None
        rule(state)
        if made is not None:
            snapshot, lists = made
            snapshot.ends.extend([d.end for d in delimiters] for delimiters in lists)

    return wrapped


def _snapshot(state: StateInline) -> tuple[DelimiterSnapshot, list[list[Delimiter]]] | None:
    tokens = state.tokens
    lists = [state.delimiters] + [meta["delimiters"] for meta in state.tokens_meta
                                  if meta and meta.get("delimiters")]
    # Most blocks have no run next to a line break: find out before copying anything.
    if not any((d.token > 0 and tokens[d.token - 1].type == "softbreak")
               or (d.token + 1 < len(tokens) and tokens[d.token + 1].type == "softbreak")
               for delimiters in lists for d in delimiters):
        return None
    lists = [delimiters for delimiters in lists if delimiters]
    snapshot = DelimiterSnapshot(tuple(
        tuple(Delimiter(d.marker, d.length, d.token, d.end, d.open, d.close)
              for d in delimiters) for delimiters in lists))
    for index, token in enumerate(tokens):
        if token.type == "softbreak":
            token.meta[DELIMITERS] = (snapshot, index)
    return snapshot, lists


TABLE_ROWS = "_i18n_table_rows"


def _record_table_rows(rule: BlockRule) -> BlockRule:
    # Table cells have no position in their tokens; keep where each row's text starts and
    # ends (after container prefixes) so the segmenter can cut cells out exactly.
    def wrapped(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        if not rule(state, start_line, end_line, silent):
            return False
        if not silent:
            rows = state.env.setdefault(TABLE_ROWS, {})
            for line in range(start_line, state.line):
                rows[line] = (state.bMarks[line] + state.tShift[line], state.eMarks[line])
        return True

    return wrapped


def _table_if_delimiter_row(rule: BlockRule) -> BlockRule:
    # markdown-it tries the table rule at every line, and on every line of a paragraph as
    # a terminator; a table needs a next line that starts with |, - or :, which the rule
    # checks only after a few others: check it first.
    def wrapped(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        line = start_line + 1
        if line < end_line:
            pos = state.bMarks[line] + state.tShift[line]
            if pos < state.eMarks[line] and state.src[pos] in "|-:":
                return rule(state, start_line, end_line, silent)
        return False

    return wrapped


def _lheading_if_underlined(rule: BlockRule) -> BlockRule:
    # markdown-it tries the setext heading rule on every paragraph, and it runs every
    # paragraph terminator on each line before it finds no underline; the paragraph rule
    # then does the same again.  No line starting with - or = before the next blank line
    # means no underline: fail at once, with the rule's side effect (it leaves parentType
    # set to "paragraph" when it fails).
    def wrapped(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        src, begins, shifts, ends = state.src, state.bMarks, state.tShift, state.eMarks
        line = start_line + 1
        while line < end_line and begins[line] + shifts[line] < ends[line]:
            if src[begins[line] + shifts[line]] in "-=":
                return rule(state, start_line, end_line, silent)
            line += 1
        if not state.is_code_block(start_line):
            state.parentType = "paragraph"
        return False

    return wrapped


def markdown_syntax() -> MarkdownIt:
    """A new MarkdownIt with the syntax we support: CommonMark + GFM tables, strikethrough,
    footnotes, front matter, dollar math.  Extraction and rendering both start from it."""
    md = (
        MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING})
        .enable(["table", "strikethrough"])
        .use(front_matter_plugin)
        .use(footnote_plugin)
        .use(dollarmath_plugin)
    )
    _wrap_rule(md.block.ruler, "lheading", _lheading_if_underlined)
    _wrap_rule(md.block.ruler, "table", _table_if_delimiter_row)
    ruler = DispatchingRuler()
    ruler.__rules__ = md.block.ruler.__rules__  # the same rules, compiled afresh
    md.block.ruler = ruler
    return md


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """The shared parser: :func:`markdown_syntax` with line-break positions recorded."""
    md = markdown_syntax()
    _wrap_rule(md.inline.ruler, "newline", lambda rule: _record_break(rule, "\n"))
    _wrap_rule(md.inline.ruler, "escape", lambda rule: _record_break(rule, "\\"))
    _wrap_rule(md.inline.ruler, "image", _offset_alt_text)
    _wrap_rule(md.block.ruler, "table", _record_table_rows)
    _wrap_rule(md.inline.ruler2, "balance_pairs", _record_delimiters)
    md.core.ruler.at("inline", _inline_unless_plain)
    return md


def _inline_unless_plain(state: StateCore) -> None:
    """markdown-it's core ``inline`` rule, except that a block whose text has nowhere an
    inline rule could start (a third of a Chinese article's headings, cells and items)
    gets its one text token without running the inline parser: the same token it would
    make."""
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        if token.content and _is_plain(token.content, state.md.inline):
            token.children.append(Token("text", "", 0, content=token.content))
        else:
            state.md.inline.parse(token.content, state.md, state.env, token.children)


def _is_plain(text: str, inline: ParserInline) -> bool:
    stops = getattr(inline, "terminator_re", None)  # markdown-it-py >= 4
    return stops is not None and stops.search(text) is None \
        and "\r" not in text and "\0" not in text


@lru_cache(maxsize=1)
def _inline_parser() -> MarkdownIt:
    """:func:`markdown_parser` for one segment's inline text, without the footnote plugin's
    tail: it gathers footnote blocks at the end of a document, which an inline parse has
    none of, and it walks every token to find them (about a tenth of a segment's parse)."""
    md = markdown_parser.__wrapped__()
    md.core.ruler.disable("footnote_tail")
    return md


def _wrap_rule(ruler: Ruler[Any], name: str, wrapper: Callable[[Any], Any]) -> None:
    rule = next(rule for rule in ruler.__rules__ if rule.name == name)
    ruler.at(name, wrapper(rule.fn), {"alt": list(rule.alt)})


def parse_blocks(text: str, delimiters: bool = False) -> tuple[list[Token], dict[str, Any]]:
    """Parse a whole document; return the token stream and the env (reference definitions).
    With ``delimiters``, soft breaks next to delimiter runs carry a
    :class:`DelimiterSnapshot` (for the segmenter; see there)."""
    env: dict[str, Any] = {DELIMITERS: True} if delimiters else {}
    tokens = markdown_parser().parse(text, env)
    env.pop(DELIMITERS, None)
    return tokens, env


@lru_cache(maxsize=4)
def parse_blocks_shared(text: str) -> tuple[list[Token], dict[str, Any]]:
    """:func:`parse_blocks`, parsed once per text for the callers of a build that only read
    the result (heading ids, block units, reference definitions): never change these tokens."""
    return parse_blocks(text)


def definitions_of(env: dict[str, Any]) -> dict[str, Any]:
    """The plain-data part of a document's env that inline parsing reads: reference
    definitions and footnote labels (JSON, kept in the document cache)."""
    return {"references": env.get("references", {}),
            "footnotes": [key[1:] for key in env.get("footnotes", {}).get("refs", {})]}


def env_of(definitions: dict[str, Any]) -> dict[str, Any]:
    """An env for :func:`parse_inline` from :func:`definitions_of`: links and footnote
    references resolve as they do in the whole document."""
    env: dict[str, Any] = {}
    if definitions.get("references"):
        env["references"] = definitions["references"]
    if definitions.get("footnotes"):
        env["footnotes"] = {"refs": {f":{label}": -1 for label in definitions["footnotes"]},
                            "list": {}}
    return env


def is_plain_text(text: str) -> bool:
    """True when :func:`parse_inline` would give ``text`` back as one text token: it has
    none of the characters at which markdown-it's text rule stops (``*``, ``[``, ``\\``,
    a newline ...) and nothing the normalize rule rewrites."""
    return _is_plain(text, _inline_parser().inline)


def parse_inline(text: str, env: dict[str, Any]) -> list[Token]:
    """Parse inline Markdown (one segment) and return the children of its inline token."""
    tokens = _inline_parser().parseInline(text, dict(env))
    return tokens[0].children or [] if tokens else []


def walk_inline(tokens: list[Token]) -> list[Token]:
    """Inline tokens in document order, image alt-text children included."""
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        if token.children:
            out.extend(walk_inline(token.children))
    return out
