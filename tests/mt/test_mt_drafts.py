"""Writing machine drafts and failures into PO entries."""

from __future__ import annotations

from pathlib import Path

import polib

from pipeline.catalogs.po_files import serialize_catalog
from pipeline.core.entry_state import EntryState, entry_state
from pipeline.mt.drafts import Draft, Failure, apply_results, fill_entry, finished_text, mark_failed
from pipeline.mt.protect import protect_spans
from pipeline.mt.worklist import WorkItem
from standins.po_checks import assert_valid_po


def _catalog() -> polib.POFile:
    catalog = polib.POFile(wrapwidth=0)
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en",
                        "MIME-Version": "1.0", "Content-Transfer-Encoding": "8bit",
                        "Plural-Forms": "nplurals=2; plural=(n != 1);"}
    catalog.append(polib.POEntry(msgid="你好", msgstr=""))
    catalog.append(polib.POEntry(msgid="人工", msgstr="Human's work"))
    catalog.append(polib.POEntry(msgid="旧的", msgstr="", flags=["fuzzy"],
                                 previous_msgid="更旧的", tcomment="keep me"))
    return catalog


def test_a_draft_is_fuzzy_with_provenance() -> None:
    entry = polib.POEntry(msgid="你好", msgstr="", tcomment="machine translation failed: x")
    fill_entry(entry, "Hello", "google", "2026-11-29")
    assert entry.msgstr == "Hello" and entry.fuzzy
    assert entry.tcomment == "machine translation: google 2026-11-29"
    assert entry_state(entry) is EntryState.MACHINE_DRAFT


def test_failure_comments_are_replaced_not_piled_up() -> None:
    entry = polib.POEntry(msgid="你好", msgstr="", tcomment="a translator's note")
    mark_failed(entry, "empty reply")
    mark_failed(entry, "tokens changed:\nmissing [0]")
    assert entry.tcomment == ("a translator's note\n"
                              "machine translation failed: tokens changed: missing [0]")
    assert entry.msgstr == "" and entry_state(entry) is EntryState.UNTRANSLATED


def test_only_empty_entries_are_filled(tmp_path: Path) -> None:
    catalog = _catalog()
    results = {(None, "你好"): Draft("Hello"), (None, "人工"): Draft("Machine"),
               (None, "旧的"): Failure("reply is the unchanged source")}
    applied = apply_results(catalog, results, "libre", "2026-11-29")
    assert [entry.msgid for entry, _ in applied] == ["你好", "旧的"]
    by_id = {entry.msgid: entry for entry in catalog}
    assert by_id["人工"].msgstr == "Human's work" and not by_id["人工"].fuzzy
    assert by_id["旧的"].tcomment == ("keep me\n"
                                    "machine translation failed: reply is the unchanged source")
    path = tmp_path / "en.po"
    path.write_text(serialize_catalog(catalog), encoding="utf-8")
    assert_valid_po(path)


def test_filling_an_entry_with_a_previous_msgid_makes_it_a_draft() -> None:
    entry = _catalog()[2]
    fill_entry(entry, "Old", "libre", "2026-11-29")
    assert entry.previous_msgid is None and entry_state(entry) is EntryState.MACHINE_DRAFT


def test_finished_text_restores_spans_and_outer_whitespace() -> None:
    msgid = "\n随着`ChatGPT`的传播 "
    item = WorkItem("doc", None, msgid, protect_spans(msgid.strip()))
    assert finished_text(item, "With the spread of [0]") == "\nWith the spread of `ChatGPT` "


def test_a_failure_names_the_msgid_line_of_the_file_as_saved(make_project) -> None:
    from pipeline.cli import main
    from pipeline.core.project import open_project
    from pipeline.mt.drafts import DraftWriter
    from pipeline.mt.worklist import Worklist

    root = make_project({"doc": "甲。\n\n乙。\n\n丙。\n"},
                        '[pipeline]\nsource_language = "zh"\nlanguages = ["en"]\n')
    assert main(["--root", str(root), "update"]) == 0
    project = open_project(root)
    writer = DraftWriter(project, "en", "pseudo", Worklist())
    # Two drafts above the failing entry add their comment and fuzzy lines.
    writer.pending["doc"] = {(None, "甲。"): Draft("A."), (None, "乙。"): Draft("B."),
                             (None, "丙。"): Failure("boom")}
    writer.save()
    lines = (root / "locales/en/LC_MESSAGES/doc.po").read_text(encoding="utf-8").split("\n")
    line = lines.index('msgid "丙。"') + 1
    assert writer.failures == [f"locales/en/LC_MESSAGES/doc.po:{line}: "
                               "machine translation failed: boom"]


def test_a_failure_names_the_live_entry_not_an_obsolete_twin(make_project) -> None:
    from pipeline.cli import main
    from pipeline.core.project import open_project
    from pipeline.mt.drafts import DraftWriter
    from pipeline.mt.worklist import Worklist

    root = make_project({"doc": "甲。\n\n丙。\n"},
                        '[pipeline]\nsource_language = "zh"\nlanguages = ["en"]\n')
    assert main(["--root", str(root), "update"]) == 0
    po = root / "locales/en/LC_MESSAGES/doc.po"
    po.write_text(po.read_text(encoding="utf-8") + '\n#~ msgid "丙。"\n#~ msgstr "Old."\n',
                  encoding="utf-8")
    writer = DraftWriter(open_project(root), "en", "pseudo", Worklist())
    writer.pending["doc"] = {(None, "甲。"): Draft("A."), (None, "丙。"): Failure("boom")}
    writer.save()
    line = po.read_text(encoding="utf-8").split("\n").index('msgid "丙。"') + 1
    assert writer.failures == [f"locales/en/LC_MESSAGES/doc.po:{line}: "
                               "machine translation failed: boom"]


def test_a_failure_in_a_file_left_as_it_was_names_its_own_line(make_project) -> None:
    """A failure already noted changes nothing: the file, where another tool put an
    obsolete entry among the live ones, is not written, and its own lines are named."""
    from pipeline.cli import main
    from pipeline.core.project import open_project
    from pipeline.mt.drafts import DraftWriter
    from pipeline.mt.worklist import Worklist

    root = make_project({"doc": "甲。\n\n丙。\n"},
                        '[pipeline]\nsource_language = "zh"\nlanguages = ["en"]\n')
    assert main(["--root", str(root), "update"]) == 0
    po = root / "locales/en/LC_MESSAGES/doc.po"
    text = po.read_text(encoding="utf-8")
    assert "#. paragraph\n#: source/doc.md:3\n" in text
    po.write_text(text.replace("#. paragraph\n#: source/doc.md:3",
                               '#~ msgid "旧。"\n#~ msgstr "Old."\n\n#. paragraph\n#: source/doc.md:3')
                  .replace('msgid "丙。"', '# machine translation failed: boom\nmsgid "丙。"'),
                  encoding="utf-8")
    before = po.read_bytes()
    writer = DraftWriter(open_project(root), "en", "pseudo", Worklist())
    writer.pending["doc"] = {(None, "丙。"): Failure("boom")}
    writer.save()
    assert po.read_bytes() == before
    line = before.decode().split("\n").index('msgid "丙。"') + 1
    assert writer.failures == [f"locales/en/LC_MESSAGES/doc.po:{line}: "
                               "machine translation failed: boom"]


def test_an_entry_with_nothing_to_translate_is_copied_not_drafted(make_project,
                                                                 capsys) -> None:
    from pipeline.cli import main

    root = make_project({"doc": "# 标题\n\n<https://example.com/a>\n"},
                        '[pipeline]\nsource_language = "zh"\nlanguages = ["en"]\n')
    assert main(["--root", str(root), "translate", "-l", "en", "--engine", "pseudo",
                 "-q"]) == 0
    out = capsys.readouterr().out
    assert "translated en with pseudo: 1 of 2 empty entries" in out
    assert ", 1 with nothing to translate copied as they are" in out
    catalog = {entry.msgid: entry for entry in
               polib.pofile(str(root / "locales/en/LC_MESSAGES/doc.po"))}
    url = catalog["<https://example.com/a>"]
    assert (url.msgstr, url.fuzzy) == ("<https://example.com/a>", False)
    assert url.tcomment == "nothing to translate: copied from the source"
    assert catalog["标题"].fuzzy and "machine translation: pseudo" in catalog["标题"].tcomment
