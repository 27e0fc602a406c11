"""Writing catalogs: only when the content changed, with the date header moved then."""

from __future__ import annotations

from pathlib import Path

import polib

from pipeline.pofile_io import serialize_catalog, write_catalog


def _catalog(*msgids: str) -> polib.POFile:
    catalog = polib.POFile()
    catalog.metadata = {"Project-Id-Version": "t", "PO-Revision-Date": "x",
                        "Content-Type": "text/plain; charset=UTF-8"}
    for msgid in msgids:
        catalog.append(polib.POEntry(msgid=msgid, msgstr=""))
    return catalog


def test_date_moves_only_when_the_content_changes(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    assert write_catalog(path, _catalog("一"), "2026-01-01 00:00+0000", "PO-Revision-Date")
    first = path.read_bytes()
    assert b'"PO-Revision-Date: 2026-01-01 00:00+0000\\n"' in first

    assert not write_catalog(path, _catalog("一"), "2026-02-02 00:00+0000", "PO-Revision-Date")
    assert path.read_bytes() == first

    changed = _catalog("一", "二")
    assert write_catalog(path, changed, "2026-03-03 00:00+0000", "PO-Revision-Date")
    assert changed.metadata["PO-Revision-Date"] == "2026-03-03 00:00+0000"
    # What is written is the whole catalog with its new date, as polib writes it.
    assert path.read_text(encoding="utf-8") == serialize_catalog(changed)
    assert 'msgid "二"' in path.read_text(encoding="utf-8")


def test_a_file_without_the_date_header_gets_the_stamp(tmp_path: Path) -> None:
    path = tmp_path / "a.pot"
    path.write_text('msgid ""\nmsgstr ""\n"Project-Id-Version: t\\n"\n', encoding="utf-8")
    catalog = _catalog("一")
    del catalog.metadata["PO-Revision-Date"]
    assert write_catalog(path, catalog, "2026-04-04 00:00+0000", "POT-Creation-Date")
    assert '"POT-Creation-Date: 2026-04-04 00:00+0000\\n"' in path.read_text(encoding="utf-8")
