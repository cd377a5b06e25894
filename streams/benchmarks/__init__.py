"""Benchmarks, apart from the runtime: `streams bench` (bench.py), its article generator
(benchgen.py, pools in data/), the stage micro-benchmarks (text.py, extract.py), alternated
A/B runs (ab.py) and the baseline agents a bench worker runs instead of the pipeline (baselines.py)."""
