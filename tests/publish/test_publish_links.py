"""Bare URLs become links on the HTML pages, as GitHub shows them, and nowhere else: the
segments, the catalogs and the Markdown outputs are what they were, byte for byte."""

from __future__ import annotations

import polib
import pytest
from test_publish_security import assert_harmless
from test_publish_support import Elements, rendered_pages

from conftest import SAMPLE
from pipeline.cli import main
from pipeline.markdown.parser import markdown_parser, parse_blocks, parse_blocks_shared
from pipeline.markdown.segmenter import segment_document
from pipeline.publish.render import linkify_tokens, render_tokens, sanitize_html

SOURCE = """# 参考

正文。

#### References

[1]AIGC: https://arxiv.org/pdf/2303.11717.pdf

[2]ChatGPT: https://openai.com/blog/chatgpt,

[3]坏链接: javascript:alert(1)

- 列表里的 https://example.com/list
"""
URLS = ["https://arxiv.org/pdf/2303.11717.pdf", "https://openai.com/blog/chatgpt",
        "https://example.com/list"]


def hrefs(page: str) -> list[str]:
    return [attrs["href"] for tag, attrs in Elements(page).tags
            if tag == "a" and attrs.get("href", "").startswith(("https:", "javascript:"))]


@pytest.fixture
def built(make_project):
    root = make_project({"doc": SOURCE},
                        '[pipeline]\nsource_language = "zh"\nlanguages = ["en"]\n')
    assert main(["--root", str(root), "update"]) == 0
    assert main(["--root", str(root), "build"]) == 0
    return root


def test_bare_urls_are_links_on_every_page(built) -> None:
    for page in ("zh/doc.html", "en/doc.html", "bilingual/zh-en/doc.html"):
        html = (built / "build" / page).read_text(encoding="utf-8")
        assert all(f'<a href="{url}">{url}</a>' in html for url in URLS), page
        assert "javascript:alert(1)</p>" in html  # shown as text, not linked
        assert_harmless(page, html)


def test_the_markdown_outputs_and_the_catalogs_are_unchanged(built) -> None:
    assert (built / "build/en/doc.md").read_bytes() == SOURCE.encode()
    assert (built / "build/bilingual/zh-en/doc.md").read_bytes() == SOURCE.encode()
    template = polib.pofile(str(built / "locales/doc.pot"))
    assert [entry.msgid for entry in template] == \
        [segment.msgid for segment in segment_document(SOURCE, "doc.md").segments]
    assert "[1]AIGC: https://arxiv.org/pdf/2303.11717.pdf" in [e.msgid for e in template]


def test_a_translation_with_a_bare_url_is_linked_too() -> None:
    page = rendered_pages(SOURCE, {"en": {"正文。": "See https://example.com/en for more."}})["en"]
    assert '<p>See <a href="https://example.com/en">https://example.com/en</a> for more.</p>' \
        in page


def test_the_samples_references_are_links() -> None:
    page = rendered_pages(SAMPLE.read_text(encoding="utf-8"), {}, "aigc-intro")["zh"]
    found = hrefs(page)
    for url in ("https://arxiv.org/pdf/2303.11717.pdf", "https://openai.com/blog/chatgpt",
                "https://36kr.com/p/2149600978209282"):
        assert url in found


@pytest.mark.parametrize("markdown, html", [
    ("见 https://example.com/a 。\n",
     '<p>见 <a href="https://example.com/a">https://example.com/a</a> 。</p>\n'),
    ("https://example.com/a_b\\_c\n",
     '<p><a href="https://example.com/a_b_c">https://example.com/a_b_c</a></p>\n'),
    ("写信给 a@example.com\n", '<p>写信给 <a href="mailto:a@example.com">a@example.com</a></p>\n'),
    ("`https://example.com/code`\n", "<p><code>https://example.com/code</code></p>\n"),
    ("[文字](https://example.com/a)\n", '<p><a href="https://example.com/a">文字</a></p>\n'),
    ("[https://example.com/a](https://example.com/b)\n",
     '<p><a href="https://example.com/b">https://example.com/a</a></p>\n'),
    ("<https://example.com/a>\n",
     '<p><a href="https://example.com/a">https://example.com/a</a></p>\n'),
    ("![https://example.com/alt](a.png)\n",
     '<p><img src="a.png" alt="https://example.com/alt"></p>\n'),
    ("```\nhttps://example.com/fence\n```\n",
     "<pre><code>https://example.com/fence\n</code></pre>\n"),
    ("javascript:alert(1)\n", "<p>javascript:alert(1)</p>\n"),
    ("javascript://example.com/%0aalert(1)\n", "<p>javascript://example.com/%0aalert(1)</p>\n"),
    # Only a URL with its scheme (GitHub links "www." too; a file name is no domain here).
    ("README.md 和 www.example.com\n", "<p>README.md 和 www.example.com</p>\n"),
    ("//example.com/a 和 ftp://example.com/a\n", "<p>//example.com/a 和 ftp://example.com/a</p>\n"),
    ("紧挨着https://example.com/a\n", "<p>紧挨着https://example.com/a</p>\n"),  # as GitHub
])
def test_which_text_becomes_a_link(markdown: str, html: str) -> None:
    tokens, env = parse_blocks(markdown)
    assert sanitize_html(render_tokens(linkify_tokens(tokens, env), env)) == html


def test_linking_leaves_the_shared_parse_and_the_extraction_parser_alone() -> None:
    text = "参考 https://example.com/a\n\n- https://example.com/b\n"
    tokens, env = parse_blocks_shared(text)
    before = [(token.type, [child.type for child in token.children or []]) for token in tokens]
    assert "<a href" in render_tokens(linkify_tokens(tokens, env), env)
    after = [(token.type, [child.type for child in token.children or []])
             for token in parse_blocks_shared(text)[0]]
    assert after == before and not any("link_open" in children for _, children in after)
    assert not markdown_parser().options.get("linkify")
