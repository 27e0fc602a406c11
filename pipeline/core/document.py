"""The one intermediate representation: a source text and the segments cut out of it.

A document is *skeleton* (every character outside a segment, copied verbatim on rebuild)
plus *segments* (the translatable units).  Nothing else holds document state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_NEWLINE = re.compile("\n")

MessageKey = tuple[str | None, str]
"""What names one message in a catalog and the segments it translates: (msgctxt, msgid)."""


def line_starts(text: str) -> list[int]:
    """The offset where each line of ``text`` starts (line ``n`` is ``starts[n - 1]``)."""
    return [0, *(match.end() for match in _NEWLINE.finditer(text))]


@dataclass(frozen=True, slots=True)
class Segment:
    """One translatable unit of a document."""

    start: int
    """Offset of the first character of the unit in ``Document.text``."""
    end: int
    """Offset just past the unit in ``Document.text``."""
    line: int
    """1-based line of ``start``, used for ``#:`` references and error messages."""
    kind: str
    """What block the unit comes from: ``heading``, ``paragraph``, ``list item``,
    ``blockquote``, ``table cell``, ``footnote``, ``front matter: title`` ..."""
    msgid: str
    """The text a translator sees: container prefixes removed, soft breaks joined."""
    style: str = "inline"
    """How a translation is written back: ``inline`` (Markdown lines), ``line`` (one line:
    ATX heading), ``cell`` (table cell), ``yaml-plain`` (``yaml-plain-flow`` inside
    ``[…]`` or ``{…}``), ``yaml-double``, ``yaml-single``,
    ``yaml-literal``, ``yaml-folded`` (block scalars), ``html`` (an HTML block)."""
    prefix: str = ""
    """Container prefix put before every extra line of a translation (``> ``, list indent)."""
    context: str | None = None
    """msgctxt from an ``<!-- i18n: context NAME -->`` command."""
    notes: tuple[str, ...] = ()
    """Extracted comments for translators from ``<!-- i18n: note TEXT -->``."""

    @property
    def key(self) -> MessageKey:
        """The message this segment is: (msgctxt, msgid)."""
        return (self.context, self.msgid)


@dataclass(slots=True)
class Document:
    """A source document: its exact text (LF line ends, no BOM) and its segments in order."""

    path: str
    """Path as written in references and messages, e.g. ``source/aigc-intro.md``."""
    text: str
    """The source text with CRLF turned into LF and any BOM removed."""
    segments: list[Segment] = field(default_factory=list)
    newline: str = "\n"
    """The line ending of the file on disk, restored when writing outputs."""
    bom: bool = False
    """Whether the file on disk started with a UTF-8 BOM, restored when writing outputs."""
    definitions: dict[str, Any] = field(default_factory=dict)
    """What a segment's inline text can refer to elsewhere in the document: link reference
    definitions and footnote labels (see :func:`pipeline.markdown.parser.definitions_of`),
    so that a msgid or msgstr parses on its own as it does in place, without the whole
    document being parsed again."""
