"""The map of the published site under ``build/``: which languages, where each file goes,
and relative links between files (so the folder works from ``file://`` and any web path)."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class Site:
    """The languages a build publishes."""

    source: str
    """The source language (gettext code), whose page is the original text."""
    languages: tuple[str, ...]
    """The target languages the pages link to (switcher, index), in the configured order."""
    drafts: frozenset[str] = frozenset()
    """Target languages below their completion threshold: pages carry a draft notice."""
    pages: bool = True
    """Whether the build writes the HTML pages and the index (``html`` format)."""
    bilingual: bool = True
    """Whether it writes the bilingual editions: pages link only to what exists."""

    @property
    def key(self) -> str:
        """What the pages depend on, for the build's fingerprint."""
        return (f"site:{','.join(self.languages)};draft:{','.join(sorted(self.drafts))};"
                f"pages:{self.pages};bilingual:{self.bilingual}")

    @property
    def all_languages(self) -> tuple[str, ...]:
        """Source first, then the targets: the order of the language switcher."""
        return (self.source, *(code for code in self.languages if code != self.source))


def page_path(language: str, name: str) -> str:
    """``<lang>/<doc>.html``, relative to the build folder."""
    return f"{language}/{name}.html"


def bilingual_path(source: str, language: str, name: str, suffix: str) -> str:
    """``bilingual/<src>-<lang>/<doc><suffix>``, relative to the build folder."""
    return f"bilingual/{source}-{language}/{name}{suffix}"


INDEX_PATH = "index.html"
STATUS_PAGE = "status.html"
"""Where ``stats`` writes the status page, beside the index (which links to it)."""


def link(origin: str, target: str) -> str:
    """The relative URL from the page at ``origin`` to ``target`` (both build-relative,
    normalized: no ``.``, ``..`` or empty parts).  Worked out on the parts, as
    ``posixpath.relpath`` would, without its two ``getcwd`` calls per link: the index
    has three links per document."""
    folder = posixpath.dirname(origin)
    base = folder.split("/") if folder else []
    parts = target.split("/")
    common = 0
    while common < min(len(base), len(parts)) and base[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:]) or "."


def bcp47(language: str) -> str:
    """A gettext code as an HTML ``lang`` value: ``pt_BR`` → ``pt-BR``."""
    return language.replace("_", "-")


class IndexRow(NamedTuple):
    """One document of the index: its name, its title in the source, and the percent of
    entries a build publishes, by target language."""

    name: str
    title: str
    completion: dict[str, float]
