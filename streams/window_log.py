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


async def read_log(settings: Settings, topic: str, partitions: list[int], start: dict[int, int] | None = None,
                   poll_ms: int = 100) -> tuple[list[tuple[bytes, bytes | None, int]], dict[int, int]]:
    """Records (key, value or None, partition) of `partitions` of `topic` from `start` (an offset per
    partition; the beginning when absent) to the end, in log order, and the next offset of each.

    Read until the reported end offset is reached, then take what is still buffered: Tansu 0.6.0
    reports the last batch's base offset + 1 as the end, and the rest of that batch arrived in
    the same fetch. Nothing logged yet past the end: no poll at all.
    """
    from aiokafka import AIOKafkaConsumer, TopicPartition

    if not partitions:
        return [], {}
    out: list[tuple[bytes, bytes | None, int]] = []
    consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap_servers, **client_kwargs(settings),
                                enable_auto_commit=False, auto_offset_reset="earliest", fetch_max_wait_ms=50,
                                max_partition_fetch_bytes=4_194_304, fetch_max_bytes=52_428_800)
    await consumer.start()
    try:
        if topic not in await consumer.topics():   # not created yet: nothing logged
            return [], {}
        tps = [TopicPartition(topic, p) for p in partitions]
        consumer.assign(tps)
        for tp in tps:
            if start and start.get(tp.partition) is not None:
                consumer.seek(tp, start[tp.partition])
            else:
                await consumer.seek_to_beginning(tp)
        end = await consumer.end_offsets(tps)
        while True:
            positions = {tp.partition: await consumer.position(tp) for tp in tps}
            if all(positions[tp.partition] >= end[tp] for tp in tps):
                batch = await consumer.getmany(*tps, timeout_ms=0, max_records=50_000)   # buffered only
                if not batch:
                    return out, positions
            else:
                batch = await consumer.getmany(*tps, timeout_ms=poll_ms, max_records=50_000)
            for tp, records in batch.items():
                out.extend([(r.key, r.value, tp.partition) for r in records])
    finally:
        await consumer.stop()


def latest(records: list[tuple[bytes, bytes | None, int]]) -> dict[bytes, tuple[bytes, int]]:
    """The last value of every key a tombstone has not removed since: key -> (value, partition)."""
    last: dict[bytes, tuple[bytes, int]] = {}
    for key, value, partition in records:
        if value is None:
            last.pop(key, None)
        else:
            last[key] = (value, partition)
    return last


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



def apply(deduper, where: dict[str, int], records: list[tuple[bytes, bytes | None, int]]) -> None:
    """Records logged after `deduper` was built (log order) applied as the agent made them:
    a value adds its article (evicting as `add` does), a tombstone removes one."""
    bad = 0
    for key, value, partition in records:
        try:
            if value is None:
                article_id = orjson.loads(key)
                deduper.remove(article_id)
                where.pop(article_id, None)
                continue
            fp = Fingerprint.from_bytes(value)
        except Exception:   # noqa: BLE001 - counted and logged below
            bad += 1
            continue
        for gone in deduper.add(fp):
            where.pop(gone, None)
        where[fp.article_id] = partition
    if bad:
        log.warning("dedup window: %d changelog records could not be decoded (skipped)", bad)


def release_memory() -> None:
    """Hand the freed heap back to the OS (glibc `malloc_trim`; elsewhere nothing). Reading a
    100 k window allocates ~130 MB of records and fingerprints that malloc otherwise keeps:
    measured RSS after a 100 k restart 470 MB without, see docs/benchmarks.md."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
