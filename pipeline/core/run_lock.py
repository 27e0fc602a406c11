"""One writer per project at a time: an advisory lock under ``.cache/``.

Each writing command reads catalogs, changes them and replaces them; two at once would lose
one's work (a draft ``translate`` saved, overwritten by an ``update`` that read the file
before).  So a writing command holds ``.cache/run.lock`` from start to end; another one
waits, saying for whom, or gives up at once when told not to wait.  The lock is the
operating system's (``flock`` through filelock): a killed holder releases it with its last
file descriptor, so a stale lock never blocks.  Reading commands take no lock.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from filelock import FileLock, Timeout

from .atomic_files import write_atomic
from .errors import FileSystemError, PipelineError
from .project import Project

LOCK_NAME = "run.lock"
OWNER_NAME = "run.owner"
"""Beside the lock: the process id of its holder, for the waiting message (the lock file
itself is truncated by every process that opens it)."""


class ProjectBusy(PipelineError):
    """Another run is writing the project and this one was told not to wait."""


@contextmanager
def writer_lock(project: Project, wait: bool, waiting: Callable[[str], None]) -> Iterator[None]:
    """Hold the project's writer lock while the block runs.  When another run holds it:
    ``waiting(message)`` once and wait for it, or, without ``wait``, raise ProjectBusy."""
    try:
        project.cache_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise FileSystemError.from_os_error(error, str(project.cache_dir)) from None
    lock = FileLock(project.cache_path(LOCK_NAME), thread_local=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        pid = _holder(project)
        if not wait:
            raise ProjectBusy(f"another pipeline run{f' (pid {pid})' if pid else ''} is writing "
                              "this project; run again when it is done (or without --no-wait "
                              "to wait)", project.shown(project.cache_dir / LOCK_NAME)) from None
        waiting(f"waiting for another pipeline run on this project{f', pid {pid}' if pid else ''}")
        lock.acquire()
    try:
        write_atomic(project.cache_path(OWNER_NAME), str(os.getpid()).encode(), durable=False)
        yield
    finally:
        lock.release()


def _holder(project: Project) -> str:
    """The process id of the lock's holder, if it said who it is, else ``""``."""
    try:
        pid = project.cache_path(OWNER_NAME).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return pid if pid.isdigit() else ""
