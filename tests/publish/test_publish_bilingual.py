"""Bilingual editions: interleaved Markdown that stays valid Markdown of the same structure,
and side-by-side rows aligned by block.  Translations are pseudo (``(msgid)``) so every
assertion shows both texts."""

from __future__ import annotations

import polib
import pytest

from conftest import spec_example_id, spec_examples
from markdown_facts import block_structure
from pipeline.core.document import Document
from pipeline.markdown.parser import parse_blocks, parse_blocks_shared
from pipeline.markdown.rebuild import rebuild_markdown
from pipeline.markdown.segmenter import segment_document
from pipeline.publish.bilingual_html import bilingual_rows, top_level_blocks
from pipeline.publish.bilingual_markdown import bilingual_markdown
from pipeline.publish.edition import localized_edition, source_edition
from pipeline.publish.placement import entries_by_key, place_segments
from pipeline.publish.render import render_tokens


def pseudo(document: Document, skip: frozenset[str] = frozenset()) -> tuple[str, polib.POFile]:
    """The pseudo-translated text and its catalog; msgids in ``skip`` stay untranslated."""
    catalog = polib.POFile()
    for segment in document.segments:
        if segment.msgid not in skip:
            catalog.append(polib.POEntry(msgid=segment.msgid, msgstr=f"({segment.msgid})",
                                         msgctxt=segment.context))
    entries = entries_by_key(catalog)
    text = rebuild_markdown(document, lambda s: entries[(s.context, s.msgid)].msgstr
                            if (s.context, s.msgid) in entries else None)
    return text, catalog


def interleave(source: str, skip: frozenset[str] = frozenset()) -> str:
    document = segment_document(source, "doc.md")
    text, catalog = pseudo(document, skip)
    placed = place_segments(document, text, entries_by_key(catalog))
    assert placed is not None
    return bilingual_markdown(document, text, placed)


CASES = {
    "paragraphs": ("第一段，\n分两行。\n\n第二段。\n",
                   "(第一段，分两行。)\n\n第一段，\n分两行。\n\n(第二段。)\n\n第二段。\n"),
    "atx heading": ("## 标题\n", "## (标题)\n\n## 标题\n"),
    "setext heading": ("标题\n===\n", "(标题)\n===\n\n标题\n===\n"),
    "tight list": ("* 甲\n* 乙\n", "* (甲)\n\n  甲\n* (乙)\n\n  乙\n"),
    "ordered list keeps numbers": ("3. 甲\n4. 乙\n", "3. (甲)\n\n   甲\n4. (乙)\n\n   乙\n"),
    "blockquote": ("> 引用，\n> 两行。\n", "> (引用，两行。)\n>\n> 引用，\n> 两行。\n"),
    "list in quote": ("> - 甲\n> - 乙\n", "> - (甲)\n>\n>   甲\n> - (乙)\n>\n>   乙\n"),
    "table rows": ("| 名 | 值 |\n|---|--:|\n| 甲 | 乙 |\n",
                   "| (名) | (值) |\n|---|--:|\n| 名 | 值 |\n| (甲) | (乙) |\n| 甲 | 乙 |\n"),
    "table in quote": ("> | 名 |\n> |---|\n> | 甲 |\n",
                       "> | (名) |\n> |---|\n> | 名 |\n> | (甲) |\n> | 甲 |\n"),
    "code stays once": ("```\n代码\n```\n\n段落。\n", "```\n代码\n```\n\n(段落。)\n\n段落。\n"),
    "footnote": ("正文[^1]\n\n[^1]: 脚注。\n",
                 "(正文[^1])\n\n正文[^1]\n\n[^1]: (脚注。)\n\n      脚注。\n"),
    "front matter translated once": ("---\ntitle: 标题\n---\n\n正文。\n",
                                     "---\ntitle: (标题)\n---\n\n(正文。)\n\n正文。\n"),
}


@pytest.mark.parametrize("source,expected", CASES.values(), ids=CASES.keys())
def test_interleaved_markdown(source: str, expected: str) -> None:
    assert interleave(source) == expected


def test_untranslated_blocks_appear_once() -> None:
    source = "# 标题\n\n甲。\n\n| 名 | 值 |\n|---|---|\n| 甲 | 乙 |\n"
    assert interleave(source, frozenset({"甲。", "甲", "乙"})) == \
        "# (标题)\n\n# 标题\n\n甲。\n\n| (名) | (值) |\n|---|---|\n| 名 | 值 |\n| 甲 | 乙 |\n"


def _containers(text: str) -> list[tuple[str, int]]:
    kinds = ("bullet_list_open", "ordered_list_open", "blockquote_open", "table_open", "fence",
             "code_block", "html_block", "footnote_block_open")
    return [(t.type, t.level) for t in parse_blocks(text)[0] if t.type in kinds]


def _inlines(text: str) -> list[str]:
    return [t.content for t in parse_blocks(text)[0] if t.type == "inline"]


EXAMPLES = spec_examples()


@pytest.mark.parametrize("example", EXAMPLES, ids=spec_example_id)
def test_interleaving_keeps_structure_on_commonmark_examples(example: dict) -> None:
    """Lists stay lists, quotes quotes, tables tables; removing the pseudo-translated blocks
    gives back the source's blocks, and removing the source's gives the translation's."""
    source = example["markdown"]
    document = segment_document(source, "doc.md")
    text, catalog = pseudo(document)
    if block_structure(text) != block_structure(source):
        pytest.skip("the pseudo translation itself changes this example's structure")
    placed = place_segments(document, text, entries_by_key(catalog))
    assert placed is not None
    interleaved = bilingual_markdown(document, text, placed)
    assert _containers(interleaved) == _containers(source)
    blocks = _inlines(interleaved)
    assert [c for c in blocks if not c.startswith("(")] == \
        [c for c in _inlines(source) if not c.startswith("(")]
    assert [c for c in blocks if c.startswith("(")] == \
        [c for c in _inlines(text) if c.startswith("(")]


SIDE_BY_SIDE = "# 标题\n\n甲。\n\n1. 一\n2. 二\n\n```\n代码\n```\n\n乙。\n"


def test_side_by_side_rows_pair_blocks_and_show_untranslated_once() -> None:
    document = segment_document(SIDE_BY_SIDE, "doc.md")
    text, catalog = pseudo(document, frozenset({"乙。"}))
    source = source_edition(document, "zh")
    ids = source.heading_ids
    target = localized_edition(document, text, entries_by_key(catalog), "en", "zh", ids)
    rows = bilingual_rows(source, target)
    assert [(str(r.source), str(r.target) if r.target else None) for r in rows] == [
        ('<h1>标题 <a class="anchor" href="#标题">¶</a></h1>',
         '<h1 id="标题">(标题) <a class="anchor" href="#标题">¶</a></h1>'),
        ("<p>甲。</p>", "<p>(甲。)</p>"),
        ("<ol>\n<li>一</li>\n</ol>", "<ol>\n<li>(一)</li>\n</ol>"),
        ('<ol start="2">\n<li>二</li>\n</ol>', '<ol start="2">\n<li>(二)</li>\n</ol>'),
        ("<pre><code>代码\n</code></pre>", None),
        ('<p lang="zh">乙。</p>', None),
    ]


def test_a_list_gives_one_block_per_item() -> None:
    tokens = parse_blocks("- 甲\n  - 子\n- 乙\n\n段。\n")[0]
    blocks = list(top_level_blocks(tokens))
    assert [[t.type for t in b if t.nesting == 1 and t.level <= 1] for b in blocks] == [
        ["bullet_list_open", "list_item_open"], ["bullet_list_open", "list_item_open"],
        ["paragraph_open"]]


def test_editions_sharing_one_parse_do_not_see_each_others_changes() -> None:
    # Untranslated, the English and Japanese texts are the source's: all three editions are
    # made from one parse, and each changes only its own copies of the tokens it marks.
    document = segment_document("# 标题\n\n- 甲\n- 乙\n\n| 列 |\n| --- |\n| 格 |\n", "doc.md")
    source = source_edition(document, "zh")
    ids = source.heading_ids
    catalog = polib.POFile()
    english = localized_edition(document, document.text, entries_by_key(catalog), "en", "zh",
                                ids)
    japanese = localized_edition(document, document.text, entries_by_key(catalog), "ja", "zh",
                                 ids)
    for edition, marked in ((source, 0), (english, 5), (japanese, 5)):
        html = render_tokens(edition.tokens, edition.env)
        assert html.count("¶") == 1, html
        assert html.count('lang="zh"') == marked, (edition.language, html)
    # The shared parse itself is untouched: no heading id, no lang mark.
    shared = parse_blocks_shared(document.text)[0]
    assert shared[0].attrGet("id") is None
    assert not any(t.attrGet("lang") for t in shared)
