"""Page-furniture line rules, loaded once from every language profile's boilerplate.json.

Phrases are data (see streams/lang/BOILERPLATE.md); this module only compiles
them into anchored literal alternations (no nested quantifiers: linear time) and
classifies one line at a time on a bounded, folded prefix of it.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from streams.text.normalize import TABLE as _TABLE, fold

LANG_DIR = Path(__file__).resolve().parents[1] / "lang"
KEY_CHARS = 300          # only this much of a line is ever matched against phrases
MAX_EXTRA = 12           # a cut heading may carry this many extra characters ("Related news »")
TRIM = " \t:：-–—|…·•.,،؛;!?؟»«›‹\"'“”‘’()[]{}*>/\\"
_WS = re.compile(r"\s+")


def key(line: str) -> str:
    """Matching form of a line: folded, whitespace collapsed, punctuation trimmed at both ends."""
    return _WS.sub(" ", fold(line[:KEY_CHARS])).strip(TRIM)


# Inverse of fold(): for each folded character, every raw character that folds to it, so
# rules can match the raw (lower-cased) line without folding it (fold costs ~80 ns/char).
_INV: dict[str, set[str]] = {}
for _code, _dst in _TABLE.items():
    if isinstance(_dst, str) and len(_dst) == 1:
        _INV.setdefault(_dst, {_dst}).add(chr(_code))
_MARKS = re.compile("[" + "".join(re.escape(chr(c)) for c, d in _TABLE.items() if d is None) + "]")


def _raw_regex(phrase: str) -> str:
    out = []
    for ch in key(phrase):
        if ch == " ":
            out.append(r"\s+")
        elif ch in _INV:
            out.append("[" + "".join(re.escape(c) for c in sorted(_INV[ch])) + "]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _alt(phrases) -> str:
    keys = sorted({key(p) for p in phrases if key(p)}, key=len, reverse=True)
    return "|".join(_raw_regex(k) for k in keys) or "(?!)"


def _anchor(phrase: str) -> str:
    """Longest run of characters without fold variants in a phrase (a plain substring test on
    the raw lower-cased line); "" (always check) when no such run of 3+ characters exists."""
    best, run = "", ""
    for c in key(phrase) + " ":
        if c != " " and len(_INV.get(c, ())) <= 1:
            run += c
            continue
        if len(run) > len(best):
            best = run
        run = ""
    return best if len(best) >= 3 else ""


def _kinds(d: dict) -> str:
    return "|".join(f"(?P<{k}>{_alt(v)})" for k, v in d.items()) or "(?!)"


@dataclass(frozen=True)
class Rules:
    cut: re.Pattern                   # ^(heading)(extra)$ on the trimmed line
    teaser: re.Pattern                # ^(prefix)\s*[:|-...]\s*\S
    exact: re.Pattern                 # ^(?P<kind>...)$ on the trimmed line
    prefix: re.Pattern                # ^(?P<kind>...)
    contains: re.Pattern              # (?P<kind>...) anywhere
    anchors: re.Pattern               # literal substrings, one per contains-phrase: cheap gate for `contains`
    max_exact: int                    # longest exact/cut phrase + MAX_EXTRA (length gate)
    stopwords: frozenset


@lru_cache(maxsize=1)
def rules() -> Rules:
    cut, teaser, exact, prefix, contains = [], [], {}, {}, {}
    stop: set[str] = set()
    for path in sorted(LANG_DIR.glob("*/stopwords.txt")):
        stop.update(key(w) for w in path.read_text(encoding="utf-8").split("\n")
                    if w.strip() and not w.startswith("#"))
    # every language's rules at once: cleaning runs before language detection, and pages mix
    # languages (an Arabic page with English share buttons)
    for path in sorted(LANG_DIR.glob("*/boilerplate.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        cut += data.get("cut_headings", [])
        teaser += data.get("teaser_prefixes", [])
        for name, target in (("drop_lines", exact), ("drop_prefixes", prefix), ("drop_contains", contains)):
            for kind, phrases in data.get(name, {}).items():
                target.setdefault(kind, []).extend(phrases)
    longest = max((len(key(p)) for p in cut + [x for v in exact.values() for x in v]), default=0)
    return Rules(
        cut=re.compile(rf"^(?:{_alt(cut)})(.{{0,{MAX_EXTRA}}})$"),
        teaser=re.compile(rf"^(?:{_alt(teaser)})\s*[:|\-–—».…]\s*\S"),
        exact=re.compile(rf"^(?:{_kinds(exact)})$"),
        prefix=re.compile(rf"^(?:{_kinds(prefix)})"),
        contains=re.compile(_kinds(contains)),
        anchors=re.compile("|".join(re.escape(a) for a in sorted({_anchor(p) for v in contains.values() for p in v},
                                                                  key=len, reverse=True))),
        max_exact=longest + MAX_EXTRA + 2,
        stopwords=frozenset(stop),
    )


SHORT_LINE = 80   # exact/cut rules only ever match lines this short (phrases are short)


def classify(line: str) -> tuple[str, str] | None:
    """('cut'|'drop', kind) for a furniture line, or None for a line to keep.

    Works on the raw line lower-cased (Arabic marks removed only where present), never
    folding it: linear, a few µs per line.
    """
    r = rules()
    if len(line) <= SHORT_LINE:
        s = line.lower()
        if _MARKS.search(s):
            s = _MARKS.sub("", s)
        s = _WS.sub(" ", s.strip(TRIM))
        if not s:
            return None
        if len(s) <= r.max_exact:
            m = r.cut.match(s)
            if m is not None:
                extra = m.group(1)
                if not extra or (not extra[0].isalnum() and len(s) <= 40):
                    return "cut", "read_also"
            m = r.exact.match(s)
            if m is not None:
                return "drop", m.lastgroup
        head = low = s
    else:
        low = line[:KEY_CHARS].lower()
        head = low[:SHORT_LINE]
        if _MARKS.search(head):
            head = _MARKS.sub("", head)
        head = head.lstrip(TRIM)
    if r.teaser.match(head):
        return "drop", "read_also"
    m = r.prefix.match(head)
    if m is not None:
        return "drop", m.lastgroup
    if len(line) < KEY_CHARS and r.anchors.search(low) is not None:
        if _MARKS.search(low):
            low = _MARKS.sub("", low)
        m = r.contains.search(low)
        if m is not None:
            return "drop", m.lastgroup
    return None
