"""What every command shares: the shape of a command, the ``-l`` option and the choice of
languages, and argparse types."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..core.errors import ConfigError, UsageError
from ..core.project import Project


@dataclass(frozen=True)
class Command:
    """One sub-command of ``python -m pipeline``."""

    summary: str
    """One line for ``--help``."""
    configure: Callable[[argparse.ArgumentParser], None]
    """Adds the command's own options."""
    run: Callable[[Project, argparse.Namespace], int]
    """Runs it; the exit status."""
    writes: Callable[[argparse.Namespace], bool] = field(default=lambda args: True)
    """Whether it writes catalogs or outputs: a writing run holds the project's lock
    (:mod:`pipeline.core.run_lock`), a reading one never waits for it."""


def _language(code: str) -> str:
    from ..core.languages import normalize_language  # babel: only when a code is given

    try:
        return normalize_language(code)
    except ConfigError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def add_language_option(parser: argparse.ArgumentParser, required: bool = False) -> None:
    """``-l LANG [LANG ...]``, repeatable; codes are checked and put in gettext form."""
    parser.add_argument("-l", "--language", dest="languages", action="extend", nargs="+",
                        type=_language, required=required, metavar="LANG",
                        help="target language(s), e.g. ja, pt-BR (default: [pipeline] "
                             "languages in pipeline.toml)")


def positive_int(text: str) -> int:
    """An argparse type: a whole number from 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: '{text}'") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def chosen_languages(project: Project, requested: Sequence[str] | None) -> list[str]:
    """The languages named on the command line, or else the configured ones; the source
    language is a usage error."""
    source = project.config.source_language
    if source in (requested or ()):
        raise UsageError(f"'{source}' is the source language: nothing to translate")
    return list(dict.fromkeys(requested or project.config.languages))
