"""Confidence is the fitted model's probability (streams/events/confidence.py, weights in
streams/data/confidence.json written by scripts/train_confidence.py)."""
import json

import pytest

from streams.events import confidence
from streams.events.coder import extract_events


def test_fitted_weights_match_the_features():
    spec = json.loads(confidence.DATA.read_text(encoding="utf-8"))
    assert tuple(spec["features"]) == confidence.FEATURES and len(spec["coef"]) == len(confidence.FEATURES)
    assert spec["cv"]["high_precision"] >= 0.9       # the cross-validated figure docs/confidence.md quotes


def test_weights_for_other_features_are_refused():
    with pytest.raises(ValueError):
        confidence.Model(["type_visit"], [1.0], 0.0)


def test_a_named_lead_event_is_trusted_more_than_a_guess():
    named = extract_events("Egyptian President Abdel Fattah al-Sisi met Kenyan President William Ruto in Cairo "
                           "on Monday.", "en", "2025-11-04", {"id": "c1"})
    guessed = extract_events("Egypt and Kenya: talks\nOfficials from Egypt and Kenya discussed trade.\n"
                             "Talks were held.", "en", "2025-11-04", {"id": "c2"})
    assert named and guessed and 0.0 < named[0]["confidence"] < 1.0
    assert all(g["confidence"] < named[0]["confidence"] for g in guessed)
