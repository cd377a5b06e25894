"""`streams worker | publish | subscribe | demo | evaluate | bench`."""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys

import orjson


def _settings(args):
    from .settings import Settings

    overrides = {}
    if getattr(args, "broker", None):
        overrides["broker"] = args.broker if "://" in args.broker else "kafka://" + args.broker
    return Settings.from_env(**overrides)


def _default_event_loop() -> None:
    """uvloop for the worker: ~10 % less CPU per hop than asyncio's loop (docs/benchmarks.md).
    Faust reads F_LOOP when first imported (by `.app`, just after); F_LOOP=aio keeps asyncio's."""
    import importlib.util

    if not (os.environ.get("F_LOOP") or os.environ.get("FAUST_LOOP")) and importlib.util.find_spec("uvloop"):
        os.environ["F_LOOP"] = "uvloop"


def cmd_worker(args) -> int:
    from .settings import Settings
    from .topics import ensure_topics_sync

    settings = Settings.from_env()
    ensure_topics_sync(settings)
    _default_event_loop()
    from .app import app

    sys.argv = [sys.argv[0], "worker", "-l", args.loglevel or settings.log_level,
                "--web-port", str(settings.web_port), "--web-host", settings.web_host]
    app.main()
    return 0


def _read_input(path: str) -> list[bytes]:
    data = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()
    return [line for line in data.split(b"\n") if line.strip()]


def cmd_publish(args) -> int:
    from tqdm import tqdm

    from .kafka_io import publish

    settings = _settings(args)
    lines = _read_input(args.file)
    with tqdm(total=len(lines), unit="article", desc="publish", disable=args.quiet, file=sys.stderr) as bar:
        sent = asyncio.run(publish(settings, lines, progress=bar, rate=args.rate))
    print(f"published {sent} articles to {settings.topic('articles.raw')}", file=sys.stderr)
    return 0


def cmd_subscribe(args) -> int:
    from .kafka_io import consume

    settings = _settings(args)

    async def run():
        n = 0
        async for record in consume(settings, [args.topic], from_beginning=args.from_beginning,
                                    idle_timeout=args.idle_timeout, group=args.group):
            value = record.value
            try:
                obj = orjson.loads(value)
            except Exception:
                obj = {"_raw": value.decode("utf-8", "replace"),
                       "_headers": {k: v.decode("utf-8", "replace") for k, v in record.headers or []}}
            sys.stdout.write(orjson.dumps(obj).decode() + "\n")
            sys.stdout.flush()
            n += 1
            if args.max and n >= args.max:
                return

    try:
        asyncio.run(run())
    except KeyboardInterrupt:
        pass
    return 0


def cmd_evaluate(args) -> int:
    from .evaluate import predict_inprocess, predict_via_kafka, read_lines, to_predictions, write_predictions

    lines = read_lines(args.articles)
    if args.via_kafka:
        ids, outcomes = predict_via_kafka(lines, broker_url=args.broker)
    else:
        ids, outcomes = predict_inprocess(lines)
    preds = to_predictions(ids, outcomes)
    write_predictions(preds, args.out)
    n_events = sum(len(p["events"]) for p in preds)
    print(f"wrote {len(preds)} predictions ({n_events} events) to {args.out}", file=sys.stderr)
    gold = args.gold
    if gold is None:
        guess = os.path.join(os.path.dirname(os.path.abspath(args.articles)), "gold.jsonl")
        gold = guess if os.path.exists(guess) else None
    if gold:
        from .scoring import format_report, score

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

    return run_demo(web_port=args.web_port, keep=args.keep)


def cmd_bench(args) -> int:
    from .benchmarks.bench import main as bench_main

    return bench_main(args)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="streams", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    w = sub.add_parser("worker", help="run a worker against KAFKA_BROKER (env-configured)")
    w.add_argument("-l", "--loglevel", default=None)
    w.set_defaults(func=cmd_worker)

    pub = sub.add_parser("publish", help="publish JSON Lines articles (FILE or - for stdin) to articles.raw")
    pub.add_argument("file")
    pub.add_argument("--broker", help="host:port (default: KAFKA_BROKER)")
    pub.add_argument("--rate", type=float, default=None, help="articles per second (default: as fast as possible)")
    pub.add_argument("-q", "--quiet", action="store_true")
    pub.set_defaults(func=cmd_publish)

    s = sub.add_parser("subscribe", help="print records of a topic as JSON lines (default: events.diplomatic)")
    s.add_argument("--topic", default="events.diplomatic", help="logical topic name (prefix is added)")
    s.add_argument("--from-beginning", action="store_true")
    s.add_argument("--group", default=None, help="consumer group (default: none, no commits)")
    s.add_argument("--max", type=int, default=0, help="stop after N records")
    s.add_argument("--idle-timeout", type=float, default=None, help="stop after N idle seconds")
    s.add_argument("--broker")
    s.set_defaults(func=cmd_subscribe)

    d = sub.add_parser("demo", help="embedded broker + worker + example articles, events printed live")
    d.add_argument("--web-port", type=int, default=6066)
    d.add_argument("--keep", action="store_true", help="keep running (metrics served) until Ctrl-C")
    d.set_defaults(func=cmd_demo)

    e = sub.add_parser("evaluate", help="predictions in the gold format (shared/eval/FORMAT.md), scored if gold given")
    e.add_argument("--articles", required=True)
    e.add_argument("--out", required=True)
    e.add_argument("--gold", default=None, help="gold.jsonl (default: beside --articles if present)")
    e.add_argument("--via-kafka", action="store_true", help="run the real pipeline on the embedded broker")
    e.add_argument("--broker", default=None, help="with --via-kafka: use this broker instead of the embedded one")
    e.add_argument("--errors", action="store_true", help="list every scoring error")
    e.set_defaults(func=cmd_evaluate)

    b = sub.add_parser("bench", help="throughput, latency, memory on the embedded broker")
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
    return p


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args) or 0


if __name__ == "__main__":
    raise SystemExit(main())
