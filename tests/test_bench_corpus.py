"""The benchmark corpus (bench/corpus.py): valid, varied, deterministic documents that the
pipeline round-trips; and the parsed-document cache the stages share."""

from __future__ import annotations

import marshal
from collections import Counter
from dataclasses import replace

import pytest

from conftest import bench_corpus
from markdown_facts import assert_same_markdown
from pipeline.cache.document_records import document_store
from pipeline.cache.record_store import read_value, write_value
from pipeline.catalogs.sources import load_document, parse_document
from pipeline.cli import main
from pipeline.core.project import open_project
from pipeline.markdown.parser import parse_blocks
from pipeline.markdown.rebuild import rebuild_markdown
from pipeline.markdown.segmenter import segment_document

corpus = bench_corpus()

COUNT = 12
ARTICLES = [corpus.article(0, index) for index in range(1, COUNT + 1)]
# Every kind of block the sample has, and the GFM extras: each must occur in the corpus.
WANTED = ("front_matter", "heading_open", "paragraph_open", "bullet_list_open",
          "ordered_list_open", "blockquote_open", "table_open", "fence", "footnote_open",
          "image", "link_open", "code_inline", "strong_open", "nested list")


def kinds_in(text: str) -> set[str]:
    """Token types of a text, inline ones included, plus ``nested list``."""
    tokens = parse_blocks(text)[0]
    found = {t.type for t in tokens}
    found |= {c.type for t in tokens for c in t.children or []}
    depth = 0
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
            if depth > 1:
                found.add("nested list")
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
    return found


def test_the_corpus_is_deterministic_and_seeded() -> None:
    assert corpus.article(0, 3) == ARTICLES[2]
    assert corpus.article(1, 3) != ARTICLES[2]
    assert len(set(ARTICLES)) == COUNT


def test_articles_are_sample_sized() -> None:
    sizes = [len(text.encode()) for text in ARTICLES]
    assert 8_000 < sum(sizes) / COUNT < 30_000


def test_the_corpus_has_every_kind_of_block() -> None:
    found = Counter(kind for text in ARTICLES for kind in kinds_in(text))
    assert [kind for kind in WANTED if not found[kind]] == []
    assert found["front_matter"] == COUNT  # every article has front matter and soft-wrapped
    assert all("\n`" in text and "\n**" in text for text in ARTICLES)  # inline markup


@pytest.mark.parametrize("index", range(1, COUNT + 1), ids=lambda i: f"article-{i}")
def test_every_article_segments_and_rebuilds(index: int) -> None:
    text = ARTICLES[index - 1]
    document = segment_document(text, "source/a.md")
    kinds = {segment.kind for segment in document.segments}
    assert {"front matter: title", "heading", "paragraph", "list item"} <= kinds
    assert rebuild_markdown(document, lambda segment: segment.msgid) == text
    pseudo = rebuild_markdown(document, lambda segment: "Ж " + segment.msgid)
    assert_same_markdown(pseudo, text)
    assert pseudo.count("Ж ") == len(document.segments)


def test_the_cli_round_trips_a_small_corpus_byte_for_byte(make_project) -> None:
    root = make_project({}, '[pipeline]\nsource_language = "zh"\nlanguages = ["en"]\n')
    paths = corpus.write_corpus(root / "source", 4)
    assert main(["--root", str(root), "-j", "1", "extract"]) == 0
    assert main(["--root", str(root), "-j", "1", "update", "-l", "en"]) == 0
    assert main(["--root", str(root), "-j", "1", "build", "-l", "en"]) == 0
    for path in paths:
        assert (root / "build" / "en" / path.name).read_bytes() == path.read_bytes()
        template = (root / "locales" / f"{path.stem}.pot").read_text(encoding="utf-8")
        assert template.count('\nmsgid "') > 40


def _parsed(project, name: str):
    """The document parsed afresh, without the cache."""
    path = project.source_path(name)
    return parse_document(path.read_bytes(), project.shown(path), project.config)


def test_a_parsed_document_comes_back_from_the_cache(make_project) -> None:
    root = make_project({"a": ARTICLES[0]})
    project = open_project(root)
    first = load_document(project, "a")
    store = document_store(project, "a")
    assert first == _parsed(project, "a") and read_value(store) is not None
    *record, _segments, template = marshal.loads(read_value(store))
    # A cached copy is used as it is while the key holds.
    write_value(store, marshal.dumps((*record, [], template)))
    assert load_document(project, "a").segments == []
    (root / "source" / "a.md").write_text(ARTICLES[1], encoding="utf-8")
    assert load_document(project, "a") == _parsed(project, "a")


def test_a_damaged_cache_is_parsed_again(make_project) -> None:
    root = make_project({"a": ARTICLES[0]})
    project = open_project(root)
    store = document_store(project, "a")
    write_value(store, b"[not a record")
    assert load_document(project, "a") == _parsed(project, "a")
    assert marshal.loads(read_value(store))[0]  # a new record, with its key


def test_a_record_marshal_cannot_write_exactly_is_not_kept(make_project,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """marshal writes only exact built-in types, which it reads back as they were: a
    document holding anything else (here a str subclass) is parsed every time instead."""
    from pipeline.catalogs import sources as sources_module

    class Text(str):
        pass

    def parse(data: bytes, shown: str, config):
        document = parse_document(data, shown, config)
        document.segments[0] = replace(document.segments[0], msgid=Text("x"))
        return document

    monkeypatch.setattr(sources_module, "parse_document", parse)
    project = open_project(make_project({"a": ARTICLES[0]}))
    assert isinstance(load_document(project, "a").segments[0].msgid, Text)
    assert read_value(document_store(project, "a")) is None
