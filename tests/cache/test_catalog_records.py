"""The build takes a PO from the catalog cache when the file holds the very bytes ``update``
wrote, and the cached catalog is the one polib reads from those bytes: every entry field
(lines included), the header, the metadata and its order.  Any other file is parsed, and
so is a catalog polib would read otherwise than it was written."""

from __future__ import annotations

import marshal
import shutil
from pathlib import Path

import polib
import pytest

from conftest import SAMPLE, run_pipeline
from pipeline.cache import catalog_records as catalog_cache
from pipeline.cache.catalog_records import catalog_store
from pipeline.cache.record_store import Store, read_value, write_value
from pipeline.catalogs import po_files
from pipeline.catalogs.po_files import cached_catalog, read_catalog, serialize_catalog
from pipeline.core.project import open_project


def _catalogs(root: Path) -> list[tuple[Path, Store]]:
    """(PO, its cache record) of every catalog of the project."""
    project = open_project(root)
    return [(project.catalog_path(name, language), catalog_store(project, name, language))
            for name in project.document_names() for language in ("en", "ja")
            if project.catalog_path(name, language).exists()]


def _same(cached: polib.POFile, parsed: polib.POFile) -> None:
    assert [vars(e) for e in cached] == [vars(e) for e in parsed]
    assert list(cached.metadata.items()) == list(parsed.metadata.items())
    assert cached.header == parsed.header
    assert cached.metadata_is_fuzzy == parsed.metadata_is_fuzzy


def _from_cache_only(po: Path, store: Store, monkeypatch: pytest.MonkeyPatch) -> polib.POFile:
    with monkeypatch.context() as patch:
        patch.setattr(po_files, "catalog_from_bytes", _no_parse)
        return cached_catalog(po, po.name, store)


def _no_parse(data: bytes, shown: str) -> polib.POFile:
    raise AssertionError(f"{shown} was parsed")


def _translate(po: Path) -> None:
    """A translator's pass: most entries translated, one fuzzy, one with a comment."""
    catalog = read_catalog(po, po.name)
    for index, entry in enumerate(catalog):
        if index % 4 != 3:
            entry.msgstr = f"Ж {entry.msgid}"
        if index == 1:
            entry.flags.append("fuzzy")
        if index == 2:
            entry.tcomment = "checked by a human"
    po.write_text(serialize_catalog(catalog), encoding="utf-8")


@pytest.fixture(scope="module")
def updated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample after ``update -l en -l ja``: read it, never change it."""
    root = tmp_path_factory.mktemp("updated")
    (root / "source").mkdir()
    shutil.copy(SAMPLE, root / "source" / "aigc-intro.md")
    (root / "pipeline.toml").write_text(
        '[pipeline]\nsource_language = "zh"\nlanguages = ["en", "ja"]\n', encoding="utf-8")
    assert run_pipeline(root, "update", "-l", "en", "-l", "ja").returncode == 0
    return root


@pytest.mark.parametrize("by_dict", [True, False], ids=["entries by dict", "through __init__"])
def test_new_catalogs_read_from_the_cache_as_polib_reads_them(
        updated: Path, monkeypatch: pytest.MonkeyPatch, by_dict: bool) -> None:
    """Entries are made without polib's __init__ while it sets no other attributes than
    ours (asserted here), through it otherwise: both the same."""
    assert catalog_cache._BY_DICT
    monkeypatch.setattr(catalog_cache, "_BY_DICT", by_dict)
    catalogs = _catalogs(updated)
    assert len(catalogs) == 2
    for po, store in catalogs:
        _same(_from_cache_only(po, store, monkeypatch), read_catalog(po, po.name))


def test_merged_catalogs_fuzzy_and_obsolete_read_the_same(
        sample_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_pipeline(sample_project, "update", "-l", "ja").returncode == 0
    [(po, store)] = _catalogs(sample_project)
    _translate(po)
    source = sample_project / "source" / "aigc-intro.md"
    paragraphs = source.read_text(encoding="utf-8").split("\n\n")
    prose = [k for k, p in enumerate(paragraphs)
             if "。" in p and p[0] not in "#|`-!>" and "\n```" not in p]
    # One paragraph edited (a fuzzy match with #| msgid), one removed (obsolete).
    paragraphs[prose[3]] = paragraphs[prose[3]].replace("。", "！", 1)
    del paragraphs[prose[6]]
    source.write_text("\n\n".join(paragraphs), encoding="utf-8")
    assert run_pipeline(sample_project, "update", "-l", "ja").returncode == 0
    parsed = read_catalog(po, po.name)
    assert any(e.previous_msgid for e in parsed) and any(e.obsolete for e in parsed)
    assert any(e.msgstr and "fuzzy" not in e.flags for e in parsed)
    _same(_from_cache_only(po, store, monkeypatch), parsed)


def test_a_catalog_changed_after_update_is_parsed(sample_project: Path) -> None:
    assert run_pipeline(sample_project, "update", "-l", "ja").returncode == 0
    [(po, store)] = _catalogs(sample_project)
    _translate(po)  # the file no longer holds the bytes update wrote
    _same(cached_catalog(po, po.name, store), read_catalog(po, po.name))
    assert run_pipeline(sample_project, "build", "-l", "ja", "--format", "md").returncode == 0
    built = (sample_project / "build" / "ja" / "aigc-intro.md").read_text(encoding="utf-8")
    assert "Ж " in built


@pytest.mark.parametrize("record", [b"", b"{", b'{"key": 1}', marshal.dumps([]),
                                    marshal.dumps({"key": 1}), b"\xff", "right key",
                                    "right key, short row"])
def test_a_damaged_record_means_a_parse(updated: Path, tmp_path: Path,
                                        record: bytes | str) -> None:
    po, _ = _catalogs(updated)[0]
    store = Store(tmp_path / "records.sqlite3", "record")
    key = catalog_cache.content_key(po.read_bytes())
    if record == "right key":
        record = marshal.dumps((key, "header"))
    elif record == "right key, short row":
        record = marshal.dumps((key, "header", {}, [], [("msgid", 3)]))
    assert isinstance(record, bytes)
    write_value(store, record)
    _same(cached_catalog(po, po.name, store), read_catalog(po, po.name))


def _odd_catalog(case: str) -> polib.POFile:
    catalog = polib.POFile(wrapwidth=0)
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    entry = polib.POEntry(msgid="正文", msgstr="text", occurrences=[("source/a.md", "3")])
    # The first two read back as written since parse_catalog splits lines at "\n" only
    # and reads "#~|" lines.
    if case == "obsolete with a previous msgid":
        entry.obsolete, entry.previous_msgid, entry.occurrences = True, "旧\n的", []
    elif case == "obsolete with a reference":
        entry.obsolete = True
    elif case == "a line separator":
        entry.msgid = "图\u2028表"
    elif case == "an empty line in an extracted comment":
        entry.comment = "paragraph\n\nnote"
    elif case == "a space ending a comment's line":
        entry.comment = "paragraph\nnote\u3000"
    elif case == "a translator's comment starting with an empty line":
        entry.tcomment = "\nchecked"
    elif case == "a space in a reference's path":
        entry.occurrences = [("source/my doc.md", "3")]
    catalog.append(entry)
    return catalog


@pytest.mark.parametrize("case", ["obsolete with a reference", "an empty line in an extracted comment",
                                  "a space ending a comment's line",
                                  "a translator's comment starting with an empty line",
                                  "a space in a reference's path"])
def test_what_polib_reads_otherwise_is_not_kept(tmp_path: Path, case: str) -> None:
    catalog = _odd_catalog(case)
    po, store = tmp_path / "a.po", Store(tmp_path / "records.sqlite3", "a")
    text = serialize_catalog(catalog)
    po.write_text(text, encoding="utf-8")
    parsed = read_catalog(po, po.name)
    fields = [[getattr(e, name) for name in catalog_cache.ENTRY_FIELDS] for e in catalog]
    assert [[getattr(e, name) for name in catalog_cache.ENTRY_FIELDS] for e in parsed] != fields
    catalog_cache.remember_catalog(store, text, catalog)
    assert read_value(store) is None


@pytest.mark.parametrize("case", ["plain", "a line separator", "obsolete with a previous msgid"])
def test_what_polib_reads_as_written_is_kept(tmp_path: Path, case: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain entry is kept, so the cases above are what stops them."""
    catalog = _odd_catalog(case)
    po, store = tmp_path / "a.po", Store(tmp_path / "records.sqlite3", "a")
    text = serialize_catalog(catalog)
    po.write_text(text, encoding="utf-8")
    catalog_cache.remember_catalog(store, text, catalog)
    _same(_from_cache_only(po, store, monkeypatch), read_catalog(po, po.name))
