"""``check --fix``: safe mechanical fixes, never a change of content.

A fix only touches punctuation and spaces, outside code spans.  Each fixed text must pass
an invariant before it is kept (the mdformat way): the same letters and digits in the same
order, the same numbers, code spans, link targets, markup and blocks.  ``]（`` turned into
``](`` would make a link out of text; the invariant sees it and the fix is dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import polib

from ..core.scripts import FULL_WIDTH_MARKS, is_full_width
from .context import CheckContext
from .inline_facts import block_kinds
from .numbers import read_numbers
from .review import check_entry

Fix = Callable[[str, polib.POEntry, CheckContext], str]

_SPACE_AFTER = set(",.:;?!)”’%")
_SPACE_BEFORE = set("(“‘")
_DOUBLED = re.compile(r"(?<=\S) {2,}(?=\S)")
_BACKTICKS = re.compile(r"`+")


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Where code spans are: a backtick run up to the next run of the same length."""
    spans = []
    position = 0
    while (opening := _BACKTICKS.search(text, position)) is not None:
        size = len(opening.group())
        closing = next((m for m in _BACKTICKS.finditer(text, opening.end())
                        if len(m.group()) == size), None)
        if closing is None:
            position = opening.end()
            continue
        spans.append((opening.start(), closing.end()))
        position = closing.end()
    return spans


def _outside_code(text: str, change: Callable[[str], str]) -> str:
    out, position = [], 0
    for start, end in _code_spans(text):
        out += [change(text[position:start]), text[start:end]]
        position = end
    out.append(change(text[position:]))
    return "".join(out)


def _ascii_marks(text: str) -> str:
    out: list[str] = []
    for index, char in enumerate(text):
        if char not in FULL_WIDTH_MARKS:
            # Full-width letters and digits (Ａ, ３) have plain forms: ３ → 3.
            plain = unicodedata.normalize("NFKC", char) if is_full_width(char) else char
            out.append(plain if plain.isalnum() else char)
            continue
        mark = FULL_WIDTH_MARKS[char]
        before, after = "".join(out)[-1:], text[index + 1:index + 2]
        if mark in _SPACE_BEFORE and (before.isalnum() or before in _SPACE_AFTER):
            out.append(" ")
        out.append(mark)
        digits = before.isdigit() and after.isdigit()  # 1，000 is a number, not a list
        if mark in _SPACE_AFTER and not digits and (after.isalnum() or after in _SPACE_BEFORE):
            out.append(" ")
    return "".join(out)


def full_width_punctuation(text: str, entry: polib.POEntry, context: CheckContext) -> str:
    """``，`` → ``, `` and the like, in a Latin-script translation."""
    if not context.latin or text.strip() == entry.msgid.strip():
        return text
    return _outside_code(text, _ascii_marks)


def spacing(text: str, entry: polib.POEntry, context: CheckContext) -> str:
    """Leading and trailing whitespace as the source's; doubled spaces made single (not a
    hard break's two spaces, not inside code)."""
    core, msgid = text.strip(), str(entry.msgid)
    lead = msgid[:len(msgid) - len(msgid.lstrip())]
    trail = msgid[len(msgid.rstrip()):]
    if "  " not in msgid:
        code = _code_spans(core)
        core = _DOUBLED.sub(lambda m: m.group() if any(a <= m.start() < b for a, b in code)
                            else " ", core)
    return lead + core + trail


FIXES: dict[str, Fix] = {
    "full-width": full_width_punctuation,
    "whitespace": spacing,
}
"""Each safe fix by the name of the check whose problems it removes."""


def _fingerprint(text: str, entry: polib.POEntry, context: CheckContext) -> tuple[object, ...]:
    facts = context.facts(entry, text)
    letters = "".join(c for c in unicodedata.normalize("NFKC", text) if c.isalnum())
    blocks = block_kinds(text) if context.is_markdown(entry) else None
    return (letters, read_numbers(facts.prose), facts.code_spans, facts.targets, facts.markup,
            blocks)


def fix_entry(entry: polib.POEntry, context: CheckContext) -> tuple[str, list[str]]:
    """The entry's msgstr with every safe fix applied that keeps the invariant, and the
    names of the fixes that changed it.  A fix runs only where its check reports a problem
    (at a level the project has not turned off): a translation ``check`` finds nothing
    wrong with is the translator's, down to its spaces."""
    text, applied = entry.msgstr, list[str]()
    if entry.obsolete or not text:
        return text, applied
    reported = {problem.check for problem in check_entry(entry, context)}
    expected = _fingerprint(text, entry, context)
    for name, fix in FIXES.items():
        if name not in reported:
            continue
        fixed = fix(text, entry, context)
        if fixed != text and _fingerprint(fixed, entry, context) == expected:
            text = fixed
            applied.append(name)
    return text, applied
