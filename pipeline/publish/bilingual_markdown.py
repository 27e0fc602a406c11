"""The interleaved bilingual Markdown: each translated block followed by its source block.

The units are the source's leaf blocks that hold segments (paragraphs, headings, table
rows), found with the extraction parser.  A unit whose text is unchanged appears once.
Otherwise the pair stays valid Markdown of the same structure:

- a paragraph or heading is followed by a blank line and the source block, whose first line
  gets the container's continuation prefix (list markers become spaces, ``>`` stays), so a
  list item keeps its number and gains a second paragraph, and a quote stays one quote;
- a table body row is followed by its source row;
- the header row is followed by the delimiter row, then the source header row as the first
  body row (a table has one header).

Everything else (code, HTML, front matter with its translated values) is the localized text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from ..core.document import Document, Segment, line_starts
from ..markdown.parser import TABLE_ROWS, parse_blocks_shared
from .placement import Placed

_BLOCK_MARKERS = re.compile(r"(?:#{1,6}[ \t]+|\[[ xX]\][ \t]+)$")


@dataclass(frozen=True)
class Unit:
    """A leaf block of the source that holds segments: lines ``[first, stop)``."""

    start: int
    """Offset of the start of its first line."""
    end: int
    """Offset of the end of its last line (before the newline)."""
    content: int
    """Offset where the block itself starts on its first line (after container prefixes)."""
    kind: str
    """``block`` (paragraph, heading), ``row`` or ``header`` (header and delimiter rows)."""


def source_units(document: Document) -> list[Unit]:
    """The leaf blocks of ``document`` that contain at least one segment, in order."""
    text = document.text
    tokens, env = parse_blocks_shared(text)
    starts = line_starts(text)
    first_lines = {s.line - 1: s for s in reversed(document.segments)
                   if not s.kind.startswith("front matter")}
    rows = env.get(TABLE_ROWS, {})
    units, in_head = [], False
    for token in tokens:
        in_head = token.type == "thead_open" or (in_head and token.type != "thead_close")
        if not token.map or token.type not in ("paragraph_open", "heading_open", "tr_open"):
            continue
        first, stop = token.map
        if token.type == "tr_open":
            stop = first + (2 if in_head else 1)  # a header row comes with its delimiter row
        held = next((first_lines[n] for n in range(first, stop) if n in first_lines), None)
        if held is None:
            continue
        if token.type == "tr_open":
            content = rows.get(first, (starts[first],))[0]
            kind = "header" if in_head else "row"
        else:
            content, kind = _block_start(text, starts[first], held), "block"
        end = starts[stop] - 1 if stop < len(starts) else len(text)
        units.append(Unit(starts[first], end, content, kind))
    return units


def _block_start(text: str, line_start: int, segment: Segment) -> int:
    before = text[line_start:segment.start]
    if "\n" in before:
        return line_start
    return line_start + len(_BLOCK_MARKERS.sub("", before))


def _continuation(prefix: str) -> str:
    """A first line's container prefix as continuation lines write it."""
    return "".join(ch if ch in "> \t" else " " for ch in prefix)


class _Localized:
    """Source ranges rewritten with the localized text of the segments they contain."""

    def __init__(self, document: Document, text: str, placed: Sequence[Placed]) -> None:
        self.source = document.text
        self.placed = sorted(placed, key=lambda item: item.segment.start)
        self.starts = [item.segment.start for item in self.placed]
        self.text = text

    def range(self, start: int, end: int) -> str:
        """The source text from ``start`` to ``end`` with its segments localized."""
        out, position = [], start
        # By index, not a slice from there on: a slice copies the rest of the list at every
        # call, which made a long document's edition quadratic.
        for index in range(bisect_left(self.starts, start), len(self.placed)):
            item = self.placed[index]
            if item.segment.end > end:
                break
            out += [self.source[position:item.segment.start], self.text[item.start:item.end]]
            position = item.segment.end
        out.append(self.source[position:end])
        return "".join(out)


def _pair(unit: Unit, source: str, localized: _Localized) -> str:
    original = source[unit.start:unit.end]
    translated = localized.range(unit.start, unit.end)
    if translated == original:
        return original
    prefix = source[unit.start:unit.content]
    again = _continuation(prefix) + source[unit.content:unit.end]
    if unit.kind == "row":
        return f"{translated}\n{original}"
    if unit.kind == "header":
        header, delimiter = original.split("\n", 1)
        head_end = unit.start + len(header)
        return f"{localized.range(unit.start, head_end)}\n{delimiter}\n" \
               f"{_continuation(prefix)}{source[unit.content:head_end]}"
    return f"{translated}\n{_continuation(prefix).rstrip()}\n{again}"


def bilingual_markdown(document: Document, text: str, placed: Sequence[Placed]) -> str:
    """The bilingual Markdown of ``document`` whose localized text is ``text``."""
    localized = _Localized(document, text, placed)
    out, position = [], 0
    for unit in source_units(document):
        out += [localized.range(position, unit.start), _pair(unit, document.text, localized)]
        position = unit.end
    out.append(localized.range(position, len(document.text)))
    return "".join(out)
