"""The worker's event loop: uvloop when installed, unless F_LOOP/FAUST_LOOP says otherwise."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

from streams.cli import _default_event_loop


def test_uvloop_by_default(monkeypatch):
    if importlib.util.find_spec("uvloop") is None:
        pytest.skip("uvloop not installed")
    monkeypatch.delenv("F_LOOP", raising=False)
    monkeypatch.delenv("FAUST_LOOP", raising=False)
    _default_event_loop()
    assert os.environ["F_LOOP"] == "uvloop"


@pytest.mark.parametrize("var", ["F_LOOP", "FAUST_LOOP"])
def test_an_explicit_choice_is_kept(monkeypatch, var):
    monkeypatch.delenv("F_LOOP", raising=False)
    monkeypatch.delenv("FAUST_LOOP", raising=False)
    monkeypatch.setenv(var, "aio")
    _default_event_loop()
    assert os.environ.get("F_LOOP") in (None, "aio") and os.environ[var] == "aio"


def test_faust_then_runs_on_uvloop():
    """What the worker does: choose, then import the app; the loop Faust's worker gets is uvloop's."""
    if importlib.util.find_spec("uvloop") is None:
        pytest.skip("uvloop not installed")
    code = ("import os, asyncio; os.environ.pop('F_LOOP', None); os.environ.pop('FAUST_LOOP', None)\n"
            "from streams.cli import _default_event_loop; _default_event_loop()\n"
            "import faust\n"
            "print(type(asyncio.new_event_loop()).__module__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().startswith("uvloop"), out.stdout
