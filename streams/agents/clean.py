"""articles.unique -> articles.clean | articles.dlq: main text, boilerplate removed."""
from __future__ import annotations

from ..app import app, clean_topic, settings, unique_topic
from ..pipeline import clean
from .common import M
from .outbox import Outbox
from .stage import run_stage

STAGE = "clean"
OK = M.articles.labels(STAGE, "ok")


def _emit(out: Outbox, article, cleaned) -> None:
    out.add(clean_topic, cleaned.id, cleaned)
    OK.inc()


@app.agent(unique_topic)
async def clean_agent(stream):
    await run_stage(stream, STAGE, lambda article: clean(article, settings), _emit, Outbox(app))
