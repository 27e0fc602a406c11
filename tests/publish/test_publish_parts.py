"""The small pieces of publishing, each on a table of cases: anchors, direction, dates,
language links, cell numbers, placement, marking, labels."""

from __future__ import annotations

import datetime
import posixpath

import polib
import pytest

from pipeline.core.entry_state import EntryState
from pipeline.markdown.parser import parse_blocks
from pipeline.markdown.segmenter import segment_document
from pipeline.publish.anchors import heading_ids, set_heading_ids, slugify
from pipeline.publish.labels import labels
from pipeline.publish.marking import _cell_number, machine_lang
from pipeline.publish.page import cover_image, language_links, page_date, text_direction
from pipeline.publish.placement import entries_by_key, place_segments
from pipeline.publish.render import render_tokens
from pipeline.publish.site import Site, link


@pytest.mark.parametrize("heading,slug", [
    ("0. 导读", "0-导读"),
    ("2.2 为什么会如此受欢迎？", "22-为什么会如此受欢迎"),
    ("【CVHub】《万字长文带你解读AIGC》系列之入门篇", "cvhub万字长文带你解读aigc系列之入门篇"),
    ("Hello, World!", "hello-world"),
    ("x_y and z-w", "x_y-and-z-w"),
    ("???", "section"),
])
def test_slugify(heading: str, slug: str) -> None:
    assert slugify(heading) == slug


def test_heading_ids_are_unique_and_ignore_markup() -> None:
    tokens = parse_blocks("# 标题\n\n## 标题\n\n### **粗** `code`\n")[0]
    assert heading_ids(tokens) == ["标题", "标题-1", "粗-code"]


def test_localized_headings_get_their_own_ids_and_keep_the_source_ids() -> None:
    tokens = parse_blocks("# Title\n\n## 小节\n\n## Extra\n")[0]
    set_heading_ids(tokens, ["标题", "小节"], self_links=False)
    assert [t.attrGet("id") for t in tokens if t.type == "heading_open"] == \
        ["title", "小节", "extra"]
    assert render_tokens(tokens, {}) == ('<h1 id="title"><span id="标题"></span>Title</h1>\n'
                                         '<h2 id="小节">小节</h2>\n<h2 id="extra">Extra</h2>\n')


@pytest.mark.parametrize("language,direction", [
    ("ar", "rtl"), ("he", "rtl"), ("fa", "rtl"), ("ur", "rtl"),
    ("en", "ltr"), ("ja", "ltr"), ("zh", "ltr"), ("zh_Hant", "ltr"), ("pt_BR", "ltr"),
])
def test_text_direction(language: str, direction: str) -> None:
    assert text_direction(language) == direction


@pytest.mark.parametrize("value,language,expected", [
    (datetime.datetime(2024, 12, 4, 10, 31, 13), "en", ("2024-12-04", "December 4, 2024")),
    (datetime.date(2024, 12, 4), "ja", ("2024-12-04", "2024年12月4日")),
    ("2024-12-04 10:31:13 +08:00", "zh", ("2024-12-04", "2024年12月4日")),
    ("2024-12-04", "de", ("2024-12-04", "4. Dezember 2024")),
    ("soon", "en", None),
    (None, "en", None),
])
def test_page_date_in_the_readers_words(value, language: str, expected) -> None:
    assert page_date(value, language) == expected


def test_language_switcher_names_each_language_in_itself() -> None:
    site = Site("zh", ("en", "ja", "pt_BR"))
    links = language_links(site, "sub/doc", "ja/sub/doc.html", "ja")
    assert [(l.name, l.hreflang, l.href, l.current) for l in links] == [
        ("中文", "zh", "../../zh/sub/doc.html", False),
        ("English", "en", "../../en/sub/doc.html", False),
        ("日本語", "ja", "doc.html", True),
        ("Português (Brasil)", "pt-BR", "../../pt_BR/sub/doc.html", False),
    ]


@pytest.mark.parametrize("origin,target,href", [
    ("en/doc.html", "zh/doc.html", "../zh/doc.html"),
    ("bilingual/zh-en/a/b.html", "index.html", "../../../index.html"),
    ("index.html", "en/doc.html", "en/doc.html"),
])
def test_relative_links(origin: str, target: str, href: str) -> None:
    assert link(origin, target) == href


@pytest.mark.parametrize("image,expected", [
    ({"path": "https://example.com/a.png", "alt": "A"}, {"src": "https://example.com/a.png",
                                                         "alt": "A"}),
    ("img/a.png", {"src": "img/a.png", "alt": ""}),
    ({"path": "javascript:alert(1)", "alt": "x"}, None),
    ({"path": " data:image/png;base64,AAAA"}, None),
    ({"alt": "no path"}, None),
])
def test_cover_image_only_with_a_safe_url(image, expected) -> None:
    assert cover_image({"image": image}) == expected


@pytest.mark.parametrize("before,number", [
    ("| ", 0), ("| a | ", 1), ("a | ", 1), ("", 0), ("> | a | b | ", 2),
    ("| a \\| b | ", 1), ("| a \\\\| ", 1),
])
def test_cell_number(before: str, number: int) -> None:
    assert _cell_number(before) == number


def test_machine_lang_is_a_private_use_tag() -> None:
    assert machine_lang("pt_BR", "zh") == "pt-BR-x-mtfrom-zh"


@pytest.mark.parametrize("language,used", [
    ("ja", "ja"), ("zh", "zh"), ("zh_CN", "zh"), ("zh_Hans_SG", "zh"), ("zh_Hant", "zh_Hant"),
    ("zh_TW", "zh_Hant"), ("zh_Hant_HK", "zh_Hant"), ("pt_BR", "pt"), ("fr", "fr"),
    ("sw", "en"), ("tlh", "en"),
])
def test_labels_fall_back_to_the_base_language_then_english(language: str, used: str) -> None:
    assert labels(language).lang == used


def test_every_language_has_every_label() -> None:
    from pipeline.publish.labels import _TEXTS

    for language, texts in _TEXTS.items():
        assert texts.keys() == _TEXTS["en"].keys(), language
        assert all(text.strip() for text in texts.values()), language


def _catalog(*entries: polib.POEntry) -> dict:
    catalog = polib.POFile()
    for entry in entries:
        catalog.append(entry)
    return entries_by_key(catalog)


def test_placement_tells_translated_fallback_and_draft_apart() -> None:
    document = segment_document("甲。\n\n乙。\n\n丙。\n", "doc.md")
    draft = polib.POEntry(msgid="乙。", msgstr="B.", flags=["fuzzy"],
                          tcomment="machine translation: test 2026-01-01")
    entries = _catalog(polib.POEntry(msgid="甲。", msgstr="A."), draft,
                       polib.POEntry(msgid="丙。", msgstr="C."))
    # 丙 was held back (as a failing check would): the text keeps the source
    placed = place_segments(document, "A.\n\nB.\n\n丙。\n", entries)
    assert placed is not None
    assert [(p.start, p.end, p.translated, p.machine_draft, p.state) for p in placed] == [
        (0, 2, True, False, EntryState.TRANSLATED),
        (4, 6, True, True, EntryState.MACHINE_DRAFT),
        (8, 10, False, False, EntryState.TRANSLATED),
    ]


@pytest.mark.parametrize("text", ["A.\n\nB?\n", "A.\n\nB.\n\nextra\n", "A.\nB.\n"])
def test_placement_refuses_a_text_that_is_not_the_document(text: str) -> None:
    document = segment_document("甲。\n\n乙。\n", "doc.md")
    entries = _catalog(polib.POEntry(msgid="甲。", msgstr="A."),
                       polib.POEntry(msgid="乙。", msgstr="B."))
    assert place_segments(document, text, entries) is None


@pytest.mark.parametrize("markdown,html", [
    ("<!-- i18n: note 说明 -->\n\n段落。\n", "<p>段落。</p>\n"),
    ("段落<!-- 注释 -->。\n", "<p>段落。</p>\n"),
    ("<div>\n块\n</div>\n", "<p>&lt;div&gt;\n块\n&lt;/div&gt;</p>\n"),
    ("本文来源“\n**CVHub**\n”公众号\n", "<p>本文来源“<strong>CVHub</strong>”公众号</p>\n"),
    ("随着\n`ChatGPT`\n的传播\n", "<p>随着<code>ChatGPT</code>的传播</p>\n"),
    ("two\nlines\n", "<p>two\nlines</p>\n"),
])
def test_rendering_escapes_raw_html_and_joins_cjk_lines(markdown: str, html: str) -> None:
    tokens, env = parse_blocks(markdown)
    assert render_tokens(tokens, env) == html


@pytest.mark.parametrize("origin", ["index.html", "zh/doc.html", "en/a/b/doc.html",
                                    "bilingual/zh-en/a/doc.html"])
@pytest.mark.parametrize("target", ["index.html", "zh/doc.html", "en/a/b/doc.html",
                                    "en/a/c.html", "bilingual/zh-en/a/doc.html", "en/a",
                                    "zh", "style.css"])
def test_link_is_the_relative_path(origin: str, target: str) -> None:
    assert link(origin, target) == posixpath.relpath(target, posixpath.dirname(origin) or ".")
