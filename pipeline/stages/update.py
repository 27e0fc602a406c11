"""``extract`` and ``update`` over a project: a job per document (:func:`update_document`)
that writes its template and, for update, merges it into each language's catalog.

The job reads what it needs, does the pure work (segment, extract, merge) and writes
atomically; :func:`pipeline.stages.runner.run_documents` runs it where something changed.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

import polib

from ..cache.catalog_records import catalog_store, earlier_store, remember_catalog
from ..cache.document_records import content_key, document_store, keep_document
from ..cache.record_store import delete, document_of_record, keys, record_database
from ..catalogs.extract import extract_catalog, new_translation, now_stamp
from ..catalogs.merge import update_catalog
from ..catalogs.po_files import (
    header_dates,
    read_cached,
    serialize_copy,
    write_template_text,
    write_translation_text,
)
from ..catalogs.sources import keyed_document
from ..catalogs.wrapping import catalog_wrap, write_width
from ..core.atomic_files import TEMPORARY_SUFFIX, left_by_dead_process, write_atomic
from ..core.project import Project, files_by_suffix
from .publication import counts_path, open_memo, remember, template_counts
from .runner import Echo, JobResult, Report, run_documents


def extract_project(project: Project, jobs: int | None, echo: Echo,
                    debug: bool = False) -> Report:
    """``extract``: every document's template; the templates of deleted documents go."""
    return _catalog_run(project, [], "extract", jobs, echo, debug)


def update_project(project: Project, languages: Sequence[str], jobs: int | None, echo: Echo,
                   debug: bool = False) -> Report:
    """``update``: extract, then each language's catalog of every document (made or
    merged); the catalogs of deleted documents are kept and reported."""
    return _catalog_run(project, languages, "update:" + ",".join(languages), jobs, echo, debug)


def _catalog_run(project: Project, languages: Sequence[str], key: str, jobs: int | None,
                 echo: Echo, debug: bool) -> Report:
    report = run_documents(project, project.document_names(),
                           partial(update_document, languages=languages),
                           partial(stage_files, languages=languages), key, jobs, echo, debug)
    report.removed, orphaned = remove_orphan_templates(project)
    if report.facts:  # a no-op run need not read the memo; saved once the orphans are gone
        memo = open_memo(project)
        remember(project, report.facts, memo)
        memo.save()
    report.warnings += [f"{path}: its source document is gone; the translations are kept "
                        "(delete the file to drop them)" for path in orphaned]
    return report


def write_template(project: Project, name: str,
                   stamp: str) -> tuple[polib.POFile, str, list[str], list[str]]:
    """Extract and write ``locales/<doc>.pot`` (only if its content changed) from the
    document; return the template, its text, the path if written, and a warning for each
    piece of source text left out of it."""
    document, key, kept_for_template = keyed_document(project, name, keep=False)
    left_out = [f"{document.path}:{line}: text left out of the catalog: {reason}"
                for line, reason in document.omissions]
    template = extract_catalog(document, project.config.project_name, stamp)
    path = project.template_path(name)
    kept = _text_if_written(path, kept_for_template, project.config.project_name)
    date = header_dates(kept).get("POT-Creation-Date") if kept is not None else None
    if kept is not None and date is not None:  # the POT holds what this template writes
        template.metadata["POT-Creation-Date"] = date
        return template, kept, [], left_out
    # Not fsynced: a template lost to a power cut is made again by the next extract.
    written, text = write_template_text(path, template, stamp)
    # The document's record keeps the key of these bytes, so that update after extract
    # does not serialize the template only to find it unchanged.
    keep_document(document_store(project, name), key, document,
                  [project.config.project_name, content_key(text.encode("utf-8"))])
    return template, text, [project.shown(path)] if written else [], left_out


def _text_if_written(path: Path, kept: Any, project_name: str) -> str | None:
    """The text of the POT at ``path`` if it holds the very bytes last written for this
    document's template (``kept``: what :func:`write_template` kept in the document's
    record; the project's name is in the template's header), else None."""
    if not isinstance(kept, list) or len(kept) != 2 or kept[0] != project_name:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data.decode("utf-8") if content_key(data) == kept[1] else None


def update_document(project: Project, name: str, languages: Sequence[str]) -> JobResult:
    """Job: extract, then merge the POT into each language's PO (created if missing);
    with no languages, extract alone.  A PO is written only when its content changes, and
    then wrapped as ``[catalogs] wrap`` says (:mod:`pipeline.catalogs.wrapping`)."""
    stamp = now_stamp()
    wrap = catalog_wrap(project.config) if languages else 0  # before any file is written
    template, template_text, written, warnings = write_template(project, name, stamp)
    facts: dict[tuple[str, str], Any] = {}
    for language in languages:
        path = project.catalog_path(name, language)
        if path.exists():
            # Most often the PO this stage wrote last time: read back from the cache.
            data, old = read_cached(path, project.shown(path),
                                    catalog_store(project, name, language))
            catalog = update_catalog(old, template, project.config.fuzzy_threshold)
            if not old.metadata:  # an empty file, or one without header fields: msginit's
                new = new_translation(template, language, project.config.project_name, stamp)
                catalog.metadata, catalog.header = new.metadata, old.header or new.header
            catalog.metadata["Language"] = language
            changed, text = write_translation_text(
                path, catalog, stamp, wrap, old=old, data=data,
                earlier=earlier_store(project, name, language))
        else:
            catalog = new_translation(template, language, project.config.project_name, stamp)
            text = serialize_copy(catalog, template, template_text, write_width(wrap, None))
            changed = True
            # No fsync: it holds no one's work yet, and the next update makes it again.
            write_atomic(path, text.encode("utf-8"), durable=False)
        if changed:
            written.append(project.shown(path))
        remember_catalog(catalog_store(project, name, language), text, catalog)
        # No counts of a catalog: what a build publishes of it takes the checks (the build
        # and the memo's reader work it out).
    # Each template counts for a language without its PO yet.
    facts["counts", counts_path(project, name)] = template_counts(template)
    return JobResult(written, warnings, facts=facts)


def stage_files(project: Project, name: str, languages: Sequence[str]) -> list[str]:
    """Every file ``extract`` or ``update`` reads or writes for one document (for
    fingerprints; the build's are :func:`pipeline.stages.build_plan.build_files`)."""
    files = [project.source_file(name), project.template_file(name)]
    return files + [project.catalog_file(name, language) for language in languages]


def remove_orphan_templates(project: Project) -> tuple[list[str], list[str]]:
    """Delete the POTs whose source document is gone (they are generated); keep the POs of
    those documents (they hold translations) and return them to be reported.  Returns
    (removed templates, orphaned catalogs) as shown paths."""
    names = set(project.document_names())
    # Parsed copies of deleted documents and of their catalogs are dropped too: the cache
    # would only grow.  So are the record files of older versions, which nothing reads.
    gone = [key for key in keys(record_database(project)) if document_of_record(key) not in names]
    delete(record_database(project), gone)
    for folder in ("documents", "catalogs", "templates"):
        shutil.rmtree(project.cache_dir / folder, ignore_errors=True)
    if not project.locales_dir.is_dir():
        return [], []
    listing = files_by_suffix(project.locales_dir, (".pot", ".po", TEMPORARY_SUFFIX))
    for relative in listing[TEMPORARY_SUFFIX]:
        if left_by_dead_process(relative.rpartition("/")[2]):
            try:
                (project.locales_dir / f"{relative}{TEMPORARY_SUFFIX}").unlink()
            except OSError:
                pass  # gone already, or not ours to delete: it costs nothing
    removed = []
    for name in sorted(listing[".pot"]):
        if name not in names:
            path = project.template_path(name)
            path.unlink()
            removed.append(project.shown(path))
    orphaned = []
    for relative in sorted(listing[".po"]):
        parts = relative.split("/")
        name = "/".join(parts[2:])
        if len(parts) > 2 and parts[1] == "LC_MESSAGES" and name not in names:
            orphaned.append(project.shown(project.locales_dir / f"{relative}.po"))
    return removed, orphaned
