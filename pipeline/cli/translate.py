"""``python -m pipeline translate -l LANG [--engine NAME] [--engine-url URL] [--jobs N]``.

Extract → update → machine-translate the empty entries of every document's PO for LANG →
build.  ``--engine none`` stops after the update.  Engines and language codes are checked
before anything is written.  Exit status 1 when the engine was left alone before the end
(what was done is kept; run again to continue).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..core.project import Project
from ..mt.engines import ENGINES, NO_ENGINE, Engine, open_engine
from ..mt.settings import engine_settings
from .build import build
from .options import Command, add_language_option, chosen_languages, positive_int
from .update import update

if TYPE_CHECKING:
    from ..mt.translate_language import Summary

_SHOWN_FAILURES = 10


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


def run(project: Project, args: argparse.Namespace) -> int:
    """The ``translate`` command."""
    # The engines' machinery (markdown-it, requests): only when this command runs.
    from ..mt.progress import ProgressLine
    from ..mt.translate_language import translate_language

    languages = chosen_languages(project, args.languages)
    settings = engine_settings(project.config.extra.get("engine", {}), args.engine,
                               args.engine_url, args.engine_jobs)
    engines: dict[str, Engine] = {}
    if settings.name != NO_ENGINE:
        engines = {language: open_engine(settings, project.config.source_language, language)
                   for language in languages}
    status = update(project, languages, args.jobs, args.debug)
    if status or not engines:
        return status
    for language, engine in engines.items():
        progress = ProgressLine(sys.stderr, f"translate {language}", args.quiet)
        try:
            summary = translate_language(project, language, engine, settings, progress)
        finally:
            progress.close()
        status = max(status, print_summary(summary))
    return max(status, build(project, languages, args.jobs, args.debug))


def configure(parser: argparse.ArgumentParser) -> None:
    """The options of ``translate``."""
    add_language_option(parser, required=True)
    parser.add_argument("--engine", choices=[*ENGINES, NO_ENGINE], default=None,
                        help="machine translation engine (default: [engine] name, else "
                             "google); 'none' only extracts and updates")
    parser.add_argument("--engine-url", metavar="URL", default=None,
                        help="service URL for libre, deepl or llm (an OpenAI-compatible "
                             "/v1 endpoint)")
    parser.add_argument("--jobs", dest="engine_jobs", type=positive_int, default=None,
                        metavar="N", help="requests in flight at once (default: per engine)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress line")


COMMAND = Command("extract, update, machine-translate the empty entries of LANG, then build",
                  configure, run)
