"""``bench/large_file.py``'s document: as large as asked, one front matter, and labels that
stay unique, so that the benchmark measures one ever larger article and not its errors."""

from __future__ import annotations

import importlib.util
import re
from types import ModuleType

from conftest import ROOT
from pipeline.markdown.rebuild import rebuild_markdown
from pipeline.markdown.segmenter import segment_document


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("large_file", ROOT / "bench" / "large_file.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_large_document_is_one_valid_article() -> None:
    text = _script().large_document(0.2)
    assert len(text.encode("utf-8")) >= 0.2 * 2**20
    assert text.count("\n---\n") >= 1 and not re.search(r"\n---\ntitle:", text[10:])
    definitions = re.findall(r"^\[\^([^\]]+)\]:", text, re.M)
    assert definitions and len(definitions) == len(set(definitions))
    document = segment_document(text, "large.md")
    assert rebuild_markdown(document, lambda segment: None) == text
