"""Trigger, cue and role lexicons: load `streams/data/lexicon/<lang>.tsv`, match on folded text.

Matching is one Aho-Corasick pass over the folded text (pyahocorasick) on each pattern's
literal head, then a small anchored regex per candidate checks the whole pattern, the
Arabic proclitics on the left and pronoun suffixes on the right. All regexes are linear
(no nested quantifiers), so hostile input costs O(len(text) * hits).
Format of the data files: streams/data/lexicon/README.md.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import NamedTuple

import ahocorasick

from streams.text.normalize import fold

DATA = Path(__file__).resolve().parents[1] / "data" / "lexicon"
KINDS = ("trigger", "cue", "role")

# Arabic proclitic clusters accepted before a pattern (conjunction, prepositions, future,
# article); and pronoun / dual / plural suffixes accepted after it.
_AR_PREFIX = frozenset((
    "", "و", "ف", "ب", "ل", "ك", "س", "وس", "فس", "وب", "ول", "وك", "فب", "فل", "لي",
    "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال", "فبال", "وكال",
))
_AR_SUFFIX = r"(?:هما|هم|ها|ه|ي|نا|ا|ان|ين|ات|وا|ون|تها|تهم|ته|تي|تان|تين|تا|ت)?"
_MAX_HITS = 5000


class Hit(NamedTuple):
    start: int
    end: int
    kind: str        # trigger | cue | role
    label: str       # event type, cue name or role name
    flags: frozenset
    pattern: str


class _Pat(NamedTuple):
    kind: str
    label: str
    flags: frozenset
    pattern: str
    rx: re.Pattern
    arabic: bool


def _is_arabic(s: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in s)


def _compile(pattern: str, arabic: bool) -> re.Pattern:
    parts = []
    for tok in pattern.split():
        chunks = [re.escape(c) for c in tok.split("*")]
        parts.append(r"\w*".join(chunks))
    body = r"\s+".join(parts)
    if arabic:
        if pattern.endswith("ة"):
            body = body[:-1] + "[ةت]"
        return re.compile(body + _AR_SUFFIX + r"(?!\w)")
    if pattern.endswith("*"):
        return re.compile(body)
    return re.compile(body + r"(?!\w)")


class Lexicon:
    """Compiled lexicon of one language; `find(folded)` returns hits sorted by start."""

    def __init__(self, rows: list[tuple[str, str, str, frozenset]]):
        self._auto = ahocorasick.Automaton()
        heads: dict[str, list[_Pat]] = {}
        self.labels: dict[str, set[str]] = {k: set() for k in KINDS}
        for kind, label, pattern, flags in rows:
            pattern = fold(pattern).strip()
            if not pattern:
                continue
            arabic = _is_arabic(pattern)
            head = pattern.split("*", 1)[0].split()[0] if pattern.split("*", 1)[0].split() else ""
            if not head:
                continue
            if arabic and pattern.endswith("ة") and head == pattern:
                head = head[:-1]
            heads.setdefault(head, []).append(_Pat(kind, label, flags, pattern, _compile(pattern, arabic), arabic))
            self.labels[kind].add(label)
        for head, pats in heads.items():
            self._auto.add_word(head, (len(head), tuple(pats)))
        if heads:
            self._auto.make_automaton()
        self._empty = not heads

    @staticmethod
    def _left_ok(text: str, start: int, arabic: bool) -> bool:
        if start == 0 or not text[start - 1].isalnum():
            return True
        if not arabic:
            return False
        i = start
        while i > 0 and text[i - 1].isalnum() and start - i < 4:
            i -= 1
        if i > 0 and text[i - 1].isalnum():
            return False
        return text[i:start] in _AR_PREFIX

    def find(self, text: str) -> list[Hit]:
        """All lexicon hits in folded `text`; for one kind, longest match wins on overlap."""
        if self._empty or not text:
            return []
        raw: list[Hit] = []
        for end_idx, (hlen, pats) in self._auto.iter(text):
            start = end_idx - hlen + 1
            for p in pats:
                if not self._left_ok(text, start, p.arabic):
                    continue
                m = p.rx.match(text, start)
                if m:
                    raw.append(Hit(start, m.end(), p.kind, p.label, p.flags, p.pattern))
            if len(raw) > _MAX_HITS:
                break
        raw.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[Hit] = []
        last_end: dict[str, int] = {}
        for h in raw:
            if h.start < last_end.get(h.kind, -1):
                continue
            out.append(h)
            last_end[h.kind] = h.end
        return out


def _read(path: Path) -> list[tuple[str, str, str, frozenset]]:
    rows = []
    if not path.exists():
        return rows
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or cols[0] not in KINDS:
            continue
        flags = frozenset(f.strip() for f in cols[3].split(",") if f.strip()) if len(cols) > 3 else frozenset()
        rows.append((cols[0], cols[1], cols[2], flags))
    return rows


@functools.lru_cache(maxsize=64)
def lexicon(lang: str | None) -> Lexicon:
    """Cached lexicon for an ISO 639-1 code; unknown languages use English."""
    lang = (lang or "en").lower().split("-")[0]
    path = DATA / f"{lang}.tsv"
    if not path.exists():
        path = DATA / "en.tsv"
    rows = _read(path) + _read(DATA / "common.tsv")
    if lang != "en" and lang in {"fa", "ur", "ps"}:
        rows += _read(DATA / "ar.tsv")
    return Lexicon(rows)


def languages() -> list[str]:
    return sorted(p.stem for p in DATA.glob("*.tsv") if p.stem != "common")
