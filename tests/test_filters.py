"""`streams subscribe` filters and table view (pure), and their wiring on the real broker."""
from __future__ import annotations

import argparse
import asyncio
import datetime

import orjson
import pytest

from streams.filters import country_code, event_day, make_filter, table_header, table_row

D = datetime.date


def ev(**over):
    e = {"event_id": "ab" * 16, "type": "visit", "status": "occurred", "participants": ["EGY", "SAU"],
         "actor": "EGY", "target": "SAU", "location": {"country": "SAU", "place": "Riyadh"},
         "date": "2026-04-10", "confidence": 0.7, "background": False,
         "article": {"id": "art-9", "published_at": "2026-04-11T08:00:00+03:00"}}
    e.update(over)
    return e


def test_no_criterion_keeps_every_record():
    keep = make_filter()
    assert keep(ev()) and keep({"article_id": "x"}) and keep([1, 2])


@pytest.mark.parametrize("kw,record,expected", [
    ({"types": {"visit", "call"}}, ev(), True),
    ({"types": {"meeting"}}, ev(), False),
    ({"countries": {"SAU"}}, ev(), True),
    ({"countries": {"FRA", "EGY"}}, ev(), True),                 # any of several
    ({"countries": {"FRA"}}, ev(), False),
    ({"countries": {"SAU"}}, ev(participants=["EGY", "FRA"], target="FRA"), False),   # location is not a participant
    ({"statuses": {"planned"}}, ev(), False),
    ({"statuses": {"planned"}}, ev(status="planned"), True),
    ({"min_confidence": 0.7}, ev(), True),
    ({"min_confidence": 0.71}, ev(), False),
    ({"min_confidence": 0.1}, ev(confidence=None), False),
    ({"since": D(2026, 4, 10)}, ev(), True),
    ({"since": D(2026, 4, 11)}, ev(), False),
    ({"since": D(2026, 4, 11)}, ev(date=None), True),            # undated: the publication day
    ({"since": D(2026, 4, 12)}, ev(date=None), False),
    ({"since": D(2026, 4, 12)}, ev(date=None, article={"id": "a"}), True),   # no day at all: kept
    ({"types": {"visit"}, "countries": {"EGY"}, "min_confidence": 0.9}, ev(), False),   # all must hold
    ({"types": {"visit"}}, {"article_id": "x", "status": "ok"}, False),     # not an event
])
def test_filter_criteria(kw, record, expected):
    assert make_filter(**kw)(record) is expected


def test_event_day_prefers_the_event_date():
    assert event_day(ev()) == D(2026, 4, 10)
    assert event_day(ev(date=None)) == D(2026, 4, 11)
    assert event_day(ev(date=None, article={"published_at": "garbage"})) is None


def test_country_code_accepts_codes_names_and_organisations():
    assert country_code("EGY") == "EGY"
    assert country_code("eg") == "EGY"
    assert country_code("Saudi Arabia") == "SAU"
    assert country_code("ASEAN") == "ASEAN"
    with pytest.raises(argparse.ArgumentTypeError):
        country_code("Atlantis")


def test_table_rows_line_up_under_the_header():
    header, row = table_header(), table_row(ev(background=True))
    assert row.index("visit") == header.index("type")
    assert row.index("EGY->SAU") == header.index("who")
    assert row.index("0.70") == header.index("conf")
    assert row.endswith("art-9 [background]")
    planned = table_row(ev(type="meeting", actor=None, target=None, date=None, location={"country": None}))
    assert "EGY+SAU" in planned and planned.startswith("?")


@pytest.mark.integration
def test_subscribe_filters_and_table_on_the_broker(broker, capsys, monkeypatch):
    from streams.cli import main
    from streams.settings import Settings
    from streams.sink.cli import publish_records
    from streams.topics import ensure_topics

    monkeypatch.setenv("STREAMS_TOPIC_PREFIX", "subf.")
    settings = Settings.from_env(broker=broker.url)
    records = [ev(event_id=f"{i:032x}", type=t, confidence=c)
               for i, (t, c) in enumerate([("visit", 0.9), ("call", 0.9), ("visit", 0.3), ("meeting", 0.8)])]

    async def setup():
        await ensure_topics(settings, names=("events.diplomatic",))
        await publish_records(settings, [("events.diplomatic", r["event_id"].encode(), orjson.dumps(r))
                                         for r in records])

    asyncio.run(setup())
    base = ["subscribe", "--broker", broker.bootstrap, "--from-beginning", "--idle-timeout", "1.5"]
    assert main(base + ["--type", "visit,meeting", "--min-confidence", "0.5"]) == 0
    got = [orjson.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(e["event_id"] for e in got) == [f"{0:032x}", f"{3:032x}"]
    assert main(base + ["--country", "Egypt", "--type", "call", "--format", "table"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == table_header() and len(lines) == 2 and " call " in lines[1]
