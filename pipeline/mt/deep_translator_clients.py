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

from ..errors import ConfigError, PipelineError
from .engine_errors import EngineUnavailable, RateLimited, Rejected
from .engines import Translate
from .http_session import install, request_timeout
from .settings import EngineSettings, secret

Client = Any
Factory = Callable[[EngineSettings, str, str], Client]

_REJECTED = {
    AuthorizationException: "not authorized (check the API key)",
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


def _call(function: Callable[[], Any]) -> Any:
    try:
        return function()
    except PipelineError:
        raise
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
        raise Rejected(f"request refused ({type(exc).__name__})") from None


def _reply(result: Any) -> str:
    if isinstance(result, list):  # some clients answer a list of lines
        result = "\n".join(str(line) for line in result)
    if not isinstance(result, str) or not result.strip():
        raise Rejected("empty reply")
    return result


def deep_translator_engine(module: ModuleType, factory: Factory) -> Callable[
        [EngineSettings, str, str], Translate]:
    """A ``connect(settings, source, target) -> translate`` for a deep-translator client."""

    def connect(settings: EngineSettings, source: str, target: str) -> Translate:
        install(module)
        local = threading.local()

        def client() -> Client:
            if getattr(local, "client", None) is None:
                with request_timeout(settings.timeout):
                    local.client = _call(lambda: factory(settings, source, target))
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
                return [_reply(_call(lambda: client().translate(text))) for text in texts]

        return translate

    return connect


def _google(settings: EngineSettings, source: str, target: str) -> Client:
    # The client reads deep_translator.constants.BASE_URLS["GOOGLE_TRANSLATE"] when built.
    return deep_translator.google.GoogleTranslator(source=source, target=target)


def _libre(settings: EngineSettings, source: str, target: str) -> Client:
    url = settings.url or secret("LIBRE_URL")
    if not url:
        raise ConfigError("engine libre needs the server's URL: --engine-url or [engine] url")
    # deep-translator insists on a key; a server without keys ignores the placeholder.
    return deep_translator.libre.LibreTranslator(
        source=source, target=target, api_key=secret("LIBRE_API_KEY") or "none",
        custom_url=url if url.endswith("/") else url + "/")


def _mymemory(settings: EngineSettings, source: str, target: str) -> Client:
    return deep_translator.mymemory.MyMemoryTranslator(source=source, target=target,
                                                       email=secret("MYMEMORY_EMAIL"))


def _microsoft(settings: EngineSettings, source: str, target: str) -> Client:
    (key,) = _needed("microsoft", "MICROSOFT_API_KEY")
    return deep_translator.microsoft.MicrosoftTranslator(
        source=source, target=target, api_key=key, region=secret("MICROSOFT_REGION"))


def _baidu(settings: EngineSettings, source: str, target: str) -> Client:
    appid, appkey = _needed("baidu", "BAIDU_APPID", "BAIDU_APPKEY")
    return deep_translator.baidu.BaiduTranslator(source=source, target=target, appid=appid,
                                                 appkey=appkey)


google = deep_translator_engine(deep_translator.google, _google)
libre = deep_translator_engine(deep_translator.libre, _libre)
mymemory = deep_translator_engine(deep_translator.mymemory, _mymemory)
microsoft = deep_translator_engine(deep_translator.microsoft, _microsoft)
baidu = deep_translator_engine(deep_translator.baidu, _baidu)
