"""dead_letter() is the last resort of every agent: a refused DLQ send must not lose the message."""
from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest
from aiokafka.errors import MessageSizeTooLargeError

from streams.agents.common import DLQ_FALLBACK_VALUE_BYTES, HEADER, dead_letter
from streams.errors import StageError


class RecordingTopic:
    """Stands in for the DLQ Faust topic; refuses the first `refuse` sends like a broker would."""

    def __init__(self, refuse: int):
        self.refuse, self.sent = refuse, []

    async def send(self, key=None, value=None, headers=None):
        if self.refuse:
            self.refuse -= 1
            raise MessageSizeTooLargeError("record too large")
        self.sent.append((key, value, dict(headers)))


def _event(value: bytes):
    message = SimpleNamespace(topic="articles.raw", partition=2, offset=41, key=b"k1", value=value,
                              headers=[("trace", b"abc")], timestamp=1.0)
    return SimpleNamespace(message=message, value=value)


def test_a_normal_dead_letter_keeps_original_bytes_and_headers():
    topic = RecordingTopic(refuse=0)
    asyncio.run(dead_letter(topic, _event(b"{oops"), "dedup", StageError("invalid_json", "bad"), "a1"))
    (key, value, headers), = topic.sent
    assert (key, value) == (b"k1", b"{oops")
    assert headers["trace"] == b"abc" and headers[HEADER + "reason"] == b"invalid_json"
    assert headers[HEADER + "offset"] == b"41" and headers[HEADER + "article.id"] == b"a1"


def test_a_refused_dead_letter_is_resent_truncated_with_the_reason():
    big = b"x" * (DLQ_FALLBACK_VALUE_BYTES + 10)
    topic = RecordingTopic(refuse=1)
    asyncio.run(dead_letter(topic, _event(big), "clean", StageError("field_too_large", "big"), "a2"))
    (key, value, headers), = topic.sent
    assert value == big[:DLQ_FALLBACK_VALUE_BYTES]
    assert headers[HEADER + "reason"] == b"field_too_large"
    assert headers[HEADER + "value.truncated"].startswith(str(len(big)).encode())
    assert "trace" not in headers


def test_when_the_dlq_cannot_be_written_at_all_it_raises_instead_of_dropping():
    topic = RecordingTopic(refuse=2)
    with pytest.raises(MessageSizeTooLargeError):
        asyncio.run(dead_letter(topic, _event(b"{}"), "extract", RuntimeError("bug"), "a3"))
    assert topic.sent == []
