"""``python -m pipeline stats [-l LANG...] [--json]``: how far each document and language is.

Prints a table (or, with ``--json``, the same numbers for machines) and writes
``build/status.html``: a progress bar per document and language, coloured by review state.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any


from ..checks import check_entry, has_error, project_checks
from ..checks.inline_facts import FactsCache
from .publication import open_memo, publications, threshold
from ..catalogs.po_files import read_catalog
from ..core.atomic_files import write_atomic
from ..core.project import Project
from ..publish.html_templates import render_template
from ..catalogs.counts import STATES, CatalogStats, catalog_stats
from ..catalogs.sources import load_document

STATUS_PAGE = "status.html"
_BAR = 20  # characters of the terminal progress bar


@dataclass(frozen=True)
class LanguageStatus:
    """Whether a language is published, marked draft or skipped by ``build``, and why."""

    language: str
    publication: str
    percent: float
    """Share of entries a build publishes (the measure the threshold is about)."""
    threshold: float


def gather(project: Project, languages: Sequence[str]) -> list[CatalogStats]:
    """The counts of every document in every language; a language without a PO yet counts
    the template's entries, all untranslated."""
    rows = []
    for name in project.document_names():
        document = load_document(project, name)
        facts_cache: FactsCache = {}  # msgids are read once
        for language in languages:
            path = project.catalog_path(name, language)
            if not path.exists():
                path = project.template_path(name)
            if not path.exists():
                continue
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


def _key(state: str) -> str:
    return state.replace(" ", "_")


def stats_json(rows: Sequence[CatalogStats], statuses: Sequence[LanguageStatus],
               done: Sequence[str]) -> dict[str, Any]:
    """The numbers as plain data: one object per document and language, one per language."""
    def tally(entries: int, words: int) -> dict[str, int]:
        return {"entries": entries, "words": words}
    documents = [{"document": row.document, "language": row.language,
                  **{_key(s): tally(t.entries, t.words) for s, t in row.states.items()},
                  "failing": tally(row.failing.entries, row.failing.words),
                  "total": tally(row.total.entries, row.total.words),
                  "percent_words_published": round(row.percent_words(done), 1)}
                 for row in rows]
    languages = [{"language": s.language, "publication": s.publication,
                  "percent_published": round(s.percent, 1), "threshold": s.threshold}
                 for s in statuses]
    return {"documents": documents, "languages": languages}


def _bar(percent: float) -> str:
    filled = round(percent / 100 * _BAR)
    return "█" * filled + "░" * (_BAR - filled)


def stats_table(rows: Sequence[CatalogStats], statuses: Sequence[LanguageStatus],
                done: Sequence[str]) -> str:
    """A plain-text table: entries (words) per state, failing checks and a progress bar."""
    header = ["document", "lang", *STATES, "failing", "published words"]
    lines = [header]
    for row in rows:
        cells = [f"{t.entries} ({t.words} w)" for t in (*row.states.values(), row.failing)]
        percent = row.percent_words(done)
        lines.append([row.document, row.language, *cells, f"{_bar(percent)} {percent:5.1f}%"])
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip()
            for line in lines]
    for status in statuses:
        text.append(f"{status.language}: {status.publication}, {status.percent:.1f}% of entries "
                    f"published (threshold {status.threshold:g}%)")
    return "\n".join(text)


def _segments(row: CatalogStats) -> list[dict[str, Any]]:
    # Bars are measured in words; a catalog whose entries have no words falls back to entries.
    by_words = row.total.words > 0
    total = row.total.words if by_words else row.total.entries
    return [{"state": state, "css": _key(state).replace("_", "-"),
             "entries": tally.entries, "words": tally.words,
             "width": 0.0 if total == 0 else
             100.0 * (tally.words if by_words else tally.entries) / total}
            for state, tally in row.states.items()]


def status_page(project_name: str, rows: Sequence[CatalogStats],
                statuses: Sequence[LanguageStatus], done: Sequence[str], generated: str) -> str:
    """The HTML status page: a progress bar per document and language."""
    documents: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        documents.setdefault(row.document, []).append({
            "language": row.language, "segments": _segments(row),
            "failing": row.failing.entries, "total": row.total,
            "percent": row.percent_words(done)})
    return render_template(
        STATUS_PAGE, project=project_name, documents=documents, statuses=statuses, states=STATES,
        generated=generated)


def run_stats(project: Project, languages: Sequence[str], as_json: bool = False) -> int:
    """Print the statistics and write ``build/status.html``."""
    rows = gather(project, languages)
    statuses = language_statuses(project, languages)
    done = published_states(project)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    page = project.build_dir / STATUS_PAGE
    write_atomic(page, status_page(project.config.project_name, rows, statuses, done,
                                   stamp).encode("utf-8"), durable=False)  # an output
    if as_json:
        print(json.dumps(stats_json(rows, statuses, done), ensure_ascii=False, indent=2))
    else:
        print(stats_table(rows, statuses, done))
        print(f"wrote {project.shown(page)}")
    return 0
