"""Pure mapping from topic records to table rows, and of a batch to the writes it needs.

No I/O here: `record_rows` turns one Kafka record into row operations (or raises
`Malformed` with a reason slug for the DLQ) and `plan_batch` folds a batch of them into
the final writes, so that applying "deletes first, then upserts" gives the same tables as
applying the records one by one (the last word on a key wins, a tombstone drops its event's
earlier mentions). Both are tested without a broker or a database.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

import orjson

from .. import topics as T
from ..errors import StageError

# Column order of each table (the store creates them in this order).
EVENT_COLUMNS = ("event_id", "type", "status", "participants", "actor", "target", "country", "place",
                 "date", "date_phrase", "cameo", "plover_event", "plover_mode", "confidence", "background",
                 "language", "article_id", "published_at", "record")
MENTION_COLUMNS = ("event_id", "article_id", "url", "source", "published_at", "language", "sentence",
                   "evidence_start", "evidence_end", "confidence", "background", "people")
ARTICLE_COLUMNS = ("article_id", "status", "language", "n_events", "event_ids", "reason", "duplicate_of")

SOURCE_TOPICS = (T.EVENTS, T.PROCESSED, T.DUPLICATES)


class Malformed(StageError):
    """A record the sink cannot store; `reason` is a short slug for the DLQ headers."""


@dataclass
class Rows:
    """What one record asks of the tables."""

    event: tuple | None = None            # upsert into events
    mention: tuple | None = None          # upsert into mentions
    article: tuple | None = None          # upsert into articles
    delete_event: str | None = None       # tombstone: drop this event and its mentions


def _str(obj: dict, name: str, required: bool = True) -> str | None:
    v = obj.get(name)
    if v is None and not required:
        return None
    if not isinstance(v, str) or (required and not v):
        raise Malformed(f"bad_{name}", f"field {name!r} must be a non-empty string, got {type(v).__name__}")
    return v


def _num(obj: dict, name: str) -> float:
    v = obj.get(name)
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise Malformed(f"bad_{name}", f"field {name!r} must be a number, got {type(v).__name__}")
    return float(v)


def _obj(obj: dict, name: str) -> dict:
    v = obj.get(name)
    if v is None:
        return {}
    if not isinstance(v, dict):
        raise Malformed(f"bad_{name}", f"field {name!r} must be an object, got {type(v).__name__}")
    return v


def _date(v: str | None) -> datetime.date | None:
    if v is None:
        return None
    try:
        return datetime.date.fromisoformat(v)
    except ValueError:
        raise Malformed("bad_date", f"date {v[:40]!r} is not an ISO day") from None


def _load(value: bytes) -> dict:
    try:
        obj = orjson.loads(value)
    except orjson.JSONDecodeError as exc:
        raise Malformed("invalid_json", str(exc)[:300]) from None
    if not isinstance(obj, dict):
        raise Malformed("not_an_object", f"expected a JSON object, got {type(obj).__name__}")
    return obj


def event_rows(key: bytes | None, value: bytes | None) -> Rows:
    """An events.diplomatic record: an upsert of the event and of this article's mention of it.

    A null value is a tombstone (retraction) of the event named by the key.
    """
    if value is None:
        if not key:
            raise Malformed("tombstone_without_key", "a null value needs the event id as its key")
        return Rows(delete_event=key.decode("utf-8", "replace"))
    ev = _load(value)
    event_id = _str(ev, "event_id")
    if key is not None and key.decode("utf-8", "replace") != event_id:
        raise Malformed("key_mismatch", f"key {key[:64]!r} is not the event_id {event_id!r}")
    parts = ev.get("participants")
    if not isinstance(parts, list) or not parts or not all(isinstance(p, str) for p in parts):
        raise Malformed("bad_participants", "participants must be a non-empty list of codes")
    loc, plover, art, evidence = _obj(ev, "location"), _obj(ev, "plover"), _obj(ev, "article"), _obj(ev, "evidence")
    article_id = _str(art, "id")
    confidence = _num(ev, "confidence")
    background = bool(ev.get("background", False))
    start, end = evidence.get("start"), evidence.get("end")
    if not (isinstance(start, int) and isinstance(end, int)):
        raise Malformed("bad_evidence", "evidence needs integer start and end offsets")
    date = _date(_str(ev, "date", required=False))
    language = _str(ev, "language", required=False) or _str(art, "language", required=False)
    event = (event_id, _str(ev, "type"), _str(ev, "status"), sorted(parts), _str(ev, "actor", False),
             _str(ev, "target", False), _str(loc, "country", False), _str(loc, "place", False), date,
             _str(ev, "date_phrase", False), _str(ev, "cameo", False), _str(plover, "event", False),
             _str(plover, "mode", False), confidence, background, language, article_id,
             _str(art, "published_at", False), value.decode("utf-8"))
    mention = (event_id, article_id, _str(art, "url", False), _str(art, "source", False),
               _str(art, "published_at", False), language, _str(evidence, "sentence", False), start, end,
               confidence, background, orjson.dumps(ev.get("people") or []).decode())
    return Rows(event=event, mention=mention)


def processed_rows(value: bytes | None) -> Rows:
    """An articles.processed record: the article's status and the ids of its events."""
    if value is None:
        raise Malformed("empty_message", "articles.processed records are never null")
    p = _load(value)
    ids = p.get("event_ids") or []
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise Malformed("bad_event_ids", "event_ids must be a list of strings")
    return Rows(article=(_str(p, "article_id"), _str(p, "status", False) or "ok", _str(p, "language", False),
                         len(ids), ids, _str(p, "reason", False), None))


def duplicate_rows(value: bytes | None) -> Rows:
    """An articles.duplicates record: the article is a copy of another one."""
    if value is None:
        raise Malformed("empty_message", "articles.duplicates records are never null")
    d = _load(value)
    return Rows(article=(_str(d, "article_id"), "duplicate", None, 0, [], _str(d, "kind", False),
                         _str(d, "duplicate_of")))


def record_rows(topic: str, key: bytes | None, value: bytes | None) -> Rows:
    """Dispatch on the logical (unprefixed) topic name; raises Malformed."""
    if topic == T.EVENTS:
        return event_rows(key, value)
    if topic == T.PROCESSED:
        return processed_rows(value)
    if topic == T.DUPLICATES:
        return duplicate_rows(value)
    raise Malformed("unknown_topic", f"the sink does not read {topic!r}")


@dataclass
class Plan:
    """The writes of one batch: deletes are applied before upserts."""

    delete_events: list[str] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    mentions: list[tuple] = field(default_factory=list)
    articles: list[tuple] = field(default_factory=list)


def plan_batch(rows: list[Rows]) -> Plan:
    """Fold records (in offset order) into writes equal to applying them one by one.

    Per key the last upsert wins; a tombstone cancels its event's earlier upserts and
    mentions in the batch (and deletes the stored ones), later ones stand.
    """
    events: dict[str, tuple] = {}
    mentions: dict[tuple[str, str], tuple] = {}
    articles: dict[str, tuple] = {}
    deleted: dict[str, None] = {}
    for r in rows:
        if r.delete_event is not None:
            eid = r.delete_event
            deleted[eid] = None
            events.pop(eid, None)
            for k in [k for k in mentions if k[0] == eid]:
                del mentions[k]
        if r.event is not None:
            events[r.event[0]] = r.event
        if r.mention is not None:
            mentions[(r.mention[0], r.mention[1])] = r.mention
        if r.article is not None:
            articles[r.article[0]] = r.article
    return Plan(list(deleted), list(events.values()), list(mentions.values()), list(articles.values()))


def as_dicts(columns: tuple[str, ...], rows: list[tuple]) -> list[dict[str, Any]]:
    return [dict(zip(columns, r)) for r in rows]
