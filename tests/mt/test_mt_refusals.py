"""An engine that refuses: a refused key or a spent quota stops the engine at its first
request, with the variable to fix and exit status 1; other refusals are not split into more
requests; a run whose every reply was refused or rejected exits 1."""

from __future__ import annotations

import pytest

from pipeline.cli import main
from standins import (
    Behaviour,
    ChatCompletionsHandler,
    DeepLHandler,
    LibreTranslateHandler,
    StandIn,
)
from standins.deepl import KEY as DEEPL_KEY
from standins.po_checks import failures
from test_mt_translate_command import MACHINE, PO, assert_sound, prepared


@pytest.fixture(autouse=True)
def local_only(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "LLM_API_KEY", "OPENAI_API_KEY", "LLM_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("LLM_MODEL", "stand-in")
    monkeypatch.setenv("DEEPL_AUTH_KEY", DEEPL_KEY)


HANDLERS = {"llm": (ChatCompletionsHandler, "/v1"), "deepl": (DeepLHandler, "/v2"),
            "libre": (LibreTranslateHandler, "")}


@pytest.mark.parametrize(("engine", "status", "message"), [
    ("llm", "401", "not authorized (HTTP 401): check $LLM_API_KEY or $OPENAI_API_KEY"),
    ("llm", "402", "quota exceeded (HTTP 402): the account of $LLM_API_KEY or $OPENAI_API_KEY "
                   "has none left"),
    ("deepl", "403", "not authorized (HTTP 403): check $DEEPL_AUTH_KEY"),
    ("deepl", "456", "quota exceeded (HTTP 456): the account of $DEEPL_AUTH_KEY has none left"),
    ("libre", "403", "not authorized (HTTP 403): check $LIBRE_API_KEY"),
])
def test_a_refused_key_stops_the_engine_at_the_first_request(make_project, capsys,
                                                             engine: str, status: str,
                                                             message: str) -> None:
    root = prepared(make_project, "max_items = 1\njobs = 4\n")
    handler, path = HANDLERS[engine]
    with StandIn(handler, Behaviour(always=status)) as server:
        assert main(["--root", str(root), "translate", "-l", "en", "--engine", engine,
                     "--engine-url", server.url + path, "-q"]) == 1
        assert server.behaviour.requests == 1
    err = capsys.readouterr().err
    assert f"error: engine {engine}: {message}" in err.splitlines()
    assert_sound(root)
    # The first segment says why it has no draft; the others were never sent.
    assert list(failures(root / PO).values()) == [f"machine translation failed: {message}"]


def test_a_refused_batch_is_not_sent_again_one_segment_at_a_time(make_project,
                                                                 capsys) -> None:
    root = prepared(make_project, "max_items = 10\njobs = 1\n")
    with StandIn(LibreTranslateHandler, Behaviour(always="400")) as server:
        assert main(["--root", str(root), "translate", "-l", "en", "--engine", "libre",
                     "--engine-url", server.url, "-q"]) == 1
        assert server.behaviour.requests == 1  # six segments, one request, refused
    err = capsys.readouterr().err
    assert "error: engine libre: no reply was usable (6 failed)" in err
    assert set(failures(root / PO).values()) == {
        "machine translation failed: request refused (HTTP 400)"}


def test_refusals_in_a_row_leave_the_engine_alone(make_project, capsys) -> None:
    root = prepared(make_project, "max_items = 1\njobs = 1\n")  # give_up_after = 2
    with StandIn(ChatCompletionsHandler, Behaviour(always="404")) as server:
        assert main(["--root", str(root), "translate", "-l", "en", "--engine", "llm",
                     "--engine-url", server.url + "/v1", "-q"]) == 1
        assert server.behaviour.requests == 2
    assert "refused (request refused (HTTP 404)): left alone for the rest of this run" in \
        capsys.readouterr().err


def test_a_run_with_some_drafts_exits_zero(make_project) -> None:
    root = prepared(make_project, "max_items = 1\njobs = 1\n")
    with StandIn(LibreTranslateHandler, Behaviour(faults=["400"])) as server:
        assert main(["--root", str(root), "translate", "-l", "en", "--engine", "libre",
                     "--engine-url", server.url, "-q"]) == 0
    assert len(failures(root / PO)) == 1 and len(assert_sound(root)) == MACHINE - 1


def test_a_flooding_or_appending_engine_grows_nothing(make_project, monkeypatch) -> None:
    from pipeline.mt import http_session

    monkeypatch.setattr(http_session, "MAX_REPLY_BYTES", 2**20)
    root = prepared(make_project, "max_items = 1\njobs = 1\ngive_up_after = 9\n")
    size = (root / PO).stat().st_size
    for fault, reason in (("flood", "reply larger than 1 MB"),
                          ("long", "reply far longer than its source")):
        with StandIn(LibreTranslateHandler, Behaviour(always=fault)) as server:
            assert main(["--root", str(root), "translate", "-l", "en", "--engine", "libre",
                         "--engine-url", server.url, "-q"]) == 1
        reasons = set(failures(root / PO).values())
        assert reasons and all(reason in line for line in reasons), fault
        assert (root / PO).stat().st_size < size + 6 * 200  # a comment per entry, no more
