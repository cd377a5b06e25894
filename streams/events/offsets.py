"""Folded text plus a cheap offset map back to the original.

`streams.text.normalize.normalize` builds a per-character index (~1 ms per 3 KB of Arabic
with diacritics); extraction needs the map for a handful of spans only. `fold` removes
characters but never reorders them, so the map is just the sorted positions of removed
characters (found lazily, on the first offset asked). Falls back to `normalize` if folding
ever changes a length otherwise (e.g. a lower-casing that expands a character).
"""
from __future__ import annotations

import bisect
import re

from streams.text.normalize import TABLE, normalize

_DROPPED = "".join(chr(k) for k, v in TABLE.items() if v is None)
_DROP_RE = re.compile("[" + re.escape(_DROPPED) + "]")
_FOLD_MAP = {chr(k): ("" if v is None else v) for k, v in TABLE.items()}
_FOLD_RE = re.compile("[" + re.escape("".join(_FOLD_MAP)) + "]")
# Every replacement is one character that is not itself folded, so replacing the distinct
# folded characters one by one, in any order, gives str.translate(TABLE)'s output.
assert all(len(v) <= 1 and (v not in _FOLD_MAP or _FOLD_MAP[v] == v) for v in _FOLD_MAP.values())


def _replace_folds(text: str, found: set | None = None) -> str:
    present = set(_FOLD_RE.findall(text))
    if found is not None:
        found |= present
    for ch in present:
        text = text.replace(ch, _FOLD_MAP[ch])
    return text


def fast_fold(text: str) -> str:
    """Same output as `streams.text.normalize.fold` (same table), several times faster on
    Arabic: str.translate allocates an int per non-Latin character, str.replace per distinct
    folded character does not."""
    return _replace_folds(text).lower()


class Folded:
    __slots__ = ("text", "_original", "_dropped", "_drops", "_shift", "_index")

    def __init__(self, original: str):
        found: set = set()
        unlowered = _replace_folds(original, found)   # each dropped character removed, others 1:1
        self._dropped = [ch for ch in found if not _FOLD_MAP[ch]]   # dropped characters present
        self.text = unlowered.lower()
        self._original = original
        self._drops = None                         # positions of dropped characters, when needed
        self._shift = None                         # _drops[k] - k (non-decreasing), for _orig
        self._index = None
        if len(self.text) != len(unlowered):      # lower() changed a length: exact per-character map
            n = normalize(original)
            self._index, self.text = n.index, n.text

    @property
    def exact_fold(self) -> bool:
        """True when `text` is exactly `fold(original)` (False after the normalize fallback)."""
        return self._index is None

    def drop_positions(self) -> list[int]:
        """Sorted positions in the original of the characters fold dropped (exact fold only)."""
        return self._drop_positions()

    def _drop_positions(self) -> list[int]:
        if self._drops is None:
            # the positions _DROP_RE.finditer(original) would give, found with str.find for
            # the few dropped characters the text holds (no regex pass over the whole text)
            drops: list[int] = []
            text = self._original
            for ch in self._dropped:
                i = text.find(ch)
                while i >= 0:
                    drops.append(i)
                    i = text.find(ch, i + 1)
            drops.sort()
            self._drops = drops
        return self._drops

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
        # f + (smallest k with d[k] > f + k): d[k] - k never decreases, so that k is a bisection
        if self._shift is None:
            self._shift = [d - k for k, d in enumerate(self._drop_positions())]
        return f + bisect.bisect_right(self._shift, f)

    def to_folded(self, o: int) -> int:
        """Original offset -> folded offset (start of the next kept character)."""
        if self._index is not None:
            return bisect.bisect_left(self._index, o)
        return o - bisect.bisect_left(self._drop_positions(), o)
