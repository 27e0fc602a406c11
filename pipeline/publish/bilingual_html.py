"""The side-by-side bilingual page: source left, translation right, one row per block.

Rows are the top-level blocks of the two token streams (a list gives one row per item, so
long lists stay aligned), paired in order: the localized text has the source's block
structure.  A row none of whose segments is translated is shown once, across both columns.
Only the translation column keeps its ids, so every ``#anchor`` has exactly one target.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from markdown_it.token import Token
from markupsafe import Markup

from ..core.document import line_starts
from ..core.languages import language_name
from .edition import Edition
from .html_templates import render_template
from .labels import labels
from .page import notices, page_title, text_direction
from .render import render_tokens, sanitize_html
from .site import INDEX_PATH, Site, bcp47, bilingual_path, link, page_path

_LISTS = ("bullet_list_open", "ordered_list_open")


@dataclass(frozen=True)
class Row:
    """One aligned row: both renderings, or one when the block is not translated."""

    source: Markup
    target: Markup | None


def top_level_blocks(tokens: Sequence[Token]) -> Iterator[list[Token]]:
    """The token slices of the top-level blocks; a list yields one single-item list per
    item (an ordered list's items keep their numbers)."""
    depth, begin = 0, 0
    for index, token in enumerate(tokens):
        depth += token.nesting
        if depth == 0:
            block = list(tokens[begin:index + 1])
            begin = index + 1
            if block[0].type in _LISTS:
                yield from _list_items(block)
            elif block[0].type != "front_matter":
                yield block


def _list_items(block: list[Token]) -> Iterator[list[Token]]:
    opening, closing = block[0], block[-1]
    start = int(opening.attrGet("start") or 1)
    depth, begin, number = 0, 1, 0
    for index in range(1, len(block) - 1):
        depth += block[index].nesting
        if depth == 0:
            head = opening.copy(attrs=dict(opening.attrs))
            if opening.type == "ordered_list_open" and start + number != 1:
                head.attrSet("start", start + number)
            yield [head, *block[begin:index + 1], closing]
            begin, number = index + 1, number + 1


def _lines(block: Sequence[Token]) -> tuple[int, int]:
    maps = [token.map for token in block if token.map]
    return (min(m[0] for m in maps), max(m[1] for m in maps)) if maps else (0, 0)


def _translated_lines(target: Edition) -> list[int] | None:
    if target.placed is None:
        return None  # not known: show every block in both columns
    starts = line_starts(target.text)
    return sorted(bisect_right(starts, item.start) - 1
                  for item in target.placed if item.translated)


def _has_translation(block: Sequence[Token], lines: Sequence[int] | None) -> bool:
    if lines is None:
        return True
    first, stop = _lines(block)
    at = bisect_right(lines, first - 1)
    return at < len(lines) and lines[at] < stop


def _shape(blocks: Sequence[Sequence[Token]]) -> list[str]:
    return [block[0].type for block in blocks]


def bilingual_rows(source: Edition, target: Edition) -> list[Row]:
    """Rows pairing the blocks of the two editions; if their structures differ (a
    translation that broke a block), one row holding both whole texts."""
    left, right = list(top_level_blocks(source.tokens)), list(top_level_blocks(target.tokens))
    if _shape(left) != _shape(right):
        return [Row(_render(source.tokens, source, ids=False),
                    _render(target.tokens, target, ids=True))]
    lines = _translated_lines(target)
    return [Row(_render(a, source, ids=False), _render(b, target, ids=True))
            if _has_translation(b, lines) else Row(_render(b, target, ids=True), None)
            for a, b in zip(left, right)]


def _render(tokens: Sequence[Token], edition: Edition, ids: bool) -> Markup:
    return Markup(sanitize_html(render_tokens(tokens, edition.env), ids=ids).strip())


def render_bilingual(source: Edition, target: Edition, name: str, site: Site) -> str:
    """The complete side-by-side page of ``target`` beside ``source``."""
    origin = bilingual_path(site.source, target.language, name, ".html")
    words = labels(target.language)
    columns = [{"lang": bcp47(e.language), "dir": text_direction(e.language),
                "name": language_name(e.language),
                "href": link(origin, page_path(e.language, name)) if site.pages else None}
               for e in (source, target)]
    return render_template(
        "bilingual.html", lang=bcp47(target.language), dir=text_direction(target.language),
        title=page_title(target, name), source_title=page_title(source, name),
        columns=columns, rows=bilingual_rows(source, target),
        notices=notices(target, site, words), words=words, words_lang=bcp47(words.lang),
        index=link(origin, INDEX_PATH) if site.pages else None)
