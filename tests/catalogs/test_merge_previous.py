"""Previous strings (``#| msgid``) belong to fuzzy entries: a translator who reviews an entry
by deleting its ``#, fuzzy`` line alone leaves stale ones, which the next update drops, as
``msgmerge --previous`` does; compared here with msgmerge itself."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import run_pipeline
from pipeline.catalogs.merge import update_catalog
from pipeline.catalogs.po_files import parse_catalog, serialize_catalog

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
TEMPLATE = HEADER + """\
#: a.md:1
msgid "Reviewed entry text"
msgstr ""

#: a.md:2
msgid "Still fuzzy entry text"
msgstr ""

#: a.md:3
msgid "Edited source text now changed"
msgstr ""

#: a.md:4
msgctxt "new"
msgid "Fuzzy entry changed again"
msgstr ""

#: a.md:5
msgid "Revived entry"
msgstr ""
"""
CATALOG = HEADER + """\
#: a.md:1
#| msgid "Reviewed entry old"
msgid "Reviewed entry text"
msgstr "Revu"

#: a.md:2
#, fuzzy
#| msgid "Still fuzzy entry old"
msgid "Still fuzzy entry text"
msgstr "Flou"

#: a.md:3
#| msgid "Edited source text before"
msgid "Edited source text now"
msgstr "Edite"

#: a.md:4
#, fuzzy
#| msgctxt "oldctx"
#| msgid "Fuzzy entry original"
msgctxt "mid"
msgid "Fuzzy entry changed"
msgstr "Flou encore"

#: a.md:6
#| msgid "Gone entry before"
msgid "Gone entry"
msgstr "Parti"

#~| msgid "Revived entry before"
#~ msgid "Revived entry"
#~ msgstr "Revenu"
"""


def _states(text: str) -> list[tuple[object, ...]]:
    return [(e.msgctxt, e.msgid, e.msgstr, e.obsolete, "fuzzy" in e.flags, e.previous_msgctxt,
             e.previous_msgid) for e in parse_catalog(text, "a.po")]


def test_a_reviewed_entry_loses_its_previous_strings_a_fuzzy_one_keeps_them() -> None:
    merged = update_catalog(parse_catalog(CATALOG, "a.po"), parse_catalog(TEMPLATE, "a.pot"))
    assert _states(serialize_catalog(merged)) == [
        (None, "Reviewed entry text", "Revu", False, False, None, None),
        (None, "Still fuzzy entry text", "Flou", False, True, None, "Still fuzzy entry old"),
        # A reviewed entry whose source changed: its stale #| is not what changed.
        (None, "Edited source text now changed", "Edite", False, True, None,
         "Edited source text now"),
        # A fuzzy one keeps what it was translated from, context and all.
        ("new", "Fuzzy entry changed again", "Flou encore", False, True, "oldctx",
         "Fuzzy entry original"),
        (None, "Revived entry", "Revenu", False, False, None, None),
        # An obsolete entry keeps #~| (msgmerge does).
        (None, "Gone entry", "Parti", True, False, None, "Gone entry before"),
    ]


@pytest.mark.skipif(shutil.which("msgmerge") is None, reason="needs GNU msgmerge")
def test_previous_strings_are_what_msgmerge_previous_leaves(tmp_path: Path) -> None:
    (tmp_path / "a.po").write_text(CATALOG, encoding="utf-8")
    (tmp_path / "a.pot").write_text(TEMPLATE, encoding="utf-8")
    result = subprocess.run(["msgmerge", "--quiet", "--previous", "-o", "-",
                             str(tmp_path / "a.po"), str(tmp_path / "a.pot")],
                            capture_output=True, check=True)
    ours = update_catalog(parse_catalog(CATALOG, "a.po"), parse_catalog(TEMPLATE, "a.pot"))
    assert sorted(_states(serialize_catalog(ours)), key=repr) == \
        sorted(_states(result.stdout.decode("utf-8")), key=repr)


def test_reviewed_by_deleting_the_fuzzy_line_the_next_update_drops_the_previous(
        make_project) -> None:
    root = make_project({"doc": "# 标题\n\n第二段落的内容。\n"},
                        '[pipeline]\nsource_language = "zh"\nlanguages = ["ja"]\n')
    assert run_pipeline(root, "update").returncode == 0
    po = root / "locales/ja/LC_MESSAGES/doc.po"
    po.write_text(re.sub(r'(msgid "[^"]+"\n)msgstr ""', r'\1msgstr "訳"',
                         po.read_text(encoding="utf-8")), encoding="utf-8")
    (root / "source/doc.md").write_text("# 标题\n\n第二段落的新内容。\n", encoding="utf-8")
    assert run_pipeline(root, "update").returncode == 0
    text = po.read_text(encoding="utf-8")
    assert '#, fuzzy\n#| msgid "第二段落的内容。"\nmsgid "第二段落的新内容。"' in text
    po.write_text(text.replace("#, fuzzy\n", ""), encoding="utf-8")  # reviewed, #| left
    assert run_pipeline(root, "update").returncode == 0
    text = po.read_text(encoding="utf-8")
    assert "#|" not in text and 'msgid "第二段落的新内容。"\nmsgstr "訳"' in text
    assert run_pipeline(root, "update").returncode == 0
    assert po.read_text(encoding="utf-8") == text
