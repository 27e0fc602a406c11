"""Numbers in a text, read the way a translation may legitimately rewrite them.

- ``2,000``, ``2000``, ``2.000`` (German) and ``２０００`` (full-width) are one number;
- Chinese counts in ten-thousands: ``100万`` is ``1 million``, ``2.5亿`` is ``250 million``;
- ``10月`` (October) may become a month's name: ``October 2022``.

A source number is kept when the translation has any of its readings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel import Locale

_SPACES = (" ", "\u00a0", "\u202f", "\u2009")
SOURCE_SYMBOLS = (",", ".")
"""Grouping and decimal symbols of Chinese (and English) text."""
CJK_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "千": 10**3}
"""Chinese and Japanese number units (兆 is left out: 10⁶ or 10¹² depending on who writes)."""
MAGNITUDE_WORDS = {
    "en": {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12},
    "de": {"tausend": 10**3, "million": 10**6, "millionen": 10**6, "milliarde": 10**9,
           "milliarden": 10**9},
    "fr": {"mille": 10**3, "million": 10**6, "millions": 10**6, "milliard": 10**9,
           "milliards": 10**9},
    "es": {"mil": 10**3, "millón": 10**6, "millones": 10**6},
    "pt": {"mil": 10**3, "milhão": 10**6, "milhões": 10**6, "bilhão": 10**9, "bilhões": 10**9},
}
"""Words that scale a number, per language (English plurals are matched by an optional s)."""


@dataclass(frozen=True)
class SourceNumber:
    """A number of the source text with every form a translation may give it."""

    text: str
    """As written in the source: ``2.5亿``."""
    readings: frozenset[str]
    """Canonical numbers it may appear as: ``2.5`` and ``250000000``."""
    words: tuple[str, ...] = ()
    """Words that may replace it (month names for ``10月``)."""


@lru_cache(maxsize=None)
def number_symbols(language: str) -> tuple[str, str]:
    """The grouping and decimal symbols a language writes numbers with (CLDR, via babel)."""
    symbols = Locale.parse(language).number_symbols.get("latn", {})
    return symbols.get("group", ","), symbols.get("decimal", ".")


def _group_symbols(group: str) -> set[str]:
    # French writes 2 000 with a narrow no-break space; people type any space for it.
    return set(_SPACES) if group.isspace() else {group}


@lru_cache(maxsize=None)
def _pattern(group: str, decimal: str) -> re.Pattern[str]:
    groups = "|".join(re.escape(g) for g in _group_symbols(group))
    return re.compile(rf"(?<![\d])\d+(?:(?:{groups})\d{{3}}(?!\d))*(?:{re.escape(decimal)}\d+)?")


def _canonical(number: str, group: str, decimal: str) -> str:
    for symbol in _group_symbols(group):
        number = number.replace(symbol, "")
    whole, _, fraction = number.replace(decimal, ".").partition(".")
    whole = whole.lstrip("0") or "0"
    return f"{whole}.{fraction}" if fraction else whole


def _scaled(canonical: str, factor: int) -> str:
    try:
        value = Decimal(canonical) * factor
    except InvalidOperation:
        return canonical
    return format(value.normalize(), "f") if value == value.to_integral() else str(value)


def read_numbers(text: str, group: str = ",", decimal: str = ".") -> set[str]:
    """Every number in ``text`` in one canonical form (no grouping, ``.`` as decimal point)."""
    return {number.text for number in _numbers(text, group, decimal, None)}


def _numbers(text: str, group: str, decimal: str, language: str | None) -> list[SourceNumber]:
    text = unicodedata.normalize("NFKC", text)
    found = []
    for match in _pattern(group, decimal).finditer(text):
        canonical = _canonical(match.group(), group, decimal)
        after = text[match.end():].lstrip(" ")
        readings = {canonical}
        if after[:1] in CJK_UNITS:
            readings.add(_scaled(canonical, CJK_UNITS[after[:1]]))
        words: tuple[str, ...] = ()
        if language and after[:1] == "月" and canonical.isdigit() and 1 <= int(canonical) <= 12:
            words = month_names(language, int(canonical))
        found.append(SourceNumber(canonical, frozenset(readings), words))
    return found


def source_numbers(text: str, target_language: str) -> list[SourceNumber]:
    """The numbers of a (Chinese) source text with their readings for ``target_language``."""
    return _numbers(text, *SOURCE_SYMBOLS, target_language)


@lru_cache(maxsize=None)
def month_names(language: str, month: int) -> tuple[str, ...]:
    """Names of a month in ``language``: wide and abbreviated, formatted and stand-alone."""
    months = Locale.parse(language).months
    return tuple(dict.fromkeys(months[context][width][month]
                               for context in ("format", "stand-alone")
                               for width in ("wide", "abbreviated")))


def _magnitude_pattern(language: str) -> re.Pattern[str] | None:
    words = MAGNITUDE_WORDS.get(language.split("_")[0])
    if not words:
        return None
    names = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"([\d][\d.,\u00a0\u202f\u2009 ]*)\s*({names})s?\b", re.I)


def numbers_in_translation(text: str, language: str) -> set[str]:
    """Numbers of a translation read both the source's way and the target language's way
    (a translator may keep ``3.5`` or write ``3,5`` in German), and scaled by magnitude words
    and CJK units (``250 million``, ``2.5億``)."""
    text = unicodedata.normalize("NFKC", text)
    found: set[str] = set()
    for group, decimal in {SOURCE_SYMBOLS, number_symbols(language)}:
        for number in _numbers(text, group, decimal, None):
            found |= number.readings
        pattern = _magnitude_pattern(language)
        for match in pattern.finditer(text) if pattern else ():
            factor = MAGNITUDE_WORDS[language.split("_")[0]][match.group(2).lower()]
            for value in read_numbers(match.group(1).strip(), group, decimal):
                found.add(_scaled(value, factor))
    return found


def missing_numbers(source: str, translation: str, language: str) -> list[str]:
    """The numbers of ``source`` that ``translation`` (in ``language``) does not keep."""
    found = numbers_in_translation(translation, language)
    folded = translation.casefold()
    missing = []
    for number in source_numbers(source, language):
        if number.readings & found or any(w.casefold() in folded for w in number.words):
            continue
        if number.text not in missing:
            missing.append(number.text)
    return missing
