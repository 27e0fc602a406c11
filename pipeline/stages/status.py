"""``stats`` over a project: the counts of every document in every language, with the
entries that fail an error-level check, and where each language stands with its
``[publish]`` threshold."""

from __future__ import annotations

from collections.abc import Sequence

from ..catalogs.counts import CatalogStats, catalog_stats
from ..catalogs.po_files import read_catalog
from ..catalogs.sources import load_document
from ..checks import check_entry, has_error, project_checks
from ..checks.inline_facts import FactsCache
from ..core.project import Project
from ..publish.status_report import LanguageStatus
from .publication import open_memo, publications, threshold


def gather(project: Project, languages: Sequence[str]) -> list[CatalogStats]:
    """The counts of every document in every language; a language without a PO yet counts
    the template's entries, all untranslated."""
    rows = []
    for name, catalogs in project.catalogs_of_documents(languages, templates=True):
        document = load_document(project, name)
        facts_cache: FactsCache = {}  # msgids are read once
        for language, path in catalogs:
            catalog = read_catalog(path, project.shown(path))
            context = project_checks(project, document, name, language, facts_cache)
            rows.append(catalog_stats(name, language, catalog,
                                      lambda entry: has_error(check_entry(entry, context))))
    return rows


def published_states(project: Project) -> tuple[str, ...]:
    """The states whose text a build publishes."""
    drafts = ("machine draft",) if project.config.publish_machine_drafts else ()
    return ("translated", *drafts)


def language_statuses(project: Project, languages: Sequence[str]) -> list[LanguageStatus]:
    """The publication of every language, from ``[publish]`` in pipeline.toml."""
    memo = open_memo(project)
    states = publications(project, languages, memo)
    memo.save()
    return [LanguageStatus(language, state.value, percent, threshold(project, language))
            for language, (state, percent) in states.items()]
