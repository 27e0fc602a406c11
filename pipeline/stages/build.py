"""``build`` over a project: which languages are built, the site they make, a job per
document (:mod:`.build_document`, imported where a document is built), then the index."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

from ..core.config import BUILD_FORMATS
from ..core.errors import ConfigError
from ..core.project import Project
from .build_plan import build_files, build_job, index_step, publishing_site
from .publication import Publication, open_memo, publications, remember, threshold
from .runner import Echo, JobResult, Report, run_documents


def build_project(project: Project, languages: Sequence[str], jobs: int | None, echo: Echo,
                  formats: Sequence[str] = (), machine_drafts: bool | None = None,
                  debug: bool = False) -> Report:
    """Build ``languages`` in ``formats`` (default: ``[pipeline] formats``), with or
    without machine drafts (default: ``[pipeline] publish_machine_drafts``); a language
    below its ``[publish]`` threshold is skipped when the project says so, with a warning
    before the jobs run."""
    if machine_drafts is not None:
        project = replace(project, config=replace(project.config,
                                                  publish_machine_drafts=machine_drafts))
    memo = open_memo(project)  # one read and one write of the memo for the whole build
    states = publications(project, [*project.config.languages, *languages], memo)
    built, warnings = _published_languages(project, languages, states)
    warnings += _without_catalogs(project, built)
    echo(JobResult(warnings=warnings))
    wanted = formats or project.config.formats
    chosen = tuple(f for f in BUILD_FORMATS if f in wanted)  # one order: one fingerprint
    site = publishing_site(project, built, states, chosen)
    job = partial(build_job, languages=built, site=site, formats=chosen)
    files = partial(build_files, languages=built, formats=chosen)
    report = run_documents(project, project.document_names(), job, files,
                           f"build:{','.join(built)};{site.key};{','.join(chosen)}",
                           jobs, echo, debug)
    remember(project, report.facts, memo)
    # The index lists every document: written after the jobs, unless one failed (a failed
    # build changes nothing more).  A deleted document, another language's new counts or
    # a damaged file change it without any document's job running.
    if "html" in chosen and not report.errors:
        report.written += index_step(project, site, memo)
    if not report.errors:
        keep = {project.config.source_language, *project.config.languages, *languages}
        report.removed += remove_withdrawn_outputs(project, keep)
    memo.save()
    return report


_OUTPUT_SUFFIXES = (".md", ".html")


def remove_withdrawn_outputs(project: Project, keep: set[str]) -> list[str]:
    """Delete the editions of languages no longer in ``[pipeline] languages`` (nor built
    now): the ``.md`` and ``.html`` files of ``build/<lang>/`` and of
    ``build/bilingual/<src>-<lang>/``, and the folders they leave empty.  Other files stay,
    and ``locales/`` is never touched: the translations are kept.  The folders removed."""
    from ..core.languages import normalize_language

    def withdrawn(code: str) -> bool:
        try:
            return normalize_language(code) == code and code not in keep
        except ConfigError:
            return False  # not a language's folder: not ours

    build = project.build_dir
    prefix = f"{project.config.source_language}-"
    folders = [build / entry.name for entry in _folders(build) if withdrawn(entry.name)]
    folders += [build / "bilingual" / entry.name for entry in _folders(build / "bilingual")
                if entry.name.startswith(prefix) and withdrawn(entry.name[len(prefix):])]
    removed = []
    for folder in folders:
        for path in sorted(folder.rglob("*"), reverse=True):
            if path.is_file() and path.suffix in _OUTPUT_SUFFIXES and not path.is_symlink():
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        if not any(folder.iterdir()):
            folder.rmdir()
        removed.append(project.shown(folder) + "/")
    return removed


def _folders(folder: Path) -> list[os.DirEntry[str]]:
    """The folders in ``folder``, not links to folders: what a link leads to is not ours to
    empty (``rglob`` below does not enter links either)."""
    try:
        with os.scandir(folder) as entries:
            return [entry for entry in entries if entry.is_dir(follow_symlinks=False)]
    except OSError:
        return []


def _without_catalogs(project: Project, languages: Sequence[str]) -> list[str]:
    """A warning for each language none of whose documents has a catalog: its editions
    are the original (and say so), and the user should hear how to start."""
    names = project.document_names()
    return [f"{language}: no catalogs yet, so its pages show the original ('python -m "
            f"pipeline update -l {language}' makes them for translators, 'make translate "
            f"LANG={language}' with machine drafts)"
            for language in languages
            if names and not any(project.catalog_path(name, language).exists()
                                 for name in names)]


def _published_languages(project: Project, languages: Sequence[str],
                         states: Mapping[str, tuple[Publication, float | None]]
                         ) -> tuple[list[str], list[str]]:
    """The languages a build writes (not those below their ``[publish]`` threshold when
    the project says to skip them) and a warning for each one left out."""
    kept, warnings = [], []
    for language in languages:
        state, percent = states[language]
        if state is Publication.SKIPPED:
            warnings.append(f"{language} not built: {percent or 0:.1f}% of entries published, "
                            f"below the threshold of {threshold(project, language):g}%")
        else:
            kept.append(language)
    return kept, warnings
