"""``python -m pipeline``: the argument parser over :data:`COMMANDS`, and the edge where
errors become messages.

Errors print as ``path:line: message`` on stderr with exit status 1; usage errors exit 2; a
traceback only with ``--debug``.  Each command's module imports what only it needs when
it runs: a no-op ``extract`` does not pay for checks, pages or engines.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from ..core.errors import FileSystemError, PipelineError, UsageError
from ..core.project import Project, find_root, open_project
from ..core.run_lock import writer_lock
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
    parser.add_argument("--root", type=Path, default=None,
                        help="project folder with source/, locales/, pipeline.toml (default: "
                             "the nearest folder upward from here that has pipeline.toml, "
                             "else .)")
    parser.add_argument("--debug", action="store_true", help="run the jobs one after another in this process and show tracebacks")
    parser.add_argument("-j", "--jobs", type=positive_int, default=None,
                        help="parallel processes (default: one per core)")
    parser.add_argument("--no-wait", action="store_true", help=_NO_WAIT)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, command in COMMANDS.items():
        sub = commands.add_parser(name, help=command.summary, description=command.summary)
        # Also after the command's name; SUPPRESS keeps a --no-wait given before it.
        sub.add_argument("--no-wait", action="store_true", default=argparse.SUPPRESS,
                         help=_NO_WAIT)
        command.configure(sub)
    return parser


_NO_WAIT = ("when another run is writing this project, exit 1 at once instead of waiting "
            "for it")


def _run(command: Command, project: Project, args: argparse.Namespace) -> int:
    """Run ``command``; a writing one holds the project's lock (one writer at a time)."""
    if not command.writes(args):
        return command.run(project, args)
    project.require_sources()  # before the lock makes .cache/ in a folder that is no project
    with writer_lock(project, not args.no_wait,
                     lambda message: print(message, file=sys.stderr, flush=True)):
        return command.run(project, args)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the run is, so that it ends as after Ctrl-C: finished work
    saved on the way out."""


def _terminated(signum: int, frame: object) -> None:
    raise Terminated()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = make_parser().parse_args(argv)
    try:
        previous = signal.signal(signal.SIGTERM, _terminated)
    except ValueError:  # not the main thread: SIGTERM stays as it is
        return _main(args)
    try:
        return _main(args)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _main(args: argparse.Namespace) -> int:
    root = args.root.resolve() if args.root is not None else find_root(Path.cwd())
    try:
        return _run(COMMANDS[args.command], open_project(root), args)
    except BrokenPipeError:
        # A reader that stopped reading (``stats --json | head``) is no error of ours: end
        # quietly, and let no flush at exit report it again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
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
    except KeyboardInterrupt as stop:
        terminated = isinstance(stop, Terminated)
        print("terminated" if terminated else "interrupted", file=sys.stderr)
        return 128 + (signal.SIGTERM if terminated else signal.SIGINT)
