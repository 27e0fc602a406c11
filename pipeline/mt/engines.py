"""The engines, one small adapter each, in one table.

Adding an engine is one entry: how to connect (:mod:`.engine_api`), how it spells language
codes, how big its requests may be, and its name in the reply cache.
``joined`` engines take one text per request, so the scheduler joins several segments into
it (:mod:`.batching`); the others take a list.  deep-translator 1.11's Papago and Yandex
clients are left out: the first sends language names where the API wants codes, the second
speaks a retired API.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from ..core.errors import ConfigError
from .engine_api import Connect, Translate
from .language_codes import (
    CodeFor,
    baidu_code,
    deepl_code,
    google_code,
    libre_code,
    microsoft_code,
    mymemory_code,
    same_code,
)
from .settings import EngineSettings, KeyRoute


@dataclass(frozen=True)
class Imported:
    """A function of an adapter module of this package, imported on its first call:
    requests, deep-translator and BeautifulSoup take longer to import than most commands
    take to run."""

    module: str
    name: str

    def resolve(self) -> Callable[..., Any]:
        """The function itself."""
        function: Callable[..., Any] = getattr(import_module(f"{__package__}.{self.module}"),
                                               self.name)
        return function

    def __call__(self, *args: Any) -> Any:
        return self.resolve()(*args)


@dataclass(frozen=True)
class EngineSpec:
    """What the scheduler needs to know about an engine."""

    connect: Connect
    code: CodeFor
    """Our language code → the engine's."""
    max_chars: int
    """Characters per request, under the engine's limit."""
    max_items: int
    """Segments per request."""
    joined: bool = True
    """The client takes one text: several segments are joined into it."""
    jobs: int = 4
    """Requests in flight by default."""
    cache_name: Callable[[EngineSettings], str] | None = None
    """The engine's name in the reply cache, where the name alone does not say what
    answers (the model, for ``llm``)."""
    key_routes: Callable[[EngineSettings], tuple[KeyRoute, ...]] | None = None
    """Where its key goes; raises ConfigError for a key that would go in clear."""


ENGINES: dict[str, EngineSpec] = {
    "google": EngineSpec(Imported("deep_translator_clients", "google"), google_code,
                         max_chars=1500, max_items=25, jobs=4),
    "libre": EngineSpec(Imported("deep_translator_clients", "libre"), libre_code,
                        max_chars=2000, max_items=25, jobs=8,
                        key_routes=Imported("deep_translator_clients", "libre_key_routes")),
    "mymemory": EngineSpec(Imported("deep_translator_clients", "mymemory"), mymemory_code,
                           max_chars=450, max_items=10, jobs=2),
    "microsoft": EngineSpec(Imported("deep_translator_clients", "microsoft"), microsoft_code,
                            max_chars=5000, max_items=50,
                            key_routes=Imported("deep_translator_clients",
                                                "microsoft_key_routes")),
    "baidu": EngineSpec(Imported("deep_translator_clients", "baidu"), baidu_code,
                        max_chars=1800, max_items=25, jobs=1,
                        key_routes=Imported("deep_translator_clients", "baidu_key_routes")),
    "deepl": EngineSpec(Imported("deepl_engine", "connect"), deepl_code, max_chars=30000,
                        max_items=50, joined=False,
                        key_routes=Imported("deepl_engine", "key_routes")),
    "llm": EngineSpec(Imported("llm_engine", "connect"), same_code, max_chars=8000,
                      max_items=1, joined=False, cache_name=Imported("llm_engine", "cache_name"),
                      key_routes=Imported("llm_engine", "key_routes")),
    "pseudo": EngineSpec(Imported("pseudo_engine", "connect"), same_code, max_chars=100000,
                         max_items=100, joined=False, jobs=1,
                         cache_name=Imported("pseudo_engine", "cache_name")),
}
NO_ENGINE = "none"
"""``--engine none``: extract and update only."""


@dataclass(frozen=True)
class Engine:
    """An engine ready for one language pair."""

    name: str
    translate: Translate
    source: str
    target: str
    max_chars: int
    max_items: int
    joined: bool
    jobs: int
    cache_name: str
    """Engine name in cache keys (the model too, for ``llm``)."""
    routes: tuple[KeyRoute, ...] = ()
    """Which key of the environment goes to which host."""


def _not_connected(texts: Sequence[str], context: str = "") -> list[str]:
    raise AssertionError("an engine opened without connecting sends nothing")


def open_engine(settings: EngineSettings, source_language: str, language: str,
                connect: bool = True) -> Engine:
    """Map the language codes, check where keys go, and connect (unless not ``connect``:
    a dry run, which must make no request); unsupported languages and missing keys or keys
    that would go in clear raise ConfigError before any translation request."""
    spec = ENGINES.get(settings.name)
    if spec is None:
        raise ConfigError(f"unknown engine '{settings.name}' (known: "
                          f"{', '.join([*ENGINES, NO_ENGINE])})")
    source, target = spec.code(source_language, False), spec.code(language, True)
    if source_language == language:
        raise ConfigError(f"'{language}' is the source language: nothing to translate")
    cache_name = spec.cache_name(settings) if spec.cache_name else settings.name
    routes = spec.key_routes(settings) if spec.key_routes else ()
    translate = spec.connect(settings, source, target) if connect else _not_connected
    return Engine(name=settings.name, translate=translate, source=source, target=target,
                  max_chars=settings.max_chars or spec.max_chars,
                  max_items=settings.max_items or spec.max_items, joined=spec.joined,
                  jobs=settings.jobs or spec.jobs, cache_name=cache_name, routes=routes)
