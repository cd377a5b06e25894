"""dead_letter() is the last resort of every agent: a refused DLQ send must not lose the message,
and at every stage it sends the publisher's original message (streams/origin.py)."""
from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest
from aiokafka.errors import MessageSizeTooLargeError
from hypothesis import given, strategies as st

from streams.agents.common import DLQ_FALLBACK_VALUE_BYTES, HEADER, dead_letter
from streams.errors import StageError
from streams.origin import capture, original_of, restore


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


# --------------------------------------------------------------------------- origin (streams/origin.py)


def _raw_message(value: bytes, key, headers):
    return SimpleNamespace(topic="articles.raw", partition=0, offset=7, key=key, value=value,
                           headers=headers, timestamp=1.0)


@given(value=st.one_of(st.text().map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary()),
       key=st.one_of(st.none(), st.binary()),
       headers=st.lists(st.tuples(st.text(min_size=1, max_size=20), st.binary(max_size=50)), max_size=4))
def test_capture_then_restore_gives_back_the_same_bytes(value, key, headers):
    import orjson

    message = _raw_message(value, key, headers)
    carried = orjson.loads(orjson.dumps(capture(message)))   # as it travels inside a record
    back = restore(carried)
    assert (back.value, back.key, back.headers) == (value, key, headers)
    assert (back.topic, back.partition, back.offset) == ("articles.raw", 0, 7)


def test_a_dead_letter_at_a_later_stage_sends_the_publishers_bytes_not_the_internal_record():
    from streams.records import CleanArticle

    original = b'\xef\xbb\xbf{ "id" : "x1",  "text":"caf\\u00e9"}\n'
    origin = capture(_raw_message(original, b"\xffkey", [("trace", b"\x00\x01")]))
    record = CleanArticle(id="x1", text="café", origin=origin)
    internal = SimpleNamespace(topic="articles.clean", partition=3, offset=99, key=b"x1", value=record.dumps(),
                               headers=[], timestamp=1.0)
    event = SimpleNamespace(message=internal, value=record)
    assert original_of(event).value == original
    topic = RecordingTopic(refuse=0)
    asyncio.run(dead_letter(topic, event, "language", StageError("stage_timeout", "slow"), "x1"))
    (key, value, headers), = topic.sent
    assert (key, value) == (b"\xffkey", original)
    assert headers["trace"] == b"\x00\x01"
    assert headers[HEADER + "topic"] == b"articles.raw" and headers[HEADER + "offset"] == b"7"
    assert headers[HEADER + "stage"] == b"language"


def test_an_original_too_large_to_carry_is_located_instead():
    from streams.origin import ORIGIN_MAX_BYTES
    from streams.records import CleanArticle

    big = b'{"id":"x2","text":"' + b"a" * ORIGIN_MAX_BYTES + b'"}'
    origin = capture(_raw_message(big, b"x2", [("trace", b"t")]))
    assert "value" not in origin and "value_b64" not in origin and origin["value_omitted"] == len(big)
    record = CleanArticle(id="x2", text="short", origin=origin)
    internal = SimpleNamespace(topic="articles.clean", partition=1, offset=5, key=b"x2", value=record.dumps(),
                               headers=[], timestamp=1.0)
    topic = RecordingTopic(refuse=0)
    asyncio.run(dead_letter(topic, SimpleNamespace(message=internal, value=record), "language",
                            StageError("stage_timeout", "slow"), "x2"))
    (key, value, headers), = topic.sent
    assert value == internal.value and key == b"x2" and headers["trace"] == b"t"
    assert headers[HEADER + "original.omitted"].startswith(str(len(big)).encode())
    assert (headers[HEADER + "topic"], headers[HEADER + "offset"]) == (b"articles.raw", b"7")
