"""``block_kinds`` answers one-line texts without parsing: it must agree with a parse."""

from __future__ import annotations

import random
import string
from collections import Counter

import pytest

from pipeline.checks.inline_facts import BLOCK_NAMES, block_kinds
from pipeline.markdown.parser import parse_blocks

ALPHABET = string.printable.replace("\n", "") + "中文，。 \u3000\u00a0^[]"


def parsed_kinds(text: str) -> Counter[str]:
    tokens, env = parse_blocks(text)
    kinds = Counter(BLOCK_NAMES[t.type] for t in tokens if t.type in BLOCK_NAMES)
    kinds["reference definition"] += len(env.get("references", {}))
    return +kinds


@pytest.mark.parametrize("seed", range(4))
def test_shortcut_agrees_with_the_parser(seed: int) -> None:
    rng = random.Random(seed)
    texts = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 10)))
             for _ in range(2000)]
    texts += ["- 列表", "# 标题", "1. 一", "> 引", "    code", "[a]: /u", "普通的一句话。"]
    assert [block_kinds(t) for t in texts] == [parsed_kinds(t) for t in texts]
