"""CJK-aware joining of soft line breaks (the segmenter's principle 3).

Chinese and Japanese are written without spaces between words, so a line break inside a
paragraph is not a word boundary there.  mdpo, po4a and Translate Toolkit all turn it into a
space and corrupt the text; we join with no space when either side is CJK, as long as the
joined text keeps the block's inline markup: where it would not (CommonMark's flanking
rules around ``**`` next to punctuation, a reference label, a link destination), that
break becomes one space, which is how it rendered anyway.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from markdown_it.token import Token

from ..core.scripts import is_cjk
from .emphasis_pairing import Marks, pairing_test, run_powers
from .parser import DELIMITERS, parse_inline, walk_inline

# Markup and ambiguous punctuation that says nothing about the language of a side:
# looking through them finds the character that does (本文来源“ | **CVHub**).
_TRANSPARENT = set("*_~`“”‘’\"'([{<")
_NO_SPACE_BEFORE = set(",.;:!?)]}")
_NO_SPACE_AFTER = set("([{")
_WHITESPACE = re.compile(r"\s+")
_ESCAPED_OR_CODE = re.compile(r"\\.|(`+)(?!`).*?(?<!`)\1(?!`)", re.S)
_MARKUP_CHARS = set("*_~")
# Pairs that make new syntax when nothing separates them: "[a](b)", "![a]", "[^1]", "^[n]",
# "`a``b`".
_GLUE = {("]", "("), ("]", "["), ("!", "["), ("[", "^"), ("^", "["), ("`", "`")}
# Openers and closers whose text must not lose a space inside: "<http://a>", "&amp;", a
# reference label "[中 文]" matched by its normalized form.
_SPANNING = (("<", ">"), ("&", ";"), ("[", "]"))
_BRACKETS = (("[", "]"), ("(", ")"), ("<", ">"))


def _significant(text: str, reverse: bool) -> str:
    chars = reversed(text) if reverse else iter(text)
    for char in chars:
        if char not in _TRANSPARENT and not unicodedata.category(char).startswith("Z"):
            return char
    return ""


def soft_break_joiner(left: str, right: str) -> str:
    """What replaces a soft line break between ``left`` and ``right``: ``""`` or ``" "``."""
    if not left or not right:
        return ""
    if is_cjk(left[-1]) or is_cjk(right[0]):
        return ""
    if right[0] in _NO_SPACE_BEFORE or left[-1] in _NO_SPACE_AFTER:
        return ""  # "`AIGC`\n, a.k.a" reads "`AIGC`, a.k.a", not "`AIGC` , a.k.a"
    near_left, near_right = _significant(left, True), _significant(right, False)
    if (near_left and is_cjk(near_left)) or (near_right and is_cjk(near_right)):
        return ""
    return " "


def join_lines(content: str, children: list[Token], env: dict[str, Any]) -> str:
    """The msgid of an inline content: soft breaks joined (principle 3), others kept (4)."""
    tokens = [t for t in walk_inline(children) if "pos" in t.meta]
    breaks = {t.meta["pos"]: t.type for t in tokens}
    pieces = _split_at_newlines(content, breaks)
    joiners = [soft_break_joiner(a, b) if kind == "softbreak" else "\n"
               for (a, kind), (b, _) in zip(pieces, pieces[1:])]
    # Only joins without a space can change a label or make a link.
    labelled = _labelled_joins(pieces, joiners) if any(c in content for c in "[(<") else set()
    doubtful = [i for i, j in enumerate(joiners) if j == "" and (
        i in labelled or not _join_is_neutral(pieces[i][0], pieces[i + 1][0]))]
    if not doubtful:
        return _assemble(pieces, joiners)
    # Where the flanking rules cannot tell, test: keep a join only if the markup survives,
    # else that break becomes a space (whitespace, as it was).  A join that takes a
    # capability away from a delimiter run (``工具**`GAN`**``: no longer an opener) breaks
    # its emphasis whenever the run was used, so the first try spaces those and joins the
    # rest: one test settles most paragraphs.
    marks = {t.meta["pos"]: t.meta[DELIMITERS] for t in tokens if DELIMITERS in t.meta}
    keeps = None if labelled else \
        _emphasis_test(pieces, sorted(breaks), doubtful, marks)
    keeps = keeps or _parse_test(pieces, children, env)
    for i in doubtful:
        if _takes_from_delimiter(pieces[i][0], pieces[i + 1][0]):
            joiners[i] = " "
    if keeps(joiners):
        return _assemble(pieces, joiners)
    for i in doubtful:
        joiners[i] = " "
    for i in doubtful:
        joiners[i] = ""
        if not keeps(joiners):
            joiners[i] = " "
    return _assemble(pieces, joiners)


def _labelled_joins(pieces: list[tuple[str, str]], joiners: list[str]) -> set[int]:
    """The joins without a space that :func:`_in_brackets` says may lie inside brackets.
    A join can only if an opener comes before it and its closer after it, which the first
    opener and the last closer of the whole text tell at once: most joins need no more."""
    joined = "".join(piece for piece, _ in pieces)
    bounds = [(joined.find(opener), joined.rfind(closer)) for opener, closer in _BRACKETS]
    labelled, cut = set(), 0
    for i, joiner in enumerate(joiners):
        cut += len(pieces[i][0])
        if joiner == "" and any(0 <= first < cut <= last for first, last in bounds) \
                and _in_brackets(joined[:cut], joined[cut:]):
            labelled.add(i)
    return labelled


def _in_brackets(before: str, after: str) -> bool:
    r"""Whether a break between ``before`` and ``after`` (the block's lines up to it and
    from it) may lie inside brackets, parentheses or angle brackets that close on a later
    line: a reference label there (``[中\n文\n字]``) would lose its whitespace and no
    longer match its definition, and ``](中\n文)`` or ``<ab:中\n文>``, no link destination
    or autolink with a line break in it, would become one.  Escaped characters and code
    spans before the break do not count; with raw HTML there, any opener before and closer
    after will do."""
    if "<" not in before:
        before = _ESCAPED_OR_CODE.sub("", before)
    return any(_unclosed(before, opener, closer) and closer in after
               for opener, closer in _BRACKETS)


def _unclosed(text: str, opener: str, closer: str) -> bool:
    if "<" in text:
        return opener in text
    return text.rfind(opener) > text.rfind(closer) or text.count(opener) > text.count(closer)


JoinTest = Callable[[list[str]], bool]
"""Whether the block, its lines joined with these joiners, keeps its inline markup."""


def _emphasis_test(pieces: list[tuple[str, str]], positions: list[int], doubtful: list[int],
                   marks: Marks) -> JoinTest | None:
    """Replay markdown-it's emphasis pairing (:mod:`pipeline.markdown.emphasis_pairing`), when the
    doubt is only about delimiter runs: no join makes other syntax."""
    if not all(_join_keeps_syntax(pieces[i][0], pieces[i + 1][0]) for i in doubtful):
        return None
    # Only doubtful joins change what a run may do: the neutral ones join as they are.
    test = pairing_test([(pieces[i][0], pieces[i + 1][0], positions[i]) for i in doubtful],
                        marks)
    if test is None:
        return None
    return lambda joiners: test([joiners[i] == "" for i in doubtful])


def _parse_test(pieces: list[tuple[str, str]], children: list[Token],
                env: dict[str, Any]) -> JoinTest:
    """Parse the joined text and compare its markup with the block's."""
    expected = _signature(children)
    return lambda joiners: _signature(parse_inline(_assemble(pieces, joiners), env)) == expected


def _signature(children: list[Token]) -> list[tuple[str, str]]:
    """The inline markup of a text, and the words between its tokens without their
    whitespace: joining lines changes only whitespace, so an emphasis that moved (closed
    by another run) shows here."""
    signature, words = [], []
    for token in walk_inline(children):
        if token.type in ("text", "softbreak"):
            words.append(token.content)
            continue
        signature.append(("text", _WHITESPACE.sub("", "".join(words))))
        words = []
        signature.append((token.type, token.content if token.type in ("code_inline", "html_inline")
                          else str(token.attrs.get("href", ""))))
    signature.append(("text", _WHITESPACE.sub("", "".join(words))))
    return signature


def _join_is_neutral(left: str, right: str) -> bool:
    """True when joining ``left`` and ``right`` without whitespace surely keeps the inline
    markup: no new code span, link, autolink, entity, math or footnote syntax, no reference
    label changed, and every emphasis delimiter run at the join opens and closes exactly as
    before (CommonMark's flanking rules).  When unsure, False."""
    if not left or not right:
        return True
    if not _join_keeps_syntax(left, right):
        return False
    # A line of delimiters only (None) changes on both its sides.
    return all(side is not None and side[0] == side[1] for side in _runs_at_join(left, right))


def _join_keeps_syntax(left: str, right: str) -> bool:
    """True when joining ``left`` and ``right`` surely makes no new code span, link,
    autolink, entity, math or footnote syntax, changes no reference label and puts no two
    runs of one delimiter together: all it can change is what the runs at the join may
    open or close."""
    last, first = left[-1:], right[:1]
    last_word, first_word = left.rsplit(" ", 1)[-1], right.split(" ", 1)[0]
    return not ((last in _MARKUP_CHARS and first == last) or (last, first) in _GLUE
                or "$" in last_word + first_word
                or any(a in last_word and b in first_word for a, b in _SPANNING))


def _takes_from_delimiter(left: str, right: str) -> bool:
    """Whether joining ``left`` and ``right`` makes an emphasis delimiter run at the join
    lose the power to open or to close that it had next to the line break."""
    return any(side is not None and _lost(*side) for side in _runs_at_join(left, right))


Can = tuple[bool, bool]


def _runs_at_join(left: str, right: str) -> list[tuple[Can, Can] | None]:
    """For the emphasis delimiter run ending ``left`` and the one starting ``right``: its
    (can open, can close) next to the line break and once joined; None for a run that is
    its whole line."""
    last, first = left[-1:], right[:1]
    runs: list[tuple[Can, Can] | None] = []
    if last and last in _MARKUP_CHARS:
        body = left.rstrip(last)
        runs.append((run_powers(body[-1], last, "\n"), run_powers(body[-1], last, first))
                    if body else None)
    if first and first in _MARKUP_CHARS:
        body = right.lstrip(first)
        runs.append((run_powers("\n", first, body[0]), run_powers(last, first, body[0]))
                    if body else None)
    return runs


def _lost(was: Can, now: Can) -> bool:
    return (was[0] and not now[0]) or (was[1] and not now[1])


def _split_at_newlines(content: str, breaks: dict[int, str]) -> list[tuple[str, str]]:
    """Pieces of ``content`` between line breaks, each with the kind of break after it."""
    pieces: list[tuple[str, str]] = []
    begin = 0
    for pos, kind in sorted(breaks.items()):
        piece = content[begin:pos]
        pieces.append((piece.rstrip(" \t") if kind == "softbreak" else piece, kind))
        begin = pos + 1
        while begin < len(content) and content[begin] in " \t":
            begin += 1
    pieces.append((content[begin:], ""))
    return pieces


def _assemble(pieces: list[tuple[str, str]], joiners: list[str]) -> str:
    out = [pieces[0][0]]
    for joiner, (piece, _) in zip(joiners, pieces[1:]):
        out += [joiner, piece]
    return "".join(out)
