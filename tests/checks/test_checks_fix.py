"""``check --fix``: safe mechanical fixes only, each refused when it would change anything
but punctuation and spaces."""

from __future__ import annotations

import polib
import pytest

from pipeline.checks import CheckContext, check_entry
from pipeline.checks.fixes import fix_entry


def fixed(msgstr: str, language: str = "en", msgid: str = "原文，链接。") -> tuple[str, list[str]]:
    entry = polib.POEntry(msgid=msgid, msgstr=msgstr, comment="paragraph")
    return fix_entry(entry, CheckContext(language=language))


@pytest.mark.parametrize("msgstr, expected", [
    ("Original，link（see）。Next：ok", "Original, link (see). Next: ok"),
    ("Really？Yes！", "Really? Yes!"),
    ("a、b；c", "a, b; c"),
    ("In 1，000 ways", "In 1,000 ways"),
    ("the《Book》here", "the “Book” here"),
    ("ＡＢＣ３ works", "ABC3 works"),
    ("keep `a，b` as code，ok", "keep `a，b` as code, ok"),
    ("end。", "end."),
], ids=["comma-parentheses-stop-colon", "question-exclamation", "enumeration-semicolon",
        "thousands", "title-marks", "full-width-letters", "code-untouched", "final-stop"])
def test_full_width_punctuation_becomes_ascii(msgstr: str, expected: str) -> None:
    assert fixed(msgstr) == (expected, ["full-width"])


@pytest.mark.parametrize("msgstr", [
    "See [the paper]（https://a.b）",  # ]( would make a link of the text
    "Look！[x](https://a.b)",  # ![ would make the link an image
    "【CVHub】 has no safe ASCII form",
    "～～not strikethrough～～",
], ids=["would-make-a-link", "would-make-an-image", "lenticular-brackets", "wave-dashes"])
def test_fixes_that_would_change_markup_are_refused(msgstr: str) -> None:
    assert fixed(msgstr) == (msgstr, [])


@pytest.mark.parametrize("msgstr, expected", [
    ("  leading and trailing  ", "leading and trailing"),
    ("two  spaces  here", "two spaces here"),
    ("hard break  \nstays", "hard break  \nstays"),
    ("code `a  b` stays", "code `a  b` stays"),
])
def test_spacing(msgstr: str, expected: str) -> None:
    assert fixed(msgstr)[0] == expected


def test_both_fixes_then_no_problem_left() -> None:
    entry = polib.POEntry(msgid="原文，链接。", msgstr=" Original，link。 ", comment="paragraph")
    context = CheckContext(language="en")
    entry.msgstr, applied = fix_entry(entry, context)
    assert (entry.msgstr, applied) == ("Original, link.", ["full-width", "whitespace"])
    assert check_entry(entry, context) == []


@pytest.mark.parametrize("language, msgstr, msgid", [
    ("ja", "原文、リンク。", "原文，链接。"),
    ("en", "原文，链接。", "原文，链接。"),
    ("en", "", "原文，链接。"),
], ids=["non-latin-target", "untranslated-copy", "empty"])
def test_nothing_to_fix(language: str, msgstr: str, msgid: str) -> None:
    assert fixed(msgstr, language, msgid) == (msgstr, [])


@pytest.mark.parametrize("msgstr, levels", [
    # The whitespace check reads prose: a link title's doubled space is not reported.
    ('See [the paper](https://a.b "Part 1:  Basics").', {}),
    ("See  the paper（sic）.", {"whitespace": "off", "full-width": "off"}),
], ids=["nothing-reported", "checks-turned-off"])
def test_a_fix_runs_only_where_its_check_reports_a_problem(msgstr: str, levels: dict) -> None:
    """check --fix rewrote human translations that check found nothing wrong with."""
    entry = polib.POEntry(msgid="见论文。", msgstr=msgstr, comment="paragraph")
    context = CheckContext(language="en", levels=levels)
    assert [p.check for p in check_entry(entry, context) if p.check in ("whitespace",
                                                                          "full-width")] == []
    assert fix_entry(entry, context) == (msgstr, [])
