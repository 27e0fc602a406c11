"""Benchmark: machine translation of 1,000 distinct segments through a stand-in engine.

A LibreTranslate stand-in on 127.0.0.1 answers every request after ``--latency`` seconds
(50 ms by default).  Timed on the same server:

* ours: ``translate_language`` on a generated project (worklist, protection, cache,
  batching, ``--jobs`` requests in flight, checks, PO files saved as results arrive);
* deep-translator: its own ``LibreTranslator.translate_batch`` loop over the same segments;
* ours again after the catalogs were reset: every reply comes from the cache.

    .venv/bin/python bench/mt.py [--segments N] [--latency S] [--jobs N] [--max-items N]
                                 [--baseline-sample N]

``--baseline-sample`` times deep-translator on the first N segments only and scales up (its
loop is strictly sequential, so the estimate is linear).  A benchmark, not a test: it prints
the numbers and whether the targets (8× faster, 0 requests on the second run) are met.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from deep_translator import LibreTranslator  # noqa: E402

from pipeline.cli import main  # noqa: E402
from pipeline.mt.engines import open_engine  # noqa: E402
from pipeline.mt.progress import ProgressLine  # noqa: E402
from pipeline.mt.settings import engine_settings  # noqa: E402
from pipeline.mt.translate_language import Summary, translate_language  # noqa: E402
from pipeline.core.project import open_project  # noqa: E402
from standins import Behaviour, LibreTranslateHandler, StandIn  # noqa: E402

TOPICS = ("生成式模型", "扩散模型", "自监督学习", "多模态融合", "图像超分", "语音合成", "文本生成")


def segments(count: int) -> list[str]:
    """Distinct Chinese paragraphs with inline code, links and emphasis."""
    return [f"第{i}段介绍了**{TOPICS[i % len(TOPICS)]}**的第{i // 7}种变体，使用`model_{i}()`"
            f"函数实现，详见[参考资料](https://example.com/{i})。" for i in range(count)]


def make_project(root: Path, texts: list[str], jobs: int | None,
                 max_items: int | None) -> None:
    (root / "source").mkdir(parents=True)
    (root / "source" / "bench.md").write_text("\n\n".join(texts) + "\n", encoding="utf-8")
    engine = (f"jobs = {jobs}\n" if jobs else "") + \
        (f"max_items = {max_items}\n" if max_items else "")
    (root / "pipeline.toml").write_text(
        '[pipeline]\nsource_language = "zh"\nlanguages = ["en"]\n\n[engine]\nname = "libre"\n'
        + engine, encoding="utf-8")


def reset_catalogs(root: Path) -> None:
    for path in (root / "locales" / "en").rglob("*.po"):
        path.unlink()
    assert main(["--root", str(root), "update", "-l", "en"]) == 0


def run_ours(root: Path, url: str) -> tuple[float, Summary]:
    project = open_project(root)
    settings = replace(engine_settings(project.config.extra.get("engine", {})), url=url)
    engine = open_engine(settings, "zh", "en")
    started = time.perf_counter()
    summary = translate_language(project, "en", engine, settings,
                                 ProgressLine(sys.stderr, "bench"))
    return time.perf_counter() - started, summary


def run_deep_translator(url: str, texts: list[str]) -> float:
    client = LibreTranslator(source="zh", target="en", api_key="none", custom_url=url + "/")
    started = time.perf_counter()
    client.translate_batch(texts)
    return time.perf_counter() - started


def main_bench() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--segments", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--jobs", type=int, default=None, help="default: the engine's")
    parser.add_argument("--max-items", type=int, default=None,
                        help="segments per request (default: the engine's; 1 shows what "
                             "concurrency alone gives)")
    parser.add_argument("--baseline-sample", type=int, default=None)
    options = parser.parse_args()
    texts = segments(options.segments)
    with tempfile.TemporaryDirectory() as folder, \
            StandIn(LibreTranslateHandler, Behaviour(latency=options.latency)) as server:
        root = Path(folder) / "project"
        make_project(root, texts, options.jobs, options.max_items)
        assert main(["--root", str(root), "update", "-l", "en"]) == 0
        ours, first = run_ours(root, server.url)
        requests_first = server.behaviour.requests

        sample = texts[:options.baseline_sample] if options.baseline_sample else texts
        before = server.behaviour.requests
        theirs = run_deep_translator(server.url, sample) * len(texts) / len(sample)
        requests_theirs = server.behaviour.requests - before

        reset_catalogs(root)
        before = server.behaviour.requests
        again, second = run_ours(root, server.url)
        requests_second = server.behaviour.requests - before

    speedup = theirs / ours
    estimated = " (estimated from a sample)" if len(sample) < len(texts) else ""
    print(f"{len(texts)} distinct segments, {options.latency * 1000:g} ms per request")
    print(f"  ours, first run:       {ours:7.2f} s  {requests_first} requests, "
          f"{first.drafts} drafts, {len(first.failures)} failures")
    print(f"  deep-translator loop:  {theirs:7.2f} s  {requests_theirs} requests{estimated}")
    print(f"  ours, second run:      {again:7.2f} s  {requests_second} requests, "
          f"{second.tally.cache_hits} cache hits")
    print(f"speed-up {speedup:.1f}× (target ≥ 8×): {'met' if speedup >= 8 else 'NOT met'}")
    print(f"second run requests {requests_second} (target 0): "
          f"{'met' if requests_second == 0 else 'NOT met'}")
    return 0 if speedup >= 8 and requests_second == 0 else 1


if __name__ == "__main__":
    sys.exit(main_bench())
