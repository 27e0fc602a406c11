"""``python -m pipeline extract``: write ``locales/<doc>.pot`` for every source document."""

from __future__ import annotations

import argparse

from ..core.project import Project
from ..stages.update import extract_project
from .options import Command
from .report import echo, print_report


def run(project: Project, args: argparse.Namespace) -> int:
    """The ``extract`` command."""
    return print_report(extract_project(project, args.jobs, echo("wrote"), args.debug),
                        "wrote")


COMMAND = Command("write locales/<doc>.pot for every source document",
                  lambda parser: None, run)
