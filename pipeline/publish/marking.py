"""``lang`` on the blocks of a localized page that are not in the page's language.

A machine draft gets ``lang="en-x-mtfrom-zh"`` (BCP 47 private use: English, machine
translated from Chinese), a segment that fell back to the source text gets ``lang="zh"``.
Each segment is found in the token stream by the line its text starts on (paragraphs and
headings) or by line and cell number (table cells), so nothing is re-parsed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from markdown_it.token import Token

from ..core.document import line_starts
from .placement import Placed
from .site import bcp47

_PIPE = re.compile(r"(?<!\\)(?:\\\\)*\|")
_BLOCKS = ("paragraph_open", "heading_open")
_CELLS = ("th_open", "td_open")


def machine_lang(language: str, source: str) -> str:
    """The ``lang`` of a machine draft: ``en-x-mtfrom-zh``."""
    return f"{bcp47(language)}-x-mtfrom-{bcp47(source)}"


def segment_lang(placed: Placed, language: str, source: str) -> str | None:
    """The ``lang`` a segment needs on a ``language`` page, or None for the page's own."""
    if placed.machine_draft:
        return machine_lang(language, source)
    if not placed.translated and language != source:
        return bcp47(source)
    return None


def mark_segments(tokens: list[Token], text: str, placed: Sequence[Placed],
                  language: str, source: str, title: str) -> None:
    """Set ``lang`` (and, on machine drafts, a ``title`` tooltip) on the block of every
    segment of ``placed`` whose text is not in ``language``.  Marked tokens are replaced by
    changed copies (the list may share its tokens with another edition's)."""
    starts = line_starts(text)
    blocks: dict[int, list[str | None]] = {}
    cells: dict[tuple[int, int], str | None] = {}
    for item in placed:
        if item.segment.kind.startswith("front matter"):
            continue
        line = bisect_right(starts, item.start) - 1
        lang = segment_lang(item, language, source)
        if item.segment.style == "cell":
            cells[(line, _cell_number(text[starts[line]:item.start]))] = lang
        else:
            blocks.setdefault(line, []).append(lang)
    cell = 0
    for index, token in enumerate(tokens):
        if token.type == "tr_open":
            cell = 0
        elif token.type in _CELLS and index + 1 < len(tokens):
            inline = tokens[index + 1]
            line = inline.map[0] if inline.map else -1
            _mark(tokens, index, cells.get((line, cell)), title)
            cell += 1
        elif token.type in _BLOCKS and token.map:
            langs = [lang for line in range(*token.map) for lang in blocks.get(line, [])]
            if langs and all(lang == langs[0] for lang in langs):
                _mark(tokens, index, langs[0], title)


def _cell_number(before: str) -> int:
    """Which cell of its row a segment is in, from the row text before it."""
    row = before.lstrip(" \t>")
    pipes = len(_PIPE.findall(row))
    return pipes - 1 if row.startswith("|") else pipes


def _mark(tokens: list[Token], index: int, lang: str | None, title: str) -> None:
    """Mark the block opened at ``index`` (followed by its inline token)."""
    if lang is None:
        return
    block, inline = tokens[index], tokens[index + 1]
    attrs: dict[str, str | int | float] = {"lang": lang}
    if "-x-mtfrom-" in lang:
        attrs["title"] = title
    if not block.hidden:
        tokens[index] = block.copy(attrs={**block.attrs, **attrs})
        return
    # A tight list's paragraph writes no <p>: wrap its text in a span instead.
    tokens[index + 1] = inline.copy(children=[Token("span_open", "span", 1, attrs=attrs),
                                              *(inline.children or []),
                                              Token("span_close", "span", -1)])
