"""One registry of event types (streams/events/types.py): the schema, the lexicons and the
records all agree with it."""
import json
from pathlib import Path

from streams.events import types
from streams.events.coder import extract_events
from streams.events.triggers import lexicon
from streams.lang import languages

SCHEMA = Path(__file__).resolve().parents[1] / "streams" / "schemas" / "event.schema.json"


def test_schema_enum_is_the_registry():
    enum = json.loads(SCHEMA.read_text(encoding="utf-8"))["properties"]["type"]["enum"]
    assert sorted(enum) == sorted(types.TYPES)


def test_every_trigger_label_is_a_registered_type():
    for code in languages():
        labels = lexicon(code).labels["trigger"]
        assert labels and labels <= set(types.TYPES), (code, labels - set(types.TYPES))


def test_cameo_codes_follow_status_and_place():
    assert types.cameo("visit", "occurred") == "042"
    assert types.cameo("visit", "planned") == "036"
    assert types.cameo("meeting", "occurred", located_elsewhere=True) == "044"
    assert types.cameo("call", "planned") == "041"          # CAMEO has no planned call


def test_records_carry_the_registry_codes():
    text = "Kenyan President William Ruto met Japanese Prime Minister Shigeru Ishiba in New York on Monday."
    [ev] = extract_events(text, "en", "2025-11-04", {"id": "x"})
    assert (ev["type"], ev["cameo"]) == ("meeting", "044")           # held in a third country
    assert ev["plover"] == {"event": "CONSULT", "mode": "meet"}
