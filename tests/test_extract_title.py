"""The headline sent in `title` is read when the text does not repeat it (issue 10, item 1)."""
import orjson

from streams.events.coder import extract_events
from streams.pipeline import InProcessPipeline

TITLE = "Kenyan President William Ruto arrives in Tokyo for a state visit to Japan"
BODY = ("The president was welcomed at the airport by senior officials.\n"
        "He is expected to discuss trade, infrastructure and climate finance during the four-day stay.")


def test_title_alone_carries_the_visit():
    assert extract_events(BODY, "en", "2025-11-04", {"id": "t"}) == []
    events = extract_events(BODY, "en", "2025-11-04", {"id": "t"}, title=TITLE)
    visits = [e for e in events if e["type"] == "visit"]
    assert [(e["actor"], e["target"]) for e in visits] == [("KEN", "JPN")]
    ev = visits[0]["evidence"]
    assert ev.get("in_title") is True and TITLE[ev["start"]:ev["end"]] == ev["sentence"]


def test_title_repeated_in_text_is_not_read_twice():
    text = TITLE + "\n" + BODY
    plain = extract_events(text, "en", "2025-11-04", {"id": "t"})
    with_title = extract_events(text, "en", "2025-11-04", {"id": "t"}, title=TITLE)
    assert plain and with_title == plain
    for e in with_title:
        assert "in_title" not in e["evidence"]
        assert text[e["evidence"]["start"]:e["evidence"]["end"]] == e["evidence"]["sentence"]


def test_pipeline_passes_the_title_through():
    raw = {"id": "t-1", "published_at": "2025-11-04", "title": TITLE, "text": BODY}
    out = InProcessPipeline().run_one(orjson.dumps(raw))
    assert out.terminal == "processed"
    assert [(e["type"], e["actor"], e["target"]) for e in out.events] == [("visit", "KEN", "JPN")]
