"""Heading anchors that are the same in every language.

Ids come from the SOURCE headings (GitHub's rule: lower case, punctuation dropped, spaces to
hyphens, ``-1``, ``-2`` for repeats) and are given to the headings of a localized text in
order: the localized text has the source's block structure, so the n-th heading is the same
section.  A link to ``#0-导读`` written in the source, and kept by translators, therefore lands
on the same section of every edition.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from ..markdown.parser import walk_inline

_DROPPED = re.compile(r"[^\w\- ]", re.UNICODE)
FALLBACK_ID = "section"
_SELF_LINK = "self_link"


def slugify(text: str) -> str:
    """``"0. 导读"`` → ``"0-导读"``; a heading with no word gives ``"section"``."""
    slug = _DROPPED.sub("", text.strip().lower()).replace(" ", "-")
    return slug or FALLBACK_ID


def heading_text(inline: Token) -> str:
    """The plain text of a heading's inline token (markup dropped, code kept)."""
    return "".join(t.content for t in walk_inline(inline.children or [])
                   if t.type in ("text", "code_inline") and not t.meta.get(_SELF_LINK))


def heading_ids(tokens: Sequence[Token]) -> list[str]:
    """A unique id for every heading of a token stream, in document order."""
    seen: dict[str, int] = {}
    ids = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            slug = slugify(heading_text(tokens[index + 1]))
            count = seen.get(slug, 0)
            seen[slug] = count + 1
            ids.append(slug if count == 0 else f"{slug}-{count}")
    return ids


def set_heading_ids(tokens: list[Token], source_ids: Sequence[str],
                    self_links: bool = True) -> None:
    """Give the headings of ``tokens`` the ids of the source headings, in order (headings
    beyond the source's get their own), each with a ``¶`` link to itself.  The heading
    tokens are replaced by changed copies: the list may share its tokens with a parse that
    other editions read."""
    own = heading_ids(tokens)
    taken = set(source_ids)
    position = 0
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        if position < len(source_ids):
            anchor = source_ids[position]
        else:
            anchor = _unused(own[position], taken)
        taken.add(anchor)
        position += 1
        tokens[index] = token.copy(attrs={**token.attrs, "id": anchor})
        if self_links:
            tokens[index + 1] = _with_self_link(tokens[index + 1], anchor)


def _unused(anchor: str, taken: set[str]) -> str:
    candidate, count = anchor, 0
    while candidate in taken:
        count += 1
        candidate = f"{anchor}-{count}"
    return candidate


def _with_self_link(inline: Token, anchor: str) -> Token:
    added = [Token("text", "", 0, content=" "),
             Token("link_open", "a", 1, attrs={"class": "anchor", "href": f"#{anchor}"}),
             Token("text", "", 0, content="¶"),
             Token("link_close", "a", -1)]
    for token in added:
        token.meta[_SELF_LINK] = True
    return inline.copy(children=[*(inline.children or []), *added])
