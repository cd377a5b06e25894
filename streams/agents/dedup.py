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
    eviction's tombstone goes there). `task` rebuilds it after an assignment; `prefetch` builds
    it from the log while the worker still waits for the group (one raw partition only)."""

    def __init__(self) -> None:
        self.deduper: Deduper | None = None
        self.partition: dict[str, int] = {}
        self.task: asyncio.Task | None = None
        self.prefetch: asyncio.Task | None = None

    def new_deduper(self) -> Deduper:
        return Deduper(threshold=settings.dedup_threshold, window=settings.dedup_window,
                       max_age_days=settings.dedup_max_age_days)

    async def load(self, partitions: list[int]) -> tuple[Deduper, dict[str, int], dict[int, int]]:
        """The window of `partitions` as logged now: (deduper, article id -> partition, next offsets)."""
        t0 = time.monotonic()
        records, offsets = await window_log.read_log(settings, dedup_log_topic.get_topic_name(), partitions)
        t1 = time.monotonic()
        n = len(records)

        def build():   # CPU only: in a thread, so the loop (web, Faust) keeps answering
            fps, where = window_log.decode(window_log.latest(records))
            d = self.new_deduper()
            for gone in d.add_many(fps):   # a window bigger than the setting: trimmed as add() would
                where.pop(gone, None)
            return d, where

        d, where = await asyncio.get_running_loop().run_in_executor(None, build)
        records = None
        window_log.release_memory()
        log.info("dedup window: %d articles from %d changelog records of partitions %s: read %.2f s, "
                 "index built %.2f s", len(d), n, partitions, t1 - t0, time.monotonic() - t1)
        return d, where, offsets

    async def restore(self, partitions: list[int]) -> None:
        t0 = time.monotonic()
        await dedup_log_topic.maybe_declare()    # a new app's first assignment: the topic is created here
        pre, self.prefetch = self.prefetch, None
        state = None
        if pre is not None and partitions == [0]:
            try:
                state = await pre
            except Exception as exc:   # noqa: BLE001 - read it again below
                log.warning("dedup window: the read before the assignment failed (%r); reading again", exc)
        elif pre is not None:
            pre.cancel()
        if state is None:
            d, where, _ = await self.load(partitions)
        else:   # built before the assignment: add what was logged since
            d, where, offsets = state
            tail, _ = await window_log.read_log(settings, dedup_log_topic.get_topic_name(), partitions, offsets)
            await asyncio.get_running_loop().run_in_executor(None, window_log.apply, d, where, tail)
            log.info("dedup window: %d articles, %d changelog records since the read before the assignment "
                     "(%.2f s)", len(d), len(tail), time.monotonic() - t0)
        self.deduper, self.partition = d, where
        M.dedup_index_size.set(len(d))

    async def current(self) -> Deduper:
        if self.task is not None:
            await self.task      # an assignment's restore still running: wait (never a partial window)
        if self.deduper is None:
            self.deduper, self.partition = self.new_deduper(), {}
        return self.deduper


window = _Window()


@app.on_worker_init.connect
def _prefetch_window(sender=None, **kwargs) -> None:
    """With one raw partition (the default: one global window) the worker that gets the stage
    gets partition 0, so its window can be read and indexed while the group join still waits
    (11 s after a crash on Tansu, docs/benchmarks.md); the assignment then reads only the tail.
    (An app task would start too late: Faust starts those after the first assignment.)"""
    if settings.raw_partitions != 1 or window.prefetch is not None:
        return
    try:
        loop = asyncio.get_event_loop()
    except RuntimeError:   # asyncio's own policy after an asyncio.run(): no loop yet, read at the assignment
        return
    window.prefetch = loop.create_task(window.load([0]))


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
