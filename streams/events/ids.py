"""Deterministic event ids: the same event in another article or a redelivery gets the same id."""
from __future__ import annotations

import hashlib
import json


def event_id(etype: str, participants, actor: str | None, target: str | None,
             date: str | None, anchor: str | None) -> str:
    """blake2b-128 of type, sorted participants, actor, target and the date.

    Without a resolved date the `anchor` (publication day, else the article id) stands
    in, so undated events of different stories do not collapse into one id.
    """
    key = json.dumps([etype, sorted(participants), actor, target, date or f"@{anchor or ''}"],
                     ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(key.encode("utf-8"), digest_size=16).hexdigest()
