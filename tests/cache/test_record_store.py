"""The cache's records in one SQLite file: what a run needs from it whatever state it is
in (missing, damaged, locked, shared by worker processes)."""

from __future__ import annotations

import multiprocessing
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import run_pipeline
from pipeline.cache import record_store
from pipeline.cache.record_store import Store, delete, keys, read_value, write_value


def test_records_are_kept_replaced_listed_and_deleted(tmp_path: Path) -> None:
    database = tmp_path / ".cache" / "records.sqlite3"
    assert read_value(Store(database, "documents/a")) is None
    assert not database.parent.exists()  # reading makes nothing
    write_value(Store(database, "documents/a"), b"one")
    write_value(Store(database, "catalogs/ja/a"), b"two")
    write_value(Store(database, "documents/a"), b"three")
    assert read_value(Store(database, "documents/a")) == b"three"
    assert sorted(keys(database)) == ["catalogs/ja/a", "documents/a"]
    delete(database, ["documents/a"])
    assert keys(database) == ["catalogs/ja/a"]
    assert read_value(Store(database, "documents/a")) is None


def test_a_database_deleted_under_an_open_connection_is_made_again(tmp_path: Path) -> None:
    """``rm -r .cache`` between two commands of one process (a test, an editor plugin):
    the connection of the deleted file is not the cache any more."""
    database = tmp_path / ".cache" / "records.sqlite3"
    write_value(Store(database, "documents/a"), b"old")
    shutil.rmtree(database.parent)
    assert read_value(Store(database, "documents/a")) is None
    write_value(Store(database, "documents/b"), b"new")
    assert keys(database) == ["documents/b"]


def test_a_damaged_database_is_replaced(tmp_path: Path) -> None:
    database = tmp_path / "records.sqlite3"
    database.write_bytes(b"not a database at all, " * 100)
    assert read_value(Store(database, "documents/a")) is None
    write_value(Store(database, "documents/a"), b"kept")
    assert read_value(Store(database, "documents/a")) == b"kept"
    assert sqlite3.connect(database).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_run_replaces_a_damaged_database(make_project) -> None:
    root = make_project({"doc": "正文。\n"})
    (root / ".cache").mkdir()
    (root / ".cache/records.sqlite3").write_bytes(b"\x00garbage" * 1000)
    assert run_pipeline(root, "update", "-l", "ja").returncode == 0
    assert sorted(keys(root / ".cache/records.sqlite3")) == ["catalogs/ja/doc", "documents/doc"]


def test_a_locked_database_costs_the_records_not_the_run(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Someone else holds the write lock (a sqlite3 shell left in a transaction): the write
    gives up after BUSY_SECONDS, and this process writes no more to that database (waiting
    at every record would stall the run); reading goes on."""
    monkeypatch.setattr(record_store, "BUSY_SECONDS", 0.05)
    monkeypatch.setattr(record_store, "_given_up", set())
    database = tmp_path / "records.sqlite3"
    write_value(Store(database, "documents/a"), b"old")
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        write_value(Store(database, "documents/a"), b"new")  # gives up, raises nothing
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    write_value(Store(database, "documents/b"), b"not kept")
    assert read_value(Store(database, "documents/a")) == b"old"
    assert keys(database) == ["documents/a"]


def _write_many(database: Path, prefix: str) -> None:
    for index in range(200):
        write_value(Store(database, f"{prefix}/{index}"), prefix.encode() * 5000)


def test_forked_workers_write_at_once_and_the_parent_reads_it_all(tmp_path: Path) -> None:
    """The parent's connection is open when the workers fork (as in a run): each worker
    opens its own, and the parent's still works after they are gone."""
    database = tmp_path / "records.sqlite3"
    write_value(Store(database, "parent"), b"first")
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_write_many, args=(database, name)) for name in "ab"]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
        assert worker.exitcode == 0
    assert len(keys(database)) == 401
    assert read_value(Store(database, "b/199")) == b"b" * 5000
    write_value(Store(database, "parent"), b"second")
    assert read_value(Store(database, "parent")) == b"second"
