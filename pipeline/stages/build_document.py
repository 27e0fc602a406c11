"""The build stage for one document: localized Markdown, pages and bilingual editions.

Only published texts go in (see :mod:`pipeline.core.entry_state`), and an entry that fails an
error-level check keeps the source text, with a warning.
"""

from __future__ import annotations

from collections.abc import Sequence

import polib

from ..cache.catalog_records import catalog_store
from ..catalogs.po_files import cached_catalog
from ..catalogs.sources import load_document
from ..checks import ERROR, CheckContext, check_entry, format_problem, project_checks
from ..checks.inline_facts import FactsCache
from ..core.atomic_files import write_changed
from ..core.config import BUILD_FORMATS
from ..core.document import Document, MessageKey, Segment
from ..core.entry_state import entry_key, published_text
from ..core.project import Project
from ..core.text_files import encode_output
from ..markdown.rebuild import rebuild_markdown
from ..publish.site import Site
from .runner import JobResult


def translations_for(document: Document, catalog: polib.POFile, machine_drafts: bool,
                     checks: CheckContext,
                     warnings: list[str]) -> dict[MessageKey, str]:
    """The published msgstr of every segment that has one, by (msgctxt, msgid).

    An entry that fails an error-level check is not published (its segments keep the
    source text) and its problems go to ``warnings`` as ``path:line: [check] message``."""
    wanted = {segment.key for segment in document.segments}
    table = {}
    for entry in catalog:
        key = entry_key(entry)
        text = published_text(entry, machine_drafts)
        if entry.obsolete or key not in wanted or text is None:
            continue
        errors = [p for p in check_entry(entry, checks) if p.level == ERROR]
        if errors:
            warnings += [format_problem(checks.place(entry), error) for error in errors]
        else:
            table[key] = text
    return table


def localized_markdown(project: Project, document: Document, name: str, language: str,
                       catalog: polib.POFile | None, warnings: list[str],
                       facts_cache: FactsCache
                       ) -> tuple[str, dict[MessageKey, str]]:
    """The localized Markdown text (LF) of a document for a language from its ``catalog``
    (None: not translated yet), and the translations it used by (msgctxt, msgid);
    translations that fail an error-level check are reported in ``warnings`` and not
    used.  ``facts_cache`` is shared by a document's languages."""
    table = {} if catalog is None else translations_for(
        document, catalog, project.config.publish_machine_drafts,
        project_checks(project, document, name, language, facts_cache), warnings)

    def translate(segment: Segment) -> str | None:
        return table.get(segment.key)

    return rebuild_markdown(document, translate), table


def build_document(project: Project, name: str, languages: Sequence[str],
                   site: Site, formats: Sequence[str] = BUILD_FORMATS) -> JobResult:
    """Job: write what ``formats`` asks for: ``build/<lang>/<doc>.md`` (md), the pages
    ``build/<lang>/<doc>.html`` and the original's (html), the bilingual editions
    ``build/bilingual/<src>-<lang>/<doc>.md|.html`` (bilingual); ``site`` (made for the
    same formats) says which languages pages link to and which are drafts."""
    document = load_document(project, name)
    written: list[str] = []
    warnings: list[str] = []
    facts_cache: FactsCache = {}  # msgids are checked once
    editions = site.pages or site.bilingual
    if editions:
        # The renderer (jinja2, nh3, the page code) only for builds that make pages.
        from ..publish.page import page_title
        from ..publish.placement import entries_by_key
        from ..publish.writer import write_editions, write_source_page
    source = write_source_page(project, document, name, site, written) \
        if editions else None
    for language in languages:
        path = project.catalog_path(name, language)
        catalog = cached_catalog(path, project.shown(path),
                                 catalog_store(project, name, language)) \
            if path.exists() else None
        text, published = localized_markdown(project, document, name, language, catalog,
                                             warnings, facts_cache)
        if "md" in formats:
            path = project.output_path(language, name)
            if write_changed(path, encode_output(text, document.newline, document.bom)):
                written.append(project.shown(path))
        if source is not None:
            # The pages mark what this build published: not a machine draft it left out,
            # not a translation that failed a check.
            entries = {key: entry for key, entry in entries_by_key(catalog).items()
                       if key in published}
            warnings += write_editions(project, document, name, language, text, entries,
                                       source, site, written)
    facts = {} if source is None else \
        {("title", project.source_file(name)): page_title(source, name)}  # for the index
    return JobResult(written, warnings, facts)

