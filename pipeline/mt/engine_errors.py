"""What can go wrong with a machine-translation engine, as our own exception types.

Messages never carry request URLs or payloads: those can hold API keys.
"""

from __future__ import annotations

from ..core.errors import PipelineError


class EngineError(PipelineError):
    """A machine-translation request failed."""


class EngineUnavailable(EngineError):
    """No usable reply: connection refused, timeout, HTTP 5xx.  Worth a retry."""


class RateLimited(EngineError):
    """The engine answered HTTP 429; ``retry_after`` is its hint in seconds, if any."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 col: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(message, path, line, col)
        self.retry_after = retry_after


class Rejected(EngineError):
    """The engine's reply is unusable (not what was asked, unreadable): a batch is sent
    again one segment at a time."""


class Refused(EngineError):
    """The engine refused the request (HTTP 4xx): the same request would be refused again,
    so it is neither retried nor split; refusals in a row leave the engine alone."""


class AccessDenied(Refused):
    """The engine refused the key or its quota is spent (HTTP 401, 403, 402, 456): every
    other request would be refused alike, so the engine is left alone at the first.  The
    message names the environment variable to fix."""


class EngineGaveUp(EngineError):
    """The engine was left alone for the rest of the run (repeated 429s, unreachable)."""
