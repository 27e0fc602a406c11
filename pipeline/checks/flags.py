"""Per-entry exemptions, the Weblate way: a PO flag ``ignore-<check>`` turns one check off
for the entry that carries it::

    #, fuzzy, ignore-code-spans
    msgid "`Tensor Processing Units（TPU）`是……"
    msgstr "`Tensor Processing Units (TPU)` are ..."

Only flags starting with ``ignore-`` are ours; ``fuzzy``, ``no-wrap``, ``c-format`` and the
other gettext flags are gettext's, which ignores any flag it does not know (``msgfmt -c``
accepts these).  This module reads the flags; the table of checks
(:mod:`.checkers`) says which names exist.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import polib

IGNORE = "ignore-"
"""What an exemption flag starts with: ``ignore-`` and a check's name."""


def ignore_flags(names: Iterable[str]) -> tuple[str, ...]:
    """The exemption flag of each check name: ``code-spans`` → ``ignore-code-spans``."""
    return tuple(IGNORE + name for name in names)


def exempted_checks(entry: polib.POEntry) -> frozenset[str]:
    """The names the entry's ``ignore-*`` flags turn off (known check names or not)."""
    return frozenset(flag[len(IGNORE):] for flag in entry.flags if flag.startswith(IGNORE))


def unknown_exemptions(entry: polib.POEntry, names: Iterable[str]) -> list[str]:
    """The entry's ``ignore-*`` flags that name none of ``names``, in the entry's order."""
    ours = [flag for flag in dict.fromkeys(entry.flags) if flag.startswith(IGNORE)]
    if not ours:  # most entries: no table of names to build
        return []
    known = set(ignore_flags(names))
    return [flag for flag in ours if flag not in known]


def closest_flag(flag: str, names: Iterable[str]) -> str | None:
    """The exemption flag ``flag`` was most likely meant to be (a typo), if any is close."""
    close = difflib.get_close_matches(flag, ignore_flags(names), n=1, cutoff=0.75)
    return close[0] if close else None
