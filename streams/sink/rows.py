"""Pure mapping from topic records to table rows, and of a batch to the writes it needs.

No I/O here: `record_rows` turns one Kafka record into row operations (or raises
`Malformed` with a reason slug for the DLQ) and `plan_batch` folds a batch of them into
the final writes, so that applying "deletes first, then upserts" gives the same tables as
applying the records one by one (the last word on a mention key wins, a tombstone drops that
mention). `event_table_rows` then picks each touched event's row from its live mentions with
the contract's merge rule (streams/contract.py): a background mention never stands for an
event that has a foreground one. All of it is tested without a broker or a database.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

import orjson

from .. import contract
from .. import topics as T
from ..errors import StageError

# Column order of each table (the store creates them in this order).
EVENT_COLUMNS = ("event_id", "type", "status", "participants", "actor", "target", "country", "place",
                 "date", "date_phrase", "cameo", "plover_event", "plover_mode", "confidence", "background",
                 "language", "article_id", "published_at", "record")
MENTION_COLUMNS = ("event_id", "article_id", "url", "source", "published_at", "language", "sentence",
                   "evidence_start", "evidence_end", "confidence", "background", "people", "record")
ARTICLE_COLUMNS = ("article_id", "status", "language", "n_events", "event_ids", "reason", "duplicate_of")

SOURCE_TOPICS = (T.EVENTS, T.PROCESSED, T.DUPLICATES)


class Malformed(StageError):
    """A record the sink cannot store; `reason` is a short slug for the DLQ headers."""


@dataclass
class Rows:
    """What one record asks of the tables."""

    event: tuple | None = None            # the events row this record gives if it is the representative
    mention: tuple | None = None          # upsert into mentions
    article: tuple | None = None          # upsert into articles
    delete_mention: tuple[str, str] | None = None   # tombstone of `<event_id>/<article_id>`: drop that mention
    delete_event: str | None = None       # tombstone of a bare event id (layout before 2.0): drop them all


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


def _key(key: bytes) -> tuple[str, str | None]:
    try:
        return contract.split_key(key)
    except (ValueError, UnicodeDecodeError):
        raise Malformed("bad_key", f"key {key[:80]!r} is not <event_id>/<article_id>") from None


def event_rows(key: bytes | None, value: bytes | None) -> Rows:
    """An events.diplomatic record: this article's mention of the event (and the event row it
    gives should it be the representative).

    A null value is a tombstone: of one mention (key `<event_id>/<article_id>`), or of the whole
    event (a bare event id, as published before schema 2.0).
    """
    if value is None:
        if not key:
            raise Malformed("tombstone_without_key", "a null value needs the mention key")
        event_id, article_id = _key(key)
        if article_id is None:
            return Rows(delete_event=event_id)
        return Rows(delete_mention=(event_id, article_id))
    ev = _load(value)
    event_id = _str(ev, "event_id")
    parts = ev.get("participants")
    if not isinstance(parts, list) or not parts or not all(isinstance(p, str) for p in parts):
        raise Malformed("bad_participants", "participants must be a non-empty list of codes")
    loc, plover, art, evidence = _obj(ev, "location"), _obj(ev, "plover"), _obj(ev, "article"), _obj(ev, "evidence")
    article_id = _str(art, "id")
    if key is not None:
        try:
            key_event, key_article = contract.split_key(key)
        except (ValueError, UnicodeDecodeError):
            key_event, key_article = None, None
        if key_event != event_id or key_article not in (None, article_id):
            raise Malformed("key_mismatch", f"key {key[:80]!r} is not {contract.mention_key(event_id, article_id)!r}")
    confidence = _num(ev, "confidence")
    background = bool(ev.get("background", False))
    start, end = evidence.get("start"), evidence.get("end")
    if not (isinstance(start, int) and isinstance(end, int)):
        raise Malformed("bad_evidence", "evidence needs integer start and end offsets")
    date = _date(_str(ev, "date", required=False))
    language = _str(ev, "language", required=False) or _str(art, "language", required=False)
    record = value.decode("utf-8")
    event = (event_id, _str(ev, "type"), _str(ev, "status"), sorted(parts), _str(ev, "actor", False),
             _str(ev, "target", False), _str(loc, "country", False), _str(loc, "place", False), date,
             _str(ev, "date_phrase", False), _str(ev, "cameo", False), _str(plover, "event", False),
             _str(plover, "mode", False), confidence, background, language, article_id,
             _str(art, "published_at", False), record)
    mention = (event_id, article_id, _str(art, "url", False), _str(art, "source", False),
               _str(art, "published_at", False), language, _str(evidence, "sentence", False), start, end,
               confidence, background, orjson.dumps(ev.get("people") or []).decode(), record)
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
    """The writes of one batch: deletes are applied before upserts, then the rows of the
    `touched` events are recomputed from their live mentions (`event_table_rows`)."""

    delete_events: list[str] = field(default_factory=list)
    delete_mentions: list[tuple[str, str]] = field(default_factory=list)
    mentions: list[tuple] = field(default_factory=list)
    articles: list[tuple] = field(default_factory=list)
    touched: list[str] = field(default_factory=list)


def plan_batch(rows: list[Rows]) -> Plan:
    """Fold records (in offset order) into writes equal to applying them one by one.

    Per mention key the last word wins (an upsert, or a tombstone that deletes the stored
    mention); an old-layout event tombstone cancels the event's earlier mentions in the batch
    (and deletes the stored ones), later ones stand.
    """
    mentions: dict[tuple[str, str], tuple] = {}
    gone: dict[tuple[str, str], None] = {}
    articles: dict[str, tuple] = {}
    deleted: dict[str, None] = {}
    touched: dict[str, None] = {}
    for r in rows:
        if r.delete_event is not None:
            eid = r.delete_event
            deleted[eid] = None
            touched[eid] = None
            for k in [k for k in mentions if k[0] == eid]:
                del mentions[k]
            for k in [k for k in gone if k[0] == eid]:
                del gone[k]                  # the event delete covers them
        if r.delete_mention is not None:
            mentions.pop(r.delete_mention, None)
            gone[r.delete_mention] = None
            touched[r.delete_mention[0]] = None
        if r.mention is not None:
            k = (r.mention[0], r.mention[1])
            mentions[k] = r.mention
            touched[k[0]] = None
        if r.article is not None:
            articles[r.article[0]] = r.article
    return Plan(list(deleted), list(gone), list(mentions.values()), list(articles.values()), list(touched))


def event_table_rows(touched: list[str], records: list[tuple[str, str | None]]) -> tuple[list[tuple], list[str]]:
    """The events rows of the touched events, from (event_id, record JSON) of their live mentions:
    (rows to upsert, ids to delete). An event with no live mention left is deleted; mentions
    stored by a sink before 2.0 have no record and keep their event row as it is."""
    by_event: dict[str, list[dict]] = {}
    raw: dict[int, str] = {}
    present = set()
    for event_id, record in records:
        present.add(event_id)
        if record is None:
            continue
        ev = orjson.loads(record)
        raw[id(ev)] = record
        by_event.setdefault(event_id, []).append(ev)
    rows = []
    for event_id, evs in by_event.items():
        best = contract.representative(evs)
        rows.append(event_rows(None, raw[id(best)].encode("utf-8")).event)
    return rows, [e for e in touched if e not in present]


def as_dicts(columns: tuple[str, ...], rows: list[tuple]) -> list[dict[str, Any]]:
    return [dict(zip(columns, r)) for r in rows]
