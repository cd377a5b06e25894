"""Synthetic topic traffic for the sink's benchmark and crash tests (seeded, schema-valid).

Events with ids repeated across articles (several mentions of one event, keyed
`<event_id>/<article_id>`), a share of mention tombstones, and one articles.processed record per article; all of it the
shape the pipeline publishes, none of it article text.
"""
from __future__ import annotations

import datetime
import hashlib
import random

import orjson

from ..contract import mention_key

STATES = ("EGY", "SAU", "FRA", "DEU", "RUS", "CHN", "IRN", "TUR", "PAK", "IND", "USA", "GBR", "ITA", "ESP",
          "QAT", "ARE", "JOR", "IRQ", "VNM", "JPN")
TYPES = (("visit", "042", "visit"), ("meeting", "040", "meet"), ("call", "041", "phone"),
         ("agreement", "057", "sign"), ("negotiation", "046", "negotiate"))


def _id(*parts) -> str:
    return hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=16).hexdigest()


def event(rng: random.Random, article_id: str, day: datetime.date, n_ids: int) -> dict:
    """One event record as article `article_id` (published on `day`) would carry it."""
    k = rng.randrange(n_ids)                   # a small id space: the same event in several articles
    r = random.Random(k)
    a, b = r.sample(STATES, 2)
    etype, cameo, mode = TYPES[k % len(TYPES)]
    date = (datetime.date(2026, 1, 1) + datetime.timedelta(days=k % 300)).isoformat()
    start = rng.randrange(0, 2000)
    sentence = f"Officials of {a} and {b} took part in a {etype} (synthetic record {k})."
    return {
        "schema_version": "2.0", "event_id": _id(etype, a, b, date), "type": etype,
        "status": "planned" if k % 7 == 0 else "occurred", "participants": sorted((a, b)),
        "actor": a if etype == "visit" else None, "target": b if etype == "visit" else None,
        "location": {"country": b, "place": None}, "date": date, "date_phrase": None, "cameo": cameo,
        "plover": {"event": "AGREE" if etype == "agreement" else "CONSULT", "mode": mode},
        "people": [{"name": None, "as_written": "the minister", "role": "minister", "country": a}],
        "evidence": {"sentence": sentence, "start": start, "end": start + len(sentence)},
        "confidence": round(0.5 + rng.random() / 2, 3), "background": rng.random() < 0.1,
        "article": {"id": article_id, "url": f"https://news.example/{article_id}", "source": "example",
                    "published_at": f"{day.isoformat()}T09:00:00+00:00", "language": "en"},
        "language": "en",
        "extractor": {"name": "diplo-streams", "version": "0", "ruleset": "0" * 16},
    }


def traffic(n_events: int, seed: int = 1, tombstone_share: float = 0.02, n_ids: int | None = None):
    """Yield (logical topic, key bytes, value bytes or None) in publishing order."""
    rng = random.Random(seed)
    n_ids = n_ids or max(1, n_events // 2)
    day0 = datetime.date(2026, 1, 1)
    sent, art = 0, 0
    published: list[str] = []         # mention keys
    while sent < n_events:
        article_id = f"syn-{seed}-{art}"
        day = day0 + datetime.timedelta(days=art % 300)
        ids = []
        for _ in range(rng.randint(1, 3)):
            if sent >= n_events:
                break
            if published and rng.random() < tombstone_share:
                yield "events.diplomatic", rng.choice(published).encode(), None    # a retracted mention
            else:
                ev = event(rng, article_id, day, n_ids)
                eid = ev["event_id"]
                key = mention_key(eid, article_id)
                if eid in ids:
                    continue                   # one record per event per article
                published.append(key)
                ids.append(eid)
                yield "events.diplomatic", key.encode(), orjson.dumps(ev)
            sent += 1
        yield "articles.processed", article_id.encode(), orjson.dumps(
            {"article_id": article_id, "language": "en", "event_ids": ids, "status": "ok"})
        art += 1
