"""The sample in a real browser (Debian's headless ``chromium``, no network): built for
``en`` with the catalog the repository has and for a pseudo-translated language.

Layout is measured by a probe script added to a COPY of a page (our pages carry no script);
screenshots are written too, to look at: set ``PUBLISH_SCREENSHOTS=DIR`` to keep them.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import polib
import pytest
from test_publish_support import Elements

from conftest import ROOT, SAMPLE
from pipeline.cli import main

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (apt-get install chromium)")

PSEUDO = "ru"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         # no name resolves: the internet's images fail at once, nothing leaves the machine
         "--host-resolver-rules=MAP * ~NOTFOUND"]
PROBE = """<script>
const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
const rows = [...document.querySelectorAll('.pair:not(.same):not(.heads)')]
  .map(p => [box(p.querySelector('.source')), box(p.querySelector('.target'))]);
const code = [...document.querySelectorAll('code')].map(c => getComputedStyle(c).fontFamily);
const probe = document.createElement('pre');
probe.id = 'probe';
probe.textContent = JSON.stringify({rows, code});
document.body.appendChild(probe);
</script>
"""


def chromium(page: Path, profile: Path, *options: str, width: int = 1280) -> str:
    """Run headless chromium on ``page``; its stdout (the DOM with ``--dump-dom``)."""
    result = subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},900",
         *options, page.as_uri()],
        capture_output=True, text=True, encoding="utf-8", timeout=90)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def _pseudo_translate(path: Path) -> None:
    catalog = polib.pofile(str(path), wrapwidth=0)
    for index, entry in enumerate(e for e in catalog if not e.obsolete):
        entry.msgstr = f"Ж {entry.msgid}"
        if index % 3 == 0:  # a third of it as unreviewed machine drafts
            entry.flags = ["fuzzy"]
            entry.tcomment = "machine translation: pseudo 2026-01-01"
    catalog.save(str(path))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The sample built for en (the repository's catalog, if any) and a pseudo language."""
    root = tmp_path_factory.mktemp("browser") / "project"
    (root / "source").mkdir(parents=True)
    shutil.copy(SAMPLE, root / "source" / "aigc-intro.md")
    (root / "pipeline.toml").write_text(
        f'[pipeline]\nsource_language = "zh"\nlanguages = ["en", "{PSEUDO}"]\n',
        encoding="utf-8")
    english = ROOT / "locales/en/LC_MESSAGES/aigc-intro.po"
    if english.exists():
        target = root / "locales/en/LC_MESSAGES/aigc-intro.po"
        target.parent.mkdir(parents=True)
        shutil.copy(english, target)
    assert main(["--root", str(root), "update"]) == 0
    _pseudo_translate(root / f"locales/{PSEUDO}/LC_MESSAGES/aigc-intro.po")
    assert main(["--root", str(root), "build"]) == 0
    return root / "build"


PAGES = {"en": "en/aigc-intro.html", "pseudo": f"{PSEUDO}/aigc-intro.html",
         "bilingual": f"bilingual/zh-{PSEUDO}/aigc-intro.html", "index": "index.html"}
RUNS = {  # name: (page, width, what)
    "dom-en": ("en", 1280, "dom"),
    "probe-wide": ("bilingual", 1280, "probe"), "probe-narrow": ("bilingual", 420, "probe"),
    **{f"shot-{page}-{width}": (page, width, "shot")
       for page, width in [("en", 1280), ("pseudo", 1280), ("bilingual", 1280),
                           ("bilingual", 420)]},
}


def _run(site: Path, work: Path, profiles: Path, name: str) -> str:
    page, width, what = RUNS[name]
    target = site / PAGES[page]
    profile = profiles / name
    if what == "shot":
        return chromium(target, profile, f"--screenshot={work / name}.png", width=width)
    if what == "probe":  # a copy of the page with the probe script added
        target = target.with_name(f"{name}.html")
        html_text = (site / PAGES[page]).read_text(encoding="utf-8")
        target.write_text(html_text.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    return chromium(target, profile, "--dump-dom", width=width)


@pytest.fixture(scope="module")
def runs(site: Path, tmp_path_factory) -> dict[str, str]:
    """Every chromium run of this module, a few at a time: name → stdout."""
    keep = os.environ.get("PUBLISH_SCREENSHOTS")
    work = Path(keep) if keep else tmp_path_factory.mktemp("chromium")
    work.mkdir(parents=True, exist_ok=True)
    profiles = tmp_path_factory.mktemp("profiles")
    with ThreadPoolExecutor(max_workers=2) as pool:
        outputs = dict(zip(RUNS, pool.map(lambda name: _run(site, work, profiles, name), RUNS)))
    outputs["work"] = str(work)
    return outputs


@pytest.mark.parametrize("run", ["dom-en", "probe-wide"])
def test_anchors_resolve_in_the_browsers_dom(runs: dict[str, str], run: str) -> None:
    dom = Elements(runs[run])
    ids = dom.ids()
    links = dom.fragment_links()
    assert links and ids
    assert set(links) <= set(ids)
    assert len(ids) == len(set(ids))


def _layout(dom: str) -> dict:
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found, dom[-1000:]
    return json.loads(html.unescape(found.group(1)))


def test_side_by_side_has_two_aligned_columns(runs: dict[str, str]) -> None:
    layout = _layout(runs["probe-wide"])
    assert len(layout["rows"]) > 50
    for (s_left, s_top, s_right, _), (t_left, t_top, _, _) in layout["rows"]:
        assert s_right <= t_left and s_left < t_left  # source left, translation right
        assert abs(s_top - t_top) < 1  # each row starts level
    assert all("monospace" in family for family in layout["code"])  # code spans as code


def test_side_by_side_stacks_on_a_narrow_screen(runs: dict[str, str]) -> None:
    layout = _layout(runs["probe-narrow"])
    for (s_left, _, _, s_bottom), (t_left, t_top, _, _) in layout["rows"]:
        assert abs(s_left - t_left) < 1 and t_top >= s_bottom - 1


def test_images_keep_their_urls(site: Path) -> None:
    source = (site.parent / "source/aigc-intro.md").read_text(encoding="utf-8")
    urls = set(re.findall(r"!\[[^\]]*\]\((\S+?)\)", source))
    assert urls
    for page in ("zh/aigc-intro.html", *PAGES.values()):
        if page == "index.html":
            continue
        tags = Elements((site / page).read_text(encoding="utf-8")).tags
        sources = {attrs["src"] for tag, attrs in tags if tag == "img"}
        assert urls <= sources, page


@pytest.mark.parametrize("run", [name for name in RUNS if name.startswith("shot-")])
def test_screenshots(runs: dict[str, str], run: str) -> None:
    shot = Path(runs["work"]) / f"{run}.png"
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
