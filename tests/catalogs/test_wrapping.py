"""Wrapped translations: the width a file has, what polib makes of msgcat's wrapping, and
a file another tool wrapped written again with its own lines where nothing changed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from conftest import ROOT
from pipeline.catalogs.catalog_content import same_catalog
from pipeline.catalogs.po_files import parse_catalog, serialize_catalog, write_translation_text
from pipeline.catalogs.wrapping import Wrap, detected_width, write_width

ENGLISH = ROOT / "locales/en/LC_MESSAGES/aigc-intro.po"
JAPANESE = ROOT / "locales/ja/LC_MESSAGES/aigc-intro.po"
STAMP = "2030-01-01 00:00+0000"

pytestmark = pytest.mark.skipif(shutil.which("msgcat") is None, reason="needs GNU msgcat")


def msgcat(path: Path, *options: str) -> str:
    """The file as GNU msgcat rewrites it (the wrapping of msgmerge, Poedit, Lokalize)."""
    result = subprocess.run(["msgcat", *options, str(path)], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def msgfmt_check(path: Path) -> None:
    result = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def wrapped_copy(tmp_path: Path, source: Path = ENGLISH, *options: str) -> Path:
    path = tmp_path / source.name
    path.write_text(msgcat(source, *options), encoding="utf-8")
    return path


@pytest.mark.parametrize("options, width", [((), 79), (("-w", "60"), 60),
                                            (("-w", "100"), 100), (("--no-wrap",), 0)],
                         ids=["default", "60", "100", "no-wrap"])
def test_the_width_of_a_msgcat_file_is_found(tmp_path: Path, options: tuple[str, ...],
                                             width: int) -> None:
    text = wrapped_copy(tmp_path, ENGLISH, *options).read_text(encoding="utf-8")
    assert detected_width(text) == width


def test_an_unwrapped_file_has_no_width() -> None:
    for path in (ENGLISH, JAPANESE):
        assert detected_width(serialize_catalog(parse_catalog(
            path.read_text(encoding="utf-8"), path.name))) == 0
    assert write_width("keep", None) == 0  # a new file
    assert write_width(0, "any") == 0 and write_width(79, None) == 79
    assert write_width(1, None) == 3  # as narrow as polib writes


def test_polib_does_not_wrap_as_msgcat_does(tmp_path: Path) -> None:
    """Why a wrapped file keeps its own lines: polib cuts at spaces only and counts
    characters, msgcat cuts CJK text between characters and counts a CJK character as two
    columns.  Written whole by polib at the file's width, a msgcat file would change on
    about a third of its lines (the day polib wraps as msgcat does, this fails)."""
    text = wrapped_copy(tmp_path).read_text(encoding="utf-8")
    catalog = parse_catalog(text, "en.po")
    ours = serialize_catalog(catalog, 79)
    changed = set(text.split("\n")) ^ set(ours.split("\n"))
    assert len(changed) > len(text.split("\n")) // 10
    # A CJK msgid that msgcat cut into lines polib leaves whole (it has no space to cut at).
    assert max(map(len, ours.split("\n"))) > 200 > max(map(len, text.split("\n")))


@pytest.mark.parametrize("source", [ENGLISH, JAPANESE], ids=["en", "ja"])
def test_a_msgcat_file_written_back_unchanged_keeps_its_bytes(tmp_path: Path,
                                                              source: Path) -> None:
    path = wrapped_copy(tmp_path, source)
    before = path.read_bytes()
    catalog = parse_catalog(before.decode("utf-8"), path.name)
    changed, text = write_translation_text(path, catalog, STAMP, "keep")
    assert (changed, path.read_bytes(), text.encode("utf-8")) == (False, before, before)


@pytest.mark.parametrize("source", [ENGLISH, JAPANESE], ids=["en", "ja"])
def test_a_msgcat_file_with_one_entry_changed_changes_there_only(tmp_path: Path,
                                                                 source: Path) -> None:
    path = wrapped_copy(tmp_path, source)
    before = path.read_text(encoding="utf-8")
    catalog = parse_catalog(before, path.name)
    entry = next(e for e in catalog if len(e.msgid) > 100)
    entry.tcomment = "checked against the original"
    assert write_translation_text(path, catalog, STAMP, "keep")[0]
    after = path.read_text(encoding="utf-8")
    removed = [line for line in before.split("\n") if line not in after.split("\n")]
    added = [line for line in after.split("\n") if line not in before.split("\n")]
    assert [line for line in removed if "Date" not in line] == []
    assert added == [f'"PO-Revision-Date: {STAMP}\\n"', "# checked against the original"]
    # msgcat itself would write the same (its wrapping, the date and the comment aside).
    assert after == msgcat(path)
    assert same_catalog(parse_catalog(after, path.name), catalog)
    msgfmt_check(path)


def test_a_changed_part_is_written_by_polib_at_the_files_width(tmp_path: Path) -> None:
    path = wrapped_copy(tmp_path)
    catalog = parse_catalog(path.read_text(encoding="utf-8"), path.name)
    entry = next(e for e in catalog if len(e.msgstr) > 200 and "fuzzy" not in e.flags)
    entry.msgstr = "A new translation. " * 12
    assert write_translation_text(path, catalog, STAMP, "keep")[0]
    after = path.read_text(encoding="utf-8")
    block = next(b for b in after.split("\n\n") if "A new translation." in b)
    lines = block.split("\n")
    start = lines.index('msgstr ""')
    assert len(lines) - start > 3 and all(len(line) <= 79 for line in lines[start:])
    assert detected_width(after) == 79
    assert parse_catalog(after, path.name).find(entry.msgid).msgstr == entry.msgstr
    msgfmt_check(path)


@pytest.mark.parametrize("wrap, width", [(0, 0), (79, 79), (40, 40)])
def test_a_width_asked_for_is_the_width_written(tmp_path: Path, wrap: int, width: int) -> None:
    path = wrapped_copy(tmp_path, ENGLISH, "-w", "60")
    catalog = parse_catalog(path.read_text(encoding="utf-8"), path.name)
    catalog[0].tcomment = "changed"
    assert write_translation_text(path, catalog, STAMP, wrap)[0]
    after = path.read_text(encoding="utf-8")
    assert after == serialize_catalog(catalog, width)
    assert detected_width(after) == 0 if not width else width - 5 <= detected_width(after) <= width
    msgfmt_check(path)


ODD = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
       '#: a.md:1\n\nmsgid "one two three four five six seven eight nine ten "\n'
       '"eleven"\nmsgstr "un"\nmsgid "two"\nmsgstr "deux"\n')
"""A file another tool cut oddly: a blank line inside an entry, entries with none between."""


def test_a_file_another_tool_cut_oddly_is_written_an_entry_a_block(tmp_path: Path) -> None:
    """The kept lines must still read as the catalog: the entries are written in polib's
    blocks, the unchanged msgid with the file's own lines (polib would start it with
    msgid "")."""
    path = tmp_path / "odd.po"
    path.write_text(ODD, encoding="utf-8")
    catalog = parse_catalog(path.read_text(encoding="utf-8"), path.name)
    catalog[1].msgstr = "DEUX"
    assert write_translation_text(path, catalog, STAMP, "keep")[0]
    text = path.read_text(encoding="utf-8")
    assert '\n\n#: a.md:1\nmsgid "one two three four five six seven eight nine ten "\n' \
        '"eleven"\nmsgstr "un"\n\nmsgid "two"\nmsgstr "DEUX"\n' in text
    again = parse_catalog(text, path.name)
    assert same_catalog(again, catalog)
    assert [(e.msgid, e.msgstr, e.occurrences) for e in again] == [
        ("one two three four five six seven eight nine ten eleven", "un", [("a.md", "1")]),
        ("two", "DEUX", [])]
    msgfmt_check(path)


def test_kept_lines_that_read_otherwise_give_way_to_polibs(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer's invariant: what is written reads as the catalog.  Kept lines that
    would not (a fault of kept_layout's) are not written; polib's text at the width is."""
    import pipeline.catalogs.po_files as po_files

    path = tmp_path / "odd.po"
    path.write_text(ODD, encoding="utf-8")
    catalog = parse_catalog(ODD, path.name)
    catalog[1].msgstr = "DEUX"
    monkeypatch.setattr(po_files, "kept_layout",
                        lambda catalog, fresh, old, old_text: fresh.replace("DEUX", "deux"))
    assert write_translation_text(path, catalog, STAMP, "keep")[0]
    assert path.read_text(encoding="utf-8") == serialize_catalog(catalog, write_width("keep", ODD))


def test_a_reference_to_a_name_with_a_space_is_not_a_change(tmp_path: Path) -> None:
    """polib reads "#: ⁨a b.md⁩:1" as three references: the catalog about to be written
    and the file differ field by field but say the same, so nothing is written."""
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "PO-Revision-Date": "x"}
    catalog.append(polib.POEntry(msgid="一", msgstr="one",
                                 occurrences=[("\u2068a b.md\u2069", "1")]))
    path = tmp_path / "a.po"
    wraps: tuple[Wrap, ...] = (0, "keep", 79, "keep")
    for day, wrap in enumerate(wraps, start=1):
        stamp = f"2030-01-0{day} 00:00+0000"
        assert write_translation_text(path, catalog, stamp, wrap)[0] \
            is (wrap == 0)
        assert catalog.metadata["PO-Revision-Date"] == "2030-01-01 00:00+0000"
    assert '"PO-Revision-Date: 2030-01-01 00:00+0000\\n"' in path.read_text(encoding="utf-8")


def test_a_header_field_changed_changes_its_lines_only(tmp_path: Path) -> None:
    """At width 40 msgcat cuts the dates and other fields over two lines; a changed field
    is written by polib, the others keep their lines; obsolete entries and previous strings
    keep theirs."""
    path = wrapped_copy(tmp_path, ROOT / "tests/golden/merge/edit-cycle.expect.po", "-w", "40")
    before = path.read_text(encoding="utf-8")
    catalog = parse_catalog(before, path.name)
    catalog.metadata["Last-Translator"] = "Someone <s@example.org>"
    obsolete = next(e for e in catalog if e.obsolete)
    obsolete.tcomment = "\n".join(filter(None, [obsolete.tcomment, "note"]))
    assert write_translation_text(path, catalog, STAMP, "keep")[0]
    after = path.read_text(encoding="utf-8").split("\n")
    # ('"00:00+0000\\n"' ended the old date too, and still ends POT-Creation-Date.)
    assert [line for line in before.split("\n") if line not in after] == [
        '"PO-Revision-Date: 2026-01-02 "', '"Last-Translator: 翻訳者 <t@example."', '"org>\\n"']
    assert [line for line in after if line not in before.split("\n")] == [
        f'"PO-Revision-Date: {STAMP}\\n"', '"Last-Translator: Someone <s@example.org>\\n"',
        "# note"]
    msgfmt_check(path)
