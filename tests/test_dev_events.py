"""Dev-set regression: event F1 on ../shared/eval/dev must stay >= 0.80 (skips without the data)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

DEV = Path(__file__).resolve().parents[2] / "shared/eval/dev"


@pytest.mark.skipif(not (DEV / "articles.jsonl").exists(), reason="shared dev set absent")
def test_dev_event_f1(tmp_path):
    from streams.events.devscore import predict_file
    preds = predict_file(DEV / "articles.jsonl")
    out = tmp_path / "pred.jsonl"
    out.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
    res = subprocess.run([sys.executable, str(DEV.parent / "score.py"), str(DEV / "gold.jsonl"), str(out), "--json"],
                         capture_output=True, text=True, check=True)
    report = json.loads(res.stdout)
    f1 = report["events"]["f1"] if "events" in report else report["f1"]
    assert f1 is not None and f1 >= 0.80, report
