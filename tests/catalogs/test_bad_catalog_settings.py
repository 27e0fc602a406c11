"""A bad ``[catalogs]`` table is one ``pipeline.toml:line`` message, exit status 1, and no
catalog is written (as tests/cli/test_bad_input.py asserts for the other tables)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_pipeline
from pipeline.catalogs.wrapping import catalog_wrap
from pipeline.core.config import Config
from pipeline.core.errors import ConfigError

WRAP_MESSAGE = ('[catalogs] wrap must be 0 (no wrapping), a line width such as 79, or "keep" '
                "(the width the file already has), not ")


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and ".cache" not in p.parts}


@pytest.mark.parametrize("line, message", [
    ('wrap = "x"', WRAP_MESSAGE + "'x'"),
    ("wrap = -1", WRAP_MESSAGE + "-1"),
    ("wrap = true", WRAP_MESSAGE + "True"),
    ("wrap = 7.5", WRAP_MESSAGE + "7.5"),
    ('wrap = "79"', WRAP_MESSAGE + "'79'"),
    ("width = 79", "unknown key(s) in [catalogs]: width"),
])
def test_a_bad_wrap_setting_is_an_error_at_its_line(make_project, line: str,
                                                    message: str) -> None:
    root = make_project({"doc": "正文。\n"}, '[pipeline]\nsource_language = "zh"\n'
                        f'languages = ["en"]\n\n[catalogs]\n{line}\n')
    before = _files(root)
    result = run_pipeline(root, "update")
    assert (result.returncode, result.stderr) == (1, f"error: pipeline.toml:6: {message}\n")
    assert _files(root) == before  # not even the template


@pytest.mark.parametrize("value, wrap", [(None, "keep"), ("keep", "keep"), (0, 0), (79, 79),
                                         (1, 1), (10**6, 10**6)])
def test_good_wrap_settings(value: object, wrap: object) -> None:
    extra = {} if value is None else {"catalogs": {"wrap": value}}
    assert catalog_wrap(Config(extra=extra)) == wrap


def test_the_error_names_the_key() -> None:
    with pytest.raises(ConfigError) as error:
        catalog_wrap(Config(extra={"catalogs": {"wrap": "x"}}))
    assert error.value.key == "catalogs.wrap" and error.value.path == "pipeline.toml"


def test_check_fix_fails_on_a_bad_wrap_setting_with_nothing_to_fix(make_project) -> None:
    config = '[pipeline]\nsource_language = "zh"\nlanguages = ["en"]\n'
    root = make_project({"doc": "正文。\n"}, config)
    assert run_pipeline(root, "update").returncode == 0
    (root / "pipeline.toml").write_text(config + '\n[catalogs]\nwrap = "x"\n', encoding="utf-8")
    result = run_pipeline(root, "check", "--fix")
    assert (result.returncode, result.stderr) == (1, f"error: pipeline.toml:6: {WRAP_MESSAGE}'x'\n")
    assert result.stdout == ""
    assert run_pipeline(root, "check").returncode == 0  # nothing is written: no wrap needed
