"""Full-width punctuation in replies for targets that do not use it."""

from __future__ import annotations

import pytest

from pipeline.mt.punctuation import normalize_punctuation, strip_added_punctuation

NORMALIZED = [  # (reply, English form)
    ("Hello，world。", "Hello, world."),
    ("It is（a test）ok", "It is (a test) ok"),
    ("Ratio：1，000 and 50％", "Ratio: 1,000 and 50%"),
    ("A、B；C！D？", "A, B; C! D?"),
    ("He said“hi”and left", "He said “hi” and left"),
    ("the book《Title》is", "the book “Title” is"),
    ("**Note：it is。**", "**Note: it is.**"),
    ("See。**Bold** text", "See. **Bold** text"),
    ("x，[0] and [1]。", "x, [0] and [1]."),
    ("line one。\nline two", "line one.\nline two"),
    ("【CVHub】 stays", "【CVHub】 stays"),
    ("don’t change apostrophes", "don’t change apostrophes"),
]


@pytest.mark.parametrize("reply, expected", NORMALIZED)
def test_normalize_for_latin_targets(reply: str, expected: str) -> None:
    assert normalize_punctuation(reply, "en") == expected
    assert normalize_punctuation(reply, "ru") == expected


@pytest.mark.parametrize("language", ["ja", "zh_Hant", "zh"])
def test_full_width_targets_keep_their_punctuation(language: str) -> None:
    assert normalize_punctuation("こんにちは，世界。", language) == "こんにちは，世界。"


@pytest.mark.parametrize("source, reply, expected", [
    ("生成式人工智能", "Generative AI。", "Generative AI"),
    ("标题", "Title！？", "Title"),
    ("这是句子。", "This is a sentence。", "This is a sentence。"),  # normalized later
    ("这是句子。", "This is a sentence.。", "This is a sentence."),
    ("没有句号", "No full stop", "No full stop"),
])
def test_strip_added_punctuation(source: str, reply: str, expected: str) -> None:
    assert strip_added_punctuation(source, reply, "en") == expected


def test_strip_keeps_full_width_targets() -> None:
    assert strip_added_punctuation("标题", "タイトル。", "ja") == "タイトル。"
