"""Alternated A/B runs: two source trees (or two event loops) measured back to back, so both see
the same load on a shared host, where separate bench sessions differ more than the change does.

    python -m streams.benchmarks.ab pipeline BEFORE_DIR AFTER_DIR [--pairs 3]   # worker CPU/article, articles/s, p99
    python -m streams.benchmarks.ab stages BEFORE_DIR AFTER_DIR [--pairs 3]     # pure stages in-process, CPU ms/article
    python -m streams.benchmarks.ab loop [--pairs 3]                            # chain and one hop, F_LOOP=aio vs uvloop

A tree is a checkout of this repository (e.g. `git archive COMMIT | tar -x -C DIR`) from commit
296cd7b on (it needs streams.benchmarks); its workers and stage runs import the package from
that directory (`python -m` puts the working directory first on sys.path). Pairs alternate
the order (AB, BA, ...). Results go to stdout as JSON lines, the medians last.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

import orjson

# Run in a tree (cwd): CPU ms per article per pure stage over 2000 generated articles, best of 3 passes.
_STAGES = r"""
import time, orjson
from streams.benchmarks.benchgen import ArticleGenerator
from streams.pipeline import parse_raw, dedup_text, clean, detect, extract, supported
from streams.settings import Settings
from streams.text.fingerprint import Deduper, fingerprint
s = Settings.from_env()
lines = ArticleGenerator(seed=1).lines(2000)
def run():
    d = Deduper(threshold=s.dedup_threshold, window=s.dedup_window, max_age_days=s.dedup_max_age_days)
    t = dict.fromkeys(("dedup", "clean", "language", "extract"), 0.0)
    pt = time.thread_time
    for line in lines:
        a = pt(); art = parse_raw(line, s); fp = fingerprint(art.id, art.url, dedup_text(art), 0.0)
        v = d.check(fp)
        if v is None: d.add(fp)
        b = pt(); t["dedup"] += b - a
        if v is not None: continue
        c = clean(art, s); e = pt(); t["clean"] += e - b
        det = detect(c, s); f = pt(); t["language"] += f - e
        if supported(det.language, s): extract(det, s)
        t["extract"] += pt() - f
    return {k: v * 1000 / len(lines) for k, v in t.items()}
run()
runs = [run() for _ in range(3)]
out = {k: round(min(r[k] for r in runs), 3) for k in runs[0]}
out["total"] = round(sum(out.values()), 3)
print(orjson.dumps(out).decode())
"""


def _emit(row: dict) -> None:
    sys.stdout.write(orjson.dumps(row).decode() + "\n")
    sys.stdout.flush()


def _orders(pairs: int, a: str, b: str):
    for k in range(pairs):
        yield k, ((a, b) if k % 2 == 0 else (b, a))


def _medians(rows: list[dict], by: str, keys: tuple) -> dict:
    out: dict = {}
    for row in rows:
        out.setdefault(row[by], []).append(row)
    return {v: {k: statistics.median(r[k] for r in rs) for k in keys} for v, rs in out.items()}


def ab_pipeline(trees: dict[str, str], pairs: int, n: int = 2000, latency: int = 100) -> list[dict]:
    from ..broker import EmbeddedBroker
    from .bench import _pipeline_phase
    from .benchgen import ArticleGenerator

    arts = ArticleGenerator(seed=1).generate(n + latency)
    lines, ids = [orjson.dumps(a) for a in arts], [a["id"] for a in arts]
    log_dir = tempfile.mkdtemp(prefix="diplo-ab-")
    broker = EmbeddedBroker(log_path=os.path.join(log_dir, "broker.log")).start()
    here, rows = os.getcwd(), []
    try:
        for k, order in _orders(pairs, *trees):
            for name in order:
                os.chdir(trees[name])      # the worker subprocess imports streams from here
                load0 = os.getloadavg()[0]
                r = _pipeline_phase(broker.url, lines[:n], ids[:n], lines[n:], ids[n:], 100.0, log_dir, k,
                                    f"ab{k}{name}{time.time_ns() % 10**6}", None)
                row = {"pair": k, "tree": name, "cpu_ms_per_article": r["cpu_ms_per_article"],
                       "throughput_aps": r["throughput_aps"], "p99_ms": r["latency_ms"]["p99"],
                       "peak_rss_mb": r["peak_rss_mb"], "load": [round(load0, 2), round(os.getloadavg()[0], 2)]}
                rows.append(row)
                _emit(row)
    finally:
        os.chdir(here)
        broker.stop()
    return rows


def ab_stages(trees: dict[str, str], pairs: int) -> list[dict]:
    rows = []
    for k, order in _orders(pairs, *trees):
        for name in order:
            out = subprocess.run([sys.executable, "-c", _STAGES], cwd=trees[name], capture_output=True, text=True,
                                 check=True)
            row = {"pair": k, "tree": name, **orjson.loads(out.stdout.strip().splitlines()[-1]),
                   "load": round(os.getloadavg()[0], 2)}
            rows.append(row)
            _emit(row)
    return rows


def ab_loop(pairs: int, n: int = 2000) -> list[dict]:
    from .. import topics as T
    from ..broker import EmbeddedBroker
    from .bench import CHAIN, PASSTHROUGH, _baseline_phase
    from .benchgen import ArticleGenerator

    arts = ArticleGenerator(seed=1).generate(n)
    lines, ids = [orjson.dumps(a) for a in arts], [a["id"] for a in arts]
    log_dir = tempfile.mkdtemp(prefix="diplo-ab-")
    broker = EmbeddedBroker(log_path=os.path.join(log_dir, "broker.log")).start()
    rows = []
    try:
        for k, order in _orders(pairs, "aio", "uvloop"):
            for loop in order:
                tag = f"ab{k}{loop}{time.time_ns() % 10**6}"
                ch = _baseline_phase(broker.url, lines, ids, log_dir, k, f"ch{tag}", "chain", {"F_LOOP": loop},
                                     CHAIN, CHAIN[-1])
                pt = _baseline_phase(broker.url, lines, ids, log_dir, k, f"pt{tag}", "passthrough",
                                     {"F_LOOP": loop}, (T.RAW, PASSTHROUGH), PASSTHROUGH)
                row = {"pair": k, "loop": loop, "chain_cpu_ms_per_article": ch[1], "chain_aps": ch[0],
                       "passthrough_cpu_ms_per_article": pt[1], "passthrough_aps": pt[0],
                       "load": round(os.getloadavg()[0], 2)}
                rows.append(row)
                _emit(row)
    finally:
        broker.stop()
    return rows


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m streams.benchmarks.ab", description=__doc__.split("\n\n")[0])
    ap.add_argument("what", choices=("pipeline", "stages", "loop"))
    ap.add_argument("trees", nargs="*", help="BEFORE_DIR AFTER_DIR (pipeline, stages)")
    ap.add_argument("--pairs", type=int, default=3)
    args = ap.parse_args(argv)
    if args.what == "loop":
        rows = ab_loop(args.pairs)
        keys = ("chain_cpu_ms_per_article", "passthrough_cpu_ms_per_article", "chain_aps", "passthrough_aps")
        _emit({"median": _medians(rows, "loop", keys)})
        return 0
    if len(args.trees) != 2:
        ap.error("pipeline and stages need BEFORE_DIR AFTER_DIR")
    trees = {"before": os.path.abspath(args.trees[0]), "after": os.path.abspath(args.trees[1])}
    if args.what == "pipeline":
        rows = ab_pipeline(trees, args.pairs)
        keys = ("cpu_ms_per_article", "throughput_aps", "p99_ms", "peak_rss_mb")
    else:
        rows = ab_stages(trees, args.pairs)
        keys = ("dedup", "clean", "language", "extract", "total")
    _emit({"median": _medians(rows, "tree", keys)})
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
