"""One language's edition of a document as a decorated token stream, ready to render."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import polib
from markdown_it.token import Token
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from ..core.document import Document, MessageKey
from ..markdown.parser import parse_blocks_shared
from .anchors import set_heading_ids
from .labels import labels
from .marking import mark_segments
from .placement import Placed, place_segments
from .render import linkify_tokens


@dataclass
class Edition:
    """A document's text in one language, parsed, with heading ids and segment marks."""

    language: str
    text: str
    """The Markdown text (LF line ends)."""
    tokens: list[Token]
    """Its parse, decorated: heading ids, ``lang`` marks, bare URLs made links."""
    env: dict[str, Any]
    placed: list[Placed] | None = None
    """Each segment's place and state; None for the source edition, or when the text could
    not be matched to the segments (then nothing is marked)."""
    front_matter: dict[str, Any] = field(default_factory=dict)

    @property
    def heading_ids(self) -> list[str]:
        """The ids given to its headings, in order (a localized edition's own, made from
        its text; the source edition's are the ones all editions share)."""
        return [str(t.attrGet("id")) for t in self.tokens if t.type == "heading_open"]

    @property
    def fallbacks(self) -> int:
        """How many segments show the source text (nothing published for them); 0 when
        not known."""
        return sum(not item.translated for item in self.placed or ())

    @property
    def untranslated(self) -> bool:
        """Whether it has segments and not one of them is translated: the page is the
        original text."""
        return bool(self.placed) and self.fallbacks == len(self.placed or ())

    @property
    def machine_drafts(self) -> int:
        """How many segments of this edition are unreviewed machine translations."""
        return sum(item.machine_draft for item in self.placed or ())


def source_edition(document: Document, source: str) -> Edition:
    """The original text as an edition; its heading ids are the ones all editions share."""
    tokens, env = _edition_tokens(document.text)
    set_heading_ids(tokens, ())
    return Edition(source, document.text, linkify_tokens(tokens, env), env, None,
                   read_front_matter(tokens))


def localized_edition(document: Document, text: str, entries: Mapping[MessageKey, polib.POEntry],
                      language: str, source: str, ids: Sequence[str]) -> Edition:
    """The localized ``text`` of ``document`` with its segments located and marked."""
    tokens, env = _edition_tokens(text)
    set_heading_ids(tokens, ids)
    placed = place_segments(document, text, entries)
    if placed is not None:
        mark_segments(tokens, text, placed, language, source,
                      labels(language)["machine_segment"])
    return Edition(language, text, linkify_tokens(tokens, env), env, placed,
                   read_front_matter(tokens))


def _edition_tokens(text: str) -> tuple[list[Token], dict[str, Any]]:
    """A new list of the shared parse's tokens: the editions of a build replace the tokens
    they change (heading ids, ``lang`` marks, bare URLs made links) by copies, so one parse
    serves them all (an untranslated language's text is the source's)."""
    tokens, env = parse_blocks_shared(text)
    return list(tokens), env


def read_front_matter(tokens: Sequence[Token]) -> dict[str, Any]:
    """The YAML front matter as plain data (safe loader); {} when absent or not a mapping."""
    block = next((t for t in tokens if t.type == "front_matter"), None)
    return {} if block is None else load_front_matter(block.content)


@lru_cache(maxsize=8)
def load_front_matter(content: str) -> dict[str, Any]:
    """YAML front matter text as plain data (safe loader); {} when invalid or not a mapping.
    Shared between the editions and pages of a build: read it, never change it."""
    try:
        data = _safe_yaml().load(content)
    except YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


@lru_cache(maxsize=1)
def _safe_yaml() -> YAML:
    return YAML(typ="safe", pure=True)  # made once: building a YAML costs more than a load
