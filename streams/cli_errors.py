"""User-facing errors of the `streams` CLI: one line, exit status 2, no traceback.

A `UserError` is a mistake the user can fix (no broker, a missing file, a bad JSON line,
a typo in a topic or a setting). `streams.cli.main` prints it as `streams CMD: error: ...`
and exits 2, like argparse does for a bad flag; anything else still raises with a
traceback, because then it is our bug.
"""
from __future__ import annotations

import logging
import os
import socket
import sys
from contextlib import contextmanager

import orjson

BOM = b"\xef\xbb\xbf"


class UserError(Exception):
    """Printed as one line; the process exits with `exit_code`."""

    exit_code = 2


def broker_source(args) -> str:
    return "--broker" if getattr(args, "broker", None) else "KAFKA_BROKER"


def security_hint() -> str:
    """With TLS or SASL on, a refused handshake looks like 'no broker' to aiokafka: say so."""
    protocol = os.environ.get("STREAMS_KAFKA_SECURITY_PROTOCOL", "").strip().upper()
    if protocol in ("", "PLAINTEXT"):
        return ""
    return (f" (or it refused the {protocol} handshake: check the certificate files and credentials in "
            f"STREAMS_KAFKA_SSL_* / STREAMS_KAFKA_SASL_*, and that the broker listens for {protocol} there)")


def no_broker(bootstrap: str, source: str = "KAFKA_BROKER") -> UserError:
    fix = "set KAFKA_BROKER=host:port" if source == "KAFKA_BROKER" else f"fix {source}"
    return UserError(f"no Kafka broker reachable at {bootstrap} (from {source}){security_hint()}; start one "
                     f"with `streams broker` in another terminal, or {fix}")


def check_broker(bootstrap: str, source: str = "KAFKA_BROKER") -> None:
    """host:port[,host:port...] with numeric ports, else a UserError naming where it came from."""
    for entry in bootstrap.split(","):
        host, _, port = entry.strip().rpartition(":")
        if not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise UserError(f"{source}: {entry.strip()!r} is not host:port (e.g. 127.0.0.1:9092)")


def quiet_kafka_logs() -> None:
    """aiokafka logs each failed connection at ERROR before raising; the CLI says it once, itself."""
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)


def _is_connection_error(exc: BaseException) -> bool:
    from aiokafka.errors import KafkaConnectionError

    return isinstance(exc, (KafkaConnectionError, ConnectionError, socket.gaierror))


@contextmanager
def broker_errors(bootstrap: str, source: str = "KAFKA_BROKER"):
    """Turn 'cannot bootstrap' from aiokafka into `no_broker` (sync callers)."""
    try:
        yield
    except Exception as exc:
        if _is_connection_error(exc):
            raise no_broker(bootstrap, source) from None
        raise


def read_bytes(path: str) -> bytes:
    """A file's bytes (`-` is stdin), or a UserError naming the file and the reason."""
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None


def numbered_lines(data: bytes) -> list[tuple[int, bytes]]:
    """(1-based line number, line) for every non-blank line; CRLF and a leading BOM are fine."""
    out = []
    for n, line in enumerate(data.split(b"\n"), 1):
        line = line.rstrip(b"\r")
        if n == 1 and line.startswith(BOM):
            line = line[len(BOM):]
        if line.strip():
            out.append((n, line))
    return out


def bad_json_lines(numbered: list[tuple[int, bytes]]) -> list[tuple[int, str]]:
    """(line number, why) of every line that is not one JSON object."""
    bad = []
    for n, line in numbered:
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            bad.append((n, f"not valid JSON ({exc.msg}, column {exc.colno})"))
            continue
        if not isinstance(obj, dict):
            bad.append((n, f"a JSON {type(obj).__name__}, not an object"))
    return bad


def read_articles(path: str, validate: bool = True,
                  hint: str = "--allow-invalid sends such lines as they are, to the dead-letter topic",
                  ) -> list[bytes]:
    """The article lines of a JSON Lines file, all valid or a UserError on the first bad one.

    All or nothing: a file with a bad line is refused before anything is sent, so fixing the
    line and running again never sends an article twice.
    """
    numbered = numbered_lines(read_bytes(path))
    name = "stdin" if path == "-" else path
    if not numbered:
        raise UserError(f"{name} has no articles (expected JSON Lines: one JSON object per line)")
    if validate:
        bad = bad_json_lines(numbered)
        if bad:
            n, why = bad[0]
            more = f" (and {len(bad) - 1} more bad line{'s' if len(bad) > 2 else ''})" if len(bad) > 1 else ""
            raise UserError(f"{name} line {n}: {why}{more}; nothing was published ({hint})")
    return [line for _, line in numbered]


def port_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as s:
        try:
            s.bind((host, port))
            return True
        except OSError:
            return False
