"""Writing catalogs: only when the content changed, with the date header moved then; and
reading back what was written."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from conftest import SAMPLE, corpus_articles, run_pipeline
from pipeline.catalogs.extract import extract_catalog, new_translation
from pipeline.catalogs.po_files import (
    parse_catalog,
    serialize_catalog,
    serialize_copy,
    write_template_text,
    write_translation_text,
)
from pipeline.markdown.segmenter import segment_document

# Characters str.splitlines breaks lines at, besides "\n" and "\r\n".  polib writes the first
# three escaped; the others it writes as they are, and those the line splitting is for.
OTHER_BREAKS = ["\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


def _catalog(*msgids: str, date: str = "PO-Revision-Date") -> polib.POFile:
    catalog = polib.POFile()
    catalog.metadata = {"Project-Id-Version": "t", date: "x",
                        "Content-Type": "text/plain; charset=UTF-8"}
    for msgid in msgids:
        catalog.append(polib.POEntry(msgid=msgid, msgstr=""))
    return catalog


def _write_translation(path: Path, catalog: polib.POFile, stamp: str) -> bool:
    return write_translation_text(path, catalog, stamp, 0)[0]


def _write_template(path: Path, catalog: polib.POFile, stamp: str) -> bool:
    return write_template_text(path, catalog, stamp)[0]


@pytest.mark.parametrize("write, date", [(_write_translation, "PO-Revision-Date"),
                                         (_write_template, "POT-Creation-Date")],
                         ids=["translation", "template"])
def test_date_moves_only_when_the_content_changes(tmp_path: Path, write, date: str) -> None:
    path = tmp_path / "a.po"
    assert write(path, _catalog("一", date=date), "2026-01-01 00:00+0000")
    first = path.read_bytes()
    assert f'"{date}: 2026-01-01 00:00+0000\\n"'.encode() in first

    assert not write(path, _catalog("一", date=date), "2026-02-02 00:00+0000")
    assert path.read_bytes() == first

    changed = _catalog("一", "二", date=date)
    assert write(path, changed, "2026-03-03 00:00+0000")
    assert changed.metadata[date] == "2026-03-03 00:00+0000"
    # What is written is the whole catalog with its new date, as polib writes it.
    assert path.read_text(encoding="utf-8") == serialize_catalog(changed)
    assert 'msgid "二"' in path.read_text(encoding="utf-8")


def test_a_file_without_the_date_header_gets_the_stamp(tmp_path: Path) -> None:
    path = tmp_path / "a.pot"
    path.write_text('msgid ""\nmsgstr ""\n"Project-Id-Version: t\\n"\n', encoding="utf-8")
    catalog = _catalog("一")
    del catalog.metadata["PO-Revision-Date"]
    assert write_template_text(path, catalog, "2026-04-04 00:00+0000")[0]
    assert '"POT-Creation-Date: 2026-04-04 00:00+0000\\n"' in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("char", OTHER_BREAKS, ids=lambda c: f"U+{ord(c):04X}")
def test_a_string_holding_another_line_break_reads_back_as_written(tmp_path: Path,
                                                                    char: str) -> None:
    """polib writes such a string over several lines, cut after the character, and (reading
    with str.splitlines) used to cut the line there too and read a wrong msgid."""
    catalog = _catalog(f"第一{char}第二", f"{char}开头", f"结尾{char}")
    catalog[0].msgstr = f"one{char}two"
    text = serialize_catalog(catalog)
    parsed = parse_catalog(text, "a.po")
    assert [(e.msgid, e.msgstr) for e in parsed] == [(e.msgid, e.msgstr) for e in catalog]
    assert [e.linenum for e in parsed] == [e.linenum for e in parse_catalog(
        text.replace(char, "x"), "a.po")]  # lines counted at "\n" only
    if shutil.which("msgfmt"):
        (tmp_path / "a.po").write_text(text, encoding="utf-8")
        result = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(tmp_path / "a.po")],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


def test_a_translated_paragraph_with_a_line_separator_is_built(make_project) -> None:
    root = make_project({"doc": "第一段\u2028继续。\n\n第二\x85段。\n"},
                        '[pipeline]\nsource_language = "zh"\nlanguages = ["en"]\n')
    assert run_pipeline(root, "update", "-l", "en").returncode == 0
    po = root / "locales/en/LC_MESSAGES/doc.po"
    text = po.read_text(encoding="utf-8")
    for msgid, msgstr in (("第一段\u2028继续。", "First\u2028go on."), ("第二\x85段。", "Second.")):
        entry = serialize_catalog(_catalog(msgid)).split("\n\n")[1]
        assert entry in text
        text = text.replace(entry, entry.replace('msgstr ""', f'msgstr "{msgstr}"'))
    po.write_text(text, encoding="utf-8")
    assert run_pipeline(root, "update", "-l", "en").returncode == 0
    # Nothing became fuzzy or obsolete (polib put the msgstr on lines of its own).
    assert [(e.msgid, e.msgstr, e.flags, e.obsolete)
            for e in parse_catalog(po.read_text(encoding="utf-8"), po.name)] == [
        ("第一段\u2028继续。", "First\u2028go on.", [], False), ("第二\x85段。", "Second.", [], False)]
    assert run_pipeline(root, "build", "-l", "en", "--format", "md").returncode == 0
    assert (root / "build/en/doc.md").read_text(encoding="utf-8") == \
        "First\u2028go on.\n\nSecond.\n"


def test_an_obsolete_entrys_previous_msgid_is_read_and_kept() -> None:
    """msgmerge keeps "#~| msgid" on an obsolete entry; polib skipped those lines, so the
    next update lost them."""
    catalog = _catalog("一")
    catalog[0].previous_msgid, catalog[0].previous_msgctxt = "旧的\n一", "上下文"
    catalog[0].flags, catalog[0].msgstr, catalog[0].obsolete = ["fuzzy"], "one", True
    catalog.append(polib.POEntry(msgid="二", msgstr="two", previous_msgid="旧二"))
    text = serialize_catalog(catalog)
    assert '#~| msgid ""\n#~| "旧的\\n"\n#~| "一"\n' in text
    parsed = parse_catalog(text, "a.po")
    assert [(e.msgid, e.obsolete, e.previous_msgid, e.previous_msgctxt, e.linenum)
            for e in parsed] == [("二", False, "旧二", None, 8), ("一", True, "旧的\n一", "上下文", 12)]
    assert serialize_catalog(parsed) == text


def _documents() -> list[tuple[str, str]]:
    notes = ("<!-- i18n: context menu -->\n# 文件\n\n<!-- i18n: note 简短 -->\n文件\n\n"
             "文件\n\n- 文件\n")
    return [("source/aigc-intro.md", SAMPLE.read_text(encoding="utf-8")),
            ("source/notes.md", notes), ("source/empty.md", "```\ncode\n```\n"),
            *((f"source/a{i}.md", text) for i, text in enumerate(corpus_articles(8)))]


@pytest.mark.parametrize("path, text", _documents(), ids=lambda value: value[:20])
def test_a_new_translation_written_from_its_template_text_is_what_polib_writes(
        path: str, text: str) -> None:
    template = extract_catalog(segment_document(text, path), "p", "2026-01-01 00:00+0000")
    template_text = serialize_catalog(template)
    for language in ("ja", "pt_BR"):
        catalog = new_translation(template, language, "p", "2026-02-02 00:00+0000")
        # The copied entries are the template's: serialize_copy takes them as written.
        assert [vars(e) for e in catalog] == [vars(e) for e in template]
        assert serialize_copy(catalog, template, template_text) == serialize_catalog(catalog)


def test_a_catalog_whose_entries_differ_from_the_template_is_serialized() -> None:
    template = _catalog("一", "二")
    catalog = new_translation(template, "ja", "p", "2026-02-02 00:00+0000")
    catalog[1].flags = ["fuzzy"]
    made = serialize_copy(catalog, template, serialize_catalog(template))
    assert made == serialize_catalog(catalog) and "#, fuzzy" in made


def test_extract_removes_the_temporaries_of_killed_runs_only(make_project) -> None:
    """kill -9 in the middle of a write leaves ".doc.pot.<pid>-<n>.tmp" in locales/, which
    git shows to every translator; a concurrent run's own are left alone."""
    import os

    root = make_project({"doc": "正文。\n"})
    assert run_pipeline(root, "extract").returncode == 0
    dead = subprocess.Popen(["true"])  # a process that ran and is gone: its id is free
    dead.wait()
    leftover = root / f"locales/.doc.pot.{dead.pid}-3.tmp"
    alive = root / f"locales/.doc.pot.{os.getpid()}-4.tmp"
    kept = root / "locales/.notes.tmp"  # not a name write_atomic makes
    for path in (leftover, alive, kept):
        path.write_text("x", encoding="utf-8")
    (root / "source/doc.md").write_text("正文。\n\n新段。\n", encoding="utf-8")
    assert run_pipeline(root, "extract").returncode == 0
    assert (leftover.exists(), alive.exists(), kept.exists()) == (False, True, True)
