"""The cache keeps a PO that update did not write (its content was already the catalog's)
under the file's own bytes: wrapped by another tool, it is kept as polib reads it, lines
and all, or not kept when its entries are not one a block (the build then parses)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from conftest import ROOT
from pipeline.cache.catalog_records import recorded_catalog, remember_catalog
from pipeline.cache.record_store import Store
from pipeline.catalogs.po_files import parse_catalog

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'


def _kept(tmp_path: Path, text: str) -> tuple[polib.POFile | None, polib.POFile]:
    store = Store(tmp_path / "records.sqlite3", "catalogs/ja/doc")
    catalog = parse_catalog(text, "doc.po")
    remember_catalog(store, text, catalog)
    return recorded_catalog(store, text.encode("utf-8")), catalog


@pytest.mark.skipif(shutil.which("msgcat") is None, reason="needs GNU msgcat")
def test_a_msgcat_file_is_kept_as_polib_reads_it(tmp_path: Path) -> None:
    text = subprocess.run(["msgcat", str(ROOT / "locales/en/LC_MESSAGES/aigc-intro.po")],
                          capture_output=True, check=True).stdout.decode("utf-8")
    kept, parsed = _kept(tmp_path, text)
    assert kept is not None
    assert [vars(e) for e in kept] == [vars(e) for e in parsed]  # linenum included


@pytest.mark.parametrize("text", [
    HEADER + '\n#: a.md:1\n\nmsgid "一"\nmsgstr "one"\n',  # a blank line inside an entry
    HEADER + '\nmsgid "一"\nmsgstr "one"\nmsgid "二"\nmsgstr "two"\n\n'
             'msgid "三"\nmsgstr "three"\n\n\nmsgid "四"\nmsgstr ""\n',  # 2 + 0 blank lines
    HEADER + '\n#~ msgid "旧"\n#~ msgstr "old"\n\nmsgid "一"\nmsgstr "one"\n',  # obsolete first
    HEADER + '\nmsgid "一"\nmsgstr ""\n"one"\n\n"more"\n\nmsgid "二"\nmsgstr "two"\n',
], ids=["blank-inside", "blocks-off-by-one", "obsolete-first", "blank-in-a-string"])
def test_a_file_whose_blocks_are_not_its_entries_is_not_kept(tmp_path: Path,
                                                             text: str) -> None:
    kept, parsed = _kept(tmp_path, text)
    assert kept is None


def test_a_file_of_one_entry_a_block_is_kept(tmp_path: Path) -> None:
    text = HEADER + ('\n#, fuzzy\n#| msgid "旧的一"\nmsgid ""\n"一 "\n"二"\nmsgstr "one"\n\n'
                     '#~ msgid "旧"\n#~ msgstr "old"\n')
    kept, parsed = _kept(tmp_path, text)
    assert kept is not None and [vars(e) for e in kept] == [vars(e) for e in parsed]
