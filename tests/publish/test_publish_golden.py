"""Golden files for publishing: a small document and its catalog in, every file of
``build/`` out (localized Markdown, page, bilingual Markdown and HTML, the original's page,
the index).  ``UPDATE_GOLDEN=1 pytest`` rewrites them; review with ``git diff``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_publish_support import Elements, build_case, without_style

from conftest import GOLDEN
from pipeline.markdown.parser import parse_blocks

CASES = sorted(p for p in (GOLDEN / "publish").iterdir() if (p / "doc.md").exists())
IDS = [case.name for case in CASES]


def _files(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(params=CASES, ids=IDS)
def built(request, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    case = request.param
    build = build_case(case, tmp_path / "project")
    return case, {name: without_style(text) for name, text in _files(build).items()}


def test_build_matches_golden(built) -> None:
    case, actual = built
    expected_dir = case / "build"
    if os.environ.get("UPDATE_GOLDEN"):
        for name, text in actual.items():
            (expected_dir / name).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / name).write_text(text, encoding="utf-8")
    expected = _files(expected_dir)
    assert sorted(actual) == sorted(expected)
    for name in expected:
        assert actual[name] == expected[name], name


def test_every_fragment_link_resolves(built) -> None:
    _, actual = built
    for name, text in actual.items():
        if name.endswith(".html"):
            page = Elements(text)
            ids = page.ids()
            assert len(ids) == len(set(ids)), f"{name}: duplicate ids"
            missing = set(page.fragment_links()) - set(ids)
            assert not missing, f"{name}: links to {missing}"


def _containers(text: str) -> list[str]:
    kinds = ("bullet_list_open", "ordered_list_open", "blockquote_open", "table_open",
             "fence", "footnote_block_open")
    return [t.type for t in parse_blocks(text)[0] if t.type in kinds]


def test_bilingual_markdown_keeps_structure(built) -> None:
    case, actual = built
    source = (case / "doc.md").read_text(encoding="utf-8")
    interleaved = actual["bilingual/zh-en/doc.md"]
    assert _containers(interleaved) == _containers(source)
