"""Writing systems: which script a language is written in, which characters are CJK (for
joining lines, counting words, finding leaks) and which full-width marks have an ASCII twin.

A Latin-script target (English, German, Vietnamese ...) must not keep Chinese characters or
Chinese full-width punctuation; a Japanese or Chinese target may.  The script of a language
comes from CLDR's likely subtags (babel): ``en`` → ``en_Latn_US``, ``ja`` → ``ja_Jpan_JP``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

# Scripts that write a word in one to three characters: a translation from one of them into
# an alphabet is several times longer, into another of them about as long.
DENSE_SCRIPTS = frozenset({"Hans", "Hant", "Hani", "Jpan", "Kore"})
_DENSE_TO_ALPHABET = 3.4
"""Usual length ratio (characters) of an alphabetic translation of Chinese text: the
median of the reviewed English edition of the sample is 3.4."""

# Ideographs, Kana and Hangul syllables: letters of a CJK text (punctuation is separate).
_CJK_LETTERS = (
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3400, 0x4DBF),  # Han extension A
    (0x4E00, 0x9FFF),  # Han unified ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),  # Han compatibility ideographs
    (0x20000, 0x3FFFF),  # Han extensions B and later
)
# What joins a soft line break without a space: CJK letters and CJK punctuation alike.
_CJK_RANGES = (
    (0x2E80, 0x2FDF),  # radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3100, 0x312F),  # Bopomofo
    (0x31A0, 0x31FF),  # Bopomofo extended, Katakana extension
    (0x3200, 0x33FF),  # enclosed CJK, compatibility
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFE30, 0xFE4F),  # compatibility forms
    (0xFF00, 0xFF60),  # full-width forms
    (0xFF61, 0xFF9F),  # half-width CJK punctuation and Katakana
    (0x20000, 0x3FFFF),  # extensions B and later
)

_STARTS = [low for low, _high in _CJK_RANGES]  # sorted, the ranges do not overlap

_FULL_WIDTH = (
    (0x3000, 0x303F),  # CJK symbols and punctuation: 　、。〈〉《》「」『』【】〜
    (0xFE10, 0xFE1F),  # vertical forms
    (0xFE30, 0xFE4F),  # compatibility forms
    (0xFF01, 0xFF65),  # full-width ASCII variants and half-width CJK punctuation
)


@lru_cache(maxsize=None)
def script_of(language: str) -> str:
    """The ISO 15924 script a language is usually written in (``Latn``, ``Jpan`` ...)."""
    from babel import Locale  # 10 ms to import: only where a language's script is asked
    from babel.core import get_global

    locale = Locale.parse(language)
    if locale.script:
        return locale.script
    likely = get_global("likely_subtags")
    for key in (str(locale), locale.language):
        if key in likely:
            parts = likely[key].split("_")
            if len(parts) > 1 and len(parts[1]) == 4:
                return str(parts[1])
    return "Latn"


def is_latin(language: str) -> bool:
    """True when ``language`` is written in the Latin alphabet."""
    return script_of(language) == "Latn"


def usual_length(source: str, target_language: str) -> float:
    """How long a translation of ``source`` into ``target_language`` usually is, in
    characters: CJK letters grow several times into an alphabet, the rest stays as long."""
    text = " ".join(source.split())
    cjk = sum(len(run) for run in _CJK_RUN.findall(text))
    growth = 1.0 if script_of(target_language) in DENSE_SCRIPTS else _DENSE_TO_ALPHABET
    return cjk * growth + (len(text) - cjk)


def _within(char: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in ranges)


def _character_class(ranges: tuple[tuple[int, int], ...]) -> str:
    return "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in ranges)


# Whole texts are scanned with one regular expression; the per-character test is for callers
# that look at one character.
_CJK_RUN = re.compile(f"[{_character_class(_CJK_LETTERS)}]+")


@lru_cache(maxsize=8192)  # texts repeat their characters: each is looked up once
def is_cjk_letter(char: str) -> bool:
    """True for Han ideographs, Kana and Hangul syllables."""
    return _within(char, _CJK_LETTERS)


@lru_cache(maxsize=8192)
def is_full_width(char: str) -> bool:
    """True for CJK punctuation and full-width forms (``，`` ``。`` ``（`` ``Ａ`` ``　``)."""
    return _within(char, _FULL_WIDTH) and not is_cjk_letter(char) \
        and unicodedata.category(char) != "Lm"  # ー and 々 are letters, not punctuation


def cjk_runs(text: str) -> list[str]:
    """The runs of CJK letters in ``text``, in order."""
    return _CJK_RUN.findall(text)


def without_cjk(text: str) -> str:
    """``text`` with each run of CJK letters made one space."""
    return _CJK_RUN.sub(" ", text)


def is_cjk(char: str) -> bool:
    """True for Han, Kana, Bopomofo and CJK/full-width punctuation (not Hangul: Korean
    separates words with spaces)."""
    code = ord(char)
    index = bisect_right(_STARTS, code) - 1
    return index >= 0 and code <= _CJK_RANGES[index][1]


FULL_WIDTH_MARKS = {
    "，": ",", "、": ",", "。": ".", "．": ".", "：": ":", "；": ";", "？": "?", "！": "!",
    "（": "(", "）": ")", "「": "“", "」": "”", "『": "‘", "』": "’", "《": "“", "》": "”",
    "〈": "‘", "〉": "’", "　": " ", "％": "%",
}
"""Marks with one unambiguous ASCII (or English typographic) counterpart.  ``【】``, ``～``
and full-width ``＊`` ``＿`` ``［`` are left to the translator: their ASCII forms are Markdown."""
