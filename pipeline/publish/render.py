"""Tokens to HTML: the extraction parser's token stream, rendered with raw HTML escaped.

Pages are parsed with the very parser that cut the segments
(:func:`pipeline.markdown.parser.markdown_parser`), so their blocks are the blocks the
catalogs know.  That parser accepts raw HTML (an HTML block
must stay skeleton), so this renderer escapes every ``html_block`` and ``html_inline`` token
instead of passing it through, and drops bare comments (``<!-- i18n: skip -->``), which no
Markdown reader would see either.  :func:`sanitize_html` is the second wall behind it.
Soft line breaks next to CJK text render as nothing, the way extraction joins them.

Bare URLs become links here, and only here (:func:`linkify_tokens`): markdown-it's
``linkify`` core rule, run on copies of the shared parse's tokens as an edition is made
(once, however many pages render it), so segments, catalogs and Markdown outputs never see
those links.  Only ``http``, ``https``
and ``mailto`` are linked (what the sanitizer lets through), and a domain only with its
scheme: ``README.md`` is a file name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_core import StateCore, linkify
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
_LINKIFIED = "linkify"  # the markup of the link tokens markdown-it's linkify rule makes
_UNLINKED_SCHEMES = ("//", "ftp:")  # linkify-it's others: the sanitizer would drop them
_MAY_LINK = ("://", "@")
"""What every link found here has (an http or https URL, an e-mail address): a text
without either is not given to linkify-it, whose own pretest of every block made a page
three times slower to render."""


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
    if token.markup == _LINKIFIED:
        return ""  # a bare URL's link tags write nothing the reader sees
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
    if md.linkify is None:  # markdown-it-py makes one when linkify-it-py is installed
        raise ModuleNotFoundError("pages need linkify-it-py (pip install linkify-it-py)")
    md.options["linkify"] = True  # read by linkify_tokens only: this MarkdownIt never parses
    md.linkify.set({"fuzzy_link": False, "fuzzy_ip": False})  # "README.md" is no link
    for scheme in _UNLINKED_SCHEMES:
        md.linkify.add(scheme, None)
    return md


def _may_link(inline: Token) -> bool:
    # Text children only: a Markdown link's or image's URL is no text, and most of them
    # would otherwise send their whole paragraph through linkify-it's slow search.
    return any(child.type == "text" and any(mark in child.content for mark in _MAY_LINK)
               for child in inline.children or ())


def linkify_tokens(tokens: Sequence[Token], env: dict[str, Any]) -> list[Token]:
    """``tokens`` with bare URLs in their text made links, as a new list: an inline token
    that may have one is replaced by a changed copy, since the tokens are the shared
    parse's, which other editions and the Markdown outputs read."""
    linked = list(tokens)
    candidates = []
    for index, token in enumerate(linked):
        if token.type == "inline" and _may_link(token):
            linked[index] = token.copy()
            candidates.append(linked[index])
    if candidates:
        # The rule gives each inline token it changes a new children list: the originals
        # of the copies keep theirs.
        linkify(StateCore("", html_renderer(), env, candidates))
    return linked


def render_tokens(tokens: Sequence[Token], env: dict[str, Any]) -> str:
    """HTML for a token stream (or a slice of one) parsed with ``env``, its bare URLs
    linked already (:func:`linkify_tokens`, which an edition's tokens have been through);
    not yet sanitized."""
    md = html_renderer()
    return str(md.renderer.render(tokens, md.options, env))


def sanitize_html(html: str, ids: bool = True) -> str:
    """Keep only the tags and attributes the renderer writes: no script, no ``on*``
    attribute, no ``javascript:`` URL, whatever a source or a translation contains.
    ``ids=False`` drops ids too (a second copy of a text on the same page)."""
    attributes = ATTRIBUTES if ids else {**ATTRIBUTES, "*": ATTRIBUTES["*"] - {"id"}}
    return nh3.clean(html, tags=TAGS, attributes=attributes, url_schemes=URL_SCHEMES,
                     filter_style_properties={"text-align"}, link_rel=None)
