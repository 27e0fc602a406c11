"""A message names each missing or added thing once, with how often: an entry that lost
the same code span three times says so in one item, not three."""

from __future__ import annotations

import polib
import pytest

from pipeline.checks import CheckContext, check_entry

CHATGPT = ("在对`ChatGPT`的能力印象深刻的同时，很多人都在想`ChatGPT`的局限性：其他变体能否帮助"
           "`ChatGPT`统一所有的任务？")
"""A paragraph of the sample's kind, with one code span three times."""


def _messages(msgid: str, msgstr: str) -> list[str]:
    entry = polib.POEntry(msgid=msgid, msgstr=msgstr, comment="paragraph")
    return [f"{p.check}: {p.message}" for p in check_entry(entry, CheckContext(language="en"))
            if p.check in ("code-spans", "links", "script-leak")]


@pytest.mark.parametrize("msgid, msgstr, expected", [
    (CHATGPT, "Impressed by what ChatGPT can do, many wonder about the limits of ChatGPT: "
              "could other variants help ChatGPT unify every task?",
     ["code-spans: code span `ChatGPT` missing (3 times)"]),
    (CHATGPT, "Impressed by what `ChatGPT` can do, many wonder about the limits of ChatGPT: "
              "could other variants help ChatGPT unify every task?",
     ["code-spans: code span `ChatGPT` missing (2 of 3)"]),
    (CHATGPT, "Impressed by what `ChatGPT` can do, many wonder about the limits of `ChatGPT`: "
              "could other variants help ChatGPT unify every task?",
     ["code-spans: code span `ChatGPT` missing (1 of 3)"]),
    ("用`GPT`和`GPT`", "with GPT and GPT", ["code-spans: code span `GPT` missing (twice)"]),
    ("用`GPT`", "with `GPT`, `GPT` and `GPT`", ["code-spans: code span `GPT` added (twice)"]),
    ("用`GPT`和`GAN`和`GPT`", "with `GPT-4`, GAN, `GPT-4` and GPT",
     ["code-spans: code span `GPT` missing (twice); code span `GAN` missing; "
      "code span `GPT-4` added (twice)"]),
], ids=["all-three-lost", "two-of-three-lost", "one-of-three-lost", "twice", "added-twice",
        "several-things"])
def test_code_spans_are_counted(msgid: str, msgstr: str, expected: list[str]) -> None:
    assert _messages(msgid, msgstr) == expected


def test_links_are_counted() -> None:
    msgid = "见[官网](https://a.example)、[官网](https://a.example)和[论文](https://b.example)。"
    assert _messages(msgid, "See the site, the site and the paper.") == [
        "links: link https://a.example missing (twice); link https://b.example missing"]
    assert _messages(msgid, "See [it](https://c.example), [it](https://c.example), "
                            "[it](https://c.example) and [the paper](https://b.example).") == [
        "links: link https://a.example missing (twice); link https://c.example added "
        "(3 times)"]


def test_chinese_left_names_each_run_once() -> None:
    assert _messages("图片和图片和图表", "图片 and 图片 and 图表") == [
        "script-leak: Chinese text left: 图片 (twice), 图表"]
    many = "，".join("甲乙丙丁戊己庚辛"[i] * 2 for i in range(8))
    assert _messages(many, many.replace("，", ", ")) == [
        "script-leak: Chinese text left: 甲甲, 乙乙, 丙丙, 丁丁, 戊戊 and 3 more"]
