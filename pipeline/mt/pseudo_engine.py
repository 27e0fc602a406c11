"""``pseudo``: an offline engine for checking layout and the pipeline.

What it makes of a protected text (tokens ``[0]`` in place) such as ``生成式AI使用[0]的模型。``:

1. Into an alphabet (``en``, ``de``, ``ru`` ...), each run of CJK letters becomes accented
   Latin pseudo-words as long as a translation of it usually is
   (:func:`pipeline.core.scripts.usual_length`: 3.4 characters a Chinese one), spaced from
   the Latin words, numbers and tokens next to it, a sentence's first word capitalized:
   ``⟦Våfpýñ kîb ÅÎ šåçméfš [0] råm gýççåp。···⟧``, which the reply path makes
   ``… gýççåp. ···⟧``.  The words come from the characters' code points alone, so the same
   text always gives the same reply, in any process.
2. Into a language written with CJK (``ja``, ``zh_Hant``, ``ko``), the CJK letters stay: a
   translation into a dense script is about as long as its source, and what such a page's
   layout depends on (lines broken between any two characters, full-width punctuation,
   the CJK font) is what the source's own characters show; pseudo-words would preview an
   English page instead.  (For ``ko`` they stay Han, not Hangul: as wide, not as spaced.)
3. Latin letters become accented look-alikes; tokens pass through exactly as they are; the
   text grows by another third (``·``) and is bracketed with ``⟦ ⟧``, so untranslated or
   truncated text stands out.
4. For a target without full-width punctuation, the marks the reply path
   (:func:`.reply_checks.accepted_reply`, :mod:`.punctuation`) leaves alone (``【】``,
   ``～``, ``Ａ``) are made ASCII or a look-alike here; ``，。（）`` are left to that path,
   which spaces them the Latin way.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from itertools import cycle, groupby, islice
from typing import Literal

from ..core.scripts import DENSE_SCRIPTS, FULL_WIDTH_MARKS, is_cjk_letter, is_full_width, \
    script_of, usual_length
from .engine_api import Translate
from .protect import TOKEN
from .punctuation import uses_full_width
from .settings import EngineSettings

Kind = Literal["token", "cjk", "text"]
Piece = tuple[Kind, str]

_ACCENTED = str.maketrans("AEIOUYaeiouyCcNnSsZz", "ÅÉÎÕÜÝåéîõüýÇçÑñŠšŽž")
_CONSONANTS = "bcdfgklmnprstvz"
_VOWELS = "aeiouy"
_WORD_SIZES = (3, 4, 5, 6, 7)
"""Letters in a pseudo-word: picked by each character's code point, in turn."""
_SENTENCE_ENDS = frozenset(".!?。！？")
_NOT_SPACED = " *_~"
"""What may stand between a sentence's end and its first word: spaces, emphasis markers."""
_LOOK_ALIKES = {"【": "(", "】": ")", "〔": "(", "〕": ")", "〖": "(", "〗": ")", "〘": "(",
                "〙": ")", "〚": "(", "〛": ")", "［": "(", "］": ")", "｛": "(", "｝": ")",
                "～": "–", "〜": "–", "－": "–", "＿": "·", "＊": "·", "＃": "·", "｜": "|"}
"""Full-width marks whose ASCII twin is Markdown (``[`` ``*`` ``~`` ``#``): a look-alike
that is not, so a pseudo reply adds no link, emphasis or heading."""
_SAFE_ASCII = frozenset("\"',/:;=?!%@")


def _syllable(char: str) -> str:
    # Consonant, vowel, consonant from the code point: neighbouring characters differ.
    code, consonants, vowels = ord(char), len(_CONSONANTS), len(_VOWELS)
    return (_CONSONANTS[code % consonants] + _VOWELS[code // consonants % vowels]
            + _CONSONANTS[code // (consonants * vowels) % consonants])


def pseudo_words(run: str, size: int) -> str:
    """``size`` characters (at least one) of lower-case pseudo-words, not accented yet,
    made from the CJK letters of ``run``: the same run always gives the same words."""
    letters = cycle("".join(_syllable(char) for char in run))
    sizes = cycle(_WORD_SIZES[ord(char) % len(_WORD_SIZES)] for char in run)
    words, left = [], max(1, size)
    while left > 0:
        length = next(sizes)
        if left - length - 1 < _WORD_SIZES[0]:
            length = left  # no one-letter word at the end: the last word takes the rest
        words.append("".join(islice(letters, length)))
        left -= length + 1
    return " ".join(words)


def _pieces(text: str) -> list[Piece]:
    """``text`` cut into tokens, runs of CJK letters and the text between."""
    pieces: list[Piece] = []
    position = 0
    for match in TOKEN.finditer(text):
        pieces += _letter_pieces(text[position:match.start()])
        pieces.append(("token", match.group()))
        position = match.end()
    return [*pieces, *_letter_pieces(text[position:])]


def _letter_pieces(text: str) -> Iterator[Piece]:
    for cjk, chars in groupby(text, is_cjk_letter):
        yield ("cjk" if cjk else "text", "".join(chars))


def _ascii_mark(char: str) -> str:
    if char in FULL_WIDTH_MARKS or not is_full_width(char):
        return char  # the reply path's, or not full-width at all
    if char in _LOOK_ALIKES:
        return _LOOK_ALIKES[char]
    plain = unicodedata.normalize("NFKC", char)
    return plain if plain.isascii() and (plain.isalnum() or plain in _SAFE_ASCII) else "·"


def _joins(piece: Piece | None, side: int) -> bool:
    # A pseudo-word is spaced from a token, or a Latin word or number, right next to it.
    if piece is None:
        return False
    return piece[0] == "token" or piece[1][side].isalnum()


def _sentence_start(written: list[str]) -> bool:
    for piece in reversed(written):
        stripped = piece.rstrip(_NOT_SPACED)
        if stripped:
            return stripped[-1] in _SENTENCE_ENDS
    return True


def _target_marks(piece: str, language: str) -> str:
    return piece if uses_full_width(language) else "".join(map(_ascii_mark, piece))


def _pseudo_run(run: str, language: str, before: Piece | None, after: Piece | None,
                written: list[str]) -> str:
    words = pseudo_words(run, round(usual_length(run, language)))
    if _sentence_start(written):
        words = words[:1].upper() + words[1:]
    return (" " if _joins(before, -1) else "") + words.translate(_ACCENTED) \
        + (" " if _joins(after, 0) else "")


def _pseudo_body(text: str, language: str) -> str:
    pieces = _pieces(text)
    dense = script_of(language) in DENSE_SCRIPTS
    out: list[str] = []
    for index, (kind, piece) in enumerate(pieces):
        if kind == "token" or (kind == "cjk" and dense):
            out.append(piece)  # a dense script keeps the source's letters (2. above)
        elif kind == "text":
            out.append(_target_marks(piece, language).translate(_ACCENTED))
        else:
            neighbours = (pieces[index - 1] if index else None,
                          pieces[index + 1] if index + 1 < len(pieces) else None)
            out.append(_pseudo_run(piece, language, *neighbours, out))
    return "".join(out)


def pseudo_translate(text: str, language: str = "en") -> str:
    """The pseudo-localized form of a protected text in ``language`` (a gettext code; see
    the module's docstring): tokens kept in place, CJK made Latin pseudo-words for a target
    written in an alphabet, bracketed with ``⟦ ⟧`` and padded with ``·``."""
    body = _pseudo_body(text, language)
    padding = "·" * max(1, len(TOKEN.sub("", text).strip()) // 3)
    return f"⟦{body}{padding}⟧"


def connect(settings: EngineSettings, source: str, target: str) -> Translate:
    """``translate(texts)`` without any request."""

    def translate(texts: Sequence[str], context: str = "") -> list[str]:
        return [pseudo_translate(text, target) for text in texts]

    return translate


def cache_name(settings: EngineSettings) -> str:
    """The engine's name in the reply cache: ``pseudo-2`` since pseudo-words replace CJK,
    so the replies of the engine that kept the Chinese are not served again."""
    return "pseudo-2"
