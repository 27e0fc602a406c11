"""Where each segment landed in a localized text, and whether it is translated there.

A localized text is the source skeleton with every segment either kept (source text) or
replaced by ``render_segment(segment, msgstr)``.  Walking skeleton and segments in order, and
checking that the skeleton after each segment follows, tells the two apart without knowing
which rule of the build published or withheld an entry: the text is the evidence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import polib

from ..core.document import Document, MessageKey, Segment
from ..core.entry_state import EntryState, entry_key, entry_state
from ..markdown.rebuild import render_segment


@dataclass(frozen=True, slots=True)
class Placed:
    """One segment in a localized text."""

    segment: Segment
    start: int
    """Offset of the segment's text in the localized text."""
    end: int
    """Offset just past it."""
    state: EntryState
    """The state of the segment's PO entry (UNTRANSLATED without one)."""
    translated: bool
    """Whether the text there is the entry's msgstr rather than the source text."""

    @property
    def machine_draft(self) -> bool:
        """A machine translation nobody has reviewed yet, published as is."""
        return self.translated and self.state is EntryState.MACHINE_DRAFT


def entries_by_key(catalog: polib.POFile | None) -> dict[MessageKey, polib.POEntry]:
    """The live entries of a catalog by (msgctxt, msgid)."""
    if catalog is None:
        return {}
    return {entry_key(e): e for e in catalog if not e.obsolete}


def place_segments(document: Document, text: str,
                   entries: Mapping[MessageKey, polib.POEntry]) -> list[Placed] | None:
    """Every segment of ``document`` located in ``text``; None when ``text`` is not the
    document's skeleton with each segment kept or replaced by its entry's msgstr."""
    placed: list[Placed] = []
    position = 0
    for index, segment in enumerate(document.segments):
        previous_end = document.segments[index - 1].end if index else 0
        skeleton = document.text[previous_end:segment.start]
        if not text.startswith(skeleton, position):
            return None
        position += len(skeleton)
        after = _skeleton_after(document, index)
        entry = entries.get(segment.key)
        found = _match(document, segment, entry, text, position, after)
        if found is None:
            return None
        length, translated = found
        state = entry_state(entry) if entry is not None else EntryState.UNTRANSLATED
        placed.append(Placed(segment, position, position + length, state, translated))
        position += length
    tail = document.text[document.segments[-1].end:] if document.segments else document.text
    return placed if text[position:] == tail else None


def _skeleton_after(document: Document, index: int) -> str:
    segments = document.segments
    end = segments[index + 1].start if index + 1 < len(segments) else len(document.text)
    return document.text[segments[index].end:end]


def _match(document: Document, segment: Segment, entry: polib.POEntry | None, text: str,
           position: int, after: str) -> tuple[int, bool] | None:
    source = document.text[segment.start:segment.end]
    candidates = []
    if entry is not None and entry.msgstr and entry.msgstr != segment.msgid:
        candidates.append((render_segment(segment, entry.msgstr), True))
    # A msgstr equal to the msgid is a translator's "same in this language": translated.
    same = entry is not None and entry.msgstr == segment.msgid and \
        entry_state(entry) in (EntryState.TRANSLATED, EntryState.MACHINE_DRAFT)
    candidates.append((source, same))
    for candidate, translated in candidates:
        end = position + len(candidate)
        if text.startswith(candidate, position) and text.startswith(after, end):
            return len(candidate), translated
    return None
