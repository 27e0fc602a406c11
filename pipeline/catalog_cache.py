"""Catalogs kept from the stage that wrote them for the build: ``.cache/catalogs/<lang>/<doc>.json``.

polib reads an article's PO in about 3 ms, most of building its localized Markdown.  The
stage that writes a PO (``update``) has the catalog in hand, so it keeps it, with each
entry's line as polib counts it in the written text; the build reads the PO's bytes and,
when they are the bytes written, takes the catalog from here instead of parsing.  Any other
file (a translator's edit, another tool's write) is read by polib as before.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import polib

from .document_cache import code_digest
from .errors import CatalogError, FileSystemError
from .pofile_io import parse_catalog, write_atomic
from .sourcefile import read_bytes

_FIELDS = ("msgid", "msgstr", "msgid_plural", "msgstr_plural", "msgctxt", "obsolete",
           "comment", "tcomment", "occurrences", "flags", "previous_msgctxt", "previous_msgid",
           "previous_msgid_plural", "linenum")
"""What polib reads into an entry (``encoding`` is always UTF-8 here)."""


def remember_catalog(store: Path, text: str, catalog: polib.POFile) -> None:
    """Keep ``catalog``, whose PO text is ``text`` (as written), for :func:`read_catalog`."""
    # polib reads the live entries, then the obsolete ones, each starting on the line after
    # a blank one; the first block is the header.
    entries = [e for e in catalog if not e.obsolete] + [e for e in catalog if e.obsolete]
    lines = text.split("\n")
    starts = [k + 2 for k in range(len(lines) - 1) if not lines[k] and lines[k + 1]]
    if len(starts) != len(entries):
        return  # not our writer's layout: the build parses
    rows = []
    for entry, line in zip(entries, starts):
        row = [getattr(entry, name) for name in _FIELDS[:-1]]
        rows.append([*row, line])
    record = {"key": _key(text.encode("utf-8")), "header": catalog.header,
              "metadata": list(catalog.metadata.items()),
              # polib reads the header entry's flags into it: [] or ["fuzzy"].
              "metadata_is_fuzzy": ["fuzzy"] if catalog.metadata_is_fuzzy else [],
              "entries": rows}
    try:
        write_atomic(store, json.dumps(record, ensure_ascii=False).encode("utf-8"),
                     durable=False)
    except (FileSystemError, TypeError, ValueError):
        pass  # a cache that cannot be written costs time, not correctness


def read_catalog(path: Path, shown: str, store: Path) -> polib.POFile:
    """The PO at ``path``: from ``store`` when it holds the catalog written as these very
    bytes, else parsed (see :func:`pipeline.pofile_io.read_catalog`)."""
    data = read_bytes(path, shown, CatalogError)
    try:
        record = json.loads(store.read_bytes())
        if record["key"] == _key(data):
            return _catalog_from(record)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        pass  # no record, another file or a damaged record: parse
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from .pofile_io import read_catalog as read_and_parse
        return read_and_parse(path, shown)  # names the line of the bad bytes
    return parse_catalog(text.replace("\r\n", "\n"), shown)


def _key(data: bytes) -> str:
    # Our code counts too: a record is only as right as the code that wrote it.
    digest = hashlib.sha256(data)
    digest.update(f"polib {polib.__version__} {code_digest()}".encode())
    return digest.hexdigest()


def _catalog_from(record: dict[str, Any]) -> polib.POFile:
    catalog = polib.POFile(wrapwidth=0, encoding="utf-8")
    catalog.header = record["header"]
    catalog.metadata = dict(record["metadata"])
    catalog.metadata_is_fuzzy = record["metadata_is_fuzzy"]
    for row in record["entries"]:
        values = dict(zip(_FIELDS, row, strict=True))
        values["occurrences"] = [tuple(place) for place in values["occurrences"]]
        # JSON keys are strings; polib's plural indexes are numbers.
        values["msgstr_plural"] = {int(k): v for k, v in values["msgstr_plural"].items()}
        catalog.append(polib.POEntry(encoding="utf-8", **values))
    return catalog
