"""Worker processes end with the command that started them: a ``kill -9`` of ``update``
leaves none waiting on its pipe forever."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT, corpus_articles


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_end_when_the_command_is_killed(make_project) -> None:
    if not Path("/proc/self/stat").exists():
        import pytest
        pytest.skip("no /proc to find the workers with")
    root = make_project({f"doc{n:02}": text for n, text in enumerate(corpus_articles(60))})
    process = subprocess.Popen([sys.executable, "-m", "pipeline", "--root", str(root),
                                "-j", "2", "update", "-l", "en"], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        workers: list[int] = []
        while len(workers) < 2 and time.monotonic() < deadline and process.poll() is None:
            workers = _children(process.pid)
            time.sleep(0.01)
        assert len(workers) >= 2, "the run ended before its workers were seen"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        deadline = time.monotonic() + 5
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in workers if _alive(pid)]
    finally:
        process.kill()
