"""Is an engine's reply usable?  Small checks in a table, then the punctuation fixes.

Each check is ``(source, reply) -> reason | None`` over the protected forms (tokens in
place); the first reason rejects the reply and the entry stays untranslated with that reason
in a translator comment.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from ..core.link_targets import SCRIPT_TARGET
from ..core.scripts import usual_length
from .engine_errors import Rejected
from .protect import TOKEN, token_problem
from .punctuation import normalize_punctuation, strip_added_punctuation

Check = Callable[[str, str], "str | None"]

_TAG = re.compile(r"<\s*(/?\s*[A-Za-z][A-Za-z0-9-]*|!--|\?)")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_A-Za-z]")
_SHOUTING_FROM = 12
"""Cased letters from which an all-upper-case reply counts as case-forced."""
_TRUNCATED_FROM = 40
"""Source characters from which a much shorter reply counts as truncated."""
_TRUNCATED_RATIO = 0.3


def _words(text: str) -> str:
    return TOKEN.sub(" ", text).strip()


def not_empty(source: str, reply: str) -> str | None:
    """An empty or blank reply, or one that is only our tokens, translates nothing."""
    return "empty reply" if not _words(reply) and _words(source) else None


def no_new_html(source: str, reply: str) -> str | None:
    """Markup the source did not have (``<script>``) is never let through."""
    new = Counter(_TAG.findall(reply)) - Counter(_TAG.findall(source))
    if new:
        tag = next(iter(new)).replace(" ", "")
        return f"reply adds HTML not in the source (<{tag})"
    return None


# Link syntax of a reply's own: every link, image, reference and autolink of the source
# comes back as tokens, so any other is the engine's, whatever its scheme (markdown-it
# refuses javascript: and most data: targets as links, but other renderers of the built
# Markdown may not).
_LINK_SYNTAX = re.compile(
    r"\]\s*[(\[][^\s()\[\]]{0,24}|^[ \t]*\[[^\]\n]*\]:|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"
    rf"|{SCRIPT_TARGET.pattern}", re.I | re.M)


def no_new_links(source: str, reply: str) -> str | None:
    """A link, image or reference target the source did not have is never let through."""
    new = Counter(_LINK_SYNTAX.findall(TOKEN.sub(" ", reply))) \
        - Counter(_LINK_SYNTAX.findall(TOKEN.sub(" ", source)))
    if new:
        return f"reply adds a link not in the source ({next(iter(new)).strip()[:30]})"
    return None


def tokens_kept(source: str, reply: str) -> str | None:
    """Every protected span comes back exactly once."""
    return token_problem(reply, len(TOKEN.findall(source)))


def not_unchanged(source: str, reply: str) -> str | None:
    """A reply equal to a source with words in another script was not translated."""
    if reply.strip() == source.strip() and _NON_ASCII_LETTER.search(_words(source)):
        return "reply is the unchanged source"
    return None


def not_case_forced(source: str, reply: str) -> str | None:
    """A reply forced to upper case (some engines shout) is rejected, unless the source
    itself was in capitals."""
    letters = [ch for ch in _words(reply) if ch.isupper() or ch.islower()]
    source_letters = [ch for ch in _words(source) if ch.islower()]
    if len(letters) >= _SHOUTING_FROM and all(ch.isupper() for ch in letters) \
            and not (not source_letters and any(ch.isupper() for ch in _words(source))):
        return "reply forced to upper case"
    return None


def not_truncated(source: str, reply: str) -> str | None:
    """A reply far shorter than a long source was cut off."""
    source_size, reply_size = len(_words(source)), len(_words(reply))
    if source_size >= _TRUNCATED_FROM and reply_size < _TRUNCATED_RATIO * source_size:
        return f"reply looks truncated ({reply_size} characters for {source_size})"
    return None


CHECKS: tuple[Check, ...] = (not_empty, no_new_html, no_new_links, tokens_kept,
                             not_unchanged, not_case_forced, not_truncated)


_LONGER_FACTOR = 4.0
_LONGER_SLACK = 200
"""A reply longer than four times the usual length of its source's translation, and 200
characters, is not a translation (an engine that appends or loops)."""


def not_far_longer(source: str, reply: str, language: str) -> str | None:
    """A reply far longer than any translation of its source is refused: it would grow the
    catalog without bound."""
    size, usual = len(_words(reply)), usual_length(_words(source), language)
    if size > _LONGER_FACTOR * usual + _LONGER_SLACK:
        return f"reply far longer than its source ({size} characters for {len(_words(source))})"
    return None


def accepted_reply(source: str, reply: str, language: str) -> str:
    """The reply, fixed for ``language``'s punctuation, or Rejected with the reason."""
    for check in CHECKS:
        reason = check(source, reply)
        if reason:
            raise Rejected(reason)
    reason = not_far_longer(source, reply, language)
    if reason:
        raise Rejected(reason)
    return normalize_punctuation(strip_added_punctuation(source, reply, language), language)
