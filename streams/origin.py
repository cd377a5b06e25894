"""The publisher's original message, carried through the internal hops for the DLQ.

After dedup the agents read our internal records (articles.unique/clean/detected), not what
the publisher sent. A failure there must still dead-letter the publisher's message byte for
byte (value, key, headers) and name its place in articles.raw, as a failure at dedup does.
So the dedup agent captures it once per unique article into the record's `origin`, and each
stage function passes it on. Only articles that passed `parse_raw` are captured: their value
is valid UTF-8 and travels as a string (exactly invertible, no base64 growth); keys and
header values may be any bytes and travel as base64.

A value over ORIGIN_MAX_BYTES is not copied (the record would double towards the broker's
`message.max.bytes`, 1 MB by default, and an oversized record cannot be sent at all): the DLQ
then carries the internal record, marked `__dlq.errors.original.omitted`, and its
`__dlq.errors.topic/partition/offset` still say where the original is in articles.raw.
"""
from __future__ import annotations

import base64
from dataclasses import dataclass, field, replace
from typing import Any

ORIGIN_MAX_BYTES = 256 * 1024     # real articles are 3-50 KB; articles.raw itself takes up to STREAMS_MAX_MESSAGE_BYTES

@dataclass(frozen=True)
class Original:
    """A message as it was on its topic: what the DLQ sends back."""

    key: bytes | None
    value: bytes
    headers: list[tuple[str, bytes]] = field(default_factory=list)
    topic: str = ""
    partition: int = -1
    offset: int = -1
    omitted: int = 0            # > 0: the value (this many bytes) was too large to carry; `value` is b""


def message_headers(message) -> list[tuple[str, bytes]]:
    """A Faust message's headers (a list of pairs or a dict) as (str, bytes) pairs."""
    raw = message.headers or []
    items = raw.items() if isinstance(raw, dict) else raw
    return [((k if isinstance(k, str) else k.decode("utf-8", "replace")), (v or b"")) for k, v in items]


def of_message(message) -> Original:
    key = message.key if isinstance(message.key, (bytes, bytearray)) else None
    if isinstance(message.key, str):
        key = message.key.encode("utf-8")
    value = message.value if isinstance(message.value, (bytes, bytearray)) else b""
    return Original(key=key, value=bytes(value), headers=message_headers(message), topic=str(message.topic),
                    partition=int(message.partition), offset=int(message.offset))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def capture(message) -> dict[str, Any]:
    """A JSON-able copy of `message` (one on articles.raw) for a record's `origin` field."""
    m = of_message(message)
    origin: dict[str, Any] = {"topic": m.topic, "partition": m.partition, "offset": m.offset}
    if len(m.value) > ORIGIN_MAX_BYTES:
        origin["value_omitted"] = len(m.value)
    else:
        try:
            origin["value"] = m.value.decode("utf-8")
        except UnicodeDecodeError:          # not reached after parse_raw; kept exact anyway
            origin["value_b64"] = _b64(m.value)
    if m.key is not None:
        origin["key_b64"] = _b64(m.key)
    if m.headers:
        origin["headers"] = [[name, _b64(value)] for name, value in m.headers]
    return origin


def restore(origin: dict[str, Any]) -> Original:
    """The message `capture` copied, byte-identical."""
    omitted = int(origin.get("value_omitted", 0))
    if "value" in origin:
        value = origin["value"].encode("utf-8")
    elif "value_b64" in origin:
        value = base64.b64decode(origin["value_b64"])
    else:
        value = b""
    key = base64.b64decode(origin["key_b64"]) if origin.get("key_b64") is not None else None
    headers = [(name, base64.b64decode(v)) for name, v in origin.get("headers", [])]
    return Original(key=key, value=value, headers=headers, topic=origin["topic"],
                    partition=int(origin["partition"]), offset=int(origin["offset"]), omitted=omitted)


def original_of(event) -> Original:
    """What to dead-letter for `event`: the captured original if its record carries one,
    else the message itself (a raw message at dedup, or a record written before `origin` existed)."""
    origin = getattr(event.value, "origin", None)
    if isinstance(origin, dict) and origin:
        original = restore(origin)
        if original.omitted:            # too large to carry: the internal record, with the original's place
            return replace(original, value=of_message(event.message).value)
        return original
    return of_message(event.message)
