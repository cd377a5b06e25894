"""What subscribers read off the public topics, taken from a real worker on the real broker."""
from __future__ import annotations

from collections import Counter

import orjson
import pytest

from streams import topics as T

pytestmark = pytest.mark.integration


def test_no_framework_metadata_in_public_topics(pipeline_run):
    """events.diplomatic, articles.processed, .duplicates and .dlq carry no Faust `__faust` tag."""
    ledger = pipeline_run["ledger"]
    seen = Counter()
    for ends in ledger.terminal.values():
        for topic, value in ends:
            seen[topic] += 1
            if topic == T.DLQ:
                assert b"__faust" not in value["value"]
            else:
                assert "__faust" not in value, f"{topic}: {orjson.dumps(value)[:200]!r}"
    for event in ledger.events.values():
        seen[T.EVENTS] += 1
        assert "__faust" not in event
    assert all(seen[t] for t in (T.PROCESSED, T.DUPLICATES, T.DLQ, T.EVENTS)), seen


def test_terminal_records_serialise_without_metadata():
    from streams.records import Duplicate, Processed

    assert orjson.loads(Processed(article_id="a", language="en").dumps()) == {
        "article_id": "a", "language": "en", "event_ids": [], "status": "ok", "reason": None, "events_by_type": {}}
    assert "__faust" not in orjson.loads(Duplicate(article_id="b", duplicate_of="a", kind="url").dumps())
