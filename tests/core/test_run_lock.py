"""One writer per project: a writing command waits for another (saying for whom) or, with
``--no-wait``, exits 1; reading commands never wait; a killed holder never blocks; and two
``translate`` runs with ``update``s between source edits lose no draft."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import polib
import pytest

from conftest import ROOT, run_pipeline
from standins import Behaviour, LibreTranslateHandler, StandIn
from standins.po_checks import assert_valid_po

HOLDER = """
import sys, time
from pathlib import Path
from pipeline.core.project import open_project
from pipeline.core.run_lock import writer_lock
with writer_lock(open_project(Path(sys.argv[1])), True, print):
    print("holding", flush=True)
    sys.stdin.readline()
"""


def _holder(root: Path) -> subprocess.Popen[str]:
    """A process that holds the project's lock until its stdin gets a line."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(root)], cwd=ROOT, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
    return holder


def _start(root: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "pipeline", "--root", str(root), *args],
                            cwd=ROOT, text=True, encoding="utf-8", stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def test_a_writer_waits_for_the_holder_and_says_for_whom(make_project) -> None:
    root = make_project({"doc": "# 标题\n\n正文。\n"})
    holder = _holder(root)
    try:
        waiting = _start(root, "update", "-l", "en")
        time.sleep(1.0)
        assert waiting.poll() is None  # still waiting
        assert not (root / "locales").exists()
        refused = run_pipeline(root, "--no-wait", "extract")
        assert refused.returncode == 1
        assert refused.stderr == (f"error: .cache/run.lock: another pipeline run (pid {holder.pid})"
                                  " is writing this project; run again when it is done (or "
                                  "without --no-wait to wait)\n")
        assert run_pipeline(root, "extract", "--no-wait").returncode == 1  # after the command too
        # Readers do not wait.
        assert run_pipeline(root, "check").returncode == 0
        assert run_pipeline(root, "stats", "--json").returncode == 0
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=10)
    out, err = waiting.communicate(timeout=60)
    assert waiting.returncode == 0, err
    assert err.splitlines()[0] == f"waiting for another pipeline run on this project, pid {holder.pid}"
    assert "wrote locales/en/LC_MESSAGES/doc.po" in out.splitlines()


def test_a_killed_holder_never_blocks(make_project) -> None:
    root = make_project({"doc": "正文。\n"})
    holder = _holder(root)
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=10)
    result = run_pipeline(root, "--no-wait", "update", "-l", "en")
    assert result.returncode == 0, result.stderr
    assert (root / "locales/en/LC_MESSAGES/doc.po").is_file()


def test_a_folder_without_sources_gets_no_lock(tmp_path: Path) -> None:
    assert run_pipeline(tmp_path, "update").returncode == 1
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def local_only(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


PARAGRAPHS = [f"第{n}段落讲的是生成式人工智能的第{n}个方面。" for n in range(1, 25)]


def _filled(root: Path) -> dict[str, bool]:
    po = root / "locales/en/LC_MESSAGES/doc.po"
    assert_valid_po(po)
    return {entry.msgid: bool(entry.msgstr) for entry in polib.pofile(str(po))
            if not entry.obsolete}


@pytest.mark.usefixtures("local_only")
def test_concurrent_translates_and_updates_lose_no_draft(make_project) -> None:
    """Two translate runs at once, then a translate with an update of an edited source at
    the same time, over a slow engine saving after every reply: each run's saved drafts
    survive the others' writes (without the lock, one run's save replaced the catalog
    another had just saved, and its drafts were gone)."""
    root = make_project({"doc": "\n\n".join(PARAGRAPHS) + "\n"},
                        '[pipeline]\nsource_language = "zh"\nlanguages = ["en"]\n'
                        '[engine]\nname = "libre"\nmax_items = 1\njobs = 3\n'
                        'flush_interval = 0\nretries = 0\n')
    with StandIn(LibreTranslateHandler, Behaviour(latency=0.01)) as server:
        translate = ["translate", "-l", "en", "-q", "--engine", "libre", "--engine-url",
                     server.url]
        for round_ in range(5):
            (root / "locales/en/LC_MESSAGES/doc.po").unlink(missing_ok=True)  # all to do again
            shutil.rmtree(root / ".cache", ignore_errors=True)  # every reply asked anew
            runs = [_start(root, *translate), _start(root, *translate)]
            for process in runs:
                out, err = process.communicate(timeout=120)
                assert process.returncode == 0, err
            assert all(_filled(root).values()), round_
            # An update of an edited source while a translate runs.
            PARAGRAPHS[round_] += "新增一句。"
            shutil.rmtree(root / ".cache", ignore_errors=True)  # every reply asked anew
            (root / "source/doc.md").write_text("\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
            runs = [_start(root, *translate), _start(root, "update", "-l", "en")]
            for process in runs:
                out, err = process.communicate(timeout=120)
                assert process.returncode == 0, err
            filled = _filled(root)
            # Only the edited paragraph may wait for the next run (if the update came last).
            assert [msgid for msgid, done in filled.items() if not done] in (
                [], [PARAGRAPHS[round_]]), round_
    assert not [name for name in os.listdir(root / "locales") if name.endswith(".tmp")]
