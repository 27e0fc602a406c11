"""Adapters over deep-translator's clients: timeout, our errors, no silent empty results.

deep-translator's clients keep per-request state on the instance (``_url_params``), so each
worker thread gets its own client.  Each is built once up front, so a missing key or an
unsupported language fails before any request.  Their exceptions become ours here; messages
never quote the library's, which can hold the API key.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

import deep_translator.baidu
import deep_translator.google
import deep_translator.libre
import deep_translator.microsoft
import deep_translator.mymemory
import requests
from deep_translator.exceptions import (
    ApiKeyException,
    AuthorizationException,
    ElementNotFoundInGetRequest,
    LanguageNotSupportedException,
    NotValidLength,
    NotValidPayload,
    TooManyRequests,
    TranslationNotFound,
)

from ..core.errors import ConfigError, PipelineError
from .engine_api import Translate
from .engine_errors import AccessDenied, EngineUnavailable, RateLimited, Refused, Rejected
from .http_session import ReplyCheck, install, refusal, request_timeout
from .settings import EngineSettings, KeyRoute, endpoint, key_route, secret

Client = Any
Factory = Callable[[EngineSettings, str, str], Client]
Routes = Callable[[EngineSettings], tuple[KeyRoute, ...]]

_REJECTED = {
    TranslationNotFound: "no translation in the reply",
    ElementNotFoundInGetRequest: "no translation in the reply",
    NotValidLength: "text too long for the engine",
    NotValidPayload: "text refused by the client",
}


def _needed(engine: str, *names: str) -> list[str]:
    values = [secret(name) for name in names]
    if not all(values):
        wanted = " and ".join(f"${name}" for name in names)
        raise ConfigError(f"engine {engine} needs {wanted} in the environment")
    return [value for value in values if value]


def _call(function: Callable[[], Any], keys: str) -> Any:
    try:
        return function()
    except PipelineError:
        raise
    except AuthorizationException:
        raise AccessDenied(f"not authorized{f' (check {keys})' if keys else ''}") from None
    except LanguageNotSupportedException:
        raise ConfigError("language not supported by the engine") from None
    except ApiKeyException:
        raise ConfigError("the engine needs an API key in the environment") from None
    except TooManyRequests:
        raise RateLimited("rate-limited") from None
    except tuple(_REJECTED) as exc:
        raise Rejected(_REJECTED[type(exc)]) from None
    except ValueError:
        # requests' JSONDecodeError: a 200 whose body is no JSON (a proxy page, a restart).
        raise EngineUnavailable("unreadable reply (not JSON)") from None
    except (KeyError, IndexError, TypeError, AttributeError, StopIteration):
        raise Rejected("unexpected reply") from None
    except Exception as exc:  # the library raises bare Exception for some HTTP errors
        raise Refused(f"request refused ({type(exc).__name__})") from None


def _reply(result: Any) -> str:
    if isinstance(result, list):  # some clients answer a list of lines
        result = "\n".join(str(line) for line in result)
    if not isinstance(result, str) or not result.strip():
        raise Rejected("empty reply")
    return result


def _no_key(settings: EngineSettings) -> tuple[KeyRoute, ...]:
    return ()


def _refusing(check: ReplyCheck | None, keys: str) -> ReplyCheck:
    """``check``, then any other HTTP 4xx as our refusal: the clients would raise a vague
    exception for it, or, for a refused key, one that holds the key."""
    def checked(response: requests.Response) -> None:
        if check is not None:
            check(response)
        if 400 <= response.status_code < 500 and response.status_code != 429:
            raise refusal(response.status_code, keys)
    return checked


def deep_translator_engine(module: ModuleType, factory: Factory,
                           check: ReplyCheck | None = None,
                           routes: Routes = _no_key, keys: str = "") -> Callable[
        [EngineSettings, str, str], Translate]:
    """A ``connect(settings, source, target) -> translate`` for a deep-translator client
    (``check``: see :data:`ReplyCheck`; ``routes``: where its key goes, checked first;
    ``keys``: the environment variables a refusal tells the user to check)."""

    def connect(settings: EngineSettings, source: str, target: str) -> Translate:
        routes(settings)
        install(module, _refusing(check, keys))
        local = threading.local()

        def client() -> Client:
            if getattr(local, "client", None) is None:
                with request_timeout(settings.timeout):
                    local.client = _call(lambda: factory(settings, source, target), keys)
            return local.client

        try:
            client()
        except ConfigError as error:
            if error.message.startswith("engine "):
                raise
            raise ConfigError(f"engine {settings.name} ({source} → {target}): {error.message}") \
                from None

        def translate(texts: Sequence[str], context: str = "") -> list[str]:
            with request_timeout(settings.timeout):
                return [_reply(_call(lambda: client().translate(text), keys)) for text in texts]

        return translate

    return connect


def _google(settings: EngineSettings, source: str, target: str) -> Client:
    # The client reads deep_translator.constants.BASE_URLS["GOOGLE_TRANSLATE"] when built.
    return deep_translator.google.GoogleTranslator(source=source, target=target)


def _libre_url(settings: EngineSettings) -> tuple[str, str]:
    url, named_by = endpoint(settings, "LIBRE_URL", None)
    if not url:
        raise ConfigError("engine libre needs the server's URL: --engine-url or [engine] url")
    return url, named_by


def libre_key_routes(settings: EngineSettings) -> tuple[KeyRoute, ...]:
    """Where ``$LIBRE_API_KEY`` goes, if it is set."""
    route = key_route("libre", *_libre_url(settings), ("LIBRE_API_KEY",))
    return (route,) if route else ()


def _libre(settings: EngineSettings, source: str, target: str) -> Client:
    url = _libre_url(settings)[0]
    # deep-translator insists on a key; a server without keys ignores the placeholder.
    return deep_translator.libre.LibreTranslator(
        source=source, target=target, api_key=secret("LIBRE_API_KEY") or "none",
        custom_url=url if url.endswith("/") else url + "/")


def _mymemory(settings: EngineSettings, source: str, target: str) -> Client:
    return deep_translator.mymemory.MyMemoryTranslator(source=source, target=target,
                                                       email=secret("MYMEMORY_EMAIL"))


MICROSOFT_URL = "https://api.cognitive.microsofttranslator.com"
_MICROSOFT_REFUSED = {403001: "quota exceeded (free tier)",
                      400035: "language not supported", 400036: "language not supported"}


class _MicrosoftClient(deep_translator.microsoft.MicrosoftTranslator):  # type: ignore[misc]
    """deep-translator's client, at an endpoint of our choice: a region's
    (``https://api-eur.cognitive.microsofttranslator.com``) or a custom domain.  The client
    asks a fixed host for its language list: here the endpoint is asked."""

    def __init__(self, endpoint: str, **kwargs: Any) -> None:
        self._endpoint = endpoint
        super().__init__(**kwargs)
        self._base_url = f"{endpoint}/translate?api-version=3.0"

    def _get_supported_languages(self) -> dict[str, str]:
        reply = deep_translator.microsoft.requests.get(
            f"{self._endpoint}/languages", params={"api-version": "3.0", "scope": "translation"})
        table = reply.json()["translation"]
        # As the client's own: names and codes in lower case ("zh-hans").
        return {table[code]["name"].lower(): code.lower() for code in table}


def _microsoft_url(settings: EngineSettings) -> tuple[str, str]:
    url, named_by = endpoint(settings, None, MICROSOFT_URL)
    return (url or MICROSOFT_URL).rstrip("/"), named_by


def microsoft_key_routes(settings: EngineSettings) -> tuple[KeyRoute, ...]:
    """Where ``$MICROSOFT_API_KEY`` goes."""
    _needed("microsoft", "MICROSOFT_API_KEY")
    route = key_route("microsoft", *_microsoft_url(settings), ("MICROSOFT_API_KEY",))
    return (route,) if route else ()


def _microsoft(settings: EngineSettings, source: str, target: str) -> Client:
    (key,) = _needed("microsoft", "MICROSOFT_API_KEY")
    return _MicrosoftClient(_microsoft_url(settings)[0], source=source, target=target,
                            api_key=key, region=secret("MICROSOFT_REGION"))


def _microsoft_reply(response: requests.Response) -> None:
    """Microsoft answers a refusal with HTTP 4xx and ``{"error": {"code": 401000, ...}}``;
    the client would only say "MicrosoftAPIerror".  (429 and 5xx are handled before.)"""
    if response.status_code < 400:
        return
    try:
        code = int(response.json()["error"]["code"])
    except (ValueError, KeyError, TypeError):
        code = response.status_code * 1000
    if code // 1000 == 401:
        raise AccessDenied(f"not authorized (Microsoft error {code}): check $MICROSOFT_API_KEY "
                           "and $MICROSOFT_REGION")
    if code in _MICROSOFT_REFUSED:  # every other request would be refused alike
        raise AccessDenied(f"{_MICROSOFT_REFUSED[code]} (Microsoft error {code})")
    raise Refused(f"request refused (Microsoft error {code})")


BAIDU_PATH = "/api/trans/vip/translate"
BAIDU_URL = f"https://fanyi-api.baidu.com{BAIDU_PATH}"
_BAIDU_REFUSED = {
    "52003": "not authorized (check $BAIDU_APPID)",
    "54001": "not authorized (wrong signature: check $BAIDU_APPKEY)",
    "58000": "not authorized (client IP not allowed)",
    "90107": "not authorized (service not enabled)",
    "54004": "quota exceeded (account balance)",
    "58001": "language pair not supported",
    "58002": "service closed",
}


def baidu_key_routes(settings: EngineSettings) -> tuple[KeyRoute, ...]:
    """Where ``$BAIDU_APPID`` goes, with requests signed by ``$BAIDU_APPKEY``."""
    _needed("baidu", "BAIDU_APPID", "BAIDU_APPKEY")
    url, named_by = endpoint(settings, None, BAIDU_URL)
    route = key_route("baidu", url or BAIDU_URL, named_by, ("BAIDU_APPID",))
    return (route,) if route else ()


def _baidu(settings: EngineSettings, source: str, target: str) -> Client:
    appid, appkey = _needed("baidu", "BAIDU_APPID", "BAIDU_APPKEY")
    client = deep_translator.baidu.BaiduTranslator(source=source, target=target, appid=appid,
                                                   appkey=appkey)
    if settings.url:  # a gateway in front of the service (or a stand-in)
        url = settings.url.rstrip("/")
        client._base_url = url if url.endswith(BAIDU_PATH) else url + BAIDU_PATH
    return client


def _baidu_reply(response: requests.Response) -> None:
    """Baidu answers every refusal with HTTP 200 and an ``error_code``; the client would
    only say "BaiduAPIerror".  Its free plan allows one request a second, so the rate
    limits (54003, 54005) must be retried after a pause, not counted as refusals."""
    try:
        data = response.json()
    except ValueError:
        return  # the client's own handling reports it
    code = str(data.get("error_code", "")) if isinstance(data, dict) else ""
    if code in ("", "52000"):
        return
    if not (code.isdigit() and len(code) <= 6):  # never quote what a server made up
        raise Rejected("unexpected reply (an error code that is no Baidu code)")
    if code in ("54003", "54005"):
        raise RateLimited(f"rate-limited (Baidu error {code})")
    if code in ("52001", "52002"):
        raise EngineUnavailable(f"server error (Baidu error {code})")
    if code in _BAIDU_REFUSED:  # the account or the pair: every request would be refused
        raise AccessDenied(f"{_BAIDU_REFUSED[code]} (Baidu error {code})")
    raise Refused(f"request refused (Baidu error {code})")


google = deep_translator_engine(deep_translator.google, _google)
libre = deep_translator_engine(deep_translator.libre, _libre, routes=libre_key_routes,
                               keys="$LIBRE_API_KEY")
mymemory = deep_translator_engine(deep_translator.mymemory, _mymemory, keys="$MYMEMORY_EMAIL")
microsoft = deep_translator_engine(deep_translator.microsoft, _microsoft, _microsoft_reply,
                                   microsoft_key_routes, "$MICROSOFT_API_KEY")
baidu = deep_translator_engine(deep_translator.baidu, _baidu, _baidu_reply, baidu_key_routes,
                               "$BAIDU_APPID and $BAIDU_APPKEY")
