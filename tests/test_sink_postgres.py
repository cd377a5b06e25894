"""`streams sink --to postgresql://...` against a real PostgreSQL server the test starts itself
(Debian's postgresql package: initdb + pg_ctl on a free port, in a temporary directory) and the
real embedded broker. Skipped cleanly when the server binaries or psycopg are missing."""
from __future__ import annotations

import asyncio
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time

import pytest

from streams.broker import free_port
from streams.settings import Settings
from streams.sink.cli import publish_records
from streams.sink.run import run_sink
from streams.sink.synth import traffic
from streams.topics import ensure_topics

from .test_sink_integration import BAD, expected_tables

psycopg = pytest.importorskip("psycopg")
pytestmark = pytest.mark.integration


def _pg_bin() -> str | None:
    found = shutil.which("initdb")
    if found:
        return os.path.dirname(found)
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    return dirs[-1] if dirs and os.path.exists(os.path.join(dirs[-1], "initdb")) else None


@pytest.fixture(scope="module")
def postgres():
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (Debian's postgresql package) not installed")
    # the server refuses to run as root: as root, run it as the package's postgres user
    user = None
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("postgres")
            user = "postgres"
        except KeyError:
            pytest.skip("running as root without a postgres user")
    base = tempfile.mkdtemp(prefix="diplo-pg-")
    if user:
        shutil.chown(base, user)
    data, port = os.path.join(base, "data"), free_port()
    run = dict(user=user, capture_output=True, timeout=120)
    init = subprocess.run([os.path.join(bindir, "initdb"), "-D", data, "-U", "postgres", "-A", "trust",
                           "--no-sync"], **run)
    assert init.returncode == 0, init.stderr[-2000:]
    start = subprocess.run([os.path.join(bindir, "pg_ctl"), "-D", data, "-l", os.path.join(base, "log"), "-w",
                            "-o", f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=on", "start"], **run)
    assert start.returncode == 0, start.stderr[-2000:]
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([os.path.join(bindir, "pg_ctl"), "-D", data, "-m", "immediate", "stop"], **run)
        shutil.rmtree(base, ignore_errors=True)


def fresh_db(url: str, name: str) -> str:
    with psycopg.connect(url, autocommit=True) as con:
        con.execute(f"DROP DATABASE IF EXISTS {name}")
        con.execute(f"CREATE DATABASE {name}")
    return url.rsplit("/", 1)[0] + "/" + name


def pg_tables(url: str):
    with psycopg.connect(url) as con:
        events = {r[0]: tuple(r[1:]) for r in con.execute("SELECT event_id, type, status, article_id FROM events")}
        mentions = {(r[0], r[1]): (r[2], r[3]) for r in con.execute(
            "SELECT event_id, article_id, evidence_start, confidence FROM mentions")}
        articles = {r[0]: (r[1], r[2]) for r in con.execute("SELECT article_id, status, n_events FROM articles")}
    return events, mentions, articles


def test_sink_into_postgresql(broker, postgres):
    settings = Settings.from_env(broker=broker.url, topic_prefix="sinkpg1.")
    good = list(traffic(300, seed=8, tombstone_share=0.05))
    recs = good[:100] + BAD + good[100:]
    url = fresh_db(postgres, "sink1")

    async def go():
        await ensure_topics(settings)
        await publish_records(settings, recs)
        return await run_sink(settings, url, idle_timeout=2.0)

    stats = asyncio.run(go())
    assert stats.records == len(recs) and stats.dead_letters == len(BAD)
    assert stats.dlq_reasons.get("store_rejected") == 1          # PostgreSQL refuses it too
    assert pg_tables(url) == expected_tables(good)
    assert asyncio.run(run_sink(settings, url, idle_timeout=1.0)).records == 0     # resumes at its offsets
    with psycopg.connect(url) as con:
        con.execute("DELETE FROM sink_offsets")
    assert asyncio.run(run_sink(settings, url, idle_timeout=1.0)).records == len(recs)   # redelivery
    assert pg_tables(url) == expected_tables(good)


@pytest.mark.slow
def test_postgresql_kill_9_then_restart(broker, postgres, tmp_path):
    prefix = "sinkpg2."
    settings = Settings.from_env(broker=broker.url, topic_prefix=prefix)
    recs = list(traffic(5_000, seed=12))

    async def setup():
        await ensure_topics(settings)
        await publish_records(settings, recs)

    asyncio.run(setup())
    url = fresh_db(postgres, "sink2")
    cmd = [sys.executable, "-m", "streams", "sink", "--to", url, "--broker", broker.bootstrap, "--idle-timeout", "3",
           "--batch", "300", "-v"]
    env = {**os.environ, "STREAMS_TOPIC_PREFIX": prefix}
    log_path = tmp_path / "sink.log"
    with open(log_path, "ab") as log:
        proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and log_path.read_text().count("sink: committed") < 3:
            time.sleep(0.01)
        assert proc.poll() is None, "the sink finished before it could be killed"
        proc.kill()
        proc.wait(10)
        partial = pg_tables(url)
        assert 0 < sum(map(len, partial)) < sum(map(len, expected_tables(recs)))
        assert subprocess.run(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, timeout=120).returncode == 0
    assert pg_tables(url) == expected_tables(recs)
