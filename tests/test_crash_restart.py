"""Crash and restart on a real broker: nothing lost, nothing contradictory, graceful SIGTERM.

Tansu has no transactions, so the guarantee is at-least-once plus deterministic ids: after a
SIGKILL an article may reach a terminal topic twice, but all of its terminal records must agree
(same topic, same event ids / same duplicate_of) and one event id never carries two payloads.
"""
from __future__ import annotations

import asyncio
import time

import orjson
import pytest
from aiokafka import AIOKafkaConsumer

from streams import topics as T
from streams.kafka_io import Ledger, publish, unprefixed
from streams.runner import WorkerProcess
from streams.settings import Settings

pytestmark = [pytest.mark.integration, pytest.mark.slow]

# Faust reads these from the environment: a SIGKILLed member leaves the group after 8 s, not 60 s.
FAST_GROUP = {"BROKER_SESSION_TIMEOUT": "8", "BROKER_HEARTBEAT_INTERVAL": "1", "BROKER_REBALANCE_TIMEOUT": "8"}

def generate(n: int, seed: int = 7) -> list[bytes]:
    """n benchmark articles (streams/benchmarks/benchgen.py): distinct stories, ~10 % planted duplicates."""
    from streams.benchmarks.benchgen import generate as bench_generate

    return bench_generate(n, seed=seed)


class Run:
    """One topic namespace + app id on the session broker, a ledger fed by one consumer."""

    def __init__(self, broker, tmp_path, name: str):
        from streams.topics import ensure_topics_sync

        run = f"{name}{time.time_ns() // 1_000_000}"
        self.broker = broker
        self.tmp = tmp_path
        self.settings = Settings.from_env(broker=broker.url, app_id=f"diplo-{run}", topic_prefix=f"{run}.")
        self.ledger = Ledger()
        self.workers: list[WorkerProcess] = []
        ensure_topics_sync(self.settings)

    def worker(self, env: dict | None = None) -> WorkerProcess:
        """A started worker in this run's namespace; `env` replaces the fast-group test settings
        ({} for the worker's defaults)."""
        w = WorkerProcess(self.broker.url, app_id=self.settings.app_id,
                          log_path=str(self.tmp / f"worker{len(self.workers)}.log"),
                          env={"STREAMS_TOPIC_PREFIX": self.settings.topic_prefix,
                               **(FAST_GROUP if env is None else env)})
        self.workers.append(w)
        return w.start()

    async def publish_until_busy(self, lines: list[bytes], ids: list[str], timeout: float) -> int:
        """Publish with the ledger already reading, and return once a tenth is terminal (no drain),
        so that what comes next lands while the worker is busy, even on a fast host."""
        from streams.kafka_io import publish

        await self.follow(lambda led: True, timeout=60, drain=0)
        await publish(self.settings, lines)
        await self.follow(lambda led: len(led.terminal) >= len(ids) // 10, timeout=timeout, drain=0)
        n = len(self.ledger.terminal)
        assert n < len(ids), "every article was done before the fault: nothing tested"
        return n

    def log(self, i: int) -> str:
        return (self.tmp / f"worker{i}.log").read_text(errors="replace")

    async def follow(self, until, timeout: float, on_progress=None, drain: float = 2.0) -> None:
        """Consume terminal topics + events into the ledger until `until(ledger)` holds, then drain
        `drain` seconds (0: return at once, to act while the worker is still busy)."""
        s = self.settings
        if not hasattr(self, "_consumer"):
            self._consumer = AIOKafkaConsumer(*[s.topic(t) for t in (T.EVENTS, *T.TERMINAL)],
                                              bootstrap_servers=s.bootstrap_servers, auto_offset_reset="earliest",
                                              enable_auto_commit=False, metadata_max_age_ms=2000)
            await self._consumer.start()
        deadline = time.monotonic() + timeout
        done_at = None
        while True:
            batch = await self._consumer.getmany(timeout_ms=200, max_records=2000)
            for records in batch.values():
                for r in records:
                    self.ledger.add(unprefixed(s, r.topic), r)
            if on_progress is not None:
                on_progress(self.ledger)
            if done_at is None and until(self.ledger):
                done_at = time.monotonic()
            if done_at is not None and time.monotonic() - done_at >= drain:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"{len(self.ledger.terminal)} ids accounted for; "
                                   f"dead letters without an id: {len(self.ledger.dlq_without_id)}; "
                                   f"announced events not read: {len(self.ledger.missing_events())}")

    async def close(self) -> None:
        if hasattr(self, "_consumer"):
            await self._consumer.stop()


def _signature(topic: str, value: dict) -> tuple:
    if topic == T.PROCESSED:
        return topic, value["status"], tuple(sorted(value["event_ids"]))
    if topic == T.DUPLICATES:
        return topic, value["duplicate_of"], value["kind"]
    return topic, value["stage"], value["reason"]


def check_consistency(ledger: Ledger, ids: list[str]) -> dict:
    lost = [i for i in ids if i not in ledger.terminal]
    assert not lost, f"{len(lost)} lost, e.g. {lost[:5]}"
    conflicting = {i: [_signature(t, v) for t, v in ledger.terminal[i]] for i in ids
                   if len({_signature(t, v) for t, v in ledger.terminal[i]}) > 1}
    assert not conflicting, f"{len(conflicting)} ids with disagreeing terminal records, e.g. {list(conflicting.items())[:3]}"
    two_payloads = [e for e, p in ledger.event_payloads.items() if len(p) > 1]
    assert not two_payloads, f"event ids with two payloads: {two_payloads[:5]}"
    for ends in ledger.terminal.values():
        for topic, value in ends:
            if topic == T.PROCESSED:
                assert all(e in ledger.events for e in value["event_ids"])
    redelivered = sum(1 for i in ids if len(ledger.terminal[i]) > 1)
    ends = [ledger.terminal[i][0][0] for i in ids]
    return {"articles": len(ids), "lost": 0, "conflicting": 0, "redelivered": redelivered,
            "processed": ends.count(T.PROCESSED), "duplicates": ends.count(T.DUPLICATES),
            "dlq": ends.count(T.DLQ), "events": len(ledger.events)}


def test_sigkill_mid_stream_loses_nothing_and_redelivery_is_idempotent(broker, tmp_path):
    lines = generate(2400)
    ids = [orjson.loads(x)["id"] for x in lines]
    run = Run(broker, tmp_path, "crash")
    first = run.worker()
    killed_at = {}

    def kill_at_a_third(ledger):
        if not killed_at and len(ledger.terminal) >= len(ids) // 3:
            killed_at["n"] = len(ledger.terminal)
            first.kill()
            run.worker()                     # same app id: takes over the group and the dedup table

    async def scenario():
        try:
            first.wait_ready()
            await publish(run.settings, lines)
            await run.follow(lambda lg: all(i in lg.terminal for i in ids) and not lg.missing_events(), timeout=150,
                             on_progress=kill_at_a_third)
            before = {i: list(run.ledger.terminal[i]) for i in ids}
            events_before = set(run.ledger.events)
            # redelivery: publish 60 already-processed articles again, same id and bytes
            again = [line for line, i in zip(lines, ids) if before[i][0][0] == T.PROCESSED][:60]
            again_ids = [orjson.loads(x)["id"] for x in again]
            await publish(run.settings, again)
            await run.follow(lambda lg: all(len(lg.terminal[i]) > len(before[i]) for i in again_ids)
                             and not lg.missing_events(), timeout=60)
            return events_before, again_ids
        finally:
            await run.close()

    try:
        events_before, again_ids = asyncio.run(scenario())
        second = run.workers[1]
        assert second.proc.poll() is None, run.log(1)[-3000:]
        code = second.stop()
    finally:
        for w in run.workers:
            w.kill()
    assert killed_at, "the worker finished before it could be killed"
    assert code == 0, run.log(1)[-3000:]
    assert "Crashed" not in run.log(0) + run.log(1)
    stats = check_consistency(run.ledger, ids)
    assert set(run.ledger.events) == events_before, "re-publishing processed articles created new event ids"
    for i in again_ids:
        assert run.ledger.terminal[i][-1][0] == T.PROCESSED    # a redelivery is not a duplicate of itself
    stats.update(killed_after=killed_at["n"], republished=len(again_ids))
    print("\ncrash-restart:", stats)
    assert stats["processed"] > 500 and stats["events"] > 100 and stats["duplicates"] > 50


def test_sigterm_mid_stream_exits_zero_and_loses_nothing(broker, tmp_path):
    lines = generate(1200, seed=11)
    ids = [orjson.loads(x)["id"] for x in lines]
    run = Run(broker, tmp_path, "term")
    first = run.worker()
    stopped = {}

    def stop_at_a_quarter(ledger):
        if not stopped and len(ledger.terminal) >= len(ids) // 4:
            stopped["code"] = first.stop(timeout=60)
            stopped["n"] = len(ledger.terminal)
            run.worker()

    async def scenario():
        try:
            first.wait_ready()
            await publish(run.settings, lines)
            await run.follow(lambda lg: all(i in lg.terminal for i in ids) and not lg.missing_events(), timeout=150,
                             on_progress=stop_at_a_quarter)
        finally:
            await run.close()

    try:
        asyncio.run(scenario())
        code2 = run.workers[1].stop()
    finally:
        for w in run.workers:
            w.kill()
    assert stopped, "the worker finished before it could be stopped"
    assert stopped["code"] == 0, run.log(0)[-3000:]
    assert code2 == 0, run.log(1)[-3000:]
    stats = check_consistency(run.ledger, ids)
    print("\nsigterm-restart:", {**stats, "stopped_after": stopped["n"]})


def test_readiness_follows_the_worker_state(broker, tmp_path):
    """/readyz is 503 until the worker consumes (starting, rebalancing, recovering, restoring), then 200; /livez is 200 once up."""
    run = Run(broker, tmp_path, "ready")
    w = run.worker()
    seen = []
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                status, body = w.get("/readyz", timeout=1.0)
            except OSError:
                time.sleep(0.05)
                continue
            seen.append((status, orjson.loads(body).get("state")))
            if status == 200:
                break
            time.sleep(0.05)
        live, _ = w.get("/livez")
        # a second member joins the group: the first one rebalances and must not claim readiness meanwhile
        w2 = run.worker()
        during = []
        t_end = time.monotonic() + 30
        while time.monotonic() < t_end:
            status, body = w.get("/readyz", timeout=2.0)
            during.append((status, orjson.loads(body).get("state")))
            if status == 200 and len(during) > 5 and any(s == 503 for s, _ in during):
                break
            time.sleep(0.02)
        w2.wait_ready()
    finally:
        for x in run.workers:
            x.stop()
    print("\nreadyz while starting:", seen[:3], "... while a second member joins:", during[:3], "...", during[-2:])
    assert seen and seen[-1] == (200, "consuming"), seen
    assert any(s == 503 for s, _ in seen), f"never reported not-ready while starting: {seen[:5]}"
    not_ready = {"starting", "joining", "warming up", "rebalancing", "recovering", "restoring dedup window",
                 "broker unreachable"}
    assert all(state in not_ready for s, state in seen + during if s == 503), seen + during
    assert live == 200
    assert any(s == 503 for s, state in during), during[:10]
    assert during[-1][0] == 200, during[-5:]
