"""``python -m pipeline stats [-l LANG...] [--json]``: how far each document and language is.

Prints a table (or, with ``--json``, the same numbers for machines) and writes
``build/status.html``: a progress bar per document and language, coloured by review state.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from datetime import datetime, timezone

from ..core.atomic_files import write_atomic
from ..core.project import Project
from .options import Command, add_language_option, chosen_languages


def stats(project: Project, languages: Sequence[str], as_json: bool = False) -> int:
    """Print the statistics of ``languages`` and write ``build/status.html``."""
    # checks, markdown-it and jinja2: only when this command runs.
    from ..publish.site import STATUS_PAGE
    from ..publish.status_report import stats_json, stats_table, status_page
    from ..stages.status import gather, language_statuses

    rows = gather(project, languages)
    statuses = language_statuses(project, rows, languages)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    page = project.build_path(STATUS_PAGE)
    write_atomic(page, status_page(project.config.project_name, rows, statuses,
                                   stamp).encode("utf-8"), durable=False)  # an output
    if as_json:
        print(json.dumps(stats_json(rows, statuses), ensure_ascii=False, indent=2))
    else:
        print(stats_table(rows, statuses))
        print(f"wrote {project.shown(page)}")
    return 0


def run(project: Project, args: argparse.Namespace) -> int:
    """The ``stats`` command."""
    return stats(project, chosen_languages(project, args.languages), args.json)


def configure(parser: argparse.ArgumentParser) -> None:
    """The options of ``stats``."""
    add_language_option(parser)
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")


COMMAND = Command("counts per document and language; write build/status.html", configure, run,
                  writes=lambda args: False)  # its page and memo are written atomically
