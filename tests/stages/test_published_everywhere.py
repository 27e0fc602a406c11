"""One definition of published: what the build puts on the page is what ``stats``, its
JSON, the status page, the index and the thresholds count."""

from __future__ import annotations

import json
from pathlib import Path

import polib

from conftest import run_pipeline

SOURCE = "# 标题\n\n正文包含`GAN`代码。\n\n第二段。\n"


def _project(make_project, config: str = "") -> Path:
    root = make_project({"doc": SOURCE}, '[pipeline]\nsource_language = "zh"\n'
                        'languages = ["en"]\n' + config)
    assert run_pipeline(root, "update").returncode == 0
    path = root / "locales/en/LC_MESSAGES/doc.po"
    catalog = polib.pofile(str(path), wrapwidth=0)
    catalog.find("标题").msgstr = "Title"
    catalog.find("正文包含`GAN`代码。").msgstr = "The body has GAN code."  # loses the code span
    catalog.save()
    return root


def test_the_counts_are_the_pages(make_project) -> None:
    root = _project(make_project)
    build = run_pipeline(root, "build")
    assert build.returncode == 0
    page = (root / "build/en/doc.md").read_text(encoding="utf-8")
    shown = [line for line in page.splitlines() if line and line not in SOURCE.splitlines()]
    assert shown == ["# Title"]  # one entry of three published
    stats = json.loads(run_pipeline(root, "stats", "--json").stdout)
    [row] = stats["documents"]
    assert row["published"]["entries"] == len(shown) == 1
    assert row["failing"]["entries"] == 1 and row["translated"]["entries"] == 2
    assert stats["languages"][0]["percent_published"] == 33.3
    assert 'hreflang="en">33%</a>' in (root / "build/index.html").read_text(encoding="utf-8")
    status = (root / "build/status.html").read_text(encoding="utf-8")
    assert "1 failing" in status


def test_the_thresholds_count_what_is_published(make_project) -> None:
    root = _project(make_project, '[publish]\nthreshold = 50\nbelow_threshold = "skip"\n')
    result = run_pipeline(root, "build")
    assert result.returncode == 0
    # Two entries translated (66.7 %), one of them failing: 33.3 % published, below 50.
    assert "warning: en not built: 33.3% of entries published, below the threshold of 50%" \
        in result.stderr
    assert not (root / "build/en/doc.md").exists()


def test_make_writes_the_status_page_and_the_index_links_it(make_project) -> None:
    root = _project(make_project)
    for command in (["stats"], ["build"]):  # as make runs them
        assert run_pipeline(root, *command).returncode == 0
    index = (root / "build/index.html").read_text(encoding="utf-8")
    assert '<a href="status.html" lang="zh">翻译进度</a>' in index
    (root / "build/status.html").unlink()
    assert run_pipeline(root, "build").returncode == 0  # no dead link
    assert "status.html" not in (root / "build/index.html").read_text(encoding="utf-8")
