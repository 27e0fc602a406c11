"""The pseudo engine: CJK runs become accented Latin pseudo-words for a target written in
an alphabet (kept for a CJK target), tokens pass exactly, the reply path accepts every
reply, and the same text always gives the same reply."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLE
from pipeline.core.scripts import cjk_runs, is_cjk_letter, is_full_width, usual_length
from pipeline.markdown.parser import env_of
from pipeline.markdown.segmenter import segment_document
from pipeline.mt.engines import open_engine
from pipeline.mt.protect import TOKEN, has_words, protect_spans
from pipeline.mt.pseudo_engine import cache_name, pseudo_translate, pseudo_words
from pipeline.mt.reply_checks import accepted_reply
from pipeline.mt.settings import EngineSettings

LATIN = ["en", "de", "vi", "pt_BR"]
DENSE = ["ja", "zh_Hant", "ko"]


def _protected_sample() -> list[str]:
    document = segment_document(SAMPLE.read_text(encoding="utf-8"), "aigc-intro.md")
    env = env_of(document.definitions)
    texts = [protect_spans(s.msgid.strip(), env, markdown=not s.style.startswith("yaml"))
             for s in document.segments]
    return list(dict.fromkeys(p.text for p in texts if has_words(p)))


SAMPLE_TEXTS = _protected_sample()


def _outside_tokens(text: str) -> str:
    return TOKEN.sub(" ", text)


def test_a_chinese_text_becomes_latin_pseudo_words() -> None:
    reply = pseudo_translate("生成式AI使用[0]的模型。", "en")
    assert reply.startswith("⟦") and reply.endswith("⟧")
    assert not cjk_runs(reply) and "ÅÎ" in reply and "[0]" in reply
    words = TOKEN.sub(" ", reply).strip("⟦⟧·。").split()
    assert words[0][0].isupper() and all(word.isalpha() for word in words)


@pytest.mark.parametrize("language", LATIN + ["ru"])
def test_no_cjk_letter_is_left_for_an_alphabet(language: str) -> None:
    for text in SAMPLE_TEXTS:
        assert not any(is_cjk_letter(c) for c in pseudo_translate(text, language)), text


@pytest.mark.parametrize("language", DENSE)
def test_a_cjk_target_keeps_the_sources_characters(language: str) -> None:
    text = "**生成式人工智能**（[0]）是当下最火热的赛道。"
    reply = pseudo_translate(text, language)
    assert reply.startswith("⟦" + text[:-1]) and reply != text
    assert cjk_runs(reply) == cjk_runs(text)


@pytest.mark.parametrize("language", LATIN + DENSE)
def test_every_token_is_kept_exactly_in_place(language: str) -> None:
    for text in SAMPLE_TEXTS + ["[0][1]你好[2]", "见[0]原文[1]和[2]【注】[10]"]:
        # Each token exactly as written (findall would give its number only).
        assert [m.group() for m in TOKEN.finditer(pseudo_translate(text, language))] == \
            [m.group() for m in TOKEN.finditer(text)]


@pytest.mark.parametrize("language", LATIN + DENSE + ["ru"])
def test_the_reply_path_accepts_every_pseudo_reply_of_the_sample(language: str) -> None:
    for text in SAMPLE_TEXTS:
        reply = accepted_reply(text, pseudo_translate(text, language), language)
        assert reply.startswith("⟦") and reply.endswith("⟧")
        if language in LATIN:
            assert not [c for c in _outside_tokens(reply) if is_full_width(c)], reply


@pytest.mark.parametrize("text, marks", [
    ("见【注】和～", ("(", ")", "–")), ("见［注］", ("(", ")")), ("２０００个", ("2000",)),
    ("＊重要＊", ("·",)),
], ids=["lenticular-brackets", "full-width-square-brackets", "full-width-digits",
        "full-width-asterisk"])
def test_marks_the_reply_path_leaves_alone_are_not_full_width(text: str,
                                                               marks: tuple[str, ...]) -> None:
    reply = accepted_reply(text, pseudo_translate(text, "en"), "en")
    assert all(mark in reply for mark in marks) and not [c for c in reply if is_full_width(c)]
    assert not set("[]*~") & set(reply)  # no Markdown of the reply's own


def test_full_width_punctuation_is_the_reply_paths_and_spaced_the_latin_way() -> None:
    text = "模型，数据。结果：（好）"
    reply = accepted_reply(text, pseudo_translate(text, "en"), "en")
    assert ", " in reply and ". " in reply and ": (" in reply and ")" in reply
    assert pseudo_translate(text, "ja").startswith("⟦模型，数据。结果：（好）")


def test_words_are_spaced_from_latin_words_numbers_and_tokens_not_from_markup() -> None:
    body = pseudo_translate("用GPT的[0]有2,000个**重点**和", "en").strip("⟦⟧·")
    assert " GPT " in body and " [0] " in body and " 2,000 " in body
    assert "**" in body and " **" not in body and "** " not in body


def test_each_sentence_starts_with_a_capital() -> None:
    body = pseudo_translate("你好。世界！**注意**：这个", "en").strip("⟦⟧·")
    sentences = [part.strip(" *") for part in body.replace("！", "。").split("。")]
    assert [s[0].isupper() for s in sentences] == [True, True, True]
    assert body.split("：")[1].strip()[0].islower()


@pytest.mark.parametrize("size", range(1, 60))
def test_pseudo_words_are_as_long_as_asked(size: int) -> None:
    words = pseudo_words("生成式人工智能", size)
    assert len(words) == size
    assert words.replace(" ", "").isalpha() and "  " not in words
    assert size < 3 or min(map(len, words.split())) >= 3


def test_length_is_about_a_translations() -> None:
    for text in SAMPLE_TEXTS:
        source = _outside_tokens(text)
        if len(cjk_runs(source)) < 3:
            continue
        reply = _outside_tokens(pseudo_translate(text, "en")).strip("⟦⟧")
        ratio = len(reply) / usual_length(source, "en")
        assert 1.0 <= ratio <= 1.6, (ratio, text)  # the usual length, and the usual third


def test_latin_letters_still_become_accented_look_alikes() -> None:
    assert pseudo_translate("Use [0] now, [1]", "en") == "⟦Üšé [0] ñõw, [1]···⟧"


def test_the_same_text_gives_the_same_reply_in_any_process() -> None:
    code = ("import sys; from pipeline.mt.pseudo_engine import pseudo_translate; "
            "print(pseudo_translate(sys.argv[1], 'en'))")
    text = SAMPLE_TEXTS[10]
    replies = {subprocess.run([sys.executable, "-c", code, text], capture_output=True,
                              text=True, encoding="utf-8", cwd=ROOT, check=True,
                              env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout.strip()
               for seed in ("1", "2", "3")}
    assert replies == {pseudo_translate(text, "en")}
    assert pseudo_translate("你好", "en") != pseudo_translate("世界", "en")


def test_the_engine_translates_for_its_target_language() -> None:
    settings = EngineSettings(name="pseudo")
    english = open_engine(settings, "zh", "en").translate(["你好[0]"], "")
    japanese = open_engine(settings, "zh", "ja").translate(["你好[0]"], "")
    assert not cjk_runs(english[0]) and cjk_runs(japanese[0]) == ["你好"]
    assert cache_name(settings) != "pseudo"  # replies of the old engine kept the Chinese
