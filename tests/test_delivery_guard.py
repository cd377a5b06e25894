"""A failed delivery stops the commit (streams/delivery.py).

Unit: the guard's bookkeeping on real asyncio futures. Integration: a real worker whose real
broker goes away (SIGSTOP) longer than the producer's request timeout while it is busy, then
comes back: the worker must not commit past the records it could not deliver; a replacement
worker then gets every article to a terminal topic (nothing lost).
"""
from __future__ import annotations

import asyncio
import os
import signal
import time

import orjson
import pytest

from streams.delivery import DeliveryFailed, DeliveryGuard


def test_a_failed_send_future_trips_the_guard_even_before_its_callbacks_ran():
    async def scenario():
        g = DeliveryGuard()
        loop = asyncio.get_running_loop()
        ok, bad = loop.create_future(), loop.create_future()
        g.watch(ok)
        g.watch(bad)
        ok.set_result("metadata")
        g.check()                                   # delivered: fine
        bad.set_exception(TimeoutError("batch expired"))
        with pytest.raises(DeliveryFailed):         # no await in between: callbacks have not run
            g.check()
        with pytest.raises(DeliveryFailed):         # sticky
            g.check()

    asyncio.run(scenario())


def test_a_cancelled_send_or_an_abandoned_batch_trips_the_guard():
    async def scenario():
        g = DeliveryGuard()
        fut = asyncio.get_running_loop().create_future()
        g.watch(fut)
        fut.cancel()
        await asyncio.sleep(0)
        with pytest.raises(DeliveryFailed):
            g.check()
        g2 = DeliveryGuard()
        g2.fail(RuntimeError("batch body raised"))
        with pytest.raises(DeliveryFailed):
            g2.check()

    asyncio.run(scenario())


def test_successful_deliveries_leave_nothing_pending():
    async def scenario():
        g = DeliveryGuard()
        loop = asyncio.get_running_loop()
        futs = [loop.create_future() for _ in range(100)]
        for f in futs:
            g.watch(f)
        for f in futs:
            f.set_result(None)
        await asyncio.sleep(0)
        g.check()
        assert not g._pending and g.failure is None

    asyncio.run(scenario())


# --------------------------------------------------------------------------- real broker goes away

PAUSE_S = 12
GUARD_ENV = {
    "PRODUCER_REQUEST_TIMEOUT": "3",      # a record not acknowledged in 3 s fails (Faust: 20 min)
    "BROKER_SESSION_TIMEOUT": "30",       # the group outlives the pause: without the guard, the
    "BROKER_REQUEST_TIMEOUT": "40",       # worker would commit right after it
    "BROKER_HEARTBEAT_INTERVAL": "3",
}


@pytest.mark.integration
@pytest.mark.slow
def test_broker_gone_mid_stream_nothing_committed_past_a_lost_record(tmp_path):
    from streams.benchmarks.benchgen import generate
    from streams.broker import EmbeddedBroker

    from .test_crash_restart import Run, check_consistency

    broker = EmbeddedBroker(log_path=str(tmp_path / "broker.log")).start()   # its own: it is paused
    try:
        run = Run(broker, tmp_path, "gone")
        lines = generate(1500, seed=11)
        ids = [orjson.loads(x)["id"] for x in lines]
        first = run.worker(GUARD_ENV)
        first.wait_ready()
        paused_at = {}

        async def scenario():
            try:
                # busy: a tenth done, then the broker goes away for longer than the producer's timeout
                paused_at["n"] = await run.publish_until_busy(lines, ids, timeout=240)
                os.kill(broker.proc.pid, signal.SIGSTOP)
                await asyncio.sleep(PAUSE_S)
                os.kill(broker.proc.pid, signal.SIGCONT)
                # the first worker must stop without committing; a replacement takes over
                deadline = time.monotonic() + 120
                while first.proc.poll() is None and time.monotonic() < deadline:
                    await asyncio.sleep(0.5)
                paused_at["first_exit"] = first.proc.poll()
                if paused_at["first_exit"] is None:
                    return
                run.worker(GUARD_ENV)
                await run.follow(lambda led: led.accounted(ids) and not led.missing_events(), timeout=300)
            finally:
                await run.close()

        try:
            asyncio.run(scenario())
        finally:
            for w in run.workers:
                w.stop()
        log0 = run.log(0)
        assert paused_at.get("first_exit") is not None, "worker kept running after undelivered records"
        assert "delivery not assured" in log0, log0[-3000:]
        stats = check_consistency(run.ledger, ids)
        print("\nbroker-gone:", {**stats, **paused_at})
    finally:
        if broker.proc is not None and broker.proc.poll() is None:
            os.kill(broker.proc.pid, signal.SIGCONT)
        broker.stop()
