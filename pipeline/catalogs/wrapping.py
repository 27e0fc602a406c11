"""How a translation's PO file is wrapped when it is written: the ``[catalogs] wrap`` setting
(like mdpo's ``--wrapwidth`` and po4a's ``--wrap-po``), and the width a file already uses.

* ``0``: one line per string (cut after each "\\n" only), as polib writes with ``wrapwidth=0``;
* a width (``79`` is msgcat's, msgmerge's and Poedit's): the whole file written by polib,
  strings cut at spaces into lines of at most that many characters;
* ``"keep"`` (the default): the width the file already has (:func:`detected_width`), and a
  wrapped file's own lines wherever they still say the same
  (:mod:`pipeline.catalogs.kept_layout`); a new file is unwrapped.

Whatever the setting, a PO is written only when its content changes.  Templates are
generated and always unwrapped: this is for translations only.
"""

from __future__ import annotations

import re
from typing import Literal, TypeAlias

from ..core.config import CONFIG_NAME, Config, settings_table
from ..core.errors import ConfigError

KEEP: Literal["keep"] = "keep"
Wrap: TypeAlias = int | Literal["keep"]
"""A ``[catalogs] wrap`` value: a width (0: none) or :data:`KEEP`."""
_CATALOGS_KEYS = {"wrap"}
# polib hands textwrap the width less the two quotes, and textwrap refuses a width below 1:
# a width of 1 or 2 is written as narrow as polib goes (a word a line).
_NARROWEST = 3


def catalog_wrap(config: Config) -> Wrap:
    """``[catalogs] wrap``: 0, a positive width, or ``"keep"`` (the default)."""
    value = settings_table(config, "catalogs", _CATALOGS_KEYS).get("wrap", KEEP)
    if value == KEEP:
        return KEEP
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise ConfigError(f'[catalogs] wrap must be 0 (no wrapping), a line width such as 79, or '
                      f'"keep" (the width the file already has), not {value!r}', CONFIG_NAME,
                      key="catalogs.wrap")


def write_width(wrap: Wrap, old_text: str | None) -> int:
    """The width polib writes a catalog with (``wrapwidth``; 0: none), for the setting
    ``wrap`` and the text of the file it replaces (None: a new file)."""
    if wrap == KEEP:
        width = detected_width(old_text) if old_text is not None else 0
    else:
        width = wrap
    return max(width, _NARROWEST) if width else 0


_KEYWORD = re.compile(r'(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+"')
NEWLINE_AT_END = re.compile(r'(?<!\\)(?:\\\\)*\\n"[ \t]*$')
"""A string line of a PO that ends after a "\\n" (where unwrapped strings are cut too)."""
_INNER_SPACE = re.compile(r"\S[ \t]+\S")
# A string line that ends other than after a newline, a string line after it: most files
# have none, and one search of the whole text says so.
_CUT_STRING = re.compile(r'(?<!\\n)(?<!")"[ \t]*\n"')
_EMPTY_FIRST = re.compile(r'[^"]*""[ \t]*$')


def detected_width(text: str) -> int:
    """The width the PO ``text`` is wrapped at: 0 when no string in it is cut over lines
    other than after a "\\n" (unwrapped, as polib writes with width 0 and msgcat with
    ``--no-wrap``), else the longest line of a string so cut.

    Lines count in characters, as polib's width does (GNU gettext counts a CJK character as
    two columns: a file of Chinese or Japanese strings wrapped at 79 shows a smaller width;
    counting them twice would make polib, which breaks at spaces only, write wider lines
    at every rewrite).  A line with no space inside it (a long URL put on a line of its own)
    says nothing about the width and counts only if there is nothing else."""
    if not _CUT_STRING.search(text):
        return 0
    wrapped = [line for group in _string_groups(text.split("\n")) if _is_wrapped(group)
               for line in group]
    spaced = [line for line in wrapped if _INNER_SPACE.search(line.partition('"')[2])]
    return max(map(len, spaced or wrapped), default=0)


def _string_groups(lines: list[str]) -> list[list[str]]:
    """The lines of each string of the live entries: a keyword line and the string lines
    after it.  (Previous strings and obsolete entries have prefixes, which tools count
    differently; the live strings say enough.)"""
    groups: list[list[str]] = []
    current: list[str] | None = None
    for line in lines:
        if _KEYWORD.match(line):
            current = [line]
            groups.append(current)
        elif current is not None and line.startswith('"'):
            current.append(line)
        else:
            current = None
    return groups


def _is_wrapped(group: list[str]) -> bool:
    """Whether a string's lines cut it elsewhere than after a newline."""
    pieces = group[1:] if _EMPTY_FIRST.match(group[0]) else group  # msgid "" starts many
    return any(not NEWLINE_AT_END.search(line) for line in pieces[:-1])
