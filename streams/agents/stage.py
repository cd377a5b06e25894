"""The loop the clean, language and extract agents share (dedup has its own: it also writes a table)."""
from __future__ import annotations

from typing import Any, Callable

from ..app import dlq_topic, settings
from ..delivery import guard
from .common import M, dead_letter, timed
from .outbox import Outbox


async def run_stage(stream, stage: str, work: Callable[[Any], Any], emit: Callable[[Outbox, Any, Any], None],
                    out: Outbox) -> None:
    """Per `take_events` batch: `work(record)` each record (timed); a failure is dead-lettered with
    its reason; `emit(out, record, result)` queues the outputs, and `out` is flushed before
    take_events acks the batch (so the commit follows delivery). A batch abandoned half-way is
    still acked by take_events, so it stops all further commits (streams/delivery.py)."""
    async for events in stream.take_events(settings.batch_size, within=settings.batch_within):
        M.batch_size.labels(stage).observe(len(events))
        try:
            await _batch(events, stage, work, emit, out)
        except BaseException as exc:
            guard.fail(exc)
            raise


async def _batch(events, stage: str, work, emit, out: Outbox) -> None:
    try:
        for event in events:
            record = event.value
            try:
                with timed(stage):
                    result = work(record)
            except Exception as exc:   # StageError or a bug: never crash, never lose
                await dead_letter(dlq_topic, event, stage, exc, getattr(record, "id", None))
                continue
            emit(out, record, result)
            await out.maybe_flush()
    finally:
        await out.flush()   # records handed to the producer before take_events acks the batch
