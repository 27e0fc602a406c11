"""Do two versions of the package write the same files?  A check for refactorings.

Runs the package of a git revision (``--ref``, default ``HEAD``) and the working tree's on
copies of the same projects, the commands a user runs, and compares what they leave in
``locales/`` and ``build/`` byte for byte, and what they print (each command's lines
sorted: ``translate`` reports catalogs in the order its engine's replies arrive):

* the sample project (``source/``, ``locales/``, ``pipeline.toml`` of this repository);
* a corpus project of ``--docs`` articles from ``bench/corpus.py`` (two languages).

The commands: ``extract``, ``update``, ``translate -l ja --engine pseudo`` (offline),
``build``, ``check``, ``stats --json``, then one source edited and ``update`` and ``build``
again.  Dates that say when a file was written (``POT-Creation-Date``, ``PO-Revision-Date``,
the status page's time) are the only text not compared.

    .venv/bin/python bench/same_outputs.py [--ref REV] [--docs N] [--keep DIR]

Exit status 0 when every file and every output line is the same, 1 otherwise.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
from corpus import write_corpus  # noqa: E402  (a sibling script, not a package)

WORK = BENCH / ".work"
CORPUS_CONFIG = ('[pipeline]\nsource_language = "zh"\nlanguages = ["en", "ja"]\n'
                 'project_name = "corpus"\n')
COMMANDS = (
    ["extract"],
    ["update"],
    ["translate", "-l", "ja", "--engine", "pseudo", "-q"],
    ["build"],
    ["check"],
    ["stats", "--json"],
    ["edit"],  # not a command: one source gets a new paragraph
    ["update"],
    ["build"],
)
_DATES = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date): [^"\\]*\\n"$', re.M)
_GENERATED = re.compile(rb"\d{4}-\d\d-\d\d \d\d:\d\d UTC")


def export_package(revision: str, into: Path) -> Path:
    """The ``pipeline/`` folder of ``revision``, written under ``into``."""
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", revision, "pipeline"], cwd=ROOT, check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def working_package(into: Path) -> Path:
    """A copy of the working tree's ``pipeline/``."""
    shutil.copytree(ROOT / "pipeline", into / "pipeline",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return into


def sample_project(root: Path) -> None:
    """This repository's sample: its sources, catalogs, glossary and configuration."""
    for folder in ("source", "locales"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copy(ROOT / "pipeline.toml", root / "pipeline.toml")


def corpus_project(root: Path, docs: int) -> None:
    """Generated articles in two languages."""
    write_corpus(root / "source", docs, 0)
    (root / "pipeline.toml").write_text(CORPUS_CONFIG, encoding="utf-8")


def edit_one(root: Path) -> None:
    """A new paragraph at the end of the first source."""
    path = sorted((root / "source").rglob("*.md"))[0]
    path.write_text(path.read_text(encoding="utf-8") + "\n新增的一段话，用来测试更新。\n",
                    encoding="utf-8")


def run_commands(code: Path, root: Path) -> list[str]:
    """Every command of :data:`COMMANDS` in ``root`` with the package in ``code``; what
    each printed and its exit status, paths of the work folder shown as ``<root>``."""
    environment = dict(os.environ, PYTHONPATH=str(code), PYTHONUTF8="1")
    log = []
    for command in COMMANDS:
        if command == ["edit"]:
            edit_one(root)
            continue
        done = subprocess.run([sys.executable, "-m", "pipeline", "--root", str(root),
                               *command], cwd=code, env=environment, capture_output=True,
                              text=True, encoding="utf-8", timeout=1800)
        shown = " ".join(command)
        for stream, text in (("out", done.stdout), ("err", done.stderr)):
            # Sorted: translate saves the catalogs in the order the engine's replies come.
            log += sorted(f"{shown} {stream}: {line.replace(str(root), '<root>')}"
                          for line in text.splitlines())
        log.append(f"{shown}: exit {done.returncode}")
    return log


def normalized(path: Path) -> bytes:
    """A file's bytes without the dates that say when it was written."""
    data = path.read_bytes()
    data = _DATES.sub(rb'"\1: <date>\\n"', data)
    return _GENERATED.sub(b"<time>", data) if path.name == "status.html" else data


def tree_differences(old: Path, new: Path) -> list[str]:
    """The files of ``locales/`` and ``build/`` that one tree has and the other has not,
    or that differ."""
    differences = []
    for folder in ("locales", "build"):
        files = {path.relative_to(old).as_posix() for path in (old / folder).rglob("*")
                 if path.is_file()}
        others = {path.relative_to(new).as_posix() for path in (new / folder).rglob("*")
                  if path.is_file()}
        differences += [f"only in the reference: {name}" for name in sorted(files - others)]
        differences += [f"only in the working tree: {name}" for name in sorted(others - files)]
        for name in sorted(files & others):
            if not filecmp.cmp(old / name, new / name, shallow=False) \
                    and normalized(old / name) != normalized(new / name):
                differences.append(f"differs: {name}")
    return differences


def log_differences(old: list[str], new: list[str]) -> list[str]:
    """Printed lines that differ, side by side."""
    import difflib

    return [line for line in difflib.unified_diff(old, new, "reference", "working tree",
                                                  lineterm="", n=0)]


def main(argv: list[str] | None = None) -> int:
    """Command line: run both versions, print the differences."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ref", default="HEAD", help="git revision to compare with "
                        "(default: HEAD)")
    parser.add_argument("--docs", type=int, default=60,
                        help="articles in the corpus project (default: 60)")
    parser.add_argument("--keep", type=Path, help="work in this (new) folder and keep it")
    args = parser.parse_args(argv)
    WORK.mkdir(exist_ok=True)
    work = (args.keep or Path(tempfile.mkdtemp(prefix="same-", dir=WORK))).resolve()
    failures = 0
    try:
        codes = {"reference": export_package(args.ref, work / "code-reference"),
                 "working tree": working_package(work / "code-working")}
        makers = {"sample": sample_project,
                  "corpus": lambda root: corpus_project(root, args.docs)}
        for project, make in makers.items():
            roots, logs = {}, {}
            for version, code in codes.items():
                roots[version] = work / f"{project}-{version.replace(' ', '-')}"
                make(roots[version])
                logs[version] = run_commands(code, roots[version])
            differences = tree_differences(roots["reference"], roots["working tree"])
            differences += log_differences(logs["reference"], logs["working tree"])
            files = sum(1 for folder in ("locales", "build")
                        for path in (roots["reference"] / folder).rglob("*") if path.is_file())
            print(f"{project}: {files} files, {len(logs['reference'])} printed lines: "
                  f"{'the same' if not differences else f'{len(differences)} differences'}")
            for line in differences[:50]:
                print(f"  {line}")
            failures += bool(differences)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
