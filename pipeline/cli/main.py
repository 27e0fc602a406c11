"""``python -m pipeline``: the thin command-line edge.

Errors print as ``path:line: message`` on stderr with exit status 1; usage errors exit 2; a
traceback only with ``--debug``.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path

from ..stages.publication import Publication, open_memo, publications, remember, threshold
from ..core.config import BUILD_FORMATS
from ..core.errors import ConfigError, FileSystemError, PipelineError, UsageError
from ..core.project import Project, open_project
from ..stages.runner import JobResult, Report, run_documents, placed
from ..stages.update import remove_orphan_templates, stage_files, update_document

# Modules of the other commands (checks, publishing, engines) are imported when their
# command runs: a no-op `extract` or `update` should not pay for them.

Command = Callable[[Project, argparse.Namespace], int]


def _language(code: str) -> str:
    from ..core.languages import normalize_language  # babel: only when a code is given

    try:
        return normalize_language(code)
    except ConfigError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def add_language_option(parser: argparse.ArgumentParser, required: bool = False) -> None:
    """``-l LANG [LANG ...]``, repeatable; codes are checked and put in gettext form."""
    parser.add_argument("-l", "--language", dest="languages", action="extend", nargs="+",
                        type=_language, required=required, metavar="LANG",
                        help="target language(s), e.g. ja, pt-BR (default: from pipeline.toml)")


def positive_int(text: str) -> int:
    """An argparse type: a whole number from 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: '{text}'") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def languages_of(project: Project, args: argparse.Namespace) -> list[str]:
    """The languages named on the command line, or else the configured ones."""
    source = project.config.source_language
    if source in (args.languages or ()):
        raise UsageError(f"'{source}' is the source language: nothing to translate")
    return list(dict.fromkeys(args.languages or project.config.languages))


def echo(verb: str) -> Callable[[JobResult], None]:
    """Print a document's written files and warnings as soon as its job is done."""
    def show(result: JobResult) -> None:
        for path in result.written:
            print(f"{verb} {path}")
        for warning in result.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    return show


def print_report(report: Report, verb: str) -> int:
    """Print what a run did after its jobs, and its errors; 1 if any document failed."""
    echo(verb)(JobResult(report.written, report.warnings))
    # A project-wide fault (a bad glossary, a bad [check] level) fails every document's job
    # alike: say it once.
    for error in dict.fromkeys(str(error) for error in report.errors):
        print(f"error: {error}", file=sys.stderr)
    return 1 if report.errors else 0


def run_extract(project: Project, args: argparse.Namespace) -> int:
    return _catalog_stage(project, args, [], "extract")


def run_update(project: Project, args: argparse.Namespace) -> int:
    languages = languages_of(project, args)
    return _catalog_stage(project, args, languages, "update:" + ",".join(languages))


def _catalog_stage(project: Project, args: argparse.Namespace, languages: list[str],
                   key: str) -> int:
    """extract (no languages) or update: templates, then each language's catalog; the
    templates of deleted documents go, and their catalogs are reported."""
    report = run_documents(project, project.document_names(),
                           partial(update_document, languages=languages),
                           partial(stage_files, languages=languages), key, args.jobs,
                           echo("wrote"), args.debug)
    removed, orphaned = remove_orphan_templates(project)
    if report.facts:  # a no-op run need not read the memo; saved once the orphans are gone
        memo = open_memo(project)
        remember(project, report.facts, memo)
        memo.save()
    for path in removed:
        print(f"removed {path}")
    report.warnings += [f"{path}: its source document is gone; the translations are kept "
                        "(delete the file to drop them)" for path in orphaned]
    return print_report(report, "wrote")


def _published_languages(project: Project, languages: list[str],
                         states: Mapping[str, tuple[Publication, float]]) -> list[str]:
    """The languages a build writes: not those below their ``[publish]`` threshold when
    the project says to skip them."""
    kept = []
    for language in languages:
        state, percent = states[language]
        if state is Publication.SKIPPED:
            print(f"warning: {language} not built: {percent:.1f}% of entries translated, "
                  f"below the threshold of {threshold(project, language):g}%", file=sys.stderr)
        else:
            kept.append(language)
    return kept


def run_build(project: Project, args: argparse.Namespace) -> int:
    from ..stages.build_plan import build_files, build_job, index_step, publishing_site

    if getattr(args, "no_machine_drafts", False):
        project = replace(project, config=replace(project.config, publish_machine_drafts=False))
    requested = languages_of(project, args)
    memo = open_memo(project)  # one read and one write of the memo for the whole build
    states = publications(project, [*project.config.languages, *requested], memo)
    languages = _published_languages(project, requested, states)
    wanted = args.formats or project.config.formats
    formats = tuple(f for f in BUILD_FORMATS if f in wanted)  # one order: one fingerprint
    site = publishing_site(project, languages, states, formats)
    job = partial(build_job, languages=languages, site=site, formats=formats)
    files = partial(build_files, languages=languages, formats=formats)
    report = run_documents(project, project.document_names(), job, files,
                           f"build:{','.join(languages)};{site.key};{','.join(formats)}",
                           args.jobs, echo("built"), args.debug)
    remember(project, report.facts, memo)
    # The index lists every document: written after the jobs, unless one failed (a failed
    # build changes nothing more).  A deleted document, another language's new counts or
    # a damaged file change it without any document's job running.
    if "html" in formats and not report.errors:
        report.written += index_step(project, site, memo)
    memo.save()
    return print_report(report, "built")


def _configure_update(parser: argparse.ArgumentParser) -> None:
    add_language_option(parser)


def _configure_build(parser: argparse.ArgumentParser) -> None:
    add_language_option(parser)
    parser.add_argument("--format", dest="formats", action="append", choices=BUILD_FORMATS,
                        help="write only this output (repeatable): md = build/<lang>/<doc>.md, "
                             "html = pages and build/index.html, bilingual = "
                             "build/bilingual/ (default: [pipeline] formats, all three)")
    parser.add_argument("--no-machine-drafts", action="store_true",
                        help="publish only reviewed translations (machine drafts fall back "
                             "to the source text)")


def run_check(project: Project, args: argparse.Namespace) -> int:
    from ..stages.review import run_check as check

    return check(project, languages_of(project, args), args.fix)


def run_stats(project: Project, args: argparse.Namespace) -> int:
    from ..stages.status import run_stats as stats

    return stats(project, languages_of(project, args), args.json)


def run_translate(project: Project, args: argparse.Namespace) -> int:
    from .translate import run_translate as translate

    return translate(project, args)


def _configure_translate(parser: argparse.ArgumentParser) -> None:
    from .options import configure_translate

    configure_translate(parser)


def _configure_check(parser: argparse.ArgumentParser) -> None:
    add_language_option(parser)
    parser.add_argument("--fix", action="store_true",
                        help="first apply safe mechanical fixes (punctuation, spacing)")


def _configure_stats(parser: argparse.ArgumentParser) -> None:
    add_language_option(parser)
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")


COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Command]] = {
    "extract": ("write locales/<doc>.pot for every source document",
                lambda parser: None, run_extract),
    "update": ("extract, then merge templates into locales/<lang>/LC_MESSAGES/<doc>.po",
               _configure_update, run_update),
    "build": ("write localized Markdown and HTML, bilingual editions and build/index.html",
              _configure_build, run_build),
    "check": ("check every translation; print path:line: [check] message, exit 1 on errors",
              _configure_check, run_check),
    "stats": ("counts per document and language; write build/status.html",
              _configure_stats, run_stats),
    "translate": ("extract, update, machine-translate the empty entries of LANG, then build",
                  _configure_translate, run_translate),
}


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
    for name, (summary, configure, _) in COMMANDS.items():
        configure(commands.add_parser(name, help=summary, description=summary))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = make_parser().parse_args(argv)
    root = args.root.resolve()
    try:
        return COMMANDS[args.command][2](open_project(root), args)
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
