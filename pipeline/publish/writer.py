"""The I/O edge of publishing: write pages only where their content changed.

Writing only changed files keeps re-runs quiet: deleting one output and building again
writes that one file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import polib

from ..catalogs.sources import load_document
from ..core.atomic_files import write_changed
from ..core.document import Document, MessageKey
from ..core.project import Project
from ..core.text_files import encode_output
from .bilingual_html import render_bilingual
from .bilingual_markdown import bilingual_markdown
from .edition import Edition, localized_edition, source_edition
from .index import render_index
from .page import page_title, render_page
from .site import INDEX_PATH, IndexRow, Site, bilingual_path, page_path


def _write(project: Project, relative: str, data: bytes, written: list[str]) -> None:
    path = project.build_path(relative)
    if write_changed(path, data):
        written.append(project.shown(path))


def write_source_page(project: Project, document: Document, name: str, site: Site,
                      written: list[str]) -> Edition:
    """Write ``build/<src>/<doc>.html`` (the original) when the site has pages, and
    return the source edition."""
    source = source_edition(document, site.source)
    if site.pages:
        _write(project, page_path(site.source, name),
               render_page(source, name, site).encode(), written)
    return source


def write_editions(project: Project, document: Document, name: str, language: str, text: str,
                   entries: Mapping[MessageKey, polib.POEntry], source: Edition, site: Site,
                   written: list[str]) -> list[str]:
    """Write the page and both bilingual editions of ``language`` (those the site has)
    whose localized Markdown is ``text``, made with the published ``entries``; returns
    warnings."""
    edition = localized_edition(document, text, entries, language, site.source,
                                source.heading_ids)
    page = page_path(language, name) if site.pages else \
        bilingual_path(site.source, language, name, ".html")
    warnings = []
    if edition.placed is None:
        warnings.append(f"{project.shown(project.build_path(page))}: "
                        "the localized text does not match the catalog; segments not marked")
    if site.pages:
        _write(project, page_path(language, name), render_page(edition, name, site).encode(),
               written)
    if site.bilingual:
        interleaved = bilingual_markdown(document, text, edition.placed) \
            if edition.placed is not None else text
        _write(project, bilingual_path(site.source, language, name, ".md"),
               encode_output(interleaved, document.newline, document.bom), written)
        _write(project, bilingual_path(site.source, language, name, ".html"),
               render_bilingual(source, edition, name, site).encode(), written)
    return warnings


def source_title(project: Project, name: str) -> str:
    """A document's title as its page gives it (:func:`page_title`).  Builds hand the
    titles of the documents they parse to the memo; this parses only for the others."""
    source = source_edition(load_document(project, name), project.config.source_language)
    return page_title(source, name)


def write_index(project: Project, site: Site, rows: Sequence[IndexRow],
                status: bool = False) -> list[str]:
    """Render and write ``build/index.html`` from its rows (``status``: link the status
    page); the paths written."""
    written: list[str] = []
    _write(project, INDEX_PATH, render_index(rows, site, project.config.project_name, status)
           .encode(), written)
    return written
