"""``python -m pipeline update [-l LANG ...]``: extract, then create or merge
``locales/<lang>/LC_MESSAGES/<doc>.po``."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from ..core.project import Project
from ..stages.update import update_project
from .options import Command, add_language_option, chosen_languages
from .report import echo, print_report


def update(project: Project, languages: Sequence[str], jobs: int | None,
           debug: bool = False) -> int:
    """Update the catalogs of ``languages`` and print what was done; the exit status."""
    return print_report(update_project(project, languages, jobs, echo("wrote"), debug),
                        "wrote")


def run(project: Project, args: argparse.Namespace) -> int:
    """The ``update`` command."""
    return update(project, chosen_languages(project, args.languages), args.jobs, args.debug)


COMMAND = Command("extract, then merge templates into locales/<lang>/LC_MESSAGES/<doc>.po",
                  add_language_option, run)
