"""Folded text plus a cheap offset map back to the original.

`streams.text.normalize.normalize` builds a per-character index (~1 ms per 3 KB of Arabic
with diacritics); extraction needs the map for a handful of spans only. `fold` removes
characters but never reorders them, so the map is just the sorted positions of removed
characters. Falls back to `normalize` if folding ever changes a length otherwise
(e.g. a lower-casing that expands a character).
"""
from __future__ import annotations

import bisect
import re

from streams.text.normalize import TABLE, fold, normalize

_DROPPED = "".join(chr(k) for k, v in TABLE.items() if v is None)
_DROP_RE = re.compile("[" + re.escape(_DROPPED) + "]")


class Folded:
    __slots__ = ("text", "_drops", "_index")

    def __init__(self, original: str):
        self.text = fold(original)
        self._drops = [m.start() for m in _DROP_RE.finditer(original)]
        self._index = None
        if len(self.text) != len(original) - len(self._drops):
            self._index = normalize(original).index
            self.text = normalize(original).text

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) in folded text -> [start, end) in the original."""
        if self._index is not None:
            if end <= start:
                return self._index[start], self._index[start]
            return self._index[start], self._index[end - 1] + 1
        if end <= start:
            o = self._orig(start)
            return o, o
        return self._orig(start), self._orig(end - 1) + 1

    def _orig(self, f: int) -> int:
        d, k = self._drops, 0
        lo, hi = 0, len(d)
        while lo < hi:                      # smallest k with d[k] > f + k (monotone in k)
            mid = (lo + hi) // 2
            if d[mid] <= f + mid:
                lo = mid + 1
            else:
                hi = mid
        k = lo
        return f + k

    def to_folded(self, o: int) -> int:
        """Original offset -> folded offset (start of the next kept character)."""
        if self._index is not None:
            return bisect.bisect_left(self._index, o)
        return o - bisect.bisect_left(self._drops, o)
