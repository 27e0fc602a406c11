"""A catalog written over a PO file with that file's own lines wherever they still say it.

polib wraps otherwise than GNU gettext: it cuts strings at spaces only, counts characters
and leaves a string holding a newline cut after its newlines only, where msgcat, msgmerge,
Poedit and Lokalize follow Unicode line breaking (a CJK string is cut between characters),
count a CJK character as two columns and wrap every string.  A file they wrapped, written
whole by polib, would change on every wrapped line.  So the text is polib's, but each part
of an entry (translator comments, extracted comments, references, flags, each previous
string, msgctxt, msgid, msgid_plural, each msgstr) that the old file holds with the same
value, in that entry or another (a translation inherited by an edited msgid), is copied as
the file wrote it, and so is each header field that did not change (the dates do, whenever
a file is written).  A part's lines depend only on its kind, its value and whether the
entry is obsolete, so the copy is that part as the file's tool writes it.  The writer reads
the result back and writes polib's text instead unless it reads as the catalog
(:func:`pipeline.catalogs.po_files.write_translation_text`).
"""

from __future__ import annotations

import re
from typing import Any

import polib

from ..cache.catalog_records import written_entries
from .wrapping import NEWLINE_AT_END

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)(?=[ \t\"])")
_PREVIOUS = re.compile(r"(?:#~[ \t]*\||#\|)[ \t]*")
_OBSOLETE = re.compile(r"#~[ \t]*")
_COMMENT_KINDS = {",": "flags", ":": "occurrences", ".": "comment"}
_PREVIOUS_KINDS = {"msgctxt": "previous_msgctxt", "msgid": "previous_msgid",
                   "msgid_plural": "previous_msgid_plural"}
_NOT_STRINGS = ("tcomment", "comment", "occurrences", "flags")

Parts = list[tuple[str, list[str]]]
"""An entry's lines as (kind of part, its lines) in order: ``"tcomment"``, ``"msgid"``,
``"previous_msgid"``, ``"msgstr[1]"`` ..., each named for the field it writes."""
PartKey = tuple[bool, str, Any]
"""What a part's lines are made from: obsolete or not, its kind, its value."""


def kept_layout(catalog: polib.POFile, fresh: str, old: polib.POFile,
                old_text: str) -> str | None:
    """``catalog`` as PO text: ``fresh`` (what polib writes for it) with the lines of
    ``old_text`` (the file it replaces, read as ``old``: entries with the line they start
    on) for every part the old file holds; None when ``fresh`` or ``old`` cannot be cut
    into entries."""
    entries = written_entries(catalog)
    fresh_blocks = fresh.rstrip("\n").split("\n\n")
    blocks = _old_blocks(old, old_text.split("\n"))
    if len(fresh_blocks) != len(entries) + 1 or blocks is None:
        return None
    old_header, old_parts = blocks
    kept = [_header(catalog, old, fresh_blocks[0], old_header)]
    kept += [_entry(entry, block, old_parts) for entry, block in zip(entries, fresh_blocks[1:])]
    return "\n\n".join(kept) + "\n"


def _old_blocks(old: polib.POFile,
                lines: list[str]) -> tuple[list[str], dict[PartKey, list[str]]] | None:
    """The header's lines, and the lines of every part of the entries (an entry's lines go
    from the line it starts on to the next entry's), blank lines left out; None unless the
    entries' lines go up in order."""
    starts = [entry.linenum for entry in old]
    if not all(isinstance(start, int) and not isinstance(start, bool) for start in starts) \
            or starts != sorted(set(starts)) \
            or (starts and not 1 <= starts[0] <= starts[-1] <= len(lines)):
        return None
    bounds = [start - 1 for start in starts] + [len(lines)]
    by_part: dict[PartKey, list[str]] = {}
    for entry, start, end in zip(old, bounds, bounds[1:]):
        for kind, part_lines in _joined(_parts(_solid(lines[start:end])) or []).items():
            by_part.setdefault(_part_key(entry, kind), part_lines)
    return _solid(lines[:bounds[0]]), by_part


def _solid(lines: list[str]) -> list[str]:
    # A blank line means nothing inside an entry: the written blocks have none, so that
    # entries stay one blank line apart (the cache counts entries so).
    return [line for line in lines if line.strip()]


def _header(catalog: polib.POFile, old: polib.POFile, fresh: str, old_lines: list[str]) -> str:
    """polib's header (``fresh``), but the old lines of its comment and flags if they are
    the same, and of each of its fields (``Language: ja\\n``) the old header has."""
    fresh_parts, old_parts = _parts(fresh.split("\n")), _parts(old_lines)
    if fresh_parts is None or old_parts is None:
        return fresh
    old_lines_of = _joined(old_parts)
    same = {"tcomment": catalog.header == old.header, "msgid": True,
            "flags": bool(catalog.metadata_is_fuzzy) == bool(old.metadata_is_fuzzy)}
    kept: list[str] = []
    for kind, lines in fresh_parts:
        if kind == "msgstr" and kind in old_lines_of:
            kept += lines[:1] + _kept_fields(lines[1:], old_lines_of[kind])
        else:
            kept += old_lines_of[kind] if same.get(kind) and kind in old_lines_of else lines
    return "\n".join(kept)


def _kept_fields(fresh: list[str], old: list[str]) -> list[str]:
    """The header's string lines, a field a line as polib writes them (``fresh``), but the
    old lines of each field the old header has (a field msgcat cut over lines)."""
    by_text: dict[str, list[str]] = {}
    field: list[str] = []
    for line in old[1:]:  # after the keyword's line (msgcat's: 'msgstr ""')
        field.append(line)
        if NEWLINE_AT_END.search(line):
            by_text.setdefault(_field_text(field), field)
            field = []
    return [kept for line in fresh for kept in by_text.get(_field_text([line]), [line])]


def _field_text(lines: list[str]) -> str:
    return "".join(line.strip()[1:-1] for line in lines)


def _entry(entry: polib.POEntry, fresh: str, old_parts: dict[PartKey, list[str]]) -> str:
    """polib's lines for ``entry`` (``fresh``), but the old lines of each part the old file
    holds."""
    parts = _parts(fresh.split("\n"))
    if parts is None:
        return fresh
    return "\n".join(line for kind, lines in parts
                     for line in old_parts.get(_part_key(entry, kind), lines))


def _part_key(entry: polib.POEntry, kind: str) -> PartKey:
    if kind.startswith("msgstr["):
        value: Any = entry.msgstr_plural.get(int(kind[7:-1]))
    else:
        value = getattr(entry, kind)
    if isinstance(value, list):  # references, flags
        value = tuple(value)
    return (bool(entry.obsolete), kind, value)


def _joined(parts: Parts) -> dict[str, list[str]]:
    """The lines of each kind of part (a valid entry has one of each; comments may come
    apart)."""
    joined: dict[str, list[str]] = {}
    for kind, lines in parts:
        joined.setdefault(kind, []).extend(lines)
    return joined


def _parts(lines: list[str]) -> Parts | None:
    """An entry's lines cut into its parts; None if a line is none this knows."""
    parts: Parts = []
    for line in lines:
        kind, keyword = _kind(line, parts[-1][0] if parts else None)
        if kind is None:
            return None
        if parts and kind == parts[-1][0] and not keyword:
            parts[-1][1].append(line)
        else:
            parts.append((kind, [line]))
    return parts


def _kind(line: str, current: str | None) -> tuple[str | None, bool]:
    """The part a line belongs to, ``current`` being the part of the line before it, and
    whether the line holds a keyword (so starts a part of its own)."""
    stripped = line.lstrip(" \t")
    previous = _PREVIOUS.match(stripped)
    if previous:
        return _string_kind(stripped[previous.end():], current, _PREVIOUS_KINDS)
    obsolete = _OBSOLETE.match(stripped)
    if obsolete or not stripped.startswith("#"):
        return _string_kind(stripped[obsolete.end():] if obsolete else stripped, current, None)
    return _COMMENT_KINDS.get(stripped[1:2], "tcomment"), False


def _string_kind(rest: str, current: str | None,
                 names: dict[str, str] | None) -> tuple[str | None, bool]:
    """A keyword's part, or for a string line (``"..."``) the part it continues: a previous
    string's for ``#| "..."`` (``names``: the previous strings' kinds), another's else."""
    if rest.startswith('"'):
        continues = current is not None and current not in _NOT_STRINGS \
            and current.startswith("previous_") == (names is not None)
        return (current if continues else None), False
    keyword = _KEYWORD.match(rest)
    if keyword is None:
        return None, False
    return (keyword.group(1) if names is None else names.get(keyword.group(1))), True
