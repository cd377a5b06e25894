"""Benchmark baseline: the pipeline's four hops with no stage work, bytes unchanged.

articles.raw -> articles.unique -> articles.clean -> articles.detected -> articles.processed,
each agent re-producing the bytes (and key) it reads. Loaded instead of the pipeline agents
only when STREAMS_BENCH=chain (`streams bench`'s chain baseline; never in production). Same
topics, partitions, batching and Outbox as the pipeline, so pipeline / chain is what the
stages themselves cost, hop for hop.
"""
from __future__ import annotations

from .. import topics as T
from ..app import app, raw_topic, settings
from .outbox import Outbox


def _bytes_topic(name: str):
    return app.topic(settings.topic(name), value_type=bytes, key_type=bytes,
                     value_serializer="raw", key_serializer="raw")


def _hop(source, target, name: str) -> None:
    async def hop(stream):
        out = Outbox(app)
        async for events in stream.take_events(settings.batch_size, within=settings.batch_within):
            try:
                for event in events:
                    message = event.message
                    out.add(target, message.key, message.value)
                    await out.maybe_flush()
            finally:
                await out.flush()

    hop.__name__ = hop.__qualname__ = name
    app.agent(source, name=f"{__name__}.{name}")(hop)


_unique, _clean, _detected, _processed = (_bytes_topic(n) for n in (T.UNIQUE, T.CLEAN, T.DETECTED, T.PROCESSED))
_hop(raw_topic, _unique, "chain_dedup")
_hop(_unique, _clean, "chain_clean")
_hop(_clean, _detected, "chain_language")
_hop(_detected, _processed, "chain_extract")
