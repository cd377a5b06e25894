"""Event, language and duplicate scores, by the rules of shared/eval/FORMAT.md.

The official scorer (shared/eval/score.py) is the arbiter; tests check that this
implementation agrees with it. Kept here so `streams evaluate --gold` works anywhere.
"""
from __future__ import annotations


def _country(loc):
    return loc.get("country") if isinstance(loc, dict) else loc


def _key(ev: dict) -> tuple:
    parts = tuple(sorted(ev.get("participants") or []))
    if ev.get("type") == "visit":
        return ("visit", parts, ev.get("actor"), ev.get("target"))
    return (ev.get("type"), parts)


def _match(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one on key; required gold first; among candidates prefer same status and date."""
    pairs, used = [], set()
    for gi in sorted(range(len(gold)), key=lambda i: bool(gold[i].get("optional"))):
        g = gold[gi]
        best = None
        for pi, p in enumerate(pred):
            if pi in used or _key(p) != _key(g):
                continue
            s = (p.get("status") == g.get("status")) + (p.get("date") == g.get("date"))
            if best is None or s > best[0]:
                best = (s, pi)
        if best is not None:
            used.add(best[1])
            pairs.append((gi, best[1]))
    return pairs


def _ratio(a: int, b: int):
    return round(a / b, 3) if b else None


def score(gold: list[dict], pred: list[dict]) -> tuple[dict, list[tuple]]:
    by_id = {p["id"]: p for p in pred if "id" in p}
    tp = fp = fn = 0
    attrs = {"date": [0, 0], "location": [0, 0], "status": [0, 0]}
    lang_ok = 0
    dup = {"tp": 0, "fp": 0, "fn": 0}
    errors: list[tuple] = []
    for g in gold:
        p = by_id.get(g["id"], {"events": []})
        gev, pev = g.get("events", []), p.get("events") or []
        pairs = _match(gev, pev)
        matched_gold, used = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
        for gi, pi in pairs:
            if gev[gi].get("optional"):
                continue
            tp += 1
            for name, got, want in (("date", pev[pi].get("date"), gev[gi].get("date")),
                                    ("location", _country(pev[pi].get("location")), gev[gi].get("location")),
                                    ("status", pev[pi].get("status"), gev[gi].get("status"))):
                attrs[name][0] += got == want
                attrs[name][1] += 1
                if got != want:
                    errors.append((g["id"], f"{name} {got!r} != {want!r}", _key(gev[gi])))
        for gi, ev in enumerate(gev):
            if gi not in matched_gold and not ev.get("optional"):
                fn += 1
                errors.append((g["id"], "missed", _key(ev)))
        for pi, ev in enumerate(pev):
            if pi not in used:
                fp += 1
                errors.append((g["id"], "spurious", _key(ev)))
        lang_ok += p.get("language") == g.get("language")
        gd, pd = g.get("duplicate_of"), p.get("duplicate_of")
        if gd and pd:
            dup["tp"] += 1
        elif pd:
            dup["fp"] += 1
            errors.append((g["id"], f"duplicate_of {pd!r} but not a duplicate", ()))
        elif gd:
            dup["fn"] += 1
            errors.append((g["id"], f"missed duplicate of {gd!r}", ()))
    result = {
        "articles": len(gold),
        "events": {"tp": tp, "fp": fp, "fn": fn, "precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn),
                   "f1": _ratio(2 * tp, 2 * tp + fp + fn)},
        "matched_attribute_accuracy": {k: _ratio(*v) for k, v in attrs.items()},
        "language_accuracy": _ratio(lang_ok, len(gold)),
        "duplicates": {**dup, "precision": _ratio(dup["tp"], dup["tp"] + dup["fp"]),
                       "recall": _ratio(dup["tp"], dup["tp"] + dup["fn"])},
    }
    return result, errors


def format_report(result: dict) -> str:
    ev, d = result["events"], result["duplicates"]
    return "\n".join([
        f"events  P {ev['precision']}  R {ev['recall']}  F1 {ev['f1']}  (tp {ev['tp']} fp {ev['fp']} fn {ev['fn']})",
        "matched  " + "  ".join(f"{k} {v}" for k, v in result["matched_attribute_accuracy"].items()),
        f"language accuracy {result['language_accuracy']}",
        f"duplicates  P {d['precision']}  R {d['recall']}  (tp {d['tp']} fp {d['fp']} fn {d['fn']})",
    ])
