"""The bench's baseline agents: the framework's own cost, with no stage work, bytes unchanged.

Loaded instead of the pipeline agents only when STREAMS_BENCH is set (by `streams bench` for
its baseline workers; never in production), with the same app, settings, batching and Outbox
as the pipeline agents, so pipeline / baseline is the cost of the work itself:

* `passthrough`: one hop, articles.raw -> bench.passthrough;
* `chain`: the pipeline's four hops on its own topics and partitions, articles.raw ->
  articles.unique -> articles.clean -> articles.detected -> articles.processed. Four chained
  agents cost at least four hops: this, not the one hop, is the limit the pipeline can reach.
"""
from __future__ import annotations

import os

from ..agents.outbox import Outbox
from ..app import app, raw_topic, settings
from .bench import CHAIN, PASSTHROUGH


def _bytes_topic(name: str):
    return app.topic(settings.topic(name), value_type=bytes, key_type=bytes,
                     value_serializer="raw", key_serializer="raw")


def _hop(source, target, name: str) -> None:
    """An agent re-producing every (key, value) it reads from `source` to `target`."""
    async def hop(stream):
        out = Outbox(app)
        async for events in stream.take_events(settings.batch_size, within=settings.batch_within):
            try:
                for event in events:
                    message = event.message
                    out.add(target, message.key, message.value)
                    await out.maybe_flush()
            finally:
                await out.flush()

    hop.__name__ = hop.__qualname__ = name
    app.agent(source, name=f"{__name__}.{name}")(hop)


_mode = os.environ.get("STREAMS_BENCH")
if _mode == "passthrough":
    _hop(raw_topic, _bytes_topic(PASSTHROUGH), "passthrough")
elif _mode == "chain":
    _topics = [raw_topic] + [_bytes_topic(name) for name in CHAIN[1:]]
    for _n, _stage in enumerate(("dedup", "clean", "language", "extract")):
        _hop(_topics[_n], _topics[_n + 1], f"chain_{_stage}")
else:
    raise RuntimeError(f"STREAMS_BENCH={_mode!r}: expected 'passthrough' or 'chain'")
