"""The pure pipeline: what each stage does to one article, with no Kafka in sight.

Agents (streams/agents/) call exactly these functions; `streams evaluate` runs
them in-process through `InProcessPipeline`, so both paths give the same answers.
Every failure is a `StageError` with a stable reason slug that ends in the DLQ.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any, Iterable

import orjson

from .errors import StageError
from .guard import time_limit
from .records import Article, CleanArticle, DetectedArticle
from .settings import Settings

KNOWN_FIELDS = ("id", "url", "source", "published_at", "title", "text", "html")
MAX_ID_CHARS = 512
MAX_META_CHARS = 512          # short string fields (url, source, published_at, title...) are capped here x4
MAX_META_BYTES = 16_384       # unknown fields are carried along (Article.meta) up to this size, else dropped
BOM = b"\xef\xbb\xbf"


def _check_str(obj: dict, name: str, cap: int) -> str | None:
    value = obj.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise StageError("wrong_type", f"field {name!r} must be a string or null, got {type(value).__name__}")
    if len(value) > cap:
        raise StageError("field_too_large", f"field {name!r} has {len(value)} characters (cap {cap})")
    return value


# C0/C1 controls (category Cc) except \t and \n, surrogates (Cs), and the non-characters U+FFFE/U+FFFF
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _scrub(text: str | None) -> str | None:
    """Drop NUL and other C0/C1 control characters (keep newlines and tabs), surrogates too."""
    if not text:
        return text
    if text.isprintable():
        return text
    return _CONTROL.sub("", text)   # a regex: the per-character loop was ~1.7 ms of a 3 KB article


def parse_raw(value: Any, settings: Settings, received_ms: int = 0) -> Article:
    """Bytes from articles.raw -> a validated Article, or StageError with a clear reason."""
    if value is None:
        raise StageError("empty_message", "message has no value (tombstone or empty)")
    if isinstance(value, str):
        value = value.encode("utf-8", "surrogatepass")
    if not isinstance(value, (bytes, bytearray)):
        raise StageError("wrong_type", f"message value is {type(value).__name__}, not bytes")
    if len(value) == 0:
        raise StageError("empty_message", "message value is empty")
    if len(value) > settings.max_message_bytes:
        raise StageError("message_too_large", f"{len(value)} bytes > cap {settings.max_message_bytes}")
    if value[:3] == BOM:      # RFC 8259 8.1: a parser MAY ignore a leading byte order mark (Windows producers)
        value = value[3:]
    try:
        value.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StageError("invalid_utf8", f"not UTF-8: {exc}") from None
    try:
        obj = orjson.loads(value)
    except orjson.JSONDecodeError as exc:
        raise StageError("invalid_json", f"not JSON: {exc}") from None
    if not isinstance(obj, dict):
        raise StageError("not_an_object", f"JSON value is {type(obj).__name__}, not an object")
    art_id = obj.get("id")
    if art_id is None or art_id == "":
        raise StageError("missing_id", "field 'id' is required")
    if isinstance(art_id, (int,)) and not isinstance(art_id, bool) and abs(art_id) < 2**63:
        art_id = str(art_id)
    if not isinstance(art_id, str):
        raise StageError("wrong_type", f"field 'id' must be a string, got {type(art_id).__name__}")
    if len(art_id) > MAX_ID_CHARS or not art_id.strip():
        raise StageError("bad_id", "field 'id' is blank or longer than 512 characters")
    text = _check_str(obj, "text", settings.max_text_chars)
    html = _check_str(obj, "html", settings.max_text_chars)
    if not (text and text.strip()) and not (html and html.strip()):
        raise StageError("empty_body", "neither 'text' nor 'html' has content")
    meta = {k: v for k, v in obj.items() if k not in KNOWN_FIELDS}
    try:
        too_big = len(orjson.dumps(meta)) > MAX_META_BYTES
    except (orjson.JSONEncodeError, TypeError):   # nested deeper than orjson writes (254), ...
        too_big = True
    if too_big:
        meta = {"_dropped": f"unknown fields over {MAX_META_BYTES} bytes or too deeply nested"}
    return Article(
        id=art_id,
        url=_check_str(obj, "url", 4 * MAX_META_CHARS),
        source=_check_str(obj, "source", MAX_META_CHARS),
        published_at=_check_str(obj, "published_at", 64),
        title=_check_str(obj, "title", 4 * MAX_META_CHARS),
        text=_scrub(text),
        html=_scrub(html),
        meta=meta,
        received_ms=received_ms,
    )


def article_error_id(value: Any) -> str | None:
    """Best-effort article id from an undecodable message, for DLQ headers and accounting."""
    try:
        if isinstance(value, (bytes, bytearray)) and value[:3] == BOM:
            value = value[3:]
        obj = orjson.loads(value)
        art_id = obj.get("id") if isinstance(obj, dict) else None
        if isinstance(art_id, int) and not isinstance(art_id, bool) and abs(art_id) < 2**63:
            art_id = str(art_id)     # the same rule as parse_raw
        return art_id if isinstance(art_id, str) and len(art_id) <= MAX_ID_CHARS else None
    except Exception:
        return None


# --- stage functions ---------------------------------------------------------------------------

def dedup_text(article: Article) -> str:
    """What the dedup stage fingerprints: the raw text, or a cheap text of the HTML."""
    if article.text and article.text.strip():
        return article.text.strip()
    from .text.html import quick_text

    return quick_text(article.html or "").strip()   # depth pre-scan first: deep nesting never reaches Lexbor


def html_text(html: str) -> str:
    """Visible text of an HTML page, cheaply (selectolax/Lexbor, ~70 µs a page); no main-text heuristics."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for node in tree.css("script, style, noscript, template"):
        node.decompose()
    root = tree.body or tree.root
    return root.text(separator="\n", strip=True) if root is not None else ""


def clean(article: Article, settings: Settings) -> CleanArticle:
    from .text.clean import clean_article

    with time_limit(settings.stage_timeout):
        result = clean_article(article.text, article.html, article.title, max_chars=settings.max_text_chars)
    return CleanArticle(
        id=article.id, text=result.text, url=article.url, source=article.source,
        published_at=article.published_at, title=result.title or article.title,
        removed=dict(result.removed), received_ms=article.received_ms, origin=article.origin)


def detect(article: CleanArticle, settings: Settings) -> DetectedArticle:
    from .text.language import detect_language

    with time_limit(settings.stage_timeout):
        result = detect_language(article.text)
    return DetectedArticle(
        id=article.id, text=article.text, language=result.language,
        language_confidence=round(float(result.confidence), 4), stray_lines=len(result.stray_lines),
        url=article.url, source=article.source, published_at=article.published_at,
        title=article.title, received_ms=article.received_ms, origin=article.origin)


def supported(language: str, settings: Settings) -> bool:
    return language in settings.languages


def extract(article: DetectedArticle, settings: Settings) -> list[dict]:
    from .events.coder import extract_events

    meta = {"id": article.id, "url": article.url, "source": article.source,
            "published_at": article.published_at, "language": article.language}
    with time_limit(settings.stage_timeout):
        return extract_events(article.text, article.language, article.published_at, meta, title=article.title)


# --- the whole chain in-process (evaluate, tests, bench baselines) -----------------------------

@dataclass
class Outcome:
    """Where one input ended: exactly one of processed / duplicate / dead letter."""

    article_id: str | None
    terminal: str                          # processed | duplicate | dlq
    language: str | None = None
    duplicate_of: str | None = None
    duplicate_kind: str | None = None
    events: list[dict] = field(default_factory=list)
    status: str | None = None
    stage: str | None = None
    reason: str | None = None
    message: str | None = None


class InProcessPipeline:
    """dedup -> clean -> language -> extract over an iterable of raw messages, in order."""

    def __init__(self, settings: Settings | None = None):
        from .text.fingerprint import Deduper

        self.settings = settings or Settings.from_env()
        s = self.settings
        self.deduper = Deduper(threshold=s.dedup_threshold, window=s.dedup_window, max_age_days=s.dedup_max_age_days)

    def run_one(self, value: bytes, received_ms: int | None = None) -> Outcome:
        from .text.fingerprint import fingerprint

        s = self.settings
        received_ms = int(time.time() * 1000) if received_ms is None else received_ms
        stage = "dedup"
        art_id = None
        try:
            article = parse_raw(value, s, received_ms)
            art_id = article.id
            fp = fingerprint(article.id, article.url, dedup_text(article), received_ms / 1000)
            verdict = self.deduper.check(fp)
            if verdict is not None:
                return Outcome(art_id, "duplicate", duplicate_of=verdict.duplicate_of, duplicate_kind=verdict.kind)
            self.deduper.add(fp)
            stage = "clean"
            cleaned = clean(article, s)
            stage = "language"
            detected = detect(cleaned, s)
            if not supported(detected.language, s):
                return Outcome(art_id, "processed", language=detected.language, status="unsupported_language",
                               reason=f"language {detected.language!r} is not in STREAMS_LANGUAGES")
            stage = "extract"
            events = extract(detected, s)
            return Outcome(art_id, "processed", language=detected.language, events=events, status="ok")
        except StageError as exc:
            return Outcome(art_id or article_error_id(value), "dlq", stage=stage, reason=exc.reason,
                           message=exc.message)
        except Exception as exc:  # a bug in a stage must not lose the message either
            return Outcome(art_id or article_error_id(value), "dlq", stage=stage, reason="internal_error",
                           message=f"{type(exc).__name__}: {exc}"[:500])

    def run(self, values: Iterable[bytes]) -> list[Outcome]:
        return [self.run_one(v) for v in values]
