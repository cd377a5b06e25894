"""`streams report`: aggregates (pure), the page and PNGs from a DuckDB written by the sink code,
and the page as a real headless browser draws it (skipped without Debian's chromium)."""
from __future__ import annotations

import base64
import datetime
import os
import re
import shutil
import subprocess
from collections import Counter

import orjson
import pytest

from streams.report import build_report, load_events, pair_counts, per_day_by_type, visit_edges, meeting_edges
from streams.sink.rows import plan_batch, record_rows
from streams.sink.store import DuckStore

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
D = datetime.date


def event(n, etype, parts, actor=None, target=None, date="2026-05-02", background=False, article=None):
    return {"schema_version": "1.0", "event_id": f"{n:032x}", "type": etype, "status": "occurred",
            "participants": sorted(parts), "actor": actor, "target": target,
            "location": {"country": target, "place": None}, "date": date, "date_phrase": None, "cameo": "042",
            "plover": {"event": "CONSULT", "mode": "visit"}, "people": [],
            "evidence": {"sentence": "A sentence we wrote.", "start": 0, "end": 20}, "confidence": 0.75,
            "background": background,
            "article": {"id": article or f"art-{n}", "published_at": "2026-05-03T10:00:00Z"}, "language": "en"}


EVENTS = [
    event(1, "visit", ["FRA", "EGY"], "FRA", "EGY", "2026-05-01"),
    event(2, "visit", ["FRA", "EGY"], "FRA", "EGY", "2026-05-02"),
    event(3, "visit", ["EGY", "FRA"], "EGY", "FRA", "2026-05-02"),
    event(4, "meeting", ["EGY", "SAU"], date="2026-05-02"),
    event(5, "meeting", ["EGY", "SAU", "JOR"], date=None),          # undated: its publication day
    event(6, "call", ["TUR", "IRN"], date="2026-05-04"),
    event(7, "visit", ["IND", "JPN"], "IND", "JPN", "2026-04-20", background=True),
]


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "events.duckdb")
    store = DuckStore(path)
    recs = [("events.diplomatic", e["event_id"].encode(), orjson.dumps(e)) for e in EVENTS]
    recs.append(("events.diplomatic", EVENTS[0]["event_id"].encode(),        # a second article, same event
                 orjson.dumps({**EVENTS[0], "article": {"id": "art-copy"}})))
    store.apply(plan_batch([record_rows(*r) for r in recs]), {})
    store.close()
    return path


def test_aggregates(db):
    events = load_events(db)
    assert {e["event_id"] for e in events} == {f"{i:032x}" for i in range(1, 7)}     # background left out
    assert len(load_events(db, include_background=True)) == 7
    assert next(e for e in events if e["event_id"] == f"{1:032x}")["n_mentions"] == 2
    days = per_day_by_type(events)
    assert days[D(2026, 5, 2)] == Counter(visit=2, meeting=1)
    assert days[D(2026, 5, 3)] == Counter(meeting=1)              # the undated meeting
    assert pair_counts(events) == Counter({("EGY", "FRA"): 3, ("EGY", "SAU"): 2, ("EGY", "JOR"): 1,
                                           ("JOR", "SAU"): 1, ("IRN", "TUR"): 1})
    assert visit_edges(events) == Counter({("FRA", "EGY"): 2, ("EGY", "FRA"): 1})
    assert meeting_edges(events)[("EGY", "SAU")] == 2


def test_report_page_and_pngs(db, tmp_path):
    out = build_report(db, str(tmp_path / "report"))
    assert out["events"] == 6
    for png in out["pngs"]:
        with open(png, "rb") as f:
            data = f.read()
        assert data.startswith(b"\x89PNG") and len(data) > 5000
    page = open(out["html"], encoding="utf-8").read()
    assert '<strong id="n-events">6</strong>' in page
    uris = re.findall(r'src="data:image/png;base64,([^"]+)"', page)
    assert len(uris) == 4 and all(base64.b64decode(u).startswith(b"\x89PNG") for u in uris)
    assert "<tr><td>EGY</td><td>FRA</td><td>3</td></tr>" in page
    assert "src=\"http" not in page and "<script" not in page       # self-contained


@pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed")
def test_headless_browser_draws_the_report(db, tmp_path):
    import matplotlib.image as mpimg
    import numpy as np

    out = build_report(db, str(tmp_path / "report"))
    shot = tmp_path / "shot.png"
    proc = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           f"--screenshot={shot}", "--window-size=1000,1400", "file://" + out["html"]],
                          capture_output=True, timeout=120)
    assert proc.returncode == 0 and shot.exists(), proc.stderr[-2000:]
    pixels = (mpimg.imread(str(shot))[:, :, :3] * 255).round().astype(int)
    visit_blue = np.array([0x1F, 0x77, 0xB4])            # the visit bars of the first picture
    share = (np.abs(pixels - visit_blue).sum(axis=2) <= 12).mean()
    assert share > 0.001, "the embedded pictures were not drawn"
    assert (pixels.sum(axis=2) < 200).mean() > 0.001     # and there is dark text on the page
