"""``update`` writes a translation only when its content changes: a PO another tool
re-wrapped keeps its bytes and dates, a source edited and reverted leaves the PO as it was,
and a change is written wrapped as ``[catalogs] wrap`` says."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE, run_pipeline
from pipeline.cache.catalog_records import catalog_store, recorded_catalog
from pipeline.catalogs.catalog_content import same_content
from pipeline.catalogs.po_files import (
    header_dates,
    parse_catalog,
    read_catalog,
    serialize_catalog,
)
from pipeline.catalogs.wrapping import detected_width
from pipeline.core.project import open_project

pytestmark = pytest.mark.skipif(shutil.which("msgcat") is None, reason="needs GNU gettext")

CONFIG = '[pipeline]\nsource_language = "zh"\nlanguages = ["en", "ja"]\n'
EN = "locales/en/LC_MESSAGES/aigc-intro.po"
JA = "locales/ja/LC_MESSAGES/aigc-intro.po"


def make_sample(make_project, settings: str = "") -> Path:
    """The sample with its reviewed English catalog, updated once."""
    root = make_project({}, CONFIG + settings)
    shutil.copy(SAMPLE, root / "source/aigc-intro.md")
    (root / "locales/en/LC_MESSAGES").mkdir(parents=True)
    shutil.copy(ROOT / EN, root / EN)
    update(root)
    return root


def update(root: Path, *args: str) -> str:
    result = run_pipeline(root, "update", *args)
    assert result.returncode == 0, result.stderr
    for po in (root / "locales").rglob("*.po"):
        check = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)],
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
    return result.stdout


def rewrap(root: Path, *options: str) -> dict[str, bytes]:
    """Every PO as msgcat writes it (Poedit, Weblate, Lokalize wrap alike), and its bytes."""
    for name in (EN, JA):
        subprocess.run(["msgcat", *options, "-o", str(root / name), str(root / name)],
                       check=True)
    return {name: (root / name).read_bytes() for name in (EN, JA)}


def edit_source(root: Path, old: str, new: str) -> str:
    path = root / "source/aigc-intro.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text


def assert_kept_as_read(root: Path, name: str) -> bool:
    """What the cache keeps for the PO is what polib reads from it, lines and all, or
    nothing (the build then parses); whether it keeps it."""
    project = open_project(root)
    language = name.split("/")[1]
    kept = recorded_catalog(catalog_store(project, "aigc-intro", language),
                            (root / name).read_bytes())
    if kept is not None:
        parsed = read_catalog(root / name, name)
        assert [vars(e) for e in kept] == [vars(e) for e in parsed]
        assert (kept.metadata, kept.header) == (parsed.metadata, parsed.header)
    return kept is not None


@pytest.mark.parametrize("fresh_cache", [False, True], ids=["cached", "no cache"])
def test_a_rewrapped_po_and_no_source_change_is_left_alone(make_project,
                                                           fresh_cache: bool) -> None:
    root = make_sample(make_project)
    before = rewrap(root)
    assert before[EN] != serialize_catalog(read_catalog(root / EN, EN)).encode()  # wrapped
    if fresh_cache:  # else the job runs all the same: the POs' bytes changed
        shutil.rmtree(root / ".cache")
    assert "aigc-intro.po" not in update(root)
    assert {name: (root / name).read_bytes() for name in before} == before
    for name in (EN, JA):
        assert header_dates((root / name).read_text(encoding="utf-8")) == \
            header_dates(before[name].decode())
        assert assert_kept_as_read(root, name)  # msgcat writes an entry a block
    assert "aigc-intro.po" not in update(root, "-l", "ja")


@pytest.mark.parametrize("wrapped", [False, True], ids=["unwrapped", "msgcat-wrapped"])
def test_a_source_edited_and_reverted_leaves_the_po_as_it_was(make_project,
                                                              wrapped: bool) -> None:
    """Inserting a paragraph adds an entry and moves every reference below it; update,
    then revert and update: the PO is the same bytes as before, dates and all (it used
    to keep the content with new dates)."""
    root = make_sample(make_project)
    before = rewrap(root) if wrapped else {n: (root / n).read_bytes() for n in (EN, JA)}
    update(root)
    original = edit_source(root, "### 1. 引言\n", "新加的一段。\n\n### 1. 引言\n")
    assert "wrote locales/en/LC_MESSAGES/aigc-intro.po" in update(root)
    edited = (root / EN).read_text(encoding="utf-8")
    assert 'msgid "新加的一段。"' in edited
    if wrapped:  # the moved references changed, the wrapped strings did not
        assert detected_width(edited) == 79
        old_lines = set(before[EN].decode().split("\n"))
        changed = [line for line in edited.split("\n") if line not in old_lines]
        assert all(line.startswith(("#:", "#.", '"PO', '"POT', "msgid", "msgstr")) or not line
                   for line in changed), changed
    (root / "source/aigc-intro.md").write_text(original, encoding="utf-8")
    update(root)
    assert {name: (root / name).read_bytes() for name in before} == before
    for name in (EN, JA):
        assert assert_kept_as_read(root, name)


def test_a_po_with_obsolete_entries_is_given_back_on_a_revert(make_project) -> None:
    """polib reads an obsolete entry's flag as 1, the merge and the catalog record make it
    True: the content kept with an earlier text must not tell them apart."""
    root = make_sample(make_project)
    edit_source(root, "### 1. 引言\n", "")
    update(root)  # "1. 引言" is reviewed: it is kept obsolete
    text = (root / EN).read_text(encoding="utf-8")
    assert "#~ msgid" in text
    # A translator's save, dated earlier than this minute (so a new date would show).
    dated = re.sub(r'"PO-Revision-Date: [^"]*"',
                   r'"PO-Revision-Date: 2020-01-01 00:00+0000\\n"', text, count=1)
    assert dated != text
    (root / EN).write_text(dated, encoding="utf-8")
    original = edit_source(root, "### 2. 背景回顾\n", "新加的一段。\n\n### 2. 背景回顾\n")
    update(root)
    (root / "source/aigc-intro.md").write_text(original, encoding="utf-8")
    update(root)
    assert (root / EN).read_text(encoding="utf-8") == dated


def test_a_rewrap_after_an_edit_is_kept_when_the_source_is_reverted(make_project) -> None:
    """The PO keeps the width msgcat gave it after the edit: a text it had before, of
    another width, is not written back over it (its dates are)."""
    root = make_sample(make_project)
    before = (root / EN).read_text(encoding="utf-8")
    assert detected_width(before) == 0
    original = edit_source(root, "### 1. 引言\n", "新加的一段。\n\n### 1. 引言\n")
    update(root)
    rewrap(root)
    (root / "source/aigc-intro.md").write_text(original, encoding="utf-8")
    assert "wrote locales/en/LC_MESSAGES/aigc-intro.po" in update(root)
    after = (root / EN).read_text(encoding="utf-8")
    assert detected_width(after) == 79
    assert header_dates(after) == header_dates(before)
    assert same_content(read_catalog(root / EN, EN), parse_catalog(before, EN))


def test_a_source_edited_and_reverted_between_extracts_leaves_the_po_alone(
        make_project) -> None:
    """extract (or an update of another language) gives the template a new date; the PO,
    whose content is the same, keeps its own (it used to be written with new dates)."""
    root = make_sample(make_project)
    before = (root / EN).read_bytes()
    original = edit_source(root, "### 1. 引言\n", "### 1. 新的引言\n")
    assert run_pipeline(root, "extract").returncode == 0
    (root / "source/aigc-intro.md").write_text(original, encoding="utf-8")
    assert run_pipeline(root, "update", "-l", "ja").returncode == 0
    assert "wrote locales/en" not in update(root)
    assert (root / EN).read_bytes() == before


def test_keep_writes_a_change_wrapped_as_the_file_was(make_project) -> None:
    root = make_sample(make_project)
    before = rewrap(root)[EN].decode()
    edit_source(root, "### 1. 引言\n", "### 1. 新的引言\n")  # one entry, no line moves
    update(root)
    after = (root / EN).read_text(encoding="utf-8")
    assert detected_width(after) == 79
    old, new = before.split("\n"), after.split("\n")
    assert [line for line in old if line not in new][2:] == ['msgid "1. 引言"']  # dates first
    added = [line for line in new if line not in old]
    assert [line[:20] for line in added[:2]] == ['"POT-Creation-Date: ', '"PO-Revision-Date: 2']
    assert added[2:] == ["#, fuzzy", '#| msgid "1. 引言"', 'msgid "1. 新的引言"']
    assert assert_kept_as_read(root, EN)


@pytest.mark.parametrize("wrap", [0, 79])
def test_a_width_asked_for_is_how_a_change_is_written(make_project, wrap: int) -> None:
    root = make_sample(make_project, f"[catalogs]\nwrap = {wrap}\n")
    rewrap(root, "-w", "60")
    edit_source(root, "### 1. 引言\n", "### 1. 新的引言\n")
    update(root)
    for name in (EN, JA):
        text = (root / name).read_text(encoding="utf-8")
        assert text == serialize_catalog(read_catalog(root / name, name), wrap)
        assert assert_kept_as_read(root, name)
    assert detected_width((root / EN).read_text(encoding="utf-8")) in \
        ((0,) if wrap == 0 else range(70, 80))


def test_a_new_po_is_unwrapped_unless_a_width_is_asked_for(make_project) -> None:
    """(The English PO is an existing one, whose content stays: it is not written.)"""
    for settings, unwrapped in (("", True), ('[catalogs]\nwrap = "keep"\n', True),
                                ("[catalogs]\nwrap = 79\n", False)):
        root = make_sample(make_project, settings)
        assert (root / EN).read_bytes() == (ROOT / EN).read_bytes()
        text = (root / JA).read_text(encoding="utf-8")
        assert (detected_width(text) == 0) is unwrapped
        assert text == serialize_catalog(read_catalog(root / JA, JA), 0 if unwrapped else 79)
        shutil.rmtree(root)


def test_check_fix_and_machine_drafts_keep_the_wrapping(make_project) -> None:
    """The other writers of POs: ``check --fix`` and the drafts of ``translate`` write the
    file wrapped as it was, their entries written by polib at its width."""
    root = make_sample(make_project)
    before = rewrap(root)
    result = run_pipeline(root, "translate", "-l", "ja", "--engine", "pseudo", "-q")
    assert result.returncode == 0, result.stderr
    drafted = (root / JA).read_text(encoding="utf-8")
    assert "machine translation: pseudo" in drafted and detected_width(drafted) > 0
    # The msgids (cut by msgcat between CJK characters) are as they were.
    drafted_lines = set(drafted.split("\n"))
    assert [line for line in before[JA].decode().split("\n") if line.startswith('"')
            and line not in drafted_lines and "Date: " not in line] == []
    english = (root / EN).read_text(encoding="utf-8")
    (root / EN).write_text(english.replace("It is packed with", "It is packed with  ", 1),
                           encoding="utf-8")
    assert "fixed [whitespace]" in run_pipeline(root, "check", "-l", "en", "--fix").stdout
    fixed = (root / EN).read_text(encoding="utf-8")
    assert any("packed with practical" in e.msgstr for e in read_catalog(root / EN, EN))
    assert detected_width(fixed) == 79
    assert len(set(fixed.split("\n")) ^ set(english.split("\n"))) <= 8
