"""The sink's pure mapping: records -> rows, a batch -> writes (no broker, no database)."""
from __future__ import annotations

import datetime

import orjson
import pytest

from streams.contract import mention_key
from streams.sink.rows import (EVENT_COLUMNS, MENTION_COLUMNS, Malformed, as_dicts, event_table_rows, plan_batch,
                               record_rows)

EID = "0123456789abcdef0123456789abcdef"


def ev(event_id=EID, article="a-1", **over) -> dict:
    e = {"schema_version": "2.0", "event_id": event_id, "type": "visit", "status": "occurred",
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
    key = key if key is not None else mention_key(e["event_id"], e["article"]["id"]).encode()
    return record_rows("events.diplomatic", key, orjson.dumps(e))


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
    assert orjson.loads(mention["record"])["article"]["id"] == "a-1"
    assert r.delete_event is None and r.delete_mention is None and r.article is None


def test_a_bare_event_id_key_is_still_read():
    """Records written before schema 2.0 were keyed by the event id alone."""
    assert rows_of(ev(), key=EID.encode()).mention[:2] == (EID, "a-1")


def test_null_date_is_kept_null():
    assert dict(zip(EVENT_COLUMNS, rows_of(ev(date=None)).event))["date"] is None


def test_tombstone_deletes_one_mention():
    r = record_rows("events.diplomatic", mention_key(EID, "a-1").encode(), None)
    assert r.delete_mention == (EID, "a-1") and r.delete_event is None and r.mention is None


def test_old_layout_tombstone_deletes_the_event():
    r = record_rows("events.diplomatic", EID.encode(), None)
    assert r.delete_event == EID and r.delete_mention is None


@pytest.mark.parametrize("key,value,reason", [
    (b"k", b'{"event_id": "x", "type": ', "invalid_json"),
    (b"k", b"[1, 2]", "not_an_object"),
    (None, None, "tombstone_without_key"),
    (b"not-an-event-id/a-1", None, "bad_key"),
    (mention_key(EID, "a-2").encode(), orjson.dumps(ev()), "key_mismatch"),   # another article's key
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


def _events(plan, stored=()):
    """The events rows the store would write: from the plan's mentions plus already stored ones."""
    live = {(m[0], m[1]): m[-1] for m in stored}
    for k in plan.delete_mentions:
        live.pop(k, None)
    live = {k: v for k, v in live.items() if k[0] not in plan.delete_events}
    live.update({(m[0], m[1]): m[-1] for m in plan.mentions})
    rows, gone = event_table_rows(plan.touched, [(k[0], r) for k, r in live.items() if k[0] in plan.touched])
    return {r[0]: dict(zip(EVENT_COLUMNS, r)) for r in rows}, gone


def test_plan_last_upsert_wins_per_mention():
    plan = plan_batch([rows_of(ev(confidence=0.5)), rows_of(ev(article="a-2", confidence=0.9)),
                       rows_of(ev(confidence=0.6))])
    assert sorted((m[1], m[MENTION_COLUMNS.index("confidence")]) for m in plan.mentions) == [("a-1", 0.6),
                                                                                              ("a-2", 0.9)]
    events, gone = _events(plan)
    assert events[EID]["article_id"] == "a-2" and gone == []    # the more confident foreground mention


def test_a_background_mention_never_stands_for_a_foreground_event():
    recall = ev(article="a-9", confidence=0.99, background=True)   # more confident and earlier: still loses
    recall["article"] = {**recall["article"], "published_at": "2020-01-01"}
    for order in ([rows_of(ev(confidence=0.4)), rows_of(recall)], [rows_of(recall), rows_of(ev(confidence=0.4))]):
        events, _ = _events(plan_batch(order))
        assert events[EID]["article_id"] == "a-1" and events[EID]["background"] is False
    only_recall, _ = _events(plan_batch([rows_of(recall)]))
    assert only_recall[EID]["background"] is True              # alone, the recall is the event


def test_plan_mention_tombstone_keeps_other_articles_mentions():
    first, second = rows_of(ev()), rows_of(ev(article="a-2", confidence=0.7))
    tomb = record_rows("events.diplomatic", mention_key(EID, "a-1").encode(), None)
    plan = plan_batch([tomb])
    events, gone = _events(plan, stored=[first.mention, second.mention])
    assert plan.delete_mentions == [(EID, "a-1")] and events[EID]["article_id"] == "a-2" and gone == []
    events, gone = _events(plan_batch([tomb]), stored=[first.mention])
    assert events == {} and gone == [EID]                         # the last mention gone: the event goes
    plan = plan_batch([tomb, rows_of(ev(confidence=0.3))])        # retracted, then reported again
    assert [m[1] for m in plan.mentions] == ["a-1"]


def test_plan_old_layout_tombstone_cancels_earlier_rows_but_not_later_ones():
    other = "f" * 32
    tomb = record_rows("events.diplomatic", EID.encode(), None)
    plan = plan_batch([rows_of(ev()), rows_of(ev(event_id=other)), tomb])
    assert plan.delete_events == [EID]
    assert [m[0] for m in plan.mentions] == [other] and sorted(plan.touched) == sorted([EID, other])
    plan = plan_batch([rows_of(ev()), tomb, rows_of(ev(article="a-3"))])
    assert plan.delete_events == [EID]          # stored mentions (a-1...) go
    assert [m[1] for m in plan.mentions] == ["a-3"]
