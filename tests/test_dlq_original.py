"""A failure at clean, language or extract dead-letters the publisher's ORIGINAL message.

Real broker, real worker. The worker runs with a fault injected into one pure stage function
per stage (by article id prefix, patched in before the agents import them); the messages are
written so that any re-serialisation would show: a byte order mark, odd spacing, escapes, an
unknown field, a non-UTF-8 key and binary headers. Each must come back from articles.dlq
byte-identical, with its place in articles.raw.
"""
from __future__ import annotations

import asyncio
import sys
import time

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from streams import topics as T
from streams.runner import WorkerProcess
from streams.settings import Settings

pytestmark = pytest.mark.integration

INJECT = r'''
import sys
from streams import pipeline
from streams.errors import StageError

def failing(stage, real, make_exc):
    def run(article, settings):
        if article.id.startswith("fail-at-" + stage):
            raise make_exc()
        return real(article, settings)
    return run

pipeline.clean = failing("clean", pipeline.clean, lambda: StageError("injected", "test fault at clean"))
pipeline.detect = failing("language", pipeline.detect, lambda: RuntimeError("test fault at language"))
pipeline.extract = failing("extract", pipeline.extract, lambda: StageError("injected", "test fault at extract"))
from streams.cli import main
sys.exit(main(["worker"]))
'''

# (id, key, headers, value, expected reason). Our own sentences; the texts differ so dedup keeps all.
MESSAGES = [
    ("fail-at-clean-1", b"\xff\xfeclean-key", [("trace-id", b"\x00\x01\x02"), ("origin", b"wire")],
     b'\xef\xbb\xbf{ "title" : "Harbour talks" ,"id":"fail-at-clean-1",\n "text":"The ministers of Chile '
     b'and Peru met at the harbour office on Tuesday to discuss fishing quotas.\\u00a0",  "x-extra": [1, 2.50, '
     b'{"n": null}] }\r\n', "injected"),
    ("fail-at-language-1", b"lang-key", [("trace-id", b"\xfe\xed")],
     b'{"id":"fail-at-language-1","text":"Norway said on Friday that its envoy would travel to Kenya next '
     b'month for a conference on forests and rain.","published_at":"2025-03-07", "caf\\u00e9": "\\ud83d\\ude00"}',
     "internal_error"),
    ("fail-at-extract-1", None, [],
     b'{"text":"The president of Brazil received the prime minister of Portugal in Brasilia on Wednesday '
     b'for talks on trade and shipping.",    "id":"fail-at-extract-1" , "source":"test wire"}',
     "injected"),
]
STAGES = {"fail-at-clean-1": "clean", "fail-at-language-1": "language", "fail-at-extract-1": "extract"}


async def _publish(settings: Settings) -> dict[str, int]:
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, acks="all", enable_idempotence=False)
    await producer.start()
    try:
        offsets = {}
        for art_id, key, headers, value, _ in MESSAGES:
            meta = await producer.send_and_wait(settings.topic(T.RAW), value=value, key=key, headers=headers)
            offsets[art_id] = meta.offset
        return offsets
    finally:
        await producer.stop()


async def _dead_letters(settings: Settings, want: set[str], timeout: float = 90.0) -> dict:
    consumer = AIOKafkaConsumer(settings.topic(T.DLQ), bootstrap_servers=settings.bootstrap_servers,
                                auto_offset_reset="earliest", enable_auto_commit=False)
    await consumer.start()
    found = {}
    try:
        deadline = time.monotonic() + timeout
        while not want <= found.keys() and time.monotonic() < deadline:
            for records in (await consumer.getmany(timeout_ms=500)).values():
                for r in records:
                    headers = dict(r.headers)
                    art_id = headers.get("__dlq.errors.article.id", b"").decode()
                    found.setdefault(art_id, []).append(r)
        return found
    finally:
        await consumer.stop()


def test_every_stage_dead_letters_the_original_bytes(broker, tmp_path):
    from streams.topics import ensure_topics_sync

    run = f"dlqorig{time.time_ns() // 1_000_000}"
    settings = Settings.from_env(broker=broker.url, app_id=f"diplo-{run}", topic_prefix=f"{run}.")
    ensure_topics_sync(settings)
    worker = WorkerProcess(broker.url, app_id=settings.app_id, log_path=str(tmp_path / "worker.log"),
                           env={"STREAMS_TOPIC_PREFIX": settings.topic_prefix},
                           command=[sys.executable, "-c", INJECT])
    worker.start()
    try:
        worker.wait_ready()
        offsets = asyncio.run(_publish(settings))
        found = asyncio.run(_dead_letters(settings, set(STAGES)))
    finally:
        worker.stop()
    log = (tmp_path / "worker.log").read_text(errors="replace")
    assert set(STAGES) <= found.keys(), f"dead letters for {sorted(found)}; log: {log[-2000:]}"
    for art_id, key, headers, value, reason in MESSAGES:
        (record,) = found[art_id]
        h = dict(record.headers)
        assert h["__dlq.errors.stage"].decode() == STAGES[art_id]
        assert h["__dlq.errors.reason"].decode() == reason
        assert record.value == value, f"{art_id}: DLQ value is not the published bytes: {record.value[:120]!r}"
        assert record.key == key
        for name, v in headers:
            assert h[name] == v, f"{art_id}: header {name}"
        assert h["__dlq.errors.topic"].decode() == settings.topic(T.RAW)
        assert int(h["__dlq.errors.offset"]) == offsets[art_id]
