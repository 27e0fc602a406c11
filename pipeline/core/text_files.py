"""Reading and writing text files: UTF-8 only; a source's BOM and its kind of line end (LF,
CRLF or CR) accepted and kept; a source that mixes kinds refused."""

from __future__ import annotations

import re
from pathlib import Path

from .errors import PipelineError, SourceError

BOM = "\ufeff"


def decode_source(data: bytes, path: str) -> tuple[str, str, bool]:
    """Return ``(text, newline, bom)`` with the text normalised to LF and without BOM.

    Invalid UTF-8 raises :class:`SourceError` naming line and column of the first bad byte.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _place(data, exc.start)
        raise SourceError(f"invalid UTF-8 (byte 0x{data[exc.start]:02x})", path, line, col) from None
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    newline = _line_end(text, path)
    if newline != "\n":
        text = text.replace(newline, "\n")
    return text, newline, bom


_LINE_ENDS = re.compile(r"\r\n|\r|\n")
_BYTE_LINE_ENDS = re.compile(_LINE_ENDS.pattern.encode())
_NAMES = {"\r\n": "CRLF", "\r": "CR", "\n": "LF"}


def _line_end(text: str, path: str) -> str:
    """The file's one kind of line end: LF, CRLF (Windows) or a lone CR (old Mac), which
    Markdown reads as a line end too.  A file that mixes them could not be written back
    byte for byte, so it is refused at the first line that differs."""
    if "\r" not in text:
        return "\n"
    first = None
    for number, match in enumerate(_LINE_ENDS.finditer(text), start=1):
        if first is None:
            first = match.group()
        elif match.group() != first:
            raise SourceError(f"mixed line ends: this line ends with {_NAMES[match.group()]}, "
                              f"the ones before with {_NAMES[first]} (save the file with one "
                              "kind)", path, number)
    return first or "\n"


def encode_output(text: str, newline: str, bom: bool) -> bytes:
    """Encode an LF text back to the line endings and BOM of its source file."""
    if newline != "\n":
        text = text.replace("\n", newline)
    return ((BOM if bom else "") + text).encode("utf-8")


def read_bytes(path: Path, shown: str, error: type[PipelineError]) -> bytes:
    """The bytes of a file (a source's are decoded by :func:`decode_source` when parsed;
    the document cache is keyed by them); an unreadable file raises ``error`` naming
    ``shown``, the path printed in messages."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror or exc}", shown) from None


def read_text(path: Path, shown: str, error: type[PipelineError]) -> str:
    """A UTF-8 file other than a source (a catalog, the glossary), BOM dropped; an
    unreadable file or invalid UTF-8 raises ``error`` naming the file (and the line)."""
    return decode_text(read_bytes(path, shown, error), shown, error)


def decode_text(data: bytes, shown: str, error: type[PipelineError]) -> str:
    """:func:`read_text` for bytes already read."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error("invalid UTF-8", shown, _place(data, exc.start)[0]) from None


def _place(data: bytes, offset: int) -> tuple[int, int]:
    """(line, column) of a byte offset, both from 1 (any kind of line end counts)."""
    before = data[:offset]
    ends = list(_BYTE_LINE_ENDS.finditer(before))
    return len(ends) + 1, len(before) - (ends[-1].end() if ends else 0) + 1
