"""The sink's DuckDB store: a batch and its offsets commit together or not at all."""
from __future__ import annotations

import duckdb
import pytest

from streams.sink.rows import plan_batch, record_rows
from streams.sink.store import DuckStore
from streams.sink.synth import traffic


def test_batch_and_offsets_are_one_transaction(tmp_path):
    store = DuckStore(str(tmp_path / "s.duckdb"))
    recs = list(traffic(50, seed=2, tombstone_share=0))
    store.apply(plan_batch([record_rows(*r) for r in recs[:20]]), {("t", 0): 20})
    before = store.counts()
    assert before["events"] > 0 and store.offsets() == {("t", 0): 20}
    plan = plan_batch([record_rows(*r) for r in recs[20:]])
    bad = list(plan.mentions[0])
    bad[1], bad[7] = "another-article", 2 ** 40       # evidence_start beyond INTEGER
    plan.mentions.append(tuple(bad))
    with pytest.raises(duckdb.Error):
        store.apply(plan, {("t", 0): 50})
    assert store.counts() == before and store.offsets() == {("t", 0): 20}
    store.close()
    reopened = DuckStore(str(tmp_path / "s.duckdb"))       # and it is all on disk
    assert reopened.counts() == before and reopened.offsets() == {("t", 0): 20}
