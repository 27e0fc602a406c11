"""Nothing is read or written outside the project root: symbolic links in a cloned project
(a source, a folder of build/ or locales/, .cache or a file in it) and configured folders
that lead out are refused with the path, exit status 1, and the outside stays untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_pipeline


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the project, with a file someone keeps there."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "notes.txt").write_text("私人笔记，不应被读取。\n", encoding="utf-8")
    return folder


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def test_a_source_linked_outside_is_not_read(make_project, outside: Path) -> None:
    root = make_project({"doc": "正文。\n"})
    (root / "source/notes.md").symlink_to(outside / "notes.txt")
    (root / "source/alias.md").symlink_to(root / "source/doc.md")  # inside: fine
    result = run_pipeline(root, "update", "-l", "en")
    assert result.returncode == 1
    assert result.stderr == ("error: source/notes.md: leads outside the project (a symbolic "
                             "link): refused\n")
    assert (root / "locales/doc.pot").is_file() and (root / "locales/alias.pot").is_file()
    assert not (root / "locales/notes.pot").exists()
    written = b"".join(_tree(root / "locales").values())
    assert "私人笔记".encode() not in written
    result = run_pipeline(root, "translate", "-l", "en", "--engine", "pseudo", "-q")
    assert result.returncode == 1 and "source/notes.md" in result.stderr
    assert "私人笔记".encode() not in b"".join(_tree(root).values()).replace(
        (root / "source/notes.md").read_bytes(), b"")  # only the link itself reads it


@pytest.mark.parametrize("link", ["build/en", "build", "locales/en", ".cache"])
def test_a_folder_linked_outside_is_not_written_through(make_project, outside: Path,
                                                         link: str) -> None:
    root = make_project({"doc": "# 标题\n\n正文。\n"})
    (root / link).parent.mkdir(parents=True, exist_ok=True)
    victim = outside / "victim"
    victim.mkdir()
    (root / link).symlink_to(victim, target_is_directory=True)
    before = _tree(outside)
    for command in (["update", "-l", "en"], ["build", "-l", "en"]):
        result = run_pipeline(root, *command)
        if link == "build/en" and command[0] == "update":
            assert result.returncode == 0, result.stderr  # update writes nothing there
            continue
        assert result.returncode == 1, (command, result.stderr)
        assert "leads outside the project" in result.stderr
        assert "Traceback" not in result.stderr
    assert _tree(outside) == before


def test_a_lock_file_linked_outside_is_not_truncated(make_project, outside: Path) -> None:
    root = make_project({"doc": "正文。\n"})
    (root / ".cache").mkdir()
    (root / ".cache/run.lock").symlink_to(outside / "notes.txt")
    result = run_pipeline(root, "extract")
    assert (result.returncode, result.stderr) == (
        1, "error: .cache/run.lock: leads outside the project (a symbolic link): refused\n")
    assert (outside / "notes.txt").read_text(encoding="utf-8") == "私人笔记，不应被读取。\n"


@pytest.mark.parametrize("key", ["source_dir", "locales_dir", "build_dir"])
@pytest.mark.parametrize("value", ["../../..", "/tmp"])
def test_a_configured_folder_outside_is_refused(make_project, key: str, value: str) -> None:
    root = make_project({"doc": "正文。\n"}, f'[pipeline]\n{key} = "{value}"\n')
    result = run_pipeline(root, "update", "-l", "en")
    assert (result.returncode, result.stderr) == (
        1, f"error: pipeline.toml:2: [pipeline] {key} '{value}' leads outside the project: "
           "refused\n")
    assert not (root / "locales").exists()


def test_settings_linked_from_elsewhere_are_refused(make_project, outside: Path) -> None:
    root = make_project({"doc": "正文。\n"})
    (outside / "pipeline.toml").write_text('[pipeline]\nsource_dir = "/"\n', encoding="utf-8")
    (root / "pipeline.toml").unlink()
    (root / "pipeline.toml").symlink_to(outside / "pipeline.toml")
    result = run_pipeline(root, "extract")
    assert result.returncode == 1 and "pipeline.toml: a symbolic link" in result.stderr
