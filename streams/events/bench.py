"""Extraction cost benchmark (no timed unit tests: run this instead).

    .venv/bin/python -m streams.events.bench [ARTICLES.jsonl]
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from streams.events.coder import extract_events

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
    times, cpu = [], []
    for _ in range(repeat):
        for t, lang in items:
            c0, t0 = time.thread_time(), time.perf_counter()
            extract_events(t, lang, "2025-01-01", {"id": "bench"})
            times.append((time.perf_counter() - t0) * 1e6)
            cpu.append((time.thread_time() - c0) * 1e6)
    times.sort()
    # cpu_median_us: CPU time of this thread, less sensitive to other processes on a busy host
    return {"n": len(times), "median_us": round(statistics.median(times), 1),
            "p95_us": round(times[int(0.95 * (len(times) - 1))], 1),
            "cpu_median_us": round(statistics.median(cpu), 1),
            "mean_chars": round(sum(len(t) for t, _ in items) / len(items))}


def main(argv: list[str]) -> int:
    texts = None
    if argv:
        texts = []
        gold = Path(argv[0]).with_name("gold.jsonl")
        langs = {}
        if gold.exists():
            langs = {g["id"]: g.get("language") for g in map(json.loads, gold.read_text().splitlines()) if g}
        for line in Path(argv[0]).read_text(encoding="utf-8").splitlines():
            if line.strip():
                a = json.loads(line)
                texts.append((a.get("text") or "", a.get("language") or langs.get(a.get("id")) or "ar"))
    print(json.dumps(bench_extract(texts)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
