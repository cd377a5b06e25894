"""The four agents on a real broker: accounting, schema, DLQ headers, health, metrics."""
from __future__ import annotations

import json
from importlib import resources

import jsonschema
import orjson
import pytest

from streams import topics as T
from streams.pipeline import article_error_id

pytestmark = pytest.mark.integration


def test_every_input_ends_in_exactly_one_terminal_topic(pipeline_run):
    ledger, lines = pipeline_run["ledger"], pipeline_run["lines"]
    ids = [article_error_id(line) for line in lines]
    with_id = [i for i in ids if i]
    assert len(set(with_id)) == len(with_id), "fixture ids must be unique"
    for art_id in with_id:
        ends = ledger.terminal.get(art_id, [])
        assert len(ends) == 1, f"{art_id} ended in {[t for t, _ in ends]}"
    assert set(ledger.terminal) == set(with_id)
    # messages whose id cannot be read still land in the DLQ, once each
    assert len(ledger.dlq_without_id) == ids.count(None)


def test_examples_produce_events_duplicates_and_dead_letters(pipeline_run):
    from .conftest import MALFORMED

    ledger = pipeline_run["ledger"]
    ends = [topic for e in ledger.terminal.values() for topic, _ in e]
    assert ends.count(T.PROCESSED) >= 10
    assert ends.count(T.DUPLICATES) >= 1
    assert len(ledger.events) >= 5
    # every malformed message is dead-lettered: by id where one can be read, otherwise without
    malformed_ids = [article_error_id(line) for line in MALFORMED]
    for art_id in filter(None, malformed_ids):
        assert [t for t, _ in ledger.terminal[art_id]] == [T.DLQ], art_id
    assert ends.count(T.DLQ) == len(list(filter(None, malformed_ids)))
    assert len(ledger.dlq_without_id) == malformed_ids.count(None)


def test_events_validate_against_the_published_schema(pipeline_run):
    schema = json.loads(resources.files("streams").joinpath("schemas/event.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    events = pipeline_run["ledger"].events
    assert events
    for ev in events.values():
        errors = sorted(validator.iter_errors(ev), key=str)
        assert not errors, f"{ev['event_id']}: {errors[0].message}"


def test_processed_records_point_at_published_events(pipeline_run):
    ledger = pipeline_run["ledger"]
    for ends in ledger.terminal.values():
        topic, value = ends[0]
        if topic == T.PROCESSED:
            for event_id in value["event_ids"]:
                assert event_id in ledger.events


def test_dead_letters_keep_original_bytes_and_say_why(pipeline_run):
    ledger, lines = pipeline_run["ledger"], pipeline_run["lines"]
    dead = [info for ends in ledger.terminal.values() for t, info in ends if t == T.DLQ] + ledger.dlq_without_id
    by_value = {d["value"]: d for d in dead}
    bad_json = lines[[i for i, l in enumerate(lines) if l.startswith(b'{"id": "bad-json"')][0]]
    assert by_value[bad_json]["reason"] == "invalid_json"
    assert by_value[b"\xff\xfe\x00 not utf-8"]["reason"] == "invalid_utf8"
    for d in dead:
        h = d["headers"]
        for name in ("topic", "partition", "offset", "stage", "reason", "exception.class.name",
                     "exception.message"):
            assert "__dlq.errors." + name in h, name
        assert h["__dlq.errors.topic"].endswith(T.RAW) or h["__dlq.errors.stage"] != "dedup"
    reasons = {d["reason"] for d in dead}
    assert {"not_an_object", "empty_body", "wrong_type", "missing_id"} <= reasons


def test_one_event_id_never_has_two_payloads(pipeline_run):
    for event_id, payloads in pipeline_run["ledger"].event_payloads.items():
        assert len(payloads) == 1, event_id


def test_health_endpoints_and_metrics(pipeline_run):
    assert pipeline_run["live"] == 200
    assert pipeline_run["ready"] == 200
    text = pipeline_run["metrics"]
    for name in ("diplo_articles_total", "diplo_events_total", "diplo_dead_letters_total",
                 "diplo_stage_seconds_bucket", "diplo_end_to_end_seconds_bucket", "diplo_languages_total"):
        assert name in text, name
    assert 'diplo_articles_total{outcome="duplicate",stage="dedup"}' in text


def test_worker_stops_cleanly_on_sigterm(pipeline_run):
    assert pipeline_run["exit_code"] == 0, pipeline_run["log"].read_text()[-3000:]
