"""Every knob of the product, read once from the environment (12-factor style).

One frozen dataclass so that the app, the CLI, the tests and the docs agree on
names and defaults. ``Settings.from_env()`` is the only constructor used in code.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields


class SettingError(ValueError):
    """An environment variable with a value of the wrong kind; the message names the variable."""


def _env(name: str, default, cast=str):
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if cast is bool:
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    try:
        return cast(raw)
    except ValueError:
        kind = {int: "a whole number", float: "a number"}.get(cast, cast.__name__)
        raise SettingError(f"{name}={raw!r} is not {kind} (default: {default})") from None


@dataclass(frozen=True)
class Settings:
    broker: str = "kafka://127.0.0.1:9092"   # KAFKA_BROKER (comma-separated list allowed)
    app_id: str = "diplo-streams"              # STREAMS_APP_ID: consumer group and table prefix
    topic_prefix: str = ""                     # STREAMS_TOPIC_PREFIX, e.g. "prod." -> prod.articles.raw
    partitions: int = 4                        # STREAMS_PARTITIONS for every topic we create but articles.raw
    # articles.raw and the dedup table: 1 = one dedup window for the whole stream (a worker owns it,
    # the later stages spread over `partitions`); more splits the window per partition (see README)
    raw_partitions: int = 1                    # STREAMS_RAW_PARTITIONS
    replicas: int = 1                          # STREAMS_REPLICAS (3 on a real cluster)
    web_port: int = 6066                       # STREAMS_WEB_PORT: /metrics, /livez, /readyz
    web_host: str = "0.0.0.0"                  # STREAMS_WEB_HOST
    store: str = "memory://"                   # STREAMS_STORE: Faust table store
    datadir: str = "/tmp/diplo-streams"        # STREAMS_DATADIR
    batch_size: int = 200                      # STREAMS_BATCH_SIZE: records per stream.take batch
    batch_within: float = 0.01                 # STREAMS_BATCH_WITHIN: seconds to wait for a batch (per hop: docs/benchmarks.md)
    max_message_bytes: int = 2_000_000         # STREAMS_MAX_MESSAGE_BYTES: raw message cap (DLQ above)
    max_text_chars: int = 200_000              # STREAMS_MAX_TEXT_CHARS: text/html cap after decoding
    stage_timeout: float = 2.0                 # STREAMS_STAGE_TIMEOUT: seconds one article may take per stage
    dedup_window: int = 100_000                # STREAMS_DEDUP_WINDOW: articles remembered for dedup
    dedup_max_age_days: float = 30.0           # STREAMS_DEDUP_MAX_AGE_DAYS
    dedup_threshold: float = 0.35              # STREAMS_DEDUP_THRESHOLD: MinHash Jaccard for near-dups
    languages: tuple = ("ar", "en", "fr", "ru", "fa", "ur", "it", "es", "de", "tr")  # STREAMS_LANGUAGES
    log_level: str = "info"                    # STREAMS_LOG_LEVEL
    fetch_max_wait_ms: int = 50                # STREAMS_FETCH_MAX_WAIT_MS: consumer long-poll wait (Faust: 1500)
    # Kafka TLS/SASL for every client (streams/kafka_security.py checks and maps them)
    security_protocol: str = "PLAINTEXT"       # STREAMS_KAFKA_SECURITY_PROTOCOL
    sasl_mechanism: str = ""                   # STREAMS_KAFKA_SASL_MECHANISM: PLAIN, SCRAM-SHA-256, SCRAM-SHA-512
    sasl_username: str = ""                    # STREAMS_KAFKA_SASL_USERNAME
    sasl_password: str = field(default="", repr=False)   # STREAMS_KAFKA_SASL_PASSWORD: never printed
    ssl_cafile: str = ""                       # STREAMS_KAFKA_SSL_CAFILE: CA bundle (default: the system's)
    ssl_certfile: str = ""                     # STREAMS_KAFKA_SSL_CERTFILE: client certificate (mutual TLS)
    ssl_keyfile: str = ""                      # STREAMS_KAFKA_SSL_KEYFILE

    ENV = {  # field -> environment variable (a class attribute, not a field)
        "broker": "KAFKA_BROKER",
        "app_id": "STREAMS_APP_ID",
        "topic_prefix": "STREAMS_TOPIC_PREFIX",
        "partitions": "STREAMS_PARTITIONS",
        "raw_partitions": "STREAMS_RAW_PARTITIONS",
        "replicas": "STREAMS_REPLICAS",
        "web_port": "STREAMS_WEB_PORT",
        "web_host": "STREAMS_WEB_HOST",
        "store": "STREAMS_STORE",
        "datadir": "STREAMS_DATADIR",
        "batch_size": "STREAMS_BATCH_SIZE",
        "batch_within": "STREAMS_BATCH_WITHIN",
        "max_message_bytes": "STREAMS_MAX_MESSAGE_BYTES",
        "max_text_chars": "STREAMS_MAX_TEXT_CHARS",
        "stage_timeout": "STREAMS_STAGE_TIMEOUT",
        "dedup_window": "STREAMS_DEDUP_WINDOW",
        "dedup_max_age_days": "STREAMS_DEDUP_MAX_AGE_DAYS",
        "dedup_threshold": "STREAMS_DEDUP_THRESHOLD",
        "languages": "STREAMS_LANGUAGES",
        "log_level": "STREAMS_LOG_LEVEL",
        "fetch_max_wait_ms": "STREAMS_FETCH_MAX_WAIT_MS",
        "security_protocol": "STREAMS_KAFKA_SECURITY_PROTOCOL",
        "sasl_mechanism": "STREAMS_KAFKA_SASL_MECHANISM",
        "sasl_username": "STREAMS_KAFKA_SASL_USERNAME",
        "sasl_password": "STREAMS_KAFKA_SASL_PASSWORD",
        "ssl_cafile": "STREAMS_KAFKA_SSL_CAFILE",
        "ssl_certfile": "STREAMS_KAFKA_SSL_CERTFILE",
        "ssl_keyfile": "STREAMS_KAFKA_SSL_KEYFILE",
    }

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        values = {}
        for f in fields(cls):
            default = f.default
            if f.name == "languages":
                raw = os.environ.get(cls.ENV[f.name])
                values[f.name] = tuple(x.strip() for x in raw.split(",") if x.strip()) if raw else default
            else:
                values[f.name] = _env(cls.ENV[f.name], default, type(default))
        broker = values["broker"]
        if "://" not in broker:
            values["broker"] = ";".join("kafka://" + b for b in broker.split(","))
        values.update(overrides)
        from .kafka_security import check   # here: it imports this module

        check(values)
        return cls(**values)

    def topic(self, name: str) -> str:
        return f"{self.topic_prefix}{name}"

    @property
    def bootstrap_servers(self) -> str:
        """The broker list in the plain host:port form aiokafka wants."""
        return ",".join(b.split("://", 1)[-1] for b in self.broker.replace(";", ",").split(","))
