"""Whether joining lines keeps a block's emphasis: markdown-it's own pairing, replayed.

Joining two lines changes which characters stand next to the delimiter runs (``*``, ``_``,
``~~``) at the join, so a run may gain or lose the power to open or close emphasis.  Which
runs then pair up is decided by markdown-it's ``balance_pairs`` over the block's delimiter
list alone.  So, for a join that changes nothing else (no new code span, link, entity ...:
the segmenter checks that first), running that same pairing over the recorded delimiters
with the runs' new powers tells exactly what parsing the joined text would, at a fraction of
the cost.  Where a run at a join is not plainly one set of delimiters (escaped, a lone
tilde, a run that is its whole line) this gives up, and the segmenter parses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.balance_pairs import processDelimiters
from markdown_it.rules_inline.state_inline import Delimiter

from .parser import DelimiterSnapshot, markdown_parser

_MARKERS = "*_~"
# A link text, an image's alt text or an inline footnote is parsed on its own, and its ends
# count as whitespace there, not as the bracket the joined text has: a run next to one is
# left to the parse.
_BOUNDS = {"[", "]"}
Powers = dict[int, tuple[bool, bool]]
"""Token index of a delimiter -> its (can open, can close) once joined."""


Marks = dict[int, tuple[DelimiterSnapshot, int]]
"""Newline position of a soft break -> its snapshot and token index (markdown_parser)."""


def pairing_test(joins: Sequence[tuple[str, str, int]],
                 marks: Marks) -> Callable[[Sequence[bool]], bool] | None:
    """For the joins of a block, each (line before, line after, position of the newline),
    a test telling whether joining those marked True keeps every emphasis and
    strikethrough pair; None when a join's runs cannot be replayed (then parse)."""
    changes: list[tuple[DelimiterSnapshot | None, Powers]] = []
    by_token: dict[DelimiterSnapshot, dict[int, Delimiter]] = {}
    for left, right, position in joins:
        change = _join_powers(left, right, marks.get(position), by_token)
        if change is None:
            return None
        changes.append(change)

    def keeps(joined: Sequence[bool]) -> bool:
        powers: dict[DelimiterSnapshot, Powers] = {}
        for (snapshot, change), join in zip(changes, joined):
            if join and snapshot is not None:
                powers.setdefault(snapshot, {}).update(change)
        # The pairs must be those markdown-it made of the lines as they are.
        return all(_pairs(snapshot, change) == snapshot.ends
                   for snapshot, change in powers.items())

    return keeps


def _join_powers(left: str, right: str, mark: tuple[DelimiterSnapshot, int] | None,
                 by_token: dict[DelimiterSnapshot, dict[int, Delimiter]]
                 ) -> tuple[DelimiterSnapshot | None, Powers] | None:
    """The snapshot of a join's runs and their powers once joined; (None, {}) for a join
    without runs, None for runs that cannot be replayed."""
    last, first = left[-1:], right[:1]
    if not last or not first or (last not in _MARKERS and first not in _MARKERS):
        return None, {}
    if mark is None:
        return None
    snapshot, newline = mark
    if snapshot not in by_token:
        by_token[snapshot] = {d.token: d for delimiters in snapshot.lists for d in delimiters}
    delimiters = by_token[snapshot]
    powers: Powers = {}
    if last in _MARKERS:
        length = len(left) - len(left.rstrip(last))
        tokens = _run_tokens(delimiters, last, length, newline - 1, -1)
        if tokens is None or length == len(left) or _BOUNDS & {left[-length - 1], first}:
            return None
        powers.update(dict.fromkeys(tokens, run_powers(left[-length - 1], last, first)))
    if first in _MARKERS:
        length = len(right) - len(right.lstrip(first))
        tokens = _run_tokens(delimiters, first, length, newline + 1, 1)
        if tokens is None or length == len(right) or _BOUNDS & {last, right[length]}:
            return None
        powers.update(dict.fromkeys(tokens, run_powers(last, first, right[length])))
    return snapshot, powers


def _run_tokens(delimiters: dict[int, Delimiter], marker: str, length: int, nearest: int,
                step: int) -> list[int] | None:
    """The token indices of the delimiters making up a run of ``length`` ``marker``s whose
    token nearest the line break is ``nearest``; None unless the whole run is delimiters."""
    if marker == "~" and length % 2:
        return None  # an odd tilde run starts with a plain "~" token
    count = length // 2 if marker == "~" else length
    wanted = [nearest + step * k for k in range(count)]
    found = [delimiters.get(token) for token in wanted]
    if any(d is None or d.marker != ord(marker) or (marker != "~" and d.length != length)
           for d in found):
        return None
    return wanted


@lru_cache(maxsize=4096)
def run_powers(before: str, run: str, after: str) -> tuple[bool, bool]:
    """(can open, can close) of a delimiter ``run`` between ``before`` and ``after``, by
    markdown-it's own flanking rules (a ``_`` run cannot open or close inside a word); only
    the neighbours count, so one character stands for a run."""
    state = StateInline(before + run + after, markdown_parser(), {}, [])
    scanned = state.scanDelims(1, run[0] != "_")
    return scanned.can_open, scanned.can_close


def _pairs(snapshot: DelimiterSnapshot, powers: Powers) -> list[list[int]]:
    """Which delimiter closes which (markdown-it's ``end``) in each list of the snapshot."""
    pairs = []
    state = StateInline("", markdown_parser(), {}, [])  # processDelimiters does not read it
    for delimiters in snapshot.lists:
        copies = [Delimiter(marker=d.marker, length=d.length, token=d.token, end=-1,
                            open=powers.get(d.token, (d.open, d.close))[0],
                            close=powers.get(d.token, (d.open, d.close))[1])
                  for d in delimiters]
        processDelimiters(state, copies)
        pairs.append([d.end for d in copies])
    return pairs
