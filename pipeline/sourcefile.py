"""Reading and writing text files: UTF-8 only; a source's BOM and CRLF accepted and kept."""

from __future__ import annotations

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
    newline = "\r\n" if "\r\n" in text else "\n"
    if newline == "\r\n":
        text = text.replace("\r\n", "\n")
    return text, newline, bom


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
    """(line, column) of a byte offset, both from 1."""
    before = data[:offset]
    return before.count(b"\n") + 1, len(before) - (before.rfind(b"\n") + 1) + 1
