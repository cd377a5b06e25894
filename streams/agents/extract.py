"""articles.detected -> events.diplomatic (keyed by event_id) + articles.processed | articles.dlq."""
from __future__ import annotations

from collections import Counter

import orjson

from ..app import app, detected_topic, events_topic, processed_topic, settings
from ..pipeline import extract
from ..records import Processed
from .common import M, observe_end_to_end_ms
from .outbox import Outbox
from .stage import run_stage

STAGE = "extract"
OK = M.articles.labels(STAGE, "ok")
NO_EVENTS = M.articles.labels(STAGE, "no_events")


def _work(article) -> list[tuple[dict, bytes]]:
    return [(ev, orjson.dumps(ev)) for ev in extract(article, settings)]


def _emit(out: Outbox, article, found: list[tuple[dict, bytes]]) -> None:
    for ev, payload in found:
        out.add(events_topic, ev["event_id"], payload)
        M.events.labels(ev["type"], ev["status"]).inc()
    out.add(processed_topic, article.id, Processed(
        article_id=article.id, language=article.language, event_ids=[ev["event_id"] for ev, _ in found],
        events_by_type=dict(Counter(ev["type"] for ev, _ in found))))
    (OK if found else NO_EVENTS).inc()
    observe_end_to_end_ms(article.received_ms)


@app.agent(detected_topic)
async def extract_agent(stream):
    await run_stage(stream, STAGE, _work, _emit, Outbox(app))
