"""The bundled sample article (source/aigc-intro.md, from ../shared/samples) through the core."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import SAMPLE, need_shared
from markdown_facts import assert_same_markdown, protected_facts
from pipeline.catalogs.extract import extract_catalog
from pipeline.core.scripts import is_cjk
from pipeline.markdown.parser import parse_blocks, walk_inline
from pipeline.markdown.rebuild import rebuild_markdown
from pipeline.markdown.segmenter import segment_document


@pytest.fixture(scope="module")
def text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def document(text: str):
    return segment_document(text, "source/aigc-intro.md")


def test_identity_rebuild_is_byte_exact(text: str, document) -> None:
    assert rebuild_markdown(document, lambda s: s.msgid) == text
    assert rebuild_markdown(document, lambda s: None) == text


def test_no_space_between_cjk_characters(document) -> None:
    """Soft breaks between CJK text are joined without the space mdpo and po4a insert."""
    for segment in document.segments:
        for left, right in re.findall(r"(.) (.)", segment.msgid):
            assert not (is_cjk(left) and is_cjk(right)), segment.msgid
    msgids = [s.msgid for s in document.segments]
    assert any(m.startswith("随着`ChatGPT`的病毒式传播") for m in msgids)
    assert any(m.startswith("本文来源“**CVHub**”公众号") for m in msgids)


def test_front_matter_keys(document) -> None:
    kinds = Counter(s.kind for s in document.segments if s.kind.startswith("front matter"))
    assert kinds == {"front matter: title": 1, "front matter: description": 1,
                     "front matter: keywords": 1, "front matter: categories": 2,
                     "front matter: tags": 5, "front matter: image.alt": 1}
    msgids = {s.msgid for s in document.segments}
    assert "2024-12-04 10:31:13 +08:00" not in msgids
    assert not any(m.startswith("68747470733a") or m.startswith("https://api.vvhan.com")
                   for m in msgids)


def test_every_code_span_is_in_a_msgid_verbatim(text: str, document) -> None:
    tokens, _ = parse_blocks(text)
    source_spans = Counter(child.content for token in tokens
                           for child in walk_inline(token.children or [])
                           if child.type == "code_inline")
    assert source_spans["AIGC"] > 10 and source_spans["GAN"] == 3
    in_msgids = Counter()
    for segment in document.segments:
        for child in walk_inline(parse_blocks(segment.msgid)[0][1].children or []):
            if child.type == "code_inline":
                in_msgids[child.content] += 1
    assert in_msgids == source_spans
    for span in source_spans:
        assert any(f"`{span}`" in s.msgid for s in document.segments)


def test_template_merges_identical_msgids(document) -> None:
    template = extract_catalog(document, "sample", "2026-01-01 00:00+0000")
    title = template.find("CVHub万字长文带你解读AIGC系列之入门篇")
    assert title.occurrences == [("source/aigc-intro.md", "4"), ("source/aigc-intro.md", "13")]
    assert len(template) == len({(e.msgctxt, e.msgid) for e in template})


def test_pseudo_translation_keeps_structure_and_markup(text: str, document) -> None:
    """Joined msgids keep every emphasis, code span and link of the source (the CJK join
    falls back to a space where CommonMark's flanking rules need one)."""
    rebuilt = rebuild_markdown(document, lambda s: f"Ж {s.msgid}")
    assert_same_markdown(rebuilt, text)
    assert ("markup", "strong_open") in protected_facts(text)


def test_the_sample_is_the_shared_one_unchanged() -> None:
    from conftest import SHARED

    shared = need_shared(SHARED / "samples" / "aigc-intro.md")
    assert SAMPLE.read_bytes() == shared.read_bytes()


def test_the_committed_spec_is_the_shared_one() -> None:
    from conftest import SHARED, SPEC

    assert SPEC.read_bytes() == need_shared(SHARED / "commonmark-spec.json").read_bytes()
