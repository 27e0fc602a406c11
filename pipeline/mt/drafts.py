"""Writing machine translations into PO files, as they arrive.

A draft is the msgstr, flag ``fuzzy`` and the translator comment ``machine translation:
<engine> <YYYY-MM-DD>`` (Poedit, Weblate and ``msgfmt -c`` keep it; the build publishes it
unless told not to).  A failure leaves the msgstr empty and says why in one translator
comment ``machine translation failed: <reason>``, replaced on every run, never piled up.
Each save re-reads the PO, fills only entries that are still empty (a translator may be
working in it) and replaces the file atomically, so a crash at any moment leaves a valid PO.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

import polib

from ..cache.catalog_records import (
    catalog_store,
    recorded_catalog,
    remember_catalog,
    written_entries,
)
from ..catalogs.extract import now_stamp
from ..catalogs.po_files import msgid_lines, read_cached, write_translation_text
from ..catalogs.wrapping import Wrap, catalog_wrap
from ..core.document import MessageKey
from ..core.entry_state import MACHINE_COMMENT, entry_key
from ..core.project import Project
from .engine_errors import Rejected
from .protect import restore_spans
from .scheduler import Outcome
from .worklist import WorkItem, Worklist

FAILED_COMMENT = "machine translation failed:"
COPIED_COMMENT = "nothing to translate: copied from the source"
"""The translator comment of an entry with nothing to translate (a URL, a number alone),
copied as it is: no engine wrote it, so it is not a machine draft."""


@dataclass(frozen=True)
class Draft:
    """A machine translation for an entry."""

    text: str


@dataclass(frozen=True)
class Failure:
    """Why an entry got no machine translation."""

    reason: str


@dataclass(frozen=True)
class Copy:
    """An entry with nothing to translate, its source text as its translation."""

    text: str


Result = Draft | Copy | Failure


def _with_line(comment: str, prefix: str, line: str | None) -> str:
    lines = [old for old in comment.split("\n") if old and not old.startswith(prefix)]
    return "\n".join(lines + ([line] if line else []))


def fill_entry(entry: polib.POEntry, text: str, engine: str, day: str) -> None:
    """Make ``entry`` a machine draft of ``text``."""
    entry.msgstr = text
    if "fuzzy" not in entry.flags:
        entry.flags.append("fuzzy")
    # A previous msgid would make the draft "stale"; it described a translation now gone.
    entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
    comment = _with_line(entry.tcomment or "", FAILED_COMMENT, None)
    entry.tcomment = _with_line(comment, MACHINE_COMMENT, f"{MACHINE_COMMENT} {engine} {day}")


def copy_entry(entry: polib.POEntry, text: str) -> None:
    """Give ``entry`` ``text`` (its own source, the target's punctuation) as a translation:
    nothing in it is to be translated or reviewed."""
    entry.msgstr = text
    entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
    comment = _with_line(entry.tcomment or "", FAILED_COMMENT, None)
    entry.tcomment = _with_line(comment, COPIED_COMMENT, COPIED_COMMENT)


def mark_failed(entry: polib.POEntry, reason: str) -> None:
    """Say in ``entry``'s translator comment why it has no machine translation."""
    reason = " ".join(reason.split())[:200]
    entry.tcomment = _with_line(entry.tcomment or "", FAILED_COMMENT,
                                f"{FAILED_COMMENT} {reason}")


def apply_results(catalog: polib.POFile, results: Mapping[MessageKey, Result], engine: str,
                  day: str) -> list[tuple[polib.POEntry, Result]]:
    """Fill the still-empty entries of ``catalog`` that have a result; what was applied."""
    applied = []
    for entry in catalog:
        result = results.get(entry_key(entry))
        if result is None or entry.obsolete or entry.msgstr:
            continue
        if isinstance(result, Draft):
            fill_entry(entry, result.text, engine, day)
        elif isinstance(result, Copy):
            copy_entry(entry, result.text)
        else:
            mark_failed(entry, result.reason)
        applied.append((entry, result))
    return applied


def finished_text(item: WorkItem, reply: str) -> str:
    """The msgstr for an entry from an accepted reply: spans restored, and the msgid's
    leading and trailing whitespace (msgfmt -c checks its newlines)."""
    text = restore_spans(reply, item.protected).strip()
    body = item.msgid.strip()
    if not body:
        return item.msgid
    start = item.msgid.index(body)
    return item.msgid[:start] + text + item.msgid[start + len(body):]


@dataclass
class DraftWriter:
    """Collects results by document and saves them every ``interval`` seconds."""

    project: Project
    language: str
    engine: str
    work: Worklist
    interval: float = 1.0
    pending: dict[str, dict[MessageKey, Result]] = field(default_factory=lambda: defaultdict(dict))
    written: list[str] = field(default_factory=list)
    drafts: int = 0
    copies: int = 0
    failures: list[str] = field(default_factory=list)
    """``path:line: machine translation failed: reason`` of each failure saved."""
    last_save: float = field(default_factory=time.monotonic)
    wrap: Wrap = field(init=False)
    """``[catalogs] wrap``, read before any engine is asked: a bad setting fails first."""

    def __post_init__(self) -> None:
        self.wrap = catalog_wrap(self.project.config)

    def add(self, outcome: Outcome) -> None:
        """Queue the results of every entry waiting for ``outcome.text``."""
        if not outcome.attempted:
            return
        for item in self.work.by_text.get(outcome.text, []):
            result: Result = Failure(outcome.reason or "no reply")
            if outcome.reply is not None:
                try:
                    text = finished_text(item, outcome.reply)
                    result = Copy(text) if outcome.copied else Draft(text)
                except Rejected as error:
                    result = Failure(error.message)
            self.pending[item.name][item.key] = result

    def save(self) -> None:
        """Write every queued result into its PO file now."""
        day = date.today().isoformat()
        for name, results in list(self.pending.items()):
            path = self.project.catalog_path(name, self.language)
            shown = self.project.shown(path)
            store = catalog_store(self.project, name, self.language)
            data, catalog = read_cached(path, shown, store)
            applied = apply_results(catalog, results, self.engine, day)
            text, changed = "", False
            if applied:
                # The file as read, to compare with: the record's again (a copy made from
                # it, not parsed), else parsed by the writer.
                old = recorded_catalog(store, data)
                changed, text = write_translation_text(path, catalog, now_stamp(), self.wrap,
                                                       old=old, data=data)
                if changed and shown not in self.written:
                    self.written.append(shown)
                remember_catalog(store, text, catalog)
            lines = _msgid_lines(catalog, text, changed) \
                if any(isinstance(result, Failure) for _, result in applied) else {}
            for entry, result in applied:
                if isinstance(result, Draft):
                    self.drafts += 1
                elif isinstance(result, Copy):
                    self.copies += 1
                else:
                    line = lines.get(id(entry), entry.linenum)
                    self.failures.append(f"{shown}:{line}: {FAILED_COMMENT} {result.reason}")
            del self.pending[name]
        self.last_save = time.monotonic()

    def save_if_due(self) -> None:
        """Save when ``interval`` seconds have passed since the last save."""
        if time.monotonic() - self.last_save >= self.interval:
            self.save()


def _msgid_lines(catalog: polib.POFile, text: str, written: bool) -> dict[int, int]:
    """The line of each entry's msgid in the file, whose text is now ``text``, by
    ``id(entry)``.  Not ``written``, it is the file as read, where each entry starts on its
    own line (polib's ``linenum``).  Written, it is polib's layout, or a wrapped file's
    lines kept in it: the header, the live entries in order, then the obsolete ones; drafts
    above an entry have moved it down."""
    starts = msgid_lines(text)
    if not written:
        return {id(entry): starts.get(entry.linenum, entry.linenum) for entry in catalog}
    lines = sorted(starts.values())
    return {id(entry): line for entry, line in zip(written_entries(catalog), lines[1:])}
