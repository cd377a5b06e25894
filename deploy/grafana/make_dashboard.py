"""Generate deploy/grafana/dashboards/diplo-streams.json (the provisioned Grafana dashboard).

Why a generator: twenty-odd panels share datasource, layout and query conventions that
hand-edited JSON lets drift. Edit the PANELS below, run
`python deploy/grafana/make_dashboard.py`, commit both files; tests/test_deploy.py fails
when the JSON is stale or uses a metric a worker does not export.
Standard library only (runs anywhere Python runs).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "dashboards" / "diplo-streams.json"
DS = {"type": "prometheus", "uid": "${datasource}"}
W = 'instance=~"$instance"'          # worker selector (template variable)
G = 'consumergroup="$group"'         # kafka-exporter selector
RI = "$__rate_interval"


def q(expr: str, legend: str = "") -> dict:
    return {"expr": expr, "legendFormat": legend}


def row(title: str) -> dict:
    return {"type": "row", "title": title, "collapsed": False, "panels": []}


def stat(title: str, targets: list[dict], unit: str = "short", desc: str = "", w: int = 4) -> dict:
    return {"type": "stat", "title": title, "description": desc, "targets": targets, "w": w, "h": 4,
            "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
            "options": {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                        "colorMode": "value", "graphMode": "area", "textMode": "auto"}}


def ts(title: str, targets: list[dict], unit: str = "short", desc: str = "", stack: bool = False,
       w: int = 12) -> dict:
    custom = {"drawStyle": "line", "lineWidth": 1, "fillOpacity": 10, "showPoints": "never",
              "stacking": {"mode": "normal" if stack else "none", "group": "A"}}
    return {"type": "timeseries", "title": title, "description": desc, "targets": targets, "w": w, "h": 8,
            "fieldConfig": {"defaults": {"unit": unit, "custom": custom}, "overrides": []},
            "options": {"legend": {"displayMode": "table", "placement": "right", "calcs": ["mean", "max"]},
                        "tooltip": {"mode": "multi", "sort": "desc"}}}


def pie(title: str, targets: list[dict], desc: str = "", w: int = 12) -> dict:
    return {"type": "piechart", "title": title, "description": desc, "targets": targets, "w": w, "h": 8,
            "fieldConfig": {"defaults": {"unit": "short"}, "overrides": []},
            "options": {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                        "pieType": "donut", "legend": {"displayMode": "table", "placement": "right",
                                                       "values": ["value", "percent"]}}}


def quantiles(metric: str, by: str = "", qs=(0.5, 0.9, 0.99)) -> list[dict]:
    extra = f", {by}" if by else ""
    label = f"{{{{{by}}}}} " if by else ""
    return [q(f"histogram_quantile({p}, sum by (le{extra}) (rate({metric}[{RI}])))", f"{label}p{int(p * 100)}")
            for p in qs]


PANELS = [
    row("Overview"),
    stat("Workers up", [q(f"sum(diplo_worker_up{{{W}}})")], desc="Worker processes exporting metrics."),
    stat("Workers consuming", [q(f"sum(diplo_worker_ready{{{W}}})")],
         desc="Workers not starting, recovering or rebalancing (/readyz = 200)."),
    stat("Input", [q(f'sum(rate(diplo_articles_total{{stage="dedup",{W}}}[{RI}]))')], unit="reqps",
         desc="Articles per second read from articles.raw (every outcome of the dedup stage)."),
    stat("Events / hour", [q(f"sum(increase(diplo_events_total{{{W}}}[1h]))")],
         desc="Diplomatic events published to events.diplomatic in the last hour."),
    stat("DLQ share", [q(f"sum(rate(diplo_dead_letters_total{{{W}}}[{RI}])) / "
                         f'sum(rate(diplo_articles_total{{stage="dedup",{W}}}[{RI}]))')],
         unit="percentunit", desc="Dead letters over input. Alert DiploDeadLettersHigh fires above 5%."),
    stat("Consumer lag", [q(f"sum(kafka_consumergroup_lag{{{G}}})")],
         desc="Messages behind, all input and internal topics (kafka-exporter, broker side)."),

    row("Throughput"),
    ts("Articles by stage and outcome", [q(f"sum by (stage, outcome) (rate(diplo_articles_total{{{W}}}[{RI}]))",
                                           "{{stage}} {{outcome}}")], unit="reqps",
       desc="Every article leaves each stage with one outcome: ok, duplicate, dlq, unsupported, no_events."),
    ts("Events by type and status", [q(f"sum by (type, status) (rate(diplo_events_total{{{W}}}[{RI}]))",
                                       "{{type}} {{status}}")], unit="reqps", stack=True),
    ts("Duplicates by kind", [q(f"sum by (kind) (rate(diplo_duplicates_total{{{W}}}[{RI}]))", "{{kind}}")],
       unit="reqps", stack=True, desc="url = same canonical URL, exact = same normalised text, near = MinHash."),
    pie("Languages (selected range)", [q(f"sum by (language) (increase(diplo_languages_total{{{W}}}[$__range]))",
                                         "{{language}}")]),
    ts("Dead letters by stage and reason",
       [q(f"sum by (stage, reason) (rate(diplo_dead_letters_total{{{W}}}[{RI}]))", "{{stage}} {{reason}}")],
       unit="reqps", desc="articles.dlq keeps the original bytes; see OPERATIONS.md to replay."),
    ts("Kafka messages in / out per topic (Faust)",
       [q(f"sum by (topic) (rate(diplo_streams_messages_received_per_topic_total{{{W}}}[{RI}]))", "in {{topic}}"),
        q(f"sum by (topic) (rate(diplo_streams_topic_messages_sent_total{{{W}}}[{RI}]))", "out {{topic}}")],
       unit="reqps"),

    row("Latency and cost"),
    ts("End-to-end latency (publish to terminal record)",
       quantiles(f"diplo_end_to_end_seconds_bucket{{{W}}}"), unit="s",
       desc="From the raw message timestamp to its processed/duplicate/dlq record. Alert at p99 > 10 s."),
    ts("Stage latency p99", quantiles(f"diplo_stage_seconds_bucket{{{W}}}", by="stage", qs=(0.99,)), unit="s",
       desc="Pure processing time per article in each stage."),
    ts("Stage cost (share of one core)",
       [q(f"sum by (stage) (rate(diplo_stage_seconds_sum{{{W}}}[{RI}]))", "{{stage}}")],
       unit="percentunit", stack=True,
       desc="Seconds of processing per second of wall time: where the CPU goes. 1.0 = one busy core."),
    ts("Mean time per article by stage",
       [q(f"sum by (stage) (rate(diplo_stage_seconds_sum{{{W}}}[{RI}])) / "
          f"sum by (stage) (rate(diplo_stage_seconds_count{{{W}}}[{RI}]))", "{{stage}}")], unit="s"),
    ts("Mean batch size by stage",
       [q(f"sum by (stage) (rate(diplo_batch_size_sum{{{W}}}[{RI}])) / "
          f"sum by (stage) (rate(diplo_batch_size_count{{{W}}}[{RI}]))", "{{stage}}")],
       desc="Records per stream.take batch; near 1 means the pipeline is idle or latency-bound."),
    ts("Kafka producer send and commit latency p99 (Faust)",
       [q(f"histogram_quantile(0.99, sum by (le) (rate(diplo_streams_producer_send_latency_bucket{{{W}}}[{RI}])))",
          "send p99"),
        q(f"histogram_quantile(0.99, sum by (le) (rate(diplo_streams_consumer_commit_latency_bucket{{{W}}}[{RI}])))",
          "commit p99")], unit="ms"),

    row("Kafka, state and rebalances"),
    ts("Consumer lag by topic (broker side)",
       [q(f"sum by (topic) (kafka_consumergroup_lag{{{G}}})", "{{topic}}")],
       desc="kafka-exporter: committed offset vs end offset of the consumer group. Alert DiploConsumerLagGrowing."),
    ts("Consumer lag by topic (worker side)",
       [q(f"sum by (topic) (diplo_consumer_lag{{{W}}})", "{{topic}}")],
       desc="Each worker's own view of its assigned partitions (end offset minus committed)."),
    ts("Dedup window per worker", [q(f"diplo_dedup_index_articles{{{W}}}", "{{instance}}")],
       desc="Articles remembered for duplicate detection; each worker holds only its partitions' share."),
    ts("Readiness and rebalances",
       [q(f"diplo_worker_ready{{{W}}}", "ready {{instance}}"),
        q(f"diplo_streams_total_rebalances{{{W}}}", "rebalancing {{instance}}"),
        q(f"diplo_streams_total_rebalances_recovering{{{W}}}", "recovering {{instance}}")]),
]


def layout(panels: list[dict]) -> list[dict]:
    """Assign ids, refIds, datasource and grid positions (left to right, wrapping at 24)."""
    out, x, y, row_h, pid = [], 0, 0, 0, 1
    for p in panels:
        p = dict(p)
        if p["type"] == "row":
            if x:
                y += row_h
            x, row_h = 0, 0
            p["gridPos"] = {"h": 1, "w": 24, "x": 0, "y": y}
            y += 1
        else:
            w, h = p.pop("w"), p.pop("h")
            if x + w > 24:
                x, y, row_h = 0, y + row_h, 0
            p["gridPos"] = {"h": h, "w": w, "x": x, "y": y}
            x, row_h = x + w, max(row_h, h)
            p["datasource"] = DS
            p["targets"] = [{"datasource": DS, "refId": chr(ord("A") + i), **t}
                            for i, t in enumerate(p["targets"])]
        p["id"] = pid
        pid += 1
        out.append(p)
    return out


def dashboard() -> dict:
    return {
        "uid": "diplo-streams",
        "title": "diplo-streams",
        "description": "Raw articles to diplomatic events: throughput, lag, duplicates, languages, events, "
                       "dead letters, latency and stage cost. Generated by deploy/grafana/make_dashboard.py.",
        "tags": ["diplo-streams", "kafka", "faust"],
        "timezone": "utc",
        "editable": True,
        "graphTooltip": 1,
        "refresh": "30s",
        "schemaVersion": 39,
        "version": 1,
        "time": {"from": "now-6h", "to": "now"},
        "templating": {"list": [
            {"name": "datasource", "label": "Datasource", "type": "datasource", "query": "prometheus",
             "current": {"text": "Prometheus", "value": "prometheus"}, "hide": 0},
            {"name": "instance", "label": "Worker", "type": "query", "datasource": DS,
             "query": {"query": "label_values(diplo_worker_up, instance)", "refId": "instance"},
             "definition": "label_values(diplo_worker_up, instance)",
             "multi": True, "includeAll": True, "allValue": ".*", "refresh": 2, "sort": 1,
             "current": {"text": "All", "value": "$__all"}, "hide": 0},
            {"name": "group", "label": "Consumer group", "type": "textbox", "query": "diplo-streams",
             "current": {"text": "diplo-streams", "value": "diplo-streams"}, "hide": 0,
             "description": "STREAMS_APP_ID (the Kafka consumer group of the workers)"},
        ]},
        "annotations": {"list": []},
        "panels": layout(PANELS),
    }


def render() -> str:
    return json.dumps(dashboard(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    text = render()
    if "--check" in sys.argv:
        sys.exit(0 if OUT.exists() and OUT.read_text(encoding="utf-8") == text else 1)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
