"""The sink's DuckDB database: tables, one transaction per batch, consumed offsets inside it.

The offsets live in the same file and the same transaction as the rows they produced, so
after a crash (kill -9) the database is at a batch boundary and says where to resume:
no gap, no double. Upserts by key make a redelivered record harmless anyway.
"""
from __future__ import annotations

import duckdb

from .rows import ARTICLE_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS, Plan

SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
  event_id VARCHAR PRIMARY KEY, type VARCHAR NOT NULL, status VARCHAR NOT NULL,
  participants VARCHAR[] NOT NULL, actor VARCHAR, target VARCHAR, country VARCHAR, place VARCHAR,
  date DATE, date_phrase VARCHAR, cameo VARCHAR, plover_event VARCHAR, plover_mode VARCHAR,
  confidence DOUBLE, background BOOLEAN, language VARCHAR,
  article_id VARCHAR, published_at VARCHAR,  -- the article of the latest record of this event
  record VARCHAR                             -- that record as published (JSON)
);
CREATE TABLE IF NOT EXISTS mentions (
  event_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, url VARCHAR, source VARCHAR,
  published_at VARCHAR, language VARCHAR, sentence VARCHAR, evidence_start INTEGER,
  evidence_end INTEGER, confidence DOUBLE, background BOOLEAN, people VARCHAR,
  PRIMARY KEY (event_id, article_id)
);
CREATE TABLE IF NOT EXISTS articles (
  article_id VARCHAR PRIMARY KEY, status VARCHAR NOT NULL, language VARCHAR, n_events INTEGER,
  event_ids VARCHAR[], reason VARCHAR, duplicate_of VARCHAR
);
CREATE TABLE IF NOT EXISTS sink_offsets (
  topic VARCHAR, "partition" INTEGER, next_offset BIGINT NOT NULL, PRIMARY KEY (topic, "partition")
);
"""


def _insert(table: str, columns: tuple[str, ...]) -> str:
    # One statement per batch, column-wise: unnest() of parallel lists zips them into rows
    # (far faster in DuckDB than executemany of one row at a time).
    cols = ", ".join(columns)
    unnests = ", ".join(f"unnest(${i + 1})" for i in range(len(columns)))
    return f"INSERT OR REPLACE INTO {table} ({cols}) SELECT {unnests}"


class DuckStore:
    """Owns one DuckDB connection (DuckDB allows one writing process per file)."""

    def __init__(self, path: str):
        self.path = path
        self.con = duckdb.connect(path)
        self.con.execute(SCHEMA)
        self._sql = {t: _insert(t, c) for t, c in
                     (("events", EVENT_COLUMNS), ("mentions", MENTION_COLUMNS), ("articles", ARTICLE_COLUMNS))}

    def offsets(self) -> dict[tuple[str, int], int]:
        """(topic, partition) -> next offset to read, as last committed."""
        return {(t, p): o for t, p, o in self.con.execute('SELECT topic, "partition", next_offset FROM sink_offsets').fetchall()}

    def apply(self, plan: Plan, offsets: dict[tuple[str, int], int]) -> None:
        """Write one batch and the offsets after it in one transaction (all or nothing)."""
        con = self.con
        con.begin()
        try:
            if plan.delete_events:
                con.execute("DELETE FROM mentions WHERE event_id IN (SELECT unnest($1))", [plan.delete_events])
                con.execute("DELETE FROM events WHERE event_id IN (SELECT unnest($1))", [plan.delete_events])
            for table, rows in (("events", plan.events), ("mentions", plan.mentions), ("articles", plan.articles)):
                if rows:
                    con.execute(self._sql[table], [list(col) for col in zip(*rows)])
            if offsets:
                con.execute('INSERT OR REPLACE INTO sink_offsets (topic, "partition", next_offset) '
                            "SELECT unnest($1), unnest($2), unnest($3)",
                            [[t for t, _ in offsets], [p for _, p in offsets], list(offsets.values())])
            con.commit()
        except BaseException:
            con.rollback()
            raise

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("events", "mentions", "articles")}

    def close(self) -> None:
        self.con.close()
