"""The checks: each a tiny function ``(entry, context) -> Iterable[Problem]`` in one table.

A check compares an entry's msgstr with its msgid (both parsed as the source parses them,
see :mod:`.inline_facts`).  Error-level problems keep a translation out of a build; warnings
are only printed.  Code spans, links and images have their own checks, so ``markup`` counts
only the rest and one broken thing is reported once, and a message names each missing or
added thing once, with how often.  The header's checks are in :mod:`.header`; an entry's
``ignore-<name>`` flags (:mod:`.flags`) are checked here too, as ``flags``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

import polib

from ..core.link_targets import SCRIPT_TARGET
from ..core.scripts import cjk_runs, is_full_width, usual_length
from .context import BLOCK_STYLES, CheckContext
from .flags import IGNORE, closest_flag, ignore_flags, unknown_exemptions
from .header import HeaderCheck, plural_forms_valid
from .inline_facts import block_kinds
from .numbers import missing_numbers
from .problem import ERROR, WARNING, Finding
from .terms import contains_term, find_terms, remove_terms

Check = Callable[[polib.POEntry, CheckContext], Iterable[Finding]]

_LENGTH_FACTOR = 3.0
"""How far from the usual ratio a length may be before it is worth a look."""
_LENGTH_FROM = 10
"""Source texts shorter than this (characters of prose) are too short to judge by length."""
_RUNS_SHOWN = 5
"""Distinct runs of Chinese text a script-leak message names."""


def _times(count: int, out_of: int = 0) -> str:
    # One item a thing, with how often: "`ChatGPT` missing (3 times)", not three items;
    # "(2 of 3)" when the translation kept some.
    if out_of > count:
        return f" ({count} of {out_of})"
    return "" if count == 1 else " (twice)" if count == 2 else f" ({count} times)"


def _changes(source: Counter[str], target: Counter[str], what: str) -> str:
    missing = [f"{what}{key} missing{_times(n, source[key])}"
               for key, n in (source - target).items()]
    added = [f"{what}{key} added{_times(n)}" for key, n in (target - source).items()]
    return "; ".join(missing + added)


def _copied(entry: polib.POEntry) -> bool:
    # A msgstr that is the msgid copied is reported once, as untranslated.
    return bool(entry.msgstr.strip() == entry.msgid.strip())


def code_spans_kept(entry: polib.POEntry, context: CheckContext) -> Iterator[Finding]:
    """The inline code spans (and math) are the source's, each as often."""
    source, target = context.source(entry).code_spans, context.target(entry).code_spans
    if source != target:
        shown = Counter({f"`{code}`": n for code, n in source.items()})
        found = Counter({f"`{code}`": n for code, n in target.items()})
        yield Finding(ERROR, _changes(shown, found, "code span "))


def links_kept(entry: polib.POEntry, context: CheckContext) -> Iterator[Finding]:
    """Links, images and footnote references point where the source's do, as many times;
    their text may change.  No javascript:, vbscript: or data: target is added, link or
    not."""
    source, target = context.source(entry).targets, context.target(entry).targets
    if source != target:
        yield Finding(ERROR, _changes(source, target, ""))
    # Counted in the raw text: markdown-it makes no link of them, so no token shows them.
    scripts = Counter(m.lower() for m in SCRIPT_TARGET.findall(entry.msgstr)) \
        - Counter(m.lower() for m in SCRIPT_TARGET.findall(entry.msgid))
    if scripts:
        yield Finding(ERROR, f"target {', '.join(sorted(scripts))} added: not in the source")


def markup_kept(entry: polib.POEntry, context: CheckContext) -> Iterator[Finding]:
    """Emphasis, strong, strikethrough, hard breaks and inline HTML survive as many times
    (in any order: a translation may move them)."""
    source, target = context.source(entry).markup, context.target(entry).markup
    if source != target:
        changes = [f"{kind}: {source[kind]} in the source, {target[kind]} in the translation"
                   for kind in sorted(set(source) | set(target)) if source[kind] != target[kind]]
        yield Finding(ERROR, "; ".join(changes))


def no_new_block(entry: polib.POEntry, context: CheckContext) -> Iterator[Finding]:
    """A translation written as Markdown lines makes no block its source does not make: no
    list, heading, quote or code block by accident, no blank line splitting a paragraph."""
    styles = context.entry_styles(entry)
    if not styles & BLOCK_STYLES:
        return
    if "inline" in styles:  # an HTML block's writer drops its empty lines itself
        yield from _empty_lines(entry.msgstr)
    new = block_kinds(entry.msgstr) - block_kinds(entry.msgid)
    if new:
        kinds = ", ".join(sorted(new))
        yield Finding(ERROR, f"the translation would start a new {kinds}")


def _empty_lines(msgstr: str) -> Iterator[Finding]:
    # Spliced in, an empty line ends the block there: a list item's later paragraphs fall
    # out of the list, a nested list becomes a setext heading, a heading two paragraphs.
    if not msgstr.strip():
        yield Finding(ERROR, "the translation is blank: its block would vanish")
        return
    lines = msgstr.split("\n")
    edges = [side for side, line in (("begins", lines[0]), ("ends", lines[-1]))
             if len(lines) > 1 and not line.strip()]
    if edges:
        yield Finding(ERROR, f"the translation {' and '.join(edges)} with an empty line, "
                      "which would end its block")


def _flat(text: str) -> str:
    # A term may be split over two lines of a translation: "Stable\nDiffusion".
    return " ".join(text.split())


def keep_terms_kept(entry: polib.POEntry, context: CheckContext) -> Iterator[Finding]:
    """Do-not-translate glossary terms in the source's text are in the translation verbatim."""
    source, target = context.source(entry).prose, _flat(context.target(entry).prose)
    for term in find_terms(source, context.glossary.keep_terms()):
        if term not in target:
            yield Finding(ERROR, f"do-not-translate term '{term}' missing")


def forced_terms_used(entry: polib.POEntry, context: CheckContext) -> Iterator[Finding]:
    """A glossary term with a forced translation is translated that way."""
    if _copied(entry):
        return
    forced = context.glossary.forced(context.language)
    source, target = context.source(entry).prose, _flat(context.target(entry).prose)
    for term in find_terms(source, forced):
        if not contains_term(target, forced[term]):
            yield Finding(ERROR, f"'{term}' must be translated as '{forced[term]}'")


def numbers_kept(entry: polib.POEntry, context: CheckContext) -> Iterator[Finding]:
    """Every number of the source's text is in the translation (``2,000`` = ``2000``,
    ``100万`` = ``1 million``, ``10月`` = ``October``)."""
    missing = missing_numbers(context.source(entry).prose, context.target(entry).prose,
                              context.language)
    if missing:
        yield Finding(ERROR, "number(s) missing: " + ", ".join(missing))


def _own_script(context: CheckContext) -> bool:
    # zh → zh_Hant: the same script family, identical text is fine.
    return context.language.split("_")[0] == context.source_language.split("_")[0]


def no_cjk_left(entry: polib.POEntry, context: CheckContext) -> Iterator[Finding]:
    """A Latin-script translation has no Chinese (or Japanese, Korean) text left, glossary
    terms apart."""
    if not context.latin or _copied(entry):
        return
    allowed = context.glossary.keep_terms() + list(context.glossary.forced(context.language)
                                                   .values())
    runs = Counter(cjk_runs(remove_terms(context.target(entry).prose, allowed)))
    if runs:
        shown = [f"{run}{_times(n)}" for run, n in list(runs.items())[:_RUNS_SHOWN]]
        more = f" and {len(runs) - _RUNS_SHOWN} more" if len(runs) > _RUNS_SHOWN else ""
        yield Finding(ERROR, "Chinese text left: " + ", ".join(shown) + more)


def no_full_width(entry: polib.POEntry, context: CheckContext) -> Iterator[Finding]:
    """A Latin-script translation uses ASCII punctuation, not ``，`` ``。`` ``（``."""
    if not context.latin or _copied(entry):
        return
    marks = "".join(dict.fromkeys(c for c in context.target(entry).prose if is_full_width(c)))
    if marks:
        yield Finding(ERROR,
                      f"full-width punctuation in a Latin-script translation: {marks}")


def translated_at_all(entry: polib.POEntry, context: CheckContext) -> Iterator[Finding]:
    """A msgstr is not just the Chinese msgid copied."""
    if _own_script(context) or not _copied(entry):
        return
    if cjk_runs(context.source(entry).prose):
        yield Finding(ERROR, "the translation is the source text")


def length_usual(entry: polib.POEntry, context: CheckContext) -> Iterator[Finding]:
    """The translation's length is not far outside the usual for the language pair."""
    source = context.source(entry).prose
    if len(" ".join(source.split())) < _LENGTH_FROM:
        return
    ratio = len(" ".join(context.target(entry).prose.split())) / usual_length(source,
                                                                              context.language)
    if not 1 / _LENGTH_FACTOR <= ratio <= _LENGTH_FACTOR:
        yield Finding(WARNING,
                      f"the translation is {ratio:.1f}× as long as usual for its source")


def _edges(text: str) -> tuple[str, str]:
    return text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]


def whitespace_tidy(entry: polib.POEntry, context: CheckContext) -> Iterator[Finding]:
    """No leading or trailing whitespace the source does not have, no doubled spaces."""
    source, target = _edges(entry.msgid), _edges(entry.msgstr)
    for side, wanted, found in zip(("leading", "trailing"), source, target):
        if wanted != found:
            yield Finding(WARNING, f"{side} whitespace differs from the source's")
    if "  " in context.target(entry).prose.strip() and "  " not in context.source(entry).prose:
        yield Finding(WARNING, "doubled space")


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Unicode's control characters (category Cc) but tab and line feed."""


def no_control_characters(entry: polib.POEntry, context: CheckContext) -> Iterator[Finding]:
    """No control character the source does not have (a NUL would be published into the
    Markdown, and cut the text short where it is read)."""
    added = sorted(set(_CONTROL.findall(entry.msgstr)) - set(_CONTROL.findall(entry.msgid)))
    if added:
        shown = ", ".join(f"U+{ord(char):04X}" for char in added)
        yield Finding(ERROR, f"control character(s) {shown} not in the source")


def flags_known(entry: polib.POEntry, context: CheckContext) -> Iterator[Finding]:
    """Every ``ignore-*`` flag of the entry names a check of entries: a misspelt one
    exempts nothing, and a header check is turned off in ``[check]`` only."""
    for flag in unknown_exemptions(entry, ENTRY_CHECK_NAMES):
        yield Finding(WARNING, _unknown_flag(flag))


def _unknown_flag(flag: str) -> str:
    name = flag[len(IGNORE):]
    if name in HEADER_CHECK_NAMES:
        return (f"flag '{flag}' turns nothing off: '{name}' checks the catalog's header "
                f"(turn it off in pipeline.toml: [check] disabled = [\"{name}\"])")
    close = closest_flag(flag, ENTRY_CHECK_NAMES)
    if close:
        return f"unknown flag '{flag}': no check is named '{name}'; did you mean '{close}'?"
    return (f"unknown flag '{flag}': no check is named '{name}' "
            f"(known: {', '.join(ENTRY_CHECK_NAMES)})")


CHECKS: tuple[tuple[str, Check], ...] = (
    ("flags", flags_known),
    ("code-spans", code_spans_kept),
    ("links", links_kept),
    ("markup", markup_kept),
    ("new-block", no_new_block),
    ("glossary", keep_terms_kept),
    ("glossary", forced_terms_used),
    ("numbers", numbers_kept),
    ("script-leak", no_cjk_left),
    ("full-width", no_full_width),
    ("untranslated", translated_at_all),
    ("length-ratio", length_usual),
    ("whitespace", whitespace_tidy),
    ("control-characters", no_control_characters),
)
"""Every check by the name its problems carry (``[check]`` in pipeline.toml and ``check``'s
output say it), in the order their problems are printed."""

HEADER_CHECKS: tuple[tuple[str, HeaderCheck], ...] = (
    ("plural-forms", plural_forms_valid),
)
"""The checks of a catalog's header, by the name their problems carry."""

ENTRY_CHECK_NAMES = tuple(dict.fromkeys(name for name, _ in CHECKS))
"""The names of :data:`CHECKS`, each once: what an entry's ``ignore-*`` flags may name."""
HEADER_CHECK_NAMES = tuple(dict.fromkeys(name for name, _ in HEADER_CHECKS))
"""The names of :data:`HEADER_CHECKS`, each once."""
CHECK_NAMES = tuple(dict.fromkeys((*ENTRY_CHECK_NAMES, *HEADER_CHECK_NAMES)))
"""The names of :data:`CHECKS` and :data:`HEADER_CHECKS`, each once."""


def understood_flags() -> tuple[str, ...]:
    """The PO flags the checks read, in table order: ``ignore-<name>`` for the name of each
    check of entries (``#, ignore-code-spans`` turns ``code-spans`` off for that entry).
    Header checks have none: polib keeps no flag of the header but ``fuzzy``."""
    return ignore_flags(ENTRY_CHECK_NAMES)
