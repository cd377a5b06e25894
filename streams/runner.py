"""Run `streams worker` as a child process (demo, evaluate --via-kafka, bench, tests)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request

from .broker import free_port


class WorkerProcess:
    def __init__(self, broker_url: str, web_port: int | None = None, env: dict | None = None,
                 log_path: str | None = None, app_id: str | None = None, command: list[str] | None = None):
        self.web_port = web_port or free_port()
        self.env = {**os.environ, "KAFKA_BROKER": broker_url, "STREAMS_WEB_PORT": str(self.web_port),
                    "STREAMS_WEB_HOST": "127.0.0.1", **(env or {})}
        if app_id:
            self.env["STREAMS_APP_ID"] = app_id
        self.log_path = log_path
        self.command = command or [sys.executable, "-m", "streams", "worker"]
        self.proc: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    def start(self) -> "WorkerProcess":
        out = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL
        self.proc = subprocess.Popen(self.command, env=self.env,
                                     stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     start_new_session=True)
        return self

    def get(self, path: str, timeout: float = 2.0) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(self.base_url + path, timeout=timeout) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def wait_ready(self, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"worker exited with {self.proc.returncode} (log: {self.log_path})")
            try:
                status, _ = self.get("/readyz", timeout=1.0)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.25)
        raise TimeoutError(f"worker not ready within {timeout}s (log: {self.log_path})")

    def metrics_text(self) -> str:
        return self.get("/metrics")[1].decode()

    def stop(self, timeout: float = 30.0) -> int | None:
        """SIGTERM: Faust drains, flushes the producer and commits, then exits."""
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            return self.proc.returncode

    def kill(self) -> None:
        """SIGKILL the whole process group: a crash, no goodbye."""
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait(10)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
