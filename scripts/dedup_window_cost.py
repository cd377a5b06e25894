"""Thread CPU of fingerprint, `Deduper.check` and `add` once the window holds W bench articles.

Measurement script (issue 12), not part of the test suite: the one-partition dedup stage pays
all three per article, so their sum bounds what one dedup worker can take.

    .venv/bin/python scripts/dedup_window_cost.py 100000
"""
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import orjson
from streams.benchmarks.benchgen import ArticleGenerator
from streams.pipeline import dedup_text, parse_raw
from streams.settings import Settings
from streams.text.fingerprint import Deduper, fingerprint
s = Settings.from_env()
W = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
arts = ArticleGenerator(seed=1).generate(W + 3000)
now = time.time()
def fp_of(a, i):
    art = parse_raw(orjson.dumps(a), s, int(now * 1000))
    return fingerprint(art.id, art.url, dedup_text(art), now + i * 1e-3)
d = Deduper(threshold=s.dedup_threshold, window=s.dedup_window, max_age_days=s.dedup_max_age_days)

t_fp = []
for i, a in enumerate(arts[:W]):
    t = time.thread_time(); fp = fp_of(a, i); t_fp.append(time.thread_time() - t)
    if d.check(fp) is None: d.add(fp)
print("window", len(d), "of", W)
fps = [fp_of(a, W + i) for i, a in enumerate(arts[W:])]
tc, ta = [], []
for fp in fps:
    t = time.thread_time(); v = d.check(fp); tc.append(time.thread_time() - t)
    if v is None:
        t = time.thread_time(); d.add(fp); ta.append(time.thread_time() - t)
f = lambda xs: f"mean {statistics.mean(xs)*1e3:.3f} ms median {statistics.median(xs)*1e3:.3f} ms"
print("fingerprint (first W)", f(t_fp)); print("check at full window", f(tc)); print("add at full window", f(ta))
print("load", os.getloadavg())
