"""The sink's database (DuckDB, or PostgreSQL): tables, one transaction per batch, offsets inside it.

The offsets live in the same file and the same transaction as the rows they produced, so
after a crash (kill -9) the database is at a batch boundary and says where to resume:
no gap, no double. Upserts by key make a redelivered record harmless anyway.
"""
from __future__ import annotations

import contextlib

import duckdb

from .rows import ARTICLE_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS, Plan, event_table_rows

SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
  event_id VARCHAR PRIMARY KEY, type VARCHAR NOT NULL, status VARCHAR NOT NULL,
  participants VARCHAR[] NOT NULL, actor VARCHAR, target VARCHAR, country VARCHAR, place VARCHAR,
  date DATE, date_phrase VARCHAR, cameo VARCHAR, plover_event VARCHAR, plover_mode VARCHAR,
  confidence DOUBLE, background BOOLEAN, language VARCHAR,
  article_id VARCHAR, published_at VARCHAR,  -- the article of the representative mention
  record VARCHAR                             -- that mention as published (JSON)
);
CREATE TABLE IF NOT EXISTS mentions (
  event_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, url VARCHAR, source VARCHAR,
  published_at VARCHAR, language VARCHAR, sentence VARCHAR, evidence_start INTEGER,
  evidence_end INTEGER, confidence DOUBLE, background BOOLEAN, people VARCHAR,
  record VARCHAR,                            -- the mention as published (JSON): events rows are picked from these
  PRIMARY KEY (event_id, article_id)
);
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS record VARCHAR;  -- files written before schema 2.0
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


class _Store:
    """One batch, one transaction, in the same order for every database: a dialect supplies the
    statements (`_tx`, `_delete_events`, `_delete_mentions`, `_write`, `_live`, `_drop_events`,
    `_write_offsets`)."""

    def apply(self, plan: Plan, offsets: dict[tuple[str, int], int]) -> None:
        """Write one batch and the offsets after it in one transaction (all or nothing)."""
        with self._tx() as cur:
            if plan.delete_events:
                self._delete_events(cur, plan.delete_events)
            if plan.delete_mentions:
                self._delete_mentions(cur, [e for e, _ in plan.delete_mentions], [a for _, a in plan.delete_mentions])
            for table, rows in (("mentions", plan.mentions), ("articles", plan.articles)):
                if rows:
                    self._write(cur, table, rows)
            if plan.touched:
                rows, gone = event_table_rows(plan.touched, self._live(cur, plan.touched))
                if gone:
                    self._drop_events(cur, gone)
                if rows:
                    self._write(cur, "events", rows)
            if offsets:
                self._write_offsets(cur, offsets)

    def close(self) -> None:
        self.con.close()


class DuckStore(_Store):
    """Owns one DuckDB connection (DuckDB allows one writing process per file)."""

    # What a record's content can cause (then the sink isolates and dead-letters it); any other
    # error (disk, lock, connection) stops the sink, which resumes from its offsets on restart.
    RecordError = (duckdb.DataError, duckdb.IntegrityError, duckdb.ConversionException,
                   duckdb.ConstraintException, duckdb.InvalidInputException, duckdb.OutOfRangeException,
                   duckdb.TypeMismatchException)

    def __init__(self, path: str):
        self.path = path
        self.con = duckdb.connect(path)
        self.con.execute(SCHEMA)
        self._sql = {t: _insert(t, c) for t, c in
                     (("events", EVENT_COLUMNS), ("mentions", MENTION_COLUMNS), ("articles", ARTICLE_COLUMNS))}

    def offsets(self) -> dict[tuple[str, int], int]:
        """(topic, partition) -> next offset to read, as last committed."""
        return {(t, p): o for t, p, o in self.con.execute('SELECT topic, "partition", next_offset FROM sink_offsets').fetchall()}

    @contextlib.contextmanager
    def _tx(self):
        self.con.begin()
        try:
            yield self.con
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise

    def _delete_events(self, con, ids) -> None:
        con.execute("DELETE FROM mentions WHERE event_id IN (SELECT unnest($1))", [ids])

    def _delete_mentions(self, con, event_ids, article_ids) -> None:
        con.execute("DELETE FROM mentions USING (SELECT unnest($1) AS e, unnest($2) AS a) AS d "
                    "WHERE mentions.event_id = d.e AND mentions.article_id = d.a", [event_ids, article_ids])

    def _write(self, con, table, rows) -> None:
        con.execute(self._sql[table], [list(col) for col in zip(*rows)])

    def _live(self, con, ids):
        return con.execute("SELECT event_id, record FROM mentions WHERE event_id IN (SELECT unnest($1))",
                           [ids]).fetchall()

    def _drop_events(self, con, ids) -> None:
        con.execute("DELETE FROM events WHERE event_id IN (SELECT unnest($1))", [ids])

    def _write_offsets(self, con, offsets) -> None:
        con.execute('INSERT OR REPLACE INTO sink_offsets (topic, "partition", next_offset) '
                    "SELECT unnest($1), unnest($2), unnest($3)",
                    [[t for t, _ in offsets], [p for _, p in offsets], list(offsets.values())])

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("events", "mentions", "articles")}


PG_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
  event_id TEXT PRIMARY KEY, type TEXT NOT NULL, status TEXT NOT NULL, participants TEXT[] NOT NULL,
  actor TEXT, target TEXT, country TEXT, place TEXT, date DATE, date_phrase TEXT, cameo TEXT,
  plover_event TEXT, plover_mode TEXT, confidence DOUBLE PRECISION, background BOOLEAN, language TEXT,
  article_id TEXT, published_at TEXT, record JSONB
);
CREATE TABLE IF NOT EXISTS mentions (
  event_id TEXT NOT NULL, article_id TEXT NOT NULL, url TEXT, source TEXT, published_at TEXT, language TEXT,
  sentence TEXT, evidence_start INTEGER, evidence_end INTEGER, confidence DOUBLE PRECISION, background BOOLEAN,
  people JSONB, record JSONB, PRIMARY KEY (event_id, article_id)
);
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS record JSONB;
CREATE TABLE IF NOT EXISTS articles (
  article_id TEXT PRIMARY KEY, status TEXT NOT NULL, language TEXT, n_events INTEGER, event_ids TEXT[],
  reason TEXT, duplicate_of TEXT
);
CREATE TABLE IF NOT EXISTS sink_offsets (
  topic TEXT, "partition" INTEGER, next_offset BIGINT NOT NULL, PRIMARY KEY (topic, "partition")
);
"""


def _pg_upsert(table: str, columns: tuple[str, ...], keys: tuple[str, ...], json_cols=()) -> str:
    values = ", ".join("%s::jsonb" if c in json_cols else "%s" for c in columns)
    updates = ", ".join(f'"{c}" = EXCLUDED."{c}"' for c in columns if c not in keys)
    return (f"INSERT INTO {table} ({', '.join(chr(34) + c + chr(34) for c in columns)}) VALUES ({values}) "
            f"ON CONFLICT ({', '.join(chr(34) + k + chr(34) for k in keys)}) DO UPDATE SET {updates}")


class PgStore(_Store):
    """The same tables and the same one-transaction-per-batch contract in PostgreSQL (psycopg 3)."""

    def __init__(self, url: str):
        try:
            import psycopg
        except ImportError:
            raise SystemExit("streams sink: PostgreSQL needs psycopg: pip install 'diplo-streams[postgres]'") from None
        self.RecordError = (psycopg.DataError, psycopg.IntegrityError)
        self.path = url
        self.con = psycopg.connect(url)
        with self.con.transaction():
            self.con.execute(PG_SCHEMA)
        self._sql = {
            "events": _pg_upsert("events", EVENT_COLUMNS, ("event_id",), ("record",)),
            "mentions": _pg_upsert("mentions", MENTION_COLUMNS, ("event_id", "article_id"), ("people", "record")),
            "articles": _pg_upsert("articles", ARTICLE_COLUMNS, ("article_id",)),
            "offsets": _pg_upsert("sink_offsets", ("topic", "partition", "next_offset"), ("topic", "partition")),
        }

    def offsets(self) -> dict[tuple[str, int], int]:
        with self.con.transaction():
            rows = self.con.execute('SELECT topic, "partition", next_offset FROM sink_offsets').fetchall()
        return {(t, p): o for t, p, o in rows}

    @contextlib.contextmanager
    def _tx(self):
        with self.con.transaction(), self.con.cursor() as cur:
            yield cur

    def _delete_events(self, cur, ids) -> None:
        cur.execute("DELETE FROM mentions WHERE event_id = ANY(%s)", [ids])

    def _delete_mentions(self, cur, event_ids, article_ids) -> None:
        cur.execute("DELETE FROM mentions m USING unnest(%s::text[], %s::text[]) AS d(e, a) "
                    "WHERE m.event_id = d.e AND m.article_id = d.a", [event_ids, article_ids])

    def _write(self, cur, table, rows) -> None:
        cur.executemany(self._sql[table], rows)

    def _live(self, cur, ids):
        return cur.execute("SELECT event_id, record::text FROM mentions WHERE event_id = ANY(%s)", [ids]).fetchall()

    def _drop_events(self, cur, ids) -> None:
        cur.execute("DELETE FROM events WHERE event_id = ANY(%s)", [ids])

    def _write_offsets(self, cur, offsets) -> None:
        cur.executemany(self._sql["offsets"], [(t, p, o) for (t, p), o in offsets.items()])

    def counts(self) -> dict[str, int]:
        with self.con.transaction():
            return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                    for t in ("events", "mentions", "articles")}


def open_store(target: str):
    """A DuckDB file path (or duckdb://path), or a postgresql:// URL."""
    if target.startswith(("postgresql://", "postgres://")):
        return PgStore(target)
    return DuckStore(target.removeprefix("duckdb://"))
