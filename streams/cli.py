"""`streams broker | worker | publish | subscribe | demo | evaluate | bench`."""
from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
import textwrap
import time

import orjson

from .cli_errors import (UserError, broker_errors, broker_source, check_broker, port_free, quiet_kafka_logs,
                         read_articles, security_hint)


def _settings(args):
    from .settings import Settings

    overrides = {}
    if getattr(args, "broker", None):
        overrides["broker"] = args.broker if "://" in args.broker else "kafka://" + args.broker
    settings = Settings.from_env(**overrides)
    check_broker(settings.bootstrap_servers, broker_source(args))
    return settings


def cmd_broker(args) -> int:
    from .broker import serve

    return serve(port=args.port, log_path=args.log)


def _wait_for_broker(settings) -> None:
    """A service waits for its broker (it may start later, e.g. in compose): retry, saying so."""
    from aiokafka.errors import KafkaConnectionError

    from .topics import ensure_topics_sync

    quiet_kafka_logs()
    first = last_said = time.monotonic()
    waiting = False
    while True:
        try:
            ensure_topics_sync(settings)
        except (KafkaConnectionError, OSError):
            now = time.monotonic()
            if not waiting or now - last_said >= 30:
                print(f"streams worker: no Kafka broker reachable at {settings.bootstrap_servers} (KAFKA_BROKER)"
                      f"{security_hint()}; "
                      f"waiting{f' ({now - first:.0f} s so far)' if waiting else ''}, retrying every 2 s - "
                      f"start one with `streams broker`, or Ctrl-C to stop", file=sys.stderr, flush=True)
                waiting, last_said = True, now
            time.sleep(2)
            continue
        if waiting:
            print(f"streams worker: broker at {settings.bootstrap_servers} reachable; starting",
                  file=sys.stderr, flush=True)
        logging.getLogger("aiokafka").setLevel(logging.NOTSET)
        return


def _default_event_loop() -> None:
    """uvloop for the worker: ~10 % less CPU per hop than asyncio's loop (docs/benchmarks.md).
    Faust reads F_LOOP when first imported (by `.app`, just after); F_LOOP=aio keeps asyncio's."""
    import importlib.util

    if not (os.environ.get("F_LOOP") or os.environ.get("FAUST_LOOP")) and importlib.util.find_spec("uvloop"):
        os.environ["F_LOOP"] = "uvloop"


def cmd_worker(args) -> int:
    from .settings import Settings

    settings = Settings.from_env()
    check_broker(settings.bootstrap_servers)
    if not port_free(settings.web_port, settings.web_host):
        raise UserError(f"port {settings.web_port} (STREAMS_WEB_PORT, for /metrics) is in use - another worker "
                        f"on this machine? give each its own, e.g. STREAMS_WEB_PORT={settings.web_port + 1}")
    _wait_for_broker(settings)
    _default_event_loop()
    from .app import app

    sys.argv = [sys.argv[0], "worker", "-l", args.loglevel or settings.log_level,
                "--web-port", str(settings.web_port), "--web-host", settings.web_host]
    app.main()
    return 0


def cmd_publish(args) -> int:
    from tqdm import tqdm

    from . import topics as T
    from .kafka_io import publish
    from .topics import ensure_topics_sync

    settings = _settings(args)
    lines = read_articles(args.file, validate=not args.allow_invalid)
    quiet_kafka_logs()
    with broker_errors(settings.bootstrap_servers, broker_source(args)):
        # Published before any worker ran, articles.raw would be auto-created with the broker's
        # default partition count (4 on Tansu), not STREAMS_RAW_PARTITIONS: one dedup window split.
        ensure_topics_sync(settings, names=(T.RAW,))
    with broker_errors(settings.bootstrap_servers, broker_source(args)), \
            tqdm(total=len(lines), unit="article", desc="publish", disable=args.quiet, file=sys.stderr,
                 delay=0.5) as bar:   # delay: no bar drawn before a failed connection or for a tiny file
        sent = asyncio.run(publish(settings, lines, progress=bar, rate=args.rate))
    print(f"published {sent} articles to {settings.topic('articles.raw')}", file=sys.stderr)
    return 0


def cmd_subscribe(args) -> int:
    from . import topics as T
    from .filters import tombstone_view, view
    from .kafka_io import consume

    settings = _settings(args)
    quiet_kafka_logs()
    keep, render, header = view(args)   # --type/--country/... and --format
    if header:
        print(header)

    async def wait_for_topic():
        """A topic of the contract may not exist yet (no worker started so far): wait, saying so.
        Any other name that does not exist is a typo."""
        from aiokafka.admin import AIOKafkaAdminClient

        from .kafka_security import client_kwargs

        name, said = settings.topic(args.topic), False
        admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers, **client_kwargs(settings))
        await admin.start()
        try:
            while name not in set(await admin.list_topics()):
                if args.topic not in T.ALL:
                    raise UserError(f"unknown topic {args.topic!r}"
                                    + (f" ({name!r} with STREAMS_TOPIC_PREFIX)" if name != args.topic else "")
                                    + f"; the topics are: {', '.join(T.ALL)}")
                if not said:
                    print(f"streams subscribe: topic {name} does not exist yet; waiting for `streams worker` "
                          f"to create it (Ctrl-C to stop)", file=sys.stderr, flush=True)
                    said = True
                await asyncio.sleep(1)
        finally:
            await admin.close()

    async def run():
        await wait_for_topic()
        n = 0
        async for record in consume(settings, [args.topic], from_beginning=args.from_beginning,
                                    idle_timeout=args.idle_timeout, group=args.group):
            value = record.value
            if value is None:       # a tombstone: the key's record is deleted (filters cannot judge it: kept)
                obj = tombstone_view(record.key)
            else:
                try:
                    obj = orjson.loads(value)
                except Exception:
                    obj = {"_raw": value.decode("utf-8", "replace"),
                           "_headers": {k: v.decode("utf-8", "replace") for k, v in record.headers or []}}
            if value is not None and not keep(obj):
                continue
            sys.stdout.write(render(obj) + "\n")
            sys.stdout.flush()
            n += 1
            if args.max and n >= args.max:
                return

    try:
        with broker_errors(settings.bootstrap_servers, broker_source(args)):
            asyncio.run(run())
    except KeyboardInterrupt:
        pass
    return 0


def cmd_evaluate(args) -> int:
    from .evaluate import (duplicate_pages, predict_inprocess, predict_via_kafka, read_lines, to_predictions,
                           write_predictions)

    try:
        lines = read_lines(args.articles)
    except OSError as exc:
        raise UserError(f"cannot read {args.articles}: {exc.strerror or exc}") from None
    if args.via_kafka and args.broker:
        check_broker(args.broker, "--broker")
        quiet_kafka_logs()
        with broker_errors(args.broker, "--broker"):
            ids, outcomes = predict_via_kafka(lines, broker_url=args.broker)
    elif args.via_kafka:
        ids, outcomes = predict_via_kafka(lines)
    else:
        ids, outcomes = predict_inprocess(lines)
    preds = to_predictions(ids, outcomes, duplicate_pages(lines, ids, outcomes))
    write_predictions(preds, args.out)
    n_events = sum(len(p["events"]) for p in preds)
    print(f"wrote {len(preds)} predictions ({n_events} events) to {args.out}", file=sys.stderr)
    gold = args.gold
    if gold is None:
        guess = os.path.join(os.path.dirname(os.path.abspath(args.articles)), "gold.jsonl")
        gold = guess if os.path.exists(guess) else None
    if gold:
        from .scoring import format_report, score

        if not os.path.isfile(gold):
            raise UserError(f"cannot read {gold}: not a file")
        with open(gold, encoding="utf-8") as f:
            gold_rows = [json.loads(line) for line in f if line.strip()]
        result, errors = score(gold_rows, preds)
        print(format_report(result))
        if args.errors:
            for e in errors:
                print("\t".join(map(str, e)))
    return 0


def cmd_demo(args) -> int:
    from .demo import run_demo

    lines = None
    if args.articles:
        lines = read_articles(args.articles, hint="fix it, or leave the line out")
    return run_demo(web_port=args.web_port, keep=args.keep, lines=lines, source=args.articles)


def cmd_bench(args) -> int:
    from .benchmarks.bench import main as bench_main

    return bench_main(args)


def _examples(*lines: str, description: str | None = None) -> dict:
    """argparse keywords for a --help that ends with example invocations, laid out as written."""
    kw = {"epilog": "examples:\n" + "\n".join(f"  {line}" for line in lines),
          "formatter_class": argparse.RawDescriptionHelpFormatter}
    if description:
        kw["description"] = textwrap.fill(description, 79)
    return kw


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="streams", description=__doc__, **_examples(
        "streams demo                    # everything on an embedded broker, the bundled examples",
        "streams broker                  # then, in other terminals: streams worker; streams publish FILE"))
    sub = p.add_subparsers(dest="command", required=True)

    br = sub.add_parser("broker", help="the embedded Kafka-compatible broker in the foreground (Ctrl-C stops it)",
                        **_examples("streams broker                  # on 127.0.0.1:9092, the default KAFKA_BROKER",
                                    "streams broker --port 19092     # then: export KAFKA_BROKER=127.0.0.1:19092",
                                    description="Run the embedded Kafka-compatible broker (Tansu, memory only) on "
                                                "127.0.0.1 until Ctrl-C or SIGTERM; prints the KAFKA_BROKER value "
                                                "to use."))
    br.add_argument("--port", type=int, default=9092, help="TCP port on 127.0.0.1 (default 9092)")
    br.add_argument("--log", default=None, help="broker log file (default: a new temporary file)")
    br.set_defaults(func=cmd_broker)

    w = sub.add_parser("worker", help="run a worker against KAFKA_BROKER (env-configured)",
                       **_examples("streams worker                                  # broker at 127.0.0.1:9092",
                                   "KAFKA_BROKER=kafka1:9092 STREAMS_WEB_PORT=6067 streams worker",
                                   description="Run one pipeline worker. Without a reachable broker it waits, "
                                               "retrying every 2 s, and says so."))
    w.add_argument("-l", "--loglevel", default=None)
    w.set_defaults(func=cmd_worker)

    pub = sub.add_parser("publish", help="publish JSON Lines articles (FILE or - for stdin) to articles.raw",
                         **_examples("streams publish my-articles.jsonl",
                                     "cat dlq.jsonl | streams publish --allow-invalid --broker kafka1:9092 -",
                                     description="Publish one message per line of a JSON Lines file. A line that "
                                                 "is not a JSON object stops the run before anything is sent (its "
                                                 "line number is given), unless --allow-invalid."))
    pub.add_argument("file")
    pub.add_argument("--allow-invalid", action="store_true",
                     help="send lines that are not JSON objects too (the worker puts them in articles.dlq)")
    pub.add_argument("--broker", help="host:port (default: KAFKA_BROKER)")
    pub.add_argument("--rate", type=float, default=None, help="articles per second (default: as fast as possible)")
    pub.add_argument("-q", "--quiet", action="store_true")
    pub.set_defaults(func=cmd_publish)

    s = sub.add_parser("subscribe", help="print records of a topic as JSON lines (default: events.diplomatic)",
                       **_examples("streams subscribe --from-beginning            # every event so far, then live",
                                   "streams subscribe --topic articles.dlq --from-beginning --idle-timeout 5"))
    s.add_argument("--topic", default="events.diplomatic", help="logical topic name (prefix is added)")
    s.add_argument("--from-beginning", action="store_true")
    s.add_argument("--group", default=None, help="consumer group (default: none, no commits)")
    s.add_argument("--max", type=int, default=0, help="stop after N records")
    s.add_argument("--idle-timeout", type=float, default=None, help="stop after N idle seconds")
    s.add_argument("--broker")
    from .filters import add_arguments as add_filter_arguments

    add_filter_arguments(s)
    s.set_defaults(func=cmd_subscribe)

    d = sub.add_parser("demo", help="embedded broker + worker + example articles, events printed live",
                       **_examples("streams demo                                  # the bundled example articles",
                                   "streams demo --articles my-articles.jsonl     # your own JSON Lines file"))
    d.add_argument("--articles", default=None, metavar="FILE",
                   help="JSON Lines articles to run instead of the bundled examples")
    d.add_argument("--web-port", type=int, default=6066)
    d.add_argument("--keep", action="store_true", help="keep running (metrics served) until Ctrl-C")
    d.set_defaults(func=cmd_demo)

    e = sub.add_parser("evaluate", help="predictions in the gold format (shared/eval/FORMAT.md), scored if gold given",
                       **_examples("streams evaluate --articles dev/articles.jsonl --out preds.jsonl",
                                   "streams evaluate --articles dev/articles.jsonl --out preds.jsonl --via-kafka"))
    e.add_argument("--articles", required=True)
    e.add_argument("--out", required=True)
    e.add_argument("--gold", default=None, help="gold.jsonl (default: beside --articles if present)")
    e.add_argument("--via-kafka", action="store_true", help="run the real pipeline on the embedded broker")
    e.add_argument("--broker", default=None, help="with --via-kafka: use this broker instead of the embedded one")
    e.add_argument("--errors", action="store_true", help="list every scoring error")
    e.set_defaults(func=cmd_evaluate)

    b = sub.add_parser("bench", help="throughput, latency, memory on the embedded broker",
                       **_examples("streams bench -n 1000 --no-micro", "streams bench --json --workers 2"))
    b.add_argument("-n", "--articles", type=int, default=3000)
    b.add_argument("--rate", type=float, default=100.0, help="offered rate for the latency run")
    b.add_argument("--latency-articles", type=int, default=1000)
    b.add_argument("--runs", type=int, default=1)
    b.add_argument("--json", action="store_true")
    b.add_argument("--seed", type=int, default=1, help="article generator seed")
    b.add_argument("--batch-size", type=int, default=None, help="STREAMS_BATCH_SIZE for the bench workers")
    b.add_argument("--no-micro", action="store_true", help="skip the in-process stage micro-benchmarks")
    b.add_argument("--workers", type=int, default=1,
                   help="also run the pipeline with this many worker processes (reported apart; default 1)")
    b.set_defaults(func=cmd_bench)

    from .report import add_parser as add_report_parser
    from .sink.cli import add_parser as add_sink_parser

    add_sink_parser(sub)
    add_report_parser(sub)
    return p


def main(argv=None) -> int:
    """User errors (and bad settings) are one line and exit 2; Ctrl-C exits 130; anything else is
    our bug and keeps its traceback."""
    from .settings import SettingError

    args = build_parser().parse_args(argv)
    try:
        return args.func(args) or 0
    except (UserError, SettingError) as exc:
        print(f"streams {args.command}: error: {exc}", file=sys.stderr)
        return getattr(exc, "exit_code", 2)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
