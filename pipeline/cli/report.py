"""What a run prints: each document's files and warnings as its job ends, then what the run
did after the jobs and its errors (once each)."""

from __future__ import annotations

import sys

from ..stages.runner import Echo, JobResult, Report


def echo(verb: str) -> Echo:
    """Print a document's written files and warnings as soon as its job is done."""
    def show(result: JobResult) -> None:
        for path in result.written:
            print(f"{verb} {path}")
        for warning in result.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        for problem in result.withheld:
            print(f"error: {problem} (not published: the page keeps the source text)",
                  file=sys.stderr)
    return show


def print_report(report: Report, verb: str) -> int:
    """Print what a run did after its jobs, and its errors; 1 if any document failed."""
    for path in report.removed:
        print(f"removed {path}")
    echo(verb)(JobResult(report.written, report.warnings))
    # A project-wide fault (a bad glossary, a bad [check] level) fails every document's job
    # alike: say it once.
    for error in dict.fromkeys(str(error) for error in report.errors):
        print(f"error: {error}", file=sys.stderr)
    return 1 if report.errors else 0
