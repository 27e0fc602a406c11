"""How to talk to an engine: the ``[engine]`` table of ``pipeline.toml`` and the command
line (which wins).  Keys never come from a file: only from the environment (:func:`secret`).

::

    [engine]
    name = "libre"                  # google (default), libre, deepl, llm, pseudo, none ...
    url = "http://127.0.0.1:5000/"  # libre, deepl, llm, microsoft, baidu: where the service is
    jobs = 8                        # requests in flight (default: per engine)
    timeout = 20                    # seconds per request
    retries = 3                     # retries after a timeout, 5xx or 429
    backoff = 1.0                   # first wait before a retry, doubled each time
    rate_limit_strikes = 3          # 429s in a row that end the engine's run
    give_up_after = 3               # failed requests in a row that end the engine's run
    flush_interval = 1.0            # seconds between saves of the PO files
    max_chars = 1800                # characters per request (default: per engine)
    max_items = 20                  # segments per request (default: per engine)
    model = "qwen2.5:7b"            # llm only (else $LLM_MODEL)
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from typing import Any
from urllib.parse import urlsplit

from ..core.config import CONFIG_NAME
from ..core.errors import ConfigError


@dataclass(frozen=True)
class EngineSettings:
    """Everything the scheduler and the adapters need to know, but secrets."""

    name: str = "google"
    url: str | None = None
    jobs: int | None = None
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0
    max_backoff: float = 60.0
    rate_limit_strikes: int = 3
    give_up_after: int = 3
    flush_interval: float = 1.0
    max_chars: int | None = None
    max_items: int | None = None
    model: str | None = None
    url_from: str | None = None
    """Who named ``url``: ``--engine-url`` or ``pipeline.toml`` (not a key of the table)."""


_INTERNAL = {"url_from"}
URL_FROM_CONFIG = "[engine] url in pipeline.toml"
URL_FROM_COMMAND_LINE = "--engine-url"


_NUMBERS = {"jobs": int, "retries": int, "rate_limit_strikes": int, "give_up_after": int,
            "max_chars": int, "max_items": int, "timeout": float, "backoff": float,
            "max_backoff": float, "flush_interval": float}


def _value(key: str, value: Any) -> Any:
    kind = _NUMBERS.get(key)
    if kind is None:
        if not isinstance(value, str):
            raise ConfigError(f"[engine] {key} must be a string", CONFIG_NAME,
                              key=f"engine.{key}")
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 \
            or (kind is int and not isinstance(value, int)):
        raise ConfigError(f"[engine] {key} must be a non-negative {kind.__name__}", CONFIG_NAME,
                          key=f"engine.{key}")
    return kind(value)


def engine_settings(table: dict[str, Any], name: str | None = None, url: str | None = None,
                    jobs: int | None = None) -> EngineSettings:
    """Settings from the ``[engine]`` table, overridden by command-line values."""
    known = {f.name for f in fields(EngineSettings)} - _INTERNAL
    unknown = set(table) - known
    if unknown:
        raise ConfigError(f"unknown key(s) in [engine]: {', '.join(sorted(unknown))}",
                          CONFIG_NAME, key=f"engine.{min(unknown)}")
    settings = EngineSettings(**{key: _value(key, value) for key, value in table.items()})
    if jobs is not None and jobs < 1:
        raise ConfigError("--jobs must be at least 1")
    if name and "name" in table and name != settings.name:
        # Where the engine the table names is, its model and request sizes: another engine
        # chosen on the command line does not take them (a libre server's URL would
        # otherwise receive Baidu's signed requests).
        settings = replace(settings, url=None, model=None, jobs=None, max_chars=None,
                           max_items=None)
    url_from = URL_FROM_COMMAND_LINE if url else URL_FROM_CONFIG if settings.url else None
    return replace(settings, name=name or settings.name, url=url or settings.url,
                   jobs=jobs or settings.jobs, url_from=url_from)


def secret(*names: str) -> str | None:
    """The first of these environment variables that is set: keys live only there, never in
    files we read or write, and never in messages."""
    return next((os.environ[name] for name in names if os.environ.get(name)), None)


def shown_host(url: str) -> str:
    """Where ``url`` goes, as messages show it: the host and port, never the user name,
    password, path or query (any of which may hold a key)."""
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError:
        return "an unreadable URL"
    if not host:
        return "an unreadable URL"
    shown = f"[{host}]" if ":" in host else host
    return f"{shown}:{port}" if port else shown


def is_loopback(url: str) -> bool:
    """Whether ``url`` names this machine (``localhost``, ``127.0.0.0/8``, ``::1``)."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class KeyRoute:
    """Which key of the environment an engine sends where, and who chose that place."""

    variable: str
    """``$OPENAI_API_KEY``, or two for engines that sign with a pair."""
    host: str
    """As :func:`shown_host` shows it."""
    named_by: str
    """``--engine-url``, ``[engine] url in pipeline.toml``, ``$LLM_BASE_URL`` or
    ``the engine's default``."""

    @property
    def from_project(self) -> bool:
        """Whether only the project's own file chose this host: a cloned repository could
        send the key anywhere, so the run says where it goes."""
        return self.named_by == URL_FROM_CONFIG


DEFAULT_PLACE = "the engine's default"


def endpoint(settings: EngineSettings, variable: str | None, default: str | None
             ) -> tuple[str | None, str]:
    """The service URL an adapter uses and who named it: ``--engine-url`` or ``[engine]
    url``, else the environment ``variable``, else the engine's ``default``."""
    if settings.url:
        return settings.url, settings.url_from or URL_FROM_COMMAND_LINE
    from_environment = secret(variable) if variable else None
    if from_environment:
        return from_environment, f"${variable}"
    return default, DEFAULT_PLACE


def key_route(engine: str, url: str, named_by: str, variables: Sequence[str]) -> KeyRoute | None:
    """Where the first set of ``variables`` goes (None when none is set).  A key goes over
    plain http only to this machine: anywhere else anyone on the way could read it."""
    variable = next((name for name in variables if os.environ.get(name)), None)
    if variable is None:
        return None
    shown = " or ".join(f"${name}" for name in variables) if len(variables) > 1 else f"${variable}"
    if not url.lower().startswith("https://") and not is_loopback(url):
        raise ConfigError(f"engine {engine} would send {shown} in clear to {shown_host(url)} "
                          f"(named by {named_by}): use an https URL, or a server on this "
                          "machine")
    return KeyRoute(f"${variable}", shown_host(url), named_by)
