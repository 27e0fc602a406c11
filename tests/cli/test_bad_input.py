"""Bad input gets one clear ``path:line`` message, exit status 1 (2 for usage), and no file is
written or changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from conftest import run_pipeline as run

BAD = FIXTURES / "bad"


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and ".cache" not in p.parts}


def project_with(make_project, fixture: str) -> Path:
    root = make_project({})
    shutil.copy(BAD / fixture, root / "source" / "doc.md")
    return root


@pytest.mark.parametrize("fixture, message", [
    ("bad-utf8.md", "error: source/doc.md:5:7: invalid UTF-8 (byte 0xff)\n"),
    ("bad-yaml.md", "error: source/doc.md:3: invalid YAML front matter: "
                    "found unexpected end of stream\n"),
    ("bad-yaml-flow.md", "error: source/doc.md:2: invalid YAML front matter: "
                         "expected ',' or ']', but got '<stream end>'\n"),
    # NEL (U+0085) in a value: ruamel.yaml raised NotImplementedError, a traceback.
    ("bad-yaml-nel.md", "error: source/doc.md:2: invalid YAML front matter: ruamel.yaml "
                        "cannot read it (overlap in comment)\n"),
    # Markdown reads a lone CR as a line end: these used to crash the segmenter (CR then LF)
    # or change the LF lines to CRLF on the way out (CRLF then LF).
    ("mixed-cr-lf.md", "error: source/doc.md:5: mixed line ends: this line ends with LF, "
                       "the ones before with CR (save the file with one kind)\n"),
    ("mixed-crlf-lf.md", "error: source/doc.md:4: mixed line ends: this line ends with LF, "
                         "the ones before with CRLF (save the file with one kind)\n"),
    ("bad-utf8-cr.md", "error: source/doc.md:3:1: invalid UTF-8 (byte 0xff)\n"),
])
@pytest.mark.parametrize("command", [["extract"], ["update", "-l", "ja"], ["build"]])
def test_bad_source(make_project, fixture: str, message: str, command: list[str]) -> None:
    root = project_with(make_project, fixture)
    before = snapshot(root)
    result = run(root, *command)
    # A build without catalogs also says how to make them; the error is the point here.
    errors = "".join(line for line in result.stderr.splitlines(keepends=True)
                     if "no catalogs yet" not in line)
    assert (result.returncode, errors) == (1, message)
    assert "Traceback" not in result.stderr
    assert snapshot(root) == before


@pytest.mark.parametrize("fixture, message", [
    ("unterminated-string.po", "locales/ja/LC_MESSAGES/doc.po:8: end-of-line within string"),
    ("duplicate-entry.po", "locales/ja/LC_MESSAGES/doc.po:9: duplicate message definition: '标题'"),
])
@pytest.mark.parametrize("command", [["update", "-l", "ja"], ["build", "-l", "ja"]])
def test_bad_catalog(make_project, fixture: str, message: str, command: list[str]) -> None:
    root = make_project({"doc": "# 标题\n\n正文。\n"})
    assert run(root, "extract").returncode == 0
    po = root / "locales/ja/LC_MESSAGES/doc.po"
    po.parent.mkdir(parents=True)
    shutil.copy(BAD / fixture, po)
    before = snapshot(root)
    result = run(root, *command)
    assert (result.returncode, result.stderr) == (1, f"error: {message}\n")
    assert snapshot(root) == before


def test_old_mac_line_ends_are_read_and_kept(make_project) -> None:
    """A file with lone CR line ends (which Markdown reads as line ends) is segmented as
    its LF twin is, and written back with CRs."""
    root = make_project({})
    source = "# 标题\r\r> 引用\r> 内容\r\r第一行\r第二行。\r"
    (root / "source/doc.md").write_bytes(source.encode("utf-8"))
    assert run(root, "update", "-l", "ja").returncode == 0
    pot = (root / "locales/doc.pot").read_text(encoding="utf-8")
    assert ['标题', '引用内容', '第一行第二行。'] == \
        [line[7:-1] for line in pot.split("\n") if line.startswith('msgid "') and line != 'msgid ""']
    assert "#: source/doc.md:6\n" in pot
    assert run(root, "build", "-l", "ja", "--format", "md").returncode == 0
    assert (root / "build/ja/doc.md").read_bytes() == source.encode("utf-8")
    po = root / "locales/ja/LC_MESSAGES/doc.po"
    po.write_text(po.read_text(encoding="utf-8").replace(
        'msgid "引用内容"\nmsgstr ""', 'msgid "引用内容"\nmsgstr "引用された\\n内容です"'),
        encoding="utf-8")
    assert run(root, "build", "-l", "ja", "--format", "md").returncode == 0
    assert (root / "build/ja/doc.md").read_bytes() == \
        source.replace("> 引用\r> 内容", "> 引用された\r> 内容です").encode("utf-8")


def test_bom_and_crlf_are_kept(make_project) -> None:
    root = project_with(make_project, "bom-crlf.md")
    assert run(root, "update", "-l", "ja").returncode == 0
    pot = (root / "locales/doc.pot").read_text(encoding="utf-8")
    assert '\nmsgid "第一行第二行。"\n' in pot and "\r" not in pot and "\ufeff" not in pot
    assert run(root, "build", "-l", "ja").returncode == 0
    source = (root / "source/doc.md").read_bytes()
    assert (root / "build/ja/doc.md").read_bytes() == source  # untranslated: identical
    po = root / "locales/ja/LC_MESSAGES/doc.po"
    po.write_text(po.read_text(encoding="utf-8").replace(
        'msgid "引用内容"\nmsgstr ""', 'msgid "引用内容"\nmsgstr "引用された\\n内容です"'), encoding="utf-8")
    assert run(root, "build", "-l", "ja").returncode == 0
    built = (root / "build/ja/doc.md").read_bytes()
    # the translation's own line break gets the quote prefix and the file's CRLF
    assert built == source.replace("> 引用\r\n> 内容".encode(), "> 引用された\r\n> 内容です".encode())


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["CRLF", "CR"])
def test_a_po_saved_with_other_line_ends_keeps_its_translations(make_project,
                                                                newline: str) -> None:
    """A PO re-saved with CRLF (Windows) or lone CR (old Mac tools) line ends reads the
    same: update keeps its translations and the build uses them."""
    root = make_project({"doc": "# 标题\n\n正文。\n"})
    assert run(root, "update", "-l", "ja").returncode == 0
    po = root / "locales/ja/LC_MESSAGES/doc.po"
    text = po.read_text(encoding="utf-8").replace('msgid "正文。"\nmsgstr ""',
                                                  'msgid "正文。"\nmsgstr "本文。"')
    po.write_bytes(text.replace("\n", newline).encode("utf-8"))
    (root / "source/doc.md").write_text("# 标题\n\n正文。\n\n新的。\n", encoding="utf-8")
    assert run(root, "update", "-l", "ja").returncode == 0
    assert 'msgid "正文。"\nmsgstr "本文。"' in po.read_text(encoding="utf-8")
    assert run(root, "build", "-l", "ja", "--format", "md").returncode == 0
    assert (root / "build/ja/doc.md").read_text(encoding="utf-8") == "# 标题\n\n本文。\n\n新的。\n"


def test_missing_source_folder(tmp_path: Path) -> None:
    result = run(tmp_path, "extract")
    assert (result.returncode, result.stderr) == (1, "error: source: source folder not found\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["update", "-l", "xx"], ["build", "-l", "ja", "qq-ZZ"]])
def test_unknown_language_is_a_usage_error(make_project, command: list[str]) -> None:
    root = make_project({"doc": "正文。\n"})
    result = run(root, *command)
    assert result.returncode == 2
    assert "unknown language code" in result.stderr
    assert not (root / "locales").exists()


def test_source_language_is_checked_and_spelled_like_the_others(make_project) -> None:
    """An unknown source language crashed build with a babel traceback; zh-CN too."""
    root = make_project({"doc": "正文。\n"},
                        '[pipeline]\nsource_language = "xx"\nlanguages = ["en"]\n')
    result = run(root, "update", "-l", "en")
    assert (result.returncode, result.stderr) == (
        1, "error: pipeline.toml:2: [pipeline] source_language: unknown language code 'xx'\n")
    (root / "pipeline.toml").write_text('[pipeline]\nsource_language = "zh-CN"\n'
                                        'languages = ["en"]\n', encoding="utf-8")
    for command in (["update", "-l", "en"], ["build"]):
        result = run(root, *command)
        assert (result.returncode, "Traceback" in result.stderr) == (0, False), result.stderr
    assert '<html lang="zh-Hans-CN"' in (root / "build/zh_Hans_CN/doc.html").read_text(
        encoding="utf-8")


@pytest.mark.parametrize("command, message", [
    (["update", "-l", "zh"], "error: 'zh' is the source language: nothing to translate"),
    (["build", "-l", "ja", "zh"], "error: 'zh' is the source language: nothing to translate"),
    (["translate", "-l", "zh", "--engine", "pseudo"],
     "error: 'zh' is the source language: nothing to translate"),
    (["translate", "-l", "ja", "--engine", "pseudo", "--jobs", "0"],
     "argument --requests/--jobs: must be at least 1, not 0"),
    (["-j", "-3", "extract"], "argument -j/--jobs: must be at least 1, not -3"),
    (["-j", "two", "extract"], "argument -j/--jobs: not a whole number: 'two'"),
])
def test_impossible_requests_are_usage_errors(make_project, command: list[str],
                                              message: str) -> None:
    """Exit status 2 and nothing written: a zh "translation" of a Chinese source made a zh
    catalog and a zh-zh bilingual edition; --jobs 0 was an error (1) found late."""
    root = make_project({"doc": "正文。\n"})
    before = snapshot(root)
    result = run(root, *command)
    assert result.returncode == 2 and message in result.stderr, result.stderr
    assert snapshot(root) == before


def test_the_source_language_among_the_targets_is_a_config_error(make_project) -> None:
    root = make_project({"doc": "正文。\n"}, '[pipeline]\nlanguages = ["en", "zh"]\n')
    result = run(root, "build")
    assert (result.returncode, result.stderr) == (
        1, "error: pipeline.toml:2: [pipeline] languages: 'zh' is the source language, not a "
           "target\n")


def test_unknown_language_in_config(make_project) -> None:
    root = make_project({"doc": "正文。\n"}, '[pipeline]\nlanguages = ["en", "klingon"]\n')
    result = run(root, "build")
    assert (result.returncode, result.stderr) == (
        1, "error: pipeline.toml:2: [pipeline] languages: unknown language code 'klingon'\n")


@pytest.mark.parametrize("config, message", [
    ('check = "x"\n[pipeline]\nlanguages = ["en"]\n', "1: check must be a table: [check]"),
    ("engine = 5\n", "1: engine must be a table: [engine]"),
    ("[publish]\nthresholds = 5\n",
     "2: [publish] thresholds must be a table: [publish.thresholds]"),
    ("[publish]\nthreshold = true\n",
     "2: [publish] threshold must be a number from 0 to 100, not True"),
    ('[publish]\nthreshold = "x"\n',
     "2: [publish] threshold must be a number from 0 to 100, not 'x'"),
    ("[publish]\nthreshold = 5\n[publish.thresholds]\nen = 200\n",
     "4: [publish.thresholds] en must be a number from 0 to 100, not 200"),
    ('[publish]\nthreshold = 90\nbelow_threshold = "skipp"\n',
     "3: [publish] below_threshold must be \"draft\" or \"skip\", not 'skipp'"),
    # Every language is above 0%: the typo is reported before it would matter.
    ('[publish]\nthreshold = 0\nbelow_threshold = "skp"\n',
     "3: [publish] below_threshold must be \"draft\" or \"skip\", not 'skp'"),
    ('[check]\nwarnings = ["numbrs"]\n', "2: [check] warnings: unknown check 'numbrs'"),
])
def test_bad_config_tables(make_project, config: str, message: str) -> None:
    root = make_project({"doc": "正文。\n"}, config)
    result = run(root, "update", "-l", "en")  # the [publish] tables are read by build
    if result.returncode == 0:
        result = run(root, "build", "-l", "en")
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: pipeline.toml:{message}"), result.stderr


def test_a_config_that_cannot_be_read(make_project) -> None:
    root = make_project({"doc": "正文。\n"})
    (root / "pipeline.toml").unlink(missing_ok=True)
    (root / "pipeline.toml").mkdir()
    result = run(root, "extract")
    assert result.returncode == 1
    assert result.stderr.startswith("error: pipeline.toml: cannot read: "), result.stderr


def test_bad_toml(make_project) -> None:
    root = make_project({"doc": "正文。\n"}, "[pipeline\n")
    result = run(root, "extract")
    assert result.returncode == 1
    assert result.stderr.startswith("error: pipeline.toml:1:10: invalid TOML: Expected"), result.stderr


def test_debug_shows_the_traceback(make_project) -> None:
    root = project_with(make_project, "bad-utf8.md")
    result = run(root, "--debug", "extract")
    assert result.returncode == 1 and "source/doc.md:5:7" in result.stderr
    assert "Traceback (most recent call last)" in result.stderr
    assert "Traceback" not in run(root, "extract").stderr


@pytest.mark.parametrize("line, message", [
    ('languages = "en"', "[pipeline] languages must be a list of strings"),
    ("publish_machine_drafts = 1", "[pipeline] publish_machine_drafts must be true or false"),
    ("fuzzy_threshold = 7", "[pipeline] fuzzy_threshold must be a number from 0 to 1"),
    ('source_dir = ""', "[pipeline] source_dir must be a non-empty string"),
    ("colour = 1", "unknown key(s) in [pipeline]: colour"),
    ('formats = ["md", "pdf"]',
     "[pipeline] formats: unknown format(s) pdf (known: md, html, bilingual)"),
])
def test_bad_config_value(make_project, line: str, message: str) -> None:
    root = make_project({"doc": "正文。\n"}, f"[pipeline]\n{line}\n")
    result = run(root, "extract")
    assert (result.returncode, result.stderr) == (1, f"error: pipeline.toml:2: {message}\n")


def test_a_bad_config_value_after_a_bom_names_its_line(make_project) -> None:
    root = make_project({"doc": "正文。\n"})
    (root / "pipeline.toml").write_bytes("\ufeff[pipeline]\nfuzzy_threshold = 7\n".encode())
    result = run(root, "extract")
    assert result.stderr == ("error: pipeline.toml:2: [pipeline] fuzzy_threshold must be a "
                             "number from 0 to 1\n")


@pytest.mark.parametrize("blocked, command", [
    ("build/en/doc.md", "build"),            # written by a build job
    ("locales/doc.pot", "extract"),          # a catalog
    ("build/index.html", "build"),           # written by the command itself
])
def test_a_file_that_cannot_be_written_is_named_without_a_traceback(
        make_project, blocked: str, command: str) -> None:
    root = make_project({"doc": "# 标题\n\n正文。\n"},
                        '[pipeline]\nsource_language = "zh"\nlanguages = ["en"]\n')
    assert run(root, "update").returncode == 0
    (root / blocked).unlink(missing_ok=True)
    (root / blocked).mkdir(parents=True)  # a folder where the file goes: even root cannot
    result = run(root, command)
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {blocked}: cannot write: "), result.stderr
    assert "Traceback" not in result.stderr


def test_a_damaged_template_is_written_anew(make_project) -> None:
    root = make_project({"doc": "# 标题\n\n正文。\n"})
    assert run(root, "extract").returncode == 0
    good = (root / "locales/doc.pot").read_bytes()
    (root / "locales/doc.pot").write_bytes(b"\xff\xfe garbage\n")
    (root / ".cache/fingerprints.json").unlink()
    result = run(root, "extract")
    assert (result.returncode, result.stdout, result.stderr) == (0, "wrote locales/doc.pot\n", "")
    assert _without_creation_date((root / "locales/doc.pot").read_bytes()) == \
        _without_creation_date(good)


def _without_creation_date(data: bytes) -> bytes:
    return b"\n".join(line for line in data.split(b"\n") if b"POT-Creation-Date" not in line)


def test_a_glossary_with_invalid_utf8_is_named_with_its_line(make_project) -> None:
    root = make_project({"doc": "正文。\n"},
                        '[pipeline]\nlanguages = ["en"]\nlocales_dir = "loc"\n')
    assert run(root, "update").returncode == 0
    (root / "loc/glossary.csv").write_bytes(b"source,target,language,note\nAI,,,\n\xff,,,\n")
    result = run(root, "check")
    assert (result.returncode, result.stderr) == (1, "error: loc/glossary.csv:3: invalid UTF-8\n")


def test_closing_tokens_without_their_opening_do_not_crash(make_project) -> None:
    # The footnote plugin leaves [list_item_close, bullet_list_close] for this text.
    source = "[^1]: 注\n\t- [^1]: 注\n"
    root = make_project({"doc": source})
    result = run(root, "update")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("line, message", [
    ('timeout = "x"', "[engine] timeout must be a non-negative float"),
    ("color = 1", "unknown key(s) in [engine]: color"),
])
def test_bad_engine_setting_names_its_line(make_project, line: str, message: str) -> None:
    root = make_project({"doc": "正文。\n"},
                        f'[pipeline]\nlanguages = ["en"]\n\n[engine]\nname = "pseudo"\n{line}\n')
    result = run(root, "translate", "-l", "en", "-q")
    assert (result.returncode, result.stderr) == (1, f"error: pipeline.toml:6: {message}\n")


def test_a_stray_closing_token_does_not_close_another_container() -> None:
    from pipeline.markdown.segmenter import segment_document

    # The footnote plugin leaves closing tokens of the inner definition; "outer" is still
    # in the list item.
    source = "- - [^1]: a\n    \t- [^1]: b\n\n    tail\n\n  outer\n"
    kinds = {s.msgid: s.kind for s in segment_document(source, "d.md").segments}
    assert kinds["outer"] == "list item"


def test_a_file_name_with_a_line_break_is_refused_and_the_others_go_on(make_project) -> None:
    """A "#:" line cannot hold a line break: the POT and PO used to fail msgfmt -c, and
    every later command failed on them."""
    root = make_project({"doc": "正文。\n"})
    (root / "source/nl\nname.md").write_text("换行。\n", encoding="utf-8")
    result = run(root, "update", "-l", "ja")
    assert (result.returncode, result.stderr) == (
        1, "error: source/nl\\nname.md: a file name with a line break cannot be referenced "
           "in a PO file: rename the file\n")
    assert sorted(p.name for p in (root / "locales").rglob("*.po*")) == ["doc.po", "doc.pot"]


def test_a_file_over_the_size_limit_is_refused_before_any_work(make_project) -> None:
    root = make_project({"big": "大文件的一段。\n" * 60000, "doc": "正文。\n"},
                        '[pipeline]\nsource_language = "zh"\nlanguages = ["en"]\n'
                        '[markdown]\nmax_file_mb = 0.5\n')
    result = run(root, "update", "-l", "en")
    assert result.returncode == 1
    assert result.stderr == ("error: source/big.md: 1.3 MB is more than [markdown] max_file_mb"
                             " = 0.5 allows (raise it in pipeline.toml to take the file)\n")
    assert (root / "locales/doc.pot").is_file() and not (root / "locales/big.pot").exists()


@pytest.mark.parametrize("table, message", [
    ("max_file_mb = 0", "pipeline.toml:5: [markdown] max_file_mb must be a number above 0, not 0"),
    ("max_file_mb = 'ten'", "pipeline.toml:5: [markdown] max_file_mb must be a number above 0, "
                            "not 'ten'"),
    ("size = 3", "pipeline.toml:5: unknown key(s) in [markdown]: size"),
])
def test_a_bad_markdown_table_is_an_error_at_its_line(make_project, table: str,
                                                      message: str) -> None:
    root = make_project({"doc": "正文。\n"}, '[pipeline]\nsource_language = "zh"\n'
                        f'languages = ["en"]\n[markdown]\n{table}\n')
    result = run(root, "extract")
    assert (result.returncode, result.stderr) == (1, f"error: {message}\n")


@pytest.mark.parametrize("text, line, reason", [
    ("第一段。\n\n含有\x00空字符的段落。\n", 3,
     "it holds a NUL character, which a PO file cannot hold"),
    ("| 甲 | 乙 |\n|---|---|\n| 含\x00 | 丙 |\n", 3,
     "a table cell holds a NUL character, which a PO file cannot hold"),
    ("正文。\n\n" + ">" * 10000 + " 深层引用的文字。\n", 3,
     "quotes or lists nested deeper than the parser goes: this block and all it holds are "
     "left out"),
    ("".join("  " * i + f"- 第{i}层\n" for i in range(2000)), 10,
     "quotes or lists nested deeper than the parser goes: this block and all it holds are "
     "left out"),
], ids=["nul-paragraph", "nul-cell", "deep-quote", "deep-list"])
def test_text_left_out_of_the_catalog_is_said_with_its_line(make_project, text: str,
                                                            line: int, reason: str) -> None:
    root = make_project({"doc": text})
    result = run(root, "extract")
    assert result.returncode == 0
    assert result.stderr == f"warning: source/doc.md:{line}: text left out of the catalog: " \
                            f"{reason}\n"
    # Copied as it is into every output all the same.
    assert run(root, "build", "-l", "en", "--format", "md").returncode == 0
    assert (root / "build/en/doc.md").read_text(encoding="utf-8") == text
