"""Faust's recovery must not empty the agents' queues while records flow (streams/delivery.py).

mode's `FlowControlEvent.resume()` cleared every agent channel queue on each call; Faust's
table recovery calls it a second time after the stream partitions were already flowing, which
dropped records the consumer had handed on for good (issue 11: the SIGKILL test's lost
articles). The SIGKILL soak (scripts/soak_kill.py) and tests/test_crash_restart.py exercise the
whole path on a real broker; these tests pin the mended behaviour itself.
"""
from __future__ import annotations

import asyncio
import subprocess
import sys

from mode.utils.queues import FlowControlEvent, FlowControlQueue

from streams.delivery import keep_queued_on_resume


def _mended() -> type:
    class Event(FlowControlEvent):     # a subclass: the test leaves mode's class as it found it
        pass

    keep_queued_on_resume(Event)
    return Event


def test_resume_while_flowing_keeps_what_is_queued_but_a_real_resume_still_clears():
    async def scenario():
        flow = _mended()()                        # starts suspended, as Faust's app.flow_control does
        queue = FlowControlQueue(maxsize=10, flow_control=flow, clear_on_resume=True)
        queue.put_nowait("slipped in while suspended")
        flow.resume()                             # suspended -> active: Faust's intended clear
        assert queue.qsize() == 0
        queue.put_nowait("record 94")             # handed on by the consumer while flowing
        flow.resume()                             # recovery's second resume: must keep it
        assert queue.qsize() == 1 and queue.get_nowait() == "record 94"
        flow.suspend()
        queue.put_nowait("stale")
        flow.resume()                             # a rebalance's suspend -> resume still clears
        assert queue.qsize() == 0

    asyncio.run(scenario())


def test_the_worker_app_installs_the_mended_resume():
    code = ("import streams.app; from mode.utils.queues import FlowControlEvent; "
            "assert getattr(FlowControlEvent.resume, '_keeps_queued', False)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
