"""Replies we already paid for: SQLite in ``.cache/mt.sqlite3``.

Keyed by engine, language pair and protected text (tokens in place), so a second run of an
unchanged project sends no request, and two segments differing only in their code spans share
one reply.  Only accepted replies are stored, raw: the checks and fixes run again on every
use, so improving them never needs a cache flush.  Each batch of replies is one transaction;
a killed run keeps everything committed before it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

from ..cache.record_store import open_database, remove_database
from ..core.errors import PipelineError

CACHE_NAME = "mt.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS replies (
    engine TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    text TEXT NOT NULL,
    reply TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (engine, source, target, text)
) WITHOUT ROWID
"""


class ReplyCache:
    """The reply cache of one engine and language pair."""

    def __init__(self, path: Path, engine: str, source: str, target: str) -> None:
        self.key = (engine, source, target)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self.db = self._open(path)
            except sqlite3.DatabaseError as exc:
                if isinstance(exc, sqlite3.OperationalError):
                    raise
                remove_database(path)  # a damaged cache is only lost time: start afresh
                self.db = self._open(path)
        except (sqlite3.Error, OSError) as exc:
            raise PipelineError(f"cannot open the translation cache: {exc}", str(path)) \
                from None

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        return open_database(path, _SCHEMA, timeout=30)

    def get(self, text: str) -> str | None:
        """The stored reply for a protected text, if any."""
        row = self.db.execute(
            "SELECT reply FROM replies WHERE engine=? AND source=? AND target=? AND text=?",
            (*self.key, text)).fetchone()
        # TEXT in a hand-made database may be anything: only a string is a reply.
        return row[0] if row and isinstance(row[0], str) else None

    def put_many(self, replies: Iterable[tuple[str, str]]) -> None:
        """Store (protected text, raw reply) pairs in one transaction."""
        created = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO replies VALUES (?, ?, ?, ?, ?, ?)",
                [(*self.key, text, reply, created) for text, reply in replies])

    def close(self) -> None:
        """Close the database."""
        self.db.close()
