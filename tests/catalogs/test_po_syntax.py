"""The PO syntax check takes a file of plainly written lines at once (one regular
expression) and looks at any other file line by line: the quick path must never pass a file
the line-by-line check rejects (any other file gets the line-by-line check's message, as the
check runs it)."""

from __future__ import annotations

import random

import pytest

from conftest import run_pipeline
from pipeline.catalogs import po_files as pofile_io
from pipeline.core.errors import CatalogError

_GOOD = ['#: source/doc.md:3', '#. paragraph', '#, fuzzy', '#| msgid "旧"', 'msgctxt "菜单"',
         'msgid ""', 'msgid "随着`ChatGPT`的\\"病毒式\\"传播"', 'msgstr "With \\\\n"',
         'msgid_plural "s"', 'msgstr[0] "a"', '"Language: ja\\n"', '#~ msgid "过时"',
         '#~ msgstr "old"', '#~ | msgid "x"', '', '# translator', '#']
_BAD_PIECES = ['"', '\\', '#~', ' ', '\t', 'msgid', 'msgstr[x]', '\r', '\x0b', '\u3000',
               'msgid  "', '""', '"a"b"', '#~msgid "a"', '| ', '\\101', '\\x4', '\\a']


def _syntax_error(text: str) -> str | None:
    try:
        pofile_io._check_syntax(text, "doc.po")
    except CatalogError as exc:
        return str(exc)
    return None


def _line_by_line(text: str) -> str | None:
    """What the check says with the quick path turned off."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pofile_io, "_PLAIN_PO", _Never())
        return _syntax_error(text)


class _Never:
    def fullmatch(self, text: str) -> None:
        return None


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        lines = [rng.choice(_GOOD) for _ in range(rng.randint(1, 12))]
        for _ in range(rng.randint(0, 2)):
            at = rng.randrange(len(lines))
            piece = rng.choice(_BAD_PIECES)
            cut = rng.randint(0, len(lines[at]))
            lines[at] = lines[at][:cut] + piece + lines[at][cut:]
        texts.append("\n".join(lines))
    return texts


def test_the_quick_path_passes_only_what_the_line_check_passes() -> None:
    quick = 0
    for text in _texts(3, 4000):
        if pofile_io._PLAIN_PO.fullmatch(text):
            quick += 1
            assert _line_by_line(text) is None, text
    assert 500 < quick < 3500  # both paths were taken


def test_a_written_catalog_takes_the_quick_path(sample_project) -> None:
    assert run_pipeline(sample_project, "update", "-l", "ja").returncode == 0
    paths = sorted((sample_project / "locales").rglob("*.po*"))
    assert len(paths) == 2  # the template and the Japanese catalog
    for path in paths:
        assert pofile_io._PLAIN_PO.fullmatch(path.read_text(encoding="utf-8")), path


@pytest.mark.parametrize("line, escape", [
    ('msgstr "First \\101\\x42 paragraph."', "\\101"),
    ('msgstr "x\\x42"', "\\x42"),
    ('msgstr "bell\\a"', "\\a"),
    ("msgstr \"it\\'s\"", "\\'"),
    ('#~ msgstr "\\?"', "\\?"),
    ('msgstr "a\\\\\\0"', "\\0"),  # an escaped backslash, then \0
])
def test_escapes_polib_would_misread_are_refused_at_their_line(line: str, escape: str) -> None:
    """msgfmt reads C escapes that polib keeps as a backslash, which the next write would
    double: update would change a translator's text.  Such a file is refused instead."""
    text = f'msgid ""\nmsgstr ""\n\nmsgid "a"\n{line}\n'
    assert _syntax_error(text) == \
        f"doc.po:5: escape sequence '{escape}' is not supported: write the character itself"


def test_escapes_polib_reads_pass() -> None:
    text = 'msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr "\\\\101 \\n\\t\\r\\v\\b\\f\\""\n'
    assert _syntax_error(text) is None
    [entry] = pofile_io.parse_catalog(text, "doc.po")
    assert entry.msgstr == '\\101 \n\t\r\v\b\f"'


def test_comment_marks_without_a_space_read_as_msgfmt_reads_them() -> None:
    """msgfmt takes "#,fuzzy" and the other marks without a space; polib called them
    syntax errors, so a file that passes msgfmt -c was refused."""
    text = ('msgid ""\nmsgstr ""\n\n#note\n#.paragraph\n#:source/doc.md:3\n#,fuzzy\n'
            '#|msgid "旧"\nmsgid "新"\nmsgstr "new"\n\n#~msgid "去"\n#~msgstr "gone"\n')
    live, gone = pofile_io.parse_catalog(text, "doc.po")
    assert (live.tcomment, live.comment, live.occurrences, live.flags, live.previous_msgid) == \
        ("note", "paragraph", [("source/doc.md", "3")], ["fuzzy"], "旧")
    assert (gone.msgid, gone.msgstr, gone.obsolete) == ("去", "gone", True)


def test_a_second_header_is_a_duplicate_at_its_line() -> None:
    """polib read the second header's fields and dropped the first's; msgfmt refuses it."""
    text = ('msgid ""\nmsgstr "Language: ja\\n"\n\nmsgid "a"\nmsgstr "b"\n\n'
            'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n')
    assert _syntax_error(text) is None
    with pytest.raises(CatalogError) as error:
        pofile_io.parse_catalog(text, "doc.po")
    assert str(error.value) == "doc.po:7: duplicate message definition: ''"
