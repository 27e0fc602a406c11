"""``python -m pipeline translate -l LANG [--engine NAME] [--engine-url URL] [--jobs N]``.

Extract → update → machine-translate the empty entries of every document's PO for LANG →
build.  ``--engine none`` stops after the update.  Engines and language codes are checked
before anything is written.  Exit status 1 when the engine was left alone before the end
(what was done is kept; run again to continue).
"""

from __future__ import annotations

import argparse
import sys

from ..core.project import Project
from ..mt.engines import NO_ENGINE, Engine, open_engine
from ..mt.progress import ProgressLine
from ..mt.settings import engine_settings
from ..mt.translate_language import Summary, translate_language

_SHOWN_FAILURES = 10


def _run_stage(name: str, project: Project, args: argparse.Namespace,
               languages: list[str]) -> int:
    """Run another command (update, build) with its own defaults and our languages."""
    from .main import COMMANDS

    _, configure, run = COMMANDS[name]
    parser = argparse.ArgumentParser(prog=name, add_help=False)
    configure(parser)
    stage = parser.parse_args(["-l", *languages])
    stage.debug, stage.jobs = args.debug, args.jobs
    return run(project, stage)


def print_summary(summary: Summary) -> int:
    """Report one language's run; 1 if the engine was left alone before the end."""
    tally = summary.tally
    print(f"translated {summary.language} with {summary.engine}: {summary.drafts} of "
          f"{summary.entries} empty entries ({tally.total} distinct segments, "
          f"{tally.cache_hits} from cache, {tally.requests} requests, "
          f"{len(summary.failures)} failed)")
    for path in summary.written:
        print(f"wrote {path}")
    for failure in summary.failures[:_SHOWN_FAILURES]:
        print(f"warning: {failure}", file=sys.stderr)
    if len(summary.failures) > _SHOWN_FAILURES:
        print(f"warning: ... and {len(summary.failures) - _SHOWN_FAILURES} more failures "
              "(see the 'machine translation failed' comments)", file=sys.stderr)
    if summary.gave_up:
        print(f"error: engine {summary.engine}: {summary.gave_up}", file=sys.stderr)
        return 1
    return 0


def run_translate(project: Project, args: argparse.Namespace) -> int:
    """The ``translate`` command."""
    from .main import languages_of

    languages = languages_of(project, args)
    settings = engine_settings(project.config.extra.get("engine", {}), args.engine,
                               args.engine_url, args.engine_jobs)
    engines: dict[str, Engine] = {}
    if settings.name != NO_ENGINE:
        engines = {language: open_engine(settings, project.config.source_language, language)
                   for language in languages}
    status = _run_stage("update", project, args, languages)
    if status or not engines:
        return status
    for language, engine in engines.items():
        progress = ProgressLine(sys.stderr, f"translate {language}", args.quiet)
        try:
            summary = translate_language(project, language, engine, settings, progress)
        finally:
            progress.close()
        status = max(status, print_summary(summary))
    return max(status, _run_stage("build", project, args, languages))
