"""articles.clean -> articles.detected | articles.processed (unsupported language) | articles.dlq."""
from __future__ import annotations

from ..app import app, clean_topic, detected_topic, processed_topic, settings
from ..pipeline import detect, supported
from ..records import Processed
from .common import M, observe_end_to_end_ms
from .outbox import Outbox
from .stage import run_stage

STAGE = "language"
OK = M.articles.labels(STAGE, "ok")
UNSUPPORTED = M.articles.labels(STAGE, "unsupported")


def _emit(out: Outbox, article, detected) -> None:
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


@app.agent(clean_topic)
async def language_agent(stream):
    await run_stage(stream, STAGE, lambda article: detect(article, settings), _emit, Outbox(app))
