"""Per-entry exemptions: ``#, ignore-<check>`` turns one check off for one entry, in
``check``, ``stats``, ``check --fix`` and the build alike; a flag naming no check warns, and
gettext's own flags are never reported."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from conftest import FIXTURES
from pipeline.catalogs.po_files import read_catalog, serialize_catalog
from pipeline.checks import CHECKS, CheckContext, check_entry, understood_flags
from pipeline.checks.checkers import ENTRY_CHECK_NAMES, HEADER_CHECK_NAMES
from pipeline.checks.fixes import fix_entry
from pipeline.checks.review import check_levels
from pipeline.cli import main

TPU_MSGID = "类似的，`Tensor Processing Units（TPU）`是由`Google`设计的。"
TPU_MSGSTR = "Similarly, `Tensor Processing Units (TPU)` were designed by `Google`."
"""The case seen in the sample: ASCII parentheses wanted inside a code span."""


def _entry(msgid: str, msgstr: str, *flags: str) -> polib.POEntry:
    return polib.POEntry(msgid=msgid, msgstr=msgstr, comment="paragraph", flags=list(flags))


def _problems(entry: polib.POEntry, **settings: object) -> list[tuple[str, str, str]]:
    context = CheckContext(language="en", **settings)  # type: ignore[arg-type]
    return [(p.check, p.level, p.message) for p in check_entry(entry, context)]


def test_understood_flags_are_one_per_check_of_entries() -> None:
    flags = understood_flags()
    assert {"ignore-code-spans", "ignore-script-leak", "ignore-glossary", "ignore-flags"} \
        <= set(flags)
    assert len(flags) == len(set(flags)) == len({name for name, _ in CHECKS})
    # A header check is not an entry's: pipeline.toml's [check] turns it off.
    assert not {f"ignore-{name}" for name in HEADER_CHECK_NAMES} & set(flags)


def test_the_flag_turns_its_check_off_for_that_entry_only() -> None:
    assert _problems(_entry(TPU_MSGID, TPU_MSGSTR)) == [
        ("code-spans", "error", "code span `Tensor Processing Units（TPU）` missing; "
                                "code span `Tensor Processing Units (TPU)` added")]
    assert _problems(_entry(TPU_MSGID, TPU_MSGSTR, "ignore-code-spans")) == []
    assert _problems(_entry(TPU_MSGID, TPU_MSGSTR, "fuzzy", "ignore-code-spans")) == []


def test_other_checks_still_run_on_an_exempted_entry() -> None:
    entry = _entry(TPU_MSGID + "共2,000个。", TPU_MSGSTR + " 3000 in all，", "ignore-code-spans")
    assert [check for check, _, _ in _problems(entry)] == ["numbers", "full-width"]


FAILING = {
    "code-spans": (TPU_MSGID, TPU_MSGSTR),
    "links": ("见[官网](https://a.example)", "See the site."),
    "markup": ("**重要**的事", "an important thing"),
    "new-block": ("标题", "# Title"),
    "glossary": ("生成对抗网络GAN", "generative adversarial network"),
    "numbers": ("共2,000个", "3000 in all"),
    "script-leak": ("数据来自谷歌趋势", "Data from 谷歌 Trends"),
    "full-width": ("数据来自谷歌趋势", "Data from Google Trends。"),
    "untranslated": ("你好", "你好"),
    "length-ratio": ("数据来自谷歌趋势的统计结果", "Data."),
    "whitespace": ("你好", "Hello "),
    "control-characters": ("你好", "Hel\x00lo"),
}
"""For each check of entries but ``flags``, a translation it reports."""


def test_every_check_of_entries_has_a_failing_case() -> None:
    assert set(FAILING) == set(ENTRY_CHECK_NAMES) - {"flags"}


@pytest.mark.parametrize("name", FAILING)
def test_every_check_of_entries_can_be_exempted(name: str) -> None:
    from pipeline.catalogs.glossary import Glossary, GlossaryEntry

    glossary = Glossary((GlossaryEntry("GAN"),))
    entry = _entry(*FAILING[name])
    assert name in [check for check, _, _ in _problems(entry, glossary=glossary)]
    entry.flags = [f"ignore-{name}"]
    assert name not in [check for check, _, _ in _problems(entry, glossary=glossary)]


def test_both_glossary_checks_answer_to_one_flag() -> None:
    from pipeline.catalogs.glossary import Glossary, GlossaryEntry

    glossary = Glossary((GlossaryEntry("GAN"), GlossaryEntry("人工智能", "AI", "en")))
    entry = _entry("GAN和人工智能", "adversarial networks and machine intelligence")
    assert [m for c, _, m in _problems(entry, glossary=glossary) if c == "glossary"] == [
        "do-not-translate term 'GAN' missing", "'人工智能' must be translated as 'AI'"]
    entry.flags = ["ignore-glossary"]
    assert [c for c, _, _ in _problems(entry, glossary=glossary)] == []


@pytest.mark.parametrize("flags", [
    ["fuzzy"], ["no-wrap"], ["wrap"], ["c-format"], ["no-c-format"], ["python-brace-format"],
    ["possible-c-format"], ["range: 1..5"], ["fuzzy", "no-wrap", "python-format"],
    ["ignored"], ["ignore"], ["IGNORE-code-spans-typo"],
])
def test_gettext_flags_are_never_reported(flags: list[str]) -> None:
    assert _problems(_entry("你好", "Hello", *flags)) == []


@pytest.mark.parametrize("flag, message", [
    ("ignore-code-spam", "unknown flag 'ignore-code-spam': no check is named 'code-spam'; "
                         "did you mean 'ignore-code-spans'?"),
    ("ignore-scriptleak", "unknown flag 'ignore-scriptleak': no check is named 'scriptleak'; "
                          "did you mean 'ignore-script-leak'?"),
    ("ignore-everything", "unknown flag 'ignore-everything': no check is named 'everything' "
                          f"(known: {', '.join(ENTRY_CHECK_NAMES)})"),
    ("ignore-", "unknown flag 'ignore-': no check is named '' "
                f"(known: {', '.join(ENTRY_CHECK_NAMES)})"),
    ("ignore-plural-forms", "flag 'ignore-plural-forms' turns nothing off: 'plural-forms' "
                            "checks the catalog's header (turn it off in pipeline.toml: "
                            "[check] disabled = [\"plural-forms\"])"),
])
def test_an_unknown_ignore_flag_is_a_warning_on_its_entry(flag: str, message: str) -> None:
    assert _problems(_entry("你好", "Hello", "fuzzy", flag)) == [("flags", "warning", message)]


def test_a_misspelt_flag_exempts_nothing_and_each_is_reported_once() -> None:
    entry = _entry(TPU_MSGID, TPU_MSGSTR, "ignore-code-spam", "ignore-code-spam",
                   "ignore-numbrs")
    assert [(check, level) for check, level, _ in _problems(entry)] == [
        ("flags", "warning"), ("flags", "warning"), ("code-spans", "error")]


def test_the_flags_check_answers_to_check_levels() -> None:
    entry = _entry("你好", "Hello", "ignore-code-spam")
    assert _problems(entry, levels=check_levels({"disabled": ["flags"]})) == []
    assert [level for _, level, _ in
            _problems(entry, levels=check_levels({"warnings": ["flags"]}))] == ["warning"]
    # ignore-flags is a flag like any other: the entry asks for no word on its flags.
    assert _problems(_entry("你好", "Hello", "ignore-code-spam", "ignore-flags")) == []


def test_untranslated_and_obsolete_entries_are_not_checked_at_all() -> None:
    assert _problems(_entry("你好", "", "ignore-code-spam")) == []
    obsolete = _entry("你好", "Hello", "ignore-code-spam")
    obsolete.obsolete = True
    assert _problems(obsolete) == []


def test_check_fix_leaves_an_exempted_check_alone() -> None:
    context = CheckContext(language="en")
    entry = _entry("你好，世界", "Hello，world")
    assert fix_entry(entry, context) == ("Hello, world", ["full-width"])
    entry.flags = ["ignore-full-width"]
    assert fix_entry(entry, context) == ("Hello，world", [])


@pytest.mark.parametrize("name", ["exempt-code-spans", "exempt-code-spans-other-checks-run",
                                  "unknown-ignore-flag"])
def test_msgfmt_accepts_catalogs_with_ignore_flags(name: str) -> None:
    if shutil.which("msgfmt") is None:
        pytest.skip("msgfmt (gettext) is not installed")
    path = FIXTURES / "checks" / f"{name}.po"
    assert any(flag.startswith("ignore-") for entry in polib.pofile(str(path))
               for flag in entry.flags)
    for extra in ([], ["--use-fuzzy"]):
        result = subprocess.run(["msgfmt", "-c", *extra, "-o", "/dev/null", str(path)],
                                capture_output=True, text=True, timeout=30)
        assert (result.returncode, result.stderr) == (0, "")


SOURCE = f"# 标题\n\n{TPU_MSGID}\n\n第二段，共2,000个。\n"
GOOD = {"标题": "Title", TPU_MSGID: TPU_MSGSTR, "第二段，共2,000个。": "Second paragraph, 2000 in all."}


@pytest.fixture
def tpu_project(make_project, capsys: pytest.CaptureFixture[str]):
    """A project whose English catalog has the TPU translation, with ``flags`` on it."""
    def create(*flags: str) -> Path:
        root = make_project({"doc": SOURCE}, '[pipeline]\nlanguages = ["en"]\n')
        assert main(["--root", str(root), "update", "-l", "en"]) == 0
        path = root / "locales/en/LC_MESSAGES/doc.po"
        catalog = read_catalog(path, "doc.po")
        for entry in catalog:
            entry.msgstr = GOOD[entry.msgid]
        catalog.find(TPU_MSGID).flags += flags
        path.write_text(serialize_catalog(catalog), encoding="utf-8")
        capsys.readouterr()
        return root
    return create


def _run(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _failing(root: Path, capsys: pytest.CaptureFixture[str]) -> int:
    """The entries ``stats --json`` counts as failing an error-level check."""
    import json

    code, out, _ = _run(root, capsys, "stats", "-l", "en", "--json")
    assert code == 0
    [document] = json.loads(out)["documents"]
    return int(document["failing"]["entries"])


def test_without_the_flag_the_entry_fails_everywhere(tpu_project, capsys) -> None:
    root = tpu_project()
    code, out, _ = _run(root, capsys, "check")
    assert code == 1 and "[code-spans] code span `Tensor Processing Units（TPU）` missing" in out
    assert _failing(root, capsys) == 1
    code, _, err = _run(root, capsys, "build", "-l", "en", "--format", "md")
    assert code == 0 and "[code-spans]" in err
    assert TPU_MSGID in (root / "build/en/doc.md").read_text(encoding="utf-8")


def test_check_stats_and_build_honour_the_flag(tpu_project, capsys) -> None:
    root = tpu_project("ignore-code-spans")
    assert _run(root, capsys, "check") == (0, "", "0 errors, 0 warnings in 1 catalog\n")
    assert _failing(root, capsys) == 0
    code, _, err = _run(root, capsys, "build", "-l", "en", "--format", "md")
    assert (code, err) == (0, "")
    assert (root / "build/en/doc.md").read_text(encoding="utf-8") == \
        f"# Title\n\n{TPU_MSGSTR}\n\nSecond paragraph, 2000 in all.\n"
    # update keeps the flag: the exemption is the translator's, like the translation.
    assert _run(root, capsys, "update", "-l", "en")[0] == 0
    catalog = read_catalog(root / "locales/en/LC_MESSAGES/doc.po", "doc.po")
    assert "ignore-code-spans" in catalog.find(TPU_MSGID).flags


def test_check_warns_of_a_misspelt_flag_at_its_entry(tpu_project, capsys) -> None:
    root = tpu_project("ignore-code-span")
    lines = (root / "locales/en/LC_MESSAGES/doc.po").read_text(encoding="utf-8").split("\n")
    line = lines.index("msgid " + polib.escape(TPU_MSGID).join('""')) + 1
    code, out, _ = _run(root, capsys, "check")
    assert code == 1
    assert out.splitlines()[0] == (
        f"locales/en/LC_MESSAGES/doc.po:{line}: [flags] warning: unknown flag "
        "'ignore-code-span': no check is named 'code-span'; did you mean 'ignore-code-spans'?")
    assert "[code-spans]" in out.splitlines()[1]
