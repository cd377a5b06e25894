"""The worker's HTTP port serves /metrics, /livez and /readyz only (streams/web.py).

Asked over HTTP of a real worker on the real embedded broker: Faust's own pages (`/router/`,
`/table/...` with dedup fingerprints and URLs, `/`, `/stats/`...) must answer 404.
"""
from __future__ import annotations

import time
import urllib.request

import pytest

from streams.runner import WorkerProcess
from streams.settings import Settings

pytestmark = [pytest.mark.integration]

FAUST_PAGES = ["/", "/router/", "/router/topics", "/router/dedup-index/", "/table/", "/table/dedup-index/",
               "/table/dedup-index/some-article/", "/graph/", "/stats/", "/assignment/", "/performance/",
               "/metrics/", "/livez/extra", "/no-such-page", "/static/"]


@pytest.fixture(scope="module")
def worker(broker, tmp_path_factory):
    from streams.topics import ensure_topics_sync

    run = f"web{time.time_ns() // 1_000_000}"
    settings = Settings.from_env(broker=broker.url, app_id=f"diplo-{run}", topic_prefix=f"{run}.")
    ensure_topics_sync(settings)
    w = WorkerProcess(broker.url, app_id=settings.app_id,
                      log_path=str(tmp_path_factory.mktemp("web") / "worker.log"),
                      env={"STREAMS_TOPIC_PREFIX": settings.topic_prefix})
    w.start()
    try:
        w.wait_ready()
        yield w
    finally:
        w.stop()


def _request(w: WorkerProcess, path: str, method: str = "GET") -> int:
    req = urllib.request.Request(w.base_url + path, method=method, data=b"{}" if method == "POST" else None)
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def test_health_and_metrics_are_served(worker):
    assert worker.get("/livez")[0] == 200
    assert worker.get("/readyz")[0] == 200
    status, body = worker.get("/metrics")
    assert status == 200 and b"diplo_articles_total" in body


@pytest.mark.parametrize("path", FAUST_PAGES)
def test_everything_else_is_404(worker, path):
    assert _request(worker, path) == 404
    assert _request(worker, path, "POST") == 404
