"""`streams evaluate`: one prediction line per article in the gold format (shared/eval/FORMAT.md).

In-process (default) runs `pipeline.InProcessPipeline`; `--via-kafka` runs the real
worker on a broker and reads the terminal topics back. Both feed `to_predictions`.
"""
from __future__ import annotations

import asyncio
import os
import tempfile
import time
from pathlib import Path

import orjson

from . import topics as T
from .pipeline import InProcessPipeline, Outcome, article_error_id
from .settings import Settings

GOLD_EVENT_FIELDS = ("type", "participants", "actor", "target", "location", "date", "status")


def read_lines(path: str | Path) -> list[bytes]:
    with open(path, "rb") as f:
        return [line.rstrip(b"\r\n") for line in f if line.strip()]


def gold_event(ev: dict) -> dict:
    out = {k: ev.get(k) for k in GOLD_EVENT_FIELDS}
    loc = ev.get("location")
    out["location"] = loc.get("country") if isinstance(loc, dict) else loc
    return out


def duplicate_pages(lines: list[bytes], ids: list[str], outcomes: dict[str, Outcome],
                    settings: Settings | None = None) -> dict[str, list[dict]]:
    """What each duplicate page itself reports, read by the pure core (clean -> language ->
    extract), keyed by article id.

    The pipeline publishes no events for a duplicate: its original's are already on the topic.
    But a page is scored on what it tells (FORMAT.md: a copy without a publication date gives
    no day to "this Friday"), so the evaluation reads each duplicate's own text as well."""
    from .errors import StageError
    from .pipeline import clean, detect, extract, parse_raw

    s = settings or Settings.from_env()
    out: dict[str, list[dict]] = {}
    for n, (art_id, line) in enumerate(zip(ids, lines)):
        o = outcomes.get(art_id)
        if o is None or o.terminal != "duplicate":
            continue
        try:
            out[art_id] = extract(detect(clean(parse_raw(line, s, n), s), s), s)
        except StageError:
            continue      # the page fails on its own: it keeps its original's events
    return out


def to_predictions(ids: list[str], outcomes: dict[str, Outcome],
                   own: dict[str, list[dict]] | None = None) -> list[dict]:
    """Gold-format lines in input order; a duplicate carries its original's language and its
    own page's events when `own` has them (see duplicate_pages), else its original's."""
    preds: dict[str, dict] = {}
    for art_id in ids:
        o = outcomes.get(art_id)
        if o is None or o.terminal == "dlq":
            preds[art_id] = {"id": art_id, "language": None, "duplicate_of": None, "events": []}
        elif o.terminal == "duplicate":
            orig = preds.get(o.duplicate_of, {})
            events = [gold_event(e) for e in own[art_id] if not e.get("background")] \
                if own and art_id in own else list(orig.get("events", []))
            preds[art_id] = {"id": art_id, "language": orig.get("language"), "duplicate_of": o.duplicate_of,
                             "events": events}
        else:
            events = [gold_event(e) for e in o.events if not e.get("background")]
            preds[art_id] = {"id": art_id, "language": o.language, "duplicate_of": None, "events": events}
    return [preds[i] for i in ids]


def predict_inprocess(lines: list[bytes], settings: Settings | None = None) -> tuple[list[str], dict[str, Outcome]]:
    pipe = InProcessPipeline(settings)
    ids, outcomes = [], {}
    for n, line in enumerate(lines):
        o = pipe.run_one(line, received_ms=n)
        art_id = o.article_id or f"#line{n + 1}"
        ids.append(art_id)
        outcomes[art_id] = o
    return ids, outcomes


def outcomes_from_ledger(ledger) -> dict[str, Outcome]:
    out = {}
    for art_id, ends in ledger.terminal.items():
        topic, value = ends[0]
        if topic == T.PROCESSED:
            out[art_id] = Outcome(art_id, "processed", language=value["language"], status=value["status"],
                                  events=[ledger.mentions.get((e, art_id)) or ledger.events[e]
                                          for e in value["event_ids"] if e in ledger.events])
        elif topic == T.DUPLICATES:
            out[art_id] = Outcome(art_id, "duplicate", duplicate_of=value["duplicate_of"],
                                  duplicate_kind=value["kind"])
        else:
            out[art_id] = Outcome(art_id, "dlq", stage=value["stage"], reason=value["reason"],
                                  message=value["message"])
    return out


async def run_via_kafka(lines: list[bytes], settings: Settings, timeout: float = 300.0, progress=None,
                        paced: bool = False) -> "Ledger":
    """Publish, then read terminal topics + events until every message is accounted for.

    `paced` publishes the next line only once the previous one reached its terminal topic, so
    the worker sees the articles in file order across partitions: "the first article" of a
    duplicate pair is then the same as in-process (with free-running publishing it is
    whichever partition the worker happened to read first).
    """
    from .kafka_io import Ledger, consume, publish, unprefixed

    ids = [i for i in (article_error_id(line) for line in lines) if i]
    ledger = Ledger()
    moved = asyncio.Event()
    deadline = time.monotonic() + timeout

    def complete(n_lines: int, n_ids: list[str]) -> bool:
        return ledger.accounted(n_ids) and len(ledger.dlq_without_id) >= n_lines - len(n_ids)

    async def collect() -> None:
        async for record in consume(settings, [T.EVENTS, *T.TERMINAL], idle_timeout=timeout):
            ledger.add(unprefixed(settings, record.topic), record)
            moved.set()
            if progress is not None:
                progress(ledger)
            if complete(len(lines), ids) and not ledger.missing_events():
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"only {len(ledger.terminal)}/{len(ids)} articles accounted for")

    published = 0
    want: list[str] = []

    async def wait_for_terminal(line: bytes) -> None:
        nonlocal published
        published += 1
        art_id = article_error_id(line)
        if art_id:
            want.append(art_id)
        while not complete(published, want):
            if collector.done() or time.monotonic() > deadline:
                return
            moved.clear()
            try:
                await asyncio.wait_for(moved.wait(), timeout=1.0)
            except asyncio.TimeoutError:
                pass

    collector = asyncio.create_task(collect())
    try:
        await publish(settings, lines, after_each=wait_for_terminal if paced else None)
        await collector
    finally:
        collector.cancel()
    return ledger


def predict_via_kafka(lines: list[bytes], broker_url: str | None = None, log_dir: str | None = None):
    """Embedded broker (unless given) + one worker subprocess; returns (ids, outcomes)."""
    from .broker import EmbeddedBroker
    from .runner import WorkerProcess
    from .topics import ensure_topics_sync

    log_dir = log_dir or tempfile.mkdtemp(prefix="diplo-eval-")
    os.makedirs(log_dir, exist_ok=True)
    broker = None
    if broker_url is None:
        broker = EmbeddedBroker(log_path=os.path.join(log_dir, "broker.log")).start()
        broker_url = broker.url
    run = f"eval{time.time_ns() // 1_000_000}"
    settings = Settings.from_env(broker=broker_url, app_id=f"diplo-{run}", topic_prefix=f"{run}.")
    worker = WorkerProcess(broker_url, app_id=settings.app_id, log_path=os.path.join(log_dir, "worker.log"),
                           env={"STREAMS_TOPIC_PREFIX": settings.topic_prefix})
    try:
        ensure_topics_sync(settings)
        worker.start().wait_ready()
        ledger = asyncio.run(run_via_kafka(lines, settings, paced=True))
    finally:
        worker.stop()
        if broker:
            broker.stop()
    ids = [article_error_id(line) or f"#line{n + 1}" for n, line in enumerate(lines)]
    return ids, outcomes_from_ledger(ledger)


def write_predictions(preds: list[dict], out: str | Path) -> None:
    with open(out, "wb") as f:
        for p in preds:
            f.write(orjson.dumps(p) + b"\n")
