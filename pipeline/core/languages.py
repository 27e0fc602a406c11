"""Language codes: validated with babel's locale data, written in gettext form."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.messages.plurals import get_plural

from .errors import ConfigError


def normalize_language(code: str) -> str:
    """``pt-BR`` → ``pt_BR``, ``zh-hant`` → ``zh_Hant``; unknown codes raise ConfigError."""
    try:
        return str(Locale.parse(code.strip().replace("-", "_")))
    except (UnknownLocaleError, ValueError, TypeError):
        raise ConfigError(f"unknown language code '{code}'") from None


def plural_forms(language: str) -> str:
    """The ``Plural-Forms`` header value for a gettext language code."""
    return get_plural(language).plural_forms


@lru_cache(maxsize=64)
def language_name(language: str) -> str:
    """The language's name in itself (日本語, English, 中文)."""
    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]
