"""Catalogs kept from the stage that wrote them for the build: records ``catalogs/<lang>/<doc>``
of :mod:`pipeline.cache.record_store`.

polib reads an article's PO in about 2 ms, most of building its localized Markdown.  The
stage that writes a PO (``update``) has the catalog in hand, so it keeps it, with each
entry's line as polib counts it in the written text; the build reads the PO's bytes and,
when they are the bytes written, takes the catalog from here instead of parsing.  Any other
file (a translator's edit, another tool's write) is read by polib as before.  A PO that
``update`` left alone because it already said what the catalog says (another tool wrapped
it) is kept under its own bytes, if its entries are one a block as the lines assume.

Beside each, ``catalogs/<lang>.earlier/<doc>`` keeps the last texts ``update`` replaced, so
that a catalog whose content comes back (a source edited, then reverted) gets its old bytes
back, dates and all.
"""

from __future__ import annotations

import re
import zlib
from typing import Any

import polib

from ..core.project import Project
from .document_records import content_key, keep_record, read_record
from .record_store import Store, record_database

ENTRY_FIELDS = ("msgid", "msgstr", "msgid_plural", "msgstr_plural", "msgctxt", "obsolete",
           "comment", "tcomment", "occurrences", "flags", "previous_msgctxt", "previous_msgid",
           "previous_msgid_plural")
"""What polib reads into an entry, but its line (``encoding`` is always UTF-8 here)."""
_OBSOLETE_AT = ENTRY_FIELDS.index("obsolete")
# An entry is made from its record without polib's __init__ (a quarter of the time) when
# these are all the attributes polib gives one; else through it.
_BY_DICT = set(vars(polib.POEntry())) == {*ENTRY_FIELDS, "encoding", "linenum"}
# Lines polib does not read as written: any line ending in whitespace (it strips every
# line: a comment loses its trailing spaces, and an empty comment line, "# " or "#. ", is
# dropped or read as nothing).  Strings end with their quote.
_MISREAD_LINE = re.compile(r"[^\S\n]$", re.M)
_SPACE = re.compile(r"\s")
# What tells the blocks of a PO text (cut at its empty lines) for entries, one each.
_MSGID_LINE = re.compile(r"^[ \t]*(#~[ \t]*)?msgid[ \t]", re.M)
_MSGSTR_LINE = re.compile(r"^[ \t]*(?:#~[ \t]*)?msgstr", re.M)
_HEADER_MSGID = re.compile(r'^msgid[ \t]+""[ \t]*$', re.M)
_CONTINUED = re.compile(r'[ \t]*(?:#~[ \t]*\|?|#\|)?[ \t]*"')  # "...", #~ "...", #| "..."
EARLIER_KEPT = 2
"""How many texts a PO had before update replaced them are kept (:func:`keep_earlier`)."""


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
    """Keep ``catalog``, whose PO text is ``text`` (as written, or as the file is when it
    holds this content already), for :func:`recorded_catalog`, unless polib would read
    that text otherwise or its entries are not one a block (then the build parses, as
    polib reads)."""
    entries = written_entries(catalog)
    starts = written_entry_lines(text)[1:]  # the first is the header's
    if len(starts) != len(entries) or not _one_entry_a_block(text, entries) \
            or not _reads_back_as_is(text, entries):
        return
    keep_record(store, (content_key(text.encode("utf-8")), catalog.header, catalog.metadata,
                        # polib reads the header entry's flags into it: [] or ["fuzzy"].
                        ["fuzzy"] if catalog.metadata_is_fuzzy else [],
                        [(*entry_fields(entry), line) for entry, line in zip(entries, starts)]))


def entry_fields(entry: polib.POEntry) -> list[Any]:
    """The values of an entry's :data:`ENTRY_FIELDS`, as kept."""
    values = [getattr(entry, name) for name in ENTRY_FIELDS]
    # polib reads "obsolete" as 0 or 1 (and makes it False or True): kept as the bool it is.
    values[_OBSOLETE_AT] = bool(entry.obsolete)
    return values


def _one_entry_a_block(text: str, entries: list[polib.POEntry]) -> bool:
    """Whether the blocks of ``text`` between its empty lines are the header, then
    ``entries`` in order, one each and each from its first line (polib's ``linenum``).
    polib and the writers of :mod:`pipeline.catalogs` write so; a file another tool saved
    (wrapped or not) mostly is so too, but need not be: an empty line inside an entry, two
    entries with none between them, an obsolete entry among the live ones."""
    blocks = text.split("\n\n")
    if len(blocks) != len(entries) + 1 or not text.endswith("\n") \
            or not _HEADER_MSGID.search(blocks[0]):
        return False
    for block, entry in zip(blocks, [None, *entries]):
        msgids = _MSGID_LINE.findall(block)
        if len(msgids) != 1 or not _MSGSTR_LINE.search(block) or _CONTINUED.match(block) \
                or block.startswith("\n"):
            return False
        if entry is not None and bool(msgids[0]) != bool(entry.obsolete):
            return False
    return True


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


def earlier_store(project: Project, name: str, language: str) -> Store:
    """Where the texts a PO had before ``update`` replaced them are kept (a record of the
    document's, dropped with it: see :func:`pipeline.cache.record_store.document_of_record`)."""
    return Store(record_database(project), f"catalogs/{language}.earlier/{name}")


def earlier_texts(store: Store) -> list[tuple[str, str]]:
    """The texts kept by :func:`keep_earlier`, newest first, each with the digest of its
    content; none if there is no record or a damaged one.  Derived data like every record:
    the writer uses a text only if it reads as the very catalog it is about to write."""
    try:
        return [(digest, zlib.decompress(data).decode("utf-8"))
                for digest, data in _earlier_record(store)]
    except (ValueError, zlib.error):  # UnicodeDecodeError is a ValueError
        return []


def keep_earlier(store: Store, digest: str, text: str) -> None:
    """Keep ``text``, what a PO held before it was replaced, with the digest of its content:
    a source edited and then reverted gets the catalog back as it was, dates and wrapping
    and all, rather than one that differs from it in its dates only."""
    kept = [item for item in _earlier_record(store) if item[0] != digest][:EARLIER_KEPT - 1]
    keep_record(store, [(digest, zlib.compress(text.encode("utf-8"))), *kept])


def _earlier_record(store: Store) -> list[tuple[str, bytes]]:
    record = read_record(store)
    if not _is(list, record):
        return []
    return [item for item in record if _is(tuple, item) and len(item) == 2
            and _is(str, item[0]) and _is(bytes, item[1])]


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
        fields = dict(zip(ENTRY_FIELDS, values, strict=True))
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
