"""``python -m pipeline check [-l LANG...] [--fix]``: every check on every catalog.

Problems print one a line, compiler style, on stdout::

    locales/ja/LC_MESSAGES/aigc-intro.po:57: [code-spans] code span `GAN` missing

and the exit status is 1 when any of them is an error.  ``--fix`` first applies the safe
mechanical fixes (punctuation, spacing) and writes the catalogs it changed.
"""

from __future__ import annotations

import argparse
import sys

from ..core.project import Project
from .options import Command, add_language_option, chosen_languages


def run(project: Project, args: argparse.Namespace) -> int:
    """The ``check`` command."""
    # checks and markdown-it: only when this command runs.
    from ..checks import ERROR, format_problem
    from ..stages.review import review_catalogs

    if args.list_flags:
        from ..checks import understood_flags

        print("\n".join(understood_flags()))
        return 0
    counts = {"error": 0, "warning": 0}
    checked = 0
    for review in review_catalogs(project, chosen_languages(project, args.languages),
                                  args.fix):
        if review.fixed:
            print("\n".join(review.fixed))
        checked += 1
        for place, problem in review.problems:
            counts[problem.level] += 1
            print(format_problem(place, problem))
    print(_summary(counts, checked), file=sys.stderr)
    return 1 if counts[ERROR] else 0


def _summary(counts: dict[str, int], checked: int) -> str:
    def plural(number: int, word: str) -> str:
        return f"{number} {word}{'' if number == 1 else 's'}"
    return (f"{plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')} "
            f"in {plural(checked, 'catalog')}")


def configure(parser: argparse.ArgumentParser) -> None:
    """The options of ``check``."""
    add_language_option(parser)
    parser.add_argument("--fix", action="store_true",
                        help="first apply safe mechanical fixes (punctuation, spacing)")
    parser.add_argument("--list-flags", action="store_true",
                        help="print the PO flags the checks understand (#, ignore-<check> "
                             "turns one check off for one entry) and exit")


COMMAND = Command("check every translation; print path:line: [check] message, exit 1 on errors",
                  configure, run, writes=lambda args: bool(args.fix))
