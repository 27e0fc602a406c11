"""What a catalog says, its dates aside: what decides whether a translation's PO is written.

A PO is the translators' file: another tool may have re-wrapped it, reordered its header
fields or spelt a flag line tightly (``#,fuzzy``), and it still says the same.  So the
catalog about to be written is compared with the file as read, field by field, not as text;
the dates say when the content last changed, and so are not part of it.
"""

from __future__ import annotations

import hashlib
from typing import Any

import polib

from ..cache.catalog_records import entry_fields, written_entries

DATE_HEADERS = ("POT-Creation-Date", "PO-Revision-Date")


def header_content(catalog: polib.POFile) -> tuple[Any, ...]:
    """What a catalog's header says but for its dates: comment, fields, fuzzy or not."""
    fields = sorted((key, value) for key, value in catalog.metadata.items()
                    if key not in DATE_HEADERS)
    return (catalog.header, fields, bool(catalog.metadata_is_fuzzy))


def take_dates(catalog: polib.POFile, source: polib.POFile) -> None:
    """Give ``catalog`` the dates of ``source`` (the file it is not written over)."""
    for name in DATE_HEADERS:
        if name in source.metadata:
            catalog.metadata[name] = source.metadata[name]
        else:
            catalog.metadata.pop(name, None)


def catalog_content(catalog: polib.POFile) -> tuple[Any, ...]:
    """What a catalog says, its dates aside: header and every entry's fields, in the order
    polib writes them (the live entries, then the obsolete ones)."""
    return (header_content(catalog),
            [entry_fields(entry) for entry in written_entries(catalog)])


def same_content(catalog: polib.POFile, other: polib.POFile) -> bool:
    """Whether two catalogs say the same, their dates aside (:func:`catalog_content`)."""
    return len(catalog) == len(other) and catalog_content(catalog) == catalog_content(other)


def same_catalog(catalog: polib.POFile, other: polib.POFile) -> bool:
    """:func:`same_content`, dates included."""
    return same_content(catalog, other) and all(
        catalog.metadata.get(name) == other.metadata.get(name) for name in DATE_HEADERS)


def content_digest(catalog: polib.POFile) -> str:
    """A digest of :func:`catalog_content`: the same for a catalog parsed, kept or merged
    (an obsolete entry's flag is a bool in the content, where polib reads 0 or 1)."""
    return hashlib.sha256(repr(catalog_content(catalog)).encode("utf-8")).hexdigest()
