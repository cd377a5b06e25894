"""Per-article cost of the text stages (clean + language, dedup) and Deduper memory.

`streams bench` prints `bench_text(articles)`; `python -m streams.benchmarks.text [articles.jsonl]`
runs it standalone (default: synthetic 3 KB Arabic articles) plus the memory probe.
"""
from __future__ import annotations

import gc
import json
import random
import statistics
import sys
import time
import tracemalloc

from streams.errors import StageError
from streams.text.clean import clean_article
from streams.text.fingerprint import Deduper, _band_keys, fingerprint
from streams.text.html import quick_text
from streams.text.language import detect_language, model

_AR_WORDS = (
    "الرئيس وزير الخارجية زيارة رسمية محادثات العلاقات الثنائية التعاون الاقتصادي الأمن الدفاع "
    "الطاقة القمة الوفد العاصمة البلدين الحكومة البرلمان السفير الاتفاق مذكرة تفاهم التجارة "
    "الاستثمار المنطقة الدولي الأزمة السلام المفاوضات الجولة الشراكة الاستراتيجية المؤتمر "
    "الصحفي البيان المشترك الملفات الإقليمية الوضع التطورات الأخيرة الجانبين الاستقرار"
).split()


def synthetic_article(rng: random.Random, chars: int = 3000) -> str:
    """Arabic-like news text of ~chars characters in short paragraphs (no real article text)."""
    paras, n = [], 0
    while n < chars:
        sent = " ".join(rng.choice(_AR_WORDS) for _ in range(rng.randint(12, 30))) + "."
        paras.append(sent)
        n += len(sent) + 1
    return "\n".join(paras)[:chars]


def _median_us(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1e6, 1) if samples else float("nan")


def bench_text(articles: list[dict], repeat: int = 3) -> dict:
    """Median µs per article for clean+language and for dedup (fingerprint+check+add).

    Each repeat runs all articles (a fresh Deduper per repeat); the figure reported is the
    lowest of the per-repeat medians (the host is shared: the least disturbed run is the
    closest to the code's own cost).
    """
    model()  # load outside the timings
    keys = ("clean_us", "language_us", "clean_language_us", "fingerprint_us", "dedup_us")
    best = {k: float("inf") for k in keys}
    for r in range(repeat):
        runs: dict[str, list[float]] = {k: [] for k in keys}
        dd = Deduper()
        for i, a in enumerate(articles):
            text, html = a.get("text"), a.get("html")
            t0 = time.perf_counter()
            try:
                c = clean_article(text, html, a.get("title"))
            except StageError:
                continue
            t1 = time.perf_counter()
            detect_language(c.text)
            t2 = time.perf_counter()
            raw = text if text else quick_text(html or "")
            t3 = time.perf_counter()
            fp = fingerprint(f"{a.get('id', i)}#{r}", a.get("url"), raw, float(i))
            t4 = time.perf_counter()
            if dd.check(fp) is None:
                dd.add(fp)
            t5 = time.perf_counter()
            for k, v in zip(keys, (t1 - t0, t2 - t1, t2 - t0, t4 - t3, t5 - t3)):
                runs[k].append(v)
        for k in keys:
            best[k] = min(best[k], _median_us(runs[k]))
    chars = [len(a.get("text") or a.get("html") or "") for a in articles]
    return {"articles": len(articles), "median_chars": statistics.median(chars) if chars else 0,
            "repeats": repeat, **best}


def deduper_memory(n: int = 100_000, seed: int = 7, doc_tokens: int = 450) -> dict:
    """Python heap held by a Deduper indexing n distinct synthetic ~3 KB articles (tracemalloc),
    then the median fingerprint+check+add latency and LSH candidate count on that full index.

    Fingerprints are created inside the traced window and kept only by the Deduper, so the
    figure is signatures + URL/exact/band indexes (the token cache is warmed before).
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    vocab = ["".join(rng.choice(letters, size=int(k))) for k in rng.integers(5, 10, size=40_000)]
    fingerprint("warm", None, " ".join(vocab), 0.0)          # token cache filled outside the window

    def doc() -> str:
        # 60 % Zipf head of "domain words", 40 % uniform: unrelated pairs then share ~0.05 of
        # their stems (p99 ~0.09), like unrelated same-language news after stopword removal
        nh = int(doc_tokens * 0.6)
        head = np.minimum(rng.zipf(1.2, size=nh) + 100, len(vocab) - 1)
        tail = rng.integers(0, len(vocab), size=doc_tokens - nh)
        return " ".join(vocab[j] for j in np.concatenate([head, tail]))

    gc.collect()
    tracemalloc.start()
    dd = Deduper(window=n)
    t = time.perf_counter()
    for i in range(n):
        text = doc()
        dd.add(fingerprint(f"article-{i:08d}", f"https://example.org/news/{i}", text, float(i)))
    elapsed = time.perf_counter() - t
    current, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # latency on the full index (untraced): fingerprint + check + add of new articles
    lat, cands = [], []
    for i in range(500):
        text = doc()
        t0 = time.perf_counter()
        f = fingerprint(f"new-{i}", None, text, float(n + i))
        if dd.check(f) is None:
            dd.add(f)
        lat.append(time.perf_counter() - t0)
        cands.append(len(dd._bands.query(_band_keys(f.sig))))
    return {"indexed": n, "heap_mb": round(current / 2**20, 1),
            "bytes_per_article": int(current / max(1, n)), "traced_fingerprint_add_us": round(elapsed / n * 1e6, 1),
            "band_entries": len(dd._bands), "dedup_us_at_full_index": _median_us(lat),
            "median_lsh_candidates": statistics.median(cands)}


def main(argv: list[str]) -> None:
    """python -m streams.benchmarks.text [articles.jsonl] [--memory] (default: 300 synthetic 3 KB articles)."""
    if len(argv) > 1 and argv[1] != "--memory":
        with open(argv[1], encoding="utf-8") as f:
            arts = [json.loads(line) for line in f if line.strip()]
    else:
        rng = random.Random(1)
        arts = [{"id": f"s{i}", "url": f"https://example.org/{i}", "text": synthetic_article(rng)} for i in range(300)]
    print(json.dumps(bench_text(arts, repeat=5), ensure_ascii=False))
    if "--memory" in argv:
        print(json.dumps(deduper_memory(), ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv)
