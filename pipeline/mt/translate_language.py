"""One language's machine translation run: worklist → cache → engine → PO files.

Everything finished is kept whatever happens next: replies go to the cache as each batch
arrives, and the PO files are saved every ``flush_interval`` seconds and once more on the
way out (normal end, engine given up, Ctrl-C).  A rerun finds the saved entries filled and
the rest in the cache, and continues from there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from ..catalogs.glossary import project_glossary
from ..core.project import Project
from .batching import estimated_tokens, make_batches
from .cache import CACHE_NAME, ReplyCache
from .drafts import DraftWriter
from .engine_errors import Rejected
from .engines import Engine
from .progress import ProgressLine, Tally
from .protect import has_words
from .reply_checks import accepted_reply
from .scheduler import Outcome, Scheduler
from .settings import EngineSettings
from .worklist import Worklist, collect_work, terms_for


@dataclass
class Summary:
    """What a run did for one language."""

    language: str
    engine: str
    entries: int = 0
    drafts: int = 0
    copies: int = 0
    """Entries with nothing to translate (a URL alone), copied: no engine's work."""
    tally: Tally = field(default_factory=Tally)
    written: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    gave_up: str | None = None
    """Why the engine was left alone before the end, if it was."""
    unreachable: bool = False
    """Whether it was left alone because it could not be reached (no network?)."""


def _punctuated(text: str, language: str) -> str:
    try:
        return accepted_reply(text, text, language)
    except Rejected:
        return text


def _cached_reply(cache: ReplyCache | None, text: str,
                  language: str) -> tuple[str, str] | None:
    """(accepted reply, raw reply) the cache holds for ``text``; None if it holds none that
    today's checks accept (one stored before them is asked again)."""
    raw = cache.get(text) if cache is not None else None
    if raw is None:
        return None
    try:
        return accepted_reply(text, raw, language), raw
    except Rejected:
        return None


def _from_cache(cache: ReplyCache, work: Worklist, language: str, tally: Tally,
                writer: DraftWriter) -> list[str]:
    """Settle what needs no request; the texts left for the engine."""
    misses = []
    for text in work.texts():
        protected = work.by_text[text][0].protected
        if not has_words(protected):  # only tokens and punctuation: nothing to translate
            writer.add(Outcome(text, reply=_punctuated(text, language), copied=True))
            tally.done += 1
            continue
        cached = _cached_reply(cache, text, language)
        if cached is None:
            misses.append(text)
        else:
            writer.add(Outcome(text, *cached))
            tally.done += 1
            tally.cache_hits += 1
            tally.accepted += 1
    return misses


@dataclass(frozen=True)
class Plan:
    """What a run for one language would send (``translate --dry-run``)."""

    language: str
    engine: Engine
    entries: int
    """Empty entries to fill."""
    segments: int
    """Distinct protected texts among them."""
    settled: int
    """Segments that need no request: in the cache, or nothing to translate."""
    characters: int
    """Characters of the segments to send."""
    tokens: int
    """About how many tokens those are (:func:`pipeline.mt.batching.estimated_tokens`)."""
    requests: int
    """Requests they would take, before any retry."""


def plan_language(project: Project, language: str, engine: Engine) -> Plan:
    """What :func:`translate_language` would send for ``language``: no request is made and
    nothing is written (the reply cache is read only if it is there)."""
    work = collect_work(project, language, terms_for(project_glossary(project), language))
    path = project.cache_path(CACHE_NAME)
    cache = ReplyCache(path, engine.cache_name, engine.source, engine.target) \
        if path.is_file() else None
    try:
        to_send = [text for text in work.texts() if has_words(work.by_text[text][0].protected)
                   and _cached_reply(cache, text, language) is None]
    finally:
        if cache:
            cache.close()
    return Plan(language, engine, len(work), len(work.by_text), len(work.by_text) - len(to_send),
                sum(map(len, to_send)), sum(map(estimated_tokens, to_send)),
                len(make_batches(to_send, engine.max_chars, engine.max_items)))


def translate_language(project: Project, language: str, engine: Engine,
                       settings: EngineSettings, progress: ProgressLine) -> Summary:
    """Fill the empty entries of every PO of ``language`` with machine drafts."""
    terms = terms_for(project_glossary(project), language)
    work = collect_work(project, language, terms)
    summary = Summary(language, engine.name, entries=len(work))
    tally = summary.tally
    tally.total = len(work.by_text)
    writer = DraftWriter(project, language, engine.name, work, settings.flush_interval)
    cache = ReplyCache(project.cache_path(CACHE_NAME), engine.cache_name, engine.source,
                       engine.target)
    scheduler = Scheduler(engine, settings, partial(accepted_reply, language=language),
                          work.titles)
    try:
        misses = _from_cache(cache, work, language, tally, writer)
        progress.show(tally, force=True)
        batches = scheduler.run(misses)
        try:
            for outcomes in batches:
                cache.put_many((o.text, o.raw) for o in outcomes
                               if o.reply is not None and o.raw is not None)
                for outcome in outcomes:
                    writer.add(outcome)
                    tally.done += outcome.attempted
                    tally.failures += outcome.attempted and outcome.reply is None
                    tally.accepted += outcome.reply is not None
                tally.requests = scheduler.gate.requests
                progress.show(tally)
                writer.save_if_due()
        finally:
            batches.close()
    finally:
        writer.save()
        cache.close()
    tally.requests = scheduler.gate.requests
    summary.gave_up = scheduler.gate.reason
    summary.unreachable = scheduler.gate.unreachable
    summary.copies = writer.copies
    summary.drafts, summary.written, summary.failures = (writer.drafts, writer.written,
                                                         writer.failures)
    return summary
