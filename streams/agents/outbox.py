"""Hand a batch's output records to the producer without Faust's per-send machinery.

`await topic.send(...)` per record went through Faust's FutureMessage/PendingMessage, the
topic schema, two sensor callbacks and aiokafka's send: ~9 % of a busy worker (py-spy,
docs/benchmarks.md). An agent now `add`s typed records while it works (no awaits) and
`flush`es them at the end of its `take_events` batch (and every `FLUSH_EVERY` records, so a
large batch does not hold its first records back).

At-least-once is unchanged: `flush` returns only once every record is in aiokafka's
accumulator, and it runs inside the agent's loop body, before `take_events` acks the batch's
events. Faust's commit then awaits `producer.flush()` (every accumulated batch delivered)
before committing those offsets (faust/transport/consumer.py `_commit_offsets`).

The bytes are the same as Faust's: records are serialised with their own codec
(`Record.dumps()`, orjson, as the topic's value_type/value_serializer would), raw topics take
bytes, keys are UTF-8. Partitioning is aiokafka's default (murmur2 of the key), as before.
Faust's Prometheus producer metrics (`topic_messages_sent`, `total_sent_messages`,
`total_error_messages_sent` used by the alerts, `producer_send_latency`) are kept up to date
here, per batch rather than per record. A failed delivery is logged and counted exactly as
Faust does for `topic.send`, and it stops every later commit (streams/delivery.py): the
worker crashes and the group redelivers from the last commit.
"""
from __future__ import annotations

import asyncio
import logging
import time
from functools import partial

from ..delivery import guard

log = logging.getLogger(__name__)

FLUSH_EVERY = 50


class Outbox:
    __slots__ = ("app", "_items", "_names")

    def __init__(self, app):
        self.app = app
        self._items: list = []
        self._names: dict = {}

    def __len__(self) -> int:
        return len(self._items)

    def add(self, topic, key, value, headers=None, partition=None) -> None:
        """Queue one record (a faust Record, bytes, or None: a tombstone) for `topic` (a faust
        Topic), on `partition` or the key's."""
        name = self._names.get(topic)
        if name is None:
            name = self._names[topic] = topic.get_topic_name()
        self._items.append((name, key, value, headers, partition))

    async def maybe_flush(self) -> None:
        if len(self._items) >= FLUSH_EVERY:
            await self.flush()

    async def flush(self) -> None:
        items, self._items = self._items, []
        if not items:
            return
        producer = self.app.producer._ensure_producer()   # the started AIOKafkaProducer
        start = time.monotonic()
        futures = []
        per_topic: dict[str, int] = {}
        for name, key, value, headers, partition in items:
            if isinstance(key, str):
                key = key.encode("utf-8")
            if value is not None and not isinstance(value, (bytes, bytearray)):
                value = value.dumps()
            try:
                fut = await producer.send(name, value, key=key, headers=headers, partition=partition)
            except BaseException as exc:    # refused before queueing (size, metadata timeout, stop)
                guard.fail(exc)
                raise
            guard.watch(fut)
            futures.append(fut)
            per_topic[name] = per_topic.get(name, 0) + 1
        metrics = _faust_metrics(self.app)
        if metrics is not None:
            for name, n in per_topic.items():
                metrics.topic_messages_sent.labels(topic=f"topic.{name}").inc(n)
        asyncio.gather(*futures, return_exceptions=True).add_done_callback(
            partial(_delivered, metrics, start, len(futures)))


def _faust_metrics(app):
    return getattr(getattr(app, "monitor", None), "_metrics", None)


def _delivered(metrics, start: float, n: int, fut: asyncio.Future) -> None:
    if fut.cancelled():
        return
    errors = [r for r in fut.result() if isinstance(r, BaseException)]
    for exc in errors[:3]:
        log.warning("producer could not deliver a record: %r (%d of %d in this batch failed)",
                    exc, len(errors), n)
    if metrics is None:
        return
    ms = (time.monotonic() - start) * 1000
    if errors:
        metrics.total_error_messages_sent.inc(len(errors))
        metrics.producer_error_send_latency.observe(ms)
    if n > len(errors):
        metrics.total_sent_messages.inc(n - len(errors))
        metrics.producer_send_latency.observe(ms)
