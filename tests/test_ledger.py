"""The ledger's "one event id, one payload" check compares whole payloads per reporting article,
so it fails on any difference a redelivery could introduce, not only on a hash collision."""
import orjson

from streams import topics as T
from streams.kafka_io import Ledger


class _Rec:
    def __init__(self, value):
        self.value = orjson.dumps(value)
        self.headers = []


def _event(**kw):
    ev = {"event_id": "a" * 32, "type": "meeting", "participants": ["EGY", "KEN"], "actor": None, "target": None,
          "date": "2025-11-03", "status": "occurred", "confidence": 0.9, "article": {"id": "art-1"}}
    return ev | kw


def test_identical_redelivery_is_one_payload():
    ledger = Ledger()
    ledger.add(T.EVENTS, _Rec(_event()))
    ledger.add(T.EVENTS, _Rec(_event()))
    assert [len(p) for p in ledger.event_payloads.values()] == [1]


def test_a_field_outside_the_id_differing_on_redelivery_is_caught():
    ledger = Ledger()
    ledger.add(T.EVENTS, _Rec(_event()))
    ledger.add(T.EVENTS, _Rec(_event(status="planned")))          # status is not hashed into the id
    assert [len(p) for p in ledger.event_payloads.values()] == [2]


def test_another_article_reporting_the_event_is_not_a_conflict():
    ledger = Ledger()
    ledger.add(T.EVENTS, _Rec(_event()))
    ledger.add(T.EVENTS, _Rec(_event(confidence=0.7, article={"id": "art-2"})))
    assert sorted(len(p) for p in ledger.event_payloads.values()) == [1, 1]
