"""A fresh worker's start: the waits Faust and the broker add are the short ones we set.

Real embedded Tansu broker, real `streams worker` subprocess at info log level. One article is
published before the worker starts; it must come out, so nothing is only "ready" on paper. The
worker's own log then shows the two waits this issue cut (docs/benchmarks.md, "start"): the group
join, which Tansu holds for half the session timeout (5 s at the old 10 s, 3 s at 6 s), and
Faust's table manager's fixed 1 s sleep before the tables register (gone).
"""
from __future__ import annotations

import asyncio
import re
import time
from datetime import datetime

import orjson
import pytest

from streams import topics as T
from streams.runner import WorkerProcess
from streams.settings import Settings

pytestmark = [pytest.mark.integration]

ARTICLE = {"id": "start-1", "url": "https://example.org/start-1",
           "text": "The prime minister of Portugal received the president of Ghana in Lisbon on Tuesday for talks "
                   "on trade and ports, an example sentence written for this test."}


def _at(log: str, marker: str) -> float:
    for line in log.splitlines():
        if marker in line:
            m = re.match(r"\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3})\]", line)
            if m:
                return datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S,%f").timestamp()
    raise AssertionError(f"{marker!r} not in the worker log")


def test_fresh_worker_joins_fast_and_takes_an_article_published_before_it(broker, tmp_path):
    from streams.benchmarks.bench import _collect, _send_all
    from streams.topics import ensure_topics_sync

    run = f"start{time.time_ns() // 1_000_000}"
    settings = Settings.from_env(broker=broker.url, app_id=f"diplo-{run}", topic_prefix=f"{run}.")
    ensure_topics_sync(settings)
    asyncio.run(_send_all(settings, settings.topic(T.RAW), [orjson.dumps(ARTICLE)], [ARTICLE["id"]], None, {}))
    log_path = tmp_path / "worker.log"
    worker = WorkerProcess(broker.url, app_id=settings.app_id, log_path=str(log_path),
                           env={"STREAMS_TOPIC_PREFIX": settings.topic_prefix, "STREAMS_LOG_LEVEL": "info"})
    worker.start()
    try:
        worker.wait_ready(60)
        done = asyncio.run(_collect(settings, [settings.topic(t) for t in T.TERMINAL], {ARTICLE["id"]}, 60, "start"))
        assert ARTICLE["id"] in done
        assert worker.get("/readyz")[0] == 200
    finally:
        worker.stop()
    log = log_path.read_text(errors="replace")
    join = _at(log, "Joined group") - _at(log, "(Re-)joining group")
    assert join < 4.5, f"group join took {join:.1f} s (Tansu holds it for half the session timeout)"
    tables = _at(log, "Table: article-events]: Starting") - _at(log, "Waiting for tables to be registered")
    assert tables < 0.5, f"{tables:.2f} s between waiting for tables and starting the table"
    assert _at(log, "warm-up (models") >= _at(log, "Joined group")   # logged once ready, after the join
