"""The compatibility policy of docs/contract.md, checked against the schema and the coder.

Readers ignore fields they do not know (objects are open), writers publish only documented
fields, a 2.x reader accepts every 2.y record, and every released 2.x schema (frozen in
streams/schemas/released/) still accepts what the coder writes today.
"""
from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from streams.events.coder import SCHEMA_VERSION, extract_events

SCHEMAS = Path(__file__).resolve().parents[1] / "streams" / "schemas"
SCHEMA = json.loads((SCHEMAS / "event.schema.json").read_text())
RELEASED = sorted((SCHEMAS / "released").glob("event-*.schema.json"))
MAJOR = SCHEMA_VERSION.split(".")[0]

TEXTS = [   # our own sentences
    ("The Egyptian foreign minister arrived in Rome on Tuesday for talks with his Italian counterpart. "
     "He will travel to Madrid next week to meet the Spanish foreign minister.", "en", "2026-03-04"),
    ("Le président français s'est entretenu par téléphone avec le roi du Maroc.", "fr", "2026-02-10"),
]


def validator(schema):
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def records() -> list[dict]:
    out = []
    for text, lang, pub in TEXTS:
        out += extract_events(text, lang, pub, {"id": f"s-{lang}", "url": "https://news.example/x",
                                                "source": "news.example", "published_at": pub})
    assert out
    return out


def _objects(schema):
    """Every object schema in `schema` (with its properties), depth first."""
    if isinstance(schema, dict):
        if "properties" in schema:
            yield schema
        for v in schema.values():
            yield from _objects(v)
    elif isinstance(schema, list):
        for v in schema:
            yield from _objects(v)


def strict(schema):
    """The writer's view: nothing beyond the declared properties."""
    s = copy.deepcopy(schema)
    for obj in _objects(s):
        obj["additionalProperties"] = False
    return s


def test_objects_are_open_for_readers():
    assert not [o for o in _objects(SCHEMA) if o.get("additionalProperties") is False]


def test_a_record_with_added_fields_still_validates():
    ev = copy.deepcopy(records()[0])
    ev["a_later_field"] = {"anything": [1, 2]}
    for part in ("location", "plover", "evidence", "article", "extractor"):
        ev[part]["a_later_field"] = "x"
    ev["people"] = [{"name": None, "role": "minister", "country": "EGY", "a_later_field": 1}]
    validator(SCHEMA).validate(ev)


def test_writers_publish_only_documented_fields():
    v = validator(strict(SCHEMA))
    for ev in records():
        v.validate(ev)
    with pytest.raises(jsonschema.ValidationError):
        v.validate(records()[0] | {"undocumented": 1})


@pytest.mark.parametrize("version,ok", [(SCHEMA_VERSION, True), (f"{MAJOR}.7", True), (f"{MAJOR}.12", True),
                                        (f"{int(MAJOR) + 1}.0", False), ("1.0", False), (MAJOR, False)])
def test_a_reader_of_this_major_accepts_every_minor(version, ok):
    ev = records()[0] | {"schema_version": version}
    assert validator(SCHEMA).is_valid(ev) is ok


def test_the_coder_writes_the_current_version():
    assert all(ev["schema_version"] == SCHEMA_VERSION for ev in records())
    assert f"^{MAJOR}\\." in SCHEMA["properties"]["schema_version"]["pattern"]


def test_every_released_schema_of_this_major_accepts_todays_records():
    """A subscriber who validates with the schema of an earlier 2.x release keeps working."""
    same_major = [p for p in RELEASED if p.name.split("-")[1].split(".")[0] == MAJOR]
    assert same_major, "the current major has no released schema frozen in streams/schemas/released/"
    assert f"event-{SCHEMA_VERSION}.schema.json" in {p.name for p in RELEASED}, "freeze the current version"
    for path in same_major:
        v = validator(json.loads(path.read_text()))
        for ev in records():
            v.validate(ev)


def test_removing_a_required_field_breaks_the_released_schema():
    """What the check above catches: a change that is not additive."""
    released = validator(json.loads(RELEASED[-1].read_text()))
    ev = copy.deepcopy(records()[0])
    del ev["extractor"]
    assert not released.is_valid(ev)
    ev = copy.deepcopy(records()[0])
    ev["confidence"] = "high"
    assert not released.is_valid(ev)
