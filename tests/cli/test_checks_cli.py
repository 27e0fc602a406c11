"""``check`` and ``check --fix`` on a project, and the checks during ``build``: an entry that
fails an error-level check is not published and the build says so."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import run_pipeline
from pipeline.catalogs.po_files import read_catalog, serialize_catalog
from pipeline.cli import main

SOURCE = "# 标题\n\n正文包含`GAN`代码。\n\n第二段，共2,000个。\n"
GOOD = {"标题": "Title", "正文包含`GAN`代码。": "The body has `GAN` code.",
        "第二段，共2,000个。": "Second paragraph, 2000 in all."}


Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """The command line run in this process (fast), its output as a finished subprocess's."""
    def command(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
        capsys.readouterr()
        code = main(["--root", str(root), *args])
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out, err)
    return command


@pytest.fixture
def project(make_project, run: Run) -> Callable[..., Path]:
    """A project whose English catalog has the GOOD translations with ``changes``."""
    def create(changes: dict[str, str], config: str | None = None) -> Path:
        root = make_project({"doc": SOURCE}, config)
        assert run(root, "update", "-l", "en").returncode == 0
        path = root / "locales/en/LC_MESSAGES/doc.po"
        catalog = read_catalog(path, "doc.po")
        for entry in catalog:
            entry.msgstr = {**GOOD, **changes}[entry.msgid]
        path.write_text(serialize_catalog(catalog), encoding="utf-8")
        return root
    return create


def msgid_line(root: Path, msgid: str) -> int:
    lines = (root / "locales/en/LC_MESSAGES/doc.po").read_text(encoding="utf-8").split("\n")
    return lines.index(f'msgid "{msgid}"') + 1


def test_clean_catalog_passes(project, run) -> None:
    result = run(project({}), "check")
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == "0 errors, 0 warnings in 1 catalog\n"


def test_problems_print_compiler_style_and_exit_1(project, run) -> None:
    root = project({"正文包含`GAN`代码。": "The body has GAN code. "})
    result = run(root, "check", "-l", "en")
    line = msgid_line(root, "正文包含`GAN`代码。")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"locales/en/LC_MESSAGES/doc.po:{line}: [code-spans] code span `GAN` missing",
        f"locales/en/LC_MESSAGES/doc.po:{line}: [whitespace] warning: trailing whitespace "
        "differs from the source's"]
    assert result.stderr == "1 error, 1 warning in 1 catalog\n"


def test_exit_status_of_the_real_command_line(project, run) -> None:
    root = project({"正文包含`GAN`代码。": "The body has GAN code."})
    result = run_pipeline(root, "check")
    assert result.returncode == 1 and "[code-spans]" in result.stdout


def test_warnings_alone_exit_0(project, run) -> None:
    root = project({"标题": " Title"})
    result = run(root, "check")
    assert result.returncode == 0
    assert "[whitespace] warning:" in result.stdout


def test_check_levels_from_pipeline_toml(project, run) -> None:
    config = '[pipeline]\nlanguages = ["en"]\n\n[check]\nwarnings = ["code-spans"]\n'
    root = project({"正文包含`GAN`代码。": "The body has GAN code."},
                              config)
    result = run(root, "check")
    assert result.returncode == 0
    assert "[code-spans] warning: code span `GAN` missing" in result.stdout


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["CRLF", "CR"])
def test_a_problem_in_a_po_with_other_line_ends_names_its_line(project, run,
                                                               newline: str) -> None:
    """Messages count lines as the catalog is read: CRLF and lone CR end a line alike."""
    root = project({"正文包含`GAN`代码。": "The body has GAN code."})
    line = msgid_line(root, "正文包含`GAN`代码。")
    po = root / "locales/en/LC_MESSAGES/doc.po"
    po.write_bytes(po.read_bytes().replace(b"\n", newline.encode()))
    result = run(root, "check")
    assert f"locales/en/LC_MESSAGES/doc.po:{line}: [code-spans]" in result.stdout


def test_fix_applies_only_safe_fixes(project, run) -> None:
    root = project({
        "第二段，共2,000个。": "Second paragraph，2000  in all。",
        "正文包含`GAN`代码。": "The body has GAN code."})
    result = run(root, "check", "--fix")
    catalog = read_catalog(root / "locales/en/LC_MESSAGES/doc.po", "doc.po")
    assert catalog.find("第二段，共2,000个。").msgstr == "Second paragraph, 2000 in all."
    assert catalog.find("正文包含`GAN`代码。").msgstr == "The body has GAN code."  # content
    line = msgid_line(root, "第二段，共2,000个。")
    assert result.stdout.splitlines()[0] == (f"locales/en/LC_MESSAGES/doc.po:{line}: "
                                             "fixed [full-width, whitespace]")
    assert result.returncode == 1 and "[code-spans]" in result.stdout
    again = run(root, "check", "--fix")
    assert "fixed" not in again.stdout


def test_build_withholds_a_failing_translation(project, run) -> None:
    root = project({"正文包含`GAN`代码。": "The body has GAN code."})
    result = run(root, "build", "-l", "en")
    assert result.returncode == 0, result.stderr
    line = msgid_line(root, "正文包含`GAN`代码。")
    # As check calls it: an error, and the build says what it did about it.
    assert (f"error: locales/en/LC_MESSAGES/doc.po:{line}: [code-spans] code span `GAN` "
            "missing (not published: the page keeps the source text)") \
        in result.stderr.splitlines()
    output = (root / "build/en/doc.md").read_text(encoding="utf-8")
    assert output == "# Title\n\n正文包含`GAN`代码。\n\nSecond paragraph, 2000 in all.\n"


def test_build_publishes_warnings(project, run) -> None:
    root = project({"标题": "Title "})
    result = run(root, "build", "-l", "en")
    assert result.returncode == 0 and "warning" not in result.stderr
    assert (root / "build/en/doc.md").read_text(encoding="utf-8").startswith("# Title")


def test_threshold_skip_and_draft(project, run) -> None:
    skip = ('[pipeline]\nlanguages = ["en", "ja"]\n\n'
            '[publish]\nthreshold = 50\nbelow_threshold = "skip"\n')
    root = project({}, skip)
    assert run(root, "update").returncode == 0  # ja: a PO with nothing translated
    result = run(root, "build")
    assert result.returncode == 0, result.stderr
    assert "warning: ja not built: 0.0% of entries published, below the threshold of 50%" \
        in result.stderr
    assert (root / "build/en/doc.md").exists() and not (root / "build/ja/doc.md").exists()
    stats = run(root, "stats")
    assert ("ja: not started, 0.0% of entries published (threshold 50%): not built: below the "
            "threshold") in stats.stdout
    assert "en: complete, 100.0% of entries published (threshold 50%): built" in stats.stdout


def test_a_nul_in_a_translation_is_never_published(project, run) -> None:
    root = project({"标题": "Ti\x00tle"})
    result = run(root, "check")
    assert result.returncode == 1
    assert result.stdout == (f"locales/en/LC_MESSAGES/doc.po:{msgid_line(root, '标题')}: "
                             "[control-characters] control character(s) U+0000 not in the "
                             "source\n")
    assert run(root, "build", "-l", "en").returncode == 0
    outputs = b"".join(p.read_bytes() for p in (root / "build").rglob("*") if p.is_file())
    assert b"\x00" not in outputs and b"# Title" not in outputs


def test_a_broken_plural_forms_header_is_reported(project, run) -> None:
    root = project({})
    path = root / "locales/en/LC_MESSAGES/doc.po"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("nplurals=2; plural=(n != 1);", "nplurals=x; plural=(n!=;"),
                    encoding="utf-8")
    result = run(root, "check")
    header = text.split("\n").index('msgid ""') + 1
    assert (result.returncode, result.stdout) == (
        1, f"locales/en/LC_MESSAGES/doc.po:{header}: [plural-forms] Plural-Forms is not "
           "'nplurals=N; plural=EXPRESSION;': 'nplurals=x; plural=(n!=;'\n")


def test_check_lists_the_flags_it_understands(project, run) -> None:
    result = run(project({}), "check", "--list-flags")
    assert result.returncode == 0
    flags = result.stdout.split()
    assert "ignore-code-spans" in flags and "ignore-script-leak" in flags
    assert all(flag.startswith("ignore-") for flag in flags)
