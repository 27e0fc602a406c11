"""The build stage for one document: localized Markdown, pages and bilingual editions.

Only published texts go in (:func:`pipeline.stages.publication.published_entries`): an
entry that fails an error-level check keeps the source text, and the build says so as an
error, as ``check`` does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polib

from ..cache.catalog_records import catalog_store
from ..catalogs.po_files import cached_catalog
from ..catalogs.sources import load_document
from ..checks import format_problem, project_checks
from ..checks.inline_facts import FactsCache
from ..core.atomic_files import write_changed
from ..core.config import BUILD_FORMATS
from ..core.document import Document, Segment
from ..core.project import Project
from ..core.text_files import encode_output
from ..markdown.rebuild import rebuild_markdown
from ..publish.site import Site
from .publication import Published, counts_path, published_entries
from .runner import JobResult


def localized_markdown(project: Project, document: Document, name: str, language: str,
                       catalog: polib.POFile | None, facts_cache: FactsCache
                       ) -> tuple[str, Published, list[str]]:
    """The localized Markdown text (LF) of a document for a language from its ``catalog``
    (None: not translated yet), what of the catalog it published
    (:func:`pipeline.stages.publication.published_entries`), and the error-level problems
    of what it did not, as ``path:line: [check] message``.  ``facts_cache`` is shared by a
    document's languages."""
    published, withheld = Published(), []
    if catalog is not None:
        checks = project_checks(project, document, name, language, facts_cache)
        published = published_entries(catalog, checks, project.config.publish_machine_drafts)
        withheld = [format_problem(checks.place(entry), problem)
                    for entry, problems in published.refused for problem in problems]

    def translate(segment: Segment) -> str | None:
        return published.texts.get(segment.key)

    return rebuild_markdown(document, translate), published, withheld


def build_document(project: Project, name: str, languages: Sequence[str],
                   site: Site, formats: Sequence[str] = BUILD_FORMATS) -> JobResult:
    """Job: write what ``formats`` asks for: ``build/<lang>/<doc>.md`` (md), the pages
    ``build/<lang>/<doc>.html`` and the original's (html), the bilingual editions
    ``build/bilingual/<src>-<lang>/<doc>.md|.html`` (bilingual); ``site`` (made for the
    same formats) says which languages pages link to and which are drafts."""
    document = load_document(project, name)
    written: list[str] = []
    warnings: list[str] = []
    withheld: list[str] = []
    facts: dict[tuple[str, str], Any] = {}
    facts_cache: FactsCache = {}  # msgids are checked once
    editions = site.pages or site.bilingual
    if editions:
        # The renderer (jinja2, nh3, the page code) only for builds that make pages.
        from ..publish.page import page_title
        from ..publish.placement import entries_by_key
        from ..publish.writer import write_editions, write_source_page
    # Every catalog read before anything is written: a bad one stops the job with its
    # file and line, and leaves this document's outputs as they were.
    catalogs = {language: _catalog(project, name, language) for language in languages}
    source = write_source_page(project, document, name, site, written) \
        if editions else None
    for language, catalog in catalogs.items():
        text, published, refused = localized_markdown(project, document, name, language,
                                                      catalog, facts_cache)
        withheld += refused
        if catalog is not None:  # what the index and the thresholds count, for the memo
            facts["counts", counts_path(project, name, language)] = \
                [published.live, len(published.texts)]
        if "md" in formats:
            path = project.output_path(language, name)
            if write_changed(path, encode_output(text, document.newline, document.bom)):
                written.append(project.shown(path))
        if source is not None:
            # The pages mark what this build published: not a machine draft it left out,
            # not a translation that failed a check.
            entries = {key: entry for key, entry in entries_by_key(catalog).items()
                       if key in published.texts}
            warnings += write_editions(project, document, name, language, text, entries,
                                       source, site, written)
    if source is not None:
        facts["title", project.source_file(name)] = page_title(source, name)  # for the index
    return JobResult(written, warnings, withheld, facts)


def _catalog(project: Project, name: str, language: str) -> polib.POFile | None:
    """The document's catalog for ``language`` (None before there is one)."""
    path = project.catalog_path(name, language)
    if not path.exists():
        return None
    return cached_catalog(path, project.shown(path), catalog_store(project, name, language))
