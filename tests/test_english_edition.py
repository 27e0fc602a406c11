"""The reviewed English edition of the sample (issue 6).

``locales/en/LC_MESSAGES/aigc-intro.po`` is human work kept in the repository: every entry is
translated and reviewed (not fuzzy), keeps what a translation must not touch (code spans, link
targets, ``[n]`` citations, glossary terms, the inline markup) and builds, with no network, an
English article without a Chinese word left outside code and URLs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import polib
import pytest

from conftest import ROOT, run_pipeline
from pipeline.catalogs.glossary import load_glossary
from pipeline.catalogs.po_files import read_catalog
from pipeline.markdown.parser import parse_blocks, parse_inline, walk_inline

DOCUMENT = "aigc-intro"
LOCALES = ROOT / "locales"
CATALOG_PATH = LOCALES / "en" / "LC_MESSAGES" / f"{DOCUMENT}.po"
TEMPLATE_PATH = LOCALES / f"{DOCUMENT}.pot"
CATALOG = read_catalog(CATALOG_PATH, "locales/en/LC_MESSAGES/aigc-intro.po")
ENTRIES = [entry for entry in CATALOG if not entry.obsolete]
# Front-matter values are plain YAML text, not Markdown blocks.
BODY_ENTRIES = [entry for entry in ENTRIES if not entry.comment.startswith("front matter:")]
GLOSSARY = load_glossary(LOCALES)

# Inline token kinds whose number and kind a translation keeps (text and breaks may change).
_MARKUP = {"strong_open", "em_open", "s_open", "code_inline", "link_open", "image",
           "hardbreak", "html_inline", "footnote_ref", "math_inline"}
_CITATION = re.compile(r"\[\d+\]")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)
_URL = re.compile(r"https?://[^\s)\"'>]+")
# Han ideographs and CJK/full-width punctuation: none may be left in the English output.
_CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff65]")


def _entry_id(entry: polib.POEntry) -> str:
    return f"line-{entry.occurrences[0][1]}" if entry.occurrences else entry.msgid[:20]


def _inline_facts(text: str) -> dict[str, Counter[str]]:
    """What a translation must keep of one segment's Markdown."""
    tokens = walk_inline(parse_inline(text, {}))
    return {
        "code spans": Counter(t.content for t in tokens if t.type == "code_inline"),
        "link targets": Counter(str(t.attrs.get("href", "")) for t in tokens
                                if t.type == "link_open"),
        "image sources": Counter(str(t.attrs.get("src", "")) for t in tokens
                                 if t.type == "image"),
        "markup": Counter(t.type for t in tokens if t.type in _MARKUP),
        "citations": Counter(_CITATION.findall(text)),
    }


def _first_block(text: str) -> str:
    tokens, _ = parse_blocks(text)
    return tokens[0].type if tokens else ""


def _terms_in(text: str, terms: list[str]) -> list[str]:
    """The glossary terms in ``text``, longest first, a shorter one only where no longer
    term covers it (``生成式人工智能`` is not also ``人工智能``)."""
    found = []
    for term in sorted(terms, key=len, reverse=True):
        if term in text:
            found.append(term)
            text = text.replace(term, "\0")
    return found


def test_catalog_is_fully_translated_and_reviewed() -> None:
    assert ENTRIES, "the English catalog is empty"
    assert CATALOG.percent_translated() == 100
    assert not CATALOG.untranslated_entries()
    assert [_entry_id(entry) for entry in CATALOG.fuzzy_entries()] == []
    assert [_entry_id(entry) for entry in CATALOG.obsolete_entries()] == []
    assert CATALOG.metadata["Language"] == "en"
    assert CATALOG.metadata["Last-Translator"]


def test_catalog_covers_the_current_template() -> None:
    template = read_catalog(TEMPLATE_PATH, "locales/aigc-intro.pot")
    wanted = {(entry.msgctxt, entry.msgid) for entry in template}
    have = {(entry.msgctxt, entry.msgid) for entry in ENTRIES}
    assert sorted(m for _, m in wanted - have) == []
    assert sorted(m for _, m in have - wanted) == []


def test_catalog_passes_msgfmt_check(tmp_path: Path) -> None:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt (gettext) is not installed")
    result = subprocess.run([msgfmt, "-c", "-o", str(tmp_path / "en.mo"), str(CATALOG_PATH)],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("entry", ENTRIES, ids=[_entry_id(e) for e in ENTRIES])
def test_entry_keeps_code_links_citations_and_markup(entry: polib.POEntry) -> None:
    assert _inline_facts(entry.msgstr) == _inline_facts(entry.msgid)


@pytest.mark.parametrize("entry", BODY_ENTRIES, ids=[_entry_id(e) for e in BODY_ENTRIES])
def test_entry_opens_no_new_block(entry: polib.POEntry) -> None:
    # "- ", "# ", "> " or "1. " at the start of a translation would turn a paragraph into a
    # list, heading or quote once rebuilt.
    assert _first_block(entry.msgstr) == _first_block(entry.msgid)
    assert "\n" not in entry.msgstr


@pytest.mark.parametrize("entry", ENTRIES, ids=[_entry_id(e) for e in ENTRIES])
def test_entry_keeps_do_not_translate_terms(entry: polib.POEntry) -> None:
    kept = GLOSSARY.keep_terms()
    assert [term for term in _terms_in(entry.msgid, kept) if term not in entry.msgstr] == []


@pytest.mark.parametrize("entry", ENTRIES, ids=[_entry_id(e) for e in ENTRIES])
def test_entry_uses_forced_glossary_translations(entry: polib.POEntry) -> None:
    forced = GLOSSARY.forced("en")
    # Case-insensitive: a sentence may start with "Generative AI".
    missing = [f"{term} → {forced[term]}" for term in _terms_in(entry.msgid, list(forced))
               if forced[term].casefold() not in entry.msgstr.casefold()]
    assert missing == []


@pytest.mark.parametrize("entry", ENTRIES, ids=[_entry_id(e) for e in ENTRIES])
def test_entry_leaves_no_chinese_outside_code(entry: polib.POEntry) -> None:
    assert _CHINESE.findall(_CODE_SPAN.sub("", entry.msgstr)) == []


def test_glossary_has_the_sample_terms() -> None:
    assert {"AIGC", "GAN", "VAE", "ChatGPT", "GPT-4", "DALL-E 2",
            "Stable Diffusion"} <= set(GLOSSARY.keep_terms())
    expected = {"生成式人工智能": "generative AI", "判别式AI": "discriminative AI",
                "扩散模型": "diffusion model", "自监督学习": "self-supervised learning"}
    assert expected.items() <= GLOSSARY.forced("en").items()


@pytest.fixture
def english_build(make_project) -> Path:
    """A copy of this project (sample, catalogs, glossary, config) updated and built in
    English by the command line, as ``make`` does on a fresh clone."""
    root = make_project({DOCUMENT: (ROOT / "source" / f"{DOCUMENT}.md").read_bytes()},
                        (ROOT / "pipeline.toml").read_text(encoding="utf-8"))
    shutil.copytree(LOCALES, root / "locales")
    for command in (["update", "-l", "en"], ["build", "-l", "en"]):
        result = run_pipeline(root, *command)
        assert result.returncode == 0, result.stderr
    return root


def test_update_keeps_the_catalog_reviewed(english_build: Path) -> None:
    catalog = polib.pofile(str(english_build / "locales" / "en" / "LC_MESSAGES" /
                               f"{DOCUMENT}.po"))
    assert catalog.percent_translated() == 100
    assert catalog.fuzzy_entries() == []
    assert {e.msgid: e.msgstr for e in catalog} == {e.msgid: e.msgstr for e in ENTRIES}


def test_english_build_has_no_untranslated_segment(english_build: Path) -> None:
    text = (english_build / "build" / "en" / f"{DOCUMENT}.md").read_text(encoding="utf-8")
    leaks = [(number, _CHINESE.findall(line))
             for number, line in enumerate(text.split("\n"), start=1)
             if _CHINESE.search(_URL.sub("", _CODE_SPAN.sub("", line)))]
    assert leaks == []
    assert text.startswith("---\n")
    assert 'title: "CVHub\'s AIGC in Depth Series: Getting Started"' in text
    assert "[6]AlexNet: https://papers.nips.cc/paper\\_files/paper/2012/" in text
