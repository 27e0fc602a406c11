"""The status of a project in three forms: ``build/status.html`` (a progress bar per
document and language, coloured by review state), a plain-text table and JSON."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..catalogs.counts import STATES, CatalogStats
from .html_templates import render_template
from .site import STATUS_PAGE

_BAR = 20  # characters of the terminal progress bar


@dataclass(frozen=True)
class LanguageStatus:
    """Whether a language is published, marked draft or skipped by ``build``, and why."""

    language: str
    publication: str
    percent: float
    """Share of entries a build publishes (the measure the threshold is about)."""
    threshold: float

    @property
    def stage(self) -> str:
        """``not started``, ``in progress`` or ``complete``."""
        if self.percent <= 0:
            return "not started"
        return "complete" if self.percent >= 100 else "in progress"

    @property
    def progress(self) -> str:
        """How far the language is, as its badge says: ``not started``, ``in progress
        34 %`` or ``complete`` (never "published" for a language with nothing in it)."""
        if self.stage != "in progress":
            return self.stage
        return f"in progress {max(1, min(99, round(self.percent)))} %"

    @property
    def built(self) -> str:
        """What a build does with the language, in words."""
        return _BUILT[self.publication]


_BUILT = {"published": "built", "draft": "built, marked draft",
          "skipped": "not built: below the threshold"}


def state_key(state: str) -> str:
    """A state as a JSON key: ``machine draft`` → ``machine_draft``."""
    return state.replace(" ", "_")


def css_class(words: str) -> str:
    """A state or a stage as a CSS class: ``machine draft`` → ``machine-draft``."""
    return words.replace(" ", "-")


def _segments(row: CatalogStats) -> list[dict[str, Any]]:
    # Bars are measured in words; a catalog whose entries have no words falls back to entries.
    by_words = row.total.words > 0
    total = row.total.words if by_words else row.total.entries
    return [{"state": state, "css": css_class(state),
             "entries": tally.entries, "words": tally.words,
             "width": 0.0 if total == 0 else
             100.0 * (tally.words if by_words else tally.entries) / total}
            for state, tally in row.states.items()]


def status_page(project_name: str, rows: Sequence[CatalogStats],
                statuses: Sequence[LanguageStatus], generated: str) -> str:
    """The HTML status page: a progress bar per document and language."""
    documents: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        documents.setdefault(row.document, []).append({
            "language": row.language, "segments": _segments(row),
            "failing": row.failing.entries, "total": row.total,
            "percent": row.percent_published})
    return render_template(
        STATUS_PAGE, project=project_name, documents=documents, statuses=statuses, states=STATES,
        generated=generated, css_class=css_class)


def stats_json(rows: Sequence[CatalogStats], statuses: Sequence[LanguageStatus],
               ) -> dict[str, Any]:
    """The numbers as plain data: one object per document and language, one per language."""
    def tally(entries: int, words: int) -> dict[str, int]:
        return {"entries": entries, "words": words}
    documents = [{"document": row.document, "language": row.language,
                  **{state_key(s): tally(t.entries, t.words) for s, t in row.states.items()},
                  "failing": tally(row.failing.entries, row.failing.words),
                  "published": tally(row.published.entries, row.published.words),
                  "total": tally(row.total.entries, row.total.words),
                  "percent_words_published": round(row.percent_published, 1)}
                 for row in rows]
    languages = [{"language": s.language, "progress": s.stage, "publication": s.publication,
                  "percent_published": round(s.percent, 1), "threshold": s.threshold}
                 for s in statuses]
    return {"documents": documents, "languages": languages}


def _bar(percent: float) -> str:
    filled = round(percent / 100 * _BAR)
    return "█" * filled + "░" * (_BAR - filled)


def stats_table(rows: Sequence[CatalogStats], statuses: Sequence[LanguageStatus],
                ) -> str:
    """A plain-text table: entries (words) per state, failing checks and a progress bar."""
    header = ["document", "lang", *STATES, "failing", "published words"]
    lines = [header]
    for row in rows:
        cells = [f"{t.entries} ({t.words} w)" for t in (*row.states.values(), row.failing)]
        percent = row.percent_published
        lines.append([row.document, row.language, *cells, f"{_bar(percent)} {percent:5.1f}%"])
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip()
            for line in lines]
    for status in statuses:
        text.append(f"{status.language}: {status.progress}, {status.percent:.1f}% of entries "
                    f"published (threshold {status.threshold:g}%): {status.built}")
    return "\n".join(text)
