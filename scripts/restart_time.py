"""Time from worker process start to `/readyz` 200, cold and after a restart with a dedup window.

Measurement script (issue 12, item 3), not part of the test suite. One run, on one embedded
Tansu broker (memory storage, same host), with a fresh app id and topic prefix:
  1. cold: a worker on empty topics; seconds from Popen to the first `/readyz` 200;
  2. fill the dedup window with N articles, either
       --fill pipeline: publish N generated articles (streams/benchmarks/benchgen.py) and wait
                        until each reached a terminal topic (the worker writes the table), or
       --fill changelog: write N fingerprints of generated articles straight into the table's
                        changelog topic, encoded as the worker encodes them (the script checks
                        that encoding against a record the worker itself wrote in step 1b);
  3. SIGKILL the worker (a crash: no clean shutdown), start a new one with the same app id;
     seconds to `/readyz` 200 (this includes the table's changelog recovery), then one new
     article published and the seconds until it is terminal, and the window size the worker
     reports. Since issue 12's third pass the window (LSH index included) is rebuilt from its log
     before `/readyz` says ready (streams/window_log.py); before, lazily on the first batch.
Prints one JSON line per run and a summary with medians; load averages with each run.

    .venv/bin/python scripts/restart_time.py --n 10000 --runs 3 --fill pipeline
    .venv/bin/python scripts/restart_time.py --n 100000 --runs 3 --fill changelog
    STREAMS_STORE=rocksdb:// .venv/bin/python scripts/restart_time.py ...   (needs a RocksDB binding)
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import sys
import tempfile
import time

import orjson

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from streams import topics as T  # noqa: E402
from streams.benchmarks.bench import _collect, _send_all, _worker  # noqa: E402
from streams.benchmarks.benchgen import ArticleGenerator  # noqa: E402
from streams.broker import EmbeddedBroker  # noqa: E402
from streams.kafka_security import client_kwargs  # noqa: E402
from streams.settings import Settings  # noqa: E402
from streams.topics import ensure_topics_sync  # noqa: E402


def log(msg: str) -> None:
    print(f"[restart {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def load() -> float:
    return round(os.getloadavg()[0], 2)


def time_ready(worker, timeout: float = 600.0) -> float:
    t0 = time.monotonic()
    worker.start()
    worker.wait_ready(timeout)
    return round(time.monotonic() - t0, 2)


def rss_mb(pid: int) -> float:
    import psutil

    p = psutil.Process(pid)
    return round(sum(q.memory_info().rss for q in [p, *p.children(recursive=True)]) / 2**20, 1)


def window_size(worker) -> float | None:
    m = re.search(r"^diplo_dedup_index_articles (\S+)$", worker.metrics_text(), re.M)
    return float(m.group(1)) if m else None


async def _changelog(settings: Settings, app_id: str) -> tuple[str, list]:
    """The table's changelog topic and its records (read from the start)."""
    from aiokafka import AIOKafkaConsumer

    name = f"{app_id}-dedup-index-changelog"
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers, **client_kwargs(settings),
                                auto_offset_reset="earliest", enable_auto_commit=False)
    await consumer.start()
    try:
        from aiokafka import TopicPartition
        parts = consumer.partitions_for_topic(name) or {0}
        tps = [TopicPartition(name, p) for p in parts]
        consumer.assign(tps)
        end = await consumer.end_offsets(tps)
        records = []
        while sum(end.values()) > len(records):
            batch = await consumer.getmany(timeout_ms=500, max_records=5000)
            if not batch:
                break
            for recs in batch.values():
                records.extend(recs)
        return name, records
    finally:
        await consumer.stop()


async def _write_changelog(settings: Settings, topic: str, items: list[tuple[bytes, bytes]]) -> float:
    from aiokafka import AIOKafkaProducer

    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, **client_kwargs(settings),
                                acks="all", linger_ms=10, max_batch_size=524_288, max_request_size=4_194_304)
    await producer.start()
    t0 = time.monotonic()
    try:
        futs = []
        for k, v in items:
            futs.append(await producer.send(topic, key=k, value=v, partition=0))
            if len(futs) >= 2000:
                await asyncio.gather(*futs)
                futs.clear()
        await asyncio.gather(*futs)
    finally:
        await producer.stop()
    return time.monotonic() - t0


def fingerprints(articles: list[dict], encoding: str = "v2") -> list[tuple[bytes, bytes]]:
    """(key, value) as the dedup agent writes them: the str key as orjson and `Fingerprint.to_bytes()`
    (v2), or `Fingerprint.to_dict()` as orjson (v1: what the `dedup-index` table wrote before)."""
    from streams.pipeline import dedup_text, parse_raw
    from streams.text.fingerprint import fingerprint

    settings = Settings.from_env()
    out = []
    now = time.time()
    for a in articles:
        art = parse_raw(orjson.dumps(a), settings, int(now * 1000))
        fp = fingerprint(art.id, art.url, dedup_text(art), now)
        out.append((orjson.dumps(art.id), fp.to_bytes() if encoding == "v2" else orjson.dumps(fp.to_dict())))
    return out


def one_run(broker: EmbeddedBroker, articles: list[dict], probe: dict, fill: str, run_no: int,
            log_dir: str, env: dict, items: list | None = None, stop: str = "kill") -> dict:
    tag = f"rs{run_no}x{int(time.time()) % 100000}"
    settings = Settings.from_env(broker=broker.url, app_id=f"diplo-{tag}", topic_prefix=f"{tag}.")
    ensure_topics_sync(settings)
    out: dict = {"run": run_no, "n": len(articles), "fill": fill, "store": env.get("STREAMS_STORE", settings.store),
                 "load_start": load()}
    terminal = [settings.topic(t) for t in T.TERMINAL]
    raw = settings.topic(T.RAW)
    first = _worker(broker.url, settings, log_dir, f"{tag}-a", env)
    try:
        out["cold_ready_s"] = time_ready(first)
        log(f"run {run_no}: cold worker ready in {out['cold_ready_s']} s")
        head, rest = articles[:1], articles[1:]
        # 1b: one article through the worker, so its changelog record shows the encoding
        asyncio.run(_pair(settings, raw, terminal, head))
        name, recs = asyncio.run(_changelog(settings, settings.app_id))
        if not recs:
            raise RuntimeError(f"no record in {name} after one article")
        if fill == "pipeline":
            t0 = time.monotonic()
            asyncio.run(_pair(settings, raw, terminal, rest, timeout=max(600.0, len(rest) / 20)))
            out["fill_s"] = round(time.monotonic() - t0, 1)
        else:
            from streams.text.fingerprint import Fingerprint

            mine = fingerprints(head)[0]
            got = (recs[0].key, recs[0].value)
            a, b = Fingerprint.from_bytes(mine[1]), Fingerprint.from_bytes(got[1])
            if mine[0] != got[0] or mine[1][:1] != got[1][:1] or \
                    (a.article_id, a.url, a.exact, a.n, a.sig.tolist()) != (b.article_id, b.url, b.exact, b.n, b.sig.tolist()):
                raise RuntimeError(f"changelog encoding differs: {got[0]!r} {got[1][:200]!r} vs {mine[1][:200]!r}")
            out["fill_s"] = round(asyncio.run(_write_changelog(settings, name, items)), 1)
        _, recs = asyncio.run(_changelog(settings, settings.app_id))
        out["changelog_records"] = len(recs)
        out["changelog_mb"] = round(sum(len(r.value or b"") + len(r.key or b"") for r in recs) / 2**20, 1)
        out["window_before_kill"] = window_size(first)
    finally:
        first.kill() if stop == "kill" else first.stop()
    log(f"run {run_no}: filled ({out.get('changelog_records')} changelog records); worker stopped ({stop})")
    second = _worker(broker.url, settings, log_dir, f"{tag}-b", {**env, "STREAMS_LOG_LEVEL": "info"})
    try:
        out["load_restart"] = load()
        out["restart_ready_s"] = time_ready(second)
        t0 = time.monotonic()
        asyncio.run(_pair(settings, raw, terminal, [probe]))
        out["first_article_after_ready_s"] = round(time.monotonic() - t0, 2)
        out["window_after_restart"] = window_size(second)
        out["rss_after_restart_mb"] = rss_mb(second.proc.pid)
        out["load_end"] = load()
    finally:
        second.stop()
    out.update(recovery_log(second.log_path))
    return out


def recovery_log(path: str) -> dict:
    """Seconds spent in Faust's changelog recovery, from the restarted worker's info log."""
    stamps = {}
    marks = {"start": "Recovery]: Starting", "highwater": "Highwater for active", "read": "Done reading from changelog"}
    with open(path, errors="replace") as f:
        for line in f:
            for k, m in marks.items():
                if m in line and k not in stamps:
                    t = re.match(r"\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+)\]", line)
                    if t:
                        stamps[k] = time.mktime(time.strptime(t.group(1)[:19], "%Y-%m-%d %H:%M:%S")) + \
                            int(t.group(1)[20:]) / 1000
    out = {}
    if "start" in stamps and "highwater" in stamps:
        out["assign_wait_s"] = round(stamps["highwater"] - stamps["start"], 2)
    if "highwater" in stamps and "read" in stamps:
        out["changelog_read_s"] = round(stamps["read"] - stamps["highwater"], 2)
    with open(path, errors="replace") as f:
        text = f.read()
    m = re.search(r"dedup-index-changelog \| 0\s+\| (\d+)\s+\|", text)   # the Faust table (before)
    if m:
        out["recovery_highwater"] = int(m.group(1))
    m = re.search(r"dedup window: (\d+) articles from (\d+) changelog records .*: read ([\d.]+) s, "
                  r"index built ([\d.]+) s", text)                            # streams/window_log.py (after)
    if m:
        out.update(window_records=int(m.group(2)), window_read_s=float(m.group(3)), window_build_s=float(m.group(4)))
    m = re.search(r"dedup window: \d+ articles, (\d+) changelog records since the read before the assignment "
                  r"\(([\d.]+) s\)", text)                                   # read while joining, then the tail
    if m:
        out.update(window_tail_records=int(m.group(1)), window_at_assignment_s=float(m.group(2)))
    return out


async def _pair(settings, raw, terminal, arts, timeout: float = 120.0):
    ids = [a["id"] for a in arts]
    collector = asyncio.create_task(_collect(settings, terminal, set(ids), timeout, "fill"))
    await _send_all(settings, raw, [orjson.dumps(a) for a in arts], ids, None, {})
    return await collector


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--fill", choices=("pipeline", "changelog"), default="pipeline")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--encoding", choices=("v2", "v1"), default="v2",
                    help="--fill changelog: compact values (v2) or the dedup-index table's JSON (v1)")
    ap.add_argument("--stop", choices=("kill", "term"), default="kill",
                    help="end the first worker with SIGKILL (a crash) or SIGTERM (leaves the group)")
    args = ap.parse_args()
    log_dir = tempfile.mkdtemp(prefix="diplo-restart-")
    env = {k: v for k, v in os.environ.items() if k in ("STREAMS_STORE", "STREAMS_LOG_LEVEL")}
    gen = ArticleGenerator(seed=args.seed)
    articles = gen.generate(args.n + 1)
    # a probe no fill article duplicates: its own id and text
    probe = {**articles.pop(), "id": "restart-probe", "text": "A probe sentence written for the restart timer "
             "about nothing that the generator writes, so it is unique in every window."}
    log(f"{len(articles)} articles generated; logs in {log_dir}")
    items = None
    if args.fill == "changelog":
        t0 = time.monotonic()
        items = fingerprints(articles[1:], args.encoding)
        log(f"{len(items)} fingerprints in {time.monotonic() - t0:.1f} s")
    results = []
    broker = EmbeddedBroker(log_path=os.path.join(log_dir, "broker.log")).start()
    try:
        for k in range(args.runs):
            # a data dir per run (Faust's appdir is <datadir>/v1, whatever the app id), shared by
            # the run's two workers: a RocksDB store survives the restart, as on one host
            run_env = {**env, "STREAMS_DATADIR": os.path.join(log_dir, f"data{k + 1}")}
            r = one_run(broker, articles, {**probe, "id": f"restart-probe-{k}"}, args.fill, k + 1, log_dir, run_env,
                       items, args.stop)
            print(json.dumps(r), flush=True)
            results.append(r)
    finally:
        broker.stop()
    keys = ("cold_ready_s", "restart_ready_s", "first_article_after_ready_s", "fill_s")
    print(json.dumps({"median": {k: statistics.median(r[k] for r in results) for k in keys},
                      "n": args.n, "fill": args.fill, "stop": args.stop, "encoding": args.encoding,
                      "runs": len(results)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
