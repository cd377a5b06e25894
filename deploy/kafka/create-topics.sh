#!/bin/sh
# Create every diplo-streams topic (idempotent). Used by the docker-compose `topic-init`
# service and, copied verbatim, by the Kubernetes Job in deploy/k8s/topic-init.yaml
# (tests/test_deploy.py checks that the two copies stay identical).
#
# Environment: KAFKA_BOOTSTRAP (host:port), STREAMS_TOPIC_PREFIX, STREAMS_PARTITIONS,
# STREAMS_RAW_PARTITIONS, STREAMS_REPLICAS, KAFKA_BIN (default /opt/kafka/bin, the apache/kafka
# image layout). Both counts must equal the worker's: the dedup table's changelog is
# co-partitioned with articles.raw, which has STREAMS_RAW_PARTITIONS (1: one dedup window).
set -eu

BOOTSTRAP="${KAFKA_BOOTSTRAP:-kafka:9092}"
PREFIX="${STREAMS_TOPIC_PREFIX:-}"
PARTITIONS="${STREAMS_PARTITIONS:-6}"
RAW_PARTITIONS="${STREAMS_RAW_PARTITIONS:-1}"
REPLICAS="${STREAMS_REPLICAS:-1}"
BIN="${KAFKA_BIN:-/opt/kafka/bin}"
DAY_MS=86400000

# Wait for the broker (the compose healthcheck already did; a Kubernetes Job may start first).
tries=0
until "$BIN/kafka-broker-api-versions.sh" --bootstrap-server "$BOOTSTRAP" >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then echo "broker $BOOTSTRAP not reachable" >&2; exit 1; fi
  sleep 2
done

# create NAME [--config k=v ...]
create() {
  name="$PREFIX$1"; parts="$PARTITIONS"
  if [ "$1" = articles.raw ]; then parts="$RAW_PARTITIONS"; fi
  shift
  "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$name" --partitions "$parts" --replication-factor "$REPLICAS" "$@"
  echo "topic ready: $name"
}

# Pipeline (input and internal hops): a week is plenty to replay from offsets.
create articles.raw        --config retention.ms=$((7 * DAY_MS))
create articles.unique     --config retention.ms=$((3 * DAY_MS))
create articles.clean      --config retention.ms=$((3 * DAY_MS))
create articles.detected   --config retention.ms=$((3 * DAY_MS))
# The product, one record per mention keyed <event_id>/<article_id>: compaction keeps the latest (docs/contract.md).
create events.diplomatic   --config cleanup.policy=compact,delete --config retention.ms=$((365 * DAY_MS))
# Terminal topics: the accounting of every input message.
create articles.processed  --config retention.ms=$((14 * DAY_MS))
create articles.duplicates --config retention.ms=$((14 * DAY_MS))
# Dead letters keep the original bytes: long enough to fix the bug and replay.
create articles.dlq        --config retention.ms=$((30 * DAY_MS))

"$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --describe --topic "${PREFIX}articles.raw"
