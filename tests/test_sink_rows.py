"""The sink's pure mapping: records -> rows, a batch -> writes (no broker, no database)."""
from __future__ import annotations

import datetime

import orjson
import pytest

from streams.sink.rows import (EVENT_COLUMNS, MENTION_COLUMNS, Malformed, as_dicts, plan_batch,
                               record_rows)

EID = "0123456789abcdef0123456789abcdef"


def ev(event_id=EID, article="a-1", **over) -> dict:
    e = {"schema_version": "1.0", "event_id": event_id, "type": "visit", "status": "occurred",
         "participants": ["FRA", "EGY"], "actor": "FRA", "target": "EGY",
         "location": {"country": "EGY", "place": "Cairo"}, "date": "2026-03-04", "date_phrase": "on Tuesday",
         "cameo": "042", "plover": {"event": "CONSULT", "mode": "visit"},
         "people": [{"name": None, "as_written": "the French minister", "role": "minister", "country": "FRA"}],
         "evidence": {"sentence": "The French minister arrived in Cairo on Tuesday.", "start": 10, "end": 58},
         "confidence": 0.8, "background": False,
         "article": {"id": article, "url": "https://x.example/1", "source": "x", "published_at": "2026-03-05",
                     "language": "en"},
         "language": "en"}
    e.update(over)
    return e


def rows_of(e: dict, key: bytes | None = None):
    return record_rows("events.diplomatic", key if key is not None else e["event_id"].encode(), orjson.dumps(e))


def test_event_record_gives_event_and_mention_rows():
    r = rows_of(ev())
    event = dict(zip(EVENT_COLUMNS, r.event))
    mention = dict(zip(MENTION_COLUMNS, r.mention))
    assert event["participants"] == ["EGY", "FRA"]
    assert event["date"] == datetime.date(2026, 3, 4)
    assert (event["actor"], event["target"], event["country"], event["place"]) == ("FRA", "EGY", "EGY", "Cairo")
    assert (event["plover_event"], event["plover_mode"]) == ("CONSULT", "visit")
    assert orjson.loads(event["record"])["event_id"] == EID
    assert (mention["event_id"], mention["article_id"]) == (EID, "a-1")
    assert (mention["evidence_start"], mention["evidence_end"], mention["confidence"]) == (10, 58, 0.8)
    assert mention["background"] is False
    assert orjson.loads(mention["people"])[0]["role"] == "minister"
    assert r.delete_event is None and r.article is None


def test_null_date_is_kept_null():
    assert dict(zip(EVENT_COLUMNS, rows_of(ev(date=None)).event))["date"] is None


def test_tombstone_deletes_by_key():
    r = record_rows("events.diplomatic", EID.encode(), None)
    assert r.delete_event == EID and r.event is None and r.mention is None


@pytest.mark.parametrize("key,value,reason", [
    (b"k", b'{"event_id": "x", "type": ', "invalid_json"),
    (b"k", b"[1, 2]", "not_an_object"),
    (None, None, "tombstone_without_key"),
    (b"other", orjson.dumps(ev()), "key_mismatch"),
    (None, orjson.dumps(ev(participants=[])), "bad_participants"),
    (None, orjson.dumps(ev(confidence="high")), "bad_confidence"),
    (None, orjson.dumps(ev(date="2026-02-31")), "bad_date"),
    (None, orjson.dumps(ev(evidence={"sentence": "s", "start": "1", "end": 3})), "bad_evidence"),
    (None, orjson.dumps(ev(article={"url": "u"})), "bad_id"),
    (None, orjson.dumps({k: v for k, v in ev().items() if k != "type"}), "bad_type"),
])
def test_malformed_event_records_have_a_reason(key, value, reason):
    with pytest.raises(Malformed) as info:
        record_rows("events.diplomatic", key, value)
    assert info.value.reason == reason


def test_processed_and_duplicate_records_give_article_status():
    p = record_rows("articles.processed", b"a-1", orjson.dumps(
        {"article_id": "a-1", "language": "fr", "event_ids": [EID, "f" * 32], "status": "ok"}))
    d = record_rows("articles.duplicates", b"a-2", orjson.dumps(
        {"article_id": "a-2", "duplicate_of": "a-1", "kind": "near", "similarity": 0.8}))
    (pa,), (da,) = as_dicts(("article_id", "status", "language", "n_events"), [p.article]), \
        as_dicts(("article_id", "status", "language", "n_events", "event_ids", "reason", "duplicate_of"), [d.article])
    assert pa == {"article_id": "a-1", "status": "ok", "language": "fr", "n_events": 2}
    assert (da["status"], da["duplicate_of"], da["reason"]) == ("duplicate", "a-1", "near")
    with pytest.raises(Malformed):
        record_rows("articles.processed", None, orjson.dumps({"language": "fr"}))


def test_plan_last_upsert_wins_and_mentions_are_per_article():
    plan = plan_batch([rows_of(ev(confidence=0.5)), rows_of(ev(article="a-2", confidence=0.9)),
                       rows_of(ev(confidence=0.6))])
    assert len(plan.events) == 1 and plan.events[0][EVENT_COLUMNS.index("confidence")] == 0.6
    assert sorted((m[1], m[MENTION_COLUMNS.index("confidence")]) for m in plan.mentions) == [("a-1", 0.6),
                                                                                              ("a-2", 0.9)]


def test_plan_tombstone_cancels_earlier_rows_but_not_later_ones():
    other = "f" * 32
    tomb = record_rows("events.diplomatic", EID.encode(), None)
    plan = plan_batch([rows_of(ev()), rows_of(ev(event_id=other)), tomb])
    assert plan.delete_events == [EID]
    assert [e[0] for e in plan.events] == [other] and [m[0] for m in plan.mentions] == [other]
    plan = plan_batch([rows_of(ev()), tomb, rows_of(ev(article="a-3"))])
    assert plan.delete_events == [EID]          # stored mentions (a-1...) go
    assert [m[1] for m in plan.mentions] == ["a-3"] and [e[0] for e in plan.events] == [EID]
