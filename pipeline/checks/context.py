"""What checks know besides the entry: the languages, the glossary, the source document.

The source's reference definitions and footnotes (its markdown-it ``env``) let a msgid such
as ``见[论文][1]`` parse with its link, as it does in the document; how each msgid is
written back (its segment styles) says which checks apply: front-matter values are plain
text, and only text written as Markdown lines can start a new block by accident.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import polib

from ..catalogs.glossary import Glossary
from ..core.document import Document, MessageKey
from ..core.entry_state import entry_key
from ..core.scripts import is_latin
from ..markdown.parser import env_of
from .inline_facts import FactsCache, InlineFacts, inline_facts, plain_facts

MARKDOWN_STYLES = frozenset({"inline", "line", "cell", "html"})
BLOCK_STYLES = frozenset({"inline", "html"})
"""Styles whose text becomes Markdown lines of their own (not a heading line or a cell)."""


def _styles_from_kinds(entry: polib.POEntry) -> frozenset[str]:
    # Without the source, the kinds in the entry's ``#.`` comments tell the style.
    styles = set()
    for kind in (entry.comment or "").split("\n"):
        if kind.startswith("front matter"):
            styles.add("yaml")
        elif kind == "table cell":
            styles.add("cell")
        elif kind == "heading":
            styles.add("line")
        elif kind == "html block":
            styles.add("html")
        elif kind:
            styles.add("inline")
    return frozenset(styles or {"inline"})


@dataclass
class CheckContext:
    """Everything a check reads besides the PO entry itself."""

    language: str
    """The target language (gettext code)."""
    source_language: str = "zh"
    glossary: Glossary = field(default_factory=Glossary)
    env: Mapping[str, Any] = field(default_factory=dict)
    """The source document's reference definitions and footnotes."""
    styles: Mapping[MessageKey, frozenset[str]] = field(default_factory=dict)
    """How each (msgctxt, msgid) of the source is written back (segment styles)."""
    levels: Mapping[str, str] = field(default_factory=dict)
    """Per-check level from ``[check]`` in pipeline.toml: ``warning`` or ``off``."""
    shown: str = ""
    """The catalog's path as printed in problem lines."""
    msgid_lines: Mapping[int, int] | None = None
    """Line of each entry's ``msgid`` by the line the entry starts on (polib's linenum);
    None: ``read_msgid_lines()`` on the first problem (a clean catalog never needs it)."""
    read_msgid_lines: Callable[[], Mapping[int, int]] = field(default=dict, repr=False)
    facts_cache: FactsCache = field(default_factory=dict, repr=False)
    """Facts by (parsed as Markdown, text): the contexts of one document's languages may
    share one, as a msgid's facts are the same in every language."""

    @property
    def latin(self) -> bool:
        """Whether the target language is written in the Latin alphabet."""
        return is_latin(self.language)

    def entry_styles(self, entry: polib.POEntry) -> frozenset[str]:
        """The styles ``entry`` is written back in (from the source, else its comments)."""
        return self.styles.get(entry_key(entry)) or _styles_from_kinds(entry)

    def is_markdown(self, entry: polib.POEntry) -> bool:
        """False for front-matter values: only text checks apply to them."""
        return bool(self.entry_styles(entry) & MARKDOWN_STYLES)

    def facts(self, entry: polib.POEntry, text: str) -> InlineFacts:
        """The facts of ``text`` (the entry's msgid or msgstr), parsed once."""
        key = (self.is_markdown(entry), text)
        if key not in self.facts_cache:
            self.facts_cache[key] = inline_facts(text, self.env) if key[0] \
                else plain_facts(text)
        return self.facts_cache[key]

    def source(self, entry: polib.POEntry) -> InlineFacts:
        """The facts of the entry's msgid."""
        return self.facts(entry, entry.msgid)

    def target(self, entry: polib.POEntry) -> InlineFacts:
        """The facts of the entry's msgstr."""
        return self.facts(entry, entry.msgstr)

    def place(self, entry: polib.POEntry) -> str:
        """``path:line`` of the entry's msgid."""
        start = entry.linenum if isinstance(entry.linenum, int) else 0
        if self.msgid_lines is None:
            self.msgid_lines = self.read_msgid_lines()
        return f"{self.shown}:{self.msgid_lines.get(start, start)}"


def document_context(document: Document, language: str, **settings: Any) -> CheckContext:
    """A context for the catalog of ``document`` in ``language``: the source's env and the
    style of every segment; ``settings`` fill the other fields."""
    styles: dict[MessageKey, set[str]] = {}
    for segment in document.segments:
        style = "yaml" if segment.style.startswith("yaml") else segment.style
        styles.setdefault(segment.key, set()).add(style)
    frozen = {key: frozenset(value) for key, value in styles.items()}
    settings.setdefault("env", env_of(document.definitions))
    return CheckContext(language=language, styles=frozen, **settings)
