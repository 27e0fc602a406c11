"""The progress line on stderr: segments done / total, requests, cache hits, failures.

Shown only on a terminal (and not with ``--quiet``), redrawn in place at most ten times a
second, and erased when the run ends so that the summary lines stay clean.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TextIO


@dataclass
class Tally:
    """What a run has done so far, counted in distinct segments."""

    total: int = 0
    done: int = 0
    requests: int = 0
    cache_hits: int = 0
    failures: int = 0
    accepted: int = 0
    """Replies accepted, from the engine or the cache."""

    def line(self, label: str) -> str:
        """The progress text."""
        return (f"{label}: {self.done}/{self.total} segments, {self.requests} requests, "
                f"{self.cache_hits} cache hits, {self.failures} failures")


class ProgressLine:
    """A line redrawn in place on a terminal; silent elsewhere."""

    def __init__(self, stream: TextIO, label: str, quiet: bool = False) -> None:
        self.stream = stream
        self.label = label
        self.enabled = not quiet and stream.isatty()
        self.drawn = 0.0

    def show(self, tally: Tally, force: bool = False) -> None:
        """Redraw the line (throttled unless ``force``)."""
        now = time.monotonic()
        if self.enabled and (force or now - self.drawn >= 0.1):
            self.stream.write("\r" + tally.line(self.label) + "\x1b[K")
            self.stream.flush()
            self.drawn = now

    def close(self) -> None:
        """Erase the line."""
        if self.enabled and self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
