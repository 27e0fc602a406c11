"""Protecting what an engine must not touch, and putting it back.

Principles:

1. Inline code, math, raw HTML, autolinks, entities, escapes, hard breaks, footnote
   references, the brackets and destination of links and images, bare URLs, literal ``[n]``
   citations and glossary do-not-translate terms become tokens ``[0]``, ``[1]`` ...: no
   letters, so engines neither translate nor re-case them.  Link and image texts stay
   translatable between their two tokens.
2. A forced glossary translation replaces its source term and is then protected like a
   keep term, so the engine carries the target term through untouched.
3. Anything in the source that already looks like a token (``[1]``, ``［2］``, ``【3】``) is
   itself protected, so every token in a reply is one of ours.
4. A reply is restored tolerantly (``[ 0 ]``, ``［0］``, ``【0】``) but must carry every token
   exactly once; otherwise it is rejected and the entry stays untranslated.
5. Restored spans come from our table, never from the reply: an engine cannot alter them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .engine_errors import Rejected
from .inline_spans import InlineSpan, inline_spans

TOKEN = re.compile(r"[\[［【][ \t\u3000]*(\d+)[ \t\u3000]*[\]］】]")
"""A token as engines give it back: ``[0]``, ``[ 0 ]``, ``［0］``, ``【0】``."""

_PROTECTED_KINDS = frozenset({"url", "backticks", "math_inline", "html_inline", "autolink",
                              "entity", "escape", "newline", "footnote_ref", "linkify"})
_LABELLED_KINDS = frozenset({"link", "image", "footnote_inline"})
_URL = r"(?:https?|ftp)://[^\s<>\"'\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+"
_FOOTNOTE_REF = r"\[\^[^\]\s]+\]"
_URL_TAIL = ".,;:!?'\""
_URL_PATTERN = re.compile(_URL)
_URL_KINDS = frozenset({"text", "escape", "entity", "emphasis", "strikethrough"})
"""What a bare URL can be made of: markdown-it cuts ``a_b\\_c`` into several spans."""
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
_WORD = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Terms:
    """Glossary terms for one target language."""

    keep: tuple[str, ...] = ()
    """Do-not-translate terms."""
    forced: tuple[tuple[str, str], ...] = ()
    """(source term, target term) pairs."""


@dataclass(frozen=True)
class Protected:
    """A segment as an engine sees it, and what each token stands for."""

    text: str
    spans: tuple[str, ...] = ()
    """``spans[n]`` is the exact text token ``[n]`` stands for."""


@dataclass
class _Builder:
    parts: list[str] = field(default_factory=list)
    spans: list[str] = field(default_factory=list)

    def text(self, text: str) -> None:
        self.parts.append(text)

    def token(self, span: str) -> None:
        self.parts.append(f"[{len(self.spans)}]")
        self.spans.append(span)


def _term_pattern(term: str) -> str:
    # A Latin term matches whole words only: GAN is kept, ORGANIC is not touched.
    before = r"(?<![A-Za-z0-9])" if _ASCII_WORD.match(term[0]) else ""
    after = r"(?![A-Za-z0-9])" if _ASCII_WORD.match(term[-1]) else ""
    return before + re.escape(term) + after


@lru_cache(maxsize=32)
def _text_pattern(terms: Terms) -> re.Pattern[str]:
    words = sorted({*terms.keep, *(source for source, _ in terms.forced)},
                   key=lambda term: (-len(term), term))
    alternatives = [f"(?P<url>{_URL})", f"(?P<token>{TOKEN.pattern})",
                    f"(?P<footnote>{_FOOTNOTE_REF})"]
    if words:
        alternatives.append("(?P<term>" + "|".join(map(_term_pattern, words)) + ")")
    return re.compile("|".join(alternatives))


def _url_end(url: str) -> int:
    end = len(url)
    while end and (url[end - 1] in _URL_TAIL
                   or (url[end - 1] == ")" and url.count("(", 0, end) < url.count(")", 0, end))):
        end -= 1
    return end


def _url_ranges(text: str, spans: list[InlineSpan]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for index, span in enumerate(spans):
        if span.kind != "text":
            continue
        last = index
        while last + 1 < len(spans) and spans[last + 1].kind in _URL_KINDS:
            last += 1
        for match in _URL_PATTERN.finditer(text, span.start, span.end):
            if ranges and match.start() < ranges[-1][1]:
                continue
            url = _URL_PATTERN.match(text, match.start(), spans[last].end)
            end = match.start() + _url_end(url.group() if url else match.group())
            for other in spans[index:last + 1]:
                if other.kind != "text" and other.start < end < other.end:
                    end = other.end  # never cut an escape or entity in two
            ranges.append((match.start(), end))
    return ranges


def _outside(start: int, end: int, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces = []
    for low, high in ranges:
        if low < end and high > start:
            pieces.append((start, low))
            start = max(start, high)
    pieces.append((start, end))
    return [(a, b) for a, b in pieces if a < b]


def _with_urls(text: str, spans: list[InlineSpan]) -> list[InlineSpan]:
    """``spans`` with each bare URL as one ``url`` span, even where markdown-it cut it at an
    escape or an ``_`` (``a_b\\_c``)."""
    ranges = _url_ranges(text, spans)
    if not ranges:
        return spans
    out = [InlineSpan("url", low, high) for low, high in ranges]
    for span in spans:
        if span.kind == "text":
            out += [InlineSpan("text", a, b) for a, b in _outside(span.start, span.end, ranges)]
        elif not any(low <= span.start and span.end <= high for low, high in ranges):
            out.append(span)
    return sorted(out, key=lambda span: span.start)


def _protect_text(text: str, terms: Terms, out: _Builder) -> None:
    forced = dict(terms.forced)
    position = 0
    for match in _text_pattern(terms).finditer(text):
        start, end = match.span()
        if match.lastgroup == "url":
            end = start + _url_end(match.group())
        out.text(text[position:start])
        found = text[start:end]
        out.token(forced.get(found, found) if match.lastgroup == "term" else found)
        position = end
    out.text(text[position:])


def _protect_labelled(text: str, span: InlineSpan, env: dict[str, Any], terms: Terms,
                      out: _Builder) -> None:
    start, end = span.label or (span.end, span.end)
    label = text[start:end]
    if not _WORD.search(label) or label.strip().isdigit():
        out.token(text[span.start:span.end])  # nothing to translate: one token
        return
    out.token(text[span.start:start])
    _protect_markdown(label, env, terms, out)
    out.token(text[end:span.end])


def _protect_markdown(text: str, env: dict[str, Any], terms: Terms, out: _Builder) -> None:
    spans = _with_urls(text, inline_spans(text, env))
    for index, span in enumerate(spans):
        if span.kind in _PROTECTED_KINDS:
            piece = text[span.start:span.end]
            if span.kind == "newline" and index and spans[index - 1].kind == "text":
                # The spaces of a hard break belong to it, or an engine collapses them.
                kept = out.parts[-1].rstrip(" \t")
                piece = out.parts[-1][len(kept):] + piece
                out.parts[-1] = kept
            out.token(piece)
        elif span.kind in _LABELLED_KINDS:
            _protect_labelled(text, span, env, terms, out)
        else:
            _protect_text(text[span.start:span.end], terms, out)


def protect_spans(text: str, env: dict[str, Any] | None = None, terms: Terms = Terms(),
                  markdown: bool = True) -> Protected:
    """``text`` with everything an engine must keep replaced by tokens.  ``markdown`` False
    treats ``text`` as plain text (front-matter values): only URLs, citations and terms."""
    out = _Builder()
    if markdown:
        _protect_markdown(text, env or {}, terms, out)
    else:
        _protect_text(text, terms, out)
    return Protected("".join(out.parts), tuple(out.spans))


def token_problem(reply: str, count: int) -> str | None:
    """Why ``reply`` does not carry tokens 0..count-1 exactly once each, or None."""
    found = Counter(int(number) for number in TOKEN.findall(reply))
    problems = []
    missing = [n for n in range(count) if n not in found]
    extra = sorted(n for n in found if n >= count)
    doubled = sorted(n for n, times in found.items() if times > 1 and n < count)
    for words, numbers in (("missing", missing), ("unknown", extra), ("repeated", doubled)):
        if numbers:
            problems.append(f"{words} " + " ".join(f"[{n}]" for n in numbers))
    return "tokens changed: " + ", ".join(problems) if problems else None


def restore_spans(reply: str, protected: Protected) -> str:
    """The reply with every token replaced by the text it stands for; Rejected unless the
    reply has exactly our tokens."""
    problem = token_problem(reply, len(protected.spans))
    if problem:
        raise Rejected(problem)
    return TOKEN.sub(lambda match: protected.spans[int(match.group(1))], reply)


def has_words(protected: Protected) -> bool:
    """Whether anything is left for an engine once the tokens are out."""
    return bool(_WORD.search(TOKEN.sub("", protected.text)))
