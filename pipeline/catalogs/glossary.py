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
from functools import cached_property
from pathlib import Path

from ..core.errors import ConfigError
from ..core.languages import normalize_language
from ..core.project import Project
from ..core.text_files import read_text

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
    _forced: dict[str, dict[str, str]] = field(default_factory=dict, init=False,
                                               compare=False, repr=False)
    """:meth:`forced` by language, worked out once: checks ask for every entry of every
    catalog (not an argument: ``replace()`` gives a copy with other entries an empty one)."""

    @cached_property
    def _keep(self) -> list[str]:
        terms = {entry.source for entry in self.entries if not entry.target}
        return sorted(terms, key=lambda term: (-len(term), term))

    def keep_terms(self) -> list[str]:
        """Do-not-translate terms, longest first (so ``GPT-4`` wins over ``GPT``); the
        same list each call: do not change it."""
        return self._keep

    def forced(self, language: str) -> dict[str, str]:
        """Forced translations for a language: source term → target term (the same dict
        each call: do not change it)."""
        if language not in self._forced:
            # The most specific row wins, whatever their order: pt_BR over pt over all, and
            # zh_Hant_TW over zh_Hant over zh.
            parts = language.split("_")
            rank = {"_".join(parts[:size]): size for size in range(len(parts) + 1)}
            rows = sorted((rank[entry.language], index) for index, entry in enumerate(self.entries)
                          if entry.target and entry.language in rank)
            self._forced[language] = {self.entries[index].source: self.entries[index].target
                                      for _, index in rows}
        return self._forced[language]


COLUMNS = ("source", "target", "language", "note")
_KEPT = "kept as it is"


def parse_glossary(text: str, shown: str) -> Glossary:
    """Parse glossary CSV text (header row required).  Strict, as a file that steers every
    translation should be: an unknown or repeated column, text in a column the header does
    not name, text after a closing quote or a quote never closed, an unknown language, and a
    term both kept and translated, or translated two ways for one language, are errors at
    their line, not guesses."""
    # newline=None: CRLF and CR files read as LF, inside quoted fields too.
    reader = csv.reader(io.StringIO(text, newline=None), strict=True)
    rows: list[tuple[int, list[str]]] = []  # (line where the row starts, its fields)
    line = 1
    try:
        for row in reader:
            rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ConfigError(f"invalid CSV: {exc}", shown, line) from None
    return Glossary(tuple(_entries(rows, shown)))


def _entries(rows: list[tuple[int, list[str]]], shown: str) -> Iterator[GlossaryEntry]:
    header = _header(rows[0][1] if rows else [], shown)
    seen: dict[str, list[tuple[GlossaryEntry, int]]] = {}  # source -> its rows so far
    for line, row in rows[1:]:
        values = [value.strip() for value in row]
        # Spreadsheets add empty columns (trailing commas): harmless, unless they hold text.
        stray = [i for i, value in enumerate(values)
                 if value and (i >= len(header) or not header[i])]
        if stray:
            raise ConfigError(f"field {stray[0] + 1} has no column name in the header", shown,
                              line)
        fields = dict(zip(header, values))
        if not fields.get("source"):
            continue
        entry = GlossaryEntry(source=fields["source"], target=fields.get("target", ""),
                              language=_language(fields.get("language", ""), shown, line),
                              note=fields.get("note", ""))
        if entry.language and not entry.target:
            raise ConfigError(f"{entry.source!r} is kept as it is in every language: leave "
                              "its 'language' empty (or give a target)", shown, line)
        for other, first in seen.get(entry.source, []):
            if _conflict(entry, other):
                raise ConfigError(_conflict_message(entry, other, first), shown, line)
        seen.setdefault(entry.source, []).append((entry, line))
        yield entry


def _header(row: list[str], shown: str) -> list[str]:
    """The column names (empty ones too: a spreadsheet's trailing commas)."""
    header = [name.strip() for name in row]
    if "source" not in header:
        raise ConfigError("glossary needs a header row with a 'source' column", shown, 1)
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown:
        raise ConfigError(f"unknown glossary column(s) {', '.join(map(repr, unknown))}: "
                          f"the columns are {', '.join(COLUMNS)}", shown, 1)
    repeated = sorted({name for name in header if name and header.count(name) > 1})
    if repeated:
        raise ConfigError(f"glossary column(s) named twice: {', '.join(map(repr, repeated))}",
                          shown, 1)
    return header


def _language(code: str, shown: str, line: int) -> str:
    """The gettext form of a row's language (``pt-br`` -> ``pt_BR``), as the configuration
    spells its languages, so that the row meets them."""
    if not code:
        return ""
    try:
        return normalize_language(code)
    except ConfigError as error:
        raise ConfigError(error.message, shown, line) from None


def _conflict(entry: GlossaryEntry, other: GlossaryEntry) -> bool:
    """Whether two rows of one term ask for what no translation can do: keep it and
    translate it (a kept term is kept in every language), or translate it two ways for the
    same language."""
    if not entry.target or not other.target:
        return bool(entry.target or other.target)
    return entry.language == other.language and entry.target != other.target


def _conflict_message(entry: GlossaryEntry, other: GlossaryEntry, first: int) -> str:
    both_translated = bool(entry.target and other.target)
    language = entry.language or other.language
    where = f" ({language})" if both_translated and language else ""
    return (f"{entry.source!r}{where}: {_shown_target(entry)} here, {_shown_target(other)} "
            f"at line {first}")


def _shown_target(entry: GlossaryEntry) -> str:
    return repr(entry.target) if entry.target else _KEPT


def load_glossary(locales_dir: Path, shown: str = f"locales/{GLOSSARY_NAME}") -> Glossary:
    """The glossary of a project (``shown``: its path as messages print it); an empty one
    when the file does not exist."""
    path = locales_dir / GLOSSARY_NAME
    if not path.exists():
        return Glossary()
    return parse_glossary(read_text(path, shown, ConfigError), shown)


def project_glossary(project: Project) -> Glossary:
    """The project's ``locales/glossary.csv``, read once per run."""
    glossary = project.once.get(GLOSSARY_NAME)
    if not isinstance(glossary, Glossary):
        path = project.confined(project.locales_dir / GLOSSARY_NAME)
        glossary = project.once[GLOSSARY_NAME] = load_glossary(path.parent,
                                                               project.shown(path))
    return glossary
