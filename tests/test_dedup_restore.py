"""The dedup window rebuilt after a restart: compact changelog values and the bulk index build.

A window rebuilt from its log (`Fingerprint.to_bytes`, or the JSON the `dedup-index` table wrote
before) with `Deduper.add_many` must hold the same articles and give the same verdicts as the
window the worker built article by article with `Deduper.add`.
"""
from __future__ import annotations

import numpy as np
import orjson
import pytest

from streams import window_log
from streams.benchmarks.benchgen import ArticleGenerator
from streams.pipeline import dedup_text, parse_raw
from streams.settings import Settings
from streams.text.fingerprint import Deduper, Fingerprint, fingerprint


@pytest.fixture(scope="module")
def fps() -> list[Fingerprint]:
    """1,600 generated articles (~10 % planted duplicates), event times spread over ~17 minutes."""
    settings = Settings.from_env()
    out = []
    for i, a in enumerate(ArticleGenerator(seed=11).generate(1600)):
        art = parse_raw(orjson.dumps(a), settings, 0)
        out.append(fingerprint(art.id, art.url, dedup_text(art), 1_700_000_000.0 + (i * 7919) % 1000))
    return out


def same(a: Fingerprint, b: Fingerprint) -> bool:
    return (a.article_id, a.url, a.exact, a.n, a.ts) == (b.article_id, b.url, b.exact, b.n, b.ts) and \
        a.sig.dtype == b.sig.dtype and bool((a.sig == b.sig).all())


def test_compact_value_round_trips_and_old_json_still_loads():
    fp = fingerprint("id-ü-1", "https://www.example.org/world/talks?utm_source=x",
                     "Ministers from two neighbouring states met on Monday to discuss river water sharing "
                     "and a new rail link between their capitals, officials said after the meeting.", 1234.5)
    no_url = Fingerprint("id-2", None, fp.exact, fp.sig.copy(), fp.n, 99.0)
    for f in (fp, no_url):
        b = f.to_bytes()
        assert b[:1] == b"\x02" and len(b) < 0.8 * len(orjson.dumps(f.to_dict()))
        assert same(Fingerprint.from_bytes(b), f)
        assert same(Fingerprint.from_bytes(orjson.dumps(f.to_dict())), f)   # v1: the table's JSON
    assert Fingerprint.from_bytes(no_url.to_bytes()).url is None
    with pytest.raises(ValueError):
        Fingerprint.from_bytes(b"\x07" + fp.to_bytes()[1:])


@pytest.mark.parametrize("window,max_age_days", [(100_000, 30.0), (500, 30.0), (100_000, 0.004)])
def test_index_rebuilt_from_compact_values_answers_as_the_original(fps, window, max_age_days):
    live, probes = fps[:1200], fps[1200:]
    original = Deduper(window=window, max_age_days=max_age_days)
    evicted = []
    for fp in sorted(live, key=lambda f: f.ts):       # the order a rebuild adds them in
        if original.check(fp) is None:
            evicted += original.add(fp)
    latest = {window_log.key_of(fp.article_id): (fp.to_bytes(), 0) for fp in live if fp.article_id in original}
    rebuilt_fps, where = window_log.decode(latest)
    rebuilt = Deduper(window=window, max_age_days=max_age_days)
    assert rebuilt.add_many(rebuilt_fps) == []
    assert list(rebuilt._entries) == list(original._entries) and set(where) == set(original._entries)
    verdicts = [(original.check(p), rebuilt.check(p)) for p in probes + live[::5]]
    assert [a for a, _ in verdicts] == [b for _, b in verdicts]
    kinds = {v.kind for v, _ in verdicts if v is not None}
    assert "near" in kinds and sum(v is None for v, _ in verdicts) > len(verdicts) // 2   # both answers occur
    if window < len(live) or max_age_days < 1:
        assert evicted                                   # the window limits were exercised


def test_add_many_evicts_as_add_does(fps):
    ordered = sorted(fps[:900], key=lambda f: f.ts)
    one, bulk = Deduper(window=300, max_age_days=0.005), Deduper(window=300, max_age_days=0.005)
    gone_one = [g for fp in ordered for g in one.add(fp)]
    assert bulk.add_many(ordered) == gone_one and gone_one
    assert list(bulk._entries) == list(one._entries)
    for p in fps[900:1100]:
        assert one.check(p) == bulk.check(p)


def test_decode_skips_bad_values_and_orders_by_event_time(fps):
    a, b, c = fps[0], fps[1], fps[2]
    latest = {b"k1": (a.to_bytes(), 0), b"k2": (orjson.dumps(b.to_dict()), 1), b"k3": (b"\x09junk", 0),
              b"k4": (c.to_bytes(), 0)}
    out, where = window_log.decode(latest)
    assert [f.article_id for f in out] == [f.article_id for f in sorted((a, b, c), key=lambda f: f.ts)]
    assert where == {a.article_id: 0, b.article_id: 1, c.article_id: 0}
    assert all(isinstance(f.sig, np.ndarray) and f.sig.dtype == np.uint32 for f in out)


def test_tail_applied_to_a_prefetched_window_matches_a_full_read(fps):
    """The worker reads the log while it waits for the group, then only what was logged since:
    the same window as reading it all at the assignment."""
    live = sorted(fps[:1000], key=lambda f: f.ts)
    records = [(window_log.key_of(f.article_id), f.to_bytes(), 0) for f in live]
    gone = [f.article_id for f in live[100:160]]
    records += [(window_log.key_of(g), None, 0) for g in gone]                    # evictions' tombstones
    records += [(window_log.key_of(f.article_id), f.to_bytes(), 0) for f in live[100:110]]  # logged again
    for split in (0, 700, 1030, len(records)):
        early, where = window_log.decode(window_log.latest(records[:split]))
        pre = Deduper()
        pre.add_many(early)
        window_log.apply(pre, where, records[split:])
        full_fps, full_where = window_log.decode(window_log.latest(records))
        full = Deduper()
        full.add_many(full_fps)
        assert set(pre._entries) == set(full._entries) and where == full_where
        assert len(full) == 1000 - 50
        for p in fps[1000:] + live[::9]:
            assert pre.check(p) == full.check(p)


# Own sentences: two unrelated stories, and each one lightly re-edited by another outlet.
STORY_A = ("The foreign ministers of Chile and New Zealand met in Wellington on Monday to sign a fisheries "
           "agreement and to discuss shipping routes across the southern Pacific, their offices said.\n"
           "Both sides promised a joint survey of krill stocks and a new hotline between their coast guards, "
           "and agreed to meet again before the end of the year in Santiago.")
EDIT_A = ("The foreign ministers of Chile and New Zealand met in Wellington on Monday to sign a fisheries "
          "agreement and to discuss shipping lanes across the southern Pacific, their offices said.\n"
          "Both sides promised a joint survey of krill stocks and a new hotline between their coast guards, "
          "and agreed to meet again before the end of the year in the Chilean capital.")
STORY_B = ("Kenya's president received a trade delegation from Vietnam in Nairobi on Thursday, with coffee, "
           "rice and textiles at the top of the agenda, according to a statement from the state house.\n"
           "The two governments expect to open direct flights next spring and to sign an investment "
           "protection treaty at a summit planned in Hanoi.")
EDIT_B = ("Kenya's president received a trade delegation from Vietnam in Nairobi on Thursday, with coffee, "
          "rice and textiles at the top of the agenda, a statement from the state house said.\n"
          "The two governments expect to open direct flights next spring and to sign an investment "
          "protection treaty at a summit planned in Hanoi, officials added.")


@pytest.mark.integration
@pytest.mark.slow
def test_window_survives_sigkill_and_loads_the_old_table_format(broker, tmp_path):
    """A real worker, SIGKILLed, and its successor (same app id) on the embedded broker: the
    successor's window holds what the first one wrote (compact values) and a record in the old
    `dedup-index` table JSON written before either started; it is ready only once it does."""
    import asyncio
    import re
    import time

    from aiokafka import AIOKafkaProducer
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic

    from streams import topics as T
    from streams.benchmarks.bench import _collect, _send_all
    from streams.runner import WorkerProcess
    from streams.topics import ensure_topics_sync

    run = f"wrs{time.time_ns() // 1_000_000}"
    settings = Settings.from_env(broker=broker.url, app_id=f"diplo-{run}", topic_prefix=f"{run}.")
    ensure_topics_sync(settings)
    terminal = [settings.topic(t) for t in T.TERMINAL]
    outcome: dict[str, tuple[str, str | None]] = {}

    def seen(topic, record):
        return _terminal_id_and_note(topic, record, outcome)

    async def old_record():
        admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers)
        await admin.start()
        await admin.create_topics([NewTopic(window_log.topic_name(settings.app_id), 1, 1,
                                            topic_configs={"cleanup.policy": "compact"})])
        await admin.close()
        old = fingerprint("old-a", "https://example.net/a", STORY_A, time.time() - 60)
        producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers)
        await producer.start()
        await producer.send_and_wait(window_log.topic_name(settings.app_id), orjson.dumps(old.to_dict()),
                                     key=window_log.key_of("old-a"), partition=0)
        await producer.stop()

    async def publish(arts):
        ids = [a["id"] for a in arts]
        collector = asyncio.create_task(_collect(settings, terminal, set(ids), 60, "restore", id_of=seen))
        await _send_all(settings, settings.topic(T.RAW), [orjson.dumps(a) for a in arts], ids, None, {})
        await collector

    def worker(name):
        return WorkerProcess(broker.url, app_id=settings.app_id, log_path=str(tmp_path / f"{name}.log"),
                             env={"STREAMS_TOPIC_PREFIX": settings.topic_prefix, "STREAMS_LOG_LEVEL": "info"}).start()

    def window_size(w) -> float:
        return float(re.search(r"^diplo_dedup_index_articles (\S+)$", w.metrics_text(), re.M).group(1))

    asyncio.run(old_record())
    first = worker("first")
    try:
        first.wait_ready(60)
        asyncio.run(publish([{"id": "new-b", "url": "https://example.org/b", "text": STORY_B},
                             {"id": "edit-a-1", "url": "https://example.com/a1", "text": EDIT_A}]))
        assert outcome["new-b"][0] != T.DUPLICATES
        assert outcome["edit-a-1"] == (T.DUPLICATES, "old-a")          # the v1 record was loaded
        assert window_size(first) == 2
    finally:
        first.kill()
    second = worker("second")
    try:
        second.wait_ready(90)
        assert window_size(second) == 2                                 # rebuilt before ready
        asyncio.run(publish([{"id": "edit-b", "url": "https://example.com/b2", "text": EDIT_B},
                             {"id": "edit-a-2", "url": "https://example.com/a2", "text": EDIT_A}]))
        assert outcome["edit-b"] == (T.DUPLICATES, "new-b")             # written by the killed worker
        assert outcome["edit-a-2"] == (T.DUPLICATES, "old-a")
    finally:
        second.stop()
    log = (tmp_path / "second.log").read_text(errors="replace")
    assert re.search(r"dedup window: 2 articles from 2 changelog records", log), log[-2000:]


def _terminal_id_and_note(topic: str, record, outcome: dict) -> str | None:
    from streams import topics as T
    from streams.benchmarks.bench import _terminal_id

    art_id = _terminal_id(topic, record)
    if art_id is not None and art_id not in outcome:
        kind = next(t for t in T.TERMINAL if topic.endswith(t))
        dup = orjson.loads(record.value).get("duplicate_of") if kind == T.DUPLICATES else None
        outcome[art_id] = (kind, dup)
    return art_id
