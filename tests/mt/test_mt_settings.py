"""The ``[engine]`` table, command-line overrides, and the progress line."""

from __future__ import annotations

import io

import pytest

from pipeline.core.errors import ConfigError
from pipeline.mt.engines import open_engine
from pipeline.mt.progress import ProgressLine, Tally
from pipeline.mt.settings import EngineSettings, engine_settings


def test_table_then_command_line() -> None:
    table = {"name": "libre", "url": "http://127.0.0.1:5000", "timeout": 5, "jobs": 2}
    assert engine_settings(table) == EngineSettings(
        name="libre", url="http://127.0.0.1:5000", timeout=5.0, jobs=2,
        url_from="[engine] url in pipeline.toml")
    overridden = engine_settings(table, name="llm", url="http://127.0.0.1:8080/v1", jobs=6)
    assert (overridden.name, overridden.url, overridden.jobs, overridden.url_from) == \
        ("llm", "http://127.0.0.1:8080/v1", 6, "--engine-url")


def test_another_engine_does_not_inherit_the_named_engines_place_and_sizes() -> None:
    table = {"name": "libre", "url": "http://127.0.0.1:5000", "jobs": 8, "max_chars": 9000,
             "max_items": 40, "model": "m", "timeout": 5}
    other = engine_settings(table, name="baidu")
    assert other == EngineSettings(name="baidu", timeout=5.0)
    assert engine_settings(table, name="libre") == engine_settings(table)
    # A table that names no engine describes whichever is chosen.
    unnamed = engine_settings({"url": "http://127.0.0.1:5000"}, name="libre")
    assert unnamed.url == "http://127.0.0.1:5000"


@pytest.mark.parametrize("table, words", [
    ({"nmae": "libre"}, "unknown key"),
    ({"timeout": "fast"}, "timeout must be a non-negative float"),
    ({"jobs": 2.5}, "jobs must be a non-negative int"),
    ({"retries": -1}, "retries must be"),
    ({"name": 3}, "name must be a string"),
])
def test_bad_tables(table: dict, words: str) -> None:
    with pytest.raises(ConfigError, match=words):
        engine_settings(table)


def test_jobs_must_be_positive() -> None:
    with pytest.raises(ConfigError, match="--jobs"):
        engine_settings({}, jobs=0)


def test_source_language_is_no_target() -> None:
    with pytest.raises(ConfigError, match="source language"):
        open_engine(EngineSettings(name="pseudo"), "zh", "zh")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_only_on_a_terminal() -> None:
    tally = Tally(total=10, done=4, requests=2, cache_hits=1, failures=1)
    terminal, pipe = Terminal(), io.StringIO()
    for stream, quiet in ((terminal, False), (pipe, False), (Terminal(), True)):
        line = ProgressLine(stream, "translate ja", quiet)
        line.show(tally, force=True)
        line.close()
    assert terminal.getvalue().startswith(
        "\rtranslate ja: 4/10 segments, 2 requests, 1 cache hits, 1 failures")
    assert pipe.getvalue() == ""
