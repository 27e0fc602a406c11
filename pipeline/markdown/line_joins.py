"""CJK-aware joining of soft line breaks.

Chinese and Japanese are written without spaces between words, so a line break inside a
paragraph is not a word boundary there.  mdpo, po4a and Translate Toolkit all turn it into a
space and corrupt the text; we join with no space when either side is CJK.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right

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

# Markup and ambiguous punctuation that says nothing about the language of a side:
# looking through them finds the character that does (本文来源“ | **CVHub**).
_STARTS = [low for low, _high in _CJK_RANGES]  # sorted, the ranges do not overlap
_TRANSPARENT = set("*_~`“”‘’\"'([{<")
_NO_SPACE_BEFORE = set(",.;:!?)]}")
_NO_SPACE_AFTER = set("([{")


def is_cjk(char: str) -> bool:
    """True for Han, Kana, Bopomofo and CJK/full-width punctuation (not Hangul: Korean
    separates words with spaces)."""
    code = ord(char)
    index = bisect_right(_STARTS, code) - 1
    return index >= 0 and code <= _CJK_RANGES[index][1]


def _significant(text: str, reverse: bool) -> str:
    chars = reversed(text) if reverse else iter(text)
    for char in chars:
        if char not in _TRANSPARENT and not unicodedata.category(char).startswith("Z"):
            return char
    return ""


def soft_break_joiner(left: str, right: str) -> str:
    """What replaces a soft line break between ``left`` and ``right``: ``""`` or ``" "``."""
    if not left or not right:
        return ""
    if is_cjk(left[-1]) or is_cjk(right[0]):
        return ""
    if right[0] in _NO_SPACE_BEFORE or left[-1] in _NO_SPACE_AFTER:
        return ""  # "`AIGC`\n, a.k.a" reads "`AIGC`, a.k.a", not "`AIGC` , a.k.a"
    near_left, near_right = _significant(left, True), _significant(right, False)
    if (near_left and is_cjk(near_left)) or (near_right and is_cjk(near_right)):
        return ""
    return " "
