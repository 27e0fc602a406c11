"""The stand-in server: a threaded HTTP server on 127.0.0.1, an ephemeral port, scripted
faults and latency, and a deterministic fake translation."""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_IDEOGRAPHS = re.compile(r"[\u3400-\u9fff]+")
_SYLLABLES = ("ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "de", "va", "zu", "be")
_TOKEN = re.compile(r"\[(\d+)\]")

REFUSALS = ("400", "401", "402", "403", "404", "456")
FAULTS = ("429", "500", "slow", "empty", "not-json", "spaced", "drop", "duplicate", "period",
          "upper", "script", "link", "data-image", "long", "flood", *REFUSALS)
"""Request-level faults (429, 500, the refusals, slow, not-json) and reply-level ones (the
rest)."""


def fake_translate(text: str) -> str:
    """Every run of ideographs becomes words (one syllable per character); everything else,
    tokens and full-width punctuation included, stays as it is."""
    def words(match: re.Match[str]) -> str:
        before = text[match.start() - 1:match.start()]
        after = text[match.end():match.end() + 1]
        return (" " if before and (before.isalnum() or before in ")]") else "") \
            + " ".join(_SYLLABLES[ord(ch) % len(_SYLLABLES)] for ch in match.group()) \
            + (" " if after and (after.isalnum() or after in "([") else "")

    return _IDEOGRAPHS.sub(words, text)


def _mangle(fault: str | None, reply: str) -> str:
    if fault == "empty":
        return ""
    if fault == "period":
        return reply + "。"
    if fault == "upper":
        return reply.upper()
    if fault == "script":
        return reply + "<script>alert(1)</script>"
    if fault == "long":  # an engine that appends
        return reply + " and so on" * 500
    if fault == "flood":  # an engine that never stops
        return reply + " x" * (3 * 2**19)
    if fault == "link":
        return reply + " [more](javascript:alert(1))"
    if fault == "data-image":
        return reply + " ![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)"
    if fault == "spaced":
        return _TOKEN.sub(lambda m: f"[ {m.group(1)} ]" if int(m.group(1)) % 2 else
                          f"［{m.group(1)}］", reply)
    if fault == "drop":
        return _TOKEN.sub("", reply, count=1)
    if fault == "duplicate":
        match = _TOKEN.search(reply)
        return reply + " " + match.group() if match else reply
    return reply


class Behaviour:
    """What a stand-in does: per-request latency, a queue of one-shot faults, a fault for
    every request after that (``always``), and what it received."""

    def __init__(self, latency: float = 0.0, faults: Iterable[str] = (),
                 always: str | None = None, slow_seconds: float = 1.5) -> None:
        self.latency = latency
        self.faults = deque(faults)
        self.always = always
        self.slow_seconds = slow_seconds
        self.lock = threading.Lock()
        self.requests = 0
        self.received: list[str] = []
        self.prompts: list[str] = []
        self.headers: list[dict[str, str]] = []
        """Headers of the requests a handler chose to record (keys, regions)."""
        self.paths: list[str] = []
        """``METHOD path`` of the requests a handler chose to record."""

    def next_fault(self) -> str | None:
        with self.lock:
            self.requests += 1
            return self.faults.popleft() if self.faults else self.always

    def translate(self, text: str, fault: str | None) -> str:
        with self.lock:
            self.received.append(text)
        return _mangle(fault, fake_translate(text))


class StandInHandler(BaseHTTPRequestHandler):
    """Common plumbing: faults, JSON and HTML replies, quiet logs."""

    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle's algorithm the second waits for the
    # client's delayed ACK (~40 ms), which would add to every request's latency.
    disable_nagle_algorithm = True
    server: "StandInServer"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    @property
    def behaviour(self) -> Behaviour:
        return self.server.behaviour

    def send(self, status: int, body: bytes, content_type: str,
             headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def send_json(self, data: Any, status: int = 200) -> None:
        self.send(status, json.dumps(data).encode(), "application/json")

    def body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def request_fault(self) -> tuple[bool, str | None]:
        """Apply latency and request-level faults; (handled, reply-level fault)."""
        fault = self.behaviour.next_fault()
        time.sleep(self.behaviour.latency)
        if fault == "429":
            self.send(429, b'{"error": "Too many requests"}', "application/json",
                      {"Retry-After": "0"})
        elif fault == "500":
            self.send(500, b'{"error": "Internal error"}', "application/json")
        elif fault in REFUSALS:
            self.send(int(fault), b'{"error": {"message": "refused"}}', "application/json")
        elif fault == "not-json":
            self.send(200, b"<html><body>Service restarting</body></html>", "text/html")
        else:
            if fault == "slow":
                time.sleep(self.behaviour.slow_seconds)
            return False, fault
        return True, None


class StandInServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    behaviour: Behaviour

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that timed out and left is part of the tests


class StandIn:
    """``with StandIn(Handler, behaviour) as server:`` a server at ``server.url``."""

    def __init__(self, handler: type[StandInHandler], behaviour: Behaviour | None = None) -> None:
        self.behaviour = behaviour or Behaviour()
        self.server = StandInServer(("127.0.0.1", 0), handler)
        self.server.behaviour = self.behaviour
        self.thread = threading.Thread(target=self.server.serve_forever,
                                       kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> "StandIn":
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
