"""Finding glossary terms in a text.

Longer terms win: in ``生成式人工智能`` the term ``生成式人工智能`` is found, not also the
shorter ``人工智能`` inside it, and ``GPT-4`` is not also a ``GPT``.  A Latin term matches
whole words only (``GAN`` is not found in ``GANs`` or ``ORGAN``); a CJK term has no word
boundaries to respect.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=4096)
def _term_pattern(term: str) -> re.Pattern[str]:
    before = r"(?<![A-Za-z0-9])" if term[:1].isascii() and term[:1].isalnum() else ""
    after = r"(?![A-Za-z0-9])" if term[-1:].isascii() and term[-1:].isalnum() else ""
    return re.compile(before + re.escape(term) + after)


def find_terms(text: str, terms: Iterable[str]) -> list[str]:
    """The terms that occur in ``text``, longest first, each found where no longer term was."""
    taken = [False] * len(text)
    found = []
    for term in sorted(set(terms), key=lambda t: (-len(t), t)):
        for match in _term_pattern(term).finditer(text):
            if not any(taken[match.start():match.end()]):
                taken[match.start():match.end()] = [True] * (match.end() - match.start())
                if term not in found:
                    found.append(term)
    return found


def contains_term(text: str, term: str) -> bool:
    """Whether a translation contains ``term`` (case-insensitive: a sentence may start with
    it, ``Generative AI``)."""
    return term.casefold() in text.casefold()


def remove_terms(text: str, terms: Iterable[str]) -> str:
    """``text`` with every occurrence of ``terms`` cut out (replaced by a space)."""
    for term in sorted(set(terms), key=len, reverse=True):
        if term:
            text = text.replace(term, " ")
    return text
