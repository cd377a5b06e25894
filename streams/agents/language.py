"""articles.clean -> articles.detected | articles.processed (unsupported language) | articles.dlq."""
from __future__ import annotations

from ..app import app, clean_topic, detected_topic, dlq_topic, processed_topic, settings
from ..pipeline import detect, supported
from ..records import Processed
from .common import M, dead_letter, observe_end_to_end_ms, timed

STAGE = "language"


@app.agent(clean_topic)
async def language_agent(stream):
    async for events in stream.take_events(settings.batch_size, within=settings.batch_within):
        M.batch_size.labels(STAGE).observe(len(events))
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
                await detected_topic.send(key=detected.id, value=detected)
                M.articles.labels(STAGE, "ok").inc()
            else:
                await processed_topic.send(key=detected.id, value=Processed(
                    article_id=detected.id, language=detected.language, status="unsupported_language",
                    reason=f"language {detected.language!r} is not in STREAMS_LANGUAGES"))
                M.articles.labels(STAGE, "unsupported").inc()
                observe_end_to_end_ms(detected.received_ms)
