"""Heading anchors: a readable id in the page's language, and the id every language shares.

Ids follow GitHub's rule (lower case, punctuation dropped, spaces to hyphens, ``-1``, ``-2``
for repeats), so they are valid in any script.  The SOURCE headings' ids are shared by every
edition: the localized text has the source's block structure, so the n-th heading is the same
section, and a link to ``#0-导读`` written in the source, and kept by translators, lands on
the same section of every edition.  A localized heading's own id is made from its own text
(``#introduction`` on the English page); where that differs from the shared id, the shared
one stays on an empty ``<span>`` at the start of the heading, so old links keep working.
On the source page the two are the same.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from ..markdown.parser import walk_inline

_DROPPED = re.compile(r"[^\w\- ]", re.UNICODE)
FALLBACK_ID = "section"
_ADDED = "heading_anchor"  # tokens this module adds to a heading: not its text


def slugify(text: str) -> str:
    """``"0. 导读"`` → ``"0-导读"``; a heading with no word gives ``"section"``."""
    slug = _DROPPED.sub("", text.strip().lower()).replace(" ", "-")
    return slug or FALLBACK_ID


def heading_text(inline: Token) -> str:
    """The plain text of a heading's inline token (markup dropped, code kept)."""
    return "".join(t.content for t in walk_inline(inline.children or [])
                   if t.type in ("text", "code_inline") and not t.meta.get(_ADDED))


def unique_ids(slugs: Sequence[str], shared_ids: Sequence[str] = ()) -> list[str]:
    """An id for each slug, unique on the page: the slug, else ``-1``, ``-2`` ... as GitHub
    does; the ``shared_ids`` (the n-th for the n-th slug) are all on the page too, so each
    is free only for its own heading."""
    taken = set(shared_ids)
    ids = []
    for position, slug in enumerate(slugs):
        mine = shared_ids[position] if position < len(shared_ids) else None
        candidate, count = slug, 0
        while candidate in taken and candidate != mine:
            count += 1
            candidate = f"{slug}-{count}"
        taken.add(candidate)
        ids.append(candidate)
    return ids


def _headings(tokens: Sequence[Token]) -> list[int]:
    return [index for index, token in enumerate(tokens) if token.type == "heading_open"]


def _slug(tokens: Sequence[Token], heading: int) -> str:
    return slugify(heading_text(tokens[heading + 1]))


def heading_ids(tokens: Sequence[Token]) -> list[str]:
    """A unique id for every heading of a token stream, in document order."""
    return unique_ids([_slug(tokens, index) for index in _headings(tokens)])


def set_heading_ids(tokens: list[Token], shared_ids: Sequence[str],
                    self_links: bool = True) -> None:
    """Give every heading of ``tokens`` an id made from its own text (:func:`unique_ids`),
    and keep the source heading's id (``shared_ids``, in order) as an alias where it
    differs; each heading gets a ``¶`` link to its own id.  The heading tokens are replaced
    by changed copies: the list may share its tokens with a parse other editions read."""
    places = _headings(tokens)
    own_ids = unique_ids([_slug(tokens, index) for index in places], shared_ids)
    for position, (index, own) in enumerate(zip(places, own_ids)):
        shared = shared_ids[position] if position < len(shared_ids) else own
        tokens[index] = tokens[index].copy(attrs={**tokens[index].attrs, "id": own})
        tokens[index + 1] = _decorated(tokens[index + 1], own,
                                       shared if shared != own else None, self_links)


def _decorated(inline: Token, anchor: str, alias: str | None, self_link: bool) -> Token:
    before = [Token("span_open", "span", 1, attrs={"id": alias}),
              Token("span_close", "span", -1)] if alias else []
    after = [Token("text", "", 0, content=" "),
             Token("link_open", "a", 1, attrs={"class": "anchor", "href": f"#{anchor}"}),
             Token("text", "", 0, content="¶"),
             Token("link_close", "a", -1)] if self_link else []
    if not before and not after:
        return inline
    for token in (*before, *after):
        token.meta[_ADDED] = True
    return inline.copy(children=[*before, *(inline.children or []), *after])
