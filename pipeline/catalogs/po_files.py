"""Reading and writing PO/POT files: UTF-8, atomically, errors with file:line; a template
written unwrapped whenever its text changes (:func:`write_template_text`), a translation
only when its content does, wrapped as ``[catalogs] wrap`` says
(:func:`write_translation_text`, :mod:`pipeline.catalogs.wrapping`)."""

from __future__ import annotations

import re
from pathlib import Path

import polib

from ..cache.catalog_records import earlier_texts, keep_earlier, recorded_catalog
from ..cache.record_store import Store
from ..core.atomic_files import write_atomic
from ..core.errors import CatalogError
from ..core.text_files import decode_text, read_bytes
from .catalog_content import (
    DATE_HEADERS,
    content_digest,
    same_catalog,
    same_content,
    take_dates,
)
from .kept_layout import kept_layout
from .polib_lines import PoLines
from .wrapping import KEEP, Wrap, write_width

_ENTRY_START = re.compile(r'^(#|msgctxt\b|")')
_MSGID = re.compile(r"^(#~ )?msgid ")
_OBSOLETE_PREVIOUS = re.compile(r"^[ \t]*#~\|", re.M)
_HEADER = re.compile(r'^msgid ""[ \t]*\nmsgstr', re.M)
_TIGHT_COMMENT = re.compile(r"^([ \t]*#[,:.|~]?)(?=[^\s,:.|~])", re.M)
_POLIB_LINE = re.compile(r"\(line (\d+)\)(?::\s*(.*))?")
_TEMPLATE_DATE, _TRANSLATION_DATE = DATE_HEADERS
# The escapes polib reads; msgfmt also reads \a, \', \?, octal and hex ones, which polib
# would keep as a backslash and the next write would double: such a file is refused.
_ESCAPE = r'\\[\\ntrvbf"]'
_STRING = rf'"(?:[^"\\]|{_ESCAPE})*"'
_PO_LINE = re.compile(rf"^(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+)?{_STRING}[ \t]*$")


# A line as polib and our writer write it: a comment, a keyword and its string, a string, or
# nothing.  A file of such lines only is checked at once; any other line is looked at below.
_PLAIN_PO_LINE = (r"(?:#(?!~)[^\n]*+|(?:#~ (?:\| )?)?(?:(?:msgctxt|msgid|msgid_plural"
                  r"|msgstr(?:\[\d+\])?) )?\"(?:[^\"\\\n]++|" + _ESCAPE + r")*+\"|)")
_PLAIN_PO = re.compile(rf"(?:{_PLAIN_PO_LINE}\n)*{_PLAIN_PO_LINE}")
_ANY_ESCAPE = re.compile(r'\\(x[0-9A-Fa-f]+|[0-7]{1,3}|.)')
_POLIB_ESCAPES = frozenset('\\ntrvbf"')


def _check_syntax(text: str, shown: str) -> bool:
    """Whether ``text`` is plainly written; raises CatalogError at the first bad line."""
    # polib silently accepts some broken files (an unterminated string loses a character);
    # check every line that is not a comment against the PO grammar first, like msgfmt.
    if _PLAIN_PO.fullmatch(text):
        return True
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped.startswith("#~"):
            stripped = stripped[2:].strip()
            if stripped.startswith("|"):
                stripped = stripped[1:].strip()
        elif stripped.startswith("#"):
            continue
        if stripped and not _PO_LINE.match(stripped):
            escape = next((m.group() for m in _ANY_ESCAPE.finditer(stripped)
                           if m.group(1) not in _POLIB_ESCAPES), None)
            if escape:
                raise CatalogError(f"escape sequence '{escape}' is not supported: write the "
                                   "character itself", shown, number)
            reason = ("end-of-line within string" if stripped.count('"') % 2 else "syntax error")
            raise CatalogError(reason, shown, number)
    return False


def parse_catalog(text: str, shown: str) -> polib.POFile:
    """Parse PO text; syntax errors and duplicate entries raise CatalogError with the line."""
    plain = _check_syntax(text, shown)
    if "#~|" in text:
        # polib skips an obsolete entry's previous msgid ("#~| msgid"), which msgmerge
        # keeps; read as "#|", it is the entry's (polib writes it back as "#~|").
        text = _OBSOLETE_PREVIOUS.sub("#|", text)
    if not plain:
        # msgfmt reads "#,fuzzy", "#:ref", "#.note", "#|msgid" and "#note" as it reads them
        # with a space after the mark; polib calls them syntax errors.
        text = _TIGHT_COMMENT.sub(r"\1 ", text)
    try:
        catalog = polib.pofile(PoLines(text), encoding="utf-8", wrapwidth=0)
    except (OSError, ValueError) as exc:
        match = _POLIB_LINE.search(str(exc))
        line = int(match.group(1)) if match else None
        detail = (match.group(2) if match and match.group(2) else "syntax error")
        raise CatalogError(detail, shown, line) from None
    _check_duplicates(catalog, shown, text)
    return catalog


def _check_duplicates(catalog: polib.POFile, shown: str, text: str) -> None:
    # The header is msgid "" without context: a second one is read as an entry.
    seen: set[tuple[str | None, str, bool]] = {(None, "", False)}
    for entry in catalog:
        key = (entry.msgctxt, entry.msgid, entry.obsolete)
        if key in seen:
            line = entry.linenum if isinstance(entry.linenum, int) and entry.linenum else None
            if key == (None, "", False):  # polib gives no line: the second header's
                starts = [match.start() for match in _HEADER.finditer(text)]
                line = text.count("\n", 0, starts[1]) + 1 if len(starts) > 1 else None
            raise CatalogError(f"duplicate message definition: {entry.msgid[:40]!r}", shown,
                               line)
        seen.add(key)


def read_catalog(path: Path, shown: str) -> polib.POFile:
    """Read a PO or POT file (UTF-8; a re-wrapped file reads the same)."""
    return catalog_from_bytes(read_bytes(path, shown, CatalogError), shown)


def catalog_from_bytes(data: bytes, shown: str) -> polib.POFile:
    """:func:`read_catalog` for a file's bytes already read."""
    return parse_catalog(catalog_text(data, shown), shown)


def cached_catalog(path: Path, shown: str, store: Store) -> polib.POFile:
    """The PO at ``path``: from ``store`` when it holds the catalog written as these very
    bytes (:mod:`pipeline.cache.catalog_records`), else parsed (:func:`read_catalog`)."""
    return read_cached(path, shown, store)[1]


def read_cached(path: Path, shown: str, store: Store) -> tuple[bytes, polib.POFile]:
    """:func:`cached_catalog`, and the bytes it was read from (for
    :func:`write_translation_text`, which then does not read the file again)."""
    data = read_bytes(path, shown, CatalogError)
    return data, recorded_catalog(store, data) or catalog_from_bytes(data, shown)


def catalog_text(data: bytes, shown: str) -> str:
    """A PO file's bytes as text with LF line ends.  Lines may end in CRLF or in a lone CR
    (old Mac tools): a PO string holds neither, polib writes them escaped."""
    return decode_text(data, shown, CatalogError).replace("\r\n", "\n").replace("\r", "\n")


def msgid_lines(text: str) -> dict[int, int]:
    """The line of each entry's ``msgid`` by the line the entry starts on (its first
    comment, as polib's ``linenum`` counts), for a PO file's text."""
    lines = text.split("\n")
    found = {}
    for index, line in enumerate(lines):
        if _MSGID.match(line):
            start = index
            while start > 0 and _ENTRY_START.match(lines[start - 1]) \
                    and not lines[start - 1].startswith("#~ msgstr"):
                start -= 1
            found[start + 1] = index + 1
    return found


def serialize_catalog(catalog: polib.POFile, width: int = 0) -> str:
    """The catalog as PO text, ending with a newline: one line per string, or with
    ``width`` (polib's ``wrapwidth``) strings cut at spaces into lines that long."""
    catalog.wrapwidth = width
    text = str(catalog)
    return text if text.endswith("\n") else text + "\n"


def serialize_copy(catalog: polib.POFile, template: polib.POFile, template_text: str,
                   width: int = 0) -> str:
    """:func:`serialize_catalog` for a catalog whose entries are copies of ``template``'s
    (a new translation, as msginit makes), ``template_text`` being the template's text:
    polib writes an entry from its fields alone, so those entries are taken as written
    there, and only the header is serialized (polib's writer is most of a new PO's time).
    The template is unwrapped: a ``width`` serializes the whole catalog."""
    if width or len(catalog) != len(template) or any(
            vars(entry) != vars(original) for entry, original in zip(catalog, template)):
        return serialize_catalog(catalog, width)
    header = polib.POFile(wrapwidth=0)
    header.header, header.metadata = catalog.header, catalog.metadata
    header.metadata_is_fuzzy = catalog.metadata_is_fuzzy
    # Entries follow the header entry after its one empty line (no line of a header is empty).
    entries = template_text.partition("\n\n")[2]
    return serialize_catalog(header) + ("\n" + entries if entries else "")


def write_template_text(path: Path, catalog: polib.POFile, stamp: str) -> tuple[bool, str]:
    """Write a template, unwrapped, unless the file already says the same but for its
    POT-Creation-Date, which is set to ``stamp`` only when the text changes; whether it
    was written, and the text the file now holds.  Not fsynced: extract makes a template
    again from the source (see :func:`write_atomic`)."""
    # Undecodable bytes only make the old file differ: it is written anew (a damaged POT
    # is regenerated).
    old_text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else None
    old_date = header_dates(old_text).get(_TEMPLATE_DATE) if old_text is not None else None
    catalog.metadata[_TEMPLATE_DATE] = old_date or stamp
    text = serialize_catalog(catalog)  # once: polib's writer is most of a small job's time
    if text == old_text:
        return False, text
    if old_date and old_date != stamp:
        catalog.metadata[_TEMPLATE_DATE] = stamp
        dated = _redated(text, _TEMPLATE_DATE, old_date, stamp)
        text = dated if dated != text else serialize_catalog(catalog)
    write_atomic(path, text.encode("utf-8"), durable=False)
    return True, text


def write_translation_text(path: Path, catalog: polib.POFile, stamp: str, wrap: Wrap, *,
                           old: polib.POFile | None = None, data: bytes | None = None,
                           earlier: Store | None = None) -> tuple[bool, str]:
    """Write a translation unless the file already says what ``catalog`` says; whether it
    was written, and the text the file now holds.

    The file is written only when its content (entries, header but for its dates) differs
    from the catalog's, compared as read, not as text, so a file another tool re-wrapped
    keeps its bytes and dates; then its dates stay in ``catalog`` too, else its
    PO-Revision-Date is ``stamp``.  ``old`` is the file as read and ``data`` its bytes, if
    the caller has them (a file is read and parsed once).  Written, it is wrapped as
    ``wrap`` (:func:`pipeline.catalogs.wrapping.catalog_wrap`) says, with "keep" the
    file's own lines where nothing changed (:mod:`pipeline.catalogs.kept_layout`); with
    ``earlier`` (:func:`pipeline.cache.catalog_records.earlier_store`) a text the file had
    before, read as this very catalog, is written back as it was, and the text replaced is
    kept there.
    """
    if data is None:
        data = path.read_bytes() if path.exists() else None
    old_text = _text_or_none(data)
    if old is None and old_text is not None:
        old = _parsed_or_none(old_text)
    if data is not None and old is not None and same_content(catalog, old):
        take_dates(catalog, old)
        return False, data.decode("utf-8", errors="replace")  # as the file is
    catalog.metadata[_TRANSLATION_DATE] = stamp
    text, unchanged = _translation_text(catalog, wrap, old, old_text, earlier)
    if data is not None and old is not None and unchanged:
        take_dates(catalog, old)
        return False, data.decode("utf-8", errors="replace")
    write_atomic(path, text.encode("utf-8"))
    if earlier is not None and old is not None and old_text is not None:
        keep_earlier(earlier, content_digest(old), old_text)
    return True, text


def _translation_text(catalog: polib.POFile, wrap: Wrap, old: polib.POFile | None,
                      old_text: str | None, earlier: Store | None) -> tuple[str, bool]:
    """The text to write for a translation, and whether it is what the file (``old``,
    ``old_text``) already says: the catalog differed from it only where polib reads its
    own text back otherwise (a reference to a file name with a space), so nothing is
    written.  (polib's text for a file of another layout is not read back: written once,
    the next run compares it as text.)"""
    width = write_width(wrap, old_text)
    restored = _earlier_text(catalog, earlier)
    # Its own layout only where that is the file's now: a file re-wrapped since keeps its width.
    if restored is not None and wrap == KEEP and write_width(KEEP, restored) == width:
        return restored, False
    fresh = serialize_catalog(catalog, width)
    if old is None or old_text is None:
        return fresh, False
    if _with_dates_of(old, catalog, fresh) == old_text:
        return fresh, True
    # An unwrapped file has polib's layout already (one line a string), a wrapped one most
    # likely another tool's: its own lines are kept where they still say the same.
    if wrap == KEEP and width:
        kept = kept_layout(catalog, fresh, old, old_text)
        if kept is not None and kept != fresh:
            reread = _parsed_or_none(kept)
            # The invariant, in code: what is written reads as the catalog, or polib's is.
            if reread is not None and same_catalog(reread, catalog):
                return kept, False  # the catalog differs from old (else nothing is written)
    return fresh, False


def _with_dates_of(source: polib.POFile, catalog: polib.POFile, text: str) -> str:
    """``text``, polib's for ``catalog``, with the dates of ``source`` in its header."""
    for name in DATE_HEADERS:
        new, old = catalog.metadata.get(name), source.metadata.get(name)
        if new != old and new is not None and old is not None:
            text = _redated(text, name, new, old)
    return text


def _redated(text: str, name: str, old: str, new: str) -> str:
    """A catalog's ``text`` with the date header ``name`` saying ``new`` for ``old``."""
    return text.replace(f'"{name}: {polib.escape(old)}\\n"', f'"{name}: {polib.escape(new)}\\n"', 1)


def _earlier_text(catalog: polib.POFile, earlier: Store | None) -> str | None:
    """A text the file had before that reads as ``catalog`` but for the dates, with its
    dates put into ``catalog``."""
    texts = earlier_texts(earlier) if earlier is not None else []
    digest = content_digest(catalog) if texts else ""
    for kept_digest, text in texts:
        parsed = _parsed_or_none(text) if kept_digest == digest else None
        if parsed is not None and same_content(parsed, catalog):
            take_dates(catalog, parsed)
            return text
    return None


def _text_or_none(data: bytes | None) -> str | None:
    if data is None:
        return None
    try:
        return catalog_text(data, "")
    except CatalogError:  # not UTF-8: nothing to compare with, it is written anew
        return None


def _parsed_or_none(text: str) -> polib.POFile | None:
    try:
        return parse_catalog(text, "")
    except CatalogError:
        return None


def header_dates(text: str) -> dict[str, str]:
    """The POT-Creation-Date and PO-Revision-Date of a catalog's text, where it has them."""
    dates = {}
    for header in DATE_HEADERS:
        match = re.search(rf'^"{header}: (.*?)\\n"$', text, re.M)
        if match:
            dates[header] = match.group(1)
    return dates
