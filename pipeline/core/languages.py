"""Language codes: validated with babel's locale data, written in gettext form."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib.util import find_spec

from .errors import ConfigError


def normalize_language(code: str) -> str:
    """``pt-BR`` → ``pt_BR``, ``zh-hant`` → ``zh_Hant``; unknown codes raise ConfigError."""
    spelled = code.strip().replace("-", "_")
    if _has_locale_data(spelled):
        return spelled  # already canonical: babel's data files are named so
    from babel import Locale, UnknownLocaleError  # 10 ms to import: only for other spellings

    try:
        return str(Locale.parse(spelled))
    except (UnknownLocaleError, ValueError, TypeError):
        raise ConfigError(f"unknown language code '{code}'") from None


@lru_cache(maxsize=64)
def _has_locale_data(identifier: str) -> bool:
    """Whether babel has a data file named ``identifier`` (``en``, ``pt_BR``, ``zh_Hant``):
    every such name is what :func:`normalize_language` makes of it, and every command reads
    the configured codes, so the usual spellings need no babel import."""
    spec = find_spec("babel")  # finds the package without importing it
    folders = list(spec.submodule_search_locations or []) if spec else []
    return identifier.isidentifier() and any(
        os.path.isfile(os.path.join(folder, "locale-data", f"{identifier}.dat"))
        for folder in folders)


def plural_forms(language: str) -> str:
    """The ``Plural-Forms`` header value for a gettext language code."""
    from babel.messages.plurals import get_plural

    return get_plural(language).plural_forms


@lru_cache(maxsize=64)
def language_name(language: str) -> str:
    """The language's name in itself (日本語, English, 中文)."""
    from babel import Locale

    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]
