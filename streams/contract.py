"""The events.diplomatic contract as plain functions: keys, retractions and the merge rule.

One record per *mention* (an event as one article reports it), keyed `<event_id>/<article_id>`.
On a compacted topic (last record per key wins) that makes every rule below local to one article:
a background mention cannot overwrite another article's foreground record (different keys), and
an article that no longer reports an event retracts only its own mention (a tombstone on its own
key), never another article's. The event itself is the set of its live mentions; its record is
the one `representative` picks, a pure function of that set (not of arrival order, which differs
across partitions). The worker (agents/extract.py), the sink and `fold` (what a subscriber
rebuilding state from the topic computes) all use these functions. docs/contract.md says why.
"""
from __future__ import annotations

import re
from typing import Iterable

EVENT_ID = re.compile(r"^[0-9a-f]{32}$")
SEP = "/"
_LAST = "\uffff"    # sorts after any published_at, so a mention without one comes last


def mention_key(event_id: str, article_id: str) -> str:
    """The key of one article's record of one event (event ids are 32 hex digits: split at 32)."""
    return f"{event_id}{SEP}{article_id}"


def split_key(key: bytes | str) -> tuple[str, str | None]:
    """`<event_id>/<article_id>` -> (event_id, article_id); a bare event id (the layout before
    schema 2.0) -> (event_id, None). ValueError for anything else."""
    if isinstance(key, (bytes, bytearray)):
        key = bytes(key).decode("utf-8")
    event_id, sep, article_id = key[:32], key[32:33], key[33:]
    if not EVENT_ID.match(event_id) or (sep and sep != SEP) or (sep and not article_id):
        raise ValueError(f"not an events.diplomatic key: {key[:80]!r}")
    return event_id, (article_id if sep else None)


def retractions(remembered: Iterable[str], current: Iterable[str]) -> list[str]:
    """Event ids an article reported before (`remembered`) and no longer reports: tombstone its
    mention of each. Sorted, so a redelivery sends the same records in the same order."""
    return sorted(set(remembered) - set(current))


def remember(remembered: Iterable[str], current: Iterable[str]) -> list[str]:
    """What the article table keeps: every id the article ever reported (old and new, sorted).

    A union, never only the current ids: if the worker dies after the table write but before a
    tombstone is delivered, the redelivered article still finds that id and retracts it again
    (a repeated tombstone is harmless; a forgotten one would leave a stale mention forever)."""
    return sorted(set(remembered) | set(current))


def on_reprocess(remembered: list[str] | None, current: list[str]) -> tuple[list[str], list[str] | None]:
    """For an article processed (again): (ids whose mention to retract, the table's new entry, or
    None when it is unchanged: no write, and no entry at all for an article that never reported
    an event)."""
    remembered = remembered or []
    after = remember(remembered, current)
    return retractions(remembered, current), (after if after != remembered else None)


def _rank(ev: dict) -> tuple:
    art = ev.get("article") or {}
    conf = ev.get("confidence")
    return (bool(ev.get("background")), -(conf if isinstance(conf, (int, float)) else 0.0),
            art.get("published_at") or _LAST, str(art.get("id") or ""))


def representative(mentions: Iterable[dict]) -> dict | None:
    """The record that stands for an event among its live mentions: a foreground mention if there
    is one (a background mention never wins over it), then the highest confidence, then the
    earliest publication, then the smallest article id. None when no mention is left."""
    return min(mentions, key=_rank, default=None)


def live_mentions(records: Iterable[tuple[bytes | str | None, dict | None]]) -> dict[tuple[str, str | None], dict]:
    """What compaction leaves of (key, value) records read in offset order: the last value per key,
    a None value (tombstone) deleting its key. Keyed by (event_id, article_id)."""
    live: dict[tuple[str, str | None], dict] = {}
    for key, value in records:
        k = split_key(key)
        if value is None:
            live.pop(k, None)
            if k[1] is None:     # an old-layout tombstone (bare event id) retracted the whole event
                for other in [m for m in live if m[0] == k[0]]:
                    del live[other]
        else:
            live[k] = value
    return live


def events_of(live: dict[tuple[str, str | None], dict]) -> dict[str, dict]:
    """event_id -> its representative record, from live mentions."""
    by_event: dict[str, list[dict]] = {}
    for (event_id, _), ev in live.items():
        by_event.setdefault(event_id, []).append(ev)
    return {eid: representative(evs) for eid, evs in by_event.items()}


def fold(records: Iterable[tuple[bytes | str | None, dict | None]]) -> dict[str, dict]:
    """A subscriber rebuilding state from the topic: event_id -> record, after every tombstone."""
    return events_of(live_mentions(records))

