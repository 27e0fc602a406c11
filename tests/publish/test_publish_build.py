"""``build`` writes the HTML and bilingual editions: right-to-left pages, draft notices,
links between files that resolve, quiet re-runs."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import polib
import pytest
from test_publish_support import Elements

from pipeline.catalogs.po_files import read_catalog
from pipeline.catalogs.sources import load_document
from pipeline.cli import main
from pipeline.core.project import open_project
from pipeline.publish.placement import entries_by_key
from pipeline.publish.writer import write_editions, write_source_page
from pipeline.stages.build_plan import make_site

SOURCE = "---\ntitle: 标题\n---\n\n# 标题\n\n正文[见下](#小节)。\n\n## 小节\n\n- 甲\n- 乙\n"
CONFIG = '[pipeline]\nsource_language = "zh"\nlanguages = [{languages}]\n{extra}'


def _project(make_project, languages: list[str], extra: str = "",
             docs: dict[str, str] | None = None) -> Path:
    quoted = ", ".join(f'"{code}"' for code in languages)
    return make_project(docs or {"doc": SOURCE}, CONFIG.format(languages=quoted, extra=extra))


_LINK_TARGET = re.compile(r"(\]\([^)]*\))")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_ASCII_PUNCTUATION = str.maketrans("。，、：；！？", ".,,:;!?")


def _pseudo(msgid: str) -> str:
    """``Ж`` and the msgid with its Chinese words as ``zh`` and its punctuation as ASCII,
    link targets kept: a translation that passes every check, so a build publishes it."""
    parts = _LINK_TARGET.split(msgid)
    return "Ж " + "".join(part if index % 2 else
                          _HAN.sub("zh", part).translate(_ASCII_PUNCTUATION)
                          for index, part in enumerate(parts))


def _translate(root: Path, language: str, share: float = 1.0) -> None:
    """Pseudo-translate the first ``share`` of every catalog of ``language``."""
    for path in (root / "locales" / language).rglob("*.po"):
        catalog = polib.pofile(str(path), wrapwidth=0)
        live = [entry for entry in catalog if not entry.obsolete]
        for entry in live[:round(len(live) * share)]:
            entry.msgstr = _pseudo(entry.msgid)
        catalog.save(str(path))


def _build(root: Path, *args: str) -> None:
    assert main(["--root", str(root), "update", *args]) == 0


def test_right_to_left_language(make_project) -> None:
    root = _project(make_project, ["ar"])
    _build(root)
    _translate(root, "ar")
    assert main(["--root", str(root), "build"]) == 0
    page = (root / "build/ar/doc.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in page
    assert "العربية" in (root / "build/zh/doc.html").read_text(encoding="utf-8")
    bilingual = (root / "build/bilingual/zh-ar/doc.html").read_text(encoding="utf-8")
    assert '<main class="pairs" dir="ltr">' in bilingual  # source stays on the left
    assert '<div class="target" lang="ar" dir="rtl">' in bilingual


def test_draft_language_pages_carry_a_notice(make_project) -> None:
    root = _project(make_project, ["en", "ja"], "[publish]\nthreshold = 90\n")
    _build(root)
    _translate(root, "en")
    _translate(root, "ja", 0.5)
    assert main(["--root", str(root), "build"]) == 0
    assert "notice draft" not in (root / "build/en/doc.html").read_text(encoding="utf-8")
    japanese = (root / "build/ja/doc.html").read_text(encoding="utf-8")
    assert '<p class="notice draft" role="note" lang="ja">' in japanese
    assert "notice draft" in (root / "build/bilingual/zh-ja/doc.html").read_text("utf-8")
    index = Elements((root / "build/index.html").read_text(encoding="utf-8"))
    assert [a.get("class") for _, a in index.tags if a.get("class") == "badge"] == ["badge"]


def test_a_language_to_skip_gets_no_pages(make_project) -> None:
    root = _project(make_project, ["en", "ja"],
                    '[publish]\nthreshold = 90\nbelow_threshold = "skip"\n')
    _build(root)
    _translate(root, "en")
    assert main(["--root", str(root), "build"]) == 0
    assert (root / "build/en/doc.html").exists()
    assert not (root / "build/ja").exists()
    assert "ja/doc.html" not in (root / "build/index.html").read_text(encoding="utf-8")


def _local_targets(page: Path) -> list[tuple[Path, str]]:
    targets = []
    for tag, attrs in Elements(page.read_text(encoding="utf-8")).tags:
        href = attrs.get("href") if tag in ("a", "link") else None
        if href and not urlsplit(href).scheme and not href.startswith("#"):
            path, _, fragment = href.partition("#")
            targets.append(((page.parent / unquote(path)).resolve(), unquote(fragment)))
    return targets


@pytest.mark.parametrize("formats, count", [
    ([], 1 + 2 * (1 + 2 * 2)),  # index; per doc: zh, en, ja, 2 bilingual
    (["--format", "html"], 1 + 2 * 3),  # no bilingual editions to link to
    (["--format", "bilingual"], 2 * 2),  # no pages, no index to link to
])
def test_every_link_between_pages_resolves(make_project, formats: list[str],
                                           count: int) -> None:
    root = _project(make_project, ["en", "ja"],
                    docs={"doc": SOURCE, "sub/deeper/other": "# 另一篇\n\n[回到](#另一篇)\n"})
    _build(root)
    _translate(root, "en")
    assert main(["--root", str(root), "build", *formats]) == 0
    pages = sorted((root / "build").rglob("*.html"))
    assert len(pages) == count
    for page in pages:
        for target, fragment in _local_targets(page):
            assert target.is_file(), f"{page}: {target}"
            if fragment:
                assert fragment in Elements(target.read_text(encoding="utf-8")).ids()
        page_links = Elements(page.read_text(encoding="utf-8"))
        assert set(page_links.fragment_links()) <= set(page_links.ids()), page


def test_rerun_is_quiet_and_a_deleted_page_is_rebuilt_alone(make_project, capsys) -> None:
    root = _project(make_project, ["en"])
    _build(root)
    assert main(["--root", str(root), "build"]) == 0
    first = capsys.readouterr().out.split()
    assert "build/index.html" in first and "build/bilingual/zh-en/doc.html" in first
    assert main(["--root", str(root), "build"]) == 0
    assert capsys.readouterr().out == ""
    (root / "build/en/doc.html").unlink()
    assert main(["--root", str(root), "build"]) == 0
    assert capsys.readouterr().out == "built build/en/doc.html\n"


def _outputs(root: Path) -> set[str]:
    return {p.relative_to(root / "build").as_posix() for p in (root / "build").rglob("*")
            if p.is_file()}


BILINGUAL = {"bilingual/zh-en/doc.md", "bilingual/zh-en/doc.html"}
PAGES = {"en/doc.html", "zh/doc.html", "index.html"}


@pytest.mark.parametrize("how, expected", [
    (["--format", "md"], {"en/doc.md"}),
    (["--format", "bilingual"], BILINGUAL),
    (["--format", "html", "--format", "md"], {"en/doc.md", *PAGES}),
    ([], {"en/doc.md", *PAGES, *BILINGUAL}),
    ('formats = ["md", "bilingual"]', {"en/doc.md", *BILINGUAL}),
])
def test_build_writes_the_formats_asked_for(make_project, how: list[str] | str,
                                            expected: set[str]) -> None:
    root = _project(make_project, ["en"], f"{how}\n" if isinstance(how, str) else "")
    _build(root)
    assert main(["--root", str(root), "build", *([] if isinstance(how, str) else how)]) == 0
    assert _outputs(root) == expected
    if "en/doc.md" in expected:  # not translated yet: the source itself
        assert (root / "build/en/doc.md").read_text(encoding="utf-8") == SOURCE


def test_adding_a_format_builds_its_files_on_the_next_run(make_project, capsys) -> None:
    root = _project(make_project, ["en"])
    _build(root)
    assert main(["--root", str(root), "build", "--format", "md"]) == 0
    capsys.readouterr()
    assert main(["--root", str(root), "build", "--format", "md", "--format", "bilingual"]) == 0
    assert {line.split()[-1] for line in capsys.readouterr().out.splitlines()} >= \
        {f"build/{path}" for path in BILINGUAL}


@pytest.mark.parametrize("output", ["zh/doc.html", "bilingual/zh-en/doc.md"])
def test_any_deleted_output_is_noticed(make_project, capsys, output: str) -> None:
    root = _project(make_project, ["en"])
    _build(root)
    assert main(["--root", str(root), "build"]) == 0
    (root / "build" / output).unlink()
    capsys.readouterr()
    assert main(["--root", str(root), "build"]) == 0
    assert f"built build/{output}" in capsys.readouterr().out


def _switcher(page: Path) -> list[str]:
    return [attrs["hreflang"] for tag, attrs in Elements(page.read_text(encoding="utf-8")).tags
            if tag == "link" and attrs.get("rel") == "alternate"]


def test_building_one_language_keeps_the_others_linked(make_project) -> None:
    root = _project(make_project, ["en", "ja"])
    _build(root)
    assert main(["--root", str(root), "build", "-l", "ja"]) == 0
    assert not (root / "build/en/doc.html").exists()
    assert _switcher(root / "build/zh/doc.html") == ["zh", "en", "ja"]
    _build(root, "-l", "ko")
    assert main(["--root", str(root), "build", "-l", "ko"]) == 0
    assert _switcher(root / "build/ko/doc.html") == ["zh", "en", "ja", "ko"]


def test_a_text_that_does_not_match_the_catalog_is_published_unmarked(make_project) -> None:
    root = _project(make_project, ["en"])
    _build(root)
    project = open_project(root)
    document = load_document(project, "doc")
    site = make_site(project, ["en"])
    written: list[str] = []
    source = write_source_page(project, document, "doc", site, written)
    catalog = read_catalog(project.catalog_path("doc", "en"), "en.po")
    warnings = write_editions(project, document, "doc", "en", "# Other\n\ntext\n",
                              entries_by_key(catalog), source, site, written)
    assert warnings == ["build/en/doc.html: the localized text does not match the catalog; "
                        "segments not marked"]
    assert '<h1 id="other"><span id="标题"></span>Other' in \
        (root / "build/en/doc.html").read_text(encoding="utf-8")
    assert written == ["build/zh/doc.html", "build/en/doc.html", "build/bilingual/zh-en/doc.md",
                       "build/bilingual/zh-en/doc.html"]


def test_the_index_follows_changes_no_document_job_sees(make_project) -> None:
    root = _project(make_project, ["en", "ja"], docs={"a": SOURCE, "b": "# 乙\n\n正文。\n"})
    _build(root)
    assert main(["--root", str(root), "build"]) == 0
    index = root / "build/index.html"
    # Damaged by hand, nothing else changed: repaired.
    index.write_text("x", encoding="utf-8")
    assert main(["--root", str(root), "build"]) == 0
    assert "乙" in index.read_text(encoding="utf-8")
    # ja translated, then only en built: ja's column still shows it.
    _translate(root, "ja")
    assert main(["--root", str(root), "build", "-l", "en"]) == 0
    assert 'hreflang="ja">100%</a>' in index.read_text(encoding="utf-8")
    # A deleted document leaves the index.
    (root / "source/b.md").unlink()
    _build(root)
    assert main(["--root", str(root), "build"]) == 0
    assert "乙" not in index.read_text(encoding="utf-8")


def test_the_index_is_rendered_again_only_when_its_rows_change(make_project, capsys) -> None:
    root = _project(make_project, ["en"], docs={"a": SOURCE, "b": "# 乙\n\n正文。\n"})
    _build(root)
    assert main(["--root", str(root), "build"]) == 0
    index = root / "build/index.html"
    before = index.stat().st_mtime_ns
    # A new paragraph in b: b is rebuilt, but every percentage and title stays (0%).
    (root / "source/b.md").write_text("# 乙\n\n正文。\n\n又一段。\n", encoding="utf-8")
    _build(root)
    capsys.readouterr()
    assert main(["--root", str(root), "build"]) == 0
    out = capsys.readouterr().out
    assert "build/en/b.md" in out and "build/index.html" not in out
    assert index.stat().st_mtime_ns == before
    # b's title changes: the index is written again, with the new title.
    (root / "source/b.md").write_text("# 丙\n\n正文。\n\n又一段。\n", encoding="utf-8")
    _build(root)
    assert main(["--root", str(root), "build"]) == 0
    assert "build/index.html" in capsys.readouterr().out
    assert "丙" in index.read_text(encoding="utf-8")
    # Damaged by hand: rewritten even though its rows are the same.
    index.write_text("x", encoding="utf-8")
    (root / "source/b.md").write_text("# 丙\n\n正文。\n", encoding="utf-8")
    _build(root)
    assert main(["--root", str(root), "build"]) == 0
    assert "丙" in index.read_text(encoding="utf-8")


def test_translations_wait_for_the_disk_templates_outputs_and_caches_do_not(
        make_project, monkeypatch) -> None:
    import pipeline.core.atomic_files as atomic_files

    synced: list[int] = []
    real = atomic_files.os.fsync
    monkeypatch.setattr(atomic_files.os, "fsync", lambda fd: synced.append(fd) or real(fd))
    root = _project(make_project, ["en", "ja"])
    assert main(["--root", str(root), "-j", "1", "update"]) == 0
    # New POs hold no one's work yet (update makes them again); doc.pot is made again by
    # any extract.
    assert synced == []
    source = root / "source" / "doc.md"
    source.write_text(source.read_text(encoding="utf-8") + "\n新的一段。\n", encoding="utf-8")
    assert main(["--root", str(root), "-j", "1", "update"]) == 0
    assert len(synced) == 2  # the two POs, which may now hold translations
    synced.clear()
    assert main(["--root", str(root), "-j", "1", "build"]) == 0
    assert synced == [] and (root / "build/ja/doc.html").is_file()


def test_the_order_of_formats_does_not_matter(make_project, monkeypatch) -> None:
    import pipeline.stages.build_document as build_stage

    root = _project(make_project, ["en"])
    _build(root)
    assert main(["--root", str(root), "build", "--format", "html", "--format", "md"]) == 0
    built: list[str] = []
    real = build_stage.build_document
    monkeypatch.setattr(build_stage, "build_document",
                        lambda project, name, *rest: built.append(name) or
                        real(project, name, *rest))
    assert main(["--root", str(root), "-j", "1", "build", "--format", "md",
                 "--format", "html"]) == 0
    assert built == []  # the same build: nothing to redo


def test_builds_of_different_formats_do_not_redo_each_other(make_project, capsys) -> None:
    root = _project(make_project, ["en"])
    _build(root)
    for formats in (["--format", "md"], [], ["--format", "md"], []):
        assert main(["--root", str(root), "build", *formats]) == 0
    capsys.readouterr()
    assert main(["--root", str(root), "build", "--format", "md"]) == 0
    assert main(["--root", str(root), "build"]) == 0
    assert capsys.readouterr().out == ""


def test_a_msgid_is_read_once_for_all_languages_of_a_build(make_project, monkeypatch) -> None:
    import pipeline.checks.context as context_module

    root = _project(make_project, ["en", "ja"])
    _build(root)
    _translate(root, "en")
    _translate(root, "ja")
    parsed: list[str] = []
    real = context_module.inline_facts
    monkeypatch.setattr(context_module, "inline_facts",
                        lambda text, env: parsed.append(text) or real(text, env))
    assert main(["--root", str(root), "-j", "1", "build"]) == 0
    assert "正文[见下](#小节)。" in parsed  # checked, as Markdown
    assert len(parsed) == len(set(parsed)), parsed  # msgids (and equal msgstrs) read once


def test_the_index_gives_each_document_the_title_of_its_page(make_project) -> None:
    fenced = "```bash\n# install deps\n```\n\n# 真标题\n\n正文。\n"
    setext = "**粗体**标题\n===\n\n正文。\n"
    root = _project(make_project, ["en"], docs={"a": fenced, "b": setext, "c": SOURCE})
    _build(root)
    assert main(["--root", str(root), "build"]) == 0
    index = (root / "build/index.html").read_text(encoding="utf-8")
    for name, title in (("a", "真标题"), ("b", "粗体标题"), ("c", "标题")):
        assert f"<title>{title}</title>" in \
            (root / f"build/zh/{name}.html").read_text(encoding="utf-8")
        assert f'<a href="zh/{name}.html">{title}</a>' in index
    assert "install deps" not in index


def test_an_unpublished_machine_draft_is_not_marked_as_one(make_project) -> None:
    # A machine draft equal to its source ("标题" left as it is), built without drafts:
    # the page shows the source text, marked as such, with no machine-translation notice.
    root = _project(make_project, ["en"])
    _build(root)
    path = root / "locales/en/LC_MESSAGES/doc.po"
    catalog = polib.pofile(str(path), wrapwidth=0)
    for entry in catalog:
        if entry.msgid == "标题":
            entry.msgstr, entry.flags = "标题", ["fuzzy"]
            entry.tcomment = "machine translation: pseudo 2026-11-29"
    catalog.save(str(path))
    assert main(["--root", str(root), "build", "--no-machine-drafts"]) == 0
    page = (root / "build/en/doc.html").read_text(encoding="utf-8")
    assert "-x-mtfrom-zh\"" not in page
    assert '<h1 id="标题" lang="zh">' in page


def test_a_build_reads_and_writes_the_memo_once(make_project, monkeypatch) -> None:
    from pipeline.cache.stat_memo import StatMemo

    root = _project(make_project, ["en", "ja"])
    _build(root)
    opened: list[object] = []
    saved: list[bool] = []
    real_open, real_save = StatMemo.open.__func__, StatMemo.save  # type: ignore[attr-defined]
    monkeypatch.setattr(StatMemo, "open",
                        classmethod(lambda cls, store: opened.append(store)
                                    or real_open(cls, store)))
    monkeypatch.setattr(StatMemo, "save",
                        lambda self: saved.append(self.changed) or real_save(self))
    assert main(["--root", str(root), "-j", "1", "build"]) == 0
    assert len(opened) == 1 and len(saved) == 1
