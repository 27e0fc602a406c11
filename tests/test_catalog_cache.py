"""The build takes a PO from the catalog cache when the file holds the very bytes ``update``
wrote, and the cached catalog is the one polib reads from those bytes: every entry field
(lines included), the header, the metadata and its order.  Any other file is parsed."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from conftest import run_pipeline
from pipeline import catalog_cache
from pipeline.pofile_io import read_catalog


def _catalogs(root: Path) -> list[tuple[Path, Path]]:
    """(PO, its cache record) of every catalog of the project."""
    found = []
    for po in sorted((root / "locales").rglob("*.po")):
        language = po.relative_to(root / "locales").parts[0]
        found.append((po, root / ".cache" / "catalogs" / language / f"{po.stem}.json"))
    return found


def _same(cached: polib.POFile, parsed: polib.POFile) -> None:
    assert [vars(e) for e in cached] == [vars(e) for e in parsed]
    assert list(cached.metadata.items()) == list(parsed.metadata.items())
    assert cached.header == parsed.header
    assert cached.metadata_is_fuzzy == parsed.metadata_is_fuzzy


def _from_cache_only(po: Path, store: Path, monkeypatch: pytest.MonkeyPatch) -> polib.POFile:
    with monkeypatch.context() as patch:
        patch.setattr(catalog_cache, "parse_catalog", _no_parse)
        return catalog_cache.read_catalog(po, po.name, store)


def _no_parse(text: str, shown: str) -> polib.POFile:
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
    catalog.wrapwidth = 0
    po.write_text(str(catalog) + "\n", encoding="utf-8")


def test_new_catalogs_read_from_the_cache_as_polib_reads_them(
        sample_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_pipeline(sample_project, "update", "-l", "en", "-l", "ja").returncode == 0
    catalogs = _catalogs(sample_project)
    assert len(catalogs) == 2
    for po, store in catalogs:
        _same(_from_cache_only(po, store, monkeypatch), read_catalog(po, po.name))


def test_merged_catalogs_fuzzy_and_obsolete_read_the_same(
        sample_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_pipeline(sample_project, "update", "-l", "ja").returncode == 0
    [(po, store)] = _catalogs(sample_project)
    _translate(po)
    source = sample_project / "source" / "aigc-intro.md"
    text = source.read_text(encoding="utf-8")
    paragraphs = text.split("\n\n")
    # One paragraph edited (a fuzzy match with #| msgid), one removed (obsolete).
    prose = [k for k, p in enumerate(paragraphs)
             if "。" in p and p[0] not in "#|`-!>" and "\n```" not in p]
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
    catalog = catalog_cache.read_catalog(po, po.name, store)
    _same(catalog, read_catalog(po, po.name))
    assert run_pipeline(sample_project, "build", "-l", "ja", "--format", "md").returncode == 0
    built = (sample_project / "build" / "ja" / "aigc-intro.md").read_text(encoding="utf-8")
    assert "Ж " in built


@pytest.mark.parametrize("record", [b"", b"{", b'{"key": 1}', b"[]", b"\xff"])
def test_a_damaged_record_means_a_parse(sample_project: Path, record: bytes) -> None:
    assert run_pipeline(sample_project, "update", "-l", "ja").returncode == 0
    [(po, store)] = _catalogs(sample_project)
    store.write_bytes(record)
    _same(catalog_cache.read_catalog(po, po.name, store), read_catalog(po, po.name))


def test_a_damaged_record_with_the_right_key_means_a_parse(sample_project: Path) -> None:
    assert run_pipeline(sample_project, "update", "-l", "ja").returncode == 0
    [(po, store)] = _catalogs(sample_project)
    store.write_text('{"key": "%s", "entries": [[1]]}' % catalog_cache._key(po.read_bytes()),
                     encoding="utf-8")
    _same(catalog_cache.read_catalog(po, po.name, store), read_catalog(po, po.name))
