"""Every HTTP request to an engine: one timeout, one session per thread, our error types.

deep-translator's clients call ``requests.get``/``requests.post`` from their own modules
with no timeout and no way to pass a session, so a hung server hangs them forever.  We give
each client module we use a ``requests`` of its own (:func:`install`): a small object whose
``get``/``post`` go through :func:`send`.  Inside :func:`request_timeout` (our adapters wrap
every client call in it) a request gets that timeout, reuses a per-thread keep-alive session
and maps failures to :class:`EngineUnavailable` / :class:`RateLimited` before the client
sees them.  Outside it (somebody else using deep-translator in this process) requests behave
as before, only with a finite timeout.  The library's own code, parsing included, runs
unchanged.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any
import requests

from .engine_errors import (
    AccessDenied,
    EngineError,
    EngineUnavailable,
    RateLimited,
    Refused,
    Rejected,
)
from .settings import shown_host

OUTSIDE_TIMEOUT = 60.0
"""Timeout of requests made by deep-translator outside our adapters."""
MAX_REPLY_BYTES = 8 * 2**20
"""The most of one reply read (decompressed): far more than any request's translation
(the largest request is 30,000 characters), far less than what floods memory."""

_local = threading.local()


@contextmanager
def request_timeout(seconds: float) -> Iterator[None]:
    """Run engine calls of this thread with ``seconds`` as connect and read timeout."""
    saved = getattr(_local, "timeout", None)
    _local.timeout = seconds
    try:
        yield
    finally:
        _local.timeout = saved


def _session() -> requests.Session:
    session = getattr(_local, "session", None)
    if session is None:
        session = _local.session = requests.Session()
    return session


def _retry_after(response: requests.Response) -> float | None:
    try:
        return max(0.0, float(response.headers.get("Retry-After", "")))
    except ValueError:
        return None  # an HTTP date, or nothing: our own backoff decides


def checked(response: requests.Response) -> requests.Response:
    """The response, unless it says the engine is rate limiting (429) or failing (5xx)."""
    if response.status_code == 429:
        raise RateLimited("rate-limited (HTTP 429)", retry_after=_retry_after(response))
    if response.status_code >= 500:
        raise EngineUnavailable(f"server error (HTTP {response.status_code})")
    return response


def refusal(status: int, keys: str) -> EngineError:
    """Our error for an engine's HTTP 4xx answer (not 429, a rate limit); ``keys`` names the
    environment variables its key comes from (``$DEEPL_AUTH_KEY``), or is empty."""
    check = f": check {keys}" if keys else ""
    if status in (401, 403):
        return AccessDenied(f"not authorized (HTTP {status}){check}")
    if status in (402, 456):
        behind = f" of {keys}" if keys else ""
        return AccessDenied(f"quota exceeded (HTTP {status}): the account{behind} has none "
                            "left")
    if status == 413:
        return Rejected("request too large (HTTP 413)")  # smaller requests may pass
    return Refused(f"request refused (HTTP {status})")


def send(method: str, url: str, timeout: float | None = None,
         **kwargs: Any) -> requests.Response:
    """One request with a timeout; connection failures and timeouts raise
    EngineUnavailable, 429 RateLimited, 5xx EngineUnavailable."""
    timeout = timeout if timeout is not None else getattr(_local, "timeout", None)
    if timeout is None:
        kwargs.setdefault("timeout", OUTSIDE_TIMEOUT)
        return requests.request(method, url, **kwargs)
    kwargs.pop("timeout", None)
    host = shown_host(url)  # never the URL's user name, password or query
    try:
        response = _session().request(method, url, timeout=timeout, stream=True, **kwargs)
        _read(response, MAX_REPLY_BYTES)
    except requests.Timeout:
        raise EngineUnavailable(f"no reply from {host} within {timeout:g} s") from None
    except requests.ConnectionError:
        raise EngineUnavailable(f"cannot connect to {host}") from None
    except requests.RequestException as exc:
        raise EngineUnavailable(f"request to {host} failed ({type(exc).__name__})") from None
    return checked(response)


def _read(response: requests.Response, limit: int) -> None:
    """Read the body of a streamed ``response``, refusing (and closing) one longer than
    ``limit`` bytes: an engine that floods its reply costs no more memory than that."""
    chunks, size = [], 0
    for chunk in response.iter_content(chunk_size=1 << 16):
        size += len(chunk)
        if size > limit:
            response.close()
            raise Refused(f"reply larger than {limit // 2**20} MB")
        chunks.append(chunk)
    # Where requests keeps a body it has read (requests 2.x, pinned): .json() and .text
    # read it from there as after a plain request.
    response._content = b"".join(chunks)
    response._content_consumed = True


ReplyCheck = Callable[[requests.Response], None]
"""Looks at an engine's reply before its client does, and raises our error for a failure
the client would report vaguely (Baidu answers HTTP 200 with an error code in the body)."""


class TimedRequests:
    """What a deep-translator client module sees as ``requests``."""

    exceptions = requests.exceptions

    def __init__(self, check: ReplyCheck | None = None) -> None:
        self.check = check

    def get(self, url: str, **kwargs: Any) -> requests.Response:
        return self._checked(send("GET", url, **kwargs))

    def post(self, url: str, **kwargs: Any) -> requests.Response:
        return self._checked(send("POST", url, **kwargs))

    def _checked(self, response: requests.Response) -> requests.Response:
        if self.check is not None and getattr(_local, "timeout", None) is not None:
            self.check(response)  # only in our adapters' calls: others get the plain reply
        return response

    def __getattr__(self, name: str) -> Any:
        return getattr(requests, name)


def install(module: ModuleType, check: ReplyCheck | None = None) -> None:
    """Route a deep-translator client module's requests through :func:`send`, each reply
    looked at by ``check`` first."""
    current = getattr(module, "requests", None)
    if not isinstance(current, TimedRequests) or current.check is not check:
        module.requests = TimedRequests(check)  # type: ignore[attr-defined]
