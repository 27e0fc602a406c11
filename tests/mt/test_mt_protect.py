"""Protection tokens: what becomes a token, and restoring tolerantly but strictly."""

from __future__ import annotations

import pytest

from conftest import spec_example_id, spec_examples
from pipeline.mt.engine_errors import Rejected
from pipeline.mt.protect import Protected, Terms, has_words, protect_spans, restore_spans

TERMS = Terms(keep=("AIGC", "GAN", "ChatGPT"), forced=(("生成式人工智能", "generative AI"),))

CASES = [  # (id, msgid, protected text, spans)
    ("code", "随着`ChatGPT`的传播", "随着[0]的传播", ("`ChatGPT`",)),
    ("link", "见[官方网站](https://a.b/c_d \"标题\")。", "见[0]官方网站[1]。",
     ("[", '](https://a.b/c_d "标题")')),
    ("image", "![示意图](a.png)", "[0]示意图[1]", ("![", "](a.png)")),
    ("image without alt", "图：![](a.png)", "图：[0]", ("![](a.png)",)),
    ("link around code only", "[`x`](u)", "[0][1][2]", ("[", "`x`", "](u)")),
    ("html", "按<kbd>Ctrl</kbd>键", "按[0]Ctrl[1]键", ("<kbd>", "</kbd>")),
    ("autolink", "访问<https://x.y>吧", "访问[0]吧", ("<https://x.y>",)),
    ("bare url", "地址：https://arxiv.org/pdf/2303.11717.pdf。", "地址：[0]。",
     ("https://arxiv.org/pdf/2303.11717.pdf",)),
    ("url with escape", "见 https://en.wikipedia.org/wiki/A\\_b 吧", "见 [0] 吧",
     ("https://en.wikipedia.org/wiki/A\\_b",)),
    ("url in parentheses", "(https://a.b/c_(d))", "([0])", ("https://a.b/c_(d)",)),
    ("citations", "本文[1]和【2】与［3］", "本文[0]和[1]与[2]", ("[1]", "【2】", "［3］")),
    ("footnote ref without definition", "正文[^note]", "正文[0]", ("[^note]",)),
    ("math", "公式$E=mc^2$成立", "公式[0]成立", ("$E=mc^2$",)),
    ("entity and escape", "A&amp;B \\*不是强调\\*", "A[0]B [1]不是强调[2]",
     ("&amp;", "\\*", "\\*")),
    ("hard break keeps its spaces", "第一行  \n第二行", "第一行[0]第二行", ("  \n",)),
    ("keep terms, whole words", "AIGC和GANs与GAN", "[0]和GANs与[1]", ("AIGC", "GAN")),
    ("forced term", "生成式人工智能很火", "[0]很火", ("generative AI",)),
    ("emphasis stays", "**重要**的事", "**重要**的事", ()),
]


@pytest.mark.parametrize("msgid, text, spans", [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_protect_spans(msgid: str, text: str, spans: tuple[str, ...]) -> None:
    protected = protect_spans(msgid, {}, TERMS)
    assert (protected.text, protected.spans) == (text, spans)


def test_reference_links_use_the_document_definitions() -> None:
    env = {"references": {"REF": {"href": "https://x.y", "title": ""}}}
    assert protect_spans("见[文档][ref]", env).text == "见[0]文档[1]"
    # Without its definition the same text is not a link: markdown-it would print it as is.
    assert protect_spans("见[文档][ref]", {}).text == "见[文档][ref]"


def test_front_matter_values_are_plain_text() -> None:
    protected = protect_spans("标题`不是代码` https://a.b", markdown=False)
    assert protected.text == "标题`不是代码` [0]"


@pytest.mark.parametrize("reply", ["Hello [0] world [1]", "Hello [ 0 ] world ［1］",
                                   "Hello 【0】 world [ 1]", "[1] world, hello [0]"])
def test_restore_is_tolerant(reply: str) -> None:
    protected = Protected("你好[0]世界[1]", ("`a`", "`b`"))
    restored = restore_spans(reply, protected)
    assert "`a`" in restored and "`b`" in restored and "[" not in restored


@pytest.mark.parametrize("reply, reason", [
    ("Hello world [1]", "missing [0]"),
    ("Hello [0] [0] world [1]", "repeated [0]"),
    ("Hello [0] world [1] [2]", "unknown [2]"),
])
def test_restore_requires_exactly_our_tokens(reply: str, reason: str) -> None:
    with pytest.raises(Rejected, match=reason.replace("[", r"\[").replace("]", r"\]")):
        restore_spans(reply, Protected("你好[0]世界[1]", ("`a`", "`b`")))


def test_has_words() -> None:
    assert has_words(protect_spans("代码`x`"))
    assert not has_words(protect_spans("`x`：`y`"))


@pytest.mark.parametrize("example", spec_examples(), ids=spec_example_id)
def test_identity_on_commonmark_examples(example: dict) -> None:
    """Restoring the protected text itself gives the input back, for every spec example."""
    markdown = example["markdown"]
    protected = protect_spans(markdown, {}, TERMS)
    assert restore_spans(protected.text, protected) == markdown.replace(
        "生成式人工智能", "generative AI")
