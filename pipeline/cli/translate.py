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

from ..core.config import CONFIG_NAME, register_languages
from ..core.project import Project
from ..mt.engines import ENGINES, NO_ENGINE, Engine, open_engine
from ..mt.settings import engine_settings
from .build import build
from .options import Command, add_language_option, chosen_languages, positive_int
from .update import update

if TYPE_CHECKING:
    from ..mt.translate_language import Plan, Summary

_SHOWN_FAILURES = 10
OFFLINE_HINT = """\
hint: the engine cannot be reached (no network?).  What works offline:
  --engine none       make the catalogs for human translators (any PO editor)
  --engine llm        a language model served on this machine, e.g. Ollama
                      (--engine-url http://127.0.0.1:11434/v1, $LLM_MODEL)
  --engine pseudo     a pseudo-translation, to preview length and layout"""


def print_plan(plan: Plan) -> None:
    """Say what a run would send for one language."""
    engine = plan.engine
    shown = engine.name if engine.cache_name == engine.name \
        else f"{engine.name} ({engine.cache_name})"
    print(f"dry run: {plan.language} with {shown}: {plan.entries} empty entries, "
          f"{plan.segments} distinct segments, {plan.settled} needing no request; "
          f"{plan.segments - plan.settled} to send in {plan.requests} "
          f"request{'' if plan.requests == 1 else 's'}, "
          f"{plan.characters:,} characters (about {plan.tokens:,} tokens)")
    for route in engine.routes:
        print(f"  {route.variable} would go to {route.host} (named by {route.named_by})")


def print_summary(summary: Summary) -> int:
    """Report one language's run; 1 if the engine was left alone before the end."""
    tally = summary.tally
    copied = f", {summary.copies} with nothing to translate copied as they are" \
        if summary.copies else ""
    print(f"translated {summary.language} with {summary.engine}: {summary.drafts} of "
          f"{summary.entries} empty entries ({tally.total} distinct segments, "
          f"{tally.cache_hits} from cache, {tally.requests} requests, "
          f"{len(summary.failures)} failed){copied}")
    for path in summary.written:
        print(f"wrote {path}")
    for failure in summary.failures[:_SHOWN_FAILURES]:
        print(f"warning: {failure}", file=sys.stderr)
    if len(summary.failures) > _SHOWN_FAILURES:
        print(f"warning: ... and {len(summary.failures) - _SHOWN_FAILURES} more failures "
              "(see the 'machine translation failed' comments)", file=sys.stderr)
    if summary.gave_up:
        print(f"error: engine {summary.engine}: {summary.gave_up}", file=sys.stderr)
        if summary.unreachable:
            print(OFFLINE_HINT, file=sys.stderr)
        return 1
    if tally.failures and not tally.accepted:  # asked, and nothing came of it
        print(f"error: engine {summary.engine}: no reply was usable ({tally.failures} "
              "failed); see the warnings above", file=sys.stderr)
        return 1
    return 0


def run(project: Project, args: argparse.Namespace) -> int:
    """The ``translate`` command."""
    # The engines' machinery (markdown-it, requests): only when this command runs.
    from ..mt.progress import ProgressLine
    from ..mt.translate_language import translate_language

    languages = chosen_languages(project, args.languages)
    settings = engine_settings(project.config.extra.get("engine", {}), args.engine,
                               args.engine_url, args.requests)
    engines: dict[str, Engine] = {}
    if settings.name != NO_ENGINE:
        engines = {language: open_engine(settings, project.config.source_language, language,
                                         connect=not args.dry_run)
                   for language in languages}
    routes = dict.fromkeys(route for engine in engines.values() for route in engine.routes)
    for route in routes:
        if route.from_project:  # a cloned project's file chose the host: say so
            print(f"notice: {route.variable} goes to {route.host}, named by {route.named_by} "
                  "(--engine-url chooses the host on the command line)", file=sys.stderr)
    status = update(project, languages, args.jobs, args.debug)
    if status:
        return status
    if args.register and not args.dry_run:
        added = register_languages(project.root, languages)
        if added:
            print(f"added {', '.join(added)} to [pipeline] languages in {CONFIG_NAME} "
                  "(the index and every page's language switcher list it; --no-register "
                  "leaves the file alone)")
    if not engines:
        return status
    if args.dry_run:
        from ..mt.translate_language import plan_language

        for language, engine in engines.items():
            print_plan(plan_language(project, language, engine))
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
    add_language_option(parser)
    parser.add_argument("--engine", choices=[*ENGINES, NO_ENGINE], default=None,
                        help="machine translation engine (default: [engine] name, else "
                             "google); 'none' only extracts and updates")
    parser.add_argument("--engine-url", metavar="URL", default=None,
                        help="service URL for libre, deepl or llm (an OpenAI-compatible "
                             "/v1 endpoint)")
    parser.add_argument("--requests", "--jobs", dest="requests", type=positive_int,
                        default=None, metavar="N",
                        help="requests in flight at once (default: per engine; -j before "
                             "the command counts processes)")
    parser.add_argument("--no-register", dest="register", action="store_false",
                        help="do not add a new language to [pipeline] languages in "
                             "pipeline.toml")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress line")
    parser.add_argument("--dry-run", action="store_true",
                        help="update the catalogs, then say what would be sent and where "
                             "keys would go: no request, no build")


COMMAND = Command("extract, update, machine-translate the empty entries of LANG, then build",
                  configure, run)
