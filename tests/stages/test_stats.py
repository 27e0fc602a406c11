"""``stats``: counts by review state that equal polib's own, the table, JSON and the page."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from conftest import FIXTURES, ROOT
from pipeline.catalogs.counts import STATES, catalog_stats, source_words
from pipeline.catalogs.po_files import read_catalog
from pipeline.cli import main
from pipeline.core.entry_state import MACHINE_COMMENT

CHECKS_FIXTURES = FIXTURES / "checks"
CATALOGS = sorted(CHECKS_FIXTURES.glob("*.po")) + sorted((ROOT / "locales").glob("*/LC_MESSAGES/*.po"))
DRAFT = f"{MACHINE_COMMENT} google 2026-11-29"


@pytest.mark.parametrize("text, words", [
    ("生成式人工智能", 7),
    ("随着`ChatGPT`的病毒式传播", 9),
    ("Generative AI isn't new", 4),
    ("GPT-3.5 与 2,000 张图", 5),
    ("原文链接：[入门篇](https://mp.weixin.qq.com/s/GOPoZ1wKe)", 7),
    ("", 0),
], ids=["han", "han-and-code", "english", "versions-and-numbers", "url-not-counted", "empty"])
def test_source_words(text: str, words: int) -> None:
    assert source_words(text) == words


def mixed_catalog() -> polib.POFile:
    """Every state once or more, plus an obsolete entry that counts nowhere."""
    catalog = polib.POFile()
    catalog.append(polib.POEntry(msgid="甲", msgstr="A"))
    catalog.append(polib.POEntry(msgid="乙乙", msgstr="B", flags=["fuzzy"], tcomment=DRAFT))
    catalog.append(polib.POEntry(msgid="丙丙丙", msgstr="C", flags=["fuzzy"],
                                 previous_msgid="丙"))
    catalog.append(polib.POEntry(msgid="丁", msgstr="D", flags=["fuzzy"]))
    catalog.append(polib.POEntry(msgid="戊", msgstr=""))
    catalog.append(polib.POEntry(msgid="己", msgstr="E", obsolete=True))
    return catalog


def assert_polib_counts(catalog: polib.POFile) -> None:
    stats = catalog_stats("doc", "en", catalog)
    assert stats.states["translated"].entries == len(catalog.translated_entries())
    assert (stats.states["machine draft"].entries + stats.states["stale"].entries
            == len(catalog.fuzzy_entries()))
    assert stats.states["untranslated"].entries == len(catalog.untranslated_entries())
    assert stats.total.entries == len([e for e in catalog if not e.obsolete])


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.stem)
def test_counts_equal_polibs_on_catalog_files(path: Path) -> None:
    assert_polib_counts(read_catalog(path, path.name))


def test_counts_equal_polibs_on_every_state() -> None:
    catalog = mixed_catalog()
    assert_polib_counts(catalog)
    stats = catalog_stats("doc", "en", catalog, failing=lambda entry: entry.msgid == "甲",
                          published=lambda entry: entry.msgid in ("甲", "乙乙"))
    assert {state: (t.entries, t.words) for state, t in stats.states.items()} == {
        "translated": (1, 1), "machine draft": (1, 2), "stale": (2, 4), "untranslated": (1, 1)}
    assert (stats.failing.entries, stats.failing.words) == (1, 1)
    assert (stats.published.entries, stats.percent_published) == (2, 37.5)


@pytest.fixture
def stats_project(make_project) -> Path:
    root = make_project({"doc": "# 标题\n\n正文包含`GAN`代码。\n\n第二段。\n"},
                        '[pipeline]\nlanguages = ["en", "ja"]\n\n[publish.thresholds]\nen = 90\n')
    assert main(["--root", str(root), "update", "-l", "en"]) == 0
    path = root / "locales/en/LC_MESSAGES/doc.po"
    catalog = read_catalog(path, "doc.po")
    catalog.find("标题").msgstr = "Title"
    catalog.find("正文包含`GAN`代码。").msgstr = "The body has GAN code."  # fails a check
    path.write_text(str(catalog), encoding="utf-8")
    return root


def test_stats_json_matches_polib(stats_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--root", str(stats_project), "stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    en, ja = data["documents"]
    catalog = read_catalog(stats_project / "locales/en/LC_MESSAGES/doc.po", "doc.po")
    assert (en["document"], en["language"]) == ("doc", "en")
    assert en["translated"]["entries"] == len(catalog.translated_entries())
    assert en["untranslated"]["entries"] == len(catalog.untranslated_entries())
    assert en["failing"] == {"entries": 1, "words": source_words("正文包含`GAN`代码。")}
    # no PO for ja yet: the template's entries, all untranslated
    assert ja["untranslated"]["entries"] == ja["total"]["entries"] == 3
    # Two of three entries translated, one of them failing a check: the build publishes one.
    assert en["published"] == {"entries": 1, "words": source_words("标题")}
    assert en["percent_words_published"] == round(100 * 2 / en["total"]["words"], 1)
    assert data["languages"] == [
        {"language": "en", "progress": "in progress", "publication": "draft",
         "percent_published": 33.3, "threshold": 90.0},
        {"language": "ja", "progress": "not started", "publication": "published",
         "percent_published": 0.0,
         "threshold": 0.0}]
    assert (stats_project / "build/status.html").exists()


def test_stats_table(stats_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--root", str(stats_project), "stats", "-l", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("  ")[0:2] == ["document", "lang"]
    assert all(state in lines[0] for state in STATES)
    assert lines[1].split()[:4] == ["doc", "en", "2", "(9"]
    assert lines[-2] == ("en: in progress 33 %, 33.3% of entries published (threshold 90%): "
                         "built, marked draft")
    assert lines[-1] == "wrote build/status.html"


def test_status_page_content(stats_project: Path) -> None:
    assert main(["--root", str(stats_project), "stats"]) == 0
    page = (stats_project / "build/status.html").read_text(encoding="utf-8")
    assert "<h2>doc</h2>" in page
    # en: 1 of 3 entries published, below its threshold of 90; ja: no catalog yet.
    assert 'class="badge in-progress">in progress 33 %<' in page
    assert '<td class="built draft">built, marked draft</td>' in page
    assert 'class="badge not-started">not started<' in page
    assert "badge published" not in page  # no language is called published for what it has
    assert "1 failing" in page
    assert "http://" not in page and "https://" not in page  # no external resources


def test_a_build_after_update_counts_without_reading_the_catalogs_again(make_project,
                                                                       monkeypatch) -> None:
    import pipeline.stages.publication as completion
    from pipeline.cli import main

    root = make_project({f"doc{i}": f"# 标题{i}\n\n正文{i}。\n" for i in range(10)},
                        '[pipeline]\nsource_language = "zh"\nlanguages = ["en", "ja"]\n')
    assert main(["--root", str(root), "update"]) == 0

    def no_read(*args: object) -> None:
        raise AssertionError("a catalog was read again to count its entries")

    monkeypatch.setattr(completion, "read_catalog", no_read)
    assert main(["--root", str(root), "build"]) == 0  # thresholds, index: all from the memo
    assert 'hreflang="en">0%</a>' in (root / "build/index.html").read_text(encoding="utf-8")


def test_memoized_counts_are_worked_out_again_by_other_code(make_project, monkeypatch) -> None:
    from pipeline.cli import main
    from pipeline.core.project import open_project
    from pipeline.stages import publication as completion

    root = make_project({"doc": "# 标题\n\n正文。\n"})
    assert main(["--root", str(root), "update", "-l", "en"]) == 0
    project = open_project(root)
    counted: list[str] = []
    real = completion._counts
    monkeypatch.setattr(completion, "_counts",
                        lambda project, name, language, path:
                        counted.append(path) or real(project, name, language, path))
    memo = completion.StatMemo(root / "memo.json")
    completion.document_counts(project, "doc", "en", memo)
    completion.document_counts(project, "doc", "en", memo)
    assert len(counted) == 1  # the second time from the memo
    monkeypatch.setattr(completion, "code_digest", lambda: "other code")
    completion.document_counts(project, "doc", "en", memo)
    assert len(counted) == 2
