"""Updating catalogs like ``msgmerge --previous``: golden files and an edit cycle."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import polib

from conftest import GOLDEN, run_pipeline
from pipeline.catalogs.merge import update_catalog
from pipeline.catalogs.po_files import parse_catalog, read_catalog, serialize_catalog

MERGE = GOLDEN / "merge"


def test_update_golden() -> None:
    """Unchanged keeps its msgstr; edited becomes fuzzy with ``#|``; removed becomes
    obsolete with its comment; added is empty; an obsolete entry whose msgid is back revives."""
    old = read_catalog(MERGE / "edit-cycle.old.po", "old.po")
    template = read_catalog(MERGE / "edit-cycle.pot", "new.pot")
    merged = serialize_catalog(update_catalog(old, template))
    expected = MERGE / "edit-cycle.expect.po"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(merged, encoding="utf-8")
    assert merged == expected.read_text(encoding="utf-8")


def test_update_states() -> None:
    old = read_catalog(MERGE / "edit-cycle.old.po", "old.po")
    template = read_catalog(MERGE / "edit-cycle.pot", "new.pot")
    merged = update_catalog(old, template)
    by_id = {entry.msgid: entry for entry in merged if not entry.obsolete}
    assert by_id["生成式人工智能简介"].msgstr == "生成AI入門"
    assert not by_id["生成式人工智能简介"].fuzzy
    edited = by_id["随着`ChatGPT`的病毒式传播，生成式人工智能已成为最火热的投资赛道。"]
    assert edited.fuzzy and edited.msgstr.startswith("`ChatGPT`の")
    assert edited.previous_msgid == "随着`ChatGPT`的病毒式传播，生成式人工智能成为最火热的投资赛道。"
    assert by_id["全新的段落。"].msgstr == "" and not by_id["全新的段落。"].fuzzy
    assert by_id["早已删除的段落。"].msgstr == "とうに削除された段落。"
    obsolete = {entry.msgid: entry for entry in merged if entry.obsolete}
    assert obsolete["判别式AI也能生成内容。"].msgstr == "識別AIもコンテンツを生成できる。"
    assert obsolete["判别式AI也能生成内容。"].tcomment == "訳注：専門用語"
    assert "这一段还没有翻译。" not in obsolete  # nothing was written there: nothing kept
    assert merged.metadata["POT-Creation-Date"] == "2026-02-01 00:00+0000"
    assert merged.metadata["Last-Translator"] == "翻訳者 <t@example.org>"


def test_msgfmt_accepts_merged(tmp_path: Path) -> None:
    old = read_catalog(MERGE / "edit-cycle.old.po", "old.po")
    template = read_catalog(MERGE / "edit-cycle.pot", "new.pot")
    path = tmp_path / "ja.po"
    path.write_text(serialize_catalog(update_catalog(old, template)), encoding="utf-8")
    subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(path)], check=True)


def test_translations_survive_an_edit_cycle(make_project) -> None:
    """extract → translate → edit the source → update: nothing a translator wrote is lost."""
    root = make_project({"doc": "# 标题\n\n第一段。\n\n第二段落的内容。\n\n第三段。\n"})
    assert run_pipeline(root, "update", "-l", "ja").returncode == 0
    po_path = root / "locales/ja/LC_MESSAGES/doc.po"
    catalog = polib.pofile(str(po_path))
    for entry in catalog:
        entry.msgstr = f"[ja] {entry.msgid}"
    catalog.save()
    (root / "source/doc.md").write_text("# 标题\n\n第二段落的新内容。\n\n第三段。\n\n完全不同的结尾内容在这里出现。\n",
                                        encoding="utf-8")
    result = run_pipeline(root, "update", "-l", "ja")
    assert result.returncode == 0, result.stderr
    updated = polib.pofile(str(po_path))
    live = {entry.msgid: entry for entry in updated if not entry.obsolete}
    assert live["标题"].msgstr == "[ja] 标题" and not live["标题"].fuzzy
    assert live["第二段落的新内容。"].fuzzy
    assert live["第二段落的新内容。"].previous_msgid == "第二段落的内容。"
    assert live["完全不同的结尾内容在这里出现。"].msgstr == ""
    assert [e.msgstr for e in updated if e.obsolete] == ["[ja] 第一段。"]
    written = {e.msgstr for e in updated if e.msgstr}
    assert {f"[ja] {m}" for m in ("标题", "第一段。", "第二段落的内容。", "第三段。")} <= written
    subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(po_path)], check=True)


def test_rewrapped_po_reads_the_same(make_project, tmp_path: Path) -> None:
    """A PO re-saved by another tool with other wrapping (msgcat -w 20) reads the same."""
    root = make_project({"doc": "随着`ChatGPT`的病毒式传播，生成式人工智能成为最火热的投资赛道。"
                                "在如此铺天盖地的信息轰炸下，每个人似乎难以置身事外。\n"})
    assert run_pipeline(root, "update", "-l", "ja").returncode == 0
    po_path = root / "locales/ja/LC_MESSAGES/doc.po"
    wrapped = tmp_path / "wrapped.po"
    subprocess.run(["msgcat", "-w", "20", "-o", str(wrapped), str(po_path)], check=True)
    assert wrapped.read_text(encoding="utf-8") != po_path.read_text(encoding="utf-8")
    original = read_catalog(po_path, "a.po")
    rewrapped = read_catalog(wrapped, "b.po")
    assert [(e.msgid, e.msgstr, e.occurrences) for e in original] == \
        [(e.msgid, e.msgstr, e.occurrences) for e in rewrapped]


def test_a_live_translation_wins_over_an_obsolete_entry_of_the_same_msgid() -> None:
    # A translator revived "甲" by hand and left the old #~ entry below it.
    template = polib.POFile()
    template.append(polib.POEntry(msgid="甲", msgstr=""))
    merged = update_catalog(_live_and_obsolete("甲"), template)
    assert [(e.msgid, e.msgstr, e.obsolete) for e in merged] == [("甲", "new", False)]


def _live_and_obsolete(msgid: str) -> polib.POFile:
    catalog = polib.POFile()
    catalog.append(polib.POEntry(msgid=msgid, msgstr="new"))
    catalog.append(polib.POEntry(msgid=msgid, msgstr="old", obsolete=True))
    return catalog


def test_a_vanished_msgid_with_an_obsolete_twin_is_obsolete_once() -> None:
    template = polib.POFile()
    template.append(polib.POEntry(msgid="乙", msgstr=""))
    merged = update_catalog(_live_and_obsolete("甲"), template)
    assert [(e.msgid, e.msgstr) for e in merged if e.obsolete] == [("甲", "new")]
    parse_catalog(serialize_catalog(merged), "merged.po")  # no duplicate definition


def test_a_fuzzy_match_inherits_the_live_translation_not_its_obsolete_twin() -> None:
    template = polib.POFile()
    template.append(polib.POEntry(msgid="生成式人工智能非常有用", msgstr=""))
    merged = update_catalog(_live_and_obsolete("生成式人工智能很有用"), template)
    [entry] = [e for e in merged if not e.obsolete]
    assert (entry.msgstr, entry.flags) == ("new", ["fuzzy"])


def test_an_obsolete_entry_keeps_its_previous_strings_through_updates() -> None:
    """msgmerge keeps "#~| msgctxt" and "#~| msgid" on obsolete entries: read back and
    merged again, they stay."""
    catalog = polib.POFile(wrapwidth=0)
    catalog.append(polib.POEntry(msgid="甲", msgstr="A", flags=["fuzzy"], obsolete=True,
                                 previous_msgid="旧甲", previous_msgctxt="菜单"))
    template = polib.POFile()
    template.append(polib.POEntry(msgid="乙", msgstr=""))
    for _ in range(2):
        catalog = parse_catalog(serialize_catalog(update_catalog(catalog, template)), "a.po")
    assert [(e.msgid, e.obsolete, e.previous_msgid, e.previous_msgctxt) for e in catalog] == \
        [("乙", False, None, None), ("甲", True, "旧甲", "菜单")]


def test_plural_entries_a_translator_wrote_are_kept(tmp_path: Path) -> None:
    """Templates have no plural entries; a PO may.  One whose msgid left goes to #~ whole,
    an obsolete one stays, and one on a msgid the template has as a singular entry keeps
    its first form, fuzzy, with the plural shown as "#| msgid_plural" and the other forms
    in the translator's comment (update used to drop all three)."""
    catalog = parse_catalog(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "第一段。"\nmsgid_plural "第一段。"\n'
        'msgstr[0] "First paragraph."\nmsgstr[1] "First paragraphs."\n\n'
        'msgid "one file"\nmsgid_plural "%d files"\nmsgstr[0] "one file"\n'
        'msgstr[1] "%d files"\n\n'
        '#~ msgid "one dir"\n#~ msgid_plural "%d dirs"\n#~ msgstr[0] "one dir"\n'
        '#~ msgstr[1] "%d dirs"\n', "doc.po")
    template = polib.POFile()
    template.append(polib.POEntry(msgid="第一段。", msgstr="", comment="paragraph"))
    merged = update_catalog(catalog, template)
    first, *obsolete = merged
    assert (first.msgid, first.msgid_plural, first.msgstr, first.flags) == \
        ("第一段。", "", "First paragraph.", ["fuzzy"])
    assert (first.previous_msgid, first.previous_msgid_plural) == ("第一段。", "第一段。")
    assert first.tcomment == "msgstr[1] of the plural entry: First paragraphs."
    assert [(e.msgid, e.msgid_plural, e.msgstr_plural, e.obsolete) for e in obsolete] == [
        ("one file", "%d files", {0: "one file", 1: "%d files"}, True),
        ("one dir", "%d dirs", {0: "one dir", 1: "%d dirs"}, True)]
    text = serialize_catalog(merged)
    (tmp_path / "doc.po").write_text(text, encoding="utf-8")
    result = subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(tmp_path / "doc.po")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    again = serialize_catalog(update_catalog(parse_catalog(text, "doc.po"), template))
    assert again == text  # and the next update keeps it as it is
