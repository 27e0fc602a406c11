"""Full-width punctuation in replies for languages that do not use it.

Engines translating from Chinese often leave ``，。：（）《》`` in an English or Russian reply,
or add a ``。`` the source did not have.  Both functions work on the reply with its tokens
still in place, so protected spans (code with a ``，`` in it) are never touched.
"""

from __future__ import annotations

import re

from ..core.scripts import DENSE_SCRIPTS, FULL_WIDTH_MARKS, script_of

_FULL_WIDTH_SCRIPTS = DENSE_SCRIPTS - {"Kore"}
"""Scripts written with full-width punctuation (Korean uses ASCII punctuation); every
other target gets ASCII."""

# The marks of ``check --fix``, sorted by how they are spaced; English typographic quotes
# only get their spacing fixed.
_FOLLOWED_BY_SPACE = {k: v for k, v in FULL_WIDTH_MARKS.items() if v in ",.:;!?"}
_OPENING = {"“": "“", **{k: v for k, v in FULL_WIDTH_MARKS.items() if v in "(“‘"}}
_CLOSING = {"”": "”", **{k: v for k, v in FULL_WIDTH_MARKS.items() if v in ")”’"}}
_PLAIN = {k: v for k, v in FULL_WIDTH_MARKS.items()
          if k not in _FOLLOWED_BY_SPACE and k not in _OPENING and k not in _CLOSING}
_FULL_WIDTH = re.compile("[ \t]*([" + "".join(_FOLLOWED_BY_SPACE) + "])|([" + "".join(_OPENING)
                         + "])[ \t]*|([" + "".join(_CLOSING) + "])|([" + "".join(_PLAIN) + "])")
_NO_SPACE_BEFORE = set(" \t\n,.:;!?)]}\"'”’…") | set(_CLOSING) | set(_FOLLOWED_BY_SPACE)
_TRAILING_ADDED = re.compile(r"[。．，、；：！？]+$")
_SENTENCE_END = tuple("。．！？.!?；;：:")


def uses_full_width(language: str) -> bool:
    """Whether ``language`` (gettext code) is written with full-width punctuation."""
    return script_of(language) in _FULL_WIDTH_SCRIPTS


def _space_after(text: str, end: int, words_only: bool) -> str:
    # Emphasis markers right after the mark close a span ("**Note.**"): a space before them
    # would stop them closing.  After the markers, the next character decides.
    rest = text[end:]
    markers = len(rest) - len(rest.lstrip("*_~"))
    after = rest[markers:markers + 1]
    if not after or after.isspace() or after in _NO_SPACE_BEFORE:
        return ""
    word = after.isalnum() or after in "[(\"'"  # a word, or a token, next
    if markers:
        return " " if word else ""  # markers before a word open the next span
    return " " if word or not words_only else ""


def _replace(match: re.Match[str]) -> str:
    text, end = match.string, match.end()
    before = text[match.start() - 1] if match.start() else ""
    if match.group(4):
        return _PLAIN[match.group(4)]
    if match.group(1):
        if before.isdigit() and text[end:end + 1].isdigit():
            return _FOLLOWED_BY_SPACE[match.group(1)]  # 1，000 is a number, not a list
        return _FOLLOWED_BY_SPACE[match.group(1)] + _space_after(text, end, False)
    if match.group(2):
        mark = _OPENING[match.group(2)]
        return (" " if before and (before.isalnum() or before in ".,;:!?") else "") + mark
    return _CLOSING[match.group(3)] + _space_after(text, end, True)


def normalize_punctuation(reply: str, language: str) -> str:
    """Full-width punctuation as ASCII with the spacing Latin script wants, unless the
    target language is written with full-width punctuation."""
    if uses_full_width(language):
        return reply
    return _FULL_WIDTH.sub(_replace, reply)


def strip_added_punctuation(source: str, reply: str, language: str) -> str:
    """Drop trailing full-width punctuation an engine added to a reply in a language that
    does not use it (a ``。`` after a heading, or after the reply's own full stop)."""
    if uses_full_width(language):
        return reply
    body = reply.rstrip()
    match = _TRAILING_ADDED.search(body)
    if match is None:
        return reply
    head = body[:match.start()]
    if source.rstrip().endswith(_SENTENCE_END) and not head.rstrip().endswith(_SENTENCE_END):
        return reply  # the source ends a sentence too: normalize_punctuation makes it ASCII
    return head + reply[len(body):]
