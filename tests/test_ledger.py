"""The ledger's "one event id, one payload" check compares whole payloads per reporting article,
so it fails on any difference a redelivery could introduce, not only on a hash collision."""
import orjson

from streams import topics as T
from streams.kafka_io import Ledger


class _Rec:
    def __init__(self, value, key=None):
        self.value = orjson.dumps(value) if value is not None else None
        self.key = key
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


def test_each_article_keeps_its_own_mention_and_a_tombstone_retracts_it():
    """evaluate --via-kafka scores an article's own record, not the last one read for the event id."""
    from streams.contract import mention_key

    ledger = Ledger()
    ledger.add(T.EVENTS, _Rec(_event()))
    ledger.add(T.EVENTS, _Rec(_event(background=True, article={"id": "art-2"})))
    assert ledger.mentions[("a" * 32, "art-1")].get("background") is None
    assert ledger.events["a" * 32]["background"] is True
    ledger.add(T.EVENTS, _Rec(None, key=mention_key("a" * 32, "art-1").encode()))
    assert set(ledger.mentions) == {("a" * 32, "art-2")} and ledger.retracted == [("a" * 32, "art-1")]
