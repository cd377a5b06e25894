"""How far to trust one coded event: a logistic model over what the rules saw.

The rules propose events; this model turns the evidence behind each one (how the parties were
found, where in the story, which trigger, whether the lead backoff had to guess) into a
probability that the event is right. Its weights are data (`streams/data/confidence.json`),
fitted on the training set by `scripts/train_confidence.py`, which also writes the
cross-validated reliability table in `docs/confidence.md`. Applying it is a dot product.
"""
from __future__ import annotations

import functools
import json
import math
from pathlib import Path

from streams.lang import profile

DATA = Path(__file__).resolve().parents[1] / "data" / "confidence.json"
TYPES = ("visit", "meeting", "call", "agreement", "negotiation")
NAMED_VIA = ("leader", "role", "counterpart", "delegation")
FEATURES = (
    *(f"type_{t}" for t in TYPES),
    "planned", "weak_trigger", "backoff", "lead", "late", "named_sides", "leader_named",
    "dated", "located", "mentions", "multiparty", "organisation", "recalled", "background",
    "salient_pair", "events_in_story", "script_arabic", "script_latin",
)


def features(ev: dict, n_foreground: int, language: str, salient: list[str]) -> list[float]:
    """The model's inputs for one merged event, in FEATURES order."""
    script = profile(language).script
    people = ev.get("people") or ()
    named = {p.code for p in people if p.code and p.via in NAMED_VIA}
    parts = ev["participants"]
    return [
        *(float(ev["type"] == t) for t in TYPES),
        float(ev["status"] == "planned"),
        float(bool(ev.get("weak"))),
        float(bool(ev.get("backoff"))),
        float(ev["sentence"] < 3),
        float(ev["sentence"] >= 8),
        float(min(len(named & set(parts)), 2)),
        float(any(p.via == "leader" and p.code in parts for p in people)),
        float(bool(ev.get("date_phrase"))),
        float(ev.get("loc") is not None),
        math.log1p(ev.get("n", 1)),
        float(len(parts) > 2),
        float(any(c not in _states() for c in parts)),
        float(bool(ev.get("recalled"))),
        float(bool(ev.get("background"))),
        float(set(parts[:2]) <= set(salient[:2])),
        math.log1p(n_foreground),
        float(script == "arabic"),
        float(script == "latin"),
    ]


@functools.lru_cache(maxsize=1)
def _states() -> frozenset[str]:
    import pycountry
    return frozenset(c.alpha_3 for c in pycountry.countries)


class Model:
    def __init__(self, names: list[str], coef: list[float], intercept: float):
        if tuple(names) != FEATURES:
            raise ValueError(f"{DATA.name} was fitted on other features; rerun scripts/train_confidence.py")
        self.coef, self.intercept = coef, intercept

    def probability(self, x: list[float]) -> float:
        z = self.intercept + sum(w * v for w, v in zip(self.coef, x))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@functools.lru_cache(maxsize=1)
def model() -> Model:
    spec = json.loads(DATA.read_text(encoding="utf-8"))
    return Model(spec["features"], spec["coef"], spec["intercept"])
