"""Typed records at every topic boundary (Faust Records, serialised with orjson).

articles.raw carries publisher bytes (parsed and validated by `pipeline.parse_raw`);
from then on each hop has its own record type. Events (events.diplomatic) are
plain JSON objects validated by streams/schemas/event.schema.json, the public contract.
The terminal records (Processed, Duplicate) are public too: `include_metadata=False` keeps
Faust's `__faust` type tag out of them (subscribers are not Faust apps; our own topics are
read with an explicit value_type, which needs no tag).
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

import faust

from . import codec  # noqa: F401  (registers the "orjson" codec these records name)


class Article(faust.Record, serializer="orjson", allow_blessed_key=False):
    """A validated input article (articles.unique)."""

    id: str
    url: Optional[str] = None
    source: Optional[str] = None
    published_at: Optional[str] = None
    title: Optional[str] = None
    text: Optional[str] = None
    html: Optional[str] = None
    meta: Dict[str, Any] = {}
    received_ms: int = 0          # publish time (raw message timestamp): end-to-end latency starts here
    origin: Optional[Dict[str, Any]] = None   # the publisher's message, for the DLQ (streams/origin.py)


class CleanArticle(faust.Record, serializer="orjson"):
    """Main text of an article after boilerplate removal (articles.clean)."""

    id: str
    text: str
    url: Optional[str] = None
    source: Optional[str] = None
    published_at: Optional[str] = None
    title: Optional[str] = None
    removed: Dict[str, int] = {}
    received_ms: int = 0
    origin: Optional[Dict[str, Any]] = None   # the publisher's message, for the DLQ (streams/origin.py)


class DetectedArticle(faust.Record, serializer="orjson"):
    """A clean article with its language (articles.detected)."""

    id: str
    text: str
    language: str
    language_confidence: float = 0.0
    stray_lines: int = 0
    url: Optional[str] = None
    source: Optional[str] = None
    published_at: Optional[str] = None
    title: Optional[str] = None
    received_ms: int = 0
    origin: Optional[Dict[str, Any]] = None   # the publisher's message, for the DLQ (streams/origin.py)


class Processed(faust.Record, serializer="orjson", include_metadata=False):
    """Terminal record of an article that went through the whole chain (articles.processed)."""

    article_id: str
    language: str
    event_ids: List[str] = []
    status: str = "ok"                  # ok | unsupported_language
    reason: Optional[str] = None
    events_by_type: Dict[str, int] = {}


class Duplicate(faust.Record, serializer="orjson", include_metadata=False):
    """Terminal record of a duplicate article (articles.duplicates)."""

    article_id: str
    duplicate_of: str
    kind: str                           # url | exact | near
    similarity: float = 1.0
    url: Optional[str] = None
