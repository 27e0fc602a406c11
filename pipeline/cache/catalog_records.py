"""Catalogs kept from the stage that wrote them for the build: records ``catalogs/<lang>/<doc>``
of :mod:`pipeline.cache.record_store`.

polib reads an article's PO in about 2 ms, most of building its localized Markdown.  The
stage that writes a PO (``update``) has the catalog in hand, so it keeps it, with each
entry's line as polib counts it in the written text; the build reads the PO's bytes and,
when they are the bytes written, takes the catalog from here instead of parsing.  Any other
file (a translator's edit, another tool's write) is read by polib as before.
"""

from __future__ import annotations

import re
from typing import Any

import polib

from ..core.project import Project
from .document_records import content_key, keep_record, read_record
from .record_store import Store, record_database

_FIELDS = ("msgid", "msgstr", "msgid_plural", "msgstr_plural", "msgctxt", "obsolete",
           "comment", "tcomment", "occurrences", "flags", "previous_msgctxt", "previous_msgid",
           "previous_msgid_plural")
"""What polib reads into an entry, but its line (``encoding`` is always UTF-8 here)."""
# An entry is made from its record without polib's __init__ (a quarter of the time) when
# these are all the attributes polib gives one; else through it.
_BY_DICT = set(vars(polib.POEntry())) == {*_FIELDS, "encoding", "linenum"}
# Lines polib does not read as written: any line ending in whitespace (it strips every
# line: a comment loses its trailing spaces, and an empty comment line, "# " or "#. ", is
# dropped or read as nothing).  Strings end with their quote.
_MISREAD_LINE = re.compile(r"[^\S\n]$", re.M)
_SPACE = re.compile(r"\s")


def catalog_store(project: Project, name: str, language: str) -> Store:
    """Where the build finds a PO as its last writer left it."""
    return Store(record_database(project), f"catalogs/{language}/{name}")


def written_entries(catalog: polib.POFile) -> list[polib.POEntry]:
    """The entries in the order polib writes (and so reads back) them: the live ones, then
    the obsolete ones."""
    return [entry for entry in catalog if not entry.obsolete] + \
        [entry for entry in catalog if entry.obsolete]


def written_entry_lines(text: str) -> list[int]:
    """The line each entry of a PO text as polib writes it starts on (polib's ``linenum``),
    the header's first: entries are separated by one empty line, and no line of an entry is
    empty.  (For any PO text, see
    :func:`pipeline.catalogs.po_files.msgid_lines`.)"""
    lines, line, previous = [1], 1, 0
    for match in re.finditer("\n\n", text):
        line += text.count("\n", previous, match.end())
        previous = match.end()
        lines.append(line)
    return lines




def remember_catalog(store: Store, text: str, catalog: polib.POFile) -> None:
    """Keep ``catalog``, whose PO text is ``text`` (as written), for :func:`recorded_catalog`,
    unless polib would read that text otherwise (then the build parses, as polib reads)."""
    entries = written_entries(catalog)
    starts = written_entry_lines(text)[1:]  # the first is the header's
    if len(starts) != len(entries) or not _reads_back_as_is(text, entries):
        return
    keep_record(store, (content_key(text.encode("utf-8")), catalog.header, catalog.metadata,
                        # polib reads the header entry's flags into it: [] or ["fuzzy"].
                        ["fuzzy"] if catalog.metadata_is_fuzzy else [],
                        [(*(getattr(entry, name) for name in _FIELDS), line)
                         for entry, line in zip(entries, starts)]))


def _reads_back_as_is(text: str, entries: list[polib.POEntry]) -> bool:
    """Whether polib reads ``text`` back into these very entries.  It does not where a line
    is one it skips or strips (see ``_MISREAD_LINE``), where an obsolete entry has
    references or extracted comments (polib does not write them), or where a reference's
    path has a space (polib splits ``#:`` lines at whitespace) or its line is not a
    string."""
    if _MISREAD_LINE.search(text):
        return False
    paths = set()
    for entry in entries:
        if entry.obsolete and (entry.occurrences or entry.comment):
            return False  # polib writes neither for an obsolete entry
        for path, line in entry.occurrences:
            if not isinstance(line, str):
                return False
            paths.add(path)
    return not any(_SPACE.search(path) for path in paths)


def recorded_catalog(store: Store, data: bytes) -> polib.POFile | None:
    """The catalog ``store`` keeps for a PO whose bytes are ``data``, or None: no record,
    one of other bytes, or a damaged one."""
    record = read_record(store)
    try:
        if record[0] == content_key(data):
            return _catalog_from(*record[1:])
    except (ValueError, TypeError, IndexError, KeyError):  # KeyError: a dict for a tuple
        pass
    return None


def _is(kind: type, value: Any) -> bool:
    return isinstance(value, kind) and not (kind is int and isinstance(value, bool))


def _optional_text(value: Any) -> bool:
    return value is None or isinstance(value, str)


_FIELD_CHECKS: dict[str, Any] = {
    "msgid": lambda v: _is(str, v), "msgstr": lambda v: _is(str, v),
    "msgid_plural": lambda v: _is(str, v),
    "msgstr_plural": lambda v: _is(dict, v) and all(
        _is(int, k) and _is(str, s) for k, s in v.items()),
    "msgctxt": _optional_text, "obsolete": lambda v: _is(bool, v),
    "comment": lambda v: _is(str, v), "tcomment": lambda v: _is(str, v),
    "occurrences": lambda v: _is(list, v) and all(
        _is(tuple, o) and len(o) == 2 and all(_is(str, part) for part in o) for o in v),
    "flags": lambda v: _is(list, v) and all(_is(str, flag) for flag in v),
    "previous_msgctxt": _optional_text, "previous_msgid": _optional_text,
    "previous_msgid_plural": _optional_text,
}
"""What each field of a kept entry must be, as polib makes it: a hand-made or damaged record
is parsed again, never trusted more than the PO."""


def _catalog_from(header: str, metadata: dict[str, str], metadata_is_fuzzy: list[str],
                  rows: list[tuple[Any, ...]]) -> polib.POFile:
    if not (_is(str, header) and _is(dict, metadata)
            and all(_is(str, k) and _is(str, v) for k, v in metadata.items())
            and metadata_is_fuzzy in ([], ["fuzzy"]) and _is(list, rows)):
        raise ValueError("not a catalog this code keeps")
    catalog = polib.POFile(wrapwidth=0, encoding="utf-8")
    catalog.header, catalog.metadata = header, metadata
    catalog.metadata_is_fuzzy = metadata_is_fuzzy
    for *values, line in rows:
        fields = dict(zip(_FIELDS, values, strict=True))
        if not (_is(int, line) and all(_FIELD_CHECKS[name](value)
                                       for name, value in fields.items())):
            raise ValueError("not an entry this code keeps")
        if _BY_DICT:
            entry = polib.POEntry.__new__(polib.POEntry)
            vars(entry).update(fields, encoding="utf-8", linenum=line)
        else:
            entry = polib.POEntry(encoding="utf-8", linenum=line, **fields)
        catalog.append(entry)
    return catalog
