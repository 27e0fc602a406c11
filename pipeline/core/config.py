"""``pipeline.toml``: the project's settings, each with a sensible default."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, fields
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

from .atomic_files import write_atomic
from .errors import ConfigError
from .text_files import read_text

CONFIG_NAME = "pipeline.toml"
_TABLE = re.compile(r"^\[\[?\s*([^\]]+?)\s*\]\]?")
_KEY = re.compile(r"^([\w.\"' -]+?)\s*=")
_TOML_PLACE = re.compile(r"\(at line (\d+), column (\d+)\)$")
DEFAULT_FRONT_MATTER_KEYS = ("title", "description", "keywords", "categories", "tags",
                             "image.alt")
BUILD_FORMATS = ("md", "html", "bilingual")
"""What ``build`` can write: localized Markdown, HTML pages (with the original's page and
build/index.html), bilingual editions (Markdown and HTML)."""


@dataclass(frozen=True)
class Config:
    """The ``[pipeline]`` table of ``pipeline.toml``."""

    source_language: str = "zh"
    languages: tuple[str, ...] = ("en", "ja")
    front_matter_keys: tuple[str, ...] = DEFAULT_FRONT_MATTER_KEYS
    source_dir: str = "source"
    locales_dir: str = "locales"
    build_dir: str = "build"
    project_name: str = "pipeline"
    publish_machine_drafts: bool = True
    """Build with fuzzy machine translations (not with fuzzy entries from a changed source)."""
    formats: tuple[str, ...] = BUILD_FORMATS
    """What ``build`` writes (a subset of :data:`BUILD_FORMATS`)."""
    fuzzy_threshold: float = 0.6
    """How close (difflib ratio) an old msgid must be to keep its translation as fuzzy."""
    html_blocks: bool = False
    """Extract HTML blocks with words in them (``<div align="center">…</div>``), tags and
    all, as entries; by default they are skeleton.  ``<pre>``, ``<script>``, ``<style>``,
    ``<textarea>``, comments and declarations never are."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Tables and keys other features read (``[engine]``, ``[check]`` ...)."""


def load_config(root: Path) -> Config:
    """Read ``root/pipeline.toml``; a missing file gives the defaults."""
    path = root / CONFIG_NAME
    if not path.exists():
        return Config()
    if path.is_symlink() and os.path.dirname(os.path.realpath(path)) != os.path.realpath(root):
        raise ConfigError("a symbolic link to a file elsewhere: refused (the project's own "
                          "settings live in the project)", CONFIG_NAME)
    try:
        data = tomllib.loads(read_text(path, CONFIG_NAME, ConfigError))
    except tomllib.TOMLDecodeError as exc:
        place = _TOML_PLACE.search(str(exc))
        message = _TOML_PLACE.sub("", str(exc)).rstrip()
        raise ConfigError(f"invalid TOML: {message}", CONFIG_NAME,
                          *(map(int, place.groups()) if place else ())) from None
    # Every setting lives in a table ([pipeline], [engine], [check], [publish] ...): a
    # stray top-level value would reach the code that reads that table as a dict.
    for key, value in data.items():
        if not isinstance(value, dict):
            raise ConfigError(f"{key} must be a table: [{key}]", CONFIG_NAME, key=key)
    table = data.get("pipeline", {})
    known = {f.name for f in fields(Config)} - {"extra"}
    unknown = set(table) - known
    if unknown:
        raise ConfigError(f"unknown key(s) in [pipeline]: {', '.join(sorted(unknown))}",
                          CONFIG_NAME, key=f"pipeline.{min(unknown)}")
    values = {key: _checked(key, value) for key, value in table.items()}
    unknown_formats = set(values.get("formats", ())) - set(BUILD_FORMATS)
    if unknown_formats:
        raise ConfigError(f"[pipeline] formats: unknown format(s) "
                          f"{', '.join(sorted(unknown_formats))} (known: "
                          f"{', '.join(BUILD_FORMATS)})", CONFIG_NAME, key="pipeline.formats")
    if "source_language" in values:
        values["source_language"] = _language(values["source_language"], "source_language")
    if "languages" in values:
        values["languages"] = tuple(_language(code, "languages") for code in values["languages"])
    source = values.get("source_language", Config.source_language)
    if source in values.get("languages", Config.languages):
        raise ConfigError(f"[pipeline] languages: '{source}' is the source language, not a "
                          "target", CONFIG_NAME, key="pipeline.languages")
    extra = {key: value for key, value in data.items() if key != "pipeline"}
    return Config(**values, extra=extra)


def _language(code: str, key: str) -> str:
    """``code`` in gettext locale form, or a ConfigError at ``[pipeline] key``."""
    from .languages import normalize_language  # babel: only when codes are configured

    try:
        return normalize_language(code)
    except ConfigError as error:
        raise ConfigError(f"[pipeline] {key}: {error.message}", CONFIG_NAME,
                          key=f"pipeline.{key}") from None


def _checked(key: str, value: Any) -> Any:
    """A ``[pipeline]`` value converted to the type of its default, or a ConfigError."""
    default = getattr(Config(), key)
    if isinstance(default, tuple):
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return tuple(value)
        expected = "a list of strings"
    elif isinstance(default, bool):
        if isinstance(value, bool):
            return value
        expected = "true or false"
    elif isinstance(default, float):
        if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1:
            return float(value)
        expected = "a number from 0 to 1"
    else:
        if isinstance(value, str) and value:
            return value
        expected = "a non-empty string"
    raise ConfigError(f"[pipeline] {key} must be {expected}", CONFIG_NAME,
                      key=f"pipeline.{key}")


def settings_table(config: Config, name: str, known: Collection[str]) -> dict[str, Any]:
    """The ``[name]`` table of pipeline.toml (empty if absent); a key it does not know is a
    ConfigError at that key, as in ``[pipeline]``."""
    table: dict[str, Any] = config.extra.get(name, {})
    unknown = set(table) - set(known)
    if unknown:
        raise ConfigError(f"unknown key(s) in [{name}]: {', '.join(sorted(unknown))}",
                          CONFIG_NAME, key=f"{name}.{min(unknown)}")
    return table


def config_line(root: Path, key: str) -> int | None:
    """The line of a dotted ``key`` (``publish.thresholds.ja``) in ``root/pipeline.toml``,
    else of the nearest table holding it; None when neither is written there."""
    try:
        text = read_text(root / CONFIG_NAME, CONFIG_NAME, ConfigError)  # as load read it
    except ConfigError:
        return None
    lines: dict[str, int] = {}
    table = ""
    for number, line in enumerate(text.splitlines(), 1):
        if header := _TABLE.match(line.strip()):
            table = _dotted(header.group(1))
            lines.setdefault(table, number)
        elif assignment := _KEY.match(line.strip()):
            name = _dotted(assignment.group(1))
            lines.setdefault(f"{table}.{name}" if table else name, number)
    parts = key.split(".")
    while parts:
        if ".".join(parts) in lines:
            return lines[".".join(parts)]
        parts.pop()
    return None


def _dotted(name: str) -> str:
    """A TOML key or table name as plain dotted parts: ``a . "b"`` is ``a.b``."""
    return ".".join(part.strip().strip("\"'") for part in name.split("."))


def register_languages(root: Path, codes: Sequence[str]) -> list[str]:
    """Add ``codes`` to ``[pipeline] languages`` in ``root/pipeline.toml``, keeping the
    file's comments, order and layout (tomlkit edits the document it read); the codes
    added.  A file without the key lists the defaults first, so that nothing else changes;
    a project without the file gets one."""
    import tomlkit  # only when a language is added

    path = root / CONFIG_NAME
    text = read_text(path, CONFIG_NAME, ConfigError) if path.exists() else ""
    document = tomlkit.parse(text)
    table = document.get("pipeline")
    if table is None:
        table = tomlkit.table()
        document.add("pipeline", table)
    current = list(table.get("languages", Config.languages))
    added = [code for code in dict.fromkeys(codes) if code not in current]
    if not added:
        return []
    if "languages" in table:
        table["languages"].extend(added)
    else:
        table["languages"] = [*current, *added]
    write_atomic(path, tomlkit.dumps(document).encode("utf-8"))
    return added
