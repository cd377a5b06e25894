"""The event types: one row each, the single place their codes live.

CAMEO (Schrodt's Conflict and Mediation Event Observations) and PLOVER (its successor's event
and mode) codes for each type; `cameo_planned` is the code of an announced, not yet held event
of that type where CAMEO has one (036: express intent to meet or negotiate), `cameo_third_place`
the code of talks held in a third country. The JSON Schema's `type` enum and the lexicons'
trigger labels are checked against this registry by tests/test_event_types.py.
"""
from __future__ import annotations

from typing import NamedTuple


class EventType(NamedTuple):
    name: str
    cameo: str
    plover_event: str
    plover_mode: str
    cameo_planned: str | None = None
    cameo_third_place: str | None = None
    description: str = ""


TYPES: dict[str, EventType] = {t.name: t for t in (
    EventType("visit", "042", "CONSULT", "visit", "036", None,
              "one side travels to another (CAMEO 042 make a visit / 043 host a visit)"),
    EventType("meeting", "040", "CONSULT", "meet", "036", "044",
              "talks or a reception, at home or at a third place (040 consult, 044 meet at a third location)"),
    EventType("call", "041", "CONSULT", "phone", None, None, "a phone or video call (041 discuss by telephone)"),
    EventType("agreement", "057", "AGREE", "sign", None, None, "an accord signed or concluded (057 sign formal agreement)"),
    EventType("negotiation", "046", "CONSULT", "negotiate", None, None, "formal negotiation rounds (046 engage in negotiation)"),
)}


def cameo(name: str, status: str, located_elsewhere: bool = False) -> str:
    """CAMEO code of an event of type `name` with its status; `located_elsewhere`: held in a country
    that is not one of the parties."""
    t = TYPES[name]
    if status == "planned" and t.cameo_planned:
        return t.cameo_planned
    if located_elsewhere and t.cameo_third_place:
        return t.cameo_third_place
    return t.cameo
