"""Shared fixtures: the sample, the CommonMark examples and throw-away projects.

The sample is the committed ``source/aigc-intro.md`` (a copy of ../shared's, checked equal
when ../shared is there) and the spec examples are committed under tests/fixtures, so a
fresh clone runs every test without ../shared beside it."""

from __future__ import annotations

import functools
import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "source" / "aigc-intro.md"
TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
SPEC = FIXTURES / "commonmark-spec.json"
GOLDEN = TESTS / "golden"


def need_shared(path: Path) -> Path:
    """Skip (never fail) when ../shared is not beside this clone: only for the checks that
    compare our committed copies with it."""
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared is not beside this clone")
    return path


def spec_examples() -> list[dict]:
    """The 652 CommonMark spec examples (committed: a missing file is an error, not a skip)."""
    return json.loads(SPEC.read_text(encoding="utf-8"))


def spec_example_id(example: dict) -> str:
    """A spec example's test id: its number (``example-42``)."""
    return f"example-{example['example']}"


def corpus_articles(count: int) -> list[str]:
    """The benchmark corpus's first ``count`` articles (seed 0), for tests that want real
    documents in the sample's style."""
    return [bench_corpus().article(0, index) for index in range(1, count + 1)]


def run_pipeline(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m pipeline --root ROOT ARGS`` as a user runs it, output captured as UTF-8."""
    return subprocess.run([sys.executable, "-m", "pipeline", "--root", str(root), *args],
                          capture_output=True, text=True, encoding="utf-8", cwd=ROOT,
                          timeout=300)


@functools.cache
def bench_script(name: str) -> ModuleType:
    """``bench/<name>.py`` (a script, not a package), loaded as a module."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bench_corpus() -> ModuleType:
    """``bench/corpus.py``: the generator of the benchmark's articles."""
    return bench_script("corpus")


@pytest.fixture
def make_project(tmp_path: Path):
    """Create a project folder with given sources (``{"doc": "markdown"}``) and config."""

    def create(sources: dict[str, str | bytes], config: str | None = None) -> Path:
        root = tmp_path / "project"
        (root / "source").mkdir(parents=True, exist_ok=True)
        for name, content in sources.items():
            path = root / "source" / f"{name}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        (root / "pipeline.toml").write_text(
            config or '[pipeline]\nsource_language = "zh"\nlanguages = ["en", "ja"]\n',
            encoding="utf-8")
        return root

    return create


@pytest.fixture
def sample_project(make_project) -> Path:
    """A project holding the bundled sample article."""
    root = make_project({})
    shutil.copy(SAMPLE, root / "source" / "aigc-intro.md")
    return root
