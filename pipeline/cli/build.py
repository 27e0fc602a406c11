"""``python -m pipeline build [-l LANG ...] [--format md|html|bilingual ...]
[--no-machine-drafts]``: localized Markdown, HTML pages, bilingual editions and the index."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from ..core.config import BUILD_FORMATS
from ..core.project import Project
from .options import Command, add_language_option, chosen_languages
from .report import echo, print_report


def build(project: Project, languages: Sequence[str], jobs: int | None, debug: bool = False,
          formats: Sequence[str] = (), machine_drafts: bool | None = None) -> int:
    """Build ``languages`` and print what was written; the exit status."""
    from ..stages.build import build_project  # its plan: only when building

    report = build_project(project, languages, jobs, echo("built"), formats, machine_drafts,
                           debug)
    return print_report(report, "built")


def run(project: Project, args: argparse.Namespace) -> int:
    """The ``build`` command."""
    return build(project, chosen_languages(project, args.languages), args.jobs, args.debug,
                 args.formats or (), False if args.no_machine_drafts else None)


def configure(parser: argparse.ArgumentParser) -> None:
    """The options of ``build``."""
    add_language_option(parser)
    parser.add_argument("--format", dest="formats", action="append", choices=BUILD_FORMATS,
                        help="write only this output (repeatable): md = build/<lang>/<doc>.md, "
                             "html = pages and build/index.html, bilingual = "
                             "build/bilingual/ (default: [pipeline] formats, all three)")
    parser.add_argument("--no-machine-drafts", action="store_true",
                        help="publish only reviewed translations (machine drafts fall back "
                             "to the source text)")


COMMAND = Command("write localized Markdown and HTML, bilingual editions and build/index.html",
                  configure, run)
