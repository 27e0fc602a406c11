"""The checks, driven by fixture catalogs: one known-bad translation per file.

``tests/fixtures/checks/`` holds ``source.md`` (the document every fixture translates), a
``glossary.csv`` and catalogs named for the reason they exist: ``clean.po`` (a full,
correct English translation), ``clean-ja.po``, and one copy of ``clean.po`` per defect with
exactly one entry changed (its translator comment says how).  ``X.expect`` is the exact
output of the checks on ``X.po``: empty for the clean ones, one line at the changed entry's
msgid for the others.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polib
import pytest

from conftest import FIXTURES
from pipeline.catalogs.glossary import Glossary, GlossaryEntry, load_glossary
from pipeline.catalogs.po_files import msgid_lines, read_catalog
from pipeline.checks import (
    CHECK_NAMES,
    CHECKS,
    CheckContext,
    check_catalog,
    check_entry,
    document_context,
    format_problem,
)
from pipeline.checks.review import check_levels
from pipeline.core.errors import ConfigError
from pipeline.markdown.segmenter import segment_document

CHECKS_FIXTURES = FIXTURES / "checks"
CATALOGS = sorted(CHECKS_FIXTURES.glob("*.po"))
SOURCE = segment_document((CHECKS_FIXTURES / "source.md").read_text(encoding="utf-8"), "source.md")


def run_checks(path: Path) -> list[str]:
    """The check output for a fixture catalog, as ``check`` prints it."""
    catalog = read_catalog(path, path.name)
    context = document_context(SOURCE, catalog.metadata["Language"],
                               glossary=load_glossary(CHECKS_FIXTURES), shown=path.name,
                               msgid_lines=msgid_lines(path.read_text(encoding="utf-8")))
    return [format_problem(context.place(entry), problem)
            for entry, problem in check_catalog(catalog, context)]


@pytest.mark.parametrize("path", CATALOGS, ids=[path.stem for path in CATALOGS])
def test_fixture_catalog(path: Path) -> None:
    expected = path.with_suffix(".expect").read_text(encoding="utf-8").splitlines()
    assert run_checks(path) == expected


@pytest.mark.parametrize("path", [p for p in CATALOGS if p.with_suffix(".expect").stat().st_size],
                         ids=lambda path: path.stem)
def test_bad_fixture_fires_at_the_changed_entry_only(path: Path) -> None:
    # The changed entry is the one with a translator comment; every problem points at it
    # (in a header-* fixture, the header changed: at its msgid line).
    text = path.read_text(encoding="utf-8")
    if path.stem.startswith("header-"):
        assert {out.split(":")[1] for out in run_checks(path)} == {str(msgid_lines(text)[1])}
        return
    changed = [e for e in polib.pofile(text) if e.tcomment]
    assert len(changed) == 1
    line = msgid_lines(text)[changed[0].linenum]
    assert {out.split(":")[1] for out in run_checks(path)} == {str(line)}


def test_every_check_name_is_fired_by_a_fixture() -> None:
    fired = {line.split("[")[1].split("]")[0]
             for path in CATALOGS for line in run_checks(path)}
    assert fired == set(CHECK_NAMES)


def test_every_fix_belongs_to_a_check() -> None:
    from pipeline.checks.fixes import FIXES

    assert set(FIXES) <= set(CHECK_NAMES)


@pytest.mark.parametrize("check", [check for _, check in CHECKS],
                         ids=lambda check: check.__name__)
def test_every_check_function_fires_on_a_fixture(check) -> None:
    def fires(path: Path) -> bool:
        catalog = read_catalog(path, path.name)
        context = document_context(SOURCE, catalog.metadata["Language"],
                                   glossary=load_glossary(CHECKS_FIXTURES))
        return any(list(check(entry, context)) for entry in catalog if entry.msgstr)
    assert any(fires(path) for path in CATALOGS)


def test_clean_fixtures_are_complete() -> None:
    # A clean catalog proves little if it leaves entries out.
    for name in ("clean.po", "clean-ja.po"):
        catalog = read_catalog(CHECKS_FIXTURES / name, name)
        assert catalog.percent_translated() == 100
        assert len(catalog) == len({(s.context, s.msgid) for s in SOURCE.segments})


def _entry(msgid: str, msgstr: str, comment: str = "paragraph") -> polib.POEntry:
    return polib.POEntry(msgid=msgid, msgstr=msgstr, comment=comment)


def _problems(entry: polib.POEntry, language: str = "en", **settings: object) -> list[str]:
    context = CheckContext(language=language, **settings)  # type: ignore[arg-type]
    return [f"{p.check}: {p.message}" for p in check_entry(entry, context)]


@pytest.mark.parametrize("msgid, msgstr, expected", [
    ("共2,000个", "2000 in all", []),
    ("共2000个", "2,000 in all", []),
    ("超过100万张", "more than 1 million", []),
    ("大约2.5亿张", "about 250 million", []),
    ("2022年10月之后", "since October 2022", []),
    ("2022年10月之后", "since Oct. 2022", []),
    ("2022年10月之后", "since 2022", ["numbers: number(s) missing: 10"]),
    ("图２.1", "Figure 2.1", []),
    ("`GPT-3.5` 用了3个月", "`GPT-3.5` took three months", ["numbers: number(s) missing: 3"]),
], ids=["grouping", "grouping-added", "wan", "yi", "month-name", "month-abbreviation",
        "month-dropped", "full-width-digit", "number-in-code-is-not-prose"])
def test_numbers(msgid: str, msgstr: str, expected: list[str]) -> None:
    assert _problems(_entry(msgid, msgstr)) == expected


@pytest.mark.parametrize("language, msgstr, expected", [
    ("de", "2.000 insgesamt, Version 3,5", []),
    ("de", "2.000 insgesamt, Version 3.5", []),
    ("fr", "2\u202f000 au total, version 3,5", []),
    ("de", "250 Millionen", ["numbers: number(s) missing: 2000, 3.5"]),
])
def test_numbers_in_the_target_languages_own_format(language: str, msgstr: str,
                                                     expected: list[str]) -> None:
    entry = _entry("共2,000个，版本3.5", msgstr)
    assert [p for p in _problems(entry, language) if p.startswith("numbers")] == expected


GLOSSARY = Glossary((GlossaryEntry("GPT"), GlossaryEntry("GPT-4"),
                     GlossaryEntry("人工智能", "artificial intelligence", "en"),
                     GlossaryEntry("生成式人工智能", "generative AI", "en"),
                     GlossaryEntry("派派星")))


@pytest.mark.parametrize("msgid, msgstr, expected", [
    ("生成式人工智能很强", "Generative AI is strong", []),
    ("生成式人工智能和人工智能",
     "generative AI and AI", ["glossary: '人工智能' must be translated as 'artificial intelligence'"]),
    ("`GPT-4`和GPT-4", "`GPT-4` and GPT 4", ["glossary: do-not-translate term 'GPT-4' missing"]),
    ("GPT-4发布", "GPT-4 was released", []),
    ("GPTs很多", "there are many of them", []),
    ("作者丨派派星", "Author: 派派星", []),
    ("生成式人工智能的\n历史", "the history of generative\nAI", []),
], ids=["forced-used", "longest-term-first", "keep-term-dropped", "longest-keep-term",
        "whole-words-only", "cjk-keep-term-is-no-leak", "term-over-a-line-break"])
def test_glossary(msgid: str, msgstr: str, expected: list[str]) -> None:
    assert _problems(_entry(msgid, msgstr), glossary=GLOSSARY) == expected


@pytest.mark.parametrize("language, msgstr, expected", [
    ("en", "Hello，world", ["full-width: full-width punctuation in a Latin-script translation: ，"]),
    ("de", "Hallo（Welt）", ["full-width: full-width punctuation in a Latin-script translation: （）"]),
    ("vi", "Xin chào 世界", ["script-leak: Chinese text left: 世界"]),
    ("en", "See `世界` and [world](https://例子.com)", []),
    ("ja", "こんにちは、世界", []),
    ("ru", "Привет, мир", []),
    ("zh_Hant", "你好，世界", []),
], ids=["comma-in-english", "parentheses-in-german", "han-in-vietnamese", "code-and-url-are-not-text",
        "japanese-target", "cyrillic-target", "traditional-chinese-target"])
def test_script_leaks_only_in_latin_targets(language: str, msgstr: str,
                                            expected: list[str]) -> None:
    problems = _problems(_entry("你好，世界", msgstr), language)
    assert [p for p in problems if p.startswith(("script-leak", "full-width"))] == expected


@pytest.mark.parametrize("comment, msgstr, expected", [
    ("paragraph", "# Title", ["new-block: the translation would start a new heading"]),
    ("paragraph", "> quoted", ["new-block: the translation would start a new block quote"]),
    ("paragraph", "1. first", ["new-block: the translation would start a new numbered list"]),
    ("paragraph", "line\n---", ["new-block: the translation would start a new heading"]),
    ("paragraph", "    code", ["new-block: the translation would start a new indented code block",
                                "whitespace: leading whitespace differs from the source's"]),
    ("paragraph", "[a]: https://x.y", ["new-block: the translation would start a new "
                                       "reference definition"]),
    ("paragraph", "[^a]: a footnote", ["new-block: the translation would start a new "
                                       "footnote definition"]),
    ("paragraph", "Text.\n[^b]: more", ["new-block: the translation would start a new "
                                         "footnote definition"]),
    ("paragraph", "Title^[an inline note]", ["links: footnote [^] added",
                                             "new-block: the translation would start a new "
                                             "footnote definition, paragraph"]),
    ("paragraph", " ", ["new-block: the translation is blank: its block would vanish",
                        "whitespace: leading whitespace differs from the source's",
                        "whitespace: trailing whitespace differs from the source's"]),
    ("paragraph", "Title\n", ["new-block: the translation ends with an empty line, which "
                               "would end its block",
                               "whitespace: trailing whitespace differs from the source's"]),
    ("paragraph", " \nTitle", ["new-block: the translation begins with an empty line, which "
                                "would end its block",
                                "whitespace: leading whitespace differs from the source's"]),
    ("heading", "# Title", []),
    ("table cell", "> not a quote", []),
    ("front matter: title", "- **plain** text", []),
], ids=["heading", "quote", "ordered-list", "setext-heading", "indented-code",
        "reference-definition", "footnote-definition", "footnote-definition-after-text",
        "inline-footnote", "blank", "ends-with-a-line-break", "begins-with-an-empty-line", "heading-line",
        "table-cell", "front-matter"])
def test_new_blocks_only_where_a_translation_makes_lines(comment: str, msgstr: str,
                                                         expected: list[str]) -> None:
    assert _problems(_entry("标题", msgstr, comment)) == expected


@pytest.mark.parametrize(("msgid", "msgstr", "expected"), [
    ("见官网", "See [the site](javascript:alert(1))",
     ["links: target javascript: added: not in the source"]),
    ("见[官网](https://a.example)", "See [the site](https://a.example) "
     "![x](data:image/svg+xml;base64,PHN2Zz4=)",
     ["links: target data:image/svg+xml; added: not in the source"]),
    ("代码`javascript:void(0)`", "code `javascript:void(0)`", []),
    ("JavaScript：一门语言", "JavaScript: a language", []),
    ("VBScript：一门语言", "VBScript: a language", []),
    ("元数据：text/plain，正文", "metadata:text/plain, the text", []),
], ids=["javascript-link", "data-image", "in-the-source-too", "javascript-in-prose",
        "vbscript-in-prose", "metadata-in-prose"])
def test_targets_markdown_it_will_not_link_are_caught_too(msgid: str, msgstr: str,
                                                          expected: list[str]) -> None:
    problems = _problems(_entry(msgid, msgstr))
    assert [p for p in problems if p.startswith("links")] == expected


def test_source_styles_win_over_comments() -> None:
    # A setext heading is written back as Markdown lines: it can start a list.
    document = segment_document("标题\n===\n", "doc.md")
    context = document_context(document, "en")
    entry = _entry("标题", "- Title", "heading")
    assert [p.check for p in check_entry(entry, context)] == ["new-block"]
    assert check_entry(entry, CheckContext(language="en")) == []


def test_reference_links_and_footnotes_resolve_with_the_sources_definitions() -> None:
    document = segment_document("见[论文][p]和脚注[^n]。\n\n[^n]: 注。\n\n[p]: https://a.b\n",
                                "doc.md")
    context = document_context(document, "en")
    entry = _entry("见[论文][p]和脚注[^n]。", "See [the paper][p] and note[^m].")
    assert [p.message for p in check_entry(entry, context)] == ["footnote [^n] missing"]


def test_untranslated_entries_and_obsolete_ones_are_not_checked() -> None:
    assert _problems(_entry("你好", "")) == []
    obsolete = _entry("你好", "你好")
    obsolete.obsolete = True
    assert _problems(obsolete) == []


def test_levels_from_pipeline_toml() -> None:
    levels = check_levels({"warnings": ["numbers"], "disabled": ["whitespace"]})
    entry = _entry("共2000个", " in all ")
    context = CheckContext(language="en", levels=levels)
    assert [(p.check, p.level) for p in check_entry(entry, context)] == [("numbers", "warning")]
    with pytest.raises(ConfigError, match="unknown check 'numbrs'"):
        check_levels({"warnings": ["numbrs"]})
    with pytest.raises(ConfigError, match="must be a list"):
        check_levels({"disabled": "numbers"})


def test_msgid_lines_point_at_the_msgid_line() -> None:
    text = (CHECKS_FIXTURES / "clean.po").read_text(encoding="utf-8")
    lines = text.split("\n")
    catalog = polib.pofile(text)
    found = msgid_lines(text)
    for entry in catalog:
        assert lines[found[entry.linenum] - 1] == "msgid " + polib.escape(entry.msgid).join('""')


def test_checks_resolve_links_from_the_document_without_parsing_it_again(monkeypatch) -> None:
    import pipeline.checks.context as context_module
    import pipeline.markdown.parser as markdown_parser
    from pipeline.markdown.segmenter import segment_document

    document = segment_document("见[论文][1]和脚注[^n]。\n\n[1]: https://example.org\n\n"
                                "[^n]: 注。\n", "doc.md")

    def no_parse(self: object, text: str, env: object = None) -> None:
        raise AssertionError("the source was parsed again")

    # Block parses only (parseInline stays): whoever imported parse_blocks by name.
    monkeypatch.setattr(markdown_parser.MarkdownIt, "parse", no_parse)
    context = context_module.document_context(document, "en")
    entry = polib.POEntry(msgid="见[论文][1]和脚注[^n]。", msgstr="See [the paper][1] and [^n].")
    assert check_entry(entry, context) == []  # the link and the footnote resolve
    dropped = polib.POEntry(msgid=entry.msgid, msgstr="See the paper and [^n].")
    assert [p.check for p in check_entry(dropped, context)] == ["links"]


def _texts() -> list[str]:
    import random

    from conftest import SAMPLE, spec_examples
    from pipeline.markdown.segmenter import segment_document

    texts = [s.msgid for s in segment_document(
        SAMPLE.read_text(encoding="utf-8"), "x").segments]
    texts += [e["markdown"] for e in spec_examples()]
    rng = random.Random(7)
    alphabet = "ab 中文，。:-*_`[]()<>&\\!~$^#|@=+%{}\t\r\0\n"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
              for _ in range(3000)]
    return texts


def _reference_parser():
    """Our parser with markdown-it's own core ``inline`` rule: no plain-text shortcut."""
    from markdown_it.rules_core.inline import inline as markdown_it_inline

    from pipeline.markdown.parser import markdown_parser

    reference = markdown_parser.__wrapped__()
    reference.core.ruler.at("inline", markdown_it_inline)
    return reference


def test_plain_text_needs_no_parse() -> None:
    from pipeline.markdown.parser import is_plain_text

    reference = _reference_parser()
    plain = 0
    for text in _texts():
        if is_plain_text(text):
            plain += 1
            parsed = reference.parseInline(text, {})
            tokens = parsed[0].children or [] if parsed else []
            assert [(t.type, t.content) for t in tokens] == \
                ([("text", text)] if text else []), repr(text)
    assert plain > 300


def _stream(tokens: list) -> list:
    return [(t.type, t.tag, t.nesting, t.content, t.markup, t.info, t.map, t.level, t.block,
             t.hidden, dict(t.attrs), repr(t.meta), _stream(t.children or []))
            for t in tokens]


def test_blocks_of_plain_text_get_the_token_the_inline_parser_would_make() -> None:
    from conftest import corpus_articles
    from pipeline.markdown.parser import markdown_parser

    _assert_same_tokens(markdown_parser(), _reference_parser(), _texts() + corpus_articles(10))


def test_setext_quick_failure_gives_the_tokens_of_markdown_its_own_rule() -> None:
    import random

    from markdown_it.rules_block.lheading import lheading

    from conftest import corpus_articles
    from pipeline.markdown.parser import markdown_syntax

    ours = markdown_syntax()
    reference = markdown_syntax()
    reference.block.ruler.at("lheading", lheading)
    rng = random.Random(11)
    lines = ["中文段落", "text *a*", "---", "===", " --", "- item", "  - sub", "> quote",
             "> ---", ">", "1. one", "    code", "", "# h", "```", "| a | b |", "|---|---|",
             "<div>", "[^1]: 注", "$$", "- - -", "  ==", "\t-", "   -", "* x", "  text"]
    texts = _texts() + ["\n".join(rng.choice(lines) for _ in range(rng.randint(2, 9)))
                        for _ in range(3000)]
    _assert_same_tokens(ours, reference, texts + corpus_articles(5))


def _assert_same_tokens(ours: Any, reference: Any, texts: list[str]) -> None:
    for text in texts:
        assert _stream(ours.parse(text, {})) == _stream(reference.parse(text, {})), repr(text)


def test_contexts_copied_with_replace_share_no_state() -> None:
    from dataclasses import replace

    document = segment_document("见[论文][1]。\n\n[1]: https://example.com\n", "source/d.md")
    entry = polib.POEntry(msgid="见[论文][1]。", msgstr="See the paper.",
                          comment="paragraph")
    first = document_context(document, "en")
    second = replace(first, facts_cache={}, read_msgid_lines=lambda: {0: 7})
    assert [p.check for p in check_entry(entry, second)] == ["links"]
    assert [p.check for p in check_entry(entry, first)] == ["links"]
    assert second.place(entry) == ":7" and first.msgid_lines is None
    # An env given by the caller is the one used.
    given = document_context(document, "en", env={})
    assert [p.check for p in check_entry(entry, given)] == ["numbers"]  # [1] is text then


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_glossary_reads_any_line_ending(tmp_path: Path, newline: str) -> None:
    text = 'source,target,note\nAIGC,,"多\n行"\n'.replace("\n", newline)
    (tmp_path / "glossary.csv").write_bytes(text.encode("utf-8"))
    [entry] = load_glossary(tmp_path).entries
    assert (entry.source, entry.note) == ("AIGC", "多\n行")


def test_glossary_errors_name_the_line(tmp_path: Path) -> None:
    import csv

    old_limit = csv.field_size_limit(10)  # the one error csv raises by default: too large
    try:
        (tmp_path / "glossary.csv").write_text("source,target\nok,x\n" + "A" * 20 + ",x\n",
                                               encoding="utf-8")
        with pytest.raises(ConfigError) as error:
            load_glossary(tmp_path, "locales/glossary.csv")
    finally:
        csv.field_size_limit(old_limit)
    assert (error.value.path, error.value.line) == ("locales/glossary.csv", 3)
    (tmp_path / "glossary.csv").unlink()
    (tmp_path / "glossary.csv").mkdir()
    with pytest.raises(ConfigError, match="cannot read"):
        load_glossary(tmp_path, "locales/glossary.csv")


def test_a_glossary_copied_with_other_entries_works_its_terms_out_again() -> None:
    from dataclasses import replace

    glossary = Glossary((GlossaryEntry("AIGC"),))
    assert glossary.keep_terms() == ["AIGC"]
    assert replace(glossary, entries=(GlossaryEntry("GAN"),)).keep_terms() == ["GAN"]


@pytest.mark.parametrize(("value", "expected"), [
    ("nplurals=2; plural=(n != 1);", []),
    ("nplurals=1; plural=0;", []),
    ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
     "n%100>=20) ? 1 : 2);", []),
    ("nplurals=x; plural=(n!=;", ["Plural-Forms is not 'nplurals=N; plural=EXPRESSION;'"]),
    ("nplurals=2; plural=(n!=;", ["Plural-Forms: unexpected end of plural form"]),
    ("nplurals=2; plural=n;", ["Plural-Forms: the expression gives forms beyond nplurals=2"]),
    ("nplurals=2; plural=n%0;", ["Plural-Forms: "]),
    ("nplurals=2; plural=__import__('os');", ["Plural-Forms: invalid token"]),
])
def test_the_plural_forms_header_is_read_as_msgfmt_reads_it(value: str,
                                                            expected: list[str]) -> None:
    catalog = polib.POFile()
    catalog.metadata = {"Plural-Forms": value}
    problems = check_catalog(catalog, CheckContext(language="en"))
    assert len(problems) == len(expected)
    for (entry, problem), start in zip(problems, expected):
        assert problem.check == "plural-forms" and problem.message.startswith(start)
