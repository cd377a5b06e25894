#!/usr/bin/env python3
"""Fit the confidence model (streams/events/confidence.py) on the training set and write
its weights (streams/data/confidence.json) and a cross-validated reliability table
(docs/confidence.md).

An event is right when the gold file of its article has an event with the same key (type and
participants, plus actor and target for a visit), required or optional. Cross-validation folds
group articles by outlet (the url's host, else `source`), so no outlet is in both the fitting
and the scoring part: the table says how the probabilities hold on outlets the model never saw.

    pip install -e ".[train]"
    python scripts/train_confidence.py [--eval ../shared/eval] [--folds 5] [--check]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streams.events import coder, confidence  # noqa: E402
from streams.pipeline import clean, detect, parse_raw  # noqa: E402
from streams.settings import Settings  # noqa: E402

BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001)
C = 0.1        # L2 strength, the best of 0.1/0.3/1/3 by the cross-validated share right at >= 0.8


def _key(ev):
    parts = tuple(sorted(ev["participants"]))
    return (ev["type"], parts, ev.get("actor"), ev.get("target")) if ev["type"] == "visit" else (ev["type"], parts)


def _outlet(article: dict) -> str:
    host = urlparse(article.get("url") or "").hostname or ""
    return host.removeprefix("www.") or (article.get("source") or article["id"])


def collect(eval_dir: Path):
    """Features, labels and outlet of every event the rules propose on the train set."""
    settings = Settings.from_env()
    X, y, groups, fg = [], [], [], []
    articles = [json.loads(l) for l in (eval_dir / "train" / "articles.jsonl").open(encoding="utf-8")]
    gold = {g["id"]: g for g in map(json.loads, (eval_dir / "train" / "gold.jsonl").open(encoding="utf-8"))}
    for art in articles:
        raw = parse_raw(json.dumps(art).encode(), settings, 0)
        det = detect(clean(raw, settings), settings)
        keys = {_key(e) for e in gold[art["id"]]["events"]}
        meta = {"id": art["id"], "url": art.get("url"), "source": art.get("source"),
                "published_at": art.get("published_at")}
        for ev in coder.extract_events(det.text, det.language, det.published_at, meta, title=det.title,
                                       with_features=True):
            X.append(ev["features"])
            y.append(int(_key(ev) in keys))
            groups.append(_outlet(art))
            fg.append(not ev["background"])
    return np.array(X), np.array(y), np.array(groups), np.array(fg)


def reliability(p, y) -> list[tuple[str, int, float | None, float | None]]:
    rows = []
    for lo, hi in zip(BINS, BINS[1:]):
        m = (p >= lo) & (p < hi)
        n = int(m.sum())
        rows.append((f"{lo:.1f}–{min(hi, 1.0):.1f}", n, float(p[m].mean()) if n else None,
                     float(y[m].mean()) if n else None))
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--check", action="store_true", help="print the figures, write nothing")
    args = ap.parse_args(argv)
    X, y, groups, fg = collect(args.eval)
    cv = np.zeros(len(y))
    for fit, held in GroupKFold(n_splits=args.folds).split(X, y, groups):
        clf = LogisticRegression(C=C, max_iter=2000).fit(X[fit], y[fit])
        cv[held] = clf.predict_proba(X[held])[:, 1]
    final = LogisticRegression(C=C, max_iter=2000).fit(X, y)
    table = reliability(cv[fg], y[fg])
    hi = cv[fg] >= 0.8
    summary = {
        "events": int(fg.sum()), "right": int(y[fg].sum()), "outlets": int(len(set(groups))),
        "folds": args.folds, "high_n": int(hi.sum()),
        "high_precision": round(float(y[fg][hi].mean()), 3) if hi.any() else None,
    }
    print(json.dumps(summary))
    for row in table:
        print(*row, sep="\t")
    if args.check:
        return 0
    spec = {"features": list(confidence.FEATURES), "coef": [round(float(c), 5) for c in final.coef_[0]],
            "intercept": round(float(final.intercept_[0]), 5), "fitted_on": "shared/eval/train",
            "events": int(len(y)), "cv": summary}
    confidence.DATA.write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")
    doc = ROOT / "docs" / "confidence.md"
    lines = [
        "# Confidence: what it means",
        "",
        "`confidence` on an event is the probability, from a logistic model over the evidence the rules saw",
        "(`streams/events/confidence.py`), that the event is right: its article's gold has an event of the same",
        "type and parties (and direction, for a visit). Weights: `streams/data/confidence.json`, fitted by",
        "`python scripts/train_confidence.py` on `shared/eval/train`.",
        "",
        f"Reliability, **cross-validated**: {args.folds} folds grouped by outlet ({summary['outlets']} outlets), so each",
        "probability below comes from a model that never saw that outlet. Foreground events only",
        f"({summary['events']} events, {summary['right']} right). Command: `python scripts/train_confidence.py`.",
        "",
        "| confidence | events | mean confidence | share right |",
        "|---|---|---|---|",
    ]
    for name, n, mp, acc in table:
        lines.append(f"| {name} | {n} | {'' if mp is None else f'{mp:.2f}'} | {'' if acc is None else f'{acc:.2f}'} |")
    lines += ["", f"Events with confidence ≥ 0.8: {summary['high_n']}, right {summary['high_precision']} of the time "
              "(cross-validated).", ""]
    doc.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {confidence.DATA} and {doc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
