"""DeepL over plain requests, with DeepL's current header authentication.

deep-translator's DeepL client sends the key as a GET ``auth_key`` parameter, which DeepL
no longer accepts; the API wants ``Authorization: DeepL-Auth-Key KEY`` and takes many texts
per request.  Free-plan keys end with ``:fx`` and use their own host.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..core.errors import ConfigError
from .engine_api import Translate
from .engine_errors import EngineUnavailable, Rejected
from .http_session import refusal, send
from .settings import EngineSettings, KeyRoute, endpoint, key_route, secret

KEYS = ("DEEPL_AUTH_KEY", "DEEPL_API_KEY")
FREE_URL = "https://api-free.deepl.com/v2"
PRO_URL = "https://api.deepl.com/v2"


def _texts(data: Any, count: int) -> list[str]:
    try:
        texts = [item["text"] for item in data["translations"]]
    except (KeyError, TypeError):
        raise Rejected("unexpected reply") from None
    if len(texts) != count:
        raise Rejected(f"{len(texts)} translations for {count} texts")
    return texts


def _url(settings: EngineSettings, key: str) -> tuple[str, str]:
    url, named_by = endpoint(settings, None, FREE_URL if key.endswith(":fx") else PRO_URL)
    return url or PRO_URL, named_by


def key_routes(settings: EngineSettings) -> tuple[KeyRoute, ...]:
    """Where the key goes (refused over plain http to another machine)."""
    key = secret(*KEYS)
    if not key:
        raise ConfigError("engine deepl needs $DEEPL_AUTH_KEY in the environment")
    route = key_route("deepl", *_url(settings, key), KEYS)
    return (route,) if route else ()


def connect(settings: EngineSettings, source: str, target: str) -> Translate:
    """``translate(texts)`` through DeepL's ``/v2/translate``."""
    key_routes(settings)
    key = secret(*KEYS) or ""
    url = _url(settings, key)[0].rstrip("/")
    headers = {"Authorization": f"DeepL-Auth-Key {key}"}

    def translate(texts: Sequence[str], context: str = "") -> list[str]:
        body = {"text": list(texts), "source_lang": source, "target_lang": target,
                "preserve_formatting": True}
        if context:
            body["context"] = context
        response = send("POST", f"{url}/translate", settings.timeout, json=body,
                        headers=headers)
        if response.status_code >= 400:
            raise refusal(response.status_code, "$DEEPL_AUTH_KEY")
        try:
            data = response.json()
        except ValueError:
            raise EngineUnavailable("unreadable reply (not JSON)") from None
        return _texts(data, len(texts))

    return translate
