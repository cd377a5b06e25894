"""Smoke run of `streams bench` on the embedded broker: shape and sanity, no speed asserts."""
from __future__ import annotations

import collections
import math

import orjson
import pytest

from streams.benchmarks.bench import format_table, run_bench
from streams.benchmarks.benchgen import ArticleGenerator

pytestmark = pytest.mark.integration


def test_generator_is_deterministic_and_mixed():
    a = ArticleGenerator(seed=3).lines(200)
    assert a == ArticleGenerator(seed=3).lines(200)
    arts = [orjson.loads(x) for x in a]
    assert len({x["id"] for x in arts}) == 200
    bodies = collections.Counter((x.get("text") or x.get("html")) for x in arts)
    exact_copies = sum(n - 1 for n in bodies.values())
    assert 5 <= exact_copies <= 30                       # part of the ~10 % duplicate share
    assert any("html" in x for x in arts) and any("text" in x for x in arts)


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return run_bench(n=80, rate=40.0, latency_articles=40, runs=1, micro=False,
                     log_dir=str(tmp_path_factory.mktemp("bench")))


def test_bench_reports_every_figure(result):
    for key in ("throughput_aps", "passthrough_aps", "ratio", "chain_passthrough_aps", "chain_cpu_ms_per_article",
                "ratio_chain", "latency_ms", "peak_rss_mb", "stage_us",
                "stage_mean_us_worker", "facts"):
        assert key in result, key
    assert set(result["latency_ms"]) >= {"p50", "p95", "p99"}
    assert set(result["facts"]) >= {"cpu", "cores", "broker"}


def test_bench_values_are_sane(result):
    assert result["throughput_aps"] > 0 and result["passthrough_aps"] > 0
    assert result["ratio"] == pytest.approx(result["throughput_aps"] / result["passthrough_aps"], rel=0.02, abs=0.001)
    # the chain delivered every article with its bytes unchanged (the bench raises otherwise)
    assert result["chain_passthrough_aps"] > 0 and result["chain_cpu_ms_per_article"] > 0
    assert result["ratio_chain"] == pytest.approx(result["throughput_aps"] / result["chain_passthrough_aps"],
                                                  rel=0.02, abs=0.001)
    lat = result["latency_ms"]
    assert 0 <= lat["p50"] <= lat["p95"] <= lat["p99"] <= lat["max"]
    assert 20 < result["peak_rss_mb"] < 4000                # a real Python worker was sampled
    assert set(result["stage_mean_us_worker"]) == {"dedup", "clean", "language", "extract"}
    assert "articles/s" in format_table(result)


def test_ab_pairs_alternate_and_medians_group_by_variant():
    from streams.benchmarks.ab import _medians, _orders

    assert [order for _, order in _orders(3, "before", "after")] == [
        ("before", "after"), ("after", "before"), ("before", "after")]
    rows = [{"tree": "before", "cpu": 3.0}, {"tree": "after", "cpu": 2.0}, {"tree": "before", "cpu": 5.0},
            {"tree": "after", "cpu": 4.0}, {"tree": "before", "cpu": 4.0}]
    assert _medians(rows, "tree", ("cpu",)) == {"before": {"cpu": 4.0}, "after": {"cpu": 3.0}}


def test_throughput_of_one_batch_falls_back_to_the_time_since_the_first_send():
    from streams.benchmarks.bench import _throughput

    assert _throughput({"a": 1000, "b": 1500, "c": 2000}, {"a": 0}) == 2.0     # 2 intervals in 1 s
    # all three came out in the same millisecond, 1.5 s after the first send
    assert _throughput({"a": 1500, "b": 1500, "c": 1500}, {"a": 0, "b": 10}) == 2.0
    assert math.isnan(_throughput({"a": 5}, {}))
