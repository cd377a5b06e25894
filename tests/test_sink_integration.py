"""`streams sink` against the real embedded Tansu broker: tables, DLQ, redelivery, kill -9.

The expected tables are computed here independently of the sink's own batching: the
records are applied one by one to plain dicts (the last word per mention key wins, a
tombstone removes that mention, an event is its representative mention).
"""
from __future__ import annotations

import asyncio
import datetime
import os
import random
import subprocess
import sys
import time

import duckdb
import orjson
import pytest

from streams import contract
from streams.settings import Settings
from streams.sink.cli import publish_records
from streams.sink.run import run_sink
from streams.sink.synth import event as synth_event
from streams.sink.synth import traffic
from streams.topics import ensure_topics

pytestmark = pytest.mark.integration

def _huge_offset_event() -> bytes:
    """Valid for the mapper, refused by DuckDB (evidence offset beyond INTEGER): store_rejected."""
    ev = synth_event(random.Random(3), "huge-offset", datetime.date(2026, 5, 1), 10)
    ev["event_id"] = "e" * 32
    ev["evidence"]["start"] = 2 ** 40
    return orjson.dumps(ev)


BAD = [
    ("events.diplomatic", b"e" * 32, _huge_offset_event()),
    ("events.diplomatic", b"k1", b'{"event_id": "truncated'),
    ("events.diplomatic", b"k2", b'["not", "an", "event"]'),
    ("events.diplomatic", b"", None),
    ("articles.processed", b"a", b'{"language": "en"}'),
]


def expected_tables(recs):
    """Records applied one by one: last word per mention key, a tombstone removes its mention, and
    each event's row is its representative mention (streams/contract.py's merge rule)."""
    live, articles = {}, {}
    for topic, key, value in recs:
        if topic == "events.diplomatic":
            _apply(live, key, value)
        else:
            p = orjson.loads(value)
            articles[p["article_id"]] = (p["status"], len(p["event_ids"]))
    events = {eid: (ev["type"], ev["status"], ev["article"]["id"]) for eid, ev in contract.events_of(live).items()}
    mentions = {k: (ev["evidence"]["start"], ev["confidence"]) for k, ev in live.items()}
    return events, mentions, articles


def _apply(live, key, value):
    event_id, article_id = contract.split_key(key)
    if value is None:
        live.pop((event_id, article_id), None)
    else:
        ev = orjson.loads(value)
        live[(ev["event_id"], ev["article"]["id"])] = ev


def db_tables(path):
    con = duckdb.connect(path, read_only=True)
    try:
        events = {r[0]: tuple(r[1:]) for r in con.execute("SELECT event_id, type, status, article_id FROM events").fetchall()}
        mentions = {(r[0], r[1]): (r[2], r[3]) for r in con.execute(
            "SELECT event_id, article_id, evidence_start, confidence FROM mentions").fetchall()}
        articles = {r[0]: (r[1], r[2]) for r in con.execute("SELECT article_id, status, n_events FROM articles").fetchall()}
    finally:
        con.close()
    return events, mentions, articles


async def dlq_records(settings, n, timeout=20.0):
    from aiokafka import AIOKafkaConsumer

    consumer = AIOKafkaConsumer(settings.topic("articles.dlq"), bootstrap_servers=settings.bootstrap_servers,
                                auto_offset_reset="earliest", group_id=None)
    await consumer.start()
    out = []
    try:
        deadline = time.monotonic() + timeout
        while len(out) < n and time.monotonic() < deadline:
            for recs in (await consumer.getmany(timeout_ms=200)).values():
                out.extend(recs)
    finally:
        await consumer.stop()
    return out


def test_sink_keeps_tables_current_and_dead_letters_bad_records(broker, tmp_path):
    settings = Settings.from_env(broker=broker.url, topic_prefix="sink1.")
    good = list(traffic(400, seed=5, tombstone_share=0.05))
    recs = good[:150] + BAD + good[150:]
    db = str(tmp_path / "events.duckdb")

    async def go():
        await ensure_topics(settings)
        await publish_records(settings, recs)
        return await run_sink(settings, db, idle_timeout=2.0)

    stats = asyncio.run(go())
    assert stats.dead_letters == len(BAD)
    assert stats.records == len(recs)
    expected = expected_tables(good)
    assert any(v is None for _, _, v in good)            # the traffic does retract events
    assert db_tables(db) == expected
    dead = asyncio.run(dlq_records(settings, len(BAD)))
    reasons = sorted(dict(r.headers)["__dlq.errors.reason"].decode() for r in dead)
    assert reasons == sorted(["store_rejected", "invalid_json", "not_an_object", "tombstone_without_key", "bad_article_id"])
    assert {dict(r.headers)["__dlq.errors.stage"] for r in dead} == {b"sink"}
    assert {r.value for r in dead if r.value} == {v for _, _, v in BAD if v}

    # A restart resumes from the stored offsets: nothing is read again.
    again = asyncio.run(run_sink(settings, db, idle_timeout=1.5))
    assert again.records == 0
    # Redelivery of everything (offsets lost) changes nothing: upserts by key.
    con = duckdb.connect(db)
    con.execute("DELETE FROM sink_offsets")
    con.close()
    replay = asyncio.run(run_sink(settings, db, group="another-group", idle_timeout=1.5))
    assert replay.records == len(recs)
    assert db_tables(db) == expected


def _sink_proc(broker, prefix, db, log):
    env = {**os.environ, "STREAMS_TOPIC_PREFIX": prefix}
    return subprocess.Popen([sys.executable, "-m", "streams", "sink", "--to", db, "--broker", broker.bootstrap,
                             "--idle-timeout", "3", "--batch", "500", "-v"], env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)


@pytest.mark.slow
def test_kill_9_midway_then_restart_equals_uninterrupted_run(broker, tmp_path):
    prefix = "sink2."
    settings = Settings.from_env(broker=broker.url, topic_prefix=prefix)
    recs = list(traffic(10_000, seed=11))

    async def setup():
        await ensure_topics(settings)
        await publish_records(settings, recs)

    asyncio.run(setup())
    whole = str(tmp_path / "whole.duckdb")
    asyncio.run(run_sink(settings, whole, group="whole", idle_timeout=2.0))

    crashed = str(tmp_path / "crashed.duckdb")
    log = open(tmp_path / "sink.log", "ab")
    proc = _sink_proc(broker, prefix, crashed, log)
    # kill -9 once a random number of batches has committed (the sink prints one line per batch)
    target = random.Random().randint(1, 20)            # of ~30 batches of at most 500 records
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if (tmp_path / "sink.log").read_text().count("sink: committed") >= target:
            break
        time.sleep(0.01)
    assert proc.poll() is None, "the sink finished before it could be killed"
    os.kill(proc.pid, 9)
    proc.wait(10)
    partial = db_tables(crashed)
    assert 0 < sum(map(len, partial)) < sum(map(len, db_tables(whole)))      # killed midway
    proc = _sink_proc(broker, prefix, crashed, log)
    assert proc.wait(90) == 0
    assert db_tables(crashed) == db_tables(whole) == expected_tables(recs)


def test_sigterm_stops_the_sink_cleanly(broker, tmp_path):
    prefix = "sink3."
    settings = Settings.from_env(broker=broker.url, topic_prefix=prefix)

    async def setup():
        await ensure_topics(settings)
        await publish_records(settings, list(traffic(200, seed=13)))

    asyncio.run(setup())
    db = str(tmp_path / "events.duckdb")
    log_path = tmp_path / "sink.log"
    with open(log_path, "ab") as log:
        proc = subprocess.Popen([sys.executable, "-m", "streams", "sink", "--to", db, "--broker", broker.bootstrap,
                                 "-v"], env={**os.environ, "STREAMS_TOPIC_PREFIX": prefix}, stdout=log,
                                stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and "sink: committed" not in log_path.read_text():
            time.sleep(0.05)
        proc.terminate()
        assert proc.wait(15) == 0
    assert "sink stopped:" in log_path.read_text()
    assert db_tables(db) == expected_tables(list(traffic(200, seed=13)))
