"""The dedup window's changelog: one compacted record per article in the window, read back in bulk.

Why not a Faust table (it was the `dedup-index` table until issue 12's third pass): Faust's
recovery takes each changelog record through its event path, ~95 µs a record, 9–11 s for a
100 k window, and the LSH index was then rebuilt from the table's values (another 11–13 s);
one aiokafka consumer reads the same 100 k records in ~0.4 s (docs/benchmarks.md, "issue 12,
third pass"). It also read the whole log, where Faust stopped at Tansu's short end offset and
lost the last batch of the window.

Same topic as the table's (`<app id>-dedup-index-changelog`), same key (the article id as a
JSON string), so a window written before still loads: values are `Fingerprint.to_bytes()` (v2)
or the table's JSON (v1), both read by `Fingerprint.from_bytes`; a tombstone removes an article.
The dedup agent writes it through its Outbox on the raw record's partition (as the table did),
so every record is with the producer before the batch is acked and Faust's commit waits for it.
"""
from __future__ import annotations

import logging

import orjson

from .kafka_security import client_kwargs
from .settings import Settings
from .text.fingerprint import Fingerprint

log = logging.getLogger(__name__)


def topic_name(app_id: str) -> str:
    return f"{app_id}-dedup-index-changelog"


def key_of(article_id: str) -> bytes:
    return orjson.dumps(article_id)


async def read_latest(settings: Settings, topic: str, partitions: list[int],
                      poll_ms: int = 200) -> dict[bytes, tuple[bytes, int]]:
    """The last value of every key still set in `partitions` of `topic`: key -> (value, partition).

    Read from the start to the end: until the reported end offset is passed *and* a poll
    comes back empty, because Tansu 0.6.0 reports the last batch's base offset + 1 as the end.
    """
    from aiokafka import AIOKafkaConsumer, TopicPartition

    latest: dict[bytes, tuple[bytes, int]] = {}
    if not partitions:
        return latest
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers, **client_kwargs(settings),
                                enable_auto_commit=False, auto_offset_reset="earliest", fetch_max_wait_ms=50,
                                max_partition_fetch_bytes=4_194_304, fetch_max_bytes=52_428_800)
    await consumer.start()
    try:
        tps = [TopicPartition(topic, p) for p in partitions]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        end = await consumer.end_offsets(tps)
        while True:
            batch = await consumer.getmany(*tps, timeout_ms=poll_ms, max_records=50_000)
            for tp, records in batch.items():
                for r in records:
                    if r.value is None:
                        latest.pop(r.key, None)
                    else:
                        latest[r.key] = (r.value, tp.partition)
            if not batch and all([await consumer.position(tp) >= end[tp] for tp in tps]):
                return latest
    finally:
        await consumer.stop()


def decode(latest: dict[bytes, tuple[bytes, int]]) -> tuple[list[Fingerprint], dict[str, int]]:
    """Fingerprints in event-time order (as the table rebuild added them) and each one's partition.

    A value that does not decode is logged and skipped: one bad record must not stop a worker."""
    fps, where = [], {}
    bad = 0
    for value, partition in latest.values():
        try:
            fp = Fingerprint.from_bytes(value)
        except Exception:   # noqa: BLE001 - counted and logged below
            bad += 1
            continue
        fps.append(fp)
        where[fp.article_id] = partition
    if bad:
        log.warning("dedup window: %d changelog values could not be decoded (skipped)", bad)
    fps.sort(key=lambda f: f.ts)
    return fps, where

