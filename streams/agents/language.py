"""articles.clean -> articles.detected | articles.processed (unsupported language) | articles.dlq."""
from __future__ import annotations

from ..app import app, clean_topic, detected_topic, dlq_topic, processed_topic, settings
from ..pipeline import detect, supported
from ..records import Processed
from .common import M, dead_letter, observe_end_to_end_ms, timed
from .outbox import Outbox

STAGE = "language"
OK = M.articles.labels(STAGE, "ok")
UNSUPPORTED = M.articles.labels(STAGE, "unsupported")


@app.agent(clean_topic)
async def language_agent(stream):
    out = Outbox(app)
    async for events in stream.take_events(settings.batch_size, within=settings.batch_within):
        M.batch_size.labels(STAGE).observe(len(events))
        try:
            for event in events:
                article = event.value
                try:
                    with timed(STAGE):
                        detected = detect(article, settings)
                except Exception as exc:
                    await dead_letter(dlq_topic, event, STAGE, exc, getattr(article, "id", None))
                    continue
                M.languages.labels(detected.language).inc()
                if supported(detected.language, settings):
                    out.add(detected_topic, detected.id, detected)
                    OK.inc()
                else:
                    out.add(processed_topic, detected.id, Processed(
                        article_id=detected.id, language=detected.language, status="unsupported_language",
                        reason=f"language {detected.language!r} is not in STREAMS_LANGUAGES"))
                    UNSUPPORTED.inc()
                    observe_end_to_end_ms(detected.received_ms)
                await out.maybe_flush()
        finally:
            await out.flush()   # records handed to the producer before take_events acks the batch
