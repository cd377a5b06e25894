"""Faust's Prometheus monitor with its per-message label lookups cached.

`faust.sensors.prometheus.PrometheusMonitor` calls `metric.labels(...)` (argument checks, a
lock, a dict lookup) several times for every message and event: py-spy put Faust's sensors
at ~15 % of a busy passthrough worker's main thread (docs/benchmarks.md). This subclass keeps
the same metrics, names and values, and caches the labelled children it updates per message;
the cache is dropped whenever Faust clears the partition metrics (rebalance), so no stale
child is ever updated.
"""
from __future__ import annotations

from faust.sensors.monitor import Monitor
from faust.sensors.prometheus import PrometheusMonitor, setup_prometheus_sensors


class CachedPrometheusMonitor(PrometheusMonitor):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._label_children: dict = {}

    def _child(self, metric, **labels):
        key = (id(metric), *labels.values())
        child = self._label_children.get(key)
        if child is None:
            child = self._label_children[key] = metric.labels(**labels)
        return child

    def on_message_in(self, tp, offset, message) -> None:
        Monitor.on_message_in(self, tp, offset, message)
        m = self._metrics
        m.messages_received.inc()
        m.active_messages.inc()
        self._child(m.messages_received_per_topics, topic=tp.topic).inc()
        self._child(m.messages_received_per_topics_partition, topic=tp.topic, partition=tp.partition).set(offset)

    def on_stream_event_in(self, tp, offset, stream, event):
        state = Monitor.on_stream_event_in(self, tp, offset, stream, event)
        m = self._metrics
        m.total_events.inc()
        m.total_active_events.inc()
        label = self._label_children.get(("stream", stream))
        if label is None:
            label = self._label_children[("stream", stream)] = f"stream.{self._stream_label(stream)}.events"
        self._child(m.total_events_per_stream, stream=label).inc()
        return state

    def on_table_set(self, table, key, value) -> None:
        Monitor.on_table_set(self, table, key, value)
        self._child(self._metrics.table_operations, table=f"table.{table.name}", operation=self.KEYS_UPDATED).inc()

    def on_send_initiated(self, producer, topic, message, keysize, valsize):
        self._child(self._metrics.topic_messages_sent, topic=f"topic.{topic}").inc()
        return Monitor.on_send_initiated(self, producer, topic, message, keysize, valsize)

    def track_tp_end_offset(self, tp, offset) -> None:
        Monitor.track_tp_end_offset(self, tp, offset)
        self._child(self._metrics.topic_partition_end_offset, topic=tp.topic, partition=tp.partition).set(offset)

    def _clear_partition_related_metrics(self) -> None:
        self._label_children.clear()
        super()._clear_partition_related_metrics()


def setup_sensors(app, name_prefix: str) -> None:
    """`setup_prometheus_sensors` (the /metrics page and the metric families), our monitor."""
    setup_prometheus_sensors(app, name_prefix=name_prefix)
    app.monitor = CachedPrometheusMonitor(metrics=app.monitor._metrics)
