"""The topic contract: logical names, roles and creation (one place).

Names get STREAMS_TOPIC_PREFIX. `ensure_topics` creates them with the configured
partition count (Tansu and most clusters do not auto-create with our partitions).
"""
from __future__ import annotations

import asyncio

from .kafka_security import client_kwargs
from .settings import Settings

RAW = "articles.raw"                 # input: publisher JSON bytes, any key
UNIQUE = "articles.unique"           # Article, keyed by article id
CLEAN = "articles.clean"             # CleanArticle
DETECTED = "articles.detected"       # DetectedArticle
EVENTS = "events.diplomatic"         # the product: event JSON keyed by event_id (schemas/event.schema.json)
PROCESSED = "articles.processed"     # terminal: Processed
DUPLICATES = "articles.duplicates"   # terminal: Duplicate
DLQ = "articles.dlq"                 # terminal: original bytes + __dlq.errors.* headers

ALL = (RAW, UNIQUE, CLEAN, DETECTED, EVENTS, PROCESSED, DUPLICATES, DLQ)
TERMINAL = (PROCESSED, DUPLICATES, DLQ)


def partitions_of(settings: Settings, name: str) -> int:
    """articles.raw feeds the dedup window (one per partition): by default one partition."""
    return settings.raw_partitions if name == RAW else settings.partitions


async def ensure_topics(settings: Settings, names=ALL, timeout: float = 30.0) -> None:
    """Create missing topics (idempotent)."""
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic
    from aiokafka.errors import TopicAlreadyExistsError

    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers, **client_kwargs(settings),
                                request_timeout_ms=int(timeout * 1000))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        wanted = [NewTopic(settings.topic(n), partitions_of(settings, n), settings.replicas)
                  for n in names if settings.topic(n) not in existing]
        if wanted:
            try:
                await admin.create_topics(wanted)
            except TopicAlreadyExistsError:
                pass
    finally:
        await admin.close()


def ensure_topics_sync(settings: Settings, **kw) -> None:
    asyncio.run(ensure_topics(settings, **kw))
