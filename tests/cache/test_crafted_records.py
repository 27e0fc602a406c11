"""A cache is never trusted more than the sources: a hand-made record with the right key
and wrong contents (field types, bounds, styles) is dropped and made again, and the build
comes out as from a clean cache, with no traceback."""

from __future__ import annotations

import json
import marshal
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import SAMPLE, run_pipeline
from pipeline.cache.catalog_records import catalog_store
from pipeline.cache.document_records import document_store
from pipeline.cache.record_store import read_value, write_value
from pipeline.core.document import SEGMENT_STYLES
from pipeline.core.project import open_project
from pipeline.markdown.rebuild import WRITERS


def _built(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted((root / "build").rglob("*")) if p.is_file()}


@pytest.fixture
def built(make_project) -> tuple[Path, dict[str, bytes]]:
    root = make_project({"doc": SAMPLE.read_text(encoding="utf-8")})
    shutil.copytree(SAMPLE.parent.parent / "locales", root / "locales", dirs_exist_ok=True)
    assert run_pipeline(root, "update").returncode == 0
    assert run_pipeline(root, "build").returncode == 0
    return root, _built(root)


def _document_record(root: Path) -> list:
    return list(marshal.loads(read_value(document_store(open_project(root), "doc"))))


def _rebuilt(root: Path) -> dict[str, bytes]:
    shutil.rmtree(root / "build")
    (root / ".cache/fingerprints.json").unlink()
    result = run_pipeline(root, "build")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return _built(root)


def _row(record: list, change) -> list:
    rows = [list(row) for row in record[-2]]
    change(rows)
    record[-2] = [tuple(row) for row in rows]
    return record


DOCUMENT_DAMAGE = {
    "a start that is text": lambda rows: rows[0].__setitem__(0, "x"),
    "an end past the text": lambda rows: rows[-1].__setitem__(1, 10**9),
    "segments out of order": lambda rows: rows.reverse(),
    "an unknown style": lambda rows: rows[3].__setitem__(5, "evil"),
    "notes that are a list": lambda rows: rows[2].__setitem__(8, ["x"]),
    "a short row": lambda rows: rows[1].pop(),  # notes has a default: still not ours
}


@pytest.mark.parametrize("damage", DOCUMENT_DAMAGE, ids=list(DOCUMENT_DAMAGE))
def test_a_crafted_document_record_is_made_again(built, damage: str) -> None:
    root, clean = built
    record = _row(_document_record(root), DOCUMENT_DAMAGE[damage])
    write_value(document_store(open_project(root), "doc"), marshal.dumps(tuple(record)))
    assert _rebuilt(root) == clean
    assert _document_record(root) != record  # replaced by a record of the real parse


@pytest.mark.parametrize("field, value", [(1, "newline"), (3, "not a bool"),
                                          (4, {"references": {"a": {"href": 3}}})])
def test_a_document_record_with_wrong_fields_is_made_again(built, field: int,
                                                           value: object) -> None:
    root, clean = built
    record = _document_record(root)
    record[1 + field] = value  # after the key: path, text, newline, bom, definitions
    write_value(document_store(open_project(root), "doc"), marshal.dumps(tuple(record)))
    assert _rebuilt(root) == clean


@pytest.mark.parametrize("position, value", [(0, 7), (1, None), (8, [("a", 1)]), (9, "fuzzy")])
def test_a_crafted_catalog_record_is_parsed_again(built, position: int, value: object) -> None:
    root, clean = built
    store = catalog_store(open_project(root), "doc", "en")
    key, header, metadata, fuzzy, rows = marshal.loads(read_value(store))
    row = list(rows[0])
    row[position] = value  # msgid, msgstr, ..., occurrences, flags
    write_value(store, marshal.dumps((key, header, metadata, fuzzy, [tuple(row), *rows[1:]])))
    assert _rebuilt(root) == clean


def test_a_crafted_memo_is_worked_out_again(built) -> None:
    root, clean = built
    memo_path = root / ".cache/memo.json"
    memo = json.loads(memo_path.read_text(encoding="utf-8"))
    for key, value in memo.items():
        value[3] = "x" if key.startswith("counts:") else 7
    memo_path.write_text(json.dumps(memo), encoding="utf-8")
    (root / "build/index.html").unlink()
    assert _rebuilt(root) == clean


def test_a_reply_cache_holding_no_text_is_asked_again(make_project) -> None:
    root = make_project({"doc": "# 标题\n\n正文。\n"})
    assert run_pipeline(root, "translate", "-l", "en", "--engine", "pseudo", "-q").returncode == 0
    database = sqlite3.connect(root / ".cache/mt.sqlite3")
    with database:
        database.execute("UPDATE replies SET reply = x'deadbeef'")  # a blob, not a text
    database.close()
    (root / "locales/en/LC_MESSAGES/doc.po").unlink()
    result = run_pipeline(root, "translate", "-l", "en", "--engine", "pseudo", "-q")
    assert result.returncode == 0, result.stderr
    assert "0 from cache" in result.stdout


def test_every_segment_style_has_a_writer() -> None:
    assert set(WRITERS) == SEGMENT_STYLES
