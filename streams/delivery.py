"""At-least-once when a delivery fails: after an undelivered record, nothing more is committed.

Faust commits a batch's offsets once `producer.flush()` returns, and flush returns when every
record has been delivered *or has failed* (broker gone past the producer's request timeout,
record refused). Such a record used to be logged and its input's offset committed anyway: the
article was lost. Likewise, when an agent's batch body stops half-way (an exception, a send
that raises, a cancellation), Faust's `take_events` still acks every event of the batch.

So every record our agents send is watched here, and the consumer's commit checks first: once
a watched record has failed, or a batch was abandoned, this process commits nothing more and
crashes; the group then redelivers from the last good commit. Deterministic ids make the
repeat harmless. (`install` wraps the Faust consumer's `_commit`, where every commit path --
timer, rebalance, shutdown -- ends, right after Faust's `producer.flush()`.)

`keep_queued_on_resume` mends a Faust/mode defect that lost one or two articles in about one
restart in ten (issue 11; evidence in docs/contract.md): see its docstring.
"""
from __future__ import annotations

import asyncio
import logging

log = logging.getLogger(__name__)


class DeliveryFailed(Exception):
    """A record was not delivered (or a batch was abandoned): offsets must not be committed."""


class DeliveryGuard:
    def __init__(self) -> None:
        self._pending: set[asyncio.Future] = set()
        self.failure: BaseException | None = None

    def watch(self, fut) -> None:
        """Track one send future (aiokafka's, resolved when the broker acknowledged the record)."""
        if not isinstance(fut, asyncio.Future):
            return
        if fut.done():
            self._settle(fut)
        else:
            self._pending.add(fut)
            fut.add_done_callback(self._settle)

    def fail(self, exc: BaseException) -> None:
        """Something outside a send future means this batch's outputs may be missing."""
        if self.failure is None:
            self.failure = exc
            log.error("delivery not assured (%r): no offset will be committed from now on; "
                      "the worker stops and the group redelivers from the last commit", exc)

    def _settle(self, fut: asyncio.Future) -> None:
        self._pending.discard(fut)
        if fut.cancelled():
            self.fail(DeliveryFailed("a send was cancelled before the broker acknowledged it"))
            return
        exc = fut.exception()
        if exc is not None:
            self.fail(exc)

    def check(self) -> None:
        """Raise DeliveryFailed if any watched record failed. Futures that completed but whose
        callbacks have not run yet are looked at directly (they completed inside flush)."""
        for fut in [f for f in self._pending if f.done()]:
            self._settle(fut)
        if self.failure is not None:
            raise DeliveryFailed(f"undelivered record: {self.failure!r}") from self.failure


guard = DeliveryGuard()


def install(consumer_cls) -> None:
    """Guard `consumer_cls._commit`: refuse to commit after a failure, and crash the consumer."""
    real_commit = consumer_cls._commit
    if getattr(real_commit, "_delivery_guarded", False):
        return

    async def _commit(self, offsets):
        try:
            guard.check()
        except DeliveryFailed as exc:
            log.error("commit of %d partition offsets refused: %s", len(offsets), exc)
            await self.crash(exc)
            return False
        return await real_commit(self, offsets)

    _commit._delivery_guarded = True
    consumer_cls._commit = _commit


def keep_queued_on_resume(flow_control_cls) -> None:
    """Make `FlowControlEvent.resume()` clear the agents' queues only when flow was suspended.

    mode's `resume()` always empties every agent channel queue. Faust's table recovery calls it
    twice when a worker starts with a changelog to read: once to read the changelog (flow
    becomes active), then, after resuming the stream partitions and seeking them to their
    committed offsets, again -- while the fetcher has already handed records fetched after
    that seek to the queues and moved its read offsets past them. The second call dropped
    those records: never processed, never acked, never fetched again. Faust's
    `Consumer._new_offset` then lets a commit step over one missing offset at the committed
    boundary (it only stops at a hole of two or more), so a single dropped record per partition
    was committed past and its article lost (a longer hole stalled that partition instead).
    Clearing on a real suspended -> active transition is kept: it drops what slipped in while
    suspended, before the seek that re-fetches it.
    """
    real_resume = flow_control_cls.resume
    if getattr(real_resume, "_keeps_queued", False):
        return

    def resume(self) -> None:
        if self.is_active():
            return      # already flowing: what is queued was handed on for good; keep it
        real_resume(self)

    resume._keeps_queued = True
    flow_control_cls.resume = resume
