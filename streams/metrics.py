"""Domain metrics (prometheus-client), exported beside Faust's own sensors on /metrics.

The names here are a contract: deploy/ (alerts, Grafana) uses them and a test
checks that every name those files use is exported by a running worker.
"""
from __future__ import annotations

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Gauge, Histogram

STAGES = ("dedup", "clean", "language", "extract")


class DomainMetrics:
    """All counters/histograms of the pipeline, created once per registry."""

    def __init__(self, registry: CollectorRegistry = REGISTRY):
        self.articles = Counter(
            "diplo_articles_total", "Articles leaving a stage, by outcome (ok|duplicate|dlq|unsupported|no_events)",
            ["stage", "outcome"], registry=registry)
        self.duplicates = Counter(
            "diplo_duplicates_total", "Duplicates caught, by kind (url|exact|near)", ["kind"], registry=registry)
        self.languages = Counter(
            "diplo_languages_total", "Articles by detected language", ["language"], registry=registry)
        self.events = Counter(
            "diplo_events_total", "Diplomatic events published, by type and status", ["type", "status"],
            registry=registry)
        self.events_retracted = Counter(
            "diplo_events_retracted_total", "Mentions retracted (tombstoned) because a re-processed article "
            "no longer reports the event", registry=registry)
        self.dead_letters = Counter(
            "diplo_dead_letters_total", "Messages sent to the dead-letter topic, by stage and reason",
            ["stage", "reason"], registry=registry)
        self.stage_seconds = Histogram(
            "diplo_stage_seconds", "Pure processing time per article per stage", ["stage"],
            buckets=(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 2.5),
            registry=registry)
        self.end_to_end = Histogram(
            "diplo_end_to_end_seconds", "From publish (raw message timestamp) to the terminal record",
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60), registry=registry)
        self.batch_size = Histogram(
            "diplo_batch_size", "Records per processed batch, by stage", ["stage"],
            buckets=(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000), registry=registry)
        self.consumer_lag = Gauge(
            "diplo_consumer_lag", "End offset minus committed offset of our consumer group",
            ["topic", "partition"], registry=registry)
        self.dedup_index_size = Gauge(
            "diplo_dedup_index_articles", "Articles currently held in the dedup window", registry=registry)
        self.ready = Gauge(
            "diplo_worker_ready", "1 when the worker is consuming (not starting, recovering or rebalancing)",
            registry=registry)
        self.up = Gauge("diplo_worker_up", "1 while the worker process runs", registry=registry)
        self.agent_crashes = Counter(
            "diplo_agent_crashes_total", "Agents that raised out of their loop (a bug: /livez turns 503)",
            ["agent"], registry=registry)


_metrics: DomainMetrics | None = None


def metrics() -> DomainMetrics:
    """The process-wide metrics object (created on first use)."""
    global _metrics
    if _metrics is None:
        _metrics = DomainMetrics()
    return _metrics
