"""Parsed documents kept between runs and stages: ``.cache/documents/<doc>.json``.

Segmenting is the costly part of every stage (markdown-it-py parses about 1 MB/s), so the
first stage that needs a document parses it and later stages and re-runs read it back,
as long as the source bytes, the settings that shape segments and the code are the same.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from .document import Document, Segment
from .errors import FileSystemError
from .pofile_io import write_atomic


_PARSING_LIBRARIES = ("markdown_it", "mdit_py_plugins", "ruamel.yaml", "_ruamel_yaml", "polib")
"""Libraries whose versions shape what the caches hold as much as our code does: segments
(markdown-it, its plugins, ruamel.yaml and libyaml for front matter) and catalogs (polib)."""


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the package's code and templates and of the parsing libraries'
    installs: results made by other code are stale.  A library counts by its
    ``__init__.py`` (or its module file), content and modification time, which an upgrade
    or a reinstall rewrites (importlib.metadata would cost every command 40 ms of imports);
    a compiled module by its size and time alone (libyaml's is 2.7 MB, 5 ms to hash)."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*")):
        if path.suffix in (".py", ".html", ".css", ".j2") and path.is_file():
            digest.update(path.read_bytes())
    for library in _PARSING_LIBRARIES:
        spec = find_spec(library)  # finds without importing
        origin = spec.origin if spec and spec.origin else ""
        if os.path.isfile(origin):
            info = os.stat(origin)
            digest.update(f"{library} {info.st_mtime_ns} {info.st_size}".encode())
            if origin.endswith(".py"):
                digest.update(Path(origin).read_bytes())
    return digest.hexdigest()


def content_key(data: bytes, salt: str = "") -> str:
    """The key of what was made from ``data`` with ``salt`` (settings) by this code."""
    digest = hashlib.sha256(data)
    digest.update(salt.encode())
    digest.update(code_digest().encode())
    return digest.hexdigest()


def cached_document(data: bytes, store: Path, salt: str,
                    parse: Callable[[], Document]) -> Document:
    """The document parsed from ``data`` (the source bytes): read from ``store`` when it was
    made from the same bytes, ``salt`` (settings) and code, else ``parse()`` and kept."""
    key = content_key(data, salt)
    try:
        record = json.loads(store.read_bytes())
        if record.pop("key") == key:
            return _document_from(record)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # no file, another key or a damaged file: parse again
    document = parse()
    # Kept only if it reads back equal: a field JSON cannot hold makes no wrong copy.
    try:
        text = json.dumps({"key": key, **_document_record(document)}, ensure_ascii=False)
        record = json.loads(text)
        del record["key"]
        faithful = _document_from(record) == document
    except (TypeError, ValueError):
        faithful = False
    if faithful:
        try:
            write_atomic(store, text.encode("utf-8"), durable=False)
        except FileSystemError:
            pass  # a read-only cache costs time, not correctness
    return document


def _document_record(document: Document) -> dict[str, object]:
    record = {name: getattr(document, name) for name in Document.__slots__}
    record["segments"] = [[getattr(segment, name) for name in Segment.__slots__]
                          for segment in document.segments]
    return record


def _document_from(record: dict[str, Any]) -> Document:
    segments = []
    for row in record.pop("segments"):
        values = dict(zip(Segment.__slots__, row, strict=True))
        values["notes"] = tuple(values["notes"])  # JSON gives a list
        segments.append(Segment(**values))
    return Document(segments=segments, **record)
