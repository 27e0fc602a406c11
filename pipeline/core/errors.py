"""Our own exception types: every error names the place it comes from."""

from __future__ import annotations


class PipelineError(Exception):
    """An error in user input or project state, printed as ``path:line[:col]: message``."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 col: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.col = col

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        # Errors cross process boundaries (parallel extract and build) with their place.
        return (self.__class__, (self.message, self.path, self.line, self.col))

    def __str__(self) -> str:
        place = [str(part) for part in (self.path, self.line, self.col) if part is not None]
        return ":".join(place + [" " + self.message]) if place else self.message


class UsageError(PipelineError):
    """The command line asks for what cannot be done (exit status 2, as argparse's own)."""


class SourceError(PipelineError):
    """A source document cannot be read: bad encoding, bad front matter."""


class CatalogError(PipelineError):
    """A PO or POT file cannot be read or is inconsistent."""


class FileSystemError(PipelineError):
    """A file or folder cannot be written (disk full, no permission, read-only)."""

    @classmethod
    def from_os_error(cls, error: OSError, path: str | None = None) -> FileSystemError:
        """``path: message`` from what the operating system said (about ``path``, else
        the file it names)."""
        if path is None and error.filename is not None:
            path = str(error.filename)
        return cls(f"cannot write: {error.strerror or error}", path)


class OutsideProject(PipelineError):
    """A path of the project leads out of its root (a symbolic link, a configured folder):
    nothing is read or written there."""


class ConfigError(PipelineError):
    """``pipeline.toml`` or a command-line option is invalid."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 col: int | None = None, key: str | None = None) -> None:
        super().__init__(message, path, line, col)
        self.key = key
        """The dotted key of pipeline.toml at fault (``publish.threshold``): the line is
        looked up where the error is shown (:func:`pipeline.stages.runner.placed`), as the code
        that finds the fault sees only parsed values."""

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return (self.__class__, (self.message, self.path, self.line, self.col, self.key))
