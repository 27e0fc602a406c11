"""The one intermediate representation: a source text and the segments cut out of it.

A document is *skeleton* (every character outside a segment, copied verbatim on rebuild)
plus *segments* (the translatable units).  Nothing else holds document state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_NEWLINE = re.compile("\n")

SEGMENT_STYLES = frozenset({"inline", "line", "cell", "html", "yaml-plain", "yaml-plain-flow",
                            "yaml-double", "yaml-single", "yaml-literal", "yaml-folded"})
"""Every way a translation is written back (:attr:`Segment.style`); the rebuild has a writer
for each (``pipeline.markdown.rebuild.WRITERS``, held equal by a test)."""
NEWLINES = ("\n", "\r\n", "\r")

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
    omissions: list[tuple[int, str]] = field(default_factory=list)
    """Source text left out of the catalog, by line, with why (a NUL character, nesting
    deeper than the parser goes): extract warns about each."""
    definitions: dict[str, Any] = field(default_factory=dict)
    """What a segment's inline text can refer to elsewhere in the document: link reference
    definitions and footnote labels (see :func:`pipeline.markdown.parser.definitions_of`),
    so that a msgid or msgstr parses on its own as it does in place, without the whole
    document being parsed again."""


def well_formed(document: Document) -> bool:
    """Whether ``document`` holds what the pipeline makes: every field of the type it
    declares, segments in order inside the text, each in a known style.  A document read
    back from somewhere else (a cache record) is used only if it is."""
    fields_ok = (isinstance(document.path, str) and isinstance(document.text, str)
                 and document.newline in NEWLINES and isinstance(document.bom, bool)
                 and isinstance(document.segments, list) and _definitions_ok(document.definitions)
                 and isinstance(document.omissions, list)
                 and all(isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], int)
                         and isinstance(item[1], str) for item in document.omissions))
    if not fields_ok:
        return False
    position = 0
    for segment in document.segments:
        if not (isinstance(segment, Segment) and _segment_ok(segment)
                and position <= segment.start <= segment.end <= len(document.text)):
            return False
        position = segment.end
    return True


def _segment_ok(segment: Segment) -> bool:
    return (all(isinstance(value, int) and not isinstance(value, bool)
                for value in (segment.start, segment.end, segment.line))
            and all(isinstance(value, str) for value in (segment.kind, segment.msgid,
                                                         segment.prefix))
            and segment.style in SEGMENT_STYLES
            and (segment.context is None or isinstance(segment.context, str))
            and isinstance(segment.notes, tuple)
            and all(isinstance(note, str) for note in segment.notes))


def _definitions_ok(definitions: Any) -> bool:
    """The shape :func:`pipeline.markdown.parser.definitions_of` gives."""
    if not isinstance(definitions, dict):
        return False
    references = definitions.get("references", {})
    footnotes = definitions.get("footnotes", [])
    return (isinstance(references, dict)
            and all(isinstance(label, str) and isinstance(target, dict)
                    and isinstance(target.get("href", ""), str)
                    and isinstance(target.get("title", ""), str)
                    for label, target in references.items())
            and isinstance(footnotes, list) and all(isinstance(label, str) for label in footnotes))
