"""Cache records in one SQLite file, ``.cache/records.sqlite3``: one record per parsed
document (``documents/<doc>``) and per catalog as its stage wrote it
(``catalogs/<lang>/<doc>``).

One file, not a file per record: a cold run on 1,000 articles made 2,000 record files, and
a new file costs some file systems up to a millisecond of system time (the benchmark
machine's ext4 under nested virtualization; Windows with an on-access scanner), more than
writing the record.  SQLite's write-ahead log lets the worker processes of a run write at
once and read without waiting for a writer; each write is a transaction of its own, so a
killed run leaves every record whole.

A cache that cannot be read or written costs time, never the run: a locked, unreadable or
missing database reads as no record and takes no record, and a damaged one is replaced.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from ..core.project import Project

DATABASE_NAME = "records.sqlite3"
BUSY_SECONDS = 5.0
"""How long a write waits for another's before it gives up: no record, and no more writes
to that database from this process (a run's workers wait for each other milliseconds;
a lock held longer is someone else's, and waiting at every record would stall the run)."""
_SCHEMA = "CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, value BLOB NOT NULL)"


@dataclass(frozen=True)
class Store:
    """Where one record is kept: its database and its key there."""

    database: Path
    key: str


def record_database(project: Project) -> Path:
    """The database of the project's records."""
    return project.cache_path(DATABASE_NAME)


def document_of_record(key: str) -> str:
    """The document a record is of, from its key (``documents/<doc>``,
    ``catalogs/<lang>/<doc>``)."""
    kind, _, rest = key.partition("/")
    return rest.partition("/")[2] if kind == "catalogs" else rest


_connections: dict[tuple[str, int], tuple[sqlite3.Connection, tuple[int, int]]] = {}
"""Open connections by database and thread, with the file (device, inode) each opened."""
_inherited: list[sqlite3.Connection] = []
_given_up: set[str] = set()
"""Databases this process no longer writes to (see ``BUSY_SECONDS``)."""


def _forget_inherited() -> None:
    # A connection must not be used across fork; it is not closed in the child either
    # (closing would act on the parent's database state): kept, never used.
    _inherited.extend(db for db, _ in _connections.values())
    _connections.clear()


os.register_at_fork(after_in_child=_forget_inherited)


def read_value(store: Store) -> bytes | None:
    """The bytes kept under ``store``, or None: no record, or no readable database."""
    db = _connection(store.database, create=False)
    if db is None:
        return None
    try:
        row = db.execute("SELECT value FROM records WHERE key = ?", (store.key,)).fetchone()
    except sqlite3.Error as exc:
        _failed(store.database, exc)
        return None
    return row[0] if row else None


def write_value(store: Store, value: bytes) -> None:
    """Keep ``value`` under ``store`` (replacing what was there), if the database lets us."""
    db = _connection(store.database, create=True) \
        if str(store.database) not in _given_up else None
    if db is None:
        return
    try:
        db.execute("INSERT OR REPLACE INTO records VALUES (?, ?)", (store.key, value))
    except sqlite3.Error as exc:
        _failed(store.database, exc)


def keys(database: Path) -> list[str]:
    """Every key kept in ``database`` (none if there is no readable database)."""
    db = _connection(database, create=False)
    if db is None:
        return []
    try:
        return [key for key, in db.execute("SELECT key FROM records")]
    except sqlite3.Error as exc:
        _failed(database, exc)
        return []


def delete(database: Path, gone: list[str]) -> None:
    """Drop the records under these keys, in one transaction."""
    db = _connection(database, create=False) if gone else None
    if db is None:
        return
    try:
        db.execute("BEGIN")
        try:
            db.executemany("DELETE FROM records WHERE key = ?", [(key,) for key in gone])
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    except sqlite3.Error as exc:
        _failed(database, exc)


def _connection(database: Path, create: bool) -> sqlite3.Connection | None:
    slot = (str(database), threading.get_ident())
    try:
        info = os.stat(database)
        identity: tuple[int, int] | None = (info.st_dev, info.st_ino)
    except OSError:
        identity = None
    kept = _connections.get(slot)
    if kept is not None:
        if kept[1] == identity:
            return kept[0]
        # The file was deleted or replaced under us (``rm -r .cache``): what the old
        # connection reads and writes is no longer the cache.
        del _connections[slot]
        kept[0].close()
    if not create and identity is None:
        return None
    try:
        if create:
            database.parent.mkdir(parents=True, exist_ok=True)
        db = _open(database)
    except sqlite3.Error as exc:
        if isinstance(exc, sqlite3.OperationalError):
            return None  # locked, or not a file we can open: no cache this time
        remove_database(database)  # damaged: start afresh
        try:
            db = _open(database)
        except sqlite3.Error:
            return None
    except OSError:
        return None
    try:
        info = os.stat(database)
    except OSError:  # deleted at once: this connection's writes would be lost anyway
        db.close()
        return None
    _connections[slot] = db, (info.st_dev, info.st_ino)
    return db


def _open(database: Path) -> sqlite3.Connection:
    # Autocommit: each write is its own transaction, and no transaction stays open.
    return open_database(database, _SCHEMA, BUSY_SECONDS, autocommit=True)


def open_database(path: Path, schema: str, timeout: float,
                  autocommit: bool = False) -> sqlite3.Connection:
    """A connection to the cache database at ``path`` (made if missing) in write-ahead-log
    mode, with ``schema`` applied: readers do not wait for writers.  Also the translation
    cache's (:mod:`pipeline.mt.cache`)."""
    db = sqlite3.connect(path, timeout=timeout,
                         isolation_level=None if autocommit else "DEFERRED")
    try:
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode=WAL")
        # No fsync per write: a cache entry lost to a power cut is only lost time.
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute(schema)
    except sqlite3.Error:
        db.close()
        raise
    return db


def _failed(database: Path, exc: sqlite3.Error) -> None:
    if isinstance(exc, sqlite3.OperationalError):  # busy, or out of space: not damaged
        _given_up.add(str(database))
    else:
        for slot in [slot for slot in _connections if slot[0] == str(database)]:
            _connections.pop(slot)[0].close()
        remove_database(database)


def remove_database(database: Path) -> None:
    """Delete a damaged cache database with its log and shared-memory files."""
    for path in (database, database.with_name(database.name + "-wal"),
                 database.with_name(database.name + "-shm")):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass
