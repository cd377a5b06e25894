"""What every agent shares: dead-lettering with Kafka-Connect-style headers, timing, latency."""
from __future__ import annotations

import logging
import time
import traceback
from contextlib import contextmanager

from ..errors import StageError
from ..delivery import guard
from ..metrics import metrics
from ..origin import Original, original_of

M = metrics()
HEADER = "__dlq.errors."
log = logging.getLogger(__name__)


def dlq_headers(original: Original, stage: str, exc: BaseException, article_id: str | None) -> list[tuple[str, bytes]]:
    """Original headers plus origin and error, as Kafka Connect's errors.deadletterqueue does.

    topic/partition/offset name the publisher's message on articles.raw at every stage."""
    reason = exc.reason if isinstance(exc, StageError) else "internal_error"
    text = exc.message if isinstance(exc, StageError) else f"{type(exc).__name__}: {exc}"
    headers = list(original.headers)
    headers += [
        (HEADER + "topic", original.topic.encode()),
        (HEADER + "partition", str(original.partition).encode()),
        (HEADER + "offset", str(original.offset).encode()),
        (HEADER + "stage", stage.encode()),
        (HEADER + "reason", reason.encode()),
        (HEADER + "exception.class.name", type(exc).__name__.encode()),
        (HEADER + "exception.message", text[:1000].encode("utf-8", "replace")),
        (HEADER + "timestamp", str(int(time.time() * 1000)).encode()),
    ]
    if article_id:
        headers.append((HEADER + "article.id", article_id.encode("utf-8", "replace")))
    if original.omitted:
        headers.append((HEADER + "original.omitted",
                        f"{original.omitted} bytes: the value is the internal record; the original is at "
                        f"topic/partition/offset".encode()))
    if not isinstance(exc, StageError):
        headers.append((HEADER + "exception.stacktrace",
                        "".join(traceback.format_exception(exc))[-4000:].encode("utf-8", "replace")))
    return headers


# A dead letter whose send is refused (too large with our headers, or an odd key) is sent
# again with its value cut to this size and only our own headers, marked as truncated.
DLQ_FALLBACK_VALUE_BYTES = 512 * 1024


async def dead_letter(dlq_topic, event, stage: str, exc: BaseException, article_id: str | None = None) -> None:
    """Send the publisher's original message to the DLQ with why; a refused send is retried smaller.

    At clean/language/extract the original comes from the record's `origin` (streams/origin.py),
    not from the internal message being processed. Only if the retry fails too does this raise;
    the delivery guard then refuses every later commit (streams/delivery.py), so the message
    comes back (at-least-once) rather than being dropped.
    """
    original = original_of(event)
    key, value = original.key, original.value
    reason = exc.reason if isinstance(exc, StageError) else "internal_error"
    try:
        fut = await dlq_topic.send(key=key, value=value, headers=dlq_headers(original, stage, exc, article_id))
    except Exception as send_exc:   # noqa: BLE001 - retried below in a form any broker accepts
        log.warning("DLQ send refused (%s: %s); sending a truncated copy", type(send_exc).__name__, send_exc)
        headers = [h for h in dlq_headers(original, stage, exc, article_id) if h[0].startswith(HEADER)]
        headers.append((HEADER + "value.truncated", f"{len(value)} bytes, {type(send_exc).__name__}".encode()))
        try:
            fut = await dlq_topic.send(key=key[:1024] if key else None, value=value[:DLQ_FALLBACK_VALUE_BYTES],
                                       headers=headers)
        except BaseException as final_exc:
            guard.fail(final_exc)
            raise
    guard.watch(fut)    # delivered or no more commits (streams/delivery.py)
    M.dead_letters.labels(stage, reason).inc()
    M.articles.labels(stage, "dlq").inc()
    observe_end_to_end_ms(getattr(event.value, "received_ms", 0) or int(event.message.timestamp * 1000))


def observe_end_to_end_ms(received_ms: int) -> None:
    if received_ms:
        M.end_to_end.observe(max(0.0, time.time() - received_ms / 1000))


@contextmanager
def timed(stage: str):
    start = time.perf_counter()
    try:
        yield
    finally:
        M.stage_seconds.labels(stage).observe(time.perf_counter() - start)
