"""Our gettext language codes (``zh``, ``zh_Hant``, ``pt_BR``, ``he``) as each engine spells
them: Google wants ``zh-CN`` and ``iw``, LibreTranslate ``zh``, MyMemory ``en-US``, DeepL
``EN-US`` ...  A code an engine does not support raises ConfigError before any request."""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import cache
from typing import Any

from ..core.errors import ConfigError

CodeFor = Callable[[str, bool], str]
"""``(gettext code, is_target) -> engine code``."""

_GOOGLE_ALIASES = {"he": "iw", "jv": "jw", "fil": "tl", "nb": "no", "nn": "no"}
_TRADITIONAL = ("TW", "HK", "MO")
DEEPL_LANGUAGES = frozenset(
    "AR BG CS DA DE EL EN ES ET FI FR HE HU ID IT JA KO LT LV NB NL PL PT RO RU SK SL SV TH "
    "TR UK VI ZH".split())


@cache
def _tables() -> Any:
    # deep-translator's own lists: what its clients accept.  Imported on first use (slow).
    from deep_translator import constants

    return constants


def _parts(language: str) -> tuple[str, str | None, str | None]:
    from babel import Locale  # babel on first use: every command imports the engine table

    locale = Locale.parse(language)
    return locale.language, locale.script, locale.territory


def _traditional(language: str) -> bool:
    _, script, territory = _parts(language)
    return script == "Hant" or (script is None and territory in _TRADITIONAL)


def _supported(code: str, known: Collection[str], engine: str, language: str) -> str:
    if code not in known:
        raise ConfigError(f"engine {engine} does not support language '{language}'")
    return code


def google_code(language: str, target: bool = True) -> str:
    """Google: ``zh-CN``/``zh-TW``, ``iw`` for Hebrew, ``jw`` for Javanese, else ISO 639-1."""
    base = _parts(language)[0]
    if base == "zh":
        return "zh-TW" if _traditional(language) else "zh-CN"
    return _supported(_GOOGLE_ALIASES.get(base, base), _tables().GOOGLE_LANGUAGES_TO_CODES.values(),
                      "google", language)


def libre_code(language: str, target: bool = True) -> str:
    """LibreTranslate: the bare language, ``zh`` for Chinese (as deep-translator lists it)."""
    base = _parts(language)[0]
    code = "zt" if base == "zh" and _traditional(language) else base
    return _supported(code, _tables().LIBRE_LANGUAGES_TO_CODES.values(), "libre", language)


def mymemory_code(language: str, target: bool = True) -> str:
    """MyMemory: language and region, ``en-US``, ``zh-CN``, ``pt-BR`` (region guessed with
    CLDR's likely subtags when the code has none)."""
    base, script, territory = _parts(language)
    if territory is None:
        from babel.core import get_global

        likely = get_global("likely_subtags").get(f"{base}_{script}" if script else base, "")
        territory = likely.split("_")[-1] if likely.count("_") >= 1 else None
    known = _tables().MY_MEMORY_LANGUAGES_TO_CODES.values()
    if territory and f"{base}-{territory}" in known:
        return f"{base}-{territory}"
    candidates = sorted(code for code in known if code.split("-")[0] == base)
    if not candidates:
        raise ConfigError(f"engine mymemory does not support language '{language}'")
    return str(candidates[0])


def deepl_code(language: str, target: bool = True) -> str:
    """DeepL: upper case; targets name the variant (``EN-US``, ``PT-BR``, ``ZH-HANT``)."""
    base, _, territory = _parts(language)
    code = _supported(base.upper(), DEEPL_LANGUAGES, "deepl", language)
    if not target:
        return code
    if code == "EN":
        return "EN-GB" if territory == "GB" else "EN-US"
    if code == "PT":
        return "PT-PT" if territory == "PT" else "PT-BR"
    if code == "ZH":
        return "ZH-HANT" if _traditional(language) else "ZH-HANS"
    return code


def microsoft_code(language: str, target: bool = True) -> str:
    """Microsoft: ``zh-hans``/``zh-hant``, ``pt-pt``, else the language (checked by the
    client against the service's own list, which it keeps in lower case: the service reads
    codes in any case)."""
    base, _, territory = _parts(language)
    if base == "zh":
        return "zh-hant" if _traditional(language) else "zh-hans"
    if base == "pt" and territory == "PT":
        return "pt-pt"
    return base


def baidu_code(language: str, target: bool = True) -> str:
    """Baidu: its own codes (``jp``, ``kor``, ``cht``), found by English language name."""
    base = _parts(language)[0]
    if base == "zh":
        return "cht" if _traditional(language) else "zh"
    from babel import Locale

    name = (Locale.parse(base).english_name or "").lower()
    table = _tables().BAIDU_LANGUAGE_TO_CODE
    if name not in table:
        raise ConfigError(f"engine baidu does not support language '{language}'")
    return str(table[name])


def language_name(language: str, target: bool = True) -> str:
    """The English name (``Japanese``, ``Chinese (Traditional)``), for prompts."""
    from babel import Locale

    return Locale.parse(language).english_name or language


def same_code(language: str, target: bool = True) -> str:
    """Our own code, for engines that need no mapping."""
    return language
