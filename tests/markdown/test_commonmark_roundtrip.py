"""Every CommonMark 0.31.2 example is a round-trip test (tests/fixtures/commonmark-spec.json,
a copy of ../shared/commonmark-spec.json).

* identity: msgstr = msgid for every entry rebuilds the example byte for byte;
* pseudo-translation: "Ж " + msgid rebuilds to the same block structure with every code
  span, URL and label unchanged.
"""

from __future__ import annotations

import pytest

from conftest import spec_example_id, spec_examples
from markdown_facts import assert_same_markdown
from pipeline.markdown.parser import parse_blocks, walk_inline
from pipeline.markdown.rebuild import rebuild_markdown
from pipeline.markdown.segmenter import segment_document

EXAMPLES = spec_examples()


def test_all_examples_are_present() -> None:
    assert len(EXAMPLES) == 652


@pytest.mark.parametrize("example", EXAMPLES, ids=spec_example_id)
def test_identity_translation_rebuilds_byte_for_byte(example: dict) -> None:
    document = segment_document(example["markdown"], "spec.md")
    assert rebuild_markdown(document, lambda segment: segment.msgid) == example["markdown"]


@pytest.mark.parametrize("example", EXAMPLES, ids=spec_example_id)
def test_pseudo_translation_keeps_blocks_code_and_urls(example: dict) -> None:
    source = example["markdown"]
    document = segment_document(source, "spec.md")
    rebuilt = rebuild_markdown(document, lambda segment: "Ж " + segment.msgid)
    assert_same_markdown(rebuilt, source)
    if document.segments:
        assert rebuilt != source  # the pseudo-translation really went in


@pytest.mark.parametrize("example", EXAMPLES, ids=spec_example_id)
def test_every_block_with_words_is_a_segment(example: dict) -> None:
    """No paragraph, heading or cell with a word in it is silently left out of the catalogs."""
    tokens, _ = parse_blocks(example["markdown"])
    with_words = [t for t in tokens if t.type == "inline" and any(
        c.type == "text" and any(ch.isalpha() for ch in c.content)
        for c in walk_inline(t.children or []))]
    assert len(segment_document(example["markdown"], "spec.md").segments) == len(with_words)
