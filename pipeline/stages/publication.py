"""What a build publishes, how complete a language is, and whether it is published, marked
draft or withheld.

One definition of "published" serves the build, the thresholds, ``stats``, the status
page and the index (:func:`published_entries`): an entry is published when a build would
use its text (a reviewed translation, or a machine draft where drafts are published) and
no error-level check keeps it out.

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
from dataclasses import dataclass, field
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polib

from ..cache.document_records import code_digest
from ..cache.stat_memo import StatMemo
from ..catalogs.counts import share
from ..catalogs.po_files import read_catalog
from ..catalogs.glossary import GLOSSARY_NAME
from ..core.document import MessageKey
from ..core.entry_state import entry_key, published_text
from ..core.errors import ConfigError
from ..core.project import Project


if TYPE_CHECKING:
    from ..checks import CheckContext, Problem


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


@dataclass
class Published:
    """What a build publishes of one catalog."""

    texts: dict[MessageKey, str] = field(default_factory=dict)
    """The published msgstr of each message."""
    refused: list[tuple[polib.POEntry, list[Problem]]] = field(default_factory=list)
    """Entries whose text would be published but for their error-level problems."""
    live: int = 0
    """Live entries of the catalog."""


def published_entries(catalog: polib.POFile, checks: CheckContext,
                      machine_drafts: bool) -> Published:
    """The entries of ``catalog`` whose text a build publishes: a reviewed translation, or
    a machine draft where ``machine_drafts``, that no error-level check keeps out."""
    from ..checks import ERROR, check_entry  # markdown-it: only where entries are checked

    published = Published()
    for entry in catalog:
        if entry.obsolete:
            continue
        published.live += 1
        text = published_text(entry, machine_drafts)
        if text is None:
            continue
        errors = [problem for problem in check_entry(entry, checks) if problem.level == ERROR]
        if errors:
            published.refused.append((entry, errors))
        else:
            published.texts[entry_key(entry)] = text
    return published


def document_counts(project: Project, name: str, language: str,
                    memo: StatMemo) -> tuple[int, int]:
    """(live entries, published entries) of a document's catalog for ``language``
    (:func:`published_entries`); without a PO yet, the template's entries all count as
    untranslated."""
    # Strings and one stat per file: the index and the thresholds ask for every document.
    for path in (counts_path(project, name, language), counts_path(project, name)):
        try:
            info = os.stat(path)
        except OSError:
            continue
        total, done = memo.get("counts", path, partial(_counts, project, name, language, path),
                               salt=memo_salt(project, "counts"), info=info, valid=_counts_ok)
        return total, done
    return 0, 0


def _counts_ok(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(
        isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in value)


def counts_path(project: Project, name: str, language: str | None = None) -> str:
    """The PO (or, without ``language``, the POT) of a document, as the memo names it."""
    return project.catalog_file(name, language) if language else project.template_file(name)


def template_counts(template: polib.POFile) -> list[int]:
    """The counts of a language without its catalog yet: every entry, none published."""
    return [sum(not entry.obsolete for entry in template), 0]


def memo_salt(project: Project, kind: str) -> object:
    """What a memoized fact depends on besides its file: the code that works it out, and
    for counts what decides publishing: whether machine drafts are, the ``[check]``
    levels, the glossary."""
    if kind != "counts":
        return (code_digest(), None)
    return (code_digest(), project.config.publish_machine_drafts,
            repr(project.config.extra.get("check")), _glossary_stamp(project))


def _glossary_stamp(project: Project) -> object:
    """The glossary's size and time, looked at once a run: the index asks for the counts
    of every document in every language."""
    if _COUNTS_SALT not in project.once:
        try:
            glossary = os.stat(project.locales_dir / GLOSSARY_NAME)
            project.once[_COUNTS_SALT] = (glossary.st_mtime_ns, glossary.st_size)
        except OSError:
            project.once[_COUNTS_SALT] = None
    return project.once[_COUNTS_SALT]


_COUNTS_SALT = "glossary stamp"


def remember(project: Project, facts: dict[tuple[str, str], Any], memo: StatMemo) -> None:
    """Keep facts that jobs worked out, by (kind, path), in the memo."""
    for (kind, path), value in facts.items():
        try:
            memo.put(kind, path, value, salt=memo_salt(project, kind))
        except OSError:
            continue  # gone since: it will be worked out when it is there


def _counts(project: Project, name: str, language: str, path: str) -> list[int]:
    catalog = read_catalog(project.confined(path), project.shown(Path(path)))
    if path == counts_path(project, name):  # the template: nothing translated yet
        return template_counts(catalog)
    from ..catalogs.sources import load_document
    from ..checks import project_checks

    checks = project_checks(project, load_document(project, name), name, language, {})
    published = published_entries(catalog, checks, project.config.publish_machine_drafts)
    return [published.live, len(published.texts)]


def open_memo(project: Project) -> StatMemo:
    """The project's memo of per-file facts (counts, titles): a command opens it once and
    saves it when done."""
    return StatMemo.open(project.cache_path("memo.json"))


def publications(project: Project, languages: Sequence[str],
                 memo: StatMemo) -> dict[str, tuple[Publication, float | None]]:
    """Whether each language is published, draft or skipped, and its completion percent
    (None where the threshold is 0: every language meets it, and counting what a build
    publishes takes the checks of every entry)."""
    action = below_threshold(project)  # checked even when every language is above
    names = project.document_names()
    return {language: _publication(project, language, names, memo, action)
            for language in dict.fromkeys(languages)}


def below_threshold(project: Project) -> str:
    """What ``[publish] below_threshold`` says to do with a language below its threshold:
    ``draft`` (built and marked) or ``skip``."""
    action = project.config.extra.get("publish", {}).get("below_threshold", "draft")
    if action not in ("draft", "skip"):
        raise ConfigError(f"[publish] below_threshold must be \"draft\" or \"skip\", "
                          f"not {action!r}", "pipeline.toml", key="publish.below_threshold")
    return str(action)


def _publication(project: Project, language: str, names: Sequence[str],
                 memo: StatMemo, action: str) -> tuple[Publication, float | None]:
    if threshold(project, language) == 0:
        return Publication.PUBLISHED, None
    counts = [document_counts(project, name, language, memo) for name in names]
    percent = share(sum(c[1] for c in counts), sum(c[0] for c in counts))
    return publication_of(project, language, percent, action), percent


def publication_of(project: Project, language: str, percent: float,
                   action: str) -> Publication:
    """What a build does with ``language`` when ``percent`` of its entries are published."""
    if percent >= threshold(project, language):
        return Publication.PUBLISHED
    return Publication.SKIPPED if action == "skip" else Publication.DRAFT
