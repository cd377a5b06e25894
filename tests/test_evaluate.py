"""`streams evaluate`: our scorer agrees with the arbiter, and in-process == via Kafka."""
from __future__ import annotations

import importlib.util

import orjson
import pytest

from streams.evaluate import predict_inprocess, predict_via_kafka, read_lines, to_predictions
from streams.scoring import score
from streams.pipeline import Outcome

from .conftest import DEV


def _official_scorer():
    path = DEV.parent / "score.py"
    if not path.exists():
        pytest.skip("../shared/eval is absent")
    spec = importlib.util.spec_from_file_location("official_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_duplicates_inherit_the_original_prediction():
    ev = {"type": "call", "participants": ["EGY", "SAU"], "actor": None, "target": None,
          "location": {"country": None, "place": None}, "date": None, "status": "occurred", "background": False}
    bg = dict(ev, type="visit", background=True)
    outcomes = {"a": Outcome("a", "processed", language="ar", events=[ev, bg]),
                "b": Outcome("b", "duplicate", duplicate_of="a", duplicate_kind="exact"),
                "c": Outcome("c", "dlq", stage="dedup", reason="invalid_json")}
    preds = to_predictions(["a", "b", "c"], outcomes)
    assert preds[0]["events"] == [{**{k: ev[k] for k in ("type", "participants", "actor", "target", "date",
                                                          "status")}, "location": None}]
    assert preds[1] == {"id": "b", "language": "ar", "duplicate_of": "a", "events": preds[0]["events"]}
    assert preds[2]["events"] == [] and preds[2]["language"] is None


def test_a_duplicate_page_is_scored_on_what_it_reports_itself():
    from streams.evaluate import duplicate_pages

    body = ("Egypt's foreign minister held talks in Cairo on Monday with his Saudi counterpart on the "
            "situation in the region and bilateral relations between the two countries. ") * 3
    dated = {"id": "a", "url": "https://one.example/a", "published_at": "2025-03-04T10:00:00Z", "text": body}
    copy = {"id": "b", "url": "https://two.example/b", "text": body}           # no publication day
    lines = [orjson.dumps(dated), orjson.dumps(copy)]
    ids, outcomes = predict_inprocess(lines)
    assert outcomes["b"].terminal == "duplicate"
    inherited = to_predictions(ids, outcomes)
    own = to_predictions(ids, outcomes, duplicate_pages(lines, ids, outcomes))
    assert inherited[1]["events"][0]["date"] == "2025-03-03"      # the original's Monday
    assert own[1]["events"][0]["date"] is None                     # this page gives no week
    assert own[1]["duplicate_of"] == "a" and own[0] == inherited[0]


def test_our_scorer_agrees_with_the_official_one():
    official = _official_scorer()
    gold = official.load(DEV / "gold.jsonl")
    ids, outcomes = predict_inprocess(read_lines(DEV / "articles.jsonl"))
    preds = to_predictions(ids, outcomes)
    ours, _ = score(gold, preds)
    theirs, _ = official.score(gold, preds)
    assert ours == theirs


@pytest.mark.integration
def test_inprocess_and_via_kafka_give_the_same_predictions(broker, tmp_path):
    if not (DEV / "articles.jsonl").exists():
        pytest.skip("../shared/eval is absent")
    lines = read_lines(DEV / "articles.jsonl")
    local = to_predictions(*predict_inprocess(lines))
    kafka = to_predictions(*predict_via_kafka(lines, broker_url=broker.url, log_dir=str(tmp_path)))
    assert [p["id"] for p in kafka] == [p["id"] for p in local]
    assert kafka == local
