"""``stats`` over a project: the counts of every document in every language, with the
entries that fail an error-level check, and where each language stands with its
``[publish]`` threshold."""

from __future__ import annotations

from collections.abc import Sequence

import polib

from ..catalogs.counts import CatalogStats, catalog_stats, share
from ..core.entry_state import entry_key
from ..catalogs.po_files import read_catalog
from ..catalogs.sources import load_document
from ..checks import check_entry, has_error, project_checks
from ..checks.inline_facts import FactsCache
from ..core.project import Project
from ..publish.status_report import LanguageStatus
from .publication import below_threshold, publication_of, published_entries, threshold


def gather(project: Project, languages: Sequence[str]) -> list[CatalogStats]:
    """The counts of every document in every language; a language without a PO yet counts
    the template's entries, all untranslated.  Published is what a build publishes
    (:func:`pipeline.stages.publication.published_entries`)."""
    rows = []
    for name, catalogs in project.catalogs_of_documents(languages, templates=True):
        document = load_document(project, name)
        facts_cache: FactsCache = {}  # msgids are read once
        for language, path in catalogs:
            catalog = read_catalog(path, project.shown(path))
            context = project_checks(project, document, name, language, facts_cache)
            published = published_entries(catalog, context,
                                          project.config.publish_machine_drafts)
            refused = {entry_key(entry) for entry, _ in published.refused}

            def failing(entry: polib.POEntry) -> bool:
                # What published_entries checked is not checked again.
                key = entry_key(entry)
                if key in published.texts or key in refused:
                    return key in refused
                return has_error(check_entry(entry, context))

            rows.append(catalog_stats(name, language, catalog, failing,
                                      lambda entry: entry_key(entry) in published.texts))
    return rows


def language_statuses(project: Project, rows: Sequence[CatalogStats],
                      languages: Sequence[str]) -> list[LanguageStatus]:
    """Where each language stands with its ``[publish]`` threshold: the share of entries
    published over every document (``rows``, from :func:`gather`), as the build reckons."""
    action = below_threshold(project)
    statuses = []
    for language in dict.fromkeys(languages):
        counted = [row for row in rows if row.language == language]
        percent = share(sum(row.published.entries for row in counted),
                        sum(row.total.entries for row in counted))
        state = publication_of(project, language, percent, action)
        statuses.append(LanguageStatus(language, state.value, percent,
                                       threshold(project, language)))
    return statuses
