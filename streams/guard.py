"""Bounded work: a wall-clock limit around one article's pure stage function.

Caps on sizes come first (see pipeline.parse_raw); this is the backstop for
pathological text. SIGALRM only works in the main thread, where Faust's event
loop runs; elsewhere (threads, tests) the limit is skipped, not faked.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

from .errors import StageError


class StageTimeout(StageError):
    def __init__(self, seconds: float):
        super().__init__("stage_timeout", f"stage took longer than {seconds:g}s")


@contextmanager
def time_limit(seconds: float):
    if not seconds or seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _alarm(signum, frame):
        raise StageTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
