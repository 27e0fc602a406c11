"""Nothing from a source or a translation reaches a page as script: no ``<script>``, no
``on*`` attribute, no ``javascript:`` URL, in any HTML file a build writes."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from test_publish_support import Elements

from pipeline.catalogs.sources import load_document
from pipeline.cli import main
from pipeline.core.project import open_project
from pipeline.markdown.rebuild import rebuild_markdown
from pipeline.publish.bilingual_html import render_bilingual
from pipeline.publish.edition import localized_edition, source_edition
from pipeline.publish.page import render_page
from pipeline.publish.placement import entries_by_key
from pipeline.publish.render import sanitize_html
from pipeline.stages.build_plan import make_site

ATTACKS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "<a href=\"javascript:alert(1)\">x</a>",
    "![x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "[x](&#106;avascript:alert(1))",
    "<svg onload=alert(1)>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<div onclick=\"alert(1)\">x</div>",
    "\"><script>alert(1)</script>",
]

SOURCE = """---
title: "标题</title><script>alert(1)</script>"
description: "描述\\" onload=\\"alert(1)"
image:
    path: "javascript:alert(1)"
    alt: "图\\" onerror=\\"alert(1)"
---

# 标题<script>alert(1)</script>

<script>alert("block")</script>

<div onclick="alert(1)">块</div>

| 表 | 格<img src=x onerror=alert(1)> |
|---|---|
| 甲[x](javascript:alert(1)) | 乙 |

段落[^1]

[^1]: 脚注<svg onload=alert(1)>

""" + "".join(f"段落{index}：{attack}\n\n" for index, attack in enumerate(ATTACKS))

_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "srcset")


def _hostile_translation(catalog: polib.POFile) -> None:
    for index, entry in enumerate(catalog):
        attack = ATTACKS[index % len(ATTACKS)]
        entry.msgstr = f"Translated {attack} {entry.msgid}"
        if index % 2:  # half of them as machine drafts: marked segments are attacked too
            entry.flags = ["fuzzy"]
            entry.tcomment = "machine translation: test 2026-01-01"


def assert_harmless(name: str, html: str) -> None:
    """No script element, event handler or script URL in ``html``."""
    assert "<script" not in html.lower(), name
    for tag, attrs in Elements(html).tags:
        assert tag not in ("script", "iframe", "svg", "object", "embed"), (name, tag)
        for attribute, value in attrs.items():
            assert not attribute.startswith("on"), (name, tag, attribute)
            if attribute in _URL_ATTRIBUTES:
                scheme = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                assert not scheme.startswith(("javascript:", "vbscript:", "data:")), \
                    (name, tag, value)


@pytest.fixture
def hostile_project(make_project) -> Path:
    root = make_project({"doc": SOURCE},
                        '[pipeline]\nsource_language = "zh"\nlanguages = ["en"]\n')
    assert main(["--root", str(root), "update"]) == 0
    path = root / "locales/en/LC_MESSAGES/doc.po"
    catalog = polib.pofile(str(path), wrapwidth=0)
    _hostile_translation(catalog)
    catalog.save(str(path))
    return root


def test_no_script_reaches_any_page(hostile_project: Path) -> None:
    """Through ``build`` (whose checks may hold some translations back)."""
    assert main(["--root", str(hostile_project), "build"]) == 0
    pages = sorted((hostile_project / "build").rglob("*.html"))
    assert len(pages) == 4  # zh and en pages, bilingual, index
    for page in pages:
        assert_harmless(page.name, page.read_text(encoding="utf-8"))
    # the attacks are there, as harmless text
    english = (hostile_project / "build/en/doc.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in english


def test_no_script_even_if_every_translation_is_published(hostile_project: Path) -> None:
    """Publishing alone, every hostile translation in the text: the HTML layer's walls."""
    project = open_project(hostile_project)
    document = load_document(project, "doc")
    catalog = polib.pofile(str(project.catalog_path("doc", "en")), wrapwidth=0)
    entries = entries_by_key(catalog)
    text = rebuild_markdown(document, lambda s: entries[(s.context, s.msgid)].msgstr)
    site = make_site(project, ["en"])
    source = source_edition(document, "zh")
    ids = source.heading_ids
    english = localized_edition(document, text, entries, "en", "zh", ids)
    assert english.placed is not None and all(item.translated for item in english.placed)
    pages = {"zh": render_page(source, "doc", site), "en": render_page(english, "doc", site),
             "bilingual": render_bilingual(source, english, "doc", site)}
    for name, html in pages.items():
        assert_harmless(name, html)
    assert "Translated &lt;script&gt;" in pages["en"]


@pytest.mark.parametrize("attack", ATTACKS)
def test_sanitizer_is_a_second_wall(attack: str) -> None:
    raw = f"<p>{attack}</p><a href=\"javascript:alert(1)\" onmouseover=\"x()\">y</a>"
    assert_harmless(attack, sanitize_html(raw))
