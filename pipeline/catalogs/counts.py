"""How far a catalog is: entries and source words by review state (pure counting).

The states are :func:`pipeline.core.entry_state.entry_state`'s: translated, machine draft, stale,
untranslated; they add up to every live entry, and match polib's own counts (translated =
``translated_entries()``, machine draft + stale = ``fuzzy_entries()``, untranslated =
``untranslated_entries()``).  ``failing`` counts entries with an error-level check problem,
whatever their state.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import polib

from ..core.entry_state import EntryState, entry_state
from ..core.scripts import cjk_runs, without_cjk

STATES = tuple(state.value for state in EntryState)
"""``translated``, ``machine draft``, ``stale``, ``untranslated``."""
_URL = re.compile(r"[a-z][a-z0-9+.-]*://\S+", re.I)
_WORD = re.compile(r"[^\W_]+(?:['’.,-][^\W_]+)*")


def source_words(text: str) -> int:
    """Words of a source text as translators count them: each Chinese (Japanese, Korean)
    character is a word, as is each run of other letters or digits; URLs do not count."""
    text = _URL.sub(" ", text)
    cjk = sum(map(len, cjk_runs(text)))
    return cjk + len(_WORD.findall(without_cjk(text)))


def share(done: int, total: int) -> float:
    """``done`` of ``total`` in percent; nothing to do counts as complete."""
    return 100.0 if total == 0 else 100.0 * done / total


@dataclass
class Tally:
    """A number of entries and of their source words."""

    entries: int = 0
    words: int = 0

    def add(self, words: int) -> None:
        """Count one more entry of ``words`` words."""
        self.entries += 1
        self.words += words


@dataclass
class CatalogStats:
    """The counts of one document in one language."""

    document: str
    language: str
    states: dict[str, Tally] = field(default_factory=lambda: {s: Tally() for s in STATES})
    """A tally per state, in :data:`STATES` order."""
    failing: Tally = field(default_factory=Tally)
    """Entries that fail an error-level check (not published)."""
    published: Tally = field(default_factory=Tally)
    """Entries whose text a build publishes (by
    :func:`pipeline.stages.publication.published_entries`: the one definition)."""

    @property
    def total(self) -> Tally:
        """Every live entry."""
        return Tally(sum(t.entries for t in self.states.values()),
                     sum(t.words for t in self.states.values()))

    @property
    def percent_published(self) -> float:
        """Share (0-100) of the source words whose entries a build publishes."""
        return share(self.published.words, self.total.words)


def catalog_stats(document: str, language: str, catalog: Iterable[polib.POEntry],
                  failing: Callable[[polib.POEntry], bool] = lambda entry: False,
                  published: Callable[[polib.POEntry], bool] = lambda entry: False
                  ) -> CatalogStats:
    """Count the live entries of ``catalog``; ``failing`` tells whether an entry fails an
    error-level check, ``published`` whether a build publishes it."""
    stats = CatalogStats(document, language)
    for entry in catalog:
        if entry.obsolete:
            continue
        words = source_words(entry.msgid)
        stats.states[entry_state(entry).value].add(words)
        if failing(entry):
            stats.failing.add(words)
        if published(entry):
            stats.published.add(words)
    return stats
