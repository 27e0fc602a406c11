"""Benchmark: one ever larger Markdown file through ``update`` and ``build``.

The file is the corpus's articles (``bench/corpus.py``) one after another, their footnote
and reference labels made unique, until it has the size asked.  For each size: wall and CPU
seconds and peak memory of ``update -l en`` and ``build -l en``, and both per MB of source,
so that whatever grows faster than the file shows as a growing ratio.

    .venv/bin/python bench/large_file.py [--sizes 1,2,4,8] [--keep DIR]

A benchmark, not a test: it prints a table.  ``[markdown] max_file_mb`` (default 10) refuses
larger files; the benchmark raises it for the sizes it is asked for.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
from corpus import article  # noqa: E402  (a sibling script, not a package)

WORK = BENCH / ".work"


def large_document(megabytes: float) -> str:
    """Articles one after another up to ``megabytes``, one front matter, labels unique."""
    parts, size, index = [], 0, 1
    while size < megabytes * 2**20:
        text = article(0, index)
        if index > 1:
            text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
        text = re.sub(r"\[\^(\d+)\]", lambda m: f"[^{index}-{m.group(1)}]", text)
        text = re.sub(r"\[REF(\d+)\]", lambda m: f"[REF{index}-{m.group(1)}]", text)
        parts.append(text)
        size += len(text.encode("utf-8"))
        index += 1
    return "\n".join(parts)


def measured(argv: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident MB of a command and its workers."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status):
        assert process.stderr is not None
        sys.exit(f"bench: {' '.join(argv)} failed:\n{process.stderr.read().decode()[-2000:]}")
    return (time.perf_counter() - start, usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024)


def main(argv: list[str] | None = None) -> int:
    """Command line: make the files, run both steps, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,2,4,8", help="MB, comma-separated (default: "
                        "1,2,4,8)")
    parser.add_argument("--keep", type=Path, help="work in this (new) folder and keep it")
    args = parser.parse_args(argv)
    sizes = [float(size) for size in args.sizes.split(",")]
    WORK.mkdir(exist_ok=True)
    work = (args.keep or Path(tempfile.mkdtemp(prefix="large-", dir=WORK))).resolve()
    print(f"{'MB':>6} {'step':8} {'wall s':>8} {'CPU s':>8} {'peak MB':>8} {'s/MB':>6} "
          f"{'MB/MB':>6}")
    try:
        for megabytes in sizes:
            root = work / f"{megabytes:g}mb"
            (root / "source").mkdir(parents=True)
            source = root / "source" / "large.md"
            source.write_text(large_document(megabytes), encoding="utf-8")
            actual = source.stat().st_size / 2**20
            (root / "pipeline.toml").write_text(
                '[pipeline]\nsource_language = "zh"\nlanguages = ["en"]\n'
                f'[markdown]\nmax_file_mb = {max(sizes) * 2}\n', encoding="utf-8")
            base = [sys.executable, "-m", "pipeline", "--root", str(root)]
            for step, command in (("update", ["update", "-l", "en"]),
                                  ("build", ["build", "-l", "en"])):
                wall, cpu, peak = measured(base + command)
                print(f"{actual:6.1f} {step:8} {wall:8.2f} {cpu:8.2f} {peak:8.0f} "
                      f"{cpu / actual:6.2f} {peak / actual:6.0f}", flush=True)
            shutil.rmtree(root, ignore_errors=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
