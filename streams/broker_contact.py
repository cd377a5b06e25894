"""When did the broker last answer us? For /readyz: a worker whose broker is silent is not consuming.

A paused or unreachable broker leaves a Faust worker looking healthy: the TCP connections stay
open (the kernel still accepts the bytes), the group is neither rebalancing nor recovering, and
the requests just wait -- by default for minutes (aiokafka's request timeout, Faust's 20 min for
the producer). So /readyz answered 200 through a 30 s SIGSTOP of the broker (docs/contract.md,
"Broker paused 30 s").

`install` wraps `AIOKafkaClient.send`, through which every request of every client in the
process goes (fetch, heartbeat, commit, metadata, produce), and notes the time of each answer,
whatever error code it carries: an answer means the broker is there. A busy or idle worker gets
one every few tens of milliseconds (fetch long-polls of STREAMS_FETCH_MAX_WAIT_MS) and at worst
one per heartbeat interval (2 s) while its partitions are paused by back-pressure.
"""
from __future__ import annotations

import time

_last_answer: float | None = None   # time.monotonic() of the last answer; written from any thread


def install(client_cls) -> None:
    """Wrap `client_cls.send` (aiokafka's AIOKafkaClient) to note every answer's time."""
    real_send = client_cls.send
    if getattr(real_send, "_notes_answers", False):
        return

    async def send(self, node_id, request, **kwargs):
        global _last_answer
        response = await real_send(self, node_id, request, **kwargs)
        _last_answer = time.monotonic()
        return response

    send._notes_answers = True
    client_cls.send = send


def silence() -> float | None:
    """Seconds since the broker last answered any request of this process (None: never yet)."""
    return None if _last_answer is None else time.monotonic() - _last_answer
