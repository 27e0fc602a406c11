"""Which entries a machine translation run fills: the empty ones, protected, deduplicated.

An entry is work when it is live, has no plural and its msgstr is empty; a non-empty
msgstr (a human's, or an earlier draft) is never touched.  Entries of all documents that
protect to the same text are one segment for the engine.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import polib

from ..catalogs.glossary import Glossary
from ..catalogs.po_files import read_catalog
from ..catalogs.sources import load_document
from ..core.document import MessageKey
from ..core.project import Project
from ..markdown.parser import env_of
from .protect import Protected, Terms, protect_spans

_FRONT_MATTER = "front matter:"


@dataclass(frozen=True)
class WorkItem:
    """One empty entry of one document's PO."""

    name: str
    """The document (``<doc>``)."""
    msgctxt: str | None
    msgid: str
    protected: Protected

    @property
    def key(self) -> MessageKey:
        return (self.msgctxt, self.msgid)


@dataclass
class Worklist:
    """The empty entries of one language, grouped by what the engine is sent."""

    by_text: dict[str, list[WorkItem]] = field(default_factory=lambda: defaultdict(list))
    titles: dict[str, str] = field(default_factory=dict)
    """Protected text → title of the first document it occurs in (context for engines)."""

    def add(self, item: WorkItem, title: str) -> None:
        self.by_text[item.protected.text].append(item)
        self.titles.setdefault(item.protected.text, title)

    def texts(self) -> list[str]:
        """The distinct protected texts, in document order."""
        return list(self.by_text)

    def __len__(self) -> int:
        return sum(len(items) for items in self.by_text.values())


def terms_for(glossary: Glossary, language: str) -> Terms:
    """The glossary terms that apply to ``language``."""
    return Terms(keep=tuple(glossary.keep_terms()),
                 forced=tuple(sorted(glossary.forced(language).items())))


def catalog_title(catalog: polib.POFile) -> str:
    """The document's title from the front matter, else its first heading, else nothing."""
    for kind in ("front matter: title", "heading"):
        for entry in catalog:
            if kind in (entry.comment or "").split("\n") and not entry.obsolete:
                return str(entry.msgid)
    return ""


def is_work(entry: polib.POEntry) -> bool:
    """Whether machine translation may fill this entry."""
    return not entry.obsolete and not entry.msgstr and not entry.msgid_plural


def is_markdown(entry: polib.POEntry) -> bool:
    """False when every occurrence is a front-matter value (plain text, not Markdown)."""
    kinds = entry.comment.split("\n") if entry.comment else []
    return not kinds or not all(kind.startswith(_FRONT_MATTER) for kind in kinds)


def collect_work(project: Project, language: str, terms: Terms) -> Worklist:
    """The empty entries of every document's PO for ``language``, protected."""
    work = Worklist()
    for name, catalogs in project.catalogs_of_documents([language]):
        for _, path in catalogs:
            catalog = read_catalog(path, project.shown(path))
            entries = [entry for entry in catalog if is_work(entry)]
            if not entries:
                continue
            # The document's link definitions, so that ``[text][ref]`` in a segment parses
            # as the link it is: kept in the (cached) document, no parse of the source.
            env = env_of(load_document(project, name).definitions)
            title = catalog_title(catalog)
            for entry in entries:
                # Outer whitespace is not the engine's business: finished_text puts it back.
                protected = protect_spans(entry.msgid.strip(), env, terms,
                                          markdown=is_markdown(entry))
                work.add(WorkItem(name, entry.msgctxt, entry.msgid, protected), title)
    return work
