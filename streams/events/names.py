"""Foreign names in Arabic script, matched by their consonant skeleton.

Transliteration into Arabic script varies from outlet to outlet: a foreign g is written غ, ج,
ق or ك, long vowels are written or left out (هلاينغ، هلينغ، هيلاينغ، هلاينج، هولانج). Listing
every spelling of every name does not scale; the skeleton does: long vowels and hamza seats
dropped, the g letters and the k letters merged, ة read as ه. Two spellings of one name share a
skeleton; a leader's name matches the text when the skeletons of its words match consecutive
words of the text. Skeletons collide with ordinary words: one-word names (العليمي and العالم
share one) are left to the exact table, and a name needs `MIN_WORD` letters in each word and
`MIN_NAME` in all ("كا اجلاس", an Urdu "session of", is not Kaja Kallas).
"""
from __future__ import annotations

_DROP = "اويءئؤ"
_SKELETON = str.maketrans({**{c: None for c in _DROP}, "غ": "ج", "ق": "ج", "ك": "ج", "گ": "ج", "ک": "ج",
                           "ة": "ه", "\n": " ", "\t": " ", "\r": " ", "\u200c": None})
MIN_WORD, MIN_NAME = 2, 6     # skeleton letters per word and per name (measured on train, see docstring)
MAX_WORDS = 4


def skeleton(folded: str) -> str:
    """Consonant skeleton of folded Arabic-script text; spaces are kept one for one, so the
    words of the skeleton line up with the words of the text (`str.split(" ")`)."""
    return folded.translate(_SKELETON)


def key(folded_name: str) -> tuple[str, ...] | None:
    """The skeleton words of a name, or None when they are too short to be told from ordinary words."""
    words = tuple(w for w in skeleton(folded_name).split(" ") if w)
    if not 2 <= len(words) <= MAX_WORDS or min(map(len, words)) < MIN_WORD or sum(map(len, words)) < MIN_NAME:
        return None
    return words


_GLUED = ("و", "ب", "ل", "ف")


class SkeletonIndex:
    """Names by skeleton: `add(folded_name, value)`, then `find(folded_text)` yields
    (start, end, values) for each run of words whose skeleton is a name's."""

    def __init__(self):
        self._first: dict[str, list[tuple[tuple[str, ...], list]]] = {}

    def __len__(self) -> int:
        return len(self._first)

    def add(self, folded_name: str, value) -> None:
        k = key(folded_name)
        if k is None:
            return
        rests = self._first.setdefault(k[0], [])
        for rest, values in rests:
            if rest == k[1:]:
                if value not in values:
                    values.append(value)
                return
        rests.append((k[1:], [value]))
        rests.sort(key=lambda r: -len(r[0]))       # longest name first

    def find(self, folded: str):
        if not self._first:
            return
        words = folded.translate(_SPACES).split(" ")
        skel = skeleton(folded).split(" ")
        first = self._first
        pos = 0
        n = len(words)
        skip_to = 0
        for i in range(n):
            w = skel[i]
            start = pos
            pos += len(words[i]) + 1
            if i < skip_to:
                continue
            cands = first.get(w)
            glued = 0
            if cands is None and len(w) > MIN_WORD + 1 and w[0] in _GLUED:
                cands = first.get(w[1:])        # "وهلاينغ": a conjunction or preposition glued on
                glued = 1
            if cands is None:
                continue
            for rest, values in cands:
                m = len(rest)
                if skel[i + 1:i + 1 + m] == list(rest):
                    end = start + sum(len(x) + 1 for x in words[i:i + 1 + m]) - 1
                    yield start + glued, end, values
                    skip_to = i + 1 + m
                    break


_SPACES = str.maketrans({"\n": " ", "\t": " ", "\r": " "})
