"""Atomic writes: readers see the old file or the new one, never a part; a failed write
keeps the old file and leaves no temporary; a dead process's temporary is stepped over."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.core import atomic_files
from pipeline.core.atomic_files import write_atomic
from pipeline.core.errors import FileSystemError


def test_an_atomic_write_makes_its_folder_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "new" / "deeper" / "doc.po"
    atomic_files.write_atomic(target, b"first", durable=False)
    atomic_files.write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    # A dead process with our pid left the next temporary name: it is stepped over, not
    # truncated or reused.
    counter = atomic_files._temporaries
    taken = next(counter) + 1
    leftover = target.parent / f".doc.po.{os.getpid()}-{taken}.tmp"
    leftover.write_bytes(b"someone else's")
    atomic_files.write_atomic(target, b"third", durable=False)
    assert (target.read_bytes(), leftover.read_bytes()) == (b"third", b"someone else's")
    leftover.unlink()
    assert sorted(p.name for p in target.parent.iterdir()) == ["doc.po"]


def test_a_failed_atomic_write_keeps_the_old_file_and_removes_its_temporary(
        tmp_path: Path) -> None:
    folder = tmp_path / "doc.po"
    folder.mkdir()  # a folder where the file goes: the switch fails after the write
    with pytest.raises(FileSystemError, match="cannot write: "):
        write_atomic(folder, b"data")
    assert list(tmp_path.iterdir()) == [folder] and list(folder.iterdir()) == []
    blocker = tmp_path / "file"
    blocker.write_bytes(b"kept")
    with pytest.raises(FileSystemError) as error:
        write_atomic(blocker / "doc.po", b"data")  # its folder would have to be a file
    assert error.value.path == str(blocker / "doc.po")
    assert blocker.read_bytes() == b"kept"
