"""A page says how much of it is translated: a page with nothing translated is the original
(its ``lang`` is the source's) and says so in the reader's language; a page with some
passages left in the original says that; a fully translated page says neither."""

from __future__ import annotations

import pytest
from test_publish_support import Elements, rendered_pages

from pipeline.cli import main
from pipeline.publish.labels import _TEXTS, labels
from pipeline.publish.site import bcp47

SOURCE = "---\ntitle: 标题\ndate: 2024-12-04\n---\n\n# 标题\n\n第一段。\n\n第二段。\n"
ENGLISH = {"标题": "Title", "第一段。": "First paragraph.", "第二段。": "Second paragraph."}
HALF = {"标题": "Title", "第一段。": "First paragraph."}
KINDS = ("untranslated", "partial")


def notices(page: str) -> dict[str, dict[str, str]]:
    """The notices of a page by kind: their attributes."""
    return {attrs["class"].split()[1]: attrs for tag, attrs in Elements(page).tags
            if tag == "p" and attrs.get("class", "").startswith("notice ")}


def html_lang(page: str) -> str:
    return next(attrs["lang"] for tag, attrs in Elements(page).tags if tag == "html")


@pytest.mark.parametrize("catalogs", ["none", "empty"])
def test_a_page_with_nothing_translated_is_the_original_and_says_so(
        make_project, catalogs: str) -> None:
    root = make_project({"doc": SOURCE},
                        '[pipeline]\nsource_language = "zh"\nlanguages = ["ja"]\n')
    if catalogs == "empty":
        assert main(["--root", str(root), "update"]) == 0
    assert main(["--root", str(root), "build"]) == 0
    page = (root / "build/ja/doc.html").read_text(encoding="utf-8")
    assert '<html lang="zh" dir="ltr">' in page  # the text shown is the source's
    assert '<p class="notice untranslated" role="note" lang="ja">' \
           f'{labels("ja")["untranslated"]}</p>' in page
    assert "partial" not in notices(page)
    assert '<p class="date" lang="ja"><time datetime="2024-12-04">2024年12月4日</time>' in page
    # The Markdown output is the source, byte for byte, as before.
    assert (root / "build/ja/doc.md").read_text(encoding="utf-8") == SOURCE
    # The bilingual page shows the original beside itself anyway: no such notice there.
    bilingual = (root / "build/bilingual/zh-ja/doc.html").read_text(encoding="utf-8")
    assert not set(KINDS) & set(notices(bilingual))


@pytest.mark.parametrize("language", sorted({*_TEXTS, "sw", "pt_BR", "zh_TW"} - {"zh"}))
def test_the_notice_is_in_the_readers_language(language: str) -> None:
    page = rendered_pages(SOURCE, {language: {}})[language]
    words = labels(language)
    notice = notices(page)["untranslated"]
    assert notice["lang"] == bcp47(words.lang)  # sw gets English, marked as English
    assert f'lang="{notice["lang"]}">{words["untranslated"]}</p>' in page
    assert html_lang(page) == "zh"


def test_a_fully_translated_page_says_nothing_of_the_kind() -> None:
    page = rendered_pages(SOURCE, {"en": ENGLISH})["en"]
    assert html_lang(page) == "en"
    assert not set(KINDS) & set(notices(page))
    assert 'lang="zh"' not in page.split("<main>")[1]
    assert '<p class="date"><time' in page


def test_a_partly_translated_page_keeps_its_language_and_says_what_is_left() -> None:
    page = rendered_pages(SOURCE, {"en": HALF})["en"]
    assert html_lang(page) == "en"
    found = notices(page)
    assert "untranslated" not in found
    assert found["partial"]["lang"] == "en"
    assert f'lang="en">{labels("en")["partial"]}</p>' in page
    # The passage left in the original carries its own language.
    assert '<p lang="zh">第二段。</p>' in page
    assert "<p>First paragraph.</p>" in page


def test_the_source_page_has_no_such_notice() -> None:
    page = rendered_pages(SOURCE, {"en": {}})["zh"]
    assert html_lang(page) == "zh"
    assert not set(KINDS) & set(notices(page))


def test_a_document_with_nothing_to_translate_keeps_the_readers_language() -> None:
    page = rendered_pages("```\ncode\n```\n", {"ja": {}})["ja"]
    assert html_lang(page) == "ja"
    assert not notices(page)


def test_machine_drafts_count_as_translated() -> None:
    # A published draft is a translation, said to be one by its own notice.
    page = rendered_pages(SOURCE, {"de": ENGLISH}, machine=frozenset({"de"}))["de"]
    assert html_lang(page) == "de"
    assert sorted(notices(page)) == ["machine"]


def test_every_language_says_both() -> None:
    for language, texts in _TEXTS.items():
        assert all(texts[kind].strip() for kind in KINDS), language
    assert len({texts["untranslated"] for texts in _TEXTS.values()}) == len(_TEXTS)


def test_pages_of_each_state_side_by_side() -> None:
    pages = rendered_pages(SOURCE, {"en": ENGLISH, "ja": {}, "fr": HALF})
    assert {language: (html_lang(page), sorted(set(KINDS) & set(notices(page))))
            for language, page in pages.items()} == {
        "zh": ("zh", []), "en": ("en", []), "ja": ("zh", ["untranslated"]),
        "fr": ("fr", ["partial"])}
