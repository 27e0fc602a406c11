"""How complete a language is, and whether it is published, marked draft or withheld.

``pipeline.toml``::

    [publish]
    threshold = 0            # percent of entries with a published text (default 0)
    below_threshold = "draft"   # "draft": built and marked draft; "skip": not built
    [publish.thresholds]
    ja = 80                  # per-language override
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from enum import Enum
from functools import partial
from pathlib import Path
from typing import Any

import polib

from ..cache.document_records import code_digest
from ..cache.stat_memo import StatMemo
from ..catalogs.counts import share
from ..catalogs.po_files import read_catalog
from ..core.entry_state import published_text
from ..core.errors import ConfigError
from ..core.project import Project


class Publication(str, Enum):
    """What a build does with a language."""

    PUBLISHED = "published"
    DRAFT = "draft"
    SKIPPED = "skipped"


def threshold(project: Project, language: str) -> float:
    """The configured completion threshold (percent) for ``language``."""
    table = project.config.extra.get("publish", {})
    per_language = table.get("thresholds", {})
    if not isinstance(per_language, dict):
        raise ConfigError("[publish] thresholds must be a table: [publish.thresholds]",
                          "pipeline.toml", key="publish.thresholds")
    code = next((c for c in (language, language.split("_")[0]) if c in per_language), None)
    key = f"publish.thresholds.{code}" if code else "publish.threshold"
    value = per_language[code] if code else table.get("threshold", 0)
    if isinstance(value, bool) or not isinstance(value, (int, float)) \
            or not 0 <= value <= 100:
        raise ConfigError(f"[{key.rpartition('.')[0]}] {key.rpartition('.')[2]} must be a number "
                          f"from 0 to 100, not {value!r}", "pipeline.toml", key=key)
    return float(value)


def published_counts(catalog: polib.POFile, machine_drafts: bool) -> tuple[int, int]:
    """(live entries, entries whose text a build would publish) of one catalog."""
    live = [entry for entry in catalog if not entry.obsolete]
    return len(live), sum(published_text(e, machine_drafts) is not None for e in live)


def document_counts(project: Project, name: str, language: str,
                    memo: StatMemo) -> tuple[int, int]:
    """:func:`published_counts` of a document's catalog for ``language``; without a PO yet,
    the template's entries all count as untranslated."""
    # Strings and one stat per file: the index and the thresholds ask for every document.
    for path in (counts_path(project, name, language), counts_path(project, name)):
        try:
            info = os.stat(path)
        except OSError:
            continue
        total, done = memo.get("counts", path, partial(_counts, project, path),
                               salt=memo_salt(project, "counts"), info=info, valid=_counts_ok)
        return total, done
    return 0, 0


def _counts_ok(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(
        isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in value)


def counts_path(project: Project, name: str, language: str | None = None) -> str:
    """The PO (or, without ``language``, the POT) of a document, as the memo names it."""
    return project.catalog_file(name, language) if language else project.template_file(name)


def catalog_counts(project: Project, catalog: polib.POFile) -> list[int]:
    """:func:`published_counts` of a catalog under the project's settings, as memoized."""
    return list(published_counts(catalog, project.config.publish_machine_drafts))


def memo_salt(project: Project, kind: str) -> object:
    """What a memoized fact depends on besides its file: the code that works it out, and
    for counts whether machine drafts are published."""
    return (code_digest(), project.config.publish_machine_drafts if kind == "counts" else None)


def remember(project: Project, facts: dict[tuple[str, str], Any], memo: StatMemo) -> None:
    """Keep facts that jobs worked out, by (kind, path), in the memo."""
    for (kind, path), value in facts.items():
        try:
            memo.put(kind, path, value, salt=memo_salt(project, kind))
        except OSError:
            continue  # gone since: it will be worked out when it is there


def _counts(project: Project, path: str) -> list[int]:
    return catalog_counts(project, read_catalog(project.confined(path), project.shown(Path(path))))


def open_memo(project: Project) -> StatMemo:
    """The project's memo of per-file facts (counts, titles): a command opens it once and
    saves it when done."""
    return StatMemo.open(project.cache_path("memo.json"))


def publications(project: Project, languages: Sequence[str],
                 memo: StatMemo) -> dict[str, tuple[Publication, float]]:
    """Whether each language is published, draft or skipped, and its completion percent."""
    action = _below_threshold(project)  # checked even when every language is above
    names = project.document_names()
    return {language: _publication(project, language, names, memo, action)
            for language in dict.fromkeys(languages)}


def _below_threshold(project: Project) -> str:
    action = project.config.extra.get("publish", {}).get("below_threshold", "draft")
    if action not in ("draft", "skip"):
        raise ConfigError(f"[publish] below_threshold must be \"draft\" or \"skip\", "
                          f"not {action!r}", "pipeline.toml", key="publish.below_threshold")
    return str(action)


def _publication(project: Project, language: str, names: Sequence[str],
                 memo: StatMemo, action: str) -> tuple[Publication, float]:
    counts = [document_counts(project, name, language, memo) for name in names]
    total, done = sum(c[0] for c in counts), sum(c[1] for c in counts)
    percent = share(done, total)
    if percent >= threshold(project, language):
        return Publication.PUBLISHED, percent
    return (Publication.SKIPPED if action == "skip" else Publication.DRAFT), percent
