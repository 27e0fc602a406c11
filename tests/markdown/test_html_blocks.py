"""``[pipeline] html_blocks = true``: HTML blocks with words in them are entries, tags and
all.  By default (and always for raw text, comments and declarations) they are skeleton."""

from __future__ import annotations

import polib
import pytest

from conftest import spec_example_id, spec_examples
from markdown_facts import assert_same_markdown, block_structure
from pipeline.checks.context import document_context
from pipeline.checks.review import check_entry
from pipeline.cli import main
from pipeline.markdown.rebuild import rebuild_markdown, render_segment
from pipeline.markdown.segmenter import segment_document

SOURCE = """# 标题

<div align="center">
  <img src="logo.png" alt="标志">
  <p>一个<b>中文</b>说明</p>
</div>

<!-- 注释 -->

<pre>
预格式文本
</pre>

<script>
var 变量 = 1;
</script>

> <p>引用里的
> HTML 段落</p>

1. <section>
   列表里的 HTML
   </section>

<br>

正文。
"""


def _html(document):
    return [(s.line, s.msgid, s.prefix) for s in document.segments if s.kind == "html block"]


def test_html_blocks_are_skeleton_by_default() -> None:
    assert _html(segment_document(SOURCE, "source/doc.md")) == []


def test_html_blocks_with_words_are_entries_when_asked_for() -> None:
    document = segment_document(SOURCE, "source/doc.md", (), html_blocks=True)
    assert _html(document) == [
        (3, '<div align="center">\n  <img src="logo.png" alt="标志">\n'
            '  <p>一个<b>中文</b>说明</p>\n</div>', ""),
        (18, "<p>引用里的\nHTML 段落</p>", "> "),
        (21, "<section>\n列表里的 HTML\n</section>", "   "),
    ]  # not the comment, <pre>, <script> or <br> (no words)
    assert rebuild_markdown(document, lambda s: s.msgid) == SOURCE


def test_a_translation_keeps_the_block_and_its_container() -> None:
    document = segment_document(SOURCE, "source/doc.md", (), html_blocks=True)
    translations = {
        3: '<div align="center">\n  <img src="logo.png" alt="Logo">\n\n'
           '  <p>A <b>Chinese</b> note</p>\n</div>',  # a blank line would end the block
        18: "<p>An HTML paragraph\nin a quote</p>",
        21: "<section>\nHTML in a list\n</section>",
    }
    rebuilt = rebuild_markdown(document, lambda s: translations.get(s.line))
    assert "> <p>An HTML paragraph\n> in a quote</p>" in rebuilt
    assert "1. <section>\n   HTML in a list\n   </section>" in rebuilt
    assert '<img src="logo.png" alt="Logo">\n  <p>A <b>Chinese</b> note' in rebuilt
    assert block_structure(rebuilt) == block_structure(SOURCE)


def test_text_before_the_first_tag_is_an_error_of_check() -> None:
    document = segment_document(SOURCE, "source/doc.md", (), html_blocks=True)
    context = document_context(document, "en")
    msgid = "<p>引用里的\nHTML 段落</p>"
    good = polib.POEntry(msgid=msgid, msgstr="<p>An HTML\nparagraph</p>",
                         comment="html block")
    bad = polib.POEntry(msgid=msgid, msgstr="Note: <p>An HTML\nparagraph</p>",
                        comment="html block")
    assert [p.check for p in check_entry(good, context)] == []
    assert "new-block" in [p.check for p in check_entry(bad, context)]


def test_the_option_reaches_extract(make_project) -> None:
    config = '[pipeline]\nsource_language = "zh"\nlanguages = ["en"]\nhtml_blocks = true\n'
    root = make_project({"doc": SOURCE}, config)
    assert main(["--root", str(root), "update"]) == 0
    template = polib.pofile(str(root / "locales/doc.pot"))
    kinds = {entry.msgid: entry.comment for entry in template}
    assert kinds["<p>引用里的\nHTML 段落</p>"] == "html block"
    # Off again: the parsed copy in .cache is not reused for the other setting.
    (root / "pipeline.toml").write_text(config.replace("true", "false"), encoding="utf-8")
    assert main(["--root", str(root), "update"]) == 0
    assert "html block" not in (root / "locales/doc.pot").read_text(encoding="utf-8")


EXAMPLES = spec_examples()


@pytest.mark.parametrize("example", EXAMPLES, ids=spec_example_id)
def test_spec_examples_round_trip_with_html_blocks(example: dict) -> None:
    source = example["markdown"]
    document = segment_document(source, "spec.md", html_blocks=True)
    assert rebuild_markdown(document, lambda segment: segment.msgid) == source
    # The identity rebuild copies the source; the writer must give each block back too.
    for segment in document.segments:
        if segment.style == "html":
            assert render_segment(segment, segment.msgid) == source[segment.start:segment.end]
    # A line added at the end of an HTML block stays in it (the first line is its start).
    rebuilt = rebuild_markdown(document, lambda segment: segment.msgid + "\nЖ"
                               if segment.style == "html" else "Ж " + segment.msgid)
    # Code, URLs and labels kept; the HTML blocks' own text is what is translated here.
    assert_same_markdown(rebuilt, source, ignore=("html_block",))
