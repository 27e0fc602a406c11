"""Running a per-document job over many documents: in parallel, skipping up-to-date ones.

A job is a plain function ``job(project, name) -> JobResult`` (paths written, warnings).  Its fingerprint (the size
and modification time of every file it reads and writes, the configuration and the code) is
kept in ``.cache/fingerprints.json``; a document whose fingerprint did not change since the
last successful run is skipped, so a re-run after editing one document of a thousand redoes
that one document only.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..cache.document_records import code_digest
from ..core.atomic_files import write_atomic
from ..core.config import config_line
from ..core.errors import ConfigError, FileSystemError, PipelineError
from ..core.project import Project, shown_path


@dataclass
class JobResult:
    """What one job did for one document."""

    written: list[str] = field(default_factory=list)
    """Paths written, as shown to the user."""
    warnings: list[str] = field(default_factory=list)
    """Problems that did not stop the job, as ``path:line: message``."""
    withheld: list[str] = field(default_factory=list)
    """Error-level problems of translations the job did not publish, as ``check`` prints
    them (``path:line: [check] message``): errors, as ``check`` calls them."""
    facts: dict[tuple[str, str], Any] = field(default_factory=dict)
    """Facts about files the job holds in memory, by (memo kind, file path): completion
    counts of the catalogs it wrote, the title of the source it parsed.  The main process
    keeps them in the memo so that no one reads those files again for them."""


Job = Callable[[Project, str], JobResult]
Files = Callable[[Project, str], Sequence[str | Path]]
_PARALLEL_FROM = 8  # below this many documents a process pool costs more than it saves
_CHUNK = 8  # at most this many documents are handed to a worker at once


@dataclass
class Report:
    """What a run did beyond what went to ``echo`` document by document: files written and
    warnings after the jobs (templates removed, the index), documents skipped as up to
    date, errors."""

    written: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: int = 0
    errors: list[PipelineError] = field(default_factory=list)
    facts: dict[tuple[str, str], Any] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    """Generated files deleted because their source is gone (templates)."""


Echo = Callable[[JobResult], None]
"""What a command does with each document's result as soon as it is done (print it)."""


def _fingerprint(settings: str, files: Sequence[str | Path]) -> str:
    """A digest of ``settings`` (configuration, code and stage, the same for every document
    of a run) and the size and modification time of ``files``."""
    stats = []
    for path in files:
        try:
            info = os.stat(path)
            stats.append([str(path), info.st_mtime_ns, info.st_size])
        except OSError:
            stats.append([str(path), None, None])
    payload = settings + json.dumps(stats)
    return hashlib.sha256(payload.encode()).hexdigest()


def _call(job: Job, project: Project, name: str) -> JobResult | PipelineError:
    try:
        return job(project, name)
    except PipelineError as error:
        return placed(error, project.root)
    except OSError as error:  # reads and writes report their own: this is anything else
        return placed(FileSystemError.from_os_error(error), project.root)


def placed(error: PipelineError, root: Path) -> PipelineError:
    """The error as messages show it, for the project at ``root``: its path relative to the
    project (a write failure names the absolute path it tried), and for a setting the line
    of its key in pipeline.toml."""
    if isinstance(error, FileSystemError) and error.path and Path(error.path).is_absolute():
        error.path = shown_path(Path(error.path), root)
    if isinstance(error, ConfigError) and error.key and error.line is None:
        error.line = config_line(root, error.key)
    return error


def run_documents(project: Project, names: Sequence[str], job: Job, files: Files, key: str,
                  jobs: int | None, echo: Echo,
                  debug: bool = False) -> Report:
    """Run ``job`` for every name whose fingerprint changed; ``files`` lists what the job
    reads and writes for a name, ``key`` names the stage (with its languages).  Each
    document's result is handed to ``echo`` as soon as it is done, and its paths and
    warnings are not kept: a build that warns about every entry of a thousand catalogs
    should not hold every message until the end.  With ``debug`` the jobs run here, one
    after another, and an error stops the run with its traceback."""
    store = project.cache_path("fingerprints.json")
    fingerprints = _load(store)
    report = Report()
    settings = json.dumps([key, repr(project.config), code_digest()])
    todo = [name for name in names
            if fingerprints.get(f"{key}:{name}") != _fingerprint(settings, files(project, name))]
    report.skipped = len(names) - len(todo)
    # Fingerprints of this stage for documents that are gone only make the file grow.
    known = set(names)
    gone = [k for k in fingerprints if k.startswith(f"{key}:") and k[len(key) + 1:] not in known]
    for stale in gone:
        del fingerprints[stale]
    for name, result in zip(todo, _results(job, project, todo, jobs, debug)):
        if isinstance(result, PipelineError):
            report.errors.append(result)
            fingerprints.pop(f"{key}:{name}", None)
        else:
            echo(result)
            report.facts.update(result.facts)
            fingerprints[f"{key}:{name}"] = _fingerprint(settings, files(project, name))
    if todo or gone:
        write_atomic(store, json.dumps(fingerprints, indent=0, sort_keys=True).encode(),
                     durable=False)
    return report


def _results(job: Job, project: Project, todo: Sequence[str], jobs: int | None,
             debug: bool) -> Iterator[JobResult | PipelineError]:
    """The result of ``job`` for each name of ``todo``, in order, as they come."""
    if debug:
        yield from (job(project, name) for name in todo)
        return
    workers = min(jobs or os.cpu_count() or 1, len(todo))
    if workers > 1 and len(todo) >= _PARALLEL_FROM:
        from concurrent.futures import ProcessPoolExecutor  # only a run with work needs it

        # Small chunks: the last one runs while the other workers idle, and an article
        # takes 30 ms to extract (a chunk of 60 left one core idle for up to 2 s).
        chunk = max(1, min(_CHUNK, len(todo) // (workers * 8)))
        with ProcessPoolExecutor(max_workers=workers, initializer=_worker_start,
                                 initargs=(os.getpid(),)) as pool:
            yield from pool.map(_call, [job] * len(todo), [project] * len(todo), todo,
                                chunksize=chunk)
    else:
        yield from (_call(job, project, name) for name in todo)


def _worker_start(parent: int) -> None:
    """In each worker: the default SIGTERM (the command's own handler saves work; a
    worker has none to save), and an end when the command dies (``kill -9``), which
    otherwise leaves the worker waiting on its pipe forever."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True,
                     name="watch-parent").start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_WATCH_SECONDS)
    os._exit(1)


_WATCH_SECONDS = 0.5


def _load(store: Path) -> dict[str, str]:
    try:
        data = json.loads(store.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}
