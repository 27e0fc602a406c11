"""Keys and credentials: a URL's user name, password and query never appear in a message,
a comment, a catalog, an output or the cache; a key goes over plain http only to this
machine; a host that only the project's pipeline.toml names is announced; ``--dry-run``
says where keys would go and sends nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.core.errors import ConfigError
from pipeline.mt.settings import (
    EngineSettings,
    engine_settings,
    is_loopback,
    key_route,
    shown_host,
)
from standins import ChatCompletionsHandler, DeepLHandler, StandIn, closed_port_url
from test_mt_translate_command import MACHINE, PO, assert_sound, prepared

SECRET = "S3CRET-in-the-url"


@pytest.fixture(autouse=True)
def local_only(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "LLM_API_KEY", "OPENAI_API_KEY", "LLM_BASE_URL", "DEEPL_AUTH_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("LLM_MODEL", "stand-in")


def _everything_written(root: Path) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file())


@pytest.mark.parametrize("url", [
    f"http://user:{SECRET}@127.0.0.1:{{port}}/v1",
    f"http://127.0.0.1:{{port}}/v1?key={SECRET}",
    f"http://{SECRET}@127.0.0.1:{{port}}/v1",
])
def test_url_credentials_appear_nowhere(make_project, capsys, url: str) -> None:
    root = prepared(make_project, "max_items = 1\njobs = 1\ngive_up_after = 1\nretries = 0\n")
    port = closed_port_url().rsplit(":", 1)[1]
    assert main(["--root", str(root), "translate", "-l", "en", "--engine", "llm",
                 "--engine-url", url.format(port=port), "-q"]) == 1
    out, err = capsys.readouterr()
    assert f"cannot connect to 127.0.0.1:{port}" in err
    assert SECRET not in out + err
    assert SECRET.encode() not in _everything_written(root)  # catalogs, outputs, cache
    assert_sound(root)


def test_a_working_server_behind_url_credentials_leaves_no_trace(make_project, capsys) -> None:
    root = prepared(make_project, "")
    with StandIn(ChatCompletionsHandler) as server:
        url = server.url.replace("http://", f"http://user:{SECRET}@") + "/v1"
        assert main(["--root", str(root), "translate", "-l", "en", "--engine", "llm",
                     "--engine-url", url, "-q"]) == 0
    assert SECRET not in "".join(capsys.readouterr())
    assert SECRET.encode() not in _everything_written(root)
    assert len(assert_sound(root)) == MACHINE


@pytest.mark.parametrize(("engine", "variable", "place"), [
    ("llm", "OPENAI_API_KEY", "url = 'http://example.invalid/v1'"),
    ("llm", "LLM_API_KEY", "url = 'http://192.0.2.7:8080/v1'"),
    ("deepl", "DEEPL_AUTH_KEY", "url = 'http://example.invalid/v2'"),
])
def test_a_key_never_goes_in_clear_to_another_machine(make_project, capsys, monkeypatch,
                                                      engine: str, variable: str,
                                                      place: str) -> None:
    monkeypatch.setenv(variable, "key-value")
    root = prepared(make_project, f"name = '{engine}'\n{place}\n")
    before = (root / PO).read_bytes()
    assert main(["--root", str(root), "translate", "-l", "en", "-q"]) == 1
    err = capsys.readouterr().err
    host = shown_host(place.split("'")[1])
    assert "would send $" in err and f"${variable}" in err and f"in clear to {host}" in err
    assert "[engine] url in pipeline.toml" in err and "key-value" not in err
    assert (root / PO).read_bytes() == before  # refused before anything was written


def test_a_host_named_only_by_the_project_is_announced(make_project, capsys,
                                                       monkeypatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "key-value")
    with StandIn(ChatCompletionsHandler) as server:
        root = prepared(make_project, f"name = 'llm'\nurl = '{server.url}/v1'\n")
        assert main(["--root", str(root), "translate", "-l", "en", "-q"]) == 0
        notice = [line for line in capsys.readouterr().err.splitlines()
                  if line.startswith("notice:")]
        host = shown_host(server.url)
        assert notice == [f"notice: $OPENAI_API_KEY goes to {host}, named by [engine] url in "
                          "pipeline.toml (--engine-url chooses the host on the command line)"]
        # Named on the command line, it is the user's own choice: no notice.
        (root / PO).unlink()
        assert main(["--root", str(root), "translate", "-l", "en", "--engine-url",
                     f"{server.url}/v1", "-q"]) == 0
        assert "notice:" not in capsys.readouterr().err


def test_a_dry_run_sends_nothing_and_says_where_keys_would_go(make_project, capsys,
                                                              monkeypatch) -> None:
    monkeypatch.setenv("DEEPL_AUTH_KEY", "key-value")
    with StandIn(DeepLHandler) as server:
        root = prepared(make_project, "")
        assert main(["--root", str(root), "translate", "-l", "en", "--engine", "deepl",
                     "--engine-url", f"{server.url}/v2", "--dry-run"]) == 0
        assert server.behaviour.requests == 0
    out = capsys.readouterr().out.splitlines()
    host = shown_host(server.url)
    plan = out.index(next(line for line in out if line.startswith("dry run:")))
    assert out[plan].startswith(f"dry run: en with deepl: {MACHINE} empty entries, {MACHINE} "
                                f"distinct segments, 0 needing no request; {MACHINE} to send "
                                "in 1 request, ")
    assert out[plan + 1] == f"  $DEEPL_AUTH_KEY would go to {host} (named by --engine-url)"
    assert not (root / "build").exists()


def test_where_a_url_goes_is_shown_without_what_it_carries() -> None:
    assert shown_host("https://u:p@api.example.com:8443/v1?key=k#f") == "api.example.com:8443"
    assert shown_host("http://[::1]:11434/v1") == "[::1]:11434"
    assert shown_host("not a url") == "an unreadable URL"
    assert [is_loopback(url) for url in ("http://127.0.0.1:1", "http://127.9.9.9",
                                         "http://[::1]/", "http://localhost:8/",
                                         "http://10.0.0.1/", "http://localhost.example.com/",
                                         "http://example.com/")] == \
        [True, True, True, True, False, False, False]


def test_a_key_goes_over_https_anywhere_and_over_http_only_here(monkeypatch) -> None:
    monkeypatch.setenv("LLM_API_KEY", "k")
    route = key_route("llm", "https://api.example.com/v1", "--engine-url",
                      ["LLM_API_KEY", "OPENAI_API_KEY"])
    assert route is not None and (route.variable, route.host) == ("$LLM_API_KEY",
                                                                 "api.example.com")
    assert key_route("llm", "http://127.0.0.1:8/v1", "x", ["LLM_API_KEY"]) is not None
    with pytest.raises(ConfigError, match=r"\$LLM_API_KEY or \$OPENAI_API_KEY in clear"):
        key_route("llm", "http://example.com/v1", "x", ["LLM_API_KEY", "OPENAI_API_KEY"])
    assert key_route("llm", "http://example.com/v1", "x", ["OTHER_KEY"]) is None


def test_the_table_cannot_claim_who_named_its_url() -> None:
    with pytest.raises(ConfigError, match="unknown key"):
        engine_settings({"url_from": "--engine-url"})
    assert EngineSettings().url_from is None
