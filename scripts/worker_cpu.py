"""One worker alone on its own embedded broker: CPU per article per thread over a burst, and idle CPU.

Measurement script (issue 12), not part of the test suite. For each value of STREAMS_BATCH_WITHIN
given (alternate them: `0.05 0.01 0.05 0.01`), a fresh worker on fresh topics gets N bench
articles published at once; reported: the worker's CPU ms per article (user + system, psutil)
from the first send to the last terminal record, split by thread (main = event loop and
stages, the other = Faust's aiokafka consumer thread), the number of `take_events` batches per
stage (`diplo_batch_size_count`), then the worker's idle CPU (% of a core) over `--idle` seconds.

    .venv/bin/python scripts/worker_cpu.py 0.05 0.01 0.05 0.01
"""
from __future__ import annotations

import argparse
import asyncio
import os
import re
import sys
import time

import orjson
import psutil

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from streams import topics as T  # noqa: E402
from streams.benchmarks.bench import _collect, _cpu_seconds, _send_all  # noqa: E402
from streams.benchmarks.benchgen import ArticleGenerator  # noqa: E402
from streams.broker import EmbeddedBroker  # noqa: E402
from streams.runner import WorkerProcess  # noqa: E402
from streams.settings import Settings  # noqa: E402
from streams.topics import ensure_topics_sync  # noqa: E402


def _threads(pid: int) -> dict[int, float]:
    return {t.id: t.user_time + t.system_time for t in psutil.Process(pid).threads()}


def one(broker: EmbeddedBroker, within: str, lines: list[bytes], ids: list[str], idle_s: float) -> dict:
    tag = f"cpu{time.time_ns() % 10**8}"
    s = Settings.from_env(broker=broker.url, app_id=f"diplo-{tag}", topic_prefix=f"{tag}.")
    ensure_topics_sync(s)
    w = WorkerProcess(broker.url, app_id=s.app_id, env={"STREAMS_TOPIC_PREFIX": s.topic_prefix,
                                                        "STREAMS_BATCH_WITHIN": within, "STREAMS_LOG_LEVEL": "warn"})
    w.start()
    try:
        w.wait_ready(120)

        async def burst():
            collector = asyncio.create_task(_collect(s, [s.topic(t) for t in T.TERMINAL], set(ids), 300, "burst"))
            await _send_all(s, s.topic(T.RAW), lines, ids, None, {})
            return await collector

        th0, c0 = _threads(w.proc.pid), _cpu_seconds([w.proc.pid])
        asyncio.run(burst())
        th1, c1 = _threads(w.proc.pid), _cpu_seconds([w.proc.pid])
        per_thread = sorted((round(1000 * (v - th0.get(k, 0.0)) / len(ids), 3) for k, v in th1.items()), reverse=True)
        batches = {k: int(float(v)) for k, v in re.findall(r'^diplo_batch_size_count\{stage="(\w+)"\} ([0-9.e+]+)$',
                                                           w.metrics_text(), re.M)}
        time.sleep(2)
        i0 = _cpu_seconds([w.proc.pid])
        time.sleep(idle_s)
        idle = 100 * (_cpu_seconds([w.proc.pid]) - i0) / idle_s
    finally:
        w.stop()
    return {"batch_within": float(within), "cpu_ms_per_article": round(1000 * (c1 - c0) / len(ids), 3),
            "threads_ms_per_article": [x for x in per_thread if x > 0], "batches": batches,
            "idle_cpu_pct": round(idle, 1), "load": round(os.getloadavg()[0], 2)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("within", nargs="+", help="STREAMS_BATCH_WITHIN values, run in this order")
    ap.add_argument("-n", type=int, default=2000)
    ap.add_argument("--idle", type=float, default=15.0, help="seconds of idle CPU measured after the burst")
    args = ap.parse_args()
    arts = ArticleGenerator(seed=1).generate(args.n)
    lines, ids = [orjson.dumps(a) for a in arts], [a["id"] for a in arts]
    broker = EmbeddedBroker().start()
    try:
        for within in args.within:
            print(orjson.dumps(one(broker, within, lines, ids, args.idle)).decode(), flush=True)
    finally:
        broker.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
