"""Joining a block's lines the CJK way keeps its inline markup: which words each emphasis
covers, not only how many emphases there are.  Where a join is in doubt, the segmenter
replays markdown-it's emphasis pairing (pipeline.markdown.emphasis_pairing) or, when the join could
make other syntax, parses the joined text; both must decide alike."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import SAMPLE, corpus_articles, spec_examples
from pipeline.markdown import line_joins, segmenter
from pipeline.markdown.parser import env_of, parse_inline
from pipeline.markdown.segmenter import segment_document


@pytest.mark.parametrize(("source", "msgid"), [
    # The sample's style: code spans and bold text on lines of their own.
    ("随着\n`ChatGPT`\n的病毒式传播\n", "随着`ChatGPT`的病毒式传播"),
    ("结果\n**底层技术**：说明\n", "结果**底层技术**：说明"),
    # Joined, ** after 具 and before ` could no longer open: the bold would be lost.
    ("使用工具\n**`GAN`** 生成\n", "使用工具 **`GAN`** 生成"),
    # Joined, the second * could close the literal first one: "中文" would be emphasized
    # and "强调" not.  A space keeps the emphasis where it was.
    ("*中文\n*强调*\n", "*中文 *强调*"),
    ("*注：见下\n*重点*内容\n", "*注：见下 *重点*内容"),
    # Found in the benchmark's corpus: joined, the ** before 伦理 would close the one after
    # `ChatGPT` and "、数据" would be bold instead of "伦理问题".
    ("工具**`ChatGPT`**、数据\n**伦理问题**\n！\n", "工具**`ChatGPT`**、数据 **伦理问题**！"),
    # A reference label over three lines: joined, "中文字" would not match "中 文 字".
    ("见[中\n文\n字]。\n\n[中 文 字]: https://example.com\n", "见[中 文 字]。"),
    # The link text of a full reference is no label: it joins.
    ("见[中\n文\n字][1]。\n\n[1]: https://example.com\n", "见[中文字][1]。"),
    # An escaped bracket does not close the label.
    ("见[中\\]\n文\n字]。\n\n[中\\] 文 字]: https://example.com\n", "见[中\\] 文 字]。"),
    # "(中\n文)" is no link destination; joined, it would make a link.
    ("见[链接](中\n文)。\n", "见[链接](中 文)。"),
    ("见[链接](中*\n文)。\n", "见[链接](中* 文)。"),
    ("见<ab:中\n文\n字>。\n", "见<ab:中文 字>。"),  # one space is enough
    # A run at the end of a link text or an alt text: markdown-it sees whitespace after it
    # there, not the bracket.
    ("见[`a]` 的 *用法。\n**](u)\n", "见[`a]` 的 *用法。 **](u)"),
    ("![\\] *中 文。\n**](i)\n", "![\\] *中 文。 **](i)"),
])
def test_joined_lines_keep_what_each_emphasis_covers(source: str, msgid: str) -> None:
    document = segment_document(source, "d.md")
    segment = document.segments[0]
    assert segment.msgid == msgid
    env = env_of(document.definitions)
    paragraph = source.split("\n\n")[0]
    assert _markup(parse_inline(msgid, env)) == _markup(parse_inline(paragraph, env))


def test_replayed_pairing_decides_as_parsing_does(monkeypatch: pytest.MonkeyPatch) -> None:
    blocks: list[tuple[list[Any], dict[str, Any], str]] = []
    replayed = []
    join_lines, emphasis_test = line_joins.join_lines, line_joins._emphasis_test

    def recording_join(content: str, children: list[Any], env: dict[str, Any]) -> str:
        msgid = join_lines(content, children, env)
        blocks.append((children, env, msgid))
        return msgid

    def recording_test(*args: Any) -> Any:
        test = emphasis_test(*args)
        replayed.append(test is not None)
        return test

    monkeypatch.setattr(segmenter, "join_lines", recording_join)
    monkeypatch.setattr(line_joins, "_emphasis_test", recording_test)
    texts = list(_texts())
    with_replay = [[s.msgid for s in segment_document(t, "d.md").segments] for t in texts]
    assert sum(replayed) > 200
    for children, env, msgid in blocks:
        assert _markup(parse_inline(msgid, env)) == _markup(children), msgid
    monkeypatch.setattr(line_joins, "_emphasis_test", lambda *args: None)
    by_parsing = [[s.msgid for s in segment_document(t, "d.md").segments] for t in texts]
    assert with_replay == by_parsing


def _texts() -> Iterator[str]:
    rng = random.Random(3)
    atoms = ["中文", "字", "a", "word", "**", "*", "_", "__", "~~", "~", "~~~", "***", "`c`",
             "，", "。", "：", "“", "”", "！", " ", "[链接](u)", "(", ")", "\\*", "![图*x*](i)",
             "<b>", "&amp;", "——", "1", "*强调*", "**粗体**", "_x_", "^[", "]", "\\]",
             "`a]`", "](", "](u)"]
    for _ in range(3000):
        lines = ["".join(rng.choice(atoms) for _ in range(rng.randint(1, 6)))
                 for _ in range(rng.randint(2, 6))]
        prefix = rng.choice(["", "> ", "- "])
        yield prefix + ("\n" + prefix.replace("-", " ")).join(lines) + "\n"
    yield from (example["markdown"] for example in spec_examples())
    yield SAMPLE.read_text(encoding="utf-8")
    yield from corpus_articles(5)


def _markup(tokens: list[Any]) -> list[tuple[str, str]]:
    """Markup tokens and, between them, the words without whitespace (joining lines
    changes whitespace only): written here again, apart from the segmenter's own
    comparison, so that the test does not take the code's word for it."""
    out, words = [], ""
    for token in line_joins.walk_inline(tokens):
        if token.type in ("text", "softbreak"):
            words += "".join(token.content.split())
            continue
        out += [("text", words), (token.type, token.content if token.type == "code_inline"
                                  else str(token.attrs.get("href", "")))]
        words = ""
    return out + [("text", words)]


def test_the_recorded_pairing_is_the_replay_of_the_lines_as_they_are() -> None:
    """The replay compares a join's pairing with the one markdown-it made (kept in the
    snapshot): replayed with the runs' powers unchanged, it must give that very pairing."""
    from pipeline.markdown.emphasis_pairing import _pairs
    from pipeline.markdown.parser import DELIMITERS, parse_blocks, walk_inline

    documents = [example["markdown"] for example in spec_examples()]
    documents += [SAMPLE.read_text(encoding="utf-8"), *corpus_articles(30)]
    snapshots = {token.meta[DELIMITERS][0]
                 for text in documents for block in parse_blocks(text, delimiters=True)[0]
                 for token in walk_inline(block.children or []) if DELIMITERS in token.meta}
    assert len(snapshots) > 100
    assert all(snapshot.ends and _pairs(snapshot, {}) == snapshot.ends
               for snapshot in snapshots)
