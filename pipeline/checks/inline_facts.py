"""What a translation must keep of an inline Markdown text, read from markdown-it's tokens.

Code spans, link targets and markup come out of the parse tree, never out of the raw string
with regular expressions, so a backtick inside a code span or a bracket inside a URL cannot
fool a check.  Block structure comes from parsing the text as a whole document: a
translation that starts with ``- `` or ``# `` would become a list or a heading.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from markdown_it.token import Token

from ..markdown.parser import is_plain_text, parse_blocks, parse_inline, walk_inline


@dataclass(frozen=True)
class InlineFacts:
    """The parts of one text that checks compare between msgid and msgstr."""

    code_spans: Counter[str] = field(default_factory=Counter)
    """Inline code and math exactly as written between their delimiters: ```x``` → ``x``."""
    targets: Counter[str] = field(default_factory=Counter)
    """Where links, images and footnote references point: ``link https://…``,
    ``image a.png``, ``footnote [^1]``."""
    markup: Counter[str] = field(default_factory=Counter)
    """Kinds of markup other than code and targets: ``emphasis``, ``strong``,
    ``strikethrough``, ``hard break``, ``inline HTML <b>``."""
    prose: str = ""
    """The words a reader reads (link text and image descriptions included); line breaks,
    code, HTML and images become a newline, so that words on either side stay apart and
    two spaces in it are two spaces the translator typed."""


FactsCache = dict[tuple[bool, str], InlineFacts]
"""The facts of texts already read, by (is Markdown, text): a msgid is read once for all
the languages of a document."""


def _code(token: Token, facts: InlineFacts) -> str:
    facts.code_spans[token.content] += 1
    return "\n"


def _math(token: Token, facts: InlineFacts) -> str:
    facts.code_spans[f"${token.content}$"] += 1
    return "\n"


def _link(token: Token, facts: InlineFacts) -> str:
    facts.targets[f"link {token.attrs.get('href', '')}"] += 1
    return ""


def _image(token: Token, facts: InlineFacts) -> str:
    facts.targets[f"image {token.attrs.get('src', '')}"] += 1
    return "\n"  # the alt text's own tokens follow as children


def _footnote(token: Token, facts: InlineFacts) -> str:
    facts.targets[f"footnote [^{token.meta.get('label', '')}]"] += 1
    return ""


def _markup(kind: str) -> Callable[[Token, InlineFacts], str]:
    def count(token: Token, facts: InlineFacts) -> str:
        facts.markup[kind] += 1
        return "\n" if kind == "hard break" else ""
    return count


def _html(token: Token, facts: InlineFacts) -> str:
    facts.markup[f"inline HTML {token.content}"] += 1
    return "\n"


READERS: dict[str, Callable[[Token, InlineFacts], str]] = {
    "text": lambda token, facts: token.content,
    "softbreak": lambda token, facts: "\n",
    "code_inline": _code,
    "math_inline": _math,
    "link_open": _link,
    "image": _image,
    "footnote_ref": _footnote,
    "em_open": _markup("emphasis"),
    "strong_open": _markup("strong"),
    "s_open": _markup("strikethrough"),
    "hardbreak": _markup("hard break"),
    "html_inline": _html,
}
"""What each inline token type adds to the facts; the text it returns goes into ``prose``.
Closing tokens and unknown types add nothing."""


def inline_facts(text: str, env: Mapping[str, Any]) -> InlineFacts:
    """The facts of an inline Markdown text, parsed with the source's reference definitions
    and footnotes (``env``) so that ``[text][label]`` and ``[^1]`` resolve as in the source."""
    if is_plain_text(text):
        return plain_facts(text)  # what the parse would say, at a fraction of the cost
    facts = InlineFacts()
    prose = [READERS[token.type](token, facts) if token.type in READERS else ""
             for token in walk_inline(parse_inline(text, dict(env)))]
    return replace(facts, prose="".join(prose))


def plain_facts(text: str) -> InlineFacts:
    """The facts of a text that is not Markdown (a front-matter value): prose only."""
    return InlineFacts(prose=text)


# Characters that may begin something other than a paragraph (with digits and indentation).
_BLOCK_STARTS = set("#>-+*=_`~<|[$:\t")

BLOCK_NAMES = {
    "paragraph_open": "paragraph",
    "heading_open": "heading",
    "bullet_list_open": "bulleted list",
    "ordered_list_open": "numbered list",
    "blockquote_open": "block quote",
    "fence": "fenced code block",
    "code_block": "indented code block",
    "hr": "thematic break",
    "html_block": "HTML block",
    "table_open": "table",
    "math_block": "math block",
    "front_matter": "front matter",
}


def block_kinds(text: str) -> Counter[str]:
    """How many blocks of each kind ``text`` makes as a document of its own; a reference or
    footnote definition counts too (it would vanish from the text)."""
    stripped = text.lstrip(" ")
    if "\n" not in text and "\r" not in text and "^[" not in text and stripped.strip() \
            and len(text) - len(stripped) < 4 \
            and not stripped[0].isdigit() and stripped[0] not in _BLOCK_STARTS:
        return Counter({"paragraph": 1})  # one line that no block rule can claim
    tokens, env = parse_blocks(text)
    kinds = Counter(BLOCK_NAMES[token.type] for token in tokens if token.type in BLOCK_NAMES)
    kinds["reference definition"] += len(env.get("references", {}))
    # Every definition, referenced or not (the footnote plugin drops unreferenced ones),
    # and every inline footnote ("^[note]", which has no label).
    footnotes = env.get("footnotes", {})
    kinds["footnote definition"] += len(footnotes.get("refs", {})) + sum(
        1 for note in footnotes.get("list", {}).values() if "label" not in note)
    return +kinds
