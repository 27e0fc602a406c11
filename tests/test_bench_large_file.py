"""``bench/large_file.py``'s document: as large as asked, one front matter, and labels that
stay unique, so that the benchmark measures one ever larger article and not its errors."""

from __future__ import annotations

import re
from types import ModuleType

from conftest import bench_script
from pipeline.markdown.rebuild import rebuild_markdown
from pipeline.markdown.segmenter import segment_document


def _script() -> ModuleType:
    return bench_script("large_file")


def test_the_large_document_is_one_valid_article() -> None:
    text = _script().large_document(0.2)
    assert len(text.encode("utf-8")) >= 0.2 * 2**20
    assert text.count("\n---\n") >= 1 and not re.search(r"\n---\ntitle:", text[10:])
    definitions = re.findall(r"^\[\^([^\]]+)\]:", text, re.M)
    assert definitions and len(definitions) == len(set(definitions))
    document = segment_document(text, "large.md")
    assert rebuild_markdown(document, lambda segment: None) == text
