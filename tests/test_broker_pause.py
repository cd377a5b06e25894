"""The broker paused (SIGSTOP) for 30 s mid-stream, then resumed: a worker on its default settings
says it is not ready while the broker is away, is ready again after, loses nothing and stays up.

Real embedded broker (its own: it is the one paused), one real worker process, no overrides of
the producer's or the group's timeouts. Figures: docs/contract.md, "Broker paused 30 s".
"""
from __future__ import annotations

import asyncio
import os
import signal
import time

import orjson
import pytest

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ARTICLES = 2000
PAUSE_S = 30.0
POLL_S = 0.5


@pytest.mark.timeout(280)
def test_broker_paused_30s_readyz_503_then_200_nothing_lost_worker_stays(tmp_path):
    from streams.benchmarks.benchgen import generate
    from streams.broker import EmbeddedBroker

    from .test_crash_restart import Run, check_consistency

    broker = EmbeddedBroker(log_path=str(tmp_path / "broker.log")).start()
    worker = None
    try:
        run = Run(broker, tmp_path, "pause")
        # default settings: only the run's namespace (no FAST_GROUP, no producer/broker timeouts)
        worker = run.worker(env={})
        lines = generate(ARTICLES, seed=13)
        ids = [orjson.loads(x)["id"] for x in lines]
        worker.wait_ready()
        probes: list[tuple[float, int, str]] = []     # (seconds since the pause began, status, state)
        marks: dict = {}

        def probe(t0: float) -> None:
            try:
                status, body = worker.get("/readyz", timeout=POLL_S * 2)
                state = orjson.loads(body).get("state", "?")
            except OSError as exc:
                status, state = 0, type(exc).__name__
            probes.append((round(time.monotonic() - t0, 2), status, state))

        async def poll_until(t0: float, stop) -> None:
            while not stop():
                await asyncio.to_thread(probe, t0)
                await asyncio.sleep(POLL_S)

        async def scenario():
            try:
                marks["terminal_at_pause"] = await run.publish_until_busy(lines, ids, timeout=120)
                t0 = time.monotonic()
                os.kill(broker.proc.pid, signal.SIGSTOP)
                await poll_until(t0, lambda: time.monotonic() - t0 >= PAUSE_S)
                os.kill(broker.proc.pid, signal.SIGCONT)
                marks["resumed_at"] = round(time.monotonic() - t0, 2)
                done = asyncio.Event()
                poller = asyncio.create_task(poll_until(t0, done.is_set))
                try:
                    await run.follow(lambda led: led.accounted(ids) and not led.missing_events(), timeout=150)
                    # and ready again (a rebalance after the resume may still be finishing)
                    deadline = time.monotonic() + 30
                    while not (probes and probes[-1][1] == 200) and time.monotonic() < deadline:
                        await asyncio.sleep(POLL_S)
                finally:
                    done.set()
                    await poller
                marks["done_at"] = round(time.monotonic() - t0, 2)
            finally:
                await run.close()

        asyncio.run(scenario())
        exit_code = worker.proc.poll()
        log = run.log(0)
    finally:
        if broker.proc is not None and broker.proc.poll() is None:
            os.kill(broker.proc.pid, signal.SIGCONT)
        if worker is not None:
            worker.stop()
        broker.stop()

    resumed = marks["resumed_at"]
    during = [p for p in probes if p[0] < resumed]
    after = [p for p in probes if p[0] >= resumed]
    first_503 = next((t for t, s, _ in during if s == 503), None)
    # the first probe after the resume from which every later probe answered 200
    back_200 = None
    for t, status, _state in reversed(after):
        if status != 200:
            break
        back_200 = t
    stats = check_consistency(run.ledger, ids)
    print("\nbroker-paused:", {**stats, **marks, "first_503_s": first_503, "ready_again_s": back_200,
                               "probes_during": len(during), "503_during": sum(s == 503 for _, s, _ in during),
                               "states": sorted({st for _, _, st in probes})})
    print("probes:", probes)
    assert exit_code is None, f"the worker exited ({exit_code}):\n{log[-3000:]}"
    assert first_503 is not None, f"/readyz never answered 503 while the broker was paused: {during}"
    assert back_200 is not None, f"/readyz not 200 again after the resume: {after[-10:]}"
