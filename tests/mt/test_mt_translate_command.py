"""``python -m pipeline translate`` end to end against stand-ins: every fault ends with valid
PO files, human translations untouched, finished work kept and code spans intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import polib
import pytest
from deep_translator.constants import BASE_URLS

from pipeline.cli import main
from standins import (
    Behaviour,
    ChatCompletionsHandler,
    GoogleMobileHandler,
    LibreTranslateHandler,
    StandIn,
    closed_port_url,
)
from standins.po_checks import assert_valid_po, code_spans, entries, failures, machine_drafts

DOC = """---
title: 生成式人工智能入门
---

# 生成式人工智能简介

随着`ChatGPT`的病毒式传播，**生成式人工智能**(`AIGC`)成为热点[1]。

访问[官方网站](https://example.com/a_b "标题")获取更多信息。

第三段包含代码`print("你好")`和链接<https://example.org>。

第四段落没有任何代码。

第五段落：`x = 1`，然后结束。

[1]: https://example.com/ref
"""
GLOSSARY = "source,target,language,note\nAIGC,,,\nChatGPT,,,\n生成式人工智能,generative AI,en,\n"
ENGINE = """
[engine]
timeout = 0.3
retries = 2
backoff = 0.01
flush_interval = 0
rate_limit_strikes = 3
give_up_after = 2
"""
HUMAN = ("第四段落没有任何代码。", "The fourth paragraph has no code.")
TITLE = "生成式人工智能入门"
MACHINE = 6  # entries left for machine translation
PO = Path("locales/en/LC_MESSAGES/doc.po")


@pytest.fixture(autouse=True)
def local_only(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


def prepared(make_project, engine: str = "max_items = 1\njobs = 1\n") -> Path:
    """A project after ``update -l en`` with one human translation."""
    overridden = {line.split("=")[0].strip() for line in engine.splitlines() if "=" in line}
    defaults = "".join(line + "\n" for line in ENGINE.splitlines()
                       if line.split("=")[0].strip() not in overridden)
    root = make_project({"doc": DOC}, '[pipeline]\nsource_language = "zh"\nlanguages = ["en"]\n'
                        + defaults + engine)
    (root / "locales").mkdir(exist_ok=True)
    (root / "locales" / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    assert main(["--root", str(root), "update", "-l", "en"]) == 0
    set_human_translation(root)
    return root


def set_human_translation(root: Path) -> None:
    catalog = polib.pofile(str(root / PO), wrapwidth=0)
    catalog.find(HUMAN[0]).msgstr = HUMAN[1]
    catalog.save()


def translate(root: Path, url: str, *options: str) -> int:
    return main(["--root", str(root), "translate", "-l", "en", "--engine", "libre",
                 "--engine-url", url, "-q", *options])


def assert_sound(root: Path, kept: dict[str, str] | None = None) -> dict[str, str]:
    """Valid PO, the human translation as it was, code spans intact, earlier drafts kept."""
    path = root / PO
    assert_valid_po(path)
    human = entries(path)[HUMAN[0]]
    assert (human.msgstr, human.fuzzy) == (HUMAN[1], False)
    drafts = machine_drafts(path)
    for msgid, msgstr in drafts.items():
        assert code_spans(msgstr) == code_spans(msgid), msgid
        assert "生成式人工智能" not in msgstr
    for msgid, msgstr in (kept or {}).items():
        assert drafts.get(msgid) == msgstr
    return drafts


def test_translate_fills_empty_entries_and_builds(make_project, capsys) -> None:
    root = prepared(make_project, "")
    with StandIn(LibreTranslateHandler) as server:
        assert translate(root, server.url) == 0
        first = server.behaviour.requests
        assert translate(root, server.url) == 0
        assert server.behaviour.requests == first  # nothing left: no request
        sent = "".join(server.behaviour.received)
    drafts = assert_sound(root)
    assert len(drafts) == MACHINE and not failures(root / PO)
    assert first == 1  # six segments, one joined request
    for protected in ("ChatGPT", "AIGC", "https://", "print", "生成式人工智能"):
        assert protected not in sent
    heading = drafts["生成式人工智能简介"]
    assert heading.startswith("generative AI")
    link = drafts["访问[官方网站](https://example.com/a_b \"标题\")获取更多信息。"]
    assert '](https://example.com/a_b "标题")' in link and link.count("[") == 1
    built = (root / "build" / "en" / "doc.md").read_text(encoding="utf-8")
    assert "`print(\"你好\")`" in built and HUMAN[1] in built
    output = capsys.readouterr().out
    assert "translated en with libre: 6 of 6 empty entries" in output


def test_second_run_of_an_unchanged_project_sends_nothing(make_project) -> None:
    root = prepared(make_project, "")
    with StandIn(LibreTranslateHandler) as server:
        assert translate(root, server.url) == 0
        drafts = machine_drafts(root / PO)
        # Reset the catalog: the same work again must come from the cache.
        for path in (root / "locales" / "en").rglob("*.po"):
            path.unlink()
        assert main(["--root", str(root), "update", "-l", "en"]) == 0
        set_human_translation(root)
        requests = server.behaviour.requests
        assert translate(root, server.url) == 0
        assert server.behaviour.requests == requests
    assert machine_drafts(root / PO) == drafts


FAULTS = [  # (id, one-shot faults, fault on every request, entries left failed with reason)
    ("429 burst", ["429", "429"], None, {}),
    ("500s", ["500", "500"], None, {}),
    ("slow reply", ["slow"], None, {}),
    ("non-JSON 200", ["not-json"], None, {}),
    ("spaced tokens", ["spaced", "spaced", "spaced"], None, {}),
    ("trailing full stop", ["period"], None, {}),
    ("empty translatedText", ["empty"], None, {TITLE: "empty reply"}),
    ("dropped token", ["drop"], None, {TITLE: "tokens changed: missing [0]"}),
    ("duplicated token", ["duplicate"], None, {TITLE: "tokens changed: repeated [0]"}),
    ("script", ["script"], None, {TITLE: "reply adds HTML not in the source (<script)"}),
    ("javascript link", ["link"], None,
     {TITLE: "reply adds a link not in the source (](javascript:alert)"}),
    ("data image", ["data-image"], None,
     {TITLE: "reply adds a link not in the source (](data:image/svg+xml;base6)"}),
]


@pytest.mark.parametrize("fault", ["link", "data-image"])
def test_links_an_engine_adds_never_reach_the_outputs(make_project, fault: str) -> None:
    root = prepared(make_project)
    with StandIn(LibreTranslateHandler, Behaviour(always=fault)) as server:
        assert translate(root, server.url) == 1  # every reply was refused
    outputs = b"".join(path.read_bytes() for path in (root / "build").rglob("*")
                       if path.is_file())
    assert b"javascript:" not in outputs and b"data:image" not in outputs
    assert not [entry for entry in polib.pofile(str(root / PO))
                if "javascript:" in entry.msgstr or "data:" in entry.msgstr]


@pytest.mark.parametrize("faults, always, failed", [case[1:] for case in FAULTS],
                         ids=[case[0] for case in FAULTS])
def test_faults_keep_everything_sound(make_project, faults: list[str], always: str | None,
                                      failed: dict[str, str]) -> None:
    root = prepared(make_project)
    with StandIn(LibreTranslateHandler, Behaviour(faults=faults, always=always,
                                                  slow_seconds=1.0)) as server:
        assert translate(root, server.url) == 0
        drafts = assert_sound(root)
        assert len(drafts) == MACHINE - len(failed)
        assert {msgid: line.split(": ", 1)[1] for msgid, line in failures(root / PO).items()} \
            == failed
        assert not drafts.get(TITLE, "").endswith("。")
        # A rerun without faults fills what failed and clears its comment.
        assert translate(root, server.url) == 0
    assert len(assert_sound(root, drafts)) == MACHINE and not failures(root / PO)


def test_case_forced_replies(make_project) -> None:
    root = prepared(make_project)
    with StandIn(LibreTranslateHandler, Behaviour(always="upper")) as server:
        assert translate(root, server.url) == 0
    drafts = assert_sound(root)
    # Short replies pass, with protected spans from our table, not upper-cased.
    assert drafts["生成式人工智能简介"].startswith("generative AI ")
    assert set(failures(root / PO).values()) == {"machine translation failed: reply forced to "
                                                 "upper case"}
    assert len(drafts) + len(failures(root / PO)) == MACHINE


def test_repeated_429_leaves_the_engine_alone(make_project, capsys) -> None:
    root = prepared(make_project, "max_items = 1\njobs = 2\n")
    with StandIn(LibreTranslateHandler, Behaviour(always="429")) as server:
        assert translate(root, server.url) == 1
        assert server.behaviour.requests <= 3 + 2
    assert_sound(root)
    assert "rate-limited (HTTP 429) 3 times in a row: left alone" in capsys.readouterr().err
    assert (root / "build" / "en" / "doc.md").exists()  # built with what there is


def test_closed_port(make_project, capsys) -> None:
    root = prepared(make_project)
    assert translate(root, closed_port_url()) == 1
    assert_sound(root)
    assert "unavailable (cannot connect to 127.0.0.1" in capsys.readouterr().err
    assert not machine_drafts(root / PO)


def test_engine_none_only_updates(make_project, capsys) -> None:
    root = prepared(make_project)
    (root / "source" / "doc.md").write_text(DOC + "\n新的段落。\n", encoding="utf-8")
    assert main(["--root", str(root), "translate", "-l", "en", "--engine", "none"]) == 0
    assert "新的段落。" in entries(root / PO) and not machine_drafts(root / PO)
    assert "translated" not in capsys.readouterr().out


def test_unsupported_language_fails_before_writing(make_project, capsys) -> None:
    root = prepared(make_project)
    before = (root / PO).read_bytes()
    with StandIn(LibreTranslateHandler) as server:
        assert main(["--root", str(root), "translate", "-l", "sw", "--engine", "libre",
                     "--engine-url", server.url]) == 1
        assert server.behaviour.requests == 0
    assert "engine libre does not support language 'sw'" in capsys.readouterr().err
    assert not (root / "locales" / "sw").exists() and (root / PO).read_bytes() == before


def test_google_engine(make_project, monkeypatch: pytest.MonkeyPatch) -> None:
    root = prepared(make_project, "")
    with StandIn(GoogleMobileHandler) as server:
        monkeypatch.setitem(BASE_URLS, "GOOGLE_TRANSLATE", server.url + "/m")
        assert main(["--root", str(root), "translate", "-l", "en", "-q"]) == 0
    assert len(assert_sound(root)) == MACHINE


def test_llm_engine(make_project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_MODEL", "stand-in")
    root = prepared(make_project, "jobs = 3\n")
    with StandIn(ChatCompletionsHandler) as server:
        assert main(["--root", str(root), "translate", "-l", "en", "--engine", "llm",
                     "--engine-url", server.url + "/v1", "-q"]) == 0
        assert server.behaviour.requests == MACHINE  # whole segments, one per request
        assert all("titled “生成式人工智能入门”" in p for p in server.behaviour.prompts)
    assert len(assert_sound(root)) == MACHINE


def _wait_for_drafts(path: Path, count: int, process: subprocess.Popen, limit: float) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and process.poll() is None:
        if path.exists() and path.read_text(encoding="utf-8").count("# machine translation: ") \
                >= count:
            return
        time.sleep(0.01)
    pytest.fail("the run did not save drafts in time")


@pytest.mark.parametrize("how", ["kill", "interrupt"])
def test_stopped_mid_run_keeps_finished_work_and_a_rerun_continues(make_project,
                                                                    how: str) -> None:
    # Slow replies well inside the timeout, one at a time: the signal always lands mid-run,
    # even on a loaded machine (a reply that timed out would end the run early).
    root = prepared(make_project, "max_items = 1\njobs = 1\ntimeout = 5\n")
    with StandIn(LibreTranslateHandler, Behaviour(latency=0.5)) as server:
        command = [sys.executable, "-m", "pipeline", "--root", str(root), "translate", "-l",
                   "en", "--engine", "libre", "--engine-url", server.url, "-q"]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   env={**os.environ, "NO_PROXY": "127.0.0.1"})
        try:
            _wait_for_drafts(root / PO, 2, process, limit=20)
            process.send_signal(signal.SIGKILL if how == "kill" else signal.SIGINT)
            process.wait(timeout=10)
        finally:
            process.kill()
        assert process.returncode == (-signal.SIGKILL if how == "kill" else 130)
        kept = assert_sound(root)
        assert 2 <= len(kept) < MACHINE
        server.behaviour.latency = 0
        before = server.behaviour.requests
        assert translate(root, server.url) == 0
        assert server.behaviour.requests - before <= MACHINE - len(kept)
    assert len(assert_sound(root, kept)) == MACHINE


def test_sigterm_saves_finished_work_as_ctrl_c_does(make_project) -> None:
    # No save until the end of the run (flush_interval): only the way out saves the drafts.
    root = prepared(make_project, "max_items = 1\njobs = 1\ntimeout = 5\nflush_interval = 600\n")
    with StandIn(LibreTranslateHandler, Behaviour(latency=0.3)) as server:
        command = [sys.executable, "-m", "pipeline", "--root", str(root), "translate", "-l",
                   "en", "--engine", "libre", "--engine-url", server.url, "-q"]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   text=True, env={**os.environ, "NO_PROXY": "127.0.0.1"})
        try:
            deadline = time.monotonic() + 20
            while server.behaviour.requests < 3 and time.monotonic() < deadline:
                time.sleep(0.01)
            assert machine_drafts(root / PO) == {}  # nothing saved yet
            process.send_signal(signal.SIGTERM)
            _, err = process.communicate(timeout=10)
        finally:
            process.kill()
    assert process.returncode == 143 and err.strip().endswith("terminated")
    assert len(assert_sound(root)) >= 2


def test_a_bad_wrap_setting_fails_before_any_request(make_project, capsys) -> None:
    root = prepared(make_project)
    with (root / "pipeline.toml").open("a", encoding="utf-8") as config:
        config.write('\n[catalogs]\nwrap = "x"\n')
    before = (root / PO).read_bytes()
    with StandIn(LibreTranslateHandler) as server:
        assert translate(root, server.url) == 1
        assert server.behaviour.requests == 0
    assert "[catalogs] wrap must be 0" in capsys.readouterr().err
    assert (root / PO).read_bytes() == before
