"""The adapters against local stand-ins: deep-translator's real client code over real HTTP
on 127.0.0.1, our own adapters for DeepL and OpenAI-compatible servers, and every failure
mapped to our error types within the timeout."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
import requests
from deep_translator import LibreTranslator
from deep_translator.constants import BASE_URLS

from pipeline.core.errors import ConfigError
from pipeline.mt.engine_errors import (
    AccessDenied,
    EngineUnavailable,
    RateLimited,
    Rejected,
)
from pipeline.mt.engines import ENGINES, Imported, open_engine
from pipeline.mt.settings import EngineSettings
from standins import (
    BaiduHandler,
    Behaviour,
    ChatCompletionsHandler,
    DeepLHandler,
    GoogleMobileHandler,
    LibreTranslateHandler,
    MicrosoftHandler,
    StandIn,
    closed_port_url,
    fake_translate,
)
from standins import baidu as baidu_standin
from standins import microsoft as microsoft_standin
from standins.deepl import KEY as DEEPL_KEY


@pytest.mark.parametrize("name", sorted(ENGINES))
def test_every_adapter_the_table_names_by_module_resolves(name: str) -> None:
    # The table imports its adapters when a run first calls them: a misspelt module or
    # function would otherwise surface only then.
    spec = ENGINES[name]
    named = [function for function in (spec.connect, spec.cache_name, spec.key_routes)
             if isinstance(function, Imported)]
    assert spec.connect in named
    assert all(callable(function.resolve()) for function in named)


FAST = EngineSettings(timeout=0.4, retries=0, backoff=0.01)
TEXT = "随着[0]的病毒式传播，生成式人工智能[1]。"


@pytest.fixture(autouse=True)
def local_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stand-ins are on 127.0.0.1: no proxy may stand between."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


def test_libre_through_deep_translator() -> None:
    with StandIn(LibreTranslateHandler) as server:
        engine = open_engine(replace(FAST, name="libre", url=server.url), "zh", "en")
        assert engine.translate([TEXT, "世界"], "") == [fake_translate(TEXT), fake_translate("世界")]
        assert server.behaviour.received == [TEXT, "世界"]
        assert (engine.source, engine.target) == ("zh", "en")


def test_google_through_deep_translator(monkeypatch: pytest.MonkeyPatch) -> None:
    with StandIn(GoogleMobileHandler) as server:
        monkeypatch.setitem(BASE_URLS, "GOOGLE_TRANSLATE", server.url + "/m")
        engine = open_engine(replace(FAST, name="google"), "zh", "zh_Hant")
        assert engine.target == "zh-TW"
        assert engine.translate([TEXT], "") == [fake_translate(TEXT)]


def test_llm_sends_the_title_and_the_token_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM_MODEL", "stand-in-model")
    with StandIn(ChatCompletionsHandler) as server:
        engine = open_engine(replace(FAST, name="llm", url=server.url + "/v1"), "zh", "ja")
        assert engine.cache_name == "llm:stand-in-model"
        assert engine.translate([TEXT], "AIGC入门") == [fake_translate(TEXT)]
        prompt = server.behaviour.prompts[0]
        assert "Chinese" in prompt and "Japanese" in prompt and "AIGC入门" in prompt
        assert "[0], [1]" in prompt


def test_deepl_uses_header_authentication(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEEPL_AUTH_KEY", DEEPL_KEY)
    with StandIn(DeepLHandler) as server:
        engine = open_engine(replace(FAST, name="deepl", url=server.url + "/v2"), "zh", "en")
        assert (engine.source, engine.target) == ("ZH", "EN-US")
        assert engine.translate([TEXT, "世界"], "") == [fake_translate(TEXT), fake_translate("世界")]
        assert server.behaviour.requests == 1  # a list per request
        monkeypatch.setenv("DEEPL_AUTH_KEY", "wrong-key")
        engine = open_engine(replace(FAST, name="deepl", url=server.url + "/v2"), "zh", "en")
        with pytest.raises(AccessDenied, match=r"not authorized \(HTTP 403\): check "
                                               r"\$DEEPL_AUTH_KEY") as caught:
            engine.translate([TEXT], "")
        assert "wrong-key" not in str(caught.value)


FAULTS = [  # (fault, our error, words of its message)
    ("429", RateLimited, "429"),
    ("500", EngineUnavailable, "HTTP 500"),
    ("not-json", EngineUnavailable, "not JSON"),
    ("empty", Rejected, "empty reply"),
    ("slow", EngineUnavailable, "no reply"),
]


FAULT_CASES = [pytest.param(handler, *fault, id=f"{name}-{fault[0]}")
               for name, handler in (("libre", LibreTranslateHandler),
                                     ("google", GoogleMobileHandler))
               for fault in FAULTS if (name, fault[0]) != ("google", "not-json")]


@pytest.mark.parametrize("handler, fault, error, words", FAULT_CASES)
def test_faults_become_our_errors(monkeypatch: pytest.MonkeyPatch, handler, fault: str,
                                  error: type, words: str) -> None:
    with StandIn(handler, Behaviour(faults=[fault], slow_seconds=1.5)) as server:
        monkeypatch.setitem(BASE_URLS, "GOOGLE_TRANSLATE", server.url + "/m")
        name = "libre" if handler is LibreTranslateHandler else "google"
        engine = open_engine(replace(FAST, name=name, url=server.url), "zh", "en")
        started = time.monotonic()
        with pytest.raises(error, match=words):
            engine.translate([TEXT], "")
        assert time.monotonic() - started < 1.2  # the timeout, not the server, decides
        assert engine.translate([TEXT], "") == [fake_translate(TEXT)]  # and it recovers


def test_closed_port_is_unavailable_and_keys_stay_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIBRE_API_KEY", "s3cret-key")
    engine = open_engine(replace(FAST, name="libre", url=closed_port_url()), "zh", "en")
    with pytest.raises(EngineUnavailable, match="cannot connect") as caught:
        engine.translate([TEXT], "")
    assert "s3cret-key" not in str(caught.value)


@pytest.mark.parametrize("name, language, words", [
    ("libre", "sw", "does not support"),
    ("google", "ii", "does not support"),
    ("nosuch", "en", "unknown engine"),
])
def test_bad_engine_or_language_fails_before_any_request(name: str, language: str,
                                                         words: str) -> None:
    with StandIn(LibreTranslateHandler) as server:
        with pytest.raises(ConfigError, match=words):
            open_engine(replace(FAST, name=name, url=server.url), "zh", language)
        assert server.behaviour.requests == 0


@pytest.mark.parametrize("name, variable", [("libre", None), ("deepl", "DEEPL_AUTH_KEY"),
                                            ("llm", "LLM_MODEL"), ("baidu", "BAIDU_APPID")])
def test_missing_settings_are_config_errors(monkeypatch: pytest.MonkeyPatch, name: str,
                                            variable: str | None) -> None:
    for var in ("LIBRE_URL", "DEEPL_AUTH_KEY", "DEEPL_API_KEY", "LLM_MODEL", "BAIDU_APPID",
                "BAIDU_APPKEY"):
        monkeypatch.delenv(var, raising=False)
    with pytest.raises(ConfigError, match=variable or "URL"):
        open_engine(replace(FAST, name=name), "zh", "en")


def test_pseudo_keeps_tokens_offline() -> None:
    engine = open_engine(replace(FAST, name="pseudo"), "zh", "en")
    (reply,) = engine.translate(["Use [0] now, [1]"], "")
    assert reply.startswith("⟦") and "[0]" in reply and "[1]" in reply and "Üšé" in reply


@pytest.mark.parametrize("how", ["json", "json-list", "form", "query"])
def test_libre_stand_in_speaks_the_api(how: str) -> None:
    """The stand-in reads JSON, form and query values, q as a string or a list."""
    with StandIn(LibreTranslateHandler) as server:
        url = server.url + "/translate"
        values = {"q": "你好", "source": "zh", "target": "en", "format": "text"}
        if how == "json-list":
            values["q"] = ["你好", "世界"]
        send = {"json": {"json": values}, "json-list": {"json": values},
                "form": {"data": values}, "query": {"params": values}}[how]
        reply = requests.post(url, timeout=5, **send).json()["translatedText"]
        expected = [fake_translate(q) for q in values["q"]] if how == "json-list" \
            else fake_translate("你好")
        assert reply == expected
        languages = requests.get(server.url + "/languages", timeout=5).json()
        assert {"code": "zh"}.items() <= languages[1].items()


def test_deep_translator_alone_has_no_timeout_but_ours_does() -> None:
    """Why the adapter exists: the same client, called directly, would wait for the server."""
    with StandIn(LibreTranslateHandler, Behaviour(always="slow", slow_seconds=0.6)) as server:
        client = LibreTranslator(source="zh", target="en", api_key="x",
                                 custom_url=server.url + "/")
        started = time.monotonic()
        client.translate("你好")
        assert time.monotonic() - started >= 0.6
        engine = open_engine(replace(FAST, name="libre", url=server.url, timeout=0.2), "zh", "en")
        with pytest.raises(EngineUnavailable):
            engine.translate(["你好"], "")


@pytest.fixture
def keyed(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """The stand-ins' keys for Baidu and Microsoft in the environment."""
    monkeypatch.setenv("BAIDU_APPID", baidu_standin.APPID)
    monkeypatch.setenv("BAIDU_APPKEY", baidu_standin.APPKEY)
    monkeypatch.setenv("MICROSOFT_API_KEY", microsoft_standin.KEY)
    monkeypatch.setenv("MICROSOFT_REGION", "eastasia")
    return monkeypatch


def test_baidu_through_deep_translator(keyed: pytest.MonkeyPatch) -> None:
    """deep-translator signs the request; the stand-in checks the signature and answers one
    result per line."""
    with StandIn(BaiduHandler) as server:
        engine = open_engine(replace(FAST, name="baidu", url=server.url), "zh", "ja")
        assert engine.target == "jp"
        two_lines = "第一行\n第二行"
        assert engine.translate([TEXT, two_lines], "") == [fake_translate(TEXT),
                                                            fake_translate(two_lines)]
        assert server.behaviour.received == [TEXT, "第一行", "第二行"]


def test_baidu_takes_its_full_address_too(keyed: pytest.MonkeyPatch) -> None:
    with StandIn(BaiduHandler) as server:
        url = server.url + baidu_standin.PATH
        engine = open_engine(replace(FAST, name="baidu", url=url), "zh", "en")
        assert engine.translate(["世界"], "") == [fake_translate("世界")]


@pytest.mark.parametrize("code", ["appid=1 sign=\x1b[2J", None, "5400312"])
def test_a_made_up_baidu_error_code_is_not_quoted(keyed: pytest.MonkeyPatch, code: object) -> None:
    class MadeUp(BaiduHandler):
        def _translate(self) -> None:
            self.send_json({"error_code": code, "error_msg": "whatever"})

    with StandIn(MadeUp) as server:
        engine = open_engine(replace(FAST, name="baidu", url=server.url), "zh", "en")
        with pytest.raises(Rejected) as caught:
            engine.translate([TEXT], "")
    assert caught.value.message == "unexpected reply (an error code that is no Baidu code)"


@pytest.mark.parametrize("variable, message", [
    ("BAIDU_APPKEY", "not authorized (wrong signature: check $BAIDU_APPKEY) (Baidu error 54001)"),
    ("BAIDU_APPID", "not authorized (check $BAIDU_APPID) (Baidu error 52003)"),
])
def test_baidu_wrong_keys_are_named(keyed: pytest.MonkeyPatch, variable: str,
                                    message: str) -> None:
    keyed.setenv(variable, "s3cret-value")
    with StandIn(BaiduHandler) as server:
        engine = open_engine(replace(FAST, name="baidu", url=server.url), "zh", "en")
        with pytest.raises(AccessDenied) as caught:
            engine.translate([TEXT], "")
        assert caught.value.message == message


def test_microsoft_through_deep_translator(keyed: pytest.MonkeyPatch) -> None:
    """The language list comes from the configured endpoint, as the translations do; the
    service lists ``zh-Hans`` and the client keeps its codes in lower case."""
    with StandIn(MicrosoftHandler) as server:
        engine = open_engine(replace(FAST, name="microsoft", url=server.url + "/"), "zh", "pt_PT")
        assert (engine.source, engine.target) == ("zh-hans", "pt-pt")
        assert engine.translate([TEXT, "世界"], "") == [fake_translate(TEXT), fake_translate("世界")]
        assert [h.get("Ocp-Apim-Subscription-Region") for h in server.behaviour.headers] == \
            ["eastasia", "eastasia"]
        traditional = open_engine(replace(FAST, name="microsoft", url=server.url), "zh", "zh_TW")
        assert traditional.translate(["世界"], "") == [fake_translate("世界")]
        assert server.behaviour.paths == ["GET /languages", "POST /translate", "POST /translate",
                                          "GET /languages", "POST /translate"]


KEYED_FAULTS = [pytest.param(handler, name, fault, error, message, id=f"{name}-{fault}")
                for handler, name, cases in [
    (BaiduHandler, "baidu", [
        # The free plan's one request a second: retried after a pause, not a refusal.
        ("54003", RateLimited, "rate-limited (Baidu error 54003)"),
        ("54005", RateLimited, "rate-limited (Baidu error 54005)"),
        ("52001", EngineUnavailable, "server error (Baidu error 52001)"),
        ("54004", AccessDenied, "quota exceeded (account balance) (Baidu error 54004)"),
        ("90107", AccessDenied, "not authorized (service not enabled) (Baidu error 90107)"),
        ("500", EngineUnavailable, "server error (HTTP 500)"),
        ("not-json", EngineUnavailable, "unreadable reply (not JSON)"),
        ("empty", Rejected, "empty reply")]),
    (MicrosoftHandler, "microsoft", [
        ("403001", AccessDenied, "quota exceeded (free tier) (Microsoft error 403001)"),
        ("400036", AccessDenied, "language not supported (Microsoft error 400036)"),
        ("429", RateLimited, "rate-limited (HTTP 429)"),
        ("500", EngineUnavailable, "server error (HTTP 500)"),
        ("not-json", EngineUnavailable, "unreadable reply (not JSON)"),
        ("empty", Rejected, "empty reply")]),
] for fault, error, message in cases]


@pytest.mark.parametrize("handler, name, fault, error, message", KEYED_FAULTS)
def test_keyed_engines_errors_become_our_errors(keyed: pytest.MonkeyPatch, handler: type,
                                                name: str, fault: str, error: type,
                                                message: str) -> None:
    with StandIn(handler, Behaviour(faults=[fault])) as server:
        engine = open_engine(replace(FAST, name=name, url=server.url), "zh", "en")
        with pytest.raises(error) as caught:
            engine.translate([TEXT], "")
        assert caught.value.message == message
        assert engine.translate([TEXT], "") == [fake_translate(TEXT)]  # and it recovers


def test_microsoft_wrong_key_is_named(keyed: pytest.MonkeyPatch) -> None:
    keyed.setenv("MICROSOFT_API_KEY", "wrong-key")
    with StandIn(MicrosoftHandler) as server:
        engine = open_engine(replace(FAST, name="microsoft", url=server.url), "zh", "en")
        with pytest.raises(AccessDenied) as caught:
            engine.translate([TEXT], "")
    assert caught.value.message == ("not authorized (Microsoft error 401000): check "
                                    "$MICROSOFT_API_KEY and $MICROSOFT_REGION")


def test_microsoft_unsupported_language_fails_before_any_translation(
        keyed: pytest.MonkeyPatch) -> None:
    with StandIn(MicrosoftHandler) as server:
        with pytest.raises(ConfigError, match="language not supported by the engine"):
            open_engine(replace(FAST, name="microsoft", url=server.url), "zh", "sw")
        assert server.behaviour.requests == 0 and server.behaviour.headers == []
