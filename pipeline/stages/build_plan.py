"""What a build will do, decided without the heavy machinery: the site it links together,
the files each document's job reads and writes (for fingerprints), and the job itself,
whose modules (checks, markdown-it, jinja2) are imported only where a document is built.

A re-run after editing one document of a thousand computes a thousand fingerprints and
builds one document; it should not pay for importing the renderer in the main process.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..cache.document_records import code_digest
from ..cache.stat_memo import StatMemo
from ..catalogs.counts import share
from ..catalogs.glossary import GLOSSARY_NAME
from ..core.config import BUILD_FORMATS
from ..core.project import Project
from ..publish.site import INDEX_PATH, STATUS_PAGE, IndexRow, Site, bilingual_path, page_path
from .publication import Publication, document_counts, memo_salt

if TYPE_CHECKING:
    from .runner import JobResult


def make_site(project: Project, languages: Sequence[str], drafts: Sequence[str] = (),
              formats: Sequence[str] = BUILD_FORMATS) -> Site:
    """The site of the source language and ``languages`` (``drafts`` among them), with
    the outputs of ``formats``."""
    return Site(project.config.source_language, tuple(languages), frozenset(drafts),
                "html" in formats, "bilingual" in formats)


def publishing_site(project: Project, languages: Sequence[str],
                    states: Mapping[str, tuple[Publication, float | None]],
                    formats: Sequence[str] = BUILD_FORMATS) -> Site:
    """The site a build links together: the configured languages and ``languages`` (those
    built now), except languages withheld below their threshold (``states``: the
    :func:`pipeline.stages.publication.publications` of all of them); drafts marked; links only to the outputs of
    ``formats``."""
    codes = list(dict.fromkeys([*project.config.languages, *languages]))
    linked, drafts = [], []
    for code in codes:
        state = states[code][0]
        if code in languages or state is not Publication.SKIPPED:
            linked.append(code)
        if state is Publication.DRAFT:
            drafts.append(code)
    return make_site(project, linked, drafts, formats)


def output_files(project: Project, name: str, languages: Sequence[str],
                 formats: Sequence[str] = BUILD_FORMATS) -> list[str]:
    """Every file a build writes for one document."""
    build = str(project.build_dir)
    source = project.config.source_language
    files = [f"{build}/{page_path(source, name)}"] if "html" in formats else []
    for language in languages:
        if "md" in formats:
            files.append(project.output_file(language, name))
        if "html" in formats:
            files.append(f"{build}/{page_path(language, name)}")
        if "bilingual" in formats:
            files += [f"{build}/{bilingual_path(source, language, name, '.md')}",
                      f"{build}/{bilingual_path(source, language, name, '.html')}"]
    return files


def build_files(project: Project, name: str, languages: Sequence[str],
                formats: Sequence[str] = BUILD_FORMATS) -> list[str]:
    """Every file the build reads or writes for one document (for fingerprints), as
    strings: a thousand documents make ten thousand paths."""
    files = [project.source_file(name), f"{project.locales_dir}/{GLOSSARY_NAME}"]
    files += [project.catalog_file(name, language) for language in languages]
    return files + output_files(project, name, languages, formats)


def build_job(project: Project, name: str, languages: Sequence[str], site: Site,
              formats: Sequence[str]) -> JobResult:
    """Job: build one document (see :func:`pipeline.stages.build_document.build_document`)."""
    from .build_document import build_document

    return build_document(project, name, languages, site, formats)


def index_step(project: Project, site: Site, memo: StatMemo) -> list[str]:
    """Write ``build/index.html`` unless it is what its rows (titles and completion, from
    the memo), the site and the code made last time and the file is untouched; the paths
    written.  Deciding costs ``stat`` calls; only writing imports the renderer."""
    rows: list[IndexRow] = []
    for name in project.document_names():
        completion = {}
        for language in site.languages:
            total, done = document_counts(project, name, language, memo)
            completion[language] = share(done, total)
        title = memo.get("title", project.source_file(name), lambda: _title(project, name),
                         salt=memo_salt(project, "title"), valid=lambda t: isinstance(t, str))
        rows.append(IndexRow(name, title, completion))
    path = project.build_path(INDEX_PATH)
    status = project.build_path(STATUS_PAGE).is_file()  # stats wrote it: link it
    salt = hashlib.sha256(json.dumps([rows, site.key, site.source, project.config.project_name,
                                      status, code_digest()],
                                     ensure_ascii=False).encode()).hexdigest()
    written: list[str] = []
    if not memo.holds("index", path, salt):
        from ..publish.writer import write_index  # jinja2: only when the index is written

        written = write_index(project, site, rows, status)
        memo.put("index", path, None, salt)
    return written


def _title(project: Project, name: str) -> str:
    from ..publish.writer import source_title  # parses: only for a title not in the memo

    return source_title(project, name)
