"""articles.detected -> events.diplomatic (one record per mention, keyed `<event_id>/<article_id>`)
+ articles.processed | articles.dlq.

Mentions the article reported before (the `article-events` table) and no longer reports are
retracted with a tombstone on their own key (streams/contract.py, docs/contract.md).
"""
from __future__ import annotations

from collections import Counter

import orjson

from .. import contract
from ..app import app, article_events, detected_topic, events_topic, processed_topic, settings
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
    ids = [ev["event_id"] for ev, _ in found]
    key = article.id.encode("utf-8")
    gone, remembered = contract.on_reprocess(article_events.get(key), ids)
    for event_id in gone:
        out.add(events_topic, contract.mention_key(event_id, article.id), None)
        M.events_retracted.inc()
    for ev, payload in found:
        out.add(events_topic, contract.mention_key(ev["event_id"], article.id), payload)
        M.events.labels(ev["type"], ev["status"]).inc()
    if remembered is not None:
        article_events[key] = remembered
    out.add(processed_topic, article.id, Processed(
        article_id=article.id, language=article.language, event_ids=ids,
        events_by_type=dict(Counter(ev["type"] for ev, _ in found))))
    (OK if found else NO_EVENTS).inc()
    observe_end_to_end_ms(article.received_ms)


@app.agent(detected_topic)
async def extract_agent(stream):
    await run_stage(stream, STAGE, _work, _emit, Outbox(app))
