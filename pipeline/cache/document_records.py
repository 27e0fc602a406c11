"""Parsed documents kept between runs and stages: records ``documents/<doc>`` of
:mod:`pipeline.cache.record_store`.

Segmenting is the costly part of every stage (markdown-it-py parses about 1 MB/s), so the
first stage that needs a document parses it and later stages and re-runs read it back,
as long as the source bytes, the settings that shape segments and the code are the same.

Records (these and :mod:`pipeline.cache.catalog_records`'s) are built-in values written with
marshal: it writes an article's record in about 0.5 ms and reads it in 0.4 (JSON: 1.6 and
1.0), and it gives back the types it was given (tuples stay tuples; only buffers such as
bytearray come back as bytes, and records hold none) or refuses to write.  marshal is not
meant for data from others: ``.cache/`` is the project's own and git-ignored.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from collections.abc import Callable
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from ..core.document import Document, Segment, well_formed
from ..core.project import Project
from .record_store import Store, read_value, record_database, write_value

_PARSING_LIBRARIES = ("markdown_it", "mdit_py_plugins", "ruamel.yaml", "_ruamel_yaml", "polib",
                      "linkify_it")
"""Libraries whose versions shape what the caches hold as much as our code does: segments
(markdown-it, its plugins, ruamel.yaml and libyaml for front matter), catalogs (polib) and
pages (linkify-it finds their links): a new version makes everything again."""


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the package's code and templates and of the parsing libraries'
    installs: results made by other code are stale.  A library counts by its
    ``__init__.py`` (or its module file), content and modification time, which an upgrade
    or a reinstall rewrites (importlib.metadata would cost every command 40 ms of imports);
    a compiled module by its size and time alone (libyaml's is 2.7 MB, 5 ms to hash)."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parents[1].rglob("*")):  # the whole package
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


def document_store(project: Project, name: str) -> Store:
    """Where a document's segments are kept."""
    return Store(record_database(project), f"documents/{name}")


def keep_record(store: Store, value: Any) -> None:
    """Keep ``value`` (exact built-in types only: anything else is not kept) in ``store``.
    A cache that cannot be written costs time, not correctness."""
    try:
        data = marshal.dumps(value)
    except ValueError:
        return
    write_value(store, data)


def read_record(store: Store) -> Any:
    """What :func:`keep_record` kept in ``store``; None when there is no record or it is
    damaged."""
    data = read_value(store)
    if data is None:
        return None
    try:
        return marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        return None


def cached_document(data: bytes, store: Store, salt: str, parse: Callable[[], Document],
                    keep: bool = True) -> tuple[Document, str, Any]:
    """The document parsed from ``data`` (the source bytes): read from ``store`` when it was
    made from the same bytes, ``salt`` (settings) and code, else ``parse()`` and, with
    ``keep``, kept; with that key (the key of whatever else is made from the document) and
    what the record keeps for the document's template (None if nothing: see
    :func:`keep_document`)."""
    key = content_key(data, salt)
    record = read_record(store)
    try:
        if record[0] == key:
            return _document_from(record[1:-1]), key, record[-1]
    except (TypeError, ValueError, KeyError, IndexError):
        pass  # no record, another key or a damaged one: parse again
    document = parse()
    if keep:
        keep_document(store, key, document)
    return document, key, None


def keep_document(store: Store, key: str, document: Document, template: Any = None) -> None:
    """Keep ``document`` parsed with ``key``, and beside it what its template's writer
    needs to know next time (:func:`pipeline.stages.update.write_template`)."""
    keep_record(store, (key, *_document_record(document), template))


_FIELDS = tuple(name for name in Document.__slots__ if name != "segments")


def _document_record(document: Document) -> tuple[Any, ...]:
    rows = [tuple(getattr(segment, name) for name in Segment.__slots__)
            for segment in document.segments]
    return (*(getattr(document, name) for name in _FIELDS), rows)


def _document_from(record: tuple[Any, ...]) -> Document:
    """The document a record keeps; ValueError unless it is well formed (a hand-made or
    damaged record is parsed again, never trusted more than the source)."""
    *values, rows = record
    fields = dict(zip(_FIELDS, values, strict=True))
    # Segment's slots are its fields in order: a row is its arguments, all of them.
    if any(len(row) != len(Segment.__slots__) for row in rows):
        raise ValueError("not a segment this code keeps")
    document = Document(segments=[Segment(*row) for row in rows], **fields)
    if not well_formed(document):
        raise ValueError("not a document this code makes")
    return document
