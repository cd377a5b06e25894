"""Targets on the real dev pages (read at run time from ../shared; skipped when absent).

Articles run in file order through clean -> detect_language and, on the raw text, through
fingerprint -> Deduper (as the pipeline does); compared with gold `language`/`duplicate_of`.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from streams.text.boilerplate import classify
from streams.text.clean import clean_article
from streams.text.fingerprint import Deduper, fingerprint
from streams.text.html import quick_text
from streams.text.language import detect_language

DEV = Path(__file__).resolve().parents[2] / "shared/eval/dev"


@pytest.fixture(scope="module")
def dev():
    if not (DEV / "articles.jsonl").exists() or not (DEV / "gold.jsonl").exists():
        pytest.skip("dev set not available (../shared/eval/dev)")
    arts = [json.loads(x) for x in (DEV / "articles.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    gold = {g["id"]: g for g in (json.loads(x) for x in (DEV / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x.strip())}
    return arts, gold


def test_language_accuracy(dev):
    arts, gold = dev
    ok = 0
    for a in arts:
        c = clean_article(a.get("text"), a.get("html"), a.get("title"))
        ok += detect_language(c.text).language == gold[a["id"]]["language"]
    assert ok / len(arts) >= 0.98


def test_duplicates_precision_recall(dev):
    arts, gold = dev
    d = Deduper()
    tp = fp = fn = 0
    for i, a in enumerate(arts):
        raw = a.get("text") or quick_text(a.get("html") or "")
        f = fingerprint(a["id"], a.get("url"), raw, float(i))
        v = d.check(f)
        if v is None:
            d.add(f)
        g = gold[a["id"]]["duplicate_of"]
        if v and g:
            tp += 1
            assert v.duplicate_of == g, (a["id"], v)     # the FIRST article of the cluster
        elif v:
            fp += 1
        elif g:
            fn += 1
    assert tp / max(1, tp + fp) >= 0.95
    assert tp / max(1, tp + fn) >= 0.9


def test_cleaning_keeps_the_story_and_no_furniture_left(dev):
    arts, _ = dev
    for a in arts:
        raw = a.get("text") or ""
        c = clean_article(raw, a.get("html"), a.get("title"))
        assert len(c.text) >= 0.3 * len(raw.strip()), a["id"]
        leftovers = [line for line in c.text.split("\n") if line.strip() and classify(line) is not None]
        assert leftovers == [], (a["id"], leftovers)
