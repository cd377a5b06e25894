"""The Faust application: settings, topics, the dedup table and the web endpoints.

Import order matters only here: `streams.app` builds the app from the environment,
then imports the agent modules so `streams worker` finds them.
"""
from __future__ import annotations

import asyncio
import logging
import os
import threading
import time

import faust
from aiokafka.client import AIOKafkaClient
from faust.tables import TableManager
from faust.transport.drivers import aiokafka as _faust_aiokafka
from faust.web import Request, Response, View
from mode.utils.queues import FlowControlEvent

from . import codec  # noqa: F401  (registers the "orjson" codec)
from . import broker_contact
from . import topics as T
from . import window_log
from .delivery import guard as delivery_guard, install as install_delivery_guard, keep_queued_on_resume
from .kafka_security import faust_credentials
from .metrics import metrics
from .records import Article, CleanArticle, DetectedArticle, Duplicate, Processed
from .sensors import setup_sensors
from .settings import Settings
from .web import FAUST_WEB_OPTIONS

settings = Settings.from_env()

# Faust hard-codes fetch_max_wait_ms=1500 for its consumer. Tansu holds a fetch for that long
# even when records arrive meanwhile, so each of the four hops added up to 1.5 s (p50 2.6 s
# end to end at 5 articles/s). Apache Kafka answers a long poll as soon as data arrives, so a
# short wait only costs a few more empty fetches there. STREAMS_FETCH_MAX_WAIT_MS (default 50).
_create_worker_consumer = _faust_aiokafka.AIOKafkaConsumerThread._create_worker_consumer


def _short_fetch_wait(self, transport):
    consumer = _create_worker_consumer(self, transport)
    consumer._fetch_max_wait_ms = settings.fetch_max_wait_ms
    return consumer


_faust_aiokafka.AIOKafkaConsumerThread._create_worker_consumer = _short_fetch_wait
# No commit after an undelivered record or an abandoned batch (streams/delivery.py).
install_delivery_guard(_faust_aiokafka.Consumer)
# Recovery's second flow_control.resume() emptied agent queues it should not have (streams/delivery.py).
keep_queued_on_resume(FlowControlEvent)
# /readyz: the time of the broker's last answer to any of our clients (streams/broker_contact.py).
broker_contact.install(AIOKafkaClient)


class _TableManager(TableManager):
    """Faust's table manager without its 1 s sleep at start (a grace for tables declared after
    the app starts: ours is declared at import, below), which held every worker start 1 s."""

    async def on_start(self) -> None:
        if not self.should_stop:
            await self._update_channels()
            await self.recovery.start()


app = faust.App(
    settings.app_id,
    broker=settings.broker,
    broker_credentials=faust_credentials(settings),   # TLS/SASL: STREAMS_KAFKA_* (streams/kafka_security.py)
    store=settings.store,
    datadir=settings.datadir,
    value_serializer="orjson",
    topic_partitions=settings.partitions,
    topic_replication_factor=settings.replicas,
    topic_allow_declare=True,
    consumer_auto_offset_reset="earliest",
    processing_guarantee="at_least_once",
    producer_acks=-1,
    # 3 KB articles: the 16 KB default batch held five, so nearly every send built its own
    # produce request; 512 KB batches and a 10 ms linger cut requests (and broker CPU) ~30x.
    producer_linger_ms=10,
    producer_max_batch_size=524_288,
    producer_max_request_size=4_194_304,
    consumer_max_fetch_size=4_194_304,
    broker_commit_every=500,
    # Tansu (and Kafka's first join) hold a new group's join for the rebalance timeout; 60 s
    # by default kept a fresh worker idle for ~30 s. 20 s still covers a slow member.
    broker_rebalance_timeout=20.0,
    # Tansu holds a new group's first join for half the session timeout (5 s at 10 s; measured,
    # docs/benchmarks.md), and a dead member counts until its session expires. 6 s is Kafka's
    # smallest allowed (group.min.session.timeout.ms); heartbeats every 2 s (Kafka: <= 1/3).
    broker_session_timeout=6.0,
    broker_heartbeat_interval=2.0,
    broker_commit_interval=1.0,
    stream_buffer_maxsize=4096,
    web_port=settings.web_port,
    web_host=settings.web_host,
    web_in_thread=False,
    **FAUST_WEB_OPTIONS,          # only /metrics, /livez, /readyz (streams/web.py)
    table_standby_replicas=0,
    logging_config=None,
    TableManager=_TableManager,
)

raw_topic = app.topic(settings.topic(T.RAW), value_type=bytes, key_type=bytes, partitions=settings.raw_partitions,
                      value_serializer="raw", key_serializer="raw")
unique_topic = app.topic(settings.topic(T.UNIQUE), value_type=Article, key_type=str, key_serializer="raw")
clean_topic = app.topic(settings.topic(T.CLEAN), value_type=CleanArticle, key_type=str, key_serializer="raw")
detected_topic = app.topic(settings.topic(T.DETECTED), value_type=DetectedArticle, key_type=str,
                           key_serializer="raw")
events_topic = app.topic(settings.topic(T.EVENTS), value_type=bytes, key_type=str,
                         value_serializer="raw", key_serializer="raw")
processed_topic = app.topic(settings.topic(T.PROCESSED), value_type=Processed, key_type=str, key_serializer="raw")
duplicates_topic = app.topic(settings.topic(T.DUPLICATES), value_type=Duplicate, key_type=str,
                             key_serializer="raw")
dlq_topic = app.topic(settings.topic(T.DLQ), value_type=bytes, key_type=bytes,
                      value_serializer="raw", key_serializer="raw")

# Fingerprints of the articles in the dedup window, keyed by article id, in a compacted topic the
# dedup agent writes and reads back in bulk on assignment (streams/window_log.py: a Faust table's
# recovery took 9-11 s for 100 k). Co-partitioned with articles.raw (STREAMS_RAW_PARTITIONS, 1 by
# default: one global window); the name of the `dedup-index` table's changelog it replaces.
dedup_log_topic = app.topic(window_log.topic_name(settings.app_id), value_type=bytes, key_type=bytes,
                            value_serializer="raw", key_serializer="raw", partitions=settings.raw_partitions,
                            compacting=True, deleting=False, internal=True)
# Work that must finish before /readyz says ready, by name (agents/dedup.py: "dedup window").
restoring: set[str] = set()
# Every event id each article has reported (streams/contract.py `remember`), keyed by article id,
# so re-processing an article can retract the mentions it no longer produces (agents/extract.py).
# use_partitioner: the changelog partition is the key's, as on articles.detected (the same raw UTF-8
# key bytes, the producer's murmur2), so a worker recovers exactly the articles of its partitions;
# writes need no current event. key_type=bytes: Faust serialises a str key as JSON (quoted), which
# would hash to another partition. Only articles that reported an event get an entry.
article_events = app.Table("article-events", default=None, key_type=bytes,
                           partitions=settings.partitions, use_partitioner=True)

# A fixed prefix, not the app id: dashboards and alerts query diplo_streams_* whatever STREAMS_APP_ID is.
# Faust's Prometheus sensors with the per-message label lookups cached (streams/sensors.py).
setup_sensors(app, name_prefix="diplo_streams")
M = metrics()
M.up.set(1)
_started = time.time()
_crashed: dict[str, str] = {}      # agent name -> last exception, for /livez
_faust_on_agent_error = app._on_agent_error


async def _on_agent_error(agent, exc: BaseException) -> None:
    """Agents catch every per-record error themselves; reaching here is a bug. Faust's supervisor
    restarts the actor, but the process is no longer trusted: /livez says so, so it is replaced."""
    name = getattr(agent, "name", str(agent))
    _crashed[name] = f"{type(exc).__name__}: {exc}"[:500]
    M.agent_crashes.labels(name.rsplit(".", 1)[-1]).inc()
    await _faust_on_agent_error(agent, exc)


app._on_agent_error = _on_agent_error   # read by @app.agent when the agent modules are imported


_joined = False


_warm = False
_warm_done = threading.Event()
_warm_thread: threading.Thread | None = None
_warm_seconds = 0.0


@app.on_partitions_assigned.connect
async def _on_assigned(sender, assigned, **kwargs) -> None:
    global _joined
    _joined = True
    if _warm_thread is not None and not _warm_done.is_set():   # no record before the models are loaded
        await asyncio.get_running_loop().run_in_executor(None, _warm_done.wait)


def warm_up() -> float:
    """Load every model, lexicon and automaton now (they load lazily on first use), so the
    first articles are not seconds late and RSS shows the loaded worker. Returns seconds."""
    from .demo import example_lines
    from .pipeline import clean, detect, extract, parse_raw

    start = time.perf_counter()
    lines = example_lines()[:3]
    for line in lines:
        try:
            detected = detect(clean(parse_raw(line, settings), settings), settings)
            for lang in settings.languages:
                extract(detected.__class__(**{**detected.asdict(), "language": lang}), settings)
        except Exception:  # warm-up must never stop a worker; the stage will report the error
            pass
    try:  # and one HTML page: the examples are text, so the first HTML article imported trafilatura mid-run
        article = parse_raw(lines[0], settings)
        page = f"<html><body><article><p>{article.text}</p></article></body></html>"
        clean(article.__class__(**{**article.asdict(), "text": None, "html": page}), settings)
    except Exception:
        pass
    return time.perf_counter() - start


def quiet_root_logger() -> None:
    """mode leaves the root logger at DEBUG and filters in its handler, so every debug call in
    Faust/aiokafka (several per message) still built a LogRecord: ~5 % of a busy worker's CPU.
    Give the root logger the handlers' level instead."""
    names = {"crit": "CRITICAL", "warn": "WARNING"}
    level = logging.getLevelName(names.get(settings.log_level.lower(), settings.log_level.upper()))
    if isinstance(level, int) and logging.root.level < level:
        logging.root.setLevel(level)


def _warm_up_thread() -> None:
    global _warm_seconds
    try:
        _warm_seconds = warm_up()
    finally:
        _warm_done.set()


@app.on_worker_init.connect
def start_warm_up(sender=None, **kwargs) -> None:
    """Warm up in a thread from the moment the worker initialises: the loading then overlaps
    Faust's start and the group join (seconds of waiting on the broker) instead of following
    them. Partition assignment waits for it (`_on_assigned`), so no record meets a cold stage."""
    global _warm_thread
    # The dedup table's changelog records wait in Faust's producer buffer. Above 100 of them
    # (one dedup batch of 200 writes up to 200) Faust stops handing records to every agent and
    # drains the buffer one record per `wait_for` ("producer buffer full" warnings in the bench
    # log); a commit still waits for the whole buffer (faust Producer.flush), so allowing a few
    # batches only removes that stall.
    app.producer.buffer.max_messages = max(app.producer.buffer.max_messages, 4 * settings.batch_size)
    if _warm_thread is None:
        _warm_thread = threading.Thread(target=_warm_up_thread, name="warm-up", daemon=True)
        _warm_thread.start()


@app.task
async def _warm_up() -> None:
    global _warm
    quiet_root_logger()
    start_warm_up()     # already running when started by `streams worker` (on_worker_init)
    await asyncio.get_running_loop().run_in_executor(None, _warm_done.wait)
    app.log.info("warm-up (models, lexicons, gazetteers) took %.1f s", _warm_seconds)
    _warm = True


def is_ready() -> tuple[bool, str]:
    """Consuming = started, joined the group once, not rebalancing, not recovering tables, and the
    broker answered within a session timeout."""
    consumer = getattr(app, "_consumer", None)
    if consumer is None or not app.started:
        return False, "starting"
    if not _joined:
        return False, "joining"
    if not _warm:
        return False, "warming up"
    if app.rebalancing:
        return False, "rebalancing"
    if getattr(app, "in_recovery", False):
        return False, "recovering"
    if restoring:
        return False, "restoring " + ", ".join(sorted(restoring))
    # Silent past a session timeout: the group would drop a member it had not heard from that long.
    silence = broker_contact.silence()
    if silence is None or silence > app.conf.broker_session_timeout:
        return False, "broker unreachable"
    return True, "consuming"


@app.page("/livez")
class Livez(View):
    async def get(self, request: Request) -> Response:
        if _crashed:
            return self.json({"status": "agent_crashed", "agents": _crashed}, status=503)
        if delivery_guard.failure is not None:   # it stops the worker; until then, not alive
            return self.json({"status": "delivery_failed", "error": repr(delivery_guard.failure)[:500]}, status=503)
        return self.json({"status": "alive", "uptime_s": round(time.time() - _started, 1)})


@app.page("/readyz")
class Readyz(View):
    async def get(self, request: Request) -> Response:
        ready, state = is_ready()
        M.ready.set(1 if ready else 0)
        return self.json({"ready": ready, "state": state}, status=200 if ready else 503)


@app.timer(interval=5.0)
async def report_lag() -> None:
    """Consumer lag per assigned partition (Faust exports none): high water - committed."""
    ready, _ = is_ready()
    M.ready.set(1 if ready else 0)
    consumer = app.consumer
    for tp in consumer.assignment():
        hw = consumer.highwater(tp)
        committed = consumer._committed_offset.get(tp)
        if hw is None:
            continue
        M.consumer_lag.labels(tp.topic, str(tp.partition)).set(max(0, hw - (committed or 0)))


if os.environ.get("STREAMS_BENCH"):
    # `streams bench` only: the same app and settings with consume-and-re-produce agents (one
    # hop, or the four hops) instead of the pipeline, to measure what the framework alone costs.
    from .benchmarks import baselines as _baselines  # noqa: E402,F401
else:
    from .agents import clean as _clean, dedup as _dedup, extract as _extract, language as _language  # noqa: E402,F401
