"""The events.diplomatic contract on the real embedded broker, with real workers (docs/contract.md).

Tansu's memory store does not compact, so the test reads the whole topic and applies what
compaction keeps (the last record per key, a null value deleting its key): that is also what a
subscriber rebuilding its state from the topic computes. The story, in our own sentences:

1. article A reports an Egyptian minister's visit to Rome (foreground; its talks there come out as
   background), B reports another meeting and recalls that visit and those talks in passing
   (background); B is published after A (and is long enough not to be a near-duplicate of A);
2. the worker stops; a new worker (its table recovered from the changelog) gets an edited A that
   reports a phone call instead: A's own mentions of the visit and of the talks are retracted,
   B's are not;
3. `streams sink` builds its tables from the same topic.
"""
from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time

import duckdb
import orjson
import pytest

from streams import contract
from streams import topics as T
from streams.kafka_io import consume, publish, unprefixed
from streams.runner import WorkerProcess
from streams.settings import Settings
from streams.sink.run import run_sink
from streams.topics import ensure_topics_sync

pytestmark = pytest.mark.integration

PUB = "2026-03-04T10:00:00+00:00"      # a Wednesday: "on Tuesday" is 2026-03-03 in all three texts
A1 = ("The Egyptian foreign minister arrived in Rome on Tuesday for talks with his Italian counterpart. "
      "The two ministers discussed trade and migration.")
B = ("The Kenyan president held talks with the Japanese prime minister in Tokyo on Wednesday. "
     "Their conversation covered port financing, geothermal power plants and a new scholarship scheme for engineers. "
     "Officials said a joint committee would meet again before the end of the year to review loans for road building. "
     "Earlier this week, the Egyptian foreign minister visited Rome on Tuesday, where he met his Italian counterpart.")
A2 = ("The Egyptian foreign minister spoke by telephone with the Italian foreign minister on Tuesday "
      "about shipping in the Mediterranean.")


def line(article_id: str, text: str) -> bytes:
    return orjson.dumps({"id": article_id, "url": f"https://news.example/{article_id}", "source": "news.example",
                         "published_at": PUB, "text": text})


async def read_until(settings: Settings, done, timeout: float = 90.0) -> list:
    """Every record of events.diplomatic and articles.processed, from the beginning, once `done(records)`."""
    records, deadline = [], time.monotonic() + timeout
    async for r in consume(settings, [T.EVENTS, T.PROCESSED], idle_timeout=timeout):
        records.append(r)
        if done(records):
            # keep reading what is already there (other partitions) for a moment
            async for more in consume(settings, [T.EVENTS, T.PROCESSED], idle_timeout=1.5):
                if (more.topic, more.partition, more.offset) not in {(x.topic, x.partition, x.offset) for x in records}:
                    records.append(more)
            return records
        if time.monotonic() > deadline:
            break
    raise TimeoutError(f"condition not met; read {len(records)} records")


def processed(settings, records, article_id) -> list[dict]:
    return [orjson.loads(r.value) for r in records
            if unprefixed(settings, r.topic) == T.PROCESSED and r.key == article_id.encode()]


def events_records(settings, records) -> list:
    return [r for r in records if unprefixed(settings, r.topic) == T.EVENTS]


def fold(settings, records) -> dict[str, dict]:
    return contract.fold((r.key, orjson.loads(r.value) if r.value is not None else None)
                         for r in events_records(settings, records))


def by_type(state: dict[str, dict]) -> dict[str, dict]:
    out = {}
    for ev in state.values():
        if "EGY" in ev["participants"]:
            assert ev["type"] not in out
            out[ev["type"]] = ev
    return out


@pytest.fixture(scope="module")
def story(broker, tmp_path_factory):
    logs = tmp_path_factory.mktemp("contract")
    settings = Settings.from_env(broker=broker.url, app_id="diplo-contract", topic_prefix="contract.")
    ensure_topics_sync(settings)
    env = {"STREAMS_TOPIC_PREFIX": settings.topic_prefix}

    def run_worker(steps) -> tuple[list, str]:
        """Publish each (article id, text) and wait for its n-th articles.processed record; then stop.
        Returns the records read and the worker's /metrics."""
        worker = WorkerProcess(broker.url, app_id=settings.app_id, log_path=str(logs / "worker.log"), env=env)
        worker.start()
        try:
            worker.wait_ready()
            records = []
            for art, text, nth in steps:       # one at a time: B really comes after A
                asyncio.run(publish(settings, [line(art, text)]))
                records = asyncio.run(read_until(settings, lambda rs: len(processed(settings, rs, art)) >= nth))
            return records, worker.metrics_text()
        finally:
            assert worker.stop() == 0

    first, _ = run_worker([("A", A1, 1), ("B", B, 1)])
    second, metrics = run_worker([("A", A2, 2)])   # a new worker: the table comes back from its changelog
    return {"settings": settings, "first": first, "second": second, "metrics": metrics, "broker": broker}


def test_keys_name_the_mention(story):
    s = story["settings"]
    for r in events_records(s, story["second"]):
        event_id, article_id = contract.split_key(r.key)
        if r.value is not None:
            ev = orjson.loads(r.value)
            assert (event_id, article_id) == (ev["event_id"], ev["article"]["id"])


def test_a_background_mention_does_not_overwrite_the_foreground_record(story):
    s = story["settings"]
    state = by_type(fold(s, story["first"]))
    visit, meeting = state["visit"], state["meeting"]
    assert (visit["article"]["id"], visit["background"]) == ("A", False)     # B only recalls it
    assert meeting["background"] is True                                     # both have it as background
    # B's recall is published, under its own key, and later than A's report:
    keys = [r.key for r in events_records(s, story["first"])]
    recall = contract.mention_key(visit["event_id"], "B").encode()
    assert recall in keys and keys.index(recall) > keys.index(contract.mention_key(visit["event_id"], "A").encode())
    # Keyed by event id alone (the layout before 2.0) the last record would have won: the recall.
    last_by_event_id = {}
    for r in events_records(s, story["first"]):
        ev = orjson.loads(r.value)
        last_by_event_id[ev["event_id"]] = ev
    assert last_by_event_id[visit["event_id"]]["background"] is True


def test_reprocessing_retracts_only_the_article_s_own_mentions(story):
    s = story["settings"]
    old = by_type(fold(s, story["first"]))
    new_records = story["second"][len(story["first"]):]
    tombstones = {contract.split_key(r.key) for r in events_records(s, new_records) if r.value is None}
    assert tombstones == {(old["visit"]["event_id"], "A"), (old["meeting"]["event_id"], "A")}
    state = by_type(fold(s, story["second"]))
    # the visit and the talks live on through B's recall; A now reports a call
    assert (state["visit"]["article"]["id"], state["visit"]["background"]) == ("B", True)
    assert (state["meeting"]["article"]["id"], state["meeting"]["background"]) == ("B", True)
    assert state["call"]["article"]["id"] == "A"
    assert processed(s, story["second"], "A")[-1]["event_ids"] == [state["call"]["event_id"]]
    assert "diplo_events_retracted_total 2.0" in story["metrics"]


def test_subscribe_prints_tombstones_through_filters(story):
    s = story["settings"]
    env = {**os.environ, "KAFKA_BROKER": story["broker"].url, "STREAMS_TOPIC_PREFIX": s.topic_prefix}
    r = subprocess.run([sys.executable, "-m", "streams", "subscribe", "--from-beginning", "--type", "call",
                        "--idle-timeout", "3"], env=env, capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    out = [orjson.loads(x) for x in r.stdout.splitlines()]
    old = by_type(fold(s, story["first"]))
    assert [o["type"] for o in out if not o.get("_tombstone")] == ["call"]
    assert sorted((o["event_id"], o["article_id"]) for o in out if o.get("_tombstone")) == sorted(
        [(old["visit"]["event_id"], "A"), (old["meeting"]["event_id"], "A")])


def test_the_sink_builds_the_same_state(story, tmp_path):
    s = story["settings"]
    db = str(tmp_path / "events.duckdb")
    asyncio.run(run_sink(s, db, idle_timeout=2.0))
    expected = fold(s, story["second"])
    con = duckdb.connect(db, read_only=True)
    try:
        events = dict(con.execute("SELECT event_id, record FROM events").fetchall())
        mentions = set(con.execute("SELECT event_id, article_id FROM mentions").fetchall())
    finally:
        con.close()
    assert {e: orjson.loads(r) for e, r in events.items()} == expected
    live = contract.live_mentions((r.key, r.value) for r in events_records(s, story["second"]))
    assert mentions == set(live)


def test_the_article_table_is_co_partitioned_with_articles_detected(story):
    """Each article's table entry is in the changelog partition of its articles.detected partition,
    so the worker that processes an article also holds (and recovers) what it reported before."""
    from aiokafka import AIOKafkaConsumer
    from aiokafka.partitioner import murmur2

    s = story["settings"]

    async def partitions_of(topic):
        consumer = AIOKafkaConsumer(topic, bootstrap_servers=s.bootstrap_servers, auto_offset_reset="earliest",
                                    group_id=None)
        await consumer.start()
        seen, deadline = {}, time.monotonic() + 10
        try:
            while time.monotonic() < deadline and len(seen) < 2:
                for tp, recs in (await consumer.getmany(timeout_ms=300)).items():
                    seen.update({r.key: tp.partition for r in recs})
        finally:
            await consumer.stop()
        return seen

    changelog = asyncio.run(partitions_of(f"{s.app_id}-article-events-changelog"))
    detected = asyncio.run(partitions_of(s.topic(T.DETECTED)))
    assert set(changelog) == {b"A", b"B"}
    assert changelog == {k: detected[k] for k in changelog}
    # the producer's murmur2 of the raw id; a JSON-quoted key ('"A"', Faust's default for a str key)
    # lands elsewhere for both ids here (4 partitions), which is what this test would catch
    n = s.partitions
    assert changelog == {k: (murmur2(k) & 0x7FFFFFFF) % n for k in changelog}
    assert all((murmur2(b'"' + k + b'"') & 0x7FFFFFFF) % n != changelog[k] for k in changelog)
