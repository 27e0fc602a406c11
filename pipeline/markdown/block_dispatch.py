"""The one place that leans on markdown-it-py's ``Ruler`` internals (markdown-it-py 4.x,
pinned in pyproject.toml): a block ruler whose chains dispatch on a line's first character.

It reads the ruler's ``__rules__`` and ``__cache__`` and hands markdown-it one rule per
chain.  ``tests/markdown/test_markdown_parser.py`` parses the CommonMark spec, the sample
and corpus articles with it and with markdown-it's own ruler and compares every token; a
markdown-it that compiles its chains otherwise fails there, not in a user's build.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown_it.ruler import Ruler
from markdown_it.rules_block import StateBlock

BlockRule = Callable[[StateBlock, int, int, bool], bool]


BLOCK_STARTS = {"math_block": "$", "fence": "`~", "blockquote": ">", "hr": "*-_",
                 "list": "*-+0123456789", "footnote_def": "[", "reference": "[",
                 "html_block": "<", "heading": "#"}
"""The characters at which each of these block rules can match: the first non-space
character of the line (``bMarks + tShift``), which each rule looks at before anything
costly and fails at when it is not one of these.  Other rules are tried at every line."""


class DispatchingRuler(Ruler[BlockRule]):
    """markdown-it's block ruler, whose chains (the rules tried at a new block, and the
    rules that may end a paragraph, a quote or a list) each come as one rule that tries only
    the rules that can match at the line's first character, in the chain's order.
    markdown-it tries all 14 at every line, and most of them on every line of a paragraph
    again as terminators: a tenth of a Chinese article's parse."""

    def getRules(self, chainName: str = "") -> list[BlockRule]:
        rules = super().getRules(chainName)  # compiles the chains when rules changed
        if self.__dict__.get("_compiled") is not self.__cache__:
            self.__dict__.update(_compiled=self.__cache__, _dispatchers={})
        made: dict[str, list[BlockRule]] = self.__dict__["_dispatchers"]
        if chainName not in made:
            names = {id(rule.fn): rule.name for rule in self.__rules__}
            made[chainName] = [_dispatcher(rules, [names[id(rule)] for rule in rules])]
        return made[chainName]


def _dispatcher(rules: list[BlockRule], names: list[str]) -> BlockRule:
    starts = [BLOCK_STARTS.get(name) for name in names]
    anywhere = [rule for rule, start in zip(rules, starts) if start is None]
    by_char = {char: [rule for rule, start in zip(rules, starts)
                      if start is None or char in start]
               for char in "".join(start for start in starts if start)}

    def dispatch(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        pos = state.bMarks[start_line] + state.tShift[start_line]
        candidates = by_char.get(state.src[pos], anywhere) \
            if pos < state.eMarks[start_line] else anywhere
        for rule in candidates:
            if rule(state, start_line, end_line, silent):
                return True
        return False

    return dispatch
