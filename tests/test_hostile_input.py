"""Hostile input (streams/hostile.py): every kind ends in exactly one terminal outcome with a reason.

(a) in-process, through `InProcessPipeline.run_one`: never an exception, the expected DLQ reason
    or processed status; (b) on a real broker with a real worker: every message accounted for
    exactly once, the same outcome as in-process, DLQ headers present, the worker still alive.
"""
from __future__ import annotations

import asyncio
import os
import time

import orjson
import pytest

from streams import topics as T
from streams.hostile import hostile_cases, hostile_messages
from streams.pipeline import InProcessPipeline, Outcome, article_error_id
from streams.settings import Settings

CASES = hostile_cases()

def _params():
    return [pytest.param(c, id=c.name) for c in CASES]


def _matches(expect: str, o: Outcome) -> bool:
    if expect == "terminal":
        return o.terminal in ("processed", "dlq") and bool(o.reason or o.status)
    kind, _, detail = expect.partition(":")
    if o.terminal != kind:
        return False
    if not detail:
        return True
    return (o.reason if kind == "dlq" else o.status) == detail


@pytest.fixture(scope="module")
def outcomes() -> dict[str, Outcome]:
    pipe = InProcessPipeline(Settings.from_env())
    return {c.name: pipe.run_one(c.value, received_ms=n) for n, c in enumerate(CASES)}


def test_catalogue_is_broad_and_well_formed():
    msgs = hostile_messages()
    assert len(msgs) >= 30
    assert all(isinstance(v, bytes) for _, v in msgs)
    reasons = {c.expect.split(":", 1)[1] for c in CASES if c.expect.startswith("dlq:")}
    assert {"invalid_utf8", "invalid_json", "not_an_object", "missing_id", "bad_id", "wrong_type", "empty_body",
            "field_too_large", "message_too_large", "html_too_deep", "no_text_after_cleaning"} <= reasons
    assert sum(c.expect == "processed:unsupported_language" for c in CASES) >= 3
    ids = [article_error_id(c.value) for c in CASES]
    readable = [i for i in ids if i]
    assert len(readable) == len(set(readable)), "every case needs its own article id"


@pytest.mark.parametrize("case", _params())
def test_in_process_outcome(case, outcomes):
    o = outcomes[case.name]
    assert o.terminal in ("processed", "dlq"), f"{case.name}: {o}"    # hostile cases are never duplicates
    if o.terminal == "dlq":
        assert o.reason and o.message and o.stage in ("dedup", "clean", "language", "extract")
        assert o.reason != "internal_error", f"{case.name}: a stage raised {o.message}"
    else:
        assert o.status in ("ok", "unsupported_language")
    assert _matches(case.expect, o), f"{case.name}: expected {case.expect}, got {o.terminal} {o.reason or o.status}"


def test_no_stage_ran_into_the_time_limit(outcomes):
    timed_out = [name for name, o in outcomes.items() if o.reason == "stage_timeout"]
    assert not timed_out, f"pathological input hit STREAMS_STAGE_TIMEOUT (unbounded work somewhere): {timed_out}"


def test_unsupported_scripts_are_processed_not_dead_lettered(outcomes):
    for c in CASES:
        if c.expect == "processed:unsupported_language":
            o = outcomes[c.name]
            assert o.language not in Settings.from_env().languages and o.language


# --- (b) the same catalogue through a real worker on the embedded broker ---------------------------

@pytest.mark.integration
def test_hostile_catalogue_through_a_real_worker(broker, tmp_path, outcomes):
    from streams.demo import example_lines
    from streams.evaluate import run_via_kafka
    from streams.runner import WorkerProcess
    from streams.topics import ensure_topics_sync

    run = f"hostile{time.time_ns() // 1_000_000}"
    settings = Settings.from_env(broker=broker.url, app_id=f"diplo-{run}", topic_prefix=f"{run}.")
    good = example_lines()[:6]
    lines = [c.value for c in CASES] + good
    worker = WorkerProcess(broker.url, app_id=settings.app_id, log_path=str(tmp_path / "worker.log"),
                           env={"STREAMS_TOPIC_PREFIX": settings.topic_prefix})
    ensure_topics_sync(settings)
    worker.start()
    try:
        worker.wait_ready()
        ledger = asyncio.run(run_via_kafka(lines, settings, timeout=60))
        alive = worker.proc.poll() is None
        live, _ = worker.get("/livez")
        metrics = worker.metrics_text()
    finally:
        code = worker.stop()
    log = (tmp_path / "worker.log").read_text(errors="replace")
    assert alive and live == 200, log[-3000:]
    assert code == 0, log[-3000:]
    assert "Crashed" not in log, log[-3000:]

    # exactly once each, and the same outcome as in-process
    kafka_terminal = {"processed": T.PROCESSED, "dlq": T.DLQ, "duplicate": T.DUPLICATES}
    no_id = 0
    for c in CASES:
        o = outcomes[c.name]
        if not o.article_id:
            no_id += 1
            continue
        ends = ledger.terminal.get(o.article_id, [])
        assert len(ends) == 1, f"{c.name} ({o.article_id}) ended in {[t for t, _ in ends]}"
        topic, value = ends[0]
        assert topic == kafka_terminal[o.terminal], f"{c.name}: in-process {o.terminal}, Kafka {topic}"
        if topic == T.DLQ:
            assert value["reason"] == o.reason and value["stage"] == o.stage, c.name
        elif topic == T.PROCESSED:
            assert value["status"] == o.status, c.name
    assert len(ledger.dlq_without_id) == no_id
    for line in good:
        assert len(ledger.terminal.get(article_error_id(line), [])) == 1

    # dead letters keep the original bytes and say where and why
    dead = [info for ends in ledger.terminal.values() for t, info in ends if t == T.DLQ] + ledger.dlq_without_id
    originals = {c.value for c in CASES}
    for d in dead:
        h = d["headers"]
        for name in ("topic", "partition", "offset", "stage", "reason", "exception.class.name", "exception.message"):
            assert h.get("__dlq.errors." + name), name
        if h["__dlq.errors.stage"] == "dedup":
            assert d["value"] in originals
            assert h["__dlq.errors.topic"] == settings.topic(T.RAW)
    assert 'diplo_dead_letters_total' in metrics
