"""A bug inside extraction is visible: the article is dead-lettered as `internal_error`, never
published as "no events" (issue 10, item 5)."""
import orjson
import pytest

from streams.events import coder
from streams.pipeline import InProcessPipeline

ARTICLE = {"id": "fail-1", "published_at": "2025-11-04",
           "text": "Egyptian President Abdel Fattah al-Sisi met French President Emmanuel Macron in Paris on Monday."}


def _boom(*args, **kwargs):
    raise RuntimeError("rule bug")


def test_extraction_works_without_the_fault():
    out = InProcessPipeline().run_one(orjson.dumps(ARTICLE))
    assert out.terminal == "processed" and out.events


def test_extraction_bug_raises(monkeypatch):
    monkeypatch.setattr(coder.actors, "analyse", _boom)
    with pytest.raises(RuntimeError):
        coder.extract_events(ARTICLE["text"], "en", ARTICLE["published_at"], {"id": "fail-1"})


def test_extraction_bug_ends_in_dlq_with_internal_error(monkeypatch):
    monkeypatch.setattr(coder.actors, "analyse", _boom)
    out = InProcessPipeline().run_one(orjson.dumps(ARTICLE))
    assert (out.terminal, out.stage, out.reason) == ("dlq", "extract", "internal_error")
    assert "rule bug" in out.message
