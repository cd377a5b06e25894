"""`streams sink` and `streams sink --bench` (registered on the main parser by `add_parser`)."""
from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import tempfile


def add_parser(sub) -> None:
    from ..cli import _examples

    s = sub.add_parser("sink", help="keep DuckDB tables (events, mentions, articles) current from the topics",
                       **_examples("streams sink --to events.duckdb                  # runs until Ctrl-C",
                                   "streams sink --bench 10000 --json                # events/s into a fresh DuckDB"))
    s.add_argument("--to", default="events.duckdb",
                   help="DuckDB file (default: events.duckdb) or postgresql://user@host/db")
    s.add_argument("--broker", help="host:port (default: KAFKA_BROKER)")
    s.add_argument("--group", default=None, help="consumer group (default: <STREAMS_APP_ID>-sink)")
    s.add_argument("--idle-timeout", type=float, default=None, help="stop after N idle seconds")
    s.add_argument("--batch", type=int, default=2000, help="at most N records per DuckDB transaction")
    s.add_argument("-v", "--verbose", action="store_true", help="a line on stderr per committed batch")
    s.add_argument("--bench", type=int, default=0, metavar="N",
                   help="measure: N synthetic events on an embedded broker into a fresh DuckDB file")
    s.add_argument("--json", action="store_true", help="with --bench: print the result as JSON")
    s.set_defaults(func=cmd_sink)


def cmd_sink(args) -> int:
    if args.bench:
        pg = args.to if args.to.startswith(("postgresql://", "postgres://")) else None
        return bench(args.bench, as_json=args.json, batch=args.batch, target=pg)
    if "://" in args.to and not args.to.startswith(("duckdb://", "postgresql://", "postgres://")):
        print(f"streams sink: --to takes a DuckDB file or a postgresql:// URL, not {args.to.split('://')[0]}://",
              file=sys.stderr)
        return 2
    from ..cli import _settings
    from ..topics import ensure_topics_sync
    from .run import run_sink

    settings = _settings(args)
    ensure_topics_sync(settings)
    path = args.to

    async def main():
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        return await run_sink(settings, path, group=args.group, idle_timeout=args.idle_timeout, stop=stop,
                              max_records=args.batch, on_batch=_progress if args.verbose else None)

    print(f"sink: {settings.bootstrap_servers} -> {_redacted(path)}", file=sys.stderr)
    stats = asyncio.run(main())
    print(f"sink stopped: {stats.records} records, {stats.dead_letters} dead letters, {stats.batches} batches",
          file=sys.stderr)
    return 0


def _redacted(target: str) -> str:
    """A database URL without its password, for logs."""
    from urllib.parse import urlsplit

    parts = urlsplit(target)
    if parts.password:
        return target.replace(f":{parts.password}@", ":***@", 1)
    return target


def _progress(stats) -> None:
    print(f"sink: committed {stats.records} records ({stats.dead_letters} dead letters)", file=sys.stderr,
          flush=True)


def bench(n_events: int, as_json: bool = False, seed: int = 1, batch: int = 2000, target: str | None = None) -> int:
    """Publish N synthetic events (+ their articles.processed) first, then time the sink alone.

    Into a fresh DuckDB file, or into `target` (a postgresql:// URL of an empty database).
    """
    from ..broker import EmbeddedBroker
    from ..settings import Settings
    from ..topics import ensure_topics
    from .run import run_sink
    from .store import open_store
    from .synth import traffic

    workdir = tempfile.mkdtemp(prefix="diplo-sink-bench-")
    db = target or os.path.join(workdir, "bench.duckdb")
    with EmbeddedBroker(log_path=os.path.join(workdir, "broker.log")) as broker:
        settings = Settings.from_env(broker=broker.url, topic_prefix="bench.")
        recs = list(traffic(n_events, seed=seed))

        async def go():
            await ensure_topics(settings)
            await publish_records(settings, recs)
            return await run_sink(settings, db, idle_timeout=2.0, max_records=batch)

        stats = asyncio.run(go())
    store = open_store(db)
    counts = store.counts()
    store.close()
    result = {"events_published": n_events, "records": stats.records, "seconds": round(stats.seconds, 3),
              "events_per_s": round(stats.events / stats.seconds) if stats.seconds else None,
              "records_per_s": round(stats.records / stats.seconds) if stats.seconds else None,
              "batches": stats.batches, "tables": counts, "db": _redacted(db)}
    if as_json:
        print(json.dumps(result))
    else:
        print(f"sink bench: {stats.events} events ({stats.records} records with articles.processed) "
              f"in {stats.seconds:.2f} s = {result['events_per_s']} events/s "
              f"({result['records_per_s']} records/s), {stats.batches} transactions into {result['db']}; "
              f"tables {counts}")
    return 0


async def publish_records(settings, recs, chunk: int = 1000) -> None:
    """Send (logical topic, key, value) triples in order (helper for bench and tests)."""
    from aiokafka import AIOKafkaProducer

    from ..kafka_security import client_kwargs

    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, **client_kwargs(settings),
                                acks="all", linger_ms=5,
                                enable_idempotence=False)
    await producer.start()
    try:
        futures = []
        for topic, key, value in recs:
            futures.append(await producer.send(settings.topic(topic), value, key=key))
            if len(futures) >= chunk:
                await asyncio.gather(*futures)
                futures.clear()
        await asyncio.gather(*futures)
    finally:
        await producer.stop()
