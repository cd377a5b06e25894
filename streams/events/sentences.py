"""Sentence spans on folded text: cheap rules that survive glued punctuation (".و").

Boundaries: newlines, and . ! ? ; followed by anything but a digit, except after a
short Latin token ("u.s.", "mr.") so abbreviations do not split a sentence.
Very long sentences are cut (at a comma, else a space, else anywhere) into pieces of at
most ~`MAX_LEN` characters, so one run-on paragraph cannot pool parties from unrelated
clauses and hostile input cannot make per-sentence work quadratic.
"""
from __future__ import annotations

import re

from streams.events.dates import day_followers
from streams.lang import union

# Same matches as r"\n+|[.!?;]+(?!\d)", written to start with a character class: the regex
# engine then skips to candidate characters in C instead of trying both branches at every
# position (~4x faster on a 3 KB article).
_BOUNDARY = re.compile(r"[\n.!?;\u06d4\u061f\u061b](?:(?<=\n)\n*|(?<=[.!?;\u06d4\u061f\u061b])[.!?;\u06d4\u061f\u061b]*(?!\d))")
# (Urdu full stop ۔ and the Arabic-script question mark ؟ and semicolon ؛ end sentences too)
# one or two Latin letters ("u.s.", "mr."), one Arabic letter ("د." Dr.), and the abbreviations the
# language profiles list ("sept.", "gen.": streams/lang/<code>/profile.toml)
_WORDS = sorted(union("abbreviations"), key=len, reverse=True)
_ABBREV = re.compile(r"(?:^|[^\w])(?:[a-z]{1,2}|[\u0621-\u064a]" + "".join("|" + re.escape(w) for w in _WORDS) + ")$")
_ABBREV_CHARS = max([4] + [len(w) + 1 for w in _WORDS])
MAX_LEN = 700
# German writes the day as an ordinal: "am 22. März", "vom 22. bis 26. März" -- no sentence ends there
_ORD_DAY = re.compile(r"(?:^|[^\w.])\d{1,2}$")
_ORD_NEXT = re.compile(r"[ \t]+(?:" + "|".join(map(re.escape, sorted(day_followers(), key=len, reverse=True)))
                       + r")(?!\w)")


def split(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of non-blank sentences of `text`, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if text[m.start()] == "." and _ABBREV.search(text, max(0, m.start() - _ABBREV_CHARS), m.start()):
            continue
        if text[m.start()] == "." and m.end() - m.start() == 1 and _ORD_DAY.search(text, max(0, m.start() - 3), m.start()) \
                and _ORD_NEXT.match(text, m.end()):
            continue
        _add(text, start, m.end(), spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, s: int, e: int, spans: list) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e <= s:
        return
    while e - s > MAX_LEN:
        cut = text.find(",", s + MAX_LEN // 2, s + MAX_LEN)
        if cut < 0:
            cut = text.find(" ", s + MAX_LEN, s + MAX_LEN + 100)
        if cut < 0:
            cut = s + MAX_LEN           # no comma or space: hard cut keeps work per sentence bounded
        spans.append((s, cut + 1))
        s = cut + 1
        while s < e and text[s].isspace():
            s += 1
    if e > s:
        spans.append((s, e))
