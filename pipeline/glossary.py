"""The project glossary: ``locales/glossary.csv``.

Columns ``source,target,language,note``.  A row with an empty ``target`` is a
do-not-translate term (``AIGC``, ``GAN``): engines never see it and a translation must keep it
verbatim.  A row with a ``target`` forces that translation for ``language`` (empty: every
target language), e.g. ``生成式人工智能,generative AI,en``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .sourcefile import read_text

GLOSSARY_NAME = "glossary.csv"


@dataclass(frozen=True)
class GlossaryEntry:
    """One row of the glossary."""

    source: str
    target: str = ""
    language: str = ""
    note: str = ""


@dataclass(frozen=True)
class Glossary:
    """Do-not-translate terms and forced translations."""

    entries: tuple[GlossaryEntry, ...] = field(default_factory=tuple)
    _made: dict[tuple[str, ...], Any] = field(default_factory=dict, init=False, compare=False,
                                              repr=False)
    """What the methods below worked out: checks ask for every entry of every catalog (not
    an argument: ``replace()`` gives a copy with other entries an empty one)."""

    def keep_terms(self) -> list[str]:
        """Do-not-translate terms, longest first (so ``GPT-4`` wins over ``GPT``); the
        same list each call: do not change it."""
        if ("keep",) not in self._made:
            terms = {entry.source for entry in self.entries if not entry.target}
            self._made["keep",] = sorted(terms, key=lambda term: (-len(term), term))
        return self._made["keep",]  # type: ignore[no-any-return]

    def forced(self, language: str) -> dict[str, str]:
        """Forced translations for a language: source term → target term (the same dict
        each call: do not change it)."""
        if ("forced", language) not in self._made:
            base = language.split("_")[0]
            self._made["forced", language] = {entry.source: entry.target for entry in self.entries
                                    if entry.target and entry.language in ("", language, base)}
        return self._made["forced", language]  # type: ignore[no-any-return]


def parse_glossary(text: str, shown: str) -> Glossary:
    """Parse glossary CSV text (header row required)."""
    # newline=None: CRLF and CR files read as LF, inside quoted fields too.
    reader = csv.DictReader(io.StringIO(text, newline=None))
    try:
        return Glossary(tuple(_entries(reader, shown)))
    except csv.Error as exc:
        # line_num counts the lines of the records read whole: the bad one starts after.
        raise ConfigError(f"invalid CSV: {exc}", shown, reader.line_num + 1) from None


def _entries(reader: csv.DictReader[str], shown: str) -> Iterator[GlossaryEntry]:
    if reader.fieldnames is None or "source" not in reader.fieldnames:
        raise ConfigError("glossary needs a header row with a 'source' column", shown, 1)
    for row in reader:
        source = (row.get("source") or "").strip()
        if not source:
            continue
        yield GlossaryEntry(source=source, target=(row.get("target") or "").strip(),
                            language=(row.get("language") or "").strip().replace("-", "_"),
                            note=(row.get("note") or "").strip())


def load_glossary(locales_dir: Path, shown: str = f"locales/{GLOSSARY_NAME}") -> Glossary:
    """The glossary of a project (``shown``: its path as messages print it); an empty one
    when the file does not exist."""
    path = locales_dir / GLOSSARY_NAME
    if not path.exists():
        return Glossary()
    return parse_glossary(read_text(path, shown, ConfigError), shown)
