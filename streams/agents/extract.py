"""articles.detected -> events.diplomatic (keyed by event_id) + articles.processed | articles.dlq."""
from __future__ import annotations

from collections import Counter

import orjson

from ..app import app, detected_topic, dlq_topic, events_topic, processed_topic, settings
from ..pipeline import extract
from ..records import Processed
from .common import M, dead_letter, observe_end_to_end_ms, timed
from .outbox import Outbox

STAGE = "extract"
OK = M.articles.labels(STAGE, "ok")
NO_EVENTS = M.articles.labels(STAGE, "no_events")


@app.agent(detected_topic)
async def extract_agent(stream):
    out = Outbox(app)
    async for events in stream.take_events(settings.batch_size, within=settings.batch_within):
        M.batch_size.labels(STAGE).observe(len(events))
        try:
            for event in events:
                article = event.value
                try:
                    with timed(STAGE):
                        found = extract(article, settings)
                        payloads = [(ev["event_id"], orjson.dumps(ev)) for ev in found]
                except Exception as exc:
                    await dead_letter(dlq_topic, event, STAGE, exc, getattr(article, "id", None))
                    continue
                for event_id, payload in payloads:
                    out.add(events_topic, event_id, payload)
                for ev in found:
                    M.events.labels(ev["type"], ev["status"]).inc()
                out.add(processed_topic, article.id, Processed(
                    article_id=article.id, language=article.language, event_ids=[e for e, _ in payloads],
                    events_by_type=dict(Counter(ev["type"] for ev in found))))
                (OK if found else NO_EVENTS).inc()
                observe_end_to_end_ms(article.received_ms)
                await out.maybe_flush()
        finally:
            await out.flush()   # records handed to the producer before take_events acks the batch
