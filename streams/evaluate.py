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


def to_predictions(ids: list[str], outcomes: dict[str, Outcome]) -> list[dict]:
    """Gold-format lines in input order; a duplicate carries its original's language and events."""
    preds: dict[str, dict] = {}
    for art_id in ids:
        o = outcomes.get(art_id)
        if o is None or o.terminal == "dlq":
            preds[art_id] = {"id": art_id, "language": None, "duplicate_of": None, "events": []}
        elif o.terminal == "duplicate":
            orig = preds.get(o.duplicate_of, {})
            preds[art_id] = {"id": art_id, "language": orig.get("language"), "duplicate_of": o.duplicate_of,
                             "events": list(orig.get("events", []))}
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
                                  events=[ledger.events[e] for e in value["event_ids"] if e in ledger.events])
        elif topic == T.DUPLICATES:
            out[art_id] = Outcome(art_id, "duplicate", duplicate_of=value["duplicate_of"],
                                  duplicate_kind=value["kind"])
        else:
            out[art_id] = Outcome(art_id, "dlq", stage=value["stage"], reason=value["reason"],
                                  message=value["message"])
    return out


async def run_via_kafka(lines: list[bytes], settings: Settings, timeout: float = 300.0, progress=None) -> "Ledger":
    """Publish, then read terminal topics + events until every parseable id is accounted for."""
    from .kafka_io import Ledger, consume, publish, unprefixed

    ids = [i for i in (article_error_id(line) for line in lines) if i]
    ledger = Ledger()
    await publish(settings, lines)
    deadline = time.monotonic() + timeout
    async for record in consume(settings, [T.EVENTS, *T.TERMINAL], idle_timeout=timeout):
        ledger.add(unprefixed(settings, record.topic), record)
        if progress is not None:
            progress(ledger)
        if ledger.accounted(ids) and len(ledger.dlq_without_id) >= len(lines) - len(ids):
            # events are produced before their processed record, but on other partitions: drain a moment
            async for rec in consume(settings, [T.EVENTS], idle_timeout=1.0):
                ledger.add(T.EVENTS, rec)
            break
        if time.monotonic() > deadline:
            raise TimeoutError(f"only {len(ledger.terminal)}/{len(ids)} articles accounted for")
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
        ledger = asyncio.run(run_via_kafka(lines, settings))
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
