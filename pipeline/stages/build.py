"""``build`` over a project: which languages are built, the site they make, a job per
document (:mod:`.build_document`, imported where a document is built), then the index."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import partial

from ..core.config import BUILD_FORMATS
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
    memo.save()
    return report


def _published_languages(project: Project, languages: Sequence[str],
                         states: Mapping[str, tuple[Publication, float]]
                         ) -> tuple[list[str], list[str]]:
    """The languages a build writes (not those below their ``[publish]`` threshold when
    the project says to skip them) and a warning for each one left out."""
    kept, warnings = [], []
    for language in languages:
        state, percent = states[language]
        if state is Publication.SKIPPED:
            warnings.append(f"{language} not built: {percent:.1f}% of entries translated, "
                            f"below the threshold of {threshold(project, language):g}%")
        else:
            kept.append(language)
    return kept, warnings
