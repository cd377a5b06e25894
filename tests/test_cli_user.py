"""The CLI as a new user meets it: the installed `streams` entry point in subprocesses, a real
embedded broker, and what the user sees (one-line errors, exit codes, no tracebacks).

Nothing is mocked: the brokers are Tansu processes (the session `broker` fixture, or one that
`streams broker` itself starts), the worker is `streams worker`.
"""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import orjson
import pytest

from streams.broker import free_port

STREAMS = Path(sys.executable).with_name("streams")
pytestmark = pytest.mark.skipif(not STREAMS.exists(), reason="the `streams` entry point is not installed")

# Three articles of our own (short, made-up diplomatic news; none comes from any corpus).
OWN_ARTICLES = [
    {"id": "own-ar-1", "url": "https://example.org/ar/1", "source": "example.org",
     "published_at": "2026-11-30T09:00:00Z", "title": "وزير الخارجية الأردني يزور الجزائر",
     "text": "وصل وزير الخارجية الأردني إلى الجزائر العاصمة يوم الأحد في زيارة رسمية تستمر يومين، يبحث "
             "خلالها مع نظيره الجزائري تعزيز العلاقات الثنائية والتنسيق في القضايا العربية."},
    {"id": "own-en-1", "url": "https://example.org/en/1", "source": "example.org",
     "published_at": "2026-11-29T14:30:00Z", "title": "Japan and Brazil sign trade accord",
     "text": "Japan and Brazil signed a trade agreement in Tokyo on Friday, the two governments said, "
             "cutting tariffs on farm goods and machinery over the next five years."},
    {"id": "own-en-2", "url": "https://example.org/en/2", "source": "example.org",
     "published_at": "2026-11-28T18:00:00Z", "title": "Canadian and Mexican leaders speak by phone",
     "text": "The prime minister of Canada held a phone call with the president of Mexico on Thursday to "
             "discuss migration and energy, according to a statement from Ottawa."},
]


def user_env(**kw) -> dict:
    """The environment of a user who set nothing of ours, plus `kw`."""
    env = {k: v for k, v in os.environ.items() if not (k.startswith("STREAMS_") or k == "KAFKA_BROKER")}
    env.update({"PYTHONUNBUFFERED": "1", **kw})
    return env


def streams(*args, env=None, timeout=60, input=None) -> subprocess.CompletedProcess:
    return subprocess.run([str(STREAMS), *args], env=env or user_env(), capture_output=True, text=True,
                          timeout=timeout, input=input)


def assert_user_error(r: subprocess.CompletedProcess, *needles: str) -> str:
    """Exit 2, exactly one line on stderr naming the command, no traceback, each needle in it."""
    assert r.returncode == 2, (r.returncode, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert "Traceback" not in r.stderr and "Unclosed" not in r.stderr
    assert lines[0].startswith("streams ") and ": error: " in lines[0], lines[0]
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


def write_jsonl(path: Path, rows) -> Path:
    path.write_bytes(b"".join((r if isinstance(r, bytes) else orjson.dumps(r)) + b"\n" for r in rows))
    return path


def test_every_command_help_shows_examples():
    from streams.cli import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert {"broker", "worker", "publish", "subscribe", "demo"} <= set(commands)
    for name, sub in commands.items():
        text = sub.format_help()
        examples = text.split("examples:\n", 1)[1].splitlines()
        assert 1 <= len(examples) <= 2 and all(f"streams {name}" in e for e in examples), (name, text)
    r = streams("broker", "--help")          # and the real thing, once
    assert r.returncode == 0 and "examples:\n  streams broker" in r.stdout


def test_unreachable_broker_is_one_line_naming_the_address(tmp_path):
    port = free_port()                        # nothing listens there
    articles = write_jsonl(tmp_path / "a.jsonl", OWN_ARTICLES)
    env = user_env(KAFKA_BROKER=f"127.0.0.1:{port}")
    assert_user_error(streams("publish", str(articles), env=env), f"127.0.0.1:{port}", "KAFKA_BROKER",
                      "streams broker")
    assert_user_error(streams("subscribe", env=env), f"127.0.0.1:{port}", "KAFKA_BROKER")
    assert_user_error(streams("publish", "--broker", f"127.0.0.1:{port}", str(articles)), "--broker")


def test_missing_or_unreadable_input_file(tmp_path):
    missing = str(tmp_path / "nope.jsonl")
    assert_user_error(streams("publish", missing), missing, "No such file")
    assert_user_error(streams("publish", str(tmp_path)), "Is a directory")
    assert_user_error(streams("demo", "--articles", missing), missing)
    assert_user_error(streams("evaluate", "--articles", missing, "--out", str(tmp_path / "p.jsonl")), missing)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    assert_user_error(streams("publish", str(empty)), "no articles")


def test_bad_setting_names_its_variable(tmp_path):
    r = streams("subscribe", env=user_env(STREAMS_PARTITIONS="four"))
    assert_user_error(r, "STREAMS_PARTITIONS", "'four'")
    r = streams("worker", env=user_env(STREAMS_BATCH_WITHIN="soon"))
    assert_user_error(r, "STREAMS_BATCH_WITHIN")
    r = streams("publish", str(write_jsonl(tmp_path / "a.jsonl", OWN_ARTICLES)),
                env=user_env(KAFKA_BROKER="localhost:ninety"))
    assert_user_error(r, "KAFKA_BROKER", "localhost:ninety")


def test_second_worker_on_one_machine_is_told_to_take_another_web_port():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = streams("worker", env=user_env(STREAMS_WEB_PORT=str(port), STREAMS_WEB_HOST="127.0.0.1"))
    assert_user_error(r, f"port {port}", "STREAMS_WEB_PORT")


@pytest.mark.integration
def test_bad_json_line_publishes_nothing_and_allow_invalid_sends_all(broker, tmp_path):
    env = user_env(KAFKA_BROKER=broker.bootstrap, STREAMS_TOPIC_PREFIX="cli-bad.")
    rows = [OWN_ARTICLES[1], b"", b'{"id": "broken", "text": "no end', b"[1, 2]", OWN_ARTICLES[2]]
    path = write_jsonl(tmp_path / "mixed.jsonl", rows)
    r = streams("publish", str(path), env=env)
    assert_user_error(r, "mixed.jsonl line 3", "not valid JSON", "1 more bad line", "nothing was published")
    r = streams("publish", "--allow-invalid", str(path), env=env)
    assert r.returncode == 0 and "published 4 articles to cli-bad.articles.raw" in r.stderr, r.stderr
    r = streams("subscribe", "--topic", "articles.raw", "--from-beginning", "--idle-timeout", "2", env=env)
    assert r.returncode == 0, r.stderr
    got = r.stdout.splitlines()
    assert len(got) == 4, got                 # the refused run sent nothing, the second sent all four
    assert [orjson.loads(got[i]).get("id") for i in (0, 3)] == ["own-en-1", "own-en-2"]


@pytest.mark.integration
def test_unknown_topic(broker):
    env = user_env(KAFKA_BROKER=broker.bootstrap)
    assert_user_error(streams("subscribe", "--topic", "events.diplomat", env=env),
                      "unknown topic 'events.diplomat'", "events.diplomatic")


def _wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _refused(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        return False
    except OSError:
        return True


def _start_broker(port: int, tmp_path: Path) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([str(STREAMS), "broker", "--port", str(port), "--log", str(tmp_path / "broker.log")],
                            env=user_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    head = ""
    for line in proc.stdout:
        head += line
        if "Ctrl-C to stop" in line:
            break
    return proc, head


@pytest.mark.integration
def test_broker_command_prints_its_address_refuses_a_taken_port_and_stops_on_sigterm(tmp_path):
    port = free_port()
    proc, head = _start_broker(port, tmp_path)
    try:
        assert f"KAFKA_BROKER=127.0.0.1:{port}\n" in head, head
        assert not _refused(port)
        assert_user_error(streams("broker", "--port", str(port)), f"port {port} is already in use")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(15) == 0
        assert "broker stopped" in proc.stdout.read()
        _wait_for(lambda: _refused(port), 5, "the Tansu child to exit with `streams broker`")
    finally:
        if proc.poll() is None:
            proc.kill()


@pytest.mark.integration
@pytest.mark.slow
def test_own_articles_through_broker_worker_publish_subscribe(tmp_path):
    """README flow for one's own data: the worker comes up first and waits, `streams broker` starts,
    three articles of our own are published, `streams subscribe` prints their events."""
    from streams.evaluate import predict_inprocess

    lines = [orjson.dumps(a) for a in OWN_ARTICLES]
    _, outcomes = predict_inprocess(lines)
    expected = {ev["event_id"]: art for art, o in outcomes.items() for ev in o.events}
    assert {o.terminal for o in outcomes.values()} == {"processed"} and set(expected.values()) == set(outcomes)

    port, web = free_port(), free_port()
    env = user_env(KAFKA_BROKER=f"127.0.0.1:{port}", STREAMS_WEB_PORT=str(web), STREAMS_WEB_HOST="127.0.0.1",
                   STREAMS_DATADIR=str(tmp_path / "data"))
    worker_log = open(tmp_path / "worker.log", "w+")
    worker = subprocess.Popen([str(STREAMS), "worker"], env=env, stdout=worker_log, stderr=subprocess.STDOUT)
    broker = None
    try:
        log = lambda: (tmp_path / "worker.log").read_text()  # noqa: E731
        _wait_for(lambda: f"no Kafka broker reachable at 127.0.0.1:{port} (KAFKA_BROKER); waiting" in log(),
                  30, "the worker to say it waits for the broker")
        broker, head = _start_broker(port, tmp_path)
        assert f"KAFKA_BROKER=127.0.0.1:{port}" in head

        def ready() -> bool:
            assert worker.poll() is None, log()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{web}/readyz", timeout=1) as r:
                    return r.status == 200
            except OSError:
                return False
        _wait_for(ready, 120, "the worker to be ready")
        assert "reachable; starting" in log()

        r = streams("publish", str(write_jsonl(tmp_path / "mine.jsonl", OWN_ARTICLES)), env=env)
        assert r.returncode == 0 and "published 3 articles" in r.stderr, r.stderr
        r = streams("subscribe", "--from-beginning", "--max", str(len(expected)), "--idle-timeout", "60",
                    env=env, timeout=120)
        assert r.returncode == 0, r.stderr
        events = [orjson.loads(line) for line in r.stdout.splitlines()]
        assert {ev["event_id"]: ev["article"]["id"] for ev in events} == expected

        worker.send_signal(signal.SIGTERM)
        worker.wait(30)
        broker.send_signal(signal.SIGINT)                      # Ctrl-C
        assert broker.wait(15) == 0
        assert "broker stopped" in broker.stdout.read()
        _wait_for(lambda: _refused(port), 5, "the Tansu child to exit")
    finally:
        for proc in (worker, broker):
            if proc is not None and proc.poll() is None:
                proc.kill()
                proc.wait(10)
        worker_log.close()


@pytest.mark.integration
@pytest.mark.slow
def test_demo_on_own_articles(tmp_path):
    from streams.evaluate import predict_inprocess

    _, outcomes = predict_inprocess([orjson.dumps(a) for a in OWN_ARTICLES])
    n_events = sum(len(o.events) for o in outcomes.values())
    path = write_jsonl(tmp_path / "mine.jsonl", OWN_ARTICLES)
    r = streams("demo", "--articles", str(path), "--web-port", str(free_port()), timeout=180)
    assert r.returncode == 0, r.stdout + r.stderr
    assert f"3 articles from {path}" in r.stdout
    for art in OWN_ARTICLES:
        assert f"<- {art['id']}" in r.stdout
    summary = dict(re.findall(r"^  (\w[\w ]*?)\s{2,}(\S.*)$", r.stdout.split("\nsummary\n", 1)[1], flags=re.M))
    assert (summary["messages published"], summary["processed"], summary["dead letters"]) == ("3", "3", "0")
    assert summary["events"] == str(n_events)
