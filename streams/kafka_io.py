"""Plain aiokafka clients for the CLI: publish articles, read topics back.

The workers use Faust; these are the user-side tools (`streams publish`,
`subscribe`, `demo`, `evaluate --via-kafka`, `bench`). No idempotence: Tansu lacks it.
"""
from __future__ import annotations

import asyncio
import time
from typing import AsyncIterator, Iterable

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from .contract import split_key
from .kafka_security import client_kwargs
from .settings import Settings
from . import topics as T


def _key_of(line: bytes) -> bytes | None:
    try:
        obj = orjson.loads(line)
        key = obj.get("id") if isinstance(obj, dict) else None
        return key.encode() if isinstance(key, str) else None
    except Exception:
        return None


async def _start(client) -> None:
    """start(), or stop() and re-raise: a client that failed to bootstrap is not left unclosed."""
    try:
        await client.start()
    except BaseException:
        await client.stop()
        raise


async def publish(settings: Settings, lines: Iterable[bytes], progress=None, topic: str | None = None,
                  rate: float | None = None, after_each=None) -> int:
    """Send each line as one message to articles.raw (bytes untouched). Returns the count sent.

    `after_each(line)`, if given, is awaited once each line is acknowledged by the broker.
    """
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, **client_kwargs(settings),
                                acks="all", linger_ms=5,
                                max_request_size=max(settings.max_message_bytes * 2, 1_048_576),
                                enable_idempotence=False)
    await _start(producer)
    sent = 0
    futures = []
    start = time.monotonic()
    try:
        for line in lines:
            if rate:
                due = start + sent / rate
                delay = due - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
            futures.append(await producer.send(topic or settings.topic(T.RAW), value=line, key=_key_of(line)))
            sent += 1
            if after_each is not None:
                await futures.pop()
                await after_each(line)
            if progress is not None:
                progress.update(1)
            if len(futures) >= 1000:
                await asyncio.gather(*futures)
                futures.clear()
        await asyncio.gather(*futures)
    finally:
        await producer.stop()
    return sent


async def consume(settings: Settings, topic_names: list[str], from_beginning: bool = True,
                  idle_timeout: float | None = None, group: str | None = None) -> AsyncIterator:
    """Yield records from topics; stops after `idle_timeout` seconds without a record."""
    consumer = AIOKafkaConsumer(*[settings.topic(t) for t in topic_names], bootstrap_servers=settings.bootstrap_servers,
                                **client_kwargs(settings),
                                auto_offset_reset="earliest" if from_beginning else "latest",
                                group_id=group, enable_auto_commit=group is not None,
                                metadata_max_age_ms=2000)
    await _start(consumer)
    try:
        last = time.monotonic()
        while True:
            batch = await consumer.getmany(timeout_ms=200, max_records=1000)
            got = False
            for records in batch.values():
                for record in records:
                    got = True
                    yield record
            if got:
                last = time.monotonic()
            elif idle_timeout is not None and time.monotonic() - last > idle_timeout:
                return
    finally:
        await consumer.stop()


def unprefixed(settings: Settings, topic: str) -> str:
    p = settings.topic_prefix
    return topic[len(p):] if p and topic.startswith(p) else topic


class Ledger:
    """Terminal accounting: which article ids ended where, and the events by id."""

    def __init__(self):
        self.terminal: dict[str, list[tuple[str, dict]]] = {}
        self.events: dict[str, dict] = {}                                    # event id -> last record read
        self.mentions: dict[tuple[str, str | None], dict] = {}               # (event id, article id) -> live record
        self.retracted: list[tuple[str, str | None]] = []                     # tombstones read, in order
        self.event_payloads: dict[tuple[str, str | None], set[bytes]] = {}   # (event id, article id) -> payloads
        self.dlq_without_id: list[dict] = []

    def add(self, topic: str, record) -> None:
        if topic == T.EVENTS:
            if record.value is None:        # a retracted mention (streams/contract.py)
                key = split_key(record.key)
                self.mentions.pop(key, None)
                self.retracted.append(key)
                return
            ev = orjson.loads(record.value)
            self.events[ev["event_id"]] = ev
            key = (ev["event_id"], (ev.get("article") or {}).get("id"))
            self.mentions[key] = ev
            self.event_payloads.setdefault(key, set()).add(_stable(ev))
            return
        if topic == T.DLQ:
            headers = {k: v.decode("utf-8", "replace") for k, v in (record.headers or [])}
            art_id = headers.get("__dlq.errors.article.id")
            info = {"stage": headers.get("__dlq.errors.stage"), "reason": headers.get("__dlq.errors.reason"),
                    "message": headers.get("__dlq.errors.exception.message"), "headers": headers,
                    "value": record.value}
            if art_id is None:
                self.dlq_without_id.append(info)
            else:
                self.terminal.setdefault(art_id, []).append((topic, info))
            return
        value = orjson.loads(record.value)
        self.terminal.setdefault(value["article_id"], []).append((topic, value))

    def accounted(self, ids: Iterable[str]) -> bool:
        return all(i in self.terminal for i in ids)

    def missing_events(self) -> set[str]:
        """Event ids a processed record announced that have not been read yet (other partitions)."""
        announced = {e for ends in self.terminal.values() for t, v in ends if t == T.PROCESSED
                     for e in v.get("event_ids", ())}
        return announced - self.events.keys()


def _stable(ev: dict) -> bytes:
    """The whole published payload of an event, keyed (in `Ledger.event_payloads`) by event id and
    the article that reported it: a redelivered or re-processed article must publish byte-for-byte
    the same record, not only the fields hashed into the id (those could only differ by a hash
    collision). Other articles reporting the same event keep their own evidence and confidence."""
    return orjson.dumps(ev, option=orjson.OPT_SORT_KEYS)
