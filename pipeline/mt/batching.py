"""Several segments per request, for engines whose client takes one text.

Segments are joined with separator tokens ``[9001]``, ``[9002]`` ... on lines of their own:
letter-free like our protection tokens, so engines keep them, and numbered, so a reply that
lost, doubled or moved one is detected and its segments are sent again one by one.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.scripts import cjk_runs
from .protect import TOKEN

SEPARATOR_BASE = 9000


def _separator(number: int) -> str:
    return f"\n[{SEPARATOR_BASE + number}]\n"


def joinable(text: str) -> bool:
    """Whether ``text`` can share a request (it has no token in the separators' range)."""
    return all(int(number) < SEPARATOR_BASE for number in TOKEN.findall(text))


def join_texts(texts: Sequence[str]) -> str:
    """One request text for several segments."""
    parts = [texts[0]]
    for number, text in enumerate(texts[1:], start=1):
        parts += [_separator(number), text]
    return "".join(parts)


def split_reply(reply: str, count: int) -> list[str] | None:
    """The replies to each of ``count`` joined segments, or None if the separators did not
    come back intact and in order."""
    separators = [match for match in TOKEN.finditer(reply)
                  if int(match.group(1)) >= SEPARATOR_BASE]
    if [int(match.group(1)) - SEPARATOR_BASE for match in separators] != list(range(1, count)):
        return None
    bounds = [0] + [edge for match in separators for edge in match.span()] + [len(reply)]
    return [reply[bounds[i]:bounds[i + 1]].strip() for i in range(0, len(bounds), 2)]


def estimated_tokens(text: str) -> int:
    """About how many tokens a language model reads in ``text``: one per CJK letter, one
    per four other characters (the usual rule of thumb for English)."""
    cjk = sum(len(run) for run in cjk_runs(text))
    return cjk + -(-(len(text) - cjk) // 4)


def make_batches(texts: Sequence[str], max_chars: int, max_items: int) -> list[list[str]]:
    """``texts`` in order, grouped into requests of at most ``max_items`` segments and
    ``max_chars`` characters (a longer segment goes alone)."""
    batches: list[list[str]] = []
    size = 0
    for text in texts:
        extra = len(text) + len(_separator(SEPARATOR_BASE))
        if (batches and joinable(text) and joinable(batches[-1][0])
                and len(batches[-1]) < max_items and size + extra <= max_chars):
            batches[-1].append(text)
            size += extra
        else:
            batches.append([text])
            size = len(text)
    return batches
