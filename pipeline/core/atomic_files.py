"""Writing files so that a crash, a kill or a full disk never leaves half of one: a
temporary beside the file, then one rename.  Catalogs, outputs and caches all go through
:func:`write_atomic`."""

from __future__ import annotations

import itertools
import os
import re
from pathlib import Path

from .errors import FileSystemError


def write_atomic(path: Path, data: bytes, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never a
    part of one, even if the process dies mid-write.  ``durable`` also waits for the disk
    (fsync) before the switch: for what people wrote (catalogs), not for what a run can
    make again (outputs, caches), where it would cost a disk flush per file."""
    handle, temporary = _temporary_beside(path)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view):]
            if durable:
                os.fsync(handle)
        finally:
            os.close(handle)
        os.replace(temporary, path)
    except BaseException as exc:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise FileSystemError.from_os_error(exc, str(path)) from None
        raise


# Plain os calls, not tempfile.mkstemp, fchmod and a file object: a cold run writes several
# files per document, and those layers cost about 40 of the 340 us of a new file's write
# here.  O_EXCL with the process id and a counter in the name: no two writers share a
# temporary, and a leftover of a dead process is stepped over.
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) \
    | getattr(os, "O_BINARY", 0)  # as mkstemp: no newline translation on Windows
_temporaries = itertools.count()


def _temporary_beside(path: Path) -> tuple[int, str]:
    """A new file next to ``path`` (its folder made if missing), open for writing, with the
    mode a plain open() would give (0666 less the umask)."""
    folder = os.path.dirname(path) or "."
    made_folder = False
    for _ in range(100):
        temporary = os.path.join(folder, _temporary_name(path.name, next(_temporaries)))
        try:
            return os.open(temporary, _CREATE, 0o666), temporary
        except FileExistsError:
            continue  # left by a dead process that had our pid
        except FileNotFoundError as exc:
            if made_folder:
                raise FileSystemError.from_os_error(exc, str(path)) from None
            made_folder = True
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise FileSystemError.from_os_error(error, str(path)) from None
        except OSError as exc:
            raise FileSystemError.from_os_error(exc, str(path)) from None
    raise FileSystemError("cannot write: no free temporary name beside it", str(path))


TEMPORARY_SUFFIX = ".tmp"


def _temporary_name(name: str, serial: int) -> str:
    return f".{name}.{os.getpid()}-{serial}{TEMPORARY_SUFFIX}"


_TEMPORARY_NAME = re.compile(r"\..+\.(\d+)-\d+")  # what _temporary_name makes, without suffix


def left_by_dead_process(name: str) -> bool:
    """Whether ``name`` (a file name without :data:`TEMPORARY_SUFFIX`) is a temporary file
    that :func:`write_atomic` left when its process was killed (``kill -9``, a power cut):
    its process id no longer runs.  A concurrent run's are not."""
    match = _TEMPORARY_NAME.fullmatch(name)
    return match is not None and not _running(int(match.group(1)))


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: it runs
    return True


def write_changed(path: Path, data: bytes) -> bool:
    """Write an output atomically unless ``path`` already holds ``data``; whether it wrote."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomic(path, data, durable=False)  # an output: the next build makes it again
    return True
