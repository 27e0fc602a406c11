"""The command line: exit statuses, re-runs that change nothing, ``make`` with ``LANG=``."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from conftest import run_pipeline as run
from pipeline.cache.record_store import keys
from pipeline.cli import main


def test_usage_errors_exit_2(make_project) -> None:
    root = make_project({"doc": "正文。\n"})
    assert run(root).returncode == 2
    assert run(root, "frobnicate").returncode == 2
    assert run(root, "update", "-l").returncode == 2


def test_full_cycle_and_quiet_rerun(make_project) -> None:
    root = make_project({"doc": "# 标题\n\n正文。\n", "sub/other": "另一篇。\n"})
    first = run(root, "update")
    assert first.returncode == 0, first.stderr
    assert sorted(first.stdout.split()) == sorted(
        ["wrote", "locales/doc.pot", "wrote", "locales/en/LC_MESSAGES/doc.po",
         "wrote", "locales/ja/LC_MESSAGES/doc.po", "wrote", "locales/sub/other.pot",
         "wrote", "locales/en/LC_MESSAGES/sub/other.po",
         "wrote", "locales/ja/LC_MESSAGES/sub/other.po"])
    assert run(root, "build").returncode == 0
    assert (root / "build/ja/sub/other.md").read_text(encoding="utf-8") == "另一篇。\n"
    stamps = {p: p.stat().st_mtime_ns for p in root.rglob("*.po*")}
    # a second run of everything writes nothing
    for command in (["extract"], ["update"], ["build"]):
        result = run(root, *command)
        assert (result.returncode, result.stdout) == (0, "")
    assert stamps == {p: p.stat().st_mtime_ns for p in root.rglob("*.po*")}
    # even without the fingerprint cache, unchanged catalogs are not rewritten
    shutil.rmtree(root / ".cache")
    assert run(root, "update").stdout == ""
    assert stamps == {p: p.stat().st_mtime_ns for p in root.rglob("*.po*")}


def test_update_after_extract_takes_the_template_as_written(
        make_project, monkeypatch: pytest.MonkeyPatch) -> None:
    """update extracts too; when the POT holds the bytes last written from this very
    document (and project name), its entries are not serialized again: not to find the POT
    unchanged, nor for a new PO, whose entries are the template's (only its header is).
    Any other POT, or another project name, is made and compared as before."""
    import polib

    serialized: list[str] = []
    real = polib.POEntry.__unicode__
    monkeypatch.setattr(polib.POEntry, "__unicode__", lambda entry, *rest:
                        serialized.append(entry.msgid) or real(entry, *rest))
    root = make_project({"doc": "# 标题\n\n正文。\n"})
    template = root / "locales/doc.pot"
    assert main(["--root", str(root), "extract"]) == 0
    made = template.read_bytes()
    assert serialized == ["", "标题", "正文。"]  # the header's entry, then the two
    serialized.clear()
    assert main(["--root", str(root), "update", "-l", "ja"]) == 0
    assert serialized == [""] and template.read_bytes() == made  # the PO's header
    po = (root / "locales/ja/LC_MESSAGES/doc.po").read_text(encoding="utf-8")
    assert re.search(r'"POT-Creation-Date: (.*)\\n"', po)[1] == \
        re.search(r'"POT-Creation-Date: (.*)\\n"', made.decode())[1]
    assert po.endswith('#. heading\n#: source/doc.md:1\nmsgid "标题"\nmsgstr ""\n\n'
                       '#. paragraph\n#: source/doc.md:3\nmsgid "正文。"\nmsgstr ""\n')
    # Edited by hand: made again.
    template.write_bytes(made.replace(b"#. heading", b"#. edited"))
    serialized.clear()
    assert main(["--root", str(root), "extract"]) == 0
    assert serialized == ["", "标题", "正文。"] and template.read_bytes() == made
    # Another project name: another header.
    config = root / "pipeline.toml"
    config.write_text(config.read_text(encoding="utf-8") + 'project_name = "书"\n',
                      encoding="utf-8")
    assert main(["--root", str(root), "extract"]) == 0
    assert b'"Project-Id-Version: \xe4\xb9\xa6\\n"' in template.read_bytes()


def test_the_template_key_rides_in_the_document_record(
        make_project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """extract keeps the POT's key in the document's record: one record per document, not
    a second file.  A record some other stage kept (a build, a check) holds no key yet: the
    template is made and compared, the POT is left as it is, and the key is added."""
    import marshal

    import polib

    from pipeline.cache.document_records import content_key, document_store
    from pipeline.cache.record_store import read_value
    from pipeline.catalogs.sources import load_document
    from pipeline.core.project import open_project

    root = make_project({"doc": "# 标题\n\n正文。\n"})
    assert main(["--root", str(root), "extract"]) == 0
    assert capsys.readouterr().out == "wrote locales/doc.pot\n"
    template = root / "locales/doc.pot"
    made, stamp = template.read_bytes(), template.stat().st_mtime_ns
    store = document_store(open_project(root), "doc")
    assert marshal.loads(read_value(store))[-1] == [open_project(root).config.project_name,
                                                    content_key(made)]
    assert keys(store.database) == ["documents/doc"]
    shutil.rmtree(root / ".cache")
    load_document(open_project(root), "doc")  # as a build keeps it
    assert marshal.loads(read_value(store))[-1] is None
    serialized: list[str] = []
    real = polib.POEntry.__unicode__
    monkeypatch.setattr(polib.POEntry, "__unicode__", lambda entry, *rest:
                        serialized.append(entry.msgid) or real(entry, *rest))
    assert main(["--root", str(root), "extract"]) == 0
    assert serialized == ["", "标题", "正文。"]  # made and compared
    assert capsys.readouterr().out == ""
    assert template.read_bytes() == made and template.stat().st_mtime_ns == stamp
    assert marshal.loads(read_value(store))[-1][1] == content_key(made)


def test_deleted_output_is_rebuilt(make_project) -> None:
    root = make_project({"doc": "正文。\n"})
    assert run(root, "build", "-l", "ja").returncode == 0
    (root / "build/ja/doc.md").unlink()
    result = run(root, "build", "-l", "ja")
    assert result.stdout == "built build/ja/doc.md\n"


def test_language_codes_are_normalised(make_project) -> None:
    root = make_project({"doc": "正文。\n"})
    assert run(root, "update", "-l", "pt-BR", "zh-hant").returncode == 0
    assert (root / "locales/pt_BR/LC_MESSAGES/doc.po").exists()
    header = (root / "locales/zh_Hant/LC_MESSAGES/doc.po").read_text(encoding="utf-8")
    assert '"Language: zh_Hant\\n"' in header and "Plural-Forms: nplurals=1" in header


def test_make_with_lang_keeps_python_utf8(tmp_path: Path) -> None:
    """``make build LANG=ja`` must not hand Python a broken locale."""
    if shutil.which("make") is None:
        pytest.skip("GNU make is not installed")
    makefile = tmp_path / "Makefile"
    makefile.write_text((ROOT / "Makefile").read_text(encoding="utf-8"), encoding="utf-8")
    probe = subprocess.run(
        ["make", "-s", "-f", str(makefile), "--eval",
         "probe:\n\t@echo \"$(LANG_OPTION)|$$LANG|$$PYTHONUTF8\"", "probe", "LANG=ja"],
        capture_output=True, text=True, cwd=tmp_path)
    assert probe.stdout.strip() == "-l ja||1"


def test_catalogs_pass_msgfmt(sample_project: Path) -> None:
    """Every PO and POT the pipeline writes passes ``msgfmt -c``, and so do the committed ones."""
    assert run(sample_project, "update", "-l", "ja", "pt-BR", "he").returncode == 0
    written = sorted(sample_project.glob("locales/**/*.po*"))
    committed = sorted((ROOT / "locales").glob("**/*.po"))
    assert len(written) == 4 and committed
    for path in written + committed:
        result = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)],
                                capture_output=True, text=True)
        assert result.returncode == 0, f"{path}: {result.stderr}"


def test_an_empty_catalog_gets_a_full_header(make_project) -> None:
    """A PO emptied (or cut short by a crash before it reached the disk) is made again as
    msginit would, header and all; its translations, if any, are merged as usual."""
    root = make_project({"doc": "正文。\n"})
    assert run(root, "update", "-l", "ja").returncode == 0
    po = root / "locales/ja/LC_MESSAGES/doc.po"
    made = po.read_text(encoding="utf-8")
    po.write_text("", encoding="utf-8")
    assert run(root, "update", "-l", "ja").returncode == 0
    undated = re.compile(r'"PO-Revision-Date: .*"')  # a minute may have passed
    assert undated.sub("", po.read_text(encoding="utf-8")) == undated.sub("", made)
    result = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)],
                            capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (0, "")
    # A translator's header comment over an empty header entry stays.
    po.write_text('# Translators: 我\nmsgid ""\nmsgstr ""\n', encoding="utf-8")
    assert run(root, "update", "-l", "ja").returncode == 0
    assert undated.sub("", po.read_text(encoding="utf-8")) == \
        "# Translators: 我\n" + undated.sub("", made).split("\n", 1)[1]


def test_a_file_name_with_spaces_is_referenced_as_gettext_does(make_project) -> None:
    """GNU gettext (0.22+) puts a file name with spaces between U+2068 and U+2069 in "#:"
    lines, so that tools can tell it from two references; the file passes msgfmt -c."""
    root = make_project({"my doc": "# 标题\n\n正文。\n", "plain": "正文。\n"})
    assert run(root, "update", "-l", "ja").returncode == 0
    for path in (root / "locales/my doc.pot", root / "locales/ja/LC_MESSAGES/my doc.po"):
        text = path.read_text(encoding="utf-8")
        assert "#: \u2068source/my doc.md\u2069:1\n" in text
        assert "#: \u2068source/my doc.md\u2069:3\n" in text
        result = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    assert "#: source/plain.md:1\n" in (root / "locales/plain.pot").read_text(encoding="utf-8")
    assert run(root, "build", "-l", "ja", "--format", "md").returncode == 0
    assert (root / "build/ja/my doc.md").read_text(encoding="utf-8") == "# 标题\n\n正文。\n"


def test_written_files_are_not_private(make_project) -> None:
    """Atomic writes go through a private temporary file; the result has the usual mode."""
    root = make_project({"doc": "正文。\n"})
    assert run(root, "update", "-l", "ja").returncode == 0
    mode = (root / "locales/ja/LC_MESSAGES/doc.po").stat().st_mode & 0o777
    assert mode == 0o666 & ~_umask()


def _umask() -> int:
    import os
    current = os.umask(0)
    os.umask(current)
    return current


def test_build_without_machine_drafts(make_project) -> None:
    root = make_project({"doc": "第一段。\n\n第二段。\n"})
    assert run(root, "update", "-l", "ja").returncode == 0
    po = root / "locales/ja/LC_MESSAGES/doc.po"
    po.write_text(po.read_text(encoding="utf-8")
                  .replace('msgid "第一段。"\nmsgstr ""',
                           '# machine translation: pseudo 2026-11-29\n#, fuzzy\n'
                           'msgid "第一段。"\nmsgstr "機械の訳。"')
                  .replace('msgid "第二段。"\nmsgstr ""', 'msgid "第二段。"\nmsgstr "人の訳。"'),
                  encoding="utf-8")
    assert run(root, "build", "-l", "ja").returncode == 0
    assert (root / "build/ja/doc.md").read_text(encoding="utf-8") == "機械の訳。\n\n人の訳。\n"
    assert run(root, "build", "-l", "ja", "--no-machine-drafts").returncode == 0
    assert (root / "build/ja/doc.md").read_text(encoding="utf-8") == "第一段。\n\n人の訳。\n"


@pytest.mark.parametrize("command", [["extract"], ["update", "-l", "ja"]])
def test_extract_removes_templates_of_deleted_sources(make_project, command) -> None:
    """A POT is generated: it goes with its source.  A PO holds translations: it stays, and
    extract (or update, which extracts too) says so."""
    root = make_project({"doc": "正文。\n", "sub/old": "旧文。\n"})
    assert run(root, "update", "-l", "ja").returncode == 0
    (root / "source/sub/old.md").unlink()
    result = run(root, *command)
    assert result.returncode == 0
    assert result.stdout == "removed locales/sub/old.pot\n"
    assert result.stderr == ("warning: locales/ja/LC_MESSAGES/sub/old.po: its source document "
                             "is gone; the translations are kept (delete the file to drop "
                             "them)\n")
    assert not (root / "locales/sub/old.pot").exists()
    assert (root / "locales/ja/LC_MESSAGES/sub/old.po").exists()
    assert (root / "locales/doc.pot").exists()
    # The parsed copies kept in the cache go too; the living document's stay.
    assert sorted(keys(root / ".cache/records.sqlite3")) == ["catalogs/ja/doc", "documents/doc"]


def test_records_of_older_versions_are_dropped(make_project) -> None:
    """The record files that earlier versions wrote (JSON, then marshal, in a folder per
    kind) are never read again: they go, folders and all."""
    root = make_project({"doc": "正文。\n"})
    for old in (".cache/documents/doc.json", ".cache/catalogs/ja/doc.marshal",
                ".cache/templates/doc.marshal", ".cache/templates/sub/old.marshal"):
        (root / old).parent.mkdir(parents=True, exist_ok=True)
        (root / old).write_text('{"key": "0"}', encoding="utf-8")
    assert run(root, "update", "-l", "ja").returncode == 0
    assert not [p for p in (root / ".cache").iterdir() if p.is_dir()]
    assert sorted(keys(root / ".cache/records.sqlite3")) == ["catalogs/ja/doc", "documents/doc"]


def test_documents_are_found_in_subfolders_in_order(tmp_path: Path) -> None:
    from pipeline.core.project import open_project

    for name in ("b", "a/z", "a/b/c", "a-b", "x/notes.txt"):
        path = tmp_path / "source" / (name if name.endswith(".txt") else f"{name}.md")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("正文。\n", encoding="utf-8")
    (tmp_path / "source/folder.md").mkdir()  # a folder named like a document is not one
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere/linked.md").write_text("正文。\n", encoding="utf-8")
    (tmp_path / "source/link").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert open_project(tmp_path).document_names() == ["a-b", "a/b/c", "a/z", "b"]


def test_one_walk_lists_files_by_suffix_with_links_to_files_but_not_to_folders(
        tmp_path: Path) -> None:
    from pipeline.core.project import files_by_suffix

    for name in ("a.po", "a.pot", "sub/b.po", "sub/deep/.c.po.12-1.tmp", "x.txt"):
        (tmp_path / "tree" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "tree" / name).write_text("", encoding="utf-8")
    (tmp_path / "other").mkdir()
    (tmp_path / "other/d.po").write_text("", encoding="utf-8")
    (tmp_path / "tree/linked.po").symlink_to(tmp_path / "other/d.po")
    (tmp_path / "tree/folder-link").symlink_to(tmp_path / "other", target_is_directory=True)
    (tmp_path / "tree/dangling.po").symlink_to(tmp_path / "missing.po")
    found = files_by_suffix(tmp_path / "tree", (".po", ".pot", ".tmp"))
    assert {suffix: sorted(names) for suffix, names in found.items()} == {
        ".po": ["a", "linked", "sub/b"], ".pot": ["a"], ".tmp": ["sub/deep/.c.po.12-1"]}
    assert files_by_suffix(tmp_path / "absent", (".po",)) == {".po": []}


def test_a_cache_that_cannot_be_written_costs_time_not_the_run(make_project, capsys) -> None:
    root = make_project({"doc": "# 标题\n\n正文。\n"})
    (root / ".cache").mkdir()
    (root / ".cache/records.sqlite3").mkdir()  # a folder where the database goes
    (root / ".cache/memo.json").mkdir()
    assert main(["--root", str(root), "update"]) == 0
    assert main(["--root", str(root), "build"]) == 0
    assert "cannot write" not in capsys.readouterr().err
    assert (root / "build/en/doc.md").read_text(encoding="utf-8") == "# 标题\n\n正文。\n"


def test_a_command_run_from_inside_the_project_finds_it(make_project) -> None:
    root = make_project({"sub/doc": "正文。\n"})
    result = subprocess.run([sys.executable, "-m", "pipeline", "extract"],
                            cwd=root / "source" / "sub",
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "wrote locales/sub/doc.pot\n"
    assert (root / "locales/sub/doc.pot").is_file()
    assert not (root / "source/sub/locales").exists()


def test_output_into_a_closed_pipe_ends_quietly(make_project) -> None:
    root = make_project({f"doc{n}": "正文。\n" for n in range(300)})  # past a pipe buffer
    assert run(root, "update", "-l", "en").returncode == 0
    shell = subprocess.run(["bash", "-c", f"set -o pipefail; '{sys.executable}' -m pipeline "
                            f"--root '{root}' stats --json 2>err.txt | head -1"],
                           cwd=root, capture_output=True, text=True, timeout=120)
    assert shell.stdout == "{\n"
    assert (root / "err.txt").read_text(encoding="utf-8") == ""
    assert shell.returncode == 0


def test_the_pipeline_command_is_installed(make_project) -> None:
    command = Path(sys.executable).parent / "pipeline"
    if not command.exists():
        pytest.skip("the package is not installed in this Python's environment")
    root = make_project({"doc": "正文。\n"})
    result = subprocess.run([str(command), "extract"], cwd=root, capture_output=True,
                            text=True, encoding="utf-8", timeout=120)
    assert (result.returncode, result.stdout) == (0, "wrote locales/doc.pot\n"), result.stderr
