"""Golden files: ``X.md`` in; ``X.pot`` (the template) and ``X.pseudo.md`` (the rebuild with
every unit wrapped as ``(…)``) out.  ``UPDATE_GOLDEN=1 pytest`` rewrites the expected files;
review them with ``git diff`` before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import GOLDEN
from markdown_facts import assert_same_markdown
from pipeline.catalogs.extract import extract_catalog
from pipeline.catalogs.po_files import serialize_catalog
from pipeline.markdown.rebuild import rebuild_markdown
from pipeline.markdown.segmenter import segment_document

CASES = sorted(p for p in (GOLDEN / "extraction").glob("*.md") if p.name.count(".") == 1)
STAMP = "2026-01-01 00:00+0000"


def _check(expected: Path, actual: str) -> None:
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(actual, encoding="utf-8")
    assert expected.read_text(encoding="utf-8") == actual


def _document(case: Path):
    return segment_document(case.read_text(encoding="utf-8"), f"source/{case.name}")


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_template(case: Path) -> None:
    template = extract_catalog(_document(case), "golden", STAMP)
    _check(case.with_suffix(".pot"), serialize_catalog(template))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_pseudo_translation(case: Path) -> None:
    source = case.read_text(encoding="utf-8")
    rebuilt = rebuild_markdown(_document(case), lambda segment: f"({segment.msgid})")
    _check(case.with_suffix(".pseudo.md"), rebuilt)
    assert_same_markdown(rebuilt, source)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_identity(case: Path) -> None:
    source = case.read_text(encoding="utf-8")
    assert rebuild_markdown(_document(case), lambda segment: segment.msgid) == source


@pytest.mark.parametrize("row", ["|甲|乙|\n", "| 甲 | 乙 |\n"], ids=["tight", "spaced"])
def test_a_cell_translation_ending_in_a_backslash_keeps_its_row(row: str) -> None:
    """The table rule reads a pipe right after a backslash as escaped: the translated cell
    swallowed its neighbour, and the row lost a cell."""
    from pipeline.markdown.parser import parse_blocks

    source = "|列一|列二|\n|---|---|\n" + row
    document = segment_document(source, "doc.md")
    built = rebuild_markdown(document, lambda segment: "A\\" if segment.msgid == "甲" else None)
    cells = [t.children[0].content for t in parse_blocks(built)[0]
             if t.type == "inline" and t.children]
    assert cells == ["列一", "列二", "A\\", "乙"]
