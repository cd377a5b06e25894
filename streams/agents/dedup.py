"""articles.raw -> articles.unique | articles.duplicates | articles.dlq.

Parses and validates publisher bytes, then checks the dedup window. The window's
fingerprints are logged to a compacted topic (streams/window_log.py); on every (re)assignment
the window, LSH index included, is rebuilt from it in bulk before a record is processed.
"""
from __future__ import annotations

import asyncio
import logging
import time

from ..app import app, dedup_log_topic, dlq_topic, duplicates_topic, raw_topic, restoring, settings, unique_topic
from ..delivery import guard
from ..origin import capture
from ..pipeline import article_error_id, dedup_text, parse_raw
from ..records import Duplicate
from ..text.fingerprint import Deduper, fingerprint
from .. import window_log
from .common import M, dead_letter, observe_end_to_end_ms, timed
from .outbox import Outbox

STAGE = "dedup"
OK = M.articles.labels(STAGE, "ok")
DUPLICATE = M.articles.labels(STAGE, "duplicate")
RESTORING = "dedup window"
log = logging.getLogger(__name__)


class _Window:
    """The worker's dedup window: the Deduper and, per article, its changelog partition (an
    eviction's tombstone goes there). `task` rebuilds it after an assignment."""

    def __init__(self) -> None:
        self.deduper: Deduper | None = None
        self.partition: dict[str, int] = {}
        self.task: asyncio.Task | None = None

    def new_deduper(self) -> Deduper:
        return Deduper(threshold=settings.dedup_threshold, window=settings.dedup_window,
                       max_age_days=settings.dedup_max_age_days)

    async def restore(self, partitions: list[int]) -> None:
        t0 = time.monotonic()
        await dedup_log_topic.maybe_declare()
        latest = await window_log.read_latest(settings, dedup_log_topic.get_topic_name(), partitions)
        t1 = time.monotonic()

        def build():   # CPU only: in a thread, so the loop (web, Faust) keeps answering
            fps, where = window_log.decode(latest)
            d = self.new_deduper()
            for gone in d.add_many(fps):   # a window bigger than the setting: trimmed as add() would
                where.pop(gone, None)
            return d, where

        d, where = await asyncio.get_running_loop().run_in_executor(None, build)
        self.deduper, self.partition = d, where
        M.dedup_index_size.set(len(d))
        log.info("dedup window: %d articles from %d changelog records of partitions %s: read %.2f s, "
                 "index built %.2f s", len(d), len(latest), partitions, t1 - t0, time.monotonic() - t1)

    async def current(self) -> Deduper:
        if self.task is not None:
            await self.task      # an assignment's restore still running: wait (never a partial window)
        if self.deduper is None:
            self.deduper, self.partition = self.new_deduper(), {}
        return self.deduper


window = _Window()


@app.on_partitions_assigned.connect
async def _on_assigned(sender, assigned, **kwargs) -> None:
    """Rebuild the window from its log before any record of the new assignment is processed
    (the partitions are paused while this runs; /readyz waits for it too)."""
    partitions = sorted(tp.partition for tp in assigned if tp.topic == raw_topic.get_topic_name())
    window.deduper = None
    restoring.add(RESTORING)
    task = window.task = asyncio.ensure_future(window.restore(partitions))
    try:
        await task
    finally:
        if window.task is task:
            window.task = None
            restoring.discard(RESTORING)


@app.agent(raw_topic)
async def dedup(stream):
    out = Outbox(app)
    async for events in stream.take_events(settings.batch_size, within=settings.batch_within):
        deduper = await window.current()
        M.batch_size.labels(STAGE).observe(len(events))
        try:
            for event in events:
                message = event.message
                article_id = None
                try:
                    with timed(STAGE):
                        article = parse_raw(event.value, settings, int(message.timestamp * 1000))
                        article_id = article.id
                        fp = fingerprint(article.id, article.url, dedup_text(article), message.timestamp)
                        verdict = deduper.check(fp)
                        if verdict is None:
                            for gone in deduper.add(fp):
                                out.add(dedup_log_topic, window_log.key_of(gone), None,
                                        partition=window.partition.pop(gone, message.partition))
                            out.add(dedup_log_topic, window_log.key_of(article.id), fp.to_bytes(),
                                    partition=message.partition)
                            window.partition[article.id] = message.partition
                except Exception as exc:  # StageError or a bug: never crash, never lose
                    await dead_letter(dlq_topic, event, STAGE, exc, article_id or article_error_id(event.value))
                    continue
                if verdict is None:
                    article.origin = capture(message)   # for a dead letter at a later stage
                    out.add(unique_topic, article.id, article)
                    OK.inc()
                else:
                    out.add(duplicates_topic, article.id, Duplicate(
                        article_id=article.id, duplicate_of=verdict.duplicate_of, kind=verdict.kind,
                        similarity=round(float(verdict.similarity), 4), url=article.url))
                    M.duplicates.labels(verdict.kind).inc()
                    DUPLICATE.inc()
                    observe_end_to_end_ms(article.received_ms)
                await out.maybe_flush()
        except BaseException as exc:   # take_events acks the whole batch even so: no commit after this
            guard.fail(exc)
            raise
        finally:
            await out.flush()   # records handed to the producer before take_events acks the batch
        M.dedup_index_size.set(len(deduper))
