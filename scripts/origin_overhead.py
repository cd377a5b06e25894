"""Bytes per internal-hop record with and without `origin` (the DLQ copy of the publisher's message).

Over the benchmark generator's articles; docs/contract.md quotes its output.
Usage: python scripts/origin_overhead.py [N]
"""
import sys
from types import SimpleNamespace
from streams.benchmarks.benchgen import generate
from streams.origin import capture
from streams.pipeline import parse_raw, clean, detect
from streams.settings import Settings
N = int(sys.argv[1]) if len(sys.argv) > 1 else 500
s = Settings.from_env()
tot = {"unique": [0, 0], "clean": [0, 0], "detected": [0, 0]}
for i, line in enumerate(generate(N, seed=3)):
    a = parse_raw(line, s)
    c = clean(a, s); d = detect(c, s)
    for name, r in (("unique", a), ("clean", c), ("detected", d)):
        tot[name][0] += len(r.dumps())
    o = capture(SimpleNamespace(topic="articles.raw", partition=0, offset=i, key=a.id.encode(), value=line, headers=[]))
    a.origin = o; c = clean(a, s); d = detect(c, s)
    for name, r in (("unique", a), ("clean", c), ("detected", d)):
        tot[name][1] += len(r.dumps())
for k, (b, w) in tot.items():
    print(f"{k}: {b/N:.0f} -> {w/N:.0f} bytes/record ({w/b:.2f}x)")
