"""Soak the SIGKILL scenario (issue 11 item 1): repeat "publish M articles, kill -9 the worker
K times at random points, restart it" N times and account for every article.

Measurement and forensics script, not part of the test suite. One embedded Tansu broker for
all runs; each run has its own app id (consumer group, table) and topic prefix. Per run it
prints one JSON line (articles, lost, redelivered, conflicting, kill points, seconds). For
every lost article it reports where its trail ends: every record keyed by its id in every
topic of the run (raw, unique, clean, detected, events, terminal, the dedup table's
changelog) with partition/offset/timestamp, the group's committed offset for the partition
that should have carried it on, the broker's end offsets next to what was really read, and
the worker log lines that mention it. Worker logs and the forensics are kept in --out.
--trace runs the workers with Faust's consumer bookkeeping logged (`traced_worker`). Exits 1
if any article was lost or has disagreeing terminal records. Findings: docs/contract.md.

    .venv/bin/python scripts/soak_kill.py --runs 10 --articles 2400
    .venv/bin/python scripts/soak_kill.py --runs 10 --articles 10000 --kills 2
    .venv/bin/python scripts/soak_kill.py --runs 10 --articles 2400 --trace --out /tmp/soak
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import sys
import time
from pathlib import Path

import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from streams import topics as T  # noqa: E402
from streams.benchmarks.benchgen import generate  # noqa: E402
from streams.broker import EmbeddedBroker  # noqa: E402
from streams.kafka_io import Ledger, publish, unprefixed  # noqa: E402
from streams.runner import WorkerProcess  # noqa: E402
from streams.settings import Settings  # noqa: E402
from streams.topics import ensure_topics  # noqa: E402

# as tests/test_crash_restart.py: a SIGKILLed member leaves the group after 8 s
FAST_GROUP = {"BROKER_SESSION_TIMEOUT": "8", "BROKER_HEARTBEAT_INTERVAL": "1", "BROKER_REBALANCE_TIMEOUT": "8"}
# the agent that consumes each internal topic, to name the hop where a trail stops
NEXT_HOP = {T.RAW: "dedup", T.UNIQUE: "clean", T.CLEAN: "language", T.DETECTED: "extract"}


def traced_worker() -> int:
    """`streams worker` with Faust's consumer bookkeeping logged (--trace): fetched vs handed-on
    offsets, seeks, gaps, flow stops, and the messages Faust drops or skips (its dev-level log)."""
    import logging

    from streams.cli import _default_event_loop

    _default_event_loop()             # uvloop, as `streams worker` (Faust reads F_LOOP at import)
    from faust.transport import consumer as fc
    from mode.utils.logging import CompositeLogger

    log = logging.getLogger("soaktrace")
    C = fc.Consumer

    def short(tp) -> str:
        return f"{tp.topic.rsplit('.', 1)[-1]}[{tp.partition}]"

    real_wait, real_getmany, real_seek, real_gap = C._wait_next_records, C.getmany, C.perform_seek, C._add_gap

    async def _wait_next_records(self, timeout):
        records, active = await real_wait(self, timeout)
        if records:
            log.warning("TRACE fetched %s", " ".join(
                f"{short(tp)}:{rs[0].offset}-{rs[-1].offset}" for tp, rs in records.items() if rs))
        return records, active

    async def getmany(self, timeout):
        seen: dict = {}
        async for tp, message in real_getmany(self, timeout):
            first, _ = seen.get(tp, (message.offset, None))
            seen[tp] = (first, message.offset)
            yield tp, message
        if seen:
            log.warning("TRACE handed %s", " ".join(f"{short(tp)}:{a}-{b}" for tp, (a, b) in seen.items()))

    async def perform_seek(self):
        log.warning("TRACE seek begins; read offsets %s",
                    {short(tp): o for tp, o in self._read_offset.items() if o is not None})
        await real_seek(self)
        log.warning("TRACE seek done; read offsets %s committed %s",
                    {short(tp): o for tp, o in self._read_offset.items() if o is not None},
                    {short(tp): o for tp, o in self._committed_offset.items() if o is not None})

    async def _add_gap(self, tp, offset_from, offset_to):
        log.warning("TRACE gap %s %s..%s (committed %s)", short(tp), offset_from, offset_to,
                    self._committed_offset[tp])
        await real_gap(self, tp, offset_from, offset_to)

    real_dev = CompositeLogger.dev

    def dev(self, message, *args, **kwargs):
        if message.startswith(("Skipping message", "DROPPED MESSAGE", "Generation id changed", "getmany called")):
            log.warning("TRACE faust: %s %r", message[:40], args[:1])
        return real_dev(self, message, *args, **kwargs)

    for name in ("stop_flow", "resume_flow", "on_buffer_full", "on_buffer_drop"):
        real = getattr(C, name)

        def wrapped(self, *a, _real=real, _name=name):
            log.warning("TRACE %s %s", _name, [short(x) for x in a if hasattr(x, "topic")])
            return _real(self, *a)
        setattr(C, name, wrapped)
    from mode.utils.queues import FlowControlEvent

    real_clear = FlowControlEvent.clear

    def queued(flow) -> list[str]:
        return [f"{short(e.message.tp)}@{e.message.offset}" for q in flow._queues for e in list(q._queue)
                if hasattr(e, "message")]

    def clear(self):
        dropped = queued(self)
        if dropped:
            log.warning("TRACE flow-control clear drops %d queued events: %s", len(dropped), " ".join(dropped[:50]))
        return real_clear(self)
    FlowControlEvent.clear = clear
    C._wait_next_records, C.getmany, C.perform_seek, C._add_gap = _wait_next_records, getmany, perform_seek, _add_gap
    CompositeLogger.dev = dev
    import streams.app  # noqa: F401  (applies streams.delivery.keep_queued_on_resume where it exists)

    app_resume = FlowControlEvent.resume

    def resume(self):
        if self.is_active():
            found = queued(self)
            if found:
                log.warning("TRACE resume while flowing finds %d queued events: %s", len(found), " ".join(found[:50]))
        return app_resume(self)
    FlowControlEvent.resume = resume
    from streams.cli import main as streams_main
    return streams_main(["worker"])


async def _read_all(settings: Settings, names: list[str], idle: float = 3.0) -> list:
    """Every record of the given (full) topic names, read until `idle` seconds bring nothing
    (not until the reported end offsets: Tansu's are wrong, see docs/contract.md)."""
    consumer = AIOKafkaConsumer(*names, bootstrap_servers=settings.bootstrap_servers,
                                auto_offset_reset="earliest", enable_auto_commit=False,
                                max_partition_fetch_bytes=8 * 1024 * 1024, fetch_max_bytes=64 * 1024 * 1024)
    await consumer.start()
    out = []
    try:
        last = time.monotonic()
        while time.monotonic() - last < idle:
            batch = await consumer.getmany(timeout_ms=300, max_records=5000)
            for records in batch.values():
                out.extend(records)
                if records:
                    last = time.monotonic()
        tps = [tp for tp in consumer.assignment()]
        ends = await consumer.end_offsets(tps)
    finally:
        await consumer.stop()
    return out, ends


async def _committed(settings: Settings, tps: list) -> dict:
    """The group's committed offsets (OffsetFetch names the partitions: Tansu cannot list them all)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers)
    await admin.start()
    try:
        offsets = await admin.list_consumer_group_offsets(settings.app_id, partitions=tps)
    finally:
        await admin.close()
    return {(tp.topic, tp.partition): om.offset for tp, om in offsets.items() if om.offset >= 0}


async def forensics(settings: Settings, lost: list[str], logs: list[Path]) -> dict:
    names = [settings.topic(t) for t in T.ALL] + [f"{settings.app_id}-dedup-index-changelog"]
    records, ends = await _read_all(settings, names)
    committed = await _committed(settings, [TopicPartition(t, p) for t, p in
                                            {(r.topic, r.partition) for r in records} | {(tp.topic, tp.partition) for tp in ends}])
    read_max: dict = {}
    count: dict = {}
    for r in records:
        k = (r.topic, r.partition)
        read_max[k] = max(read_max.get(k, -1), r.offset)
        count[k] = count.get(k, 0) + 1
    partitions = {f"{t}[{p}]": {"records": count.get((t, p), 0), "last_offset_read": read_max.get((t, p)),
                                "end_offset_reported": ends.get(TopicPartition(t, p)),
                                "committed": committed.get((t, p))}
                  for (t, p) in sorted(set(read_max) | set(committed))}
    lost_set = set(lost)
    trails: dict = {i: [] for i in lost}
    for r in records:
        key = r.key.decode("utf-8", "replace") if r.key else None
        hit = key if key in lost_set else None
        if hit is None and r.value and any(i.encode() in r.value for i in lost_set if len(i) > 6):
            hit = next(i for i in lost_set if i.encode() in r.value)
        if hit is None:
            continue
        topic = unprefixed(settings, r.topic)
        trails[hit].append({"topic": topic, "partition": r.partition, "offset": r.offset,
                            "timestamp_ms": r.timestamp, "key": key,
                            "value_head": (r.value or b"")[:120].decode("utf-8", "replace") if topic.endswith(
                                "changelog") else None})
    report = {}
    for i in lost:
        trail = sorted(trails[i], key=lambda x: x["timestamp_ms"])
        hops = [x for x in trail if x["topic"] in NEXT_HOP]
        last = hops[-1] if hops else None
        stop = None
        if last:
            c = committed.get((settings.topic(last["topic"]), last["partition"]))
            stop = {"last_internal_topic": last["topic"], "partition": last["partition"], "offset": last["offset"],
                    "consumed_by": NEXT_HOP[last["topic"]], "group_committed_offset": c,
                    "committed_past_it": c is not None and c > last["offset"]}
        lines = []
        for log in logs:
            try:
                for n, line in enumerate(log.read_text(errors="replace").splitlines()):
                    if i in line:
                        lines.append(f"{log.name}:{n + 1}: {line[:300]}")
            except OSError:
                pass
        report[i] = {"trail": trail, "stops": stop, "log_lines": lines[:20]}
    return {"lost": report, "partitions": partitions}


async def one_run(broker: EmbeddedBroker, args, n: int, outdir: Path) -> dict:
    rng = random.Random(args.seed * 1000 + n)
    tag = f"soak{n}x{time.time_ns() // 1_000_000}"
    settings = Settings.from_env(broker=broker.url, app_id=f"diplo-{tag}", topic_prefix=f"{tag}.")
    await ensure_topics(settings)
    lines = generate(args.articles, seed=args.seed * 1000 + n)
    ids = [orjson.loads(x)["id"] for x in lines]
    points = sorted(rng.uniform(args.kill_from, args.kill_to) for _ in range(args.kills))
    kill_at = [int(p * len(ids)) for p in points]
    workers: list[WorkerProcess] = []
    logs: list[Path] = []

    def start_worker() -> WorkerProcess:
        log = outdir / f"run{n}-worker{len(workers)}.log"
        logs.append(log)
        w = WorkerProcess(broker.url, app_id=settings.app_id, log_path=str(log),
                          env={"STREAMS_TOPIC_PREFIX": settings.topic_prefix, **FAST_GROUP},
                          command=[sys.executable, __file__, "--traced-worker"] if args.trace else None)
        workers.append(w)
        return w.start()

    ledger = Ledger()
    consumer = AIOKafkaConsumer(*[settings.topic(t) for t in (T.EVENTS, *T.TERMINAL)],
                                bootstrap_servers=settings.bootstrap_servers, auto_offset_reset="earliest",
                                enable_auto_commit=False, metadata_max_age_ms=2000)
    t0 = time.monotonic()
    killed = []
    result: dict = {"run": n, "articles": len(ids), "app_id": settings.app_id}
    try:
        first = start_worker()
        await asyncio.get_running_loop().run_in_executor(None, first.wait_ready)
        await consumer.start()
        pub = asyncio.create_task(publish(settings, lines))
        last_progress, seen = time.monotonic(), 0
        while True:
            batch = await consumer.getmany(timeout_ms=200, max_records=2000)
            for records in batch.values():
                for r in records:
                    ledger.add(unprefixed(settings, r.topic), r)
            done = len(ledger.terminal)
            if done != seen:
                seen, last_progress = done, time.monotonic()
            while kill_at and done >= kill_at[0]:
                kill_at.pop(0)
                workers[-1].kill()
                killed.append(done)
                start_worker()
            if not kill_at and all(i in ledger.terminal for i in ids) and not ledger.missing_events():
                break
            if time.monotonic() - last_progress > args.stall:
                break
        await pub
        result["seconds"] = round(time.monotonic() - t0, 1)
        lost = [i for i in ids if i not in ledger.terminal]
        conflicting = [i for i in ids if i in ledger.terminal and len(
            {orjson.dumps(_sig(t, v)) for t, v in ledger.terminal[i]}) > 1]
        result.update(lost=len(lost), lost_ids=lost[:20], conflicting=len(conflicting),
                      redelivered=sum(1 for i in ids if len(ledger.terminal.get(i, ())) > 1),
                      two_payloads=sum(1 for p in ledger.event_payloads.values() if len(p) > 1),
                      missing_events=len(ledger.missing_events()), killed_after=killed,
                      workers=len(workers))
        if lost or args.forensics_always:
            report = await forensics(settings, lost, logs)
            path = outdir / f"run{n}-forensics.json"
            path.write_text(json.dumps(report, indent=1, default=str))
            result["forensics"] = str(path)
    finally:
        await consumer.stop()
        for w in workers:
            w.stop(timeout=20)
    return result


def _sig(topic: str, value: dict):
    if topic == T.PROCESSED:
        return [topic, value["status"], sorted(value["event_ids"])]
    if topic == T.DUPLICATES:
        return [topic, value["duplicate_of"], value["kind"]]
    return [topic, value["stage"], value["reason"]]


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--articles", type=int, default=2400)
    p.add_argument("--kills", type=int, default=1, help="SIGKILLs per run, at random points")
    p.add_argument("--kill-from", type=float, default=0.15, help="earliest kill, as a share of terminal articles")
    p.add_argument("--kill-to", type=float, default=0.75)
    p.add_argument("--stall", type=float, default=90.0, help="give up after this many seconds without progress")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", default=None, help="directory for worker logs and forensics")
    p.add_argument("--forensics-always", action="store_true")
    p.add_argument("--trace", action="store_true", help="workers log Faust's consumer bookkeeping (see traced_worker)")
    args = p.parse_args()
    signal.signal(signal.SIGTERM, _interrupt)   # `kill PID` stops the workers and the broker too
    outdir = Path(args.out or f"/tmp/soak-kill-{int(time.time())}")
    outdir.mkdir(parents=True, exist_ok=True)
    broker = EmbeddedBroker(log_path=str(outdir / "broker.log")).start()
    results = []
    try:
        for n in range(args.runs):
            r = asyncio.run(one_run(broker, args, n, outdir))
            r["load"] = [round(x, 2) for x in os.getloadavg()]
            results.append(r)
            print(json.dumps(r), flush=True)
    finally:
        broker.stop()
    summary = {"runs": len(results), "articles_per_run": args.articles, "kills_per_run": args.kills,
               "lost_total": sum(r["lost"] for r in results),
               "runs_with_loss": sum(1 for r in results if r["lost"]),
               "conflicting_total": sum(r["conflicting"] for r in results),
               "two_payloads_total": sum(r["two_payloads"] for r in results),
               "redelivered_total": sum(r["redelivered"] for r in results),
               "seconds_total": round(sum(r["seconds"] for r in results), 1), "out": str(outdir)}
    print("summary:", json.dumps(summary), flush=True)
    return 1 if summary["lost_total"] or summary["conflicting_total"] else 0


if __name__ == "__main__":
    raise SystemExit(traced_worker() if sys.argv[1:] == ["--traced-worker"] else main())
