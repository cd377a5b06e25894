"""Benchmark baseline: articles.raw -> bench.passthrough, bytes unchanged.

Loaded instead of the pipeline agents only when STREAMS_BENCH=passthrough (set by
`streams bench` for its baseline worker; never in production). It batches and sends
exactly like the pipeline agents, so pipeline/passthrough is the cost of the work itself.
"""
from __future__ import annotations

from ..app import app, raw_topic, settings
from .outbox import Outbox

TOPIC = "bench.passthrough"

passthrough_topic = app.topic(settings.topic(TOPIC), value_type=bytes, key_type=bytes,
                              value_serializer="raw", key_serializer="raw")


@app.agent(raw_topic)
async def passthrough(stream):
    out = Outbox(app)
    async for events in stream.take_events(settings.batch_size, within=settings.batch_within):
        try:
            for event in events:
                message = event.message
                out.add(passthrough_topic, message.key, message.value)
                await out.maybe_flush()
        finally:
            await out.flush()
