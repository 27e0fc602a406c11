"""What state a PO entry is in, and which text of it a build publishes."""

from __future__ import annotations

from enum import Enum

import polib

from .document import MessageKey

MACHINE_COMMENT = "machine translation:"
"""Start of the translator comment that marks a machine draft: ``# machine translation:
google 2026-11-29``.  Poedit, Weblate and msgfmt keep translator comments as they are."""


class EntryState(str, Enum):
    """The review state of one entry."""

    TRANSLATED = "translated"
    MACHINE_DRAFT = "machine draft"
    STALE = "stale"
    UNTRANSLATED = "untranslated"


def entry_key(entry: polib.POEntry) -> MessageKey:
    """The message an entry is: (msgctxt, msgid), as :attr:`Segment.key
    <pipeline.core.document.Segment.key>` names the segments it translates."""
    return (entry.msgctxt, entry.msgid)


def is_machine_translation(entry: polib.POEntry) -> bool:
    """True when the entry carries machine-translation provenance."""
    return any(line.startswith(MACHINE_COMMENT) for line in entry.tcomment.split("\n"))


def entry_state(entry: polib.POEntry) -> EntryState:
    """Translated (a human's), machine draft (fuzzy, from an engine), stale (fuzzy after a
    source change or by a translator's hand) or untranslated."""
    if not entry.msgstr:
        return EntryState.UNTRANSLATED
    if not entry.fuzzy:
        return EntryState.TRANSLATED
    if is_machine_translation(entry) and not entry.previous_msgid:
        return EntryState.MACHINE_DRAFT
    return EntryState.STALE


def published_text(entry: polib.POEntry, machine_drafts: bool = True) -> str | None:
    """The msgstr a build uses, or None to fall back to the source text."""
    state = entry_state(entry)
    if state is EntryState.TRANSLATED or (machine_drafts and state is EntryState.MACHINE_DRAFT):
        return str(entry.msgstr)
    return None
