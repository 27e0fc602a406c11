"""Catalogs kept from the stage that wrote them for the build: ``.cache/catalogs/<lang>/<doc>.json``.

polib reads an article's PO in about 3 ms, most of building its localized Markdown.  The
stage that writes a PO (``update``) has the catalog in hand, so it keeps it, with each
entry's line as polib counts it in the written text; the build reads the PO's bytes and,
when they are the bytes written, takes the catalog from here instead of parsing.  Any other
file (a translator's edit, another tool's write) is read by polib as before.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import polib

from .document_cache import content_key
from .errors import CatalogError, FileSystemError
from .pofile_io import catalog_from_bytes, msgid_lines, write_atomic, written_entries
from .sourcefile import read_bytes

_FIELDS = ("msgid", "msgstr", "msgid_plural", "msgstr_plural", "msgctxt", "obsolete",
           "comment", "tcomment", "occurrences", "flags", "previous_msgctxt", "previous_msgid",
           "previous_msgid_plural")
"""What polib reads into an entry, but its line (``encoding`` is always UTF-8 here)."""
_PREVIOUS = ("previous_msgctxt", "previous_msgid", "previous_msgid_plural")


def remember_catalog(store: Path, text: str, catalog: polib.POFile) -> None:
    """Keep ``catalog``, whose PO text is ``text`` (as written), for :func:`cached_catalog`,
    unless polib would read that text otherwise (then the build parses, as polib reads)."""
    entries = written_entries(catalog)
    starts = sorted(msgid_lines(text))[1:]  # the first is the header's
    if len(starts) != len(entries) or not _reads_back_as_is(text, entries):
        return
    record = {"key": content_key(text.encode("utf-8")), "header": catalog.header,
              "metadata": catalog.metadata,
              # polib reads the header entry's flags into it: [] or ["fuzzy"].
              "metadata_is_fuzzy": ["fuzzy"] if catalog.metadata_is_fuzzy else [],
              "entries": [[*(getattr(entry, name) for name in _FIELDS), line]
                          for entry, line in zip(entries, starts)]}
    try:
        write_atomic(store, json.dumps(record, ensure_ascii=False).encode("utf-8"),
                     durable=False)
    except (FileSystemError, TypeError, ValueError):
        pass  # a cache that cannot be written costs time, not correctness


def _reads_back_as_is(text: str, entries: list[polib.POEntry]) -> bool:
    """Whether polib reads ``text`` back into these very entries.  It does not where an obsolete
    entry has a previous msgid (polib drops ``#~|`` lines), an extracted comment has an
    empty line or a translator's comment starts with one (polib drops them), or a
    reference's path has a space or its line is not a string."""
    return not any(
        (entry.obsolete and any(getattr(entry, name) is not None for name in _PREVIOUS))
        or (entry.comment and "" in entry.comment.split("\n"))
        or entry.tcomment.startswith("\n")
        or any(not isinstance(line, str) or any(c.isspace() for c in path)
               for path, line in entry.occurrences)
        for entry in entries)


def cached_catalog(path: Path, shown: str, store: Path) -> polib.POFile:
    """The PO at ``path``: from ``store`` when it holds the catalog written as these very
    bytes, else parsed (see :func:`pipeline.pofile_io.read_catalog`)."""
    data = read_bytes(path, shown, CatalogError)
    try:
        record = json.loads(store.read_bytes())
        if record["key"] == content_key(data):
            return _catalog_from(record)
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no record, another file or a damaged record: parse
    return catalog_from_bytes(data, shown)


def _catalog_from(record: dict[str, Any]) -> polib.POFile:
    catalog = polib.POFile(wrapwidth=0, encoding="utf-8")
    catalog.header = record["header"]
    catalog.metadata = record["metadata"]
    catalog.metadata_is_fuzzy = record["metadata_is_fuzzy"]
    for *row, line in record["entries"]:
        values = dict(zip(_FIELDS, row, strict=True))
        values["occurrences"] = [tuple(place) for place in values["occurrences"]]
        # JSON keys are strings; polib's plural indexes are numbers.
        values["msgstr_plural"] = {int(k): v for k, v in values["msgstr_plural"].items()}
        catalog.append(polib.POEntry(encoding="utf-8", linenum=line, **values))
    return catalog
