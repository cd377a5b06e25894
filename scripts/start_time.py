"""Cold start of a worker: seconds from `Popen` to `/readyz` 200 and to its first article out.

Measurement script (issue 12, item 3: "a worker ready in <= 5 s"), not part of the test suite.
Per run, on one embedded Tansu broker (memory storage, same host), with a fresh app id and
topic prefix: the topics are created, ONE article is published to articles.raw, and only then
the worker is started. Reported per run: `ready_s` (Popen -> first /readyz 200) and
`first_article_s` (Popen -> that article's terminal record timestamp), so nothing done lazily
after /readyz (a model, a lexicon) hides from the figure. The worker logs at info; the phases
(group join, assignment, warm-up) are read from its log. Prints one JSON line per run, then
medians; load averages with each run.

    .venv/bin/python scripts/start_time.py --runs 5
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
from streams.broker import EmbeddedBroker  # noqa: E402
from streams.settings import Settings  # noqa: E402
from streams.topics import ensure_topics_sync  # noqa: E402

PROBE = {"id": "start-probe", "url": "https://example.org/start-probe", "title": "A start probe",
         "text": "The foreign minister of Norway met the foreign minister of Chile in Oslo on Monday to talk "
                 "about fishing rights, a sentence written for the start timer."}


def _stamp(line: str) -> float | None:
    m = re.match(r"\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),(\d+)\]", line)
    if not m:
        return None
    return time.mktime(time.strptime(m.group(1), "%Y-%m-%d %H:%M:%S")) + int(m.group(2)) / 1000


def phases(path: str, t0_wall: float) -> dict:
    """Seconds after Popen at which the worker logged each phase (info log)."""
    marks = {"app_starting": "[^Worker]: Starting...", "join_start": "(Re-)joining group",
             "joined": "Joined group", "assigned": "Assigned:", "warm_up_done": "warm-up (models"}
    out: dict = {}
    with open(path, errors="replace") as f:
        for line in f:
            for k, m in marks.items():
                if k not in out and m in line:
                    t = _stamp(line)
                    if t is not None:
                        out[k] = round(t - t0_wall, 2)
    return out


def one_run(broker: EmbeddedBroker, run_no: int, log_dir: str, env: dict) -> dict:
    tag = f"st{run_no}x{int(time.time()) % 100000}"
    settings = Settings.from_env(broker=broker.url, app_id=f"diplo-{tag}", topic_prefix=f"{tag}.")
    ensure_topics_sync(settings)
    out: dict = {"run": run_no, "load_start": round(os.getloadavg()[0], 2)}
    asyncio.run(_send_all(settings, settings.topic(T.RAW), [orjson.dumps(PROBE)], [PROBE["id"]], None, {}))
    worker = _worker(broker.url, settings, log_dir, tag, {**env, "STREAMS_LOG_LEVEL": "info"})
    terminal = [settings.topic(t) for t in T.TERMINAL]
    try:
        t0_wall = time.time()
        t0 = time.monotonic()
        worker.start()

        async def first():
            return await _collect(settings, terminal, {PROBE["id"]}, 120, "start")

        async def both():
            task = asyncio.create_task(first())
            await asyncio.get_running_loop().run_in_executor(None, worker.wait_ready, 120)
            ready = time.monotonic() - t0
            return ready, await task

        ready, done = asyncio.run(both())
        out["ready_s"] = round(ready, 2)
        out["first_article_s"] = round(done[PROBE["id"]] / 1000 - t0_wall, 2)
    finally:
        worker.stop()
    out.update(phases(worker.log_path, t0_wall))
    out["load_end"] = round(os.getloadavg()[0], 2)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    log_dir = tempfile.mkdtemp(prefix="diplo-start-")
    env = {k: v for k, v in os.environ.items() if k.startswith("STREAMS_") or k in ("F_LOOP",)}
    broker = EmbeddedBroker(log_path=os.path.join(log_dir, "broker.log")).start()
    runs = []
    try:
        for k in range(args.runs):
            r = one_run(broker, k + 1, log_dir, env)
            print(json.dumps(r), flush=True)
            runs.append(r)
    finally:
        broker.stop()
    summary = {key: round(statistics.median([r[key] for r in runs if key in r]), 2)
               for key in runs[0] if key != "run"}
    print(json.dumps({"median": summary, "runs": len(runs), "log_dir": log_dir}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
