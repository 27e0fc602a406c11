"""Sending distinct segments to an engine: batches, many requests in flight, retries.

- Requests are batches of segments, as big as the engine allows (:mod:`.batching`).
- ``jobs`` requests are in flight at once (threads: the work is waiting on the network).
- A timeout, a connection failure or a 5xx is retried with exponential backoff.
- A 429 waits (``Retry-After`` if the engine gives one) and counts a strike; after
  ``rate_limit_strikes`` in a row, or ``give_up_after`` requests in a row that failed all
  their retries, the engine is left alone for the rest of the run: the remaining segments
  are not attempted, and a rerun continues with them.
- A batch whose reply cannot be split, or one of whose replies fails the checks, is sent
  again one segment at a time, so one bad segment never costs its neighbours.
- A refused request (HTTP 4xx) is neither retried nor split: sent again, it would be
  refused again.  A refused key or a spent quota leaves the engine alone at once; other
  refusals do after ``give_up_after`` in a row.
- The first batch goes alone: a dead server or a refused key is learnt from one request,
  not from one per thread.
- Outcomes are yielded as they arrive, for the caller to save.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Generator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from .batching import join_texts, make_batches, split_reply
from .engine_errors import (
    AccessDenied,
    EngineError,
    EngineGaveUp,
    EngineUnavailable,
    RateLimited,
    Refused,
    Rejected,
)
from .engines import Engine
from .settings import EngineSettings

Accept = Callable[[str, str], str]
"""``(protected source, raw reply) -> fixed reply``; raises Rejected."""


@dataclass(frozen=True)
class Outcome:
    """What became of one protected text."""

    text: str
    reply: str | None = None
    """The accepted, fixed reply (tokens still in place)."""
    raw: str | None = None
    """The reply as the engine sent it, for the cache."""
    reason: str | None = None
    """Why there is no reply."""
    attempted: bool = True
    """False when the engine was left alone before this text was sent."""
    copied: bool = False
    """The text has nothing to translate (tokens and punctuation only): its reply is the
    text itself, and no engine was asked."""


class EngineGate:
    """Shared by the workers of one run: strikes, failures, and the decision to stop."""

    def __init__(self, settings: EngineSettings) -> None:
        self.settings = settings
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        self.requests = 0
        self.strikes = 0
        self.failures = 0
        self.reason: str | None = None
        self.unreachable = False
        """Left alone because requests failed to reach it (not because it refused)."""

    def check(self) -> None:
        """Raise EngineGaveUp once the engine is left alone."""
        if self.reason:
            raise EngineGaveUp(self.reason)

    def close(self, reason: str) -> None:
        """Leave the engine alone from now on."""
        with self.lock:
            self.reason = self.reason or reason
        self.stopped.set()

    def sent(self) -> None:
        with self.lock:
            self.requests += 1

    def succeeded(self) -> None:
        with self.lock:
            self.strikes = self.failures = 0

    def rate_limited(self) -> None:
        with self.lock:
            self.strikes += 1
            strikes = self.strikes
        if strikes >= self.settings.rate_limit_strikes:
            self.close(f"rate-limited (HTTP 429) {strikes} times in a row: left alone for "
                       "the rest of this run; run again later to continue")

    def failed(self, error: EngineError) -> None:
        with self.lock:
            self.failures += 1
            failures = self.failures
        if failures >= self.settings.give_up_after:
            refused = isinstance(error, Refused)
            self.unreachable = not refused
            self.close(f"{'refused' if refused else 'unavailable'} ({error.message}): left "
                       "alone for the rest of this run")

    def pause(self, seconds: float) -> None:
        """Wait before a retry; cut short (EngineGaveUp) when the run stops."""
        if self.stopped.wait(min(seconds, self.settings.max_backoff)):
            self.check()


class Scheduler:
    """Translates protected texts with one engine; see the module docstring."""

    def __init__(self, engine: Engine, settings: EngineSettings, accept: Accept,
                 contexts: Mapping[str, str] | None = None) -> None:
        self.engine = engine
        self.accept = accept
        self.contexts = contexts or {}
        self.gate = EngineGate(settings)

    def _backoff(self, attempt: int) -> float:
        return float(self.gate.settings.backoff * 2 ** attempt * (1 + random.random() / 4))

    def _attempt(self, texts: list[str], attempt: int) -> list[str] | EngineError:
        self.gate.check()
        self.gate.sent()
        try:
            replies = self.engine.translate(texts, self.contexts.get(texts[0], ""))
        except RateLimited as error:
            self.gate.rate_limited()
            self.gate.check()
            failure: EngineError = error
            wait = error.retry_after if error.retry_after is not None else self._backoff(attempt)
        except EngineUnavailable as error:
            failure, wait = error, self._backoff(attempt)
        else:
            self.gate.succeeded()
            return replies
        if attempt < self.gate.settings.retries:
            self.gate.pause(wait)
        return failure

    def request(self, texts: list[str]) -> list[str]:
        """One request with its retries; the replies, one per text."""
        failure: EngineError = EngineUnavailable("no attempt")
        for attempt in range(self.gate.settings.retries + 1):
            result = self._attempt(texts, attempt)
            if not isinstance(result, EngineError):
                return result
            failure = result
        self.gate.failed(failure)
        raise failure

    def _joined(self, batch: list[str]) -> list[str] | None:
        if not self.engine.joined or len(batch) == 1:
            return self.request(batch)
        return split_reply(self.request([join_texts(batch)])[0], len(batch))

    def run_batch(self, batch: list[str]) -> list[Outcome]:
        """The outcomes of one batch (never raises for engine trouble)."""
        try:
            replies = self._joined(batch)
        except EngineGaveUp as error:
            return [Outcome(text, reason=error.message, attempted=False) for text in batch]
        except AccessDenied as error:
            self.gate.close(error.message)  # every other request would be refused alike
            return [Outcome(text, reason=error.message) for text in batch]
        except Refused as error:
            self.gate.failed(error)
            return [Outcome(text, reason=error.message) for text in batch]
        except Rejected as error:
            if len(batch) > 1:
                return self._one_by_one(batch)
            return [Outcome(batch[0], reason=error.message)]
        except EngineError as error:
            return [Outcome(text, reason=error.message) for text in batch]
        if replies is None:  # separators lost: the engine merged or moved segments
            return self._one_by_one(batch)
        outcomes = []
        for text, raw in zip(batch, replies):
            try:
                outcomes.append(Outcome(text, self.accept(text, raw), raw))
            except Rejected as error:
                outcomes += self._one_by_one([text]) if len(batch) > 1 else \
                    [Outcome(text, raw=raw, reason=error.message)]
        return outcomes

    def _one_by_one(self, batch: list[str]) -> list[Outcome]:
        return [outcome for text in batch for outcome in self.run_batch([text])]

    def run(self, texts: Sequence[str]) -> Generator[list[Outcome], None, None]:
        """The outcomes of every text, a batch at a time, as they arrive."""
        batches = make_batches(texts, self.engine.max_chars, self.engine.max_items)
        pool = ThreadPoolExecutor(max_workers=max(1, self.engine.jobs),
                                  thread_name_prefix=f"mt-{self.engine.name}")
        pending: set[Future[list[Outcome]]] = set()
        try:
            if batches:
                yield self.run_batch(batches[0])
            pending = {pool.submit(self.run_batch, batch) for batch in batches[1:]}
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
        finally:
            if pending:  # Ctrl-C, or the caller stopped: no new requests, no retries
                self.gate.close("interrupted")
            pool.shutdown(wait=False, cancel_futures=True)
