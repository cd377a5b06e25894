"""`streams demo`: the whole product on a laptop with nothing installed but this package.

Embedded Tansu broker -> one worker subprocess (metrics on /metrics) -> the project's own
example articles (plus two malformed messages), or the user's own file (`--articles`) ->
events printed as they arrive -> summary -> the sink's DuckDB tables and the HTML report,
written beside the logs.
"""
from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
import tempfile
import time
from collections import Counter
from importlib import resources

from . import topics as T
from .broker import EmbeddedBroker, free_port
from .pipeline import article_error_id
from .runner import WorkerProcess
from .settings import Settings

MALFORMED = [b'{"id": "demo-bad-json", "text": "unterminated', b'\xff\xfe not utf-8 at all']


def example_lines() -> list[bytes]:
    data = resources.files("streams").joinpath("examples/articles.jsonl").read_bytes()
    return [line for line in data.split(b"\n") if line.strip()]


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def describe(ev: dict) -> str:
    loc = ev.get("location") or {}
    who = f"{ev['actor']} -> {ev['target']}" if ev.get("actor") else " + ".join(ev["participants"])
    where = f" @{loc.get('country')}" + (f" ({loc['place']})" if loc.get("place") else "") if loc.get("country") else ""
    when = f" on {ev['date']}" if ev.get("date") else (f" ({ev['date_phrase']})" if ev.get("date_phrase") else "")
    bg = " [background]" if ev.get("background") else ""
    return f"  {ev['type']:<11} {who}{where}{when} {ev['status']}{bg}  <- {ev['article']['id']}"


class _Stop(SystemExit):
    """SIGTERM/SIGHUP to the demo: unwind through `finally`, which stops the children."""


_requested: list[int] = []     # signals received: raising from a handler can be swallowed (a finalizer
#                                 running at that moment ignores it), so the demo also checks this list


def _stop_on_signal(signum, frame):
    _requested.append(signum)
    raise _Stop(128 + signum)


def _check_stop() -> None:
    """Re-raise a signal whose exception was swallowed where it landed."""
    if _requested:
        raise _Stop(128 + _requested[0])


def run_demo(web_port: int = 6066, keep: bool = False, out=sys.stdout, lines: list[bytes] | None = None,
             source: str | None = None) -> int:
    """The broker and worker run in their own sessions (a Ctrl-C in the terminal reaches only
    the demo, which then stops them in order). Python's default SIGTERM/SIGHUP would end the
    demo without running `finally` and leave both running, orphaned: those signals now unwind
    like Ctrl-C. A second signal during the stop is ignored (SIGKILL still works).
    `lines`: the user's articles (from `source`) instead of the examples and the malformed two."""
    log_dir = tempfile.mkdtemp(prefix="diplo-demo-")
    if lines is None:
        lines = example_lines() + MALFORMED
        what = f"{len(lines)} messages ({len(MALFORMED)} malformed on purpose)"
    else:
        what = f"{len(lines)} articles from {source or 'your file'}"
    _requested.clear()
    previous = {sig: signal.signal(sig, _stop_on_signal) for sig in (signal.SIGTERM, signal.SIGHUP)}
    broker = EmbeddedBroker(log_path=os.path.join(log_dir, "broker.log"))
    worker = None
    code = 0
    try:
        print(f"diplo-streams demo: {what}; logs in {log_dir}", file=out)
        broker.start()
        print(f"embedded Kafka-compatible broker (Tansu) on {broker.bootstrap}", file=out)
        port = web_port if _port_free(web_port) else free_port()
        settings = Settings.from_env(broker=broker.url)
        worker = WorkerProcess(broker.url, web_port=port, log_path=os.path.join(log_dir, "worker.log"))
        from .topics import ensure_topics_sync

        ensure_topics_sync(settings)
        t0 = time.monotonic()
        worker.start().wait_ready()
        print(f"worker ready in {time.monotonic() - t0:.1f}s; metrics: {worker.base_url}/metrics "
              f"(also /livez, /readyz)", file=out)
        _check_stop()
        summary = asyncio.run(_publish_and_watch(settings, lines, out))
        _check_stop()
        print("\nsummary", file=out)
        for k, v in summary.items():
            print(f"  {k:<22} {v}", file=out)
        write_tables_and_report(settings, log_dir, out)
        _check_stop()
        if keep:
            print(f"\nrunning; metrics at {worker.base_url}/metrics — Ctrl-C to stop", file=out, flush=True)
            try:
                while True:
                    _check_stop()
                    time.sleep(0.5)
            except KeyboardInterrupt:
                pass
    except _Stop as stop:
        print("\nstopping (signal)", file=out, flush=True)
        code = stop.code
    finally:
        for sig in previous:
            signal.signal(sig, signal.SIG_IGN)
        try:
            if worker is not None:
                worker.stop()
        finally:
            broker.stop()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
    return code


def write_tables_and_report(settings: Settings, out_dir: str, out) -> tuple[str, str]:
    """The analyst's end of the demo: `streams sink` into DuckDB, then `streams report`."""
    from .report import build_report
    from .sink.run import run_sink

    db = os.path.join(out_dir, "events.duckdb")
    stats = asyncio.run(run_sink(settings, db, idle_timeout=1.0))
    report = build_report(db, os.path.join(out_dir, "report"))
    print("\ntables and report", file=out)
    print(f"  DuckDB: {db} ({stats.records} records read; tables events, mentions, articles)", file=out)
    print(f"  report: {report['html']} ({report['events']} events, background mentions left out; "
          f"PNGs beside it)", file=out)
    print(f"  query:  python -c \"import duckdb; print(duckdb.connect('{db}', read_only=True)"
          f".sql('SELECT type, status, count(*) FROM events GROUP BY ALL'))\"", file=out)
    return db, report["html"]


async def _publish_and_watch(settings: Settings, lines: list[bytes], out) -> dict:
    from .kafka_io import Ledger, consume, publish, unprefixed

    ids = [i for i in (article_error_id(line) for line in lines) if i]
    no_id = len(lines) - len(ids)
    await publish(settings, lines)
    print(f"published {len(lines)} messages to {settings.topic(T.RAW)}; events as they arrive:", file=out)
    ledger, seen = Ledger(), set()
    limit = max(110.0, len(lines) / 20)   # a large file of one's own: ~20 articles/s at the very least
    t0 = time.monotonic()
    async for record in consume(settings, [T.EVENTS, *T.TERMINAL], idle_timeout=60):
        topic = unprefixed(settings, record.topic)
        ledger.add(topic, record)
        if topic == T.EVENTS:
            for event_id, ev in ledger.events.items():
                if event_id not in seen:
                    seen.add(event_id)
                    print(describe(ev), file=out, flush=True)
        if ledger.accounted(ids) and len(ledger.dlq_without_id) >= no_id and not ledger.missing_events():
            break
        if time.monotonic() - t0 > limit:
            print(f"  (stopping after {limit:.0f} s)", file=out)
            break
    ends = Counter(ends[0][0] for ends in ledger.terminal.values())
    ends[T.DLQ] += len(ledger.dlq_without_id)
    return {
        "messages published": len(lines),
        "processed": ends[T.PROCESSED],
        "duplicates": ends[T.DUPLICATES],
        "dead letters": ends[T.DLQ],
        "events": len(ledger.events),
        "events by type": dict(Counter(ev["type"] for ev in ledger.events.values())),
        "seconds": round(time.monotonic() - t0, 2),
    }
