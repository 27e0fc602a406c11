"""Which replies are accepted, and why the others are not."""

from __future__ import annotations

import pytest

from pipeline.mt.engine_errors import Rejected
from pipeline.mt.reply_checks import accepted_reply

LONG = "随着[0]的病毒式传播，生成式人工智能因其分析和创造文本图像视频以及其他方面的出众能力而成为热点"

ACCEPTED = [  # (source, reply, accepted form)
    ("你好[0]世界", "Hello [0] world", "Hello [0] world"),
    ("你好[0]世界[1]", "Hello [ 0 ] world ［1］", "Hello [ 0 ] world ［1］"),
    ("标题", "Title。", "Title"),
    ("你好，世界。", "Hello，world。", "Hello, world."),
    ("Aigc", "Aigc", "Aigc"),  # Latin source: unchanged is a fine answer
    ("[0]", "[0]", "[0]"),
    ("IBM和NASA的合作项目非常成功", "IBM AND NASA COOPERATION WAS A SUCCESS",
     "IBM AND NASA COOPERATION WAS A SUCCESS"),  # capitals in the source: allowed
    ("a<b", "a<b", "a<b"),
    ("见[0]官网[1]", "See the [0]website[1] (official)", "See the [0]website[1] (official)"),
    ("元数据：说明", "Metadata: a note", "Metadata: a note"),
    ("数据：结果", "Data: the results", "Data: the results"),
    ("JavaScript：一门语言", "JavaScript: a language", "JavaScript: a language"),
    (LONG, "With the viral spread of [0], generative artificial intelligence has become a hot "
     "topic for its outstanding ability to analyse and create texts, images, videos and "
     "much more besides, in many fields at once.", None),  # 3.6 times the source: fine
]


@pytest.mark.parametrize("source, reply, expected", ACCEPTED)
def test_accepted(source: str, reply: str, expected: str | None) -> None:
    assert accepted_reply(source, reply, "en") == (reply if expected is None else expected)


REJECTED = [  # (id, source, reply, reason)
    ("empty", "你好", "", "empty reply"),
    ("blank", "你好", "  \n", "empty reply"),
    ("only tokens", "你好[0]", "[0]", "empty reply"),
    ("script", "你好[0]", "Hello [0]<script>alert(1)</script>", "HTML not in the source"),
    ("new tag", "你好[0]", "<b>Hello</b> [0]", "HTML not in the source"),
    ("appended", "你好", "Hello " + "and so on " * 30, "far longer than its source"),
    ("javascript link", "你好[0]", "Hello [0] [more](javascript:alert(1))", "link not in the"),
    ("https link", "你好", "Hello [here](https://evil.example)", "link not in the source"),
    ("data image", "图", "![x](data:image/png;base64,AAAA)", "link not in the source"),
    ("autolink", "你好", "Hello <javascript:alert(1)>", "not in the source"),
    ("reference definition", "你好", "Hello\n[x]: https://evil.example", "link not in the"),
    ("bare script target", "你好[0]", "Hello [0](javascript:alert(1))", "link not in the"),
    ("dropped token", "你好[0]世界[1]", "Hello world [1]", "missing [0]"),
    ("duplicated token", "你好[0]", "Hello [0] [0]", "repeated [0]"),
    ("unchanged", "你好世界", "你好世界", "unchanged"),
    ("upper case", LONG, "WITH THE VIRAL SPREAD OF [0], GENERATIVE AI HAS BECOME HOT",
     "upper case"),
    ("truncated", LONG, "With [0]", "truncated"),
]


@pytest.mark.parametrize("source, reply, reason", [case[1:] for case in REJECTED],
                         ids=[case[0] for case in REJECTED])
def test_rejected(source: str, reply: str, reason: str) -> None:
    with pytest.raises(Rejected) as caught:
        accepted_reply(source, reply, "en")
    assert reason in caught.value.message


def test_japanese_keeps_full_width() -> None:
    assert accepted_reply("你好，世界。", "こんにちは，世界。", "ja") == "こんにちは，世界。"
