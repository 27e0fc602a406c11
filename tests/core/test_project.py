"""The project's layout: where each document's files are, and each document with its
catalogs in one walk."""

from __future__ import annotations

import polib

from pipeline.cli import main
from pipeline.core.document import Segment
from pipeline.core.entry_state import entry_key
from pipeline.core.project import open_project


def test_each_document_comes_with_the_catalogs_it_has(make_project) -> None:
    root = make_project({"a": "甲。\n", "b": "乙。\n", "sub/c": "丙。\n"})
    assert main(["--root", str(root), "update", "-l", "en"]) == 0
    (root / "locales/en/LC_MESSAGES/b.po").unlink()
    project = open_project(root)
    po = project.catalog_path
    assert list(project.catalogs_of_documents(["en", "ja"])) == [
        ("a", [("en", po("a", "en"))]), ("b", []), ("sub/c", [("en", po("sub/c", "en"))])]
    # A catalog not made yet counts as its template, all untranslated.
    assert list(project.catalogs_of_documents(["en", "ja"], templates=True))[1] == (
        "b", [("en", project.template_path("b")), ("ja", project.template_path("b"))])


def test_a_segment_and_its_entry_name_one_message() -> None:
    segment = Segment(0, 2, 1, "paragraph", "正文", context="ctx")
    entry = polib.POEntry(msgid="正文", msgctxt="ctx")
    assert segment.key == entry_key(entry) == ("ctx", "正文")
    assert Segment(0, 2, 1, "paragraph", "正文").key == entry_key(polib.POEntry(msgid="正文"))
