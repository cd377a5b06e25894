"""SIGTERM to `streams demo --keep` stops its broker and worker: no process is left behind."""
from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time

import psutil
import pytest

from streams.broker import free_port

pytestmark = [pytest.mark.integration, pytest.mark.slow]


class Output:
    """The demo's stdout, read line by line on a thread (a blocking read cannot time out)."""

    def __init__(self, proc: subprocess.Popen):
        self.lines: queue.Queue = queue.Queue()
        self.seen = ""
        threading.Thread(target=self._pump, args=(proc.stdout,), daemon=True).start()

    def _pump(self, stream) -> None:
        for line in stream:
            self.lines.put(line)
        self.lines.put(None)

    def wait_for(self, marker: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            if line is None:
                break
            self.seen += line
            if marker in line:
                return
        raise AssertionError(f"no {marker!r} within {timeout}s; output:\n{self.seen}")


def _descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


@pytest.mark.parametrize("when", ["running; metrics at", "worker ready"])
def test_sigterm_to_demo_leaves_no_process_behind(when):
    """In the --keep loop, and in the middle of publishing and watching."""
    proc = subprocess.Popen([sys.executable, "-m", "streams", "demo", "--keep", "--web-port", str(free_port())],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    out = Output(proc)
    children = []
    try:
        out.wait_for(when, timeout=240)
        children = _descendants(proc.pid)
        names = " ".join(" ".join(c.cmdline()) for c in children)
        assert "broker" in names and "streams worker" in names, names   # both run before the signal
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
        gone, alive = psutil.wait_procs(children, timeout=15)
        assert not alive, f"left behind: {[(p.pid, ' '.join(p.cmdline())) for p in alive]}"
        assert proc.returncode == 128 + signal.SIGTERM
    finally:   # whatever failed above, leave nothing running
        children += _descendants(proc.pid)
        if proc.poll() is None:
            proc.kill()
        for p in children:
            try:
                p.kill()
            except psutil.NoSuchProcess:
                pass
