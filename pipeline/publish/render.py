"""Tokens to HTML: the extraction parser's token stream, rendered with raw HTML escaped.

Pages are parsed with the very parser that cut the segments (:func:`pipeline.markdown.parser.markdown_parser`), so
their blocks are the blocks the catalogs know.  That parser accepts raw HTML (an HTML block
must stay skeleton), so this renderer escapes every ``html_block`` and ``html_inline`` token
instead of passing it through, and drops bare comments (``<!-- i18n: skip -->``), which no
Markdown reader would see either.  :func:`sanitize_html` is the second wall behind it.
Soft line breaks next to CJK text render as nothing, the way extraction joins them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from ..markdown.line_joins import soft_break_joiner
from ..markdown.parser import markdown_syntax

_COMMENTS = re.compile(r"^(?:\s*<!--.*?-->)+\s*$", re.S)

TAGS = {"a", "blockquote", "br", "code", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "img", "li", "ol", "p", "pre", "s", "section", "span", "strong", "sup",
        "table", "tbody", "td", "th", "thead", "tr", "ul"}
"""Every tag the renderer and its plugins write."""
ATTRIBUTES = {"*": {"id", "class", "lang", "dir", "title"}, "a": {"href"},
              "img": {"src", "alt"}, "ol": {"start"}, "th": {"style"}, "td": {"style"}}
URL_SCHEMES = {"http", "https", "mailto"}


def _html_block(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict,
                env: EnvType) -> str:
    content = tokens[idx].content
    if _COMMENTS.match(content):
        return ""
    return f"<p>{escapeHtml(content.strip())}</p>\n"


def _html_inline(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict,
                 env: EnvType) -> str:
    content = tokens[idx].content
    return "" if _COMMENTS.match(content) else escapeHtml(content)


def _visible(token: Token) -> str:
    if token.type == "code_inline":
        return f"`{token.content}`"
    return token.content if token.type == "text" else token.markup


def _softbreak(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict,
               env: EnvType) -> str:
    # Chinese source lines break anywhere; a browser would show each break as a space.
    left = "".join(_visible(t) for t in tokens[max(0, idx - 3):idx])
    right = "".join(_visible(t) for t in tokens[idx + 1:idx + 4])
    return "\n" if soft_break_joiner(left, right) else ""


@lru_cache(maxsize=1)
def html_renderer() -> MarkdownIt:
    """A MarkdownIt with the extraction parser's plugins and rules that escape raw HTML.

    Only its renderer is used; :func:`pipeline.markdown.parser.parse_blocks` parses."""
    md = markdown_syntax()
    md.add_render_rule("html_block", _html_block)
    md.add_render_rule("html_inline", _html_inline)
    md.add_render_rule("softbreak", _softbreak)
    return md


def render_tokens(tokens: Sequence[Token], env: dict[str, Any]) -> str:
    """HTML for a token stream (or a slice of one) parsed with ``env``; not yet sanitized."""
    md = html_renderer()
    return str(md.renderer.render(tokens, md.options, env))


def sanitize_html(html: str, ids: bool = True) -> str:
    """Keep only the tags and attributes the renderer writes: no script, no ``on*``
    attribute, no ``javascript:`` URL, whatever a source or a translation contains.
    ``ids=False`` drops ids too (a second copy of a text on the same page)."""
    attributes = ATTRIBUTES if ids else {**ATTRIBUTES, "*": ATTRIBUTES["*"] - {"id"}}
    return nh3.clean(html, tags=TAGS, attributes=attributes, url_schemes=URL_SCHEMES,
                     filter_style_properties={"text-align"}, link_rel=None)
