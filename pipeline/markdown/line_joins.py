"""CJK-aware joining of soft line breaks.

Chinese and Japanese are written without spaces between words, so a line break inside a
paragraph is not a word boundary there.  mdpo, po4a and Translate Toolkit all turn it into a
space and corrupt the text; we join with no space when either side is CJK.
"""

from __future__ import annotations

import unicodedata

from ..core.scripts import is_cjk

# Markup and ambiguous punctuation that says nothing about the language of a side:
# looking through them finds the character that does (本文来源“ | **CVHub**).
_TRANSPARENT = set("*_~`“”‘’\"'([{<")
_NO_SPACE_BEFORE = set(",.;:!?)]}")
_NO_SPACE_AFTER = set("([{")


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
