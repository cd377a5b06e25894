"""Errors that route a message to the dead-letter topic instead of crashing a worker."""
from __future__ import annotations


class StageError(Exception):
    """A message this stage cannot handle. `reason` is a short stable slug (a metric label)."""

    def __init__(self, reason: str, message: str = ""):
        super().__init__(message or reason)
        self.reason = reason
        self.message = message or reason
