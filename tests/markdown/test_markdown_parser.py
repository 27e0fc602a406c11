"""The parser's own speed-ups give markdown-it's very tokens: the block ruler that tries at a
line only the rules that can start at its first character, and the rules that fail at once
where they cannot match (setext headings, tables)."""

from __future__ import annotations

import random
import string

import pytest
from markdown_it import MarkdownIt
from markdown_it.ruler import Ruler
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from conftest import SAMPLE, corpus_articles, spec_examples
from pipeline.markdown import parser as markdown_parser
from pipeline.markdown.block_dispatch import BLOCK_STARTS
from pipeline.markdown.parser import DELIMITERS, markdown_syntax

# Lines that start (or almost start) every kind of block, to mix into documents.
_LINES = ["- a", "* b", "+ c", "1. d", "2) e", "10. f", "> q", ">", "#", "# h", "####### x",
          "---", "***", "___", "- - -", "```", "~~~", "``` py", "$$", "$$ x $$", "$$\n$$",
          "[a]: /u", "[^1]: n", "[^1]:", "<div>", "<!-- c -->", "<script>", "| a | b |",
          "|---|---|", "a | b", "--- | ---", ":-- | --:", ":-:", "    code", "\tcode", "text", "中文",
          "", "  - x", "===", "  > y", "[x]", "$", "1.", "-", "<p>", "&amp;", "\\#", "!"]


def _fuzzed(count: int) -> list[str]:
    rng = random.Random(7)
    documents = []
    for _ in range(count):
        lines = [rng.choice(_LINES) for _ in range(rng.randint(1, 10))]
        documents.append("\n".join(" " * rng.choice((0, 0, 1, 2, 4)) + line for line in lines))
    return documents


def _tokens(tokens: list[Token]) -> list[tuple[object, ...]]:
    return [(t.type, t.tag, t.nesting, t.map, t.level, t.content, t.markup, t.info,
             t.block, t.hidden, t.attrs, t.meta.get("pos"), _tokens(t.children or []))
            for t in tokens]


def _plain_ruler_parser() -> markdown_parser.MarkdownIt:
    """The shared parser's configuration with markdown-it's own block ruler."""
    md = markdown_parser.markdown_parser.__wrapped__()
    plain = Ruler()
    plain.__rules__ = md.block.ruler.__rules__
    md.block.ruler = plain
    return md


def test_the_dispatching_ruler_gives_markdown_its_tokens() -> None:
    documents = [example["markdown"] for example in spec_examples()]
    documents += [SAMPLE.read_text(encoding="utf-8"), *corpus_articles(20), *_fuzzed(3000)]
    ours, theirs = markdown_parser.markdown_parser(), _plain_ruler_parser()
    assert not isinstance(theirs.block.ruler, type(ours.block.ruler))
    differing = [text for text in documents
                 if _tokens(ours.parse(text, {DELIMITERS: True}))
                 != _tokens(theirs.parse(text, {DELIMITERS: True}))]
    assert differing == []


_MATCHING = {"math_block": "$$\nx\n$$\n", "fence": "```\nx\n```\n", "blockquote": "> x\n",
             "hr": "***\n", "list": "1. x\n", "footnote_def": "[^1]: x\n",
             "reference": "[a]: /u\n", "html_block": "<div>\n", "heading": "# x\n"}


def test_the_syntax_parses_as_markdown_it_configured_alike() -> None:
    """markdown_syntax() (every speed-up, none of the recording) against markdown-it and
    the same plugins with none of ours."""
    library = (MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
               .use(front_matter_plugin).use(footnote_plugin).use(dollarmath_plugin))
    ours = markdown_syntax()
    documents = [example["markdown"] for example in spec_examples()]
    documents += [SAMPLE.read_text(encoding="utf-8"), *corpus_articles(20), *_fuzzed(3000)]
    differing = [text for text in documents
                 if _tokens(ours.parse(text, {})) != _tokens(library.parse(text, {}))]
    assert differing == []


@pytest.mark.parametrize("name", sorted(BLOCK_STARTS))
def test_a_rule_fails_at_any_other_first_character(name: str) -> None:
    """What the dispatch relies on: the rule cannot match a line whose first non-space
    character is not one of its own (silent or not, indented or not, any character)."""
    md = markdown_syntax()
    rule = next(r.fn for r in md.block.ruler.__rules__ if r.name == name)
    state = StateBlock(_MATCHING[name], md, {}, [])
    assert rule(state, 0, state.lineMax, True)  # it is called as markdown-it calls it
    others = set(string.printable + "中《「＃＞－") - set(BLOCK_STARTS[name]) - set(" \t\n\r\x0b\x0c")
    for char in sorted(others):
        for text in (f"{char}", f"{char}{char}{char} x\n\n", f"  {char}[^1]: x\n", f"{char}\n---"):
            for silent in (True, False):
                state = StateBlock(text, md, {}, [])
                assert not rule(state, 0, state.lineMax, silent), (name, text)


def test_rules_enabled_or_disabled_later_are_dispatched_as_they_are() -> None:
    md = markdown_syntax()
    table = "| a | b |\n| - | - |\n| 1 | 2 |\n"
    assert [t.type for t in md.parse(table)][0] == "table_open"
    md.disable("table")
    assert [t.type for t in md.parse(table)][0] == "paragraph_open"
    md.enable("table")
    assert [t.type for t in md.parse(table)][0] == "table_open"
