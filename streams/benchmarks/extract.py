"""Extraction cost benchmark (no timed unit tests: run this instead).

    .venv/bin/python -m streams.benchmarks.extract [--runs K] [-n N]      # generated articles (default)
    .venv/bin/python -m streams.benchmarks.extract ARTICLES.jsonl         # a JSON Lines file of articles
    .venv/bin/python -m streams.benchmarks.extract --sample               # the dense synthetic sample only

Default input: the first N (300) articles of `streams.benchmarks.benchgen` (seed 1), cleaned and
language-detected as the pipeline does (`streams bench` reports the same figure as
`stage_us.extract`): median 2.9 KB per raw message. Each run times every article `repeat`
times and reports the median µs per `extract_events` call; `--runs K` repeats the whole run
and prints the median of the run medians with the 1-minute load average (the host is shared).
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

from streams.events.coder import extract_events

# Dense synthetic sample: three trigger sentences repeated 8 times (every sentence codes events),
# 3.3 KB of UTF-8. Far denser than news text: a stress figure, not the per-article median.
_SAMPLE = ("وصل الرئيس المصري إلى الرياض في زيارة رسمية يلتقي خلالها ولي العهد السعودي، "
           "وبحث الجانبان العلاقات الثنائية. ومن المقرر أن يجري وزير الخارجية الصيني اتصالا هاتفيا "
           "مع نظيره الياباني يوم الثلاثاء. وقعت قطر والإمارات مذكرة تفاهم. ") * 8


def bench_extract(texts=None, language: str = "ar", repeat: int = 3) -> dict:
    """Median / p95 µs per extract_events call over `texts` (str or (text, lang) pairs)."""
    items = []
    for t in (texts or [_SAMPLE]):
        items.append(t if isinstance(t, tuple) else (t, language))
    for t, lang in items[:3]:          # warm caches (automata are built lazily)
        extract_events(t, lang, "2025-01-01", {"id": "warm"})
    for lang in {lang for _, lang in items}:   # every language's tables, built outside the timing
        _warm(lang)
    times, cpu, per3k = [], [], []
    for _ in range(repeat):
        for t, lang in items:
            c0, t0 = time.thread_time(), time.perf_counter()
            extract_events(t, lang, "2025-01-01", {"id": "bench"})
            us = (time.perf_counter() - t0) * 1e6
            times.append(us)
            cpu.append((time.thread_time() - c0) * 1e6)
            per3k.append(us * 3072 / max(1, len(t.encode("utf-8"))))
    times.sort()
    # cpu_median_us: CPU time of this thread, less sensitive to other processes on a busy host
    return {"n": len(times), "median_us": round(statistics.median(times), 1),
            "p95_us": round(times[int(0.95 * (len(times) - 1))], 1),
            "cpu_median_us": round(statistics.median(cpu), 1),
            "median_us_per_3kb": round(statistics.median(per3k), 1),
            "mean_chars": round(sum(len(t) for t, _ in items) / len(items)),
            "median_bytes": round(statistics.median(len(t.encode("utf-8")) for t, _ in items))}


def _warm(lang: str) -> None:
    from streams.events.dates import find_dates
    from streams.events.gazetteer import gazetteer
    from streams.events.triggers import lexicon

    lexicon(lang), gazetteer(lang), find_dates("1 2025", lang)


def generated_texts(n: int = 300, seed: int = 1) -> list[tuple[str, str]]:
    """(cleaned text, language) of the first `n` `streams.benchmarks.benchgen` articles, as the pipeline
    hands them to extraction (what `streams bench` measures as stage_us.extract)."""
    from streams.benchmarks.benchgen import ArticleGenerator
    from streams.text.clean import clean_article
    from streams.text.language import detect_language

    out = []
    for a in ArticleGenerator(seed=seed).generate(n):
        try:
            c = clean_article(a.get("text"), a.get("html"), a.get("title"))
        except Exception:
            continue
        out.append((c.text, detect_language(c.text).language))
    return out


def _file_texts(path: str) -> list[tuple[str, str]]:
    texts = []
    gold = Path(path).with_name("gold.jsonl")
    langs = {}
    if gold.exists():
        langs = {g["id"]: g.get("language") for g in map(json.loads, gold.read_text().splitlines()) if g}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            a = json.loads(line)
            texts.append((a.get("text") or "", a.get("language") or langs.get(a.get("id")) or "ar"))
    return texts


def main(argv: list[str]) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m streams.benchmarks.extract", description=__doc__.split("\n\n")[0])
    ap.add_argument("articles", nargs="?", help="JSON Lines articles (default: generated articles)")
    ap.add_argument("-n", type=int, default=300, help="generated articles (default 300)")
    ap.add_argument("--runs", type=int, default=1, help="repeat the run; report the median of the medians")
    ap.add_argument("--repeat", type=int, default=3, help="timed calls per article in one run")
    ap.add_argument("--sample", action="store_true", help="only the dense synthetic sample")
    args = ap.parse_args(argv)
    if args.sample:
        texts, source = None, "dense synthetic sample (3.3 KB, every sentence codes events)"
    elif args.articles:
        texts, source = _file_texts(args.articles), args.articles
    else:
        texts, source = generated_texts(args.n), f"streams.benchmarks.benchgen seed 1, first {args.n} articles, cleaned"
    runs = []
    for k in range(max(1, args.runs)):
        r = bench_extract(texts, repeat=args.repeat if texts else max(args.repeat, 50))
        r["load_avg_1m"] = round(os.getloadavg()[0], 2)
        runs.append(r)
        if args.runs > 1:
            print(json.dumps({"run": k + 1, **r}), file=sys.stderr)
    out = dict(runs[-1]) if len(runs) == 1 else {
        "runs": len(runs),
        **{key: round(statistics.median(r[key] for r in runs), 1)
           for key in ("median_us", "p95_us", "cpu_median_us", "median_us_per_3kb")},
        "run_medians_us": [r["median_us"] for r in runs],
        "load_avg_1m": [r["load_avg_1m"] for r in runs],
        "n": runs[0]["n"], "mean_chars": runs[0]["mean_chars"], "median_bytes": runs[0]["median_bytes"]}
    out["input"] = source
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
