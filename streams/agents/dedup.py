"""articles.raw -> articles.unique | articles.duplicates | articles.dlq.

Parses and validates publisher bytes, then checks the dedup window. The window's
fingerprints live in the `dedup-index` table (changelogged); the LSH index is a
derived in-memory structure rebuilt from the table after every (re)assignment.
"""
from __future__ import annotations

from contextlib import contextmanager

from ..app import app, dedup_index, dlq_topic, duplicates_topic, raw_topic, settings, unique_topic
from ..delivery import guard
from ..origin import capture
from ..pipeline import article_error_id, dedup_text, parse_raw
from ..records import Duplicate
from ..text.fingerprint import Deduper, Fingerprint, fingerprint
from .common import M, dead_letter, observe_end_to_end_ms, timed
from .outbox import Outbox

STAGE = "dedup"
OK = M.articles.labels(STAGE, "ok")
DUPLICATE = M.articles.labels(STAGE, "duplicate")


class _Window:
    deduper: Deduper | None = None

    def rebuild(self) -> Deduper:
        d = Deduper(threshold=settings.dedup_threshold, window=settings.dedup_window,
                    max_age_days=settings.dedup_max_age_days)
        fps = [Fingerprint.from_dict(v) for v in dedup_index.values() if v]
        for fp in sorted(fps, key=lambda f: f.ts):
            d.add(fp)
        self.deduper = d
        M.dedup_index_size.set(len(d))
        return d


window = _Window()


@contextmanager
def _current(stream, event):
    """Make `event` current for the table write only (it picks the changelog partition).

    take_events leaves the current event unset; its background reader takes the event to
    buffer from `stream.current_event` after awaiting the batch being processed. Left set
    across an await, our value made it buffer an already-seen event instead of the new one
    (one article twice, the next one lost). No await happens inside this block.
    """
    previous = stream.current_event
    stream._set_current_event(event)
    try:
        yield
    finally:
        stream._set_current_event(previous)


@app.on_partitions_assigned.connect
async def _on_assigned(sender, assigned, **kwargs) -> None:
    window.deduper = None   # rebuilt lazily once the table has recovered


@app.agent(raw_topic)
async def dedup(stream):
    out = Outbox(app)
    async for events in stream.take_events(settings.batch_size, within=settings.batch_within):
        deduper = window.deduper or window.rebuild()
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
                            with _current(stream, event):
                                for gone in deduper.add(fp):
                                    dedup_index.pop(gone, None)
                                dedup_index[article.id] = fp.to_dict()
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
