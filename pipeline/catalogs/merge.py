"""Updating a translation catalog from a new template, the way ``msgmerge --previous`` does.

* An entry whose (msgctxt, msgid) is still in the template keeps msgstr, flags and comments.
* A new msgid close to a vanished one inherits its translation, marked fuzzy, with the old
  msgid kept as ``#| msgid`` so the translator sees what changed.
* Previous strings (``#| msgid``) belong to fuzzy entries: an entry a translator reviewed by
  deleting its ``#, fuzzy`` line alone loses them, as msgmerge drops them; it was reviewed
  against the msgid it has (obsolete entries keep theirs, as msgmerge keeps ``#~|``).
* Vanished entries with a translation become obsolete (``#~``); nothing a translator wrote is
  dropped.  Obsolete entries come back when their msgid does.
* Templates have no plural entries, but a translator may add one (or keep one from another
  tool): it is kept whole when it leaves, and when the template has its msgid as a singular
  entry, the translation's first form comes back marked fuzzy, with the old plural shown as
  ``#| msgid_plural``.
"""

from __future__ import annotations

import difflib

import polib

from ..core.document import MessageKey
from ..core.entry_state import entry_key
from .extract import new_catalog


def update_catalog(catalog: polib.POFile, template: polib.POFile,
                   cutoff: float = 0.6) -> polib.POFile:
    """A new catalog with ``template``'s entries and ``catalog``'s translations."""
    merged = new_catalog(dict(catalog.metadata))
    merged.header = catalog.header
    if "POT-Creation-Date" in template.metadata:
        merged.metadata["POT-Creation-Date"] = template.metadata["POT-Creation-Date"]
    # A live entry wins over an obsolete one with the same key, everywhere below: the
    # obsolete twin is neither kept, nor a fuzzy candidate, nor written again.
    old = {entry_key(entry): entry for entry in catalog if entry.obsolete}
    old.update({entry_key(entry): entry for entry in catalog if not entry.obsolete})
    entries = [entry for entry in catalog if old[entry_key(entry)] is entry]
    used: set[MessageKey] = set()
    wanted = {entry_key(entry) for entry in template}
    # Fuzzy candidates: translated entries whose msgid left the template.
    candidates = {entry.msgid: entry for entry in entries
                  if _singular(entry) and entry_key(entry) not in wanted}
    for template_entry in template:
        previous = old.get(entry_key(template_entry))
        if previous is not None:
            merged.append(_kept(template_entry, previous))
            used.add(entry_key(previous))
            continue
        match = _closest(template_entry.msgid, candidates, cutoff)
        entry = _fresh(template_entry)
        if match is not None:
            used.add(entry_key(match))
            entry.msgstr = _singular(match)
            entry.flags = sorted(set(match.flags) | {"fuzzy"})
            (entry.previous_msgctxt, entry.previous_msgid,
             entry.previous_msgid_plural) = _translated_from(match)
            entry.tcomment = match.tcomment
        merged.append(entry)
    for entry in entries:
        if entry_key(entry) not in used and (_translated(entry) or entry.tcomment) \
                and entry_key(entry) not in wanted:
            merged.append(_obsolete(entry))
    return merged


def _kept(template_entry: polib.POEntry, previous: polib.POEntry) -> polib.POEntry:
    entry = _fresh(template_entry)
    entry.msgstr = _singular(previous)
    entry.flags = list(previous.flags)
    entry.tcomment = previous.tcomment
    if previous.fuzzy:  # else reviewed: the previous strings no longer say anything
        entry.previous_msgid = previous.previous_msgid
        entry.previous_msgctxt = previous.previous_msgctxt
        entry.previous_msgid_plural = previous.previous_msgid_plural
    if previous.msgid_plural:  # a plural entry where the template has a singular one
        entry.previous_msgid = previous.msgid
        entry.previous_msgid_plural = previous.msgid_plural
        if entry.msgstr and "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
        # The other forms have no place in a singular entry: the translator's comment keeps
        # them, so that nothing written is lost.
        others = [f"msgstr[{form}] of the plural entry: {text}"
                  for form, text in sorted(previous.msgstr_plural.items()) if form and text]
        entry.tcomment = "\n".join(filter(None, [entry.tcomment, *others]))
    return entry


def _translated_from(entry: polib.POEntry) -> tuple[str | None, str | None, str | None]:
    """The (msgctxt, msgid, msgid_plural) ``entry``'s translation was made for, to show as
    the previous strings of an entry that inherits it: a fuzzy entry's own previous strings
    while it has them (it was not reviewed since), else what it says now (as msgmerge)."""
    if entry.fuzzy and entry.previous_msgid is not None:
        return entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural
    return entry.msgctxt, entry.msgid, entry.msgid_plural or None


def _singular(entry: polib.POEntry) -> str:
    """The translation a singular entry takes from ``entry``: its msgstr, or a plural
    entry's first form."""
    return str(entry.msgstr or entry.msgstr_plural.get(0, "") or "")


def _translated(entry: polib.POEntry) -> bool:
    return bool(entry.msgstr or any(entry.msgstr_plural.values()))


def _fresh(template_entry: polib.POEntry) -> polib.POEntry:
    return polib.POEntry(msgid=template_entry.msgid, msgctxt=template_entry.msgctxt, msgstr="",
                         occurrences=list(template_entry.occurrences),
                         comment=template_entry.comment)


def _obsolete(entry: polib.POEntry) -> polib.POEntry:
    return polib.POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt, msgstr=entry.msgstr,
                         msgid_plural=entry.msgid_plural,
                         msgstr_plural=dict(entry.msgstr_plural),
                         flags=list(entry.flags), tcomment=entry.tcomment, obsolete=True,
                         previous_msgid=entry.previous_msgid,
                         previous_msgctxt=entry.previous_msgctxt,
                         previous_msgid_plural=entry.previous_msgid_plural)


def _closest(msgid: str, candidates: dict[str, polib.POEntry],
             cutoff: float) -> polib.POEntry | None:
    matches = difflib.get_close_matches(msgid, list(candidates), n=1, cutoff=cutoff)
    return candidates[matches[0]] if matches else None
