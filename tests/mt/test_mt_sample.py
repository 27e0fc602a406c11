"""The bundled sample through a stand-in engine (code spans, human work, msgfmt) and
through the pseudo engine, into English: a page with no Chinese left, published whole."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import polib
import pytest

from conftest import run_pipeline
from pipeline.catalogs.po_files import read_catalog
from pipeline.catalogs.sources import load_document
from pipeline.checks import check_catalog, project_checks
from pipeline.cli import main
from pipeline.core.project import open_project
from pipeline.core.scripts import cjk_runs
from pipeline.markdown.parser import env_of
from pipeline.mt.protect import protect_spans
from standins import LibreTranslateHandler, StandIn
from standins.po_checks import assert_valid_po, code_spans, entries, failures, machine_drafts

HUMAN = {
    "上图简单的展示了生成式AI和`AIGC`相关搜索指数的比较。":
        "The figure above compares search indexes of generative AI and `AIGC`.",
    "下面我们将按照这个版图为大家进行全面的介绍。": "We now go through this map in full.",
}
GLOSSARY = "source,target,language,note\nAIGC,,,\nGAN,,,\nChatGPT,,,\n生成式人工智能,generative AI,en,\n"


@pytest.fixture(autouse=True)
def local_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    for name in ("HTTP_PROXY", "http_proxy"):
        monkeypatch.delenv(name, raising=False)


def test_sample_with_a_stand_in_engine(sample_project: Path) -> None:
    root, language = sample_project, "en"
    (root / "locales").mkdir(exist_ok=True)
    (root / "locales" / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    (root / "pipeline.toml").write_text(
        '[pipeline]\nsource_language = "zh"\nlanguages = ["en", "ja"]\n\n[engine]\n'
        'timeout = 2\nflush_interval = 0\n', encoding="utf-8")
    assert main(["--root", str(root), "update", "-l", language]) == 0
    path = root / "locales" / language / "LC_MESSAGES" / "aigc-intro.po"
    catalog = polib.pofile(str(path), wrapwidth=0)
    for msgid, msgstr in HUMAN.items():
        catalog.find(msgid).msgstr = msgstr
    catalog.save()

    with StandIn(LibreTranslateHandler) as server:
        command = ["--root", str(root), "translate", "-l", language, "--engine", "libre",
                   "--engine-url", server.url, "-q"]
        assert main(command) == 0
        requests = server.behaviour.requests
        assert main(command) == 0
        assert server.behaviour.requests == requests  # nothing new: not one request

    assert_valid_po(path)
    live = entries(path)
    for msgid, msgstr in HUMAN.items():
        assert (live[msgid].msgstr, live[msgid].fuzzy) == (msgstr, False)
    drafts = machine_drafts(path)
    # Entries with nothing to translate (a link or a URL alone) are copied, not drafted.
    copied = {msgid: entry for msgid, entry in live.items()
              if "nothing to translate: copied from the source" in entry.tcomment}
    assert copied and all(not entry.fuzzy and "machine translation" not in entry.tcomment
                          for entry in copied.values())
    assert len(drafts) + len(copied) == len(live) - len(HUMAN) and not failures(path)
    for msgid, msgstr in drafts.items():
        assert code_spans(msgstr) == code_spans(msgid), msgid
    assert all("。" not in msgstr and "，" not in msgstr for msgstr in drafts.values())
    assert any("generative AI" in msgstr for msgstr in drafts.values())
    built = (root / "build" / language / "aigc-intro.md").read_text(encoding="utf-8")
    assert HUMAN["下面我们将按照这个版图为大家进行全面的介绍。"] in built


_CODE_OR_URL = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)|\]\([^)]*\)|<https?://[^>]*>"
                          r"|https?://[^\s)\]]+", re.S)
"""Code spans, link destinations (with their titles) and URLs: copied, not translated."""


def _chinese_left(markdown: str) -> list[str]:
    return cjk_runs(_CODE_OR_URL.sub(" ", markdown))


def _pseudo_english(root: Path) -> Path:
    result = run_pipeline(root, "translate", "-l", "en", "--engine", "pseudo", "-q")
    assert result.returncode == 0, result.stderr
    # The build said nothing: no entry was held back by a check.
    assert "warning" not in result.stderr and "[" not in result.stderr, result.stderr
    return root / "locales" / "en" / "LC_MESSAGES" / "aigc-intro.po"


@pytest.fixture
def pseudo_sample(sample_project: Path) -> tuple[Path, Path]:
    """The sample pseudo-translated into English by the command line, and its catalog."""
    return sample_project, _pseudo_english(sample_project)


def test_pseudo_english_of_the_sample_leaves_no_chinese(pseudo_sample) -> None:
    root, path = pseudo_sample
    assert_valid_po(path)
    live, drafts = entries(path), machine_drafts(path)
    assert len(live) == 76 and len(drafts) == len(live) and not failures(path)
    leaks = {msgid: _chinese_left(msgstr) for msgid, msgstr in drafts.items()
             if _chinese_left(msgstr)}
    assert leaks == {}
    built = (root / "build" / "en" / "aigc-intro.md").read_text(encoding="utf-8")
    assert _chinese_left(built) == []  # not one segment fell back to the source
    assert built.count("⟦") == built.count("⟧") >= len(drafts)


def test_pseudo_english_of_the_sample_passes_every_error_level_check(pseudo_sample) -> None:
    root, path = pseudo_sample
    project = open_project(root)
    document = load_document(project, "aigc-intro")
    catalog = read_catalog(path, project.shown(path))
    context = project_checks(project, document, "aigc-intro", "en", {})
    problems = [f"{context.place(entry)}: [{problem.check}] {problem.message}"
                for entry, problem in check_catalog(catalog, context)]
    assert problems == []  # warnings included
    result = run_pipeline(root, "check", "-l", "en")
    assert (result.returncode, result.stdout) == (0, "")


def test_pseudo_english_of_the_sample_keeps_every_protected_span(pseudo_sample) -> None:
    root, path = pseudo_sample
    env = env_of(load_document(open_project(root), "aigc-intro").definitions)
    for msgid, msgstr in machine_drafts(path).items():
        assert code_spans(msgstr) == code_spans(msgid), msgid
        spans = Counter(protect_spans(msgid.strip(), env).spans)
        assert {span: n for span, n in spans.items() if msgstr.count(span) < n} == {}, msgid


def test_pseudo_translation_of_the_sample_is_deterministic(pseudo_sample,
                                                           tmp_path: Path) -> None:
    root, path = pseudo_sample
    again = tmp_path / "again"
    again.mkdir()
    shutil.copytree(root / "source", again / "source")
    shutil.copy(root / "pipeline.toml", again / "pipeline.toml")
    assert machine_drafts(_pseudo_english(again)) == machine_drafts(path)
