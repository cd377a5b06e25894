"""`streams sink`: keep DuckDB tables current from events.diplomatic and the terminal topics.

A plain aiokafka consumer rather than a Faust agent: the sink's progress is the offsets
stored in DuckDB beside the rows (one transaction per batch), and on start it seeks to
them. Faust owns offset management (acks, a commit timer, its own positions on rebalance)
and has no hook to take them from an external store; bending it would be more code and
less certain than these few lines of aiokafka. DuckDB allows one writing process per file,
so one consumer is the deployment: it assigns itself every partition (no group join; on
Tansu a join took ~5 s and a rejoin after a restart ~19 s) and, after each DuckDB commit,
commits the same offsets under its own group id (`<app id>-sink`) only so that lag is
visible with the usual tools (kafka-consumer-groups, kafka_exporter). Partitions added
while it runs are picked up at its next start.

Per batch: map each record to rows (pure, streams/sink/rows.py); a malformed record is
sent to the DLQ (awaited) with a reason; then rows and next offsets commit together.
A crash before that commit replays the batch from the stored offsets: rows are upserts,
so no doubles; a dead letter of the replayed batch may be sent twice (at-least-once).
"""
from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.structs import OffsetAndMetadata

from .. import topics as T
from ..agents.common import dlq_headers
from ..kafka_security import client_kwargs
from ..origin import of_message
from ..settings import Settings
from .rows import SOURCE_TOPICS, Malformed, Plan, plan_batch, record_rows
from .store import DuckStore, open_store

log = logging.getLogger(__name__)
STAGE = "sink"


@dataclass
class SinkStats:
    records: int = 0
    events: int = 0            # events.diplomatic records stored (upserts + tombstones)
    dead_letters: int = 0
    batches: int = 0
    first_record_at: float | None = None
    last_commit_at: float | None = None
    dlq_reasons: dict = field(default_factory=dict)

    @property
    def seconds(self) -> float:
        if self.first_record_at is None or self.last_commit_at is None:
            return 0.0
        return self.last_commit_at - self.first_record_at


async def _assign_and_seek(consumer: AIOKafkaConsumer, store: DuckStore, topics: list[str]) -> None:
    """Take every partition of the topics and resume each where the database says (else its start)."""
    await consumer.topics()                       # fetch metadata
    tps = [TopicPartition(t, p) for t in topics for p in sorted(consumer.partitions_for_topic(t) or ())]
    missing = [t for t in topics if not consumer.partitions_for_topic(t)]
    if missing:
        raise RuntimeError(f"topics not found on the broker: {missing}")
    consumer.assign(tps)
    stored = store.offsets()
    fresh = [tp for tp in tps if (tp.topic, tp.partition) not in stored]
    first = await consumer.beginning_offsets(fresh) if fresh else {}
    for tp in tps:
        consumer.seek(tp, stored.get((tp.topic, tp.partition), first.get(tp, 0)))


async def _isolate(store: DuckStore, rows: list[tuple], dead_letter) -> None:
    try:
        await asyncio.to_thread(store.apply, plan_batch([r for _, r in rows]), {})
    except store.RecordError as exc:
        if len(rows) == 1:
            await dead_letter(rows[0][0], Malformed("store_rejected", str(exc)[:500]))
            return
        mid = len(rows) // 2
        await _isolate(store, rows[:mid], dead_letter)
        await _isolate(store, rows[mid:], dead_letter)


async def _delivered(sends: list) -> None:
    if sends:
        await asyncio.gather(*sends)
        sends.clear()


def _unprefixed(settings: Settings, topic: str) -> str:
    p = settings.topic_prefix
    return topic[len(p):] if p and topic.startswith(p) else topic


async def run_sink(settings: Settings, target: str, group: str | None = None,
                   idle_timeout: float | None = None, stop: asyncio.Event | None = None,
                   max_records: int = 2000, on_batch=None) -> SinkStats:
    """Consume into `target` (DuckDB file or postgresql:// URL) until `stop` is set or
    `idle_timeout` seconds pass without a record."""
    store = open_store(target)
    stats = SinkStats()
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers, **client_kwargs(settings),
                                group_id=group or f"{settings.app_id}-sink", enable_auto_commit=False,
                                auto_offset_reset="earliest", metadata_max_age_ms=2000,
                                fetch_max_wait_ms=settings.fetch_max_wait_ms)
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, **client_kwargs(settings), acks="all",
                                enable_idempotence=False,
                                max_request_size=max(settings.max_message_bytes * 2, 1_048_576))
    dlq = settings.topic(T.DLQ)
    sends: list = []

    async def dead_letter(record, exc: Malformed) -> None:
        sends.append(await producer.send(dlq, record.value or b"", key=record.key,
                                         headers=dlq_headers(of_message(record), STAGE, exc, None)))
        stats.dead_letters += 1
        stats.dlq_reasons[exc.reason] = stats.dlq_reasons.get(exc.reason, 0) + 1

    try:
        await consumer.start()
        await producer.start()
        await _assign_and_seek(consumer, store, [settings.topic(t) for t in SOURCE_TOPICS])
        last = time.monotonic()
        while stop is None or not stop.is_set():
            batch = await consumer.getmany(timeout_ms=200, max_records=max_records)
            if not batch:
                if idle_timeout is not None and time.monotonic() - last > idle_timeout:
                    break
                continue
            if stats.first_record_at is None:
                stats.first_record_at = time.monotonic()
            rows: list[tuple] = []
            offsets: dict[tuple[str, int], int] = {}
            for tp, records in batch.items():
                topic = _unprefixed(settings, tp.topic)
                for record in records:
                    try:
                        rows.append((record, record_rows(topic, record.key, record.value)))
                    except Malformed as exc:
                        await dead_letter(record, exc)
                        continue
                    if topic == T.EVENTS:
                        stats.events += 1
                stats.records += len(records)
                offsets[(tp.topic, tp.partition)] = records[-1].offset + 1
            await _delivered(sends)              # dead letters are out before their offsets commit
            try:
                await asyncio.to_thread(store.apply, plan_batch([r for _, r in rows]), offsets)
            except store.RecordError as exc:
                # A record the database refuses must not stop the sink: find it by halving
                # the batch (halves applied in order give the same tables), dead-letter it.
                log.warning("batch refused by the database (%s); isolating the record", exc)
                await _isolate(store, rows, dead_letter)
                await _delivered(sends)
                await asyncio.to_thread(store.apply, Plan(), offsets)
            stats.batches += 1
            stats.last_commit_at = last = time.monotonic()
            try:
                await consumer.commit({TopicPartition(t, p): OffsetAndMetadata(o, "")
                                       for (t, p), o in offsets.items()})
            except Exception as exc:   # noqa: BLE001 - the database holds the real position
                log.warning("group offset commit failed (lag metrics only): %r", exc)
            if on_batch is not None:
                on_batch(stats)
    finally:
        await consumer.stop()
        await producer.stop()
        store.close()
    return stats
