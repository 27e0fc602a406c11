"""``python -m pipeline``: the argument parser over :data:`COMMANDS`, and the edge where
errors become messages.

Errors print as ``path:line: message`` on stderr with exit status 1; usage errors exit 2; a
traceback only with ``--debug``.  Each command's module imports what only it needs when
it runs: a no-op ``extract`` does not pay for checks, pages or engines.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..core.errors import FileSystemError, PipelineError, UsageError
from ..core.project import open_project
from ..stages.runner import placed
from . import build, check, extract, stats, translate, update
from .options import Command, positive_int

COMMANDS: dict[str, Command] = {
    "extract": extract.COMMAND,
    "update": update.COMMAND,
    "build": build.COMMAND,
    "check": check.COMMAND,
    "stats": stats.COMMAND,
    "translate": translate.COMMAND,
}
"""Every sub-command, in the order ``--help`` lists them."""


def make_parser() -> argparse.ArgumentParser:
    """The argument parser with one sub-command per entry of :data:`COMMANDS`."""
    parser = argparse.ArgumentParser(prog="python -m pipeline",
                                     description="Chinese Markdown ⇄ gettext publishing pipeline")
    parser.add_argument("--root", type=Path, default=Path("."),
                        help="project folder with source/, locales/, pipeline.toml (default: .)")
    parser.add_argument("--debug", action="store_true", help="run the jobs one after another in this process and show tracebacks")
    parser.add_argument("-j", "--jobs", type=positive_int, default=None,
                        help="parallel processes (default: one per core)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, command in COMMANDS.items():
        command.configure(commands.add_parser(name, help=command.summary,
                                              description=command.summary))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = make_parser().parse_args(argv)
    root = args.root.resolve()
    try:
        return COMMANDS[args.command].run(open_project(root), args)
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except (PipelineError, OSError) as error:
        if args.debug:
            raise
        if isinstance(error, OSError):
            error = FileSystemError.from_os_error(error)
        print(f"error: {placed(error, root)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
