"""README command 1: `streams demo` on its own embedded broker prints events and an honest summary."""
from __future__ import annotations

import io
import os
import re

import duckdb

import pytest

from streams.broker import free_port
from streams.demo import MALFORMED, example_lines, run_demo

pytestmark = pytest.mark.integration


def test_demo_prints_every_event_and_accounts_for_every_message():
    out = io.StringIO()
    assert run_demo(web_port=free_port(), out=out) == 0
    text = out.getvalue()
    summary = dict(re.findall(r"^  (\w[\w ]*?)\s{2,}(\S.*)$", text.split("\nsummary\n", 1)[1], flags=re.M))
    ends = int(summary["processed"]) + int(summary["duplicates"]) + int(summary["dead letters"])
    assert ends == int(summary["messages published"]) == len(example_lines()) + len(MALFORMED)
    assert int(summary["dead letters"]) == len(MALFORMED)
    printed = re.findall(r"^  (visit|meeting|call|agreement|negotiation) ", text, flags=re.M)
    assert int(summary["events"]) >= 10 and len(printed) == int(summary["events"])

    # it ends with the sink's tables and the report, and says where they are
    db = re.search(r"^  DuckDB: (\S+)", text, flags=re.M).group(1)
    page = re.search(r"^  report: (\S+)", text, flags=re.M).group(1)
    con = duckdb.connect(db, read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == int(summary["events"])
        statuses = dict(con.execute("SELECT status, count(*) FROM articles GROUP BY 1").fetchall())
    finally:
        con.close()
    assert statuses.get("ok", 0) + statuses.get("unsupported_language", 0) == int(summary["processed"])
    assert statuses.get("duplicate", 0) == int(summary["duplicates"])
    assert os.path.getsize(page) > 10_000
