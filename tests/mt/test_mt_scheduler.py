"""The scheduler with a scripted engine: batches, concurrency, retries, 429s, fallbacks."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from functools import partial

from pipeline.mt.engine_errors import EngineUnavailable, RateLimited, Rejected
from pipeline.mt.engines import Engine
from pipeline.mt.reply_checks import accepted_reply
from pipeline.mt.scheduler import Outcome, Scheduler
from pipeline.mt.settings import EngineSettings
from standins import fake_translate

SETTINGS = EngineSettings(retries=2, backoff=0.001, rate_limit_strikes=3, give_up_after=2)
TEXTS = [f"第{i}段[0]内容" for i in range(12)]
Script = Callable[[int, Sequence[str]], list[str]]


class ScriptedEngine:
    """An engine whose n-th request does what ``script(n, texts)`` does."""

    def __init__(self, script: Script | None = None, delay: float = 0.0) -> None:
        self.script = script or (lambda n, texts: [fake_translate(t) for t in texts])
        self.delay = delay
        self.calls: list[list[str]] = []
        self.lock = threading.Lock()
        self.in_flight = self.most_in_flight = 0

    def __call__(self, texts: Sequence[str], context: str = "") -> list[str]:
        with self.lock:
            self.calls.append(list(texts))
            number = len(self.calls)
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            time.sleep(self.delay)
            return self.script(number, texts)
        finally:
            with self.lock:
                self.in_flight -= 1


def engine(script: ScriptedEngine, joined: bool = True, max_items: int = 4,
           jobs: int = 4) -> Engine:
    return Engine("scripted", script, "zh", "en", max_chars=10_000, max_items=max_items,
                  joined=joined, jobs=jobs, cache_name="scripted")


def run(scripted: ScriptedEngine, texts: list[str] = TEXTS, settings: EngineSettings = SETTINGS,
        **options) -> tuple[list[Outcome], Scheduler]:
    scheduler = Scheduler(engine(scripted, **options), settings,
                          partial(accepted_reply, language="en"))
    return [o for batch in scheduler.run(texts) for o in batch], scheduler


def test_batches_in_parallel_and_every_text_once() -> None:
    scripted = ScriptedEngine(delay=0.05)
    outcomes, scheduler = run(scripted)
    assert sorted(o.text for o in outcomes) == sorted(TEXTS)
    assert all(o.reply == fake_translate(o.text) for o in outcomes)
    assert len(scripted.calls) == 3 == scheduler.gate.requests  # 12 texts, 4 per request
    # The first request alone (a refused key costs one request), then the rest at once.
    assert scripted.most_in_flight == 2


def test_rate_limit_bursts_are_waited_out() -> None:
    def script(number: int, texts: Sequence[str]) -> list[str]:
        if number <= 2:
            raise RateLimited("rate-limited (HTTP 429)", retry_after=0.0)
        return [fake_translate(t) for t in texts]

    outcomes, scheduler = run(ScriptedEngine(script), jobs=1)
    assert all(o.reply for o in outcomes) and scheduler.gate.reason is None


def test_repeated_429_leaves_the_engine_alone() -> None:
    def script(number: int, texts: Sequence[str]) -> list[str]:
        raise RateLimited("rate-limited (HTTP 429)", retry_after=None)

    scripted = ScriptedEngine(script)
    outcomes, scheduler = run(scripted, jobs=2)
    assert "429" in (scheduler.gate.reason or "") and "left alone" in scheduler.gate.reason
    assert len(scripted.calls) <= SETTINGS.rate_limit_strikes + 2
    assert not any(o.reply for o in outcomes)
    assert any(not o.attempted for o in outcomes)  # the rest were never sent


def test_server_errors_are_retried_with_backoff() -> None:
    def script(number: int, texts: Sequence[str]) -> list[str]:
        if number <= 2:
            raise EngineUnavailable("server error (HTTP 500)")
        return [fake_translate(t) for t in texts]

    outcomes, scheduler = run(ScriptedEngine(script), jobs=1)
    assert all(o.reply for o in outcomes) and scheduler.gate.requests == 5


def test_an_unreachable_engine_is_given_up() -> None:
    def script(number: int, texts: Sequence[str]) -> list[str]:
        raise EngineUnavailable("cannot connect to 127.0.0.1:9")

    scripted = ScriptedEngine(script)
    outcomes, scheduler = run(scripted, jobs=1)
    assert "unavailable (cannot connect" in (scheduler.gate.reason or "")
    # give_up_after failed requests, each with its retries, then nothing more
    assert len(scripted.calls) == SETTINGS.give_up_after * (SETTINGS.retries + 1)
    failed = [o for o in outcomes if o.attempted]
    assert all(o.reason == "cannot connect to 127.0.0.1:9" for o in failed)


def test_a_lost_separator_sends_the_batch_again_one_by_one() -> None:
    def script(number: int, texts: Sequence[str]) -> list[str]:
        replies = [fake_translate(t) for t in texts]
        return [replies[0].replace("[9002]", "")] if number == 1 else replies

    scripted = ScriptedEngine(script)
    outcomes, _ = run(scripted, jobs=1)
    assert all(o.reply for o in outcomes)
    assert [len(call[0].split("\n[90")) for call in scripted.calls[:2]] == [4, 1]


def test_one_bad_reply_in_a_batch_costs_only_itself() -> None:
    def script(number: int, texts: Sequence[str]) -> list[str]:
        reply = fake_translate(texts[0])
        if number == 1:
            reply = reply.replace("[0]", "", 1)  # the first segment loses its token
        return [reply]

    scripted = ScriptedEngine(script)
    outcomes, _ = run(scripted, jobs=1)
    assert all(o.reply for o in outcomes)
    assert len(scripted.calls) == 3 + 1  # three batches, then the bad segment alone


def test_a_segment_that_stays_bad_fails_with_the_reason() -> None:
    def script(number: int, texts: Sequence[str]) -> list[str]:
        return [fake_translate(t) + "<script>alert(1)</script>" if "第3段" in t
                else fake_translate(t) for t in texts]

    outcomes, _ = run(ScriptedEngine(script), joined=False)
    bad = [o for o in outcomes if o.reply is None]
    assert [o.text for o in bad] == ["第3段[0]内容"]
    assert "HTML not in the source" in (bad[0].reason or "")


def test_a_rejected_request_is_not_retried() -> None:
    def script(number: int, texts: Sequence[str]) -> list[str]:
        raise Rejected("request refused (HTTP 400)")

    scripted = ScriptedEngine(script)
    outcomes, scheduler = run(scripted, texts=TEXTS[:1])
    assert len(scripted.calls) == 1 and outcomes[0].reason == "request refused (HTTP 400)"
    assert scheduler.gate.reason is None
