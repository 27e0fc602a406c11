"""``build/status.html`` in a real browser: headless Chromium (Debian's ``chromium``) opens it
without a console message, and a screenshot shows bars in the proportions of the counts.

Skipped, with the reason, where ``/usr/bin/chromium`` is not installed.
"""

from __future__ import annotations

import struct
import subprocess
import zlib
from collections import Counter
from pathlib import Path

import polib
import pytest

from pipeline.cli.stats import stats as run_stats
from pipeline.core.entry_state import MACHINE_COMMENT
from pipeline.core.project import open_project
from pipeline.stages.update import update_document

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="/usr/bin/chromium is absent (apt-get install chromium)")

# The page's colours (pipeline/publish/templates/status.html) for each state.
COLOURS = {"translated": (0x2E, 0x7D, 0x32), "machine draft": (0x19, 0x76, 0xD2),
           "stale": (0xF9, 0xA8, 0x25), "untranslated": (0xD5, 0xD5, 0xD5)}
# Ten letters each: every paragraph has the same number of words.
PARAGRAPHS = ["甲乙丙丁戊己庚辛壬癸。", "子丑寅卯辰巳午未申酉。", "金木水火土日月山川海。",
              "春夏秋冬东南西北上下。"]
# en: half translated; ja: a quarter in each state.
STATES = {"en": ["translated", "translated", "untranslated", "untranslated"],
          "ja": ["translated", "machine draft", "stale", "untranslated"]}


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=90)


def console_messages(page: Path, profile: Path) -> tuple[str, list[str]]:
    """The page's DOM after loading, and every console message Chromium logged for it."""
    result = chromium("--enable-logging=stderr", "--v=0", "--dump-dom", page.as_uri(),
                      profile=profile)
    return result.stdout, [line for line in result.stderr.splitlines() if ":CONSOLE" in line]


def read_png(path: Path) -> list[list[tuple[int, int, int]]]:
    """Rows of RGB pixels of an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium
    writes), decoded with zlib: no imaging library needed."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, header = 8, b"", b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        chunk = data[position + 8:position + 8 + length]
        header = chunk if kind == b"IHDR" else header
        idat += chunk if kind == b"IDAT" else b""
        position += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0
    size = 4 if colour == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * size
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - size] if x >= size else 0
            up = previous[x]
            corner = previous[x - size] if x >= size else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[x] = (line[x] + predictor) & 255
        rows.append([tuple(line[x:x + 3]) for x in range(0, stride, size)])
        previous = line
    return rows


def bar_rows(rows: list[list[tuple[int, int, int]]]) -> list[Counter[str]]:
    """One colour count per bar drawn (its middle pixel row), top to bottom."""
    names = {colour: name for name, colour in COLOURS.items()}
    counted = [Counter(names[p] for p in row if p in names) for row in rows]
    # A bar row is mostly state colours (legend swatches and badges are small).
    is_bar = [sum(count.values()) > 300 for count in counted]
    bars, start = [], None
    for y, flag in enumerate(is_bar + [False]):
        if flag and start is None:
            start = y
        elif not flag and start is not None:
            bars.append(counted[(start + y) // 2])
            start = None
    return bars


@pytest.fixture(scope="module")
def status_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("status") / "project"
    (root / "source").mkdir(parents=True)
    (root / "source" / "doc.md").write_text("\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    (root / "pipeline.toml").write_text('[pipeline]\nlanguages = ["en", "ja"]\n',
                                        encoding="utf-8")
    project = open_project(root)
    update_document(project, "doc", ["en", "ja"])
    for language, states in STATES.items():
        path = project.catalog_path("doc", language)
        catalog = polib.pofile(str(path), wrapwidth=0)
        for entry, state in zip(catalog, states):
            entry.msgstr = "" if state == "untranslated" else "(" + entry.msgid + ")"
            if state in ("machine draft", "stale"):
                entry.flags.append("fuzzy")
                entry.tcomment = f"{MACHINE_COMMENT} google 2026-11-29"
            if state == "stale":
                entry.previous_msgid = entry.msgid[:5]
        catalog.save(str(path))
    assert run_stats(project, ["en", "ja"]) == 0
    return project.build_dir / "status.html"


def test_opens_without_console_messages(status_page: Path, tmp_path: Path) -> None:
    dom, messages = console_messages(status_page, tmp_path / "profile")
    assert "<h2>doc</h2>" in dom
    assert messages == []


def test_console_messages_are_caught(tmp_path: Path) -> None:
    # The control: a page that loads an external image under the same policy is reported.
    page = tmp_path / "external.html"
    page.write_text("<!DOCTYPE html><meta http-equiv=\"Content-Security-Policy\" "
                    "content=\"default-src 'none'\"><img src=\"https://example.com/a.png\">",
                    encoding="utf-8")
    _, messages = console_messages(page, tmp_path / "profile")
    assert any("example.com" in message for message in messages)


def test_screenshot_shows_the_bars(status_page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "status.png"
    result = chromium("--hide-scrollbars", "--force-device-scale-factor=1",
                      f"--screenshot={shot}", "--window-size=1000,480", status_page.as_uri(),
                      profile=tmp_path / "profile")
    assert shot.exists(), result.stderr
    bars = bar_rows(read_png(shot))
    assert len(bars) == 2  # en, then ja
    for bar, language in zip(bars, ("en", "ja")):
        width = sum(bar.values())
        assert width > 400
        expected = Counter(STATES[language])
        for state in COLOURS:
            share = bar[state] / width
            assert share == pytest.approx(expected[state] / 4, abs=0.01), (language, state)
