"""articles.unique -> articles.clean | articles.dlq: main text, boilerplate removed."""
from __future__ import annotations

from ..app import app, clean_topic, dlq_topic, settings, unique_topic
from ..pipeline import clean
from .common import M, dead_letter, timed
from .outbox import Outbox

STAGE = "clean"
OK = M.articles.labels(STAGE, "ok")


@app.agent(unique_topic)
async def clean_agent(stream):
    out = Outbox(app)
    async for events in stream.take_events(settings.batch_size, within=settings.batch_within):
        M.batch_size.labels(STAGE).observe(len(events))
        try:
            for event in events:
                article = event.value
                try:
                    with timed(STAGE):
                        cleaned = clean(article, settings)
                except Exception as exc:
                    await dead_letter(dlq_topic, event, STAGE, exc, getattr(article, "id", None))
                    continue
                out.add(clean_topic, cleaned.id, cleaned)
                OK.inc()
                await out.maybe_flush()
        finally:
            await out.flush()   # records handed to the producer before take_events acks the batch
