"""``bench/same_outputs.py`` (the check that a refactoring changes no output): what it
counts as the same and as a difference."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from conftest import bench_script


def _script() -> ModuleType:
    return bench_script("same_outputs")


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_only_the_dates_of_writing_are_not_compared(tmp_path: Path) -> None:
    same = _script()
    old = _tree(tmp_path / "old", {
        "locales/a.pot": 'msgid ""\nmsgstr ""\n"POT-Creation-Date: 2026-12-08 01:00+0000\\n"\n',
        "build/status.html": "<p>2026-12-08 01:00 UTC</p>", "build/en/a.md": "A\n",
        "build/en/gone.md": "x"})
    new = _tree(tmp_path / "new", {
        "locales/a.pot": 'msgid ""\nmsgstr ""\n"POT-Creation-Date: 2026-12-08 01:01+0000\\n"\n',
        "build/status.html": "<p>2026-12-08 01:01 UTC</p>", "build/en/a.md": "B\n",
        "build/new.html": "y"})
    assert same.tree_differences(old, new) == [
        "only in the reference: build/en/gone.md", "only in the working tree: build/new.html",
        "differs: build/en/a.md"]
    assert same.log_differences(["a", "b"], ["a", "b"]) == []
