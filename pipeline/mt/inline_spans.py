"""Where each inline construct of a segment starts and ends.

markdown-it tokens carry no offsets, so we run the shared parser's own inline rules the way
its tokenizer does (same rules, same order, same state) and note which rule consumed which
characters.  Links, images and inline footnotes also get the range of their text, which is
translated while the brackets and destination around it are not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markdown_it.helpers import parseLinkLabel
from markdown_it.rules_inline import StateInline

from ..markdown.parser import markdown_parser


@dataclass(frozen=True, slots=True)
class InlineSpan:
    """One top-level inline construct of a segment."""

    kind: str
    """The markdown-it rule that matched (``backticks``, ``link``, ``html_inline`` ...) or
    ``text`` for characters no rule claimed."""
    start: int
    end: int
    label: tuple[int, int] | None = None
    """For ``link``, ``image`` and ``footnote_inline``: the range of their text."""


def _label(state: StateInline, kind: str, start: int, end: int) -> tuple[int, int] | None:
    if kind == "link":
        close = parseLinkLabel(state, start, True)
        return (start + 1, close) if close > start else None
    if kind == "image":
        close = parseLinkLabel(state, start + 1, False)
        return (start + 2, close) if close > start + 1 else None
    if kind == "footnote_inline":
        return (start + 2, end - 1)
    return None


def _next_span(state: StateInline, rules: list[tuple[str, Any]]) -> InlineSpan:
    start = state.pos
    if state.level < state.md.options["maxNesting"]:
        for name, rule in rules:
            if rule(state, False):
                return InlineSpan(name, start, state.pos, _label(state, name, start, state.pos))
    # What the tokenizer does when no rule matches: the character is literal text.
    state.append_pending(state.src[start])
    state.pos += 1
    return InlineSpan("text", start, state.pos)


def _merge_text(spans: list[InlineSpan]) -> list[InlineSpan]:
    merged: list[InlineSpan] = []
    for span in spans:
        if merged and span.kind == "text" and merged[-1].kind == "text":
            merged[-1] = InlineSpan("text", merged[-1].start, span.end)
        else:
            merged.append(span)
    return merged


def inline_spans(text: str, env: dict[str, Any] | None = None) -> list[InlineSpan]:
    """The top-level inline constructs of ``text``, covering it without gaps; adjacent
    plain text is one ``text`` span.  ``env`` holds the document's reference definitions."""
    md = markdown_parser()
    state = StateInline(text, md, dict(env or {}), [])
    rules = [(rule.name, rule.fn) for rule in md.inline.ruler.__rules__ if rule.enabled]
    spans = []
    while state.pos < state.posMax:
        spans.append(_next_span(state, rules))
    return _merge_text(spans)
