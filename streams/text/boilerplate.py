"""Page-furniture line rules, loaded once from streams/data/boilerplate/*.json.

Phrases are data (see streams/data/boilerplate/README.md); this module only compiles
them into anchored literal alternations (no nested quantifiers: linear time) and
classifies one line at a time on a bounded, folded prefix of it.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from streams.text.normalize import fold

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "boilerplate"
KEY_CHARS = 300          # only this much of a line is ever matched against phrases
MAX_EXTRA = 12           # a cut heading may carry this many extra characters ("Related news »")
_TRIM = " \t:：-–—|…·•.,،؛;!?؟»«›‹\"'“”‘’()[]{}*>/\\"
_WS = re.compile(r"\s+")


def key(line: str) -> str:
    """Matching form of a line: folded, whitespace collapsed, punctuation trimmed at both ends."""
    return _WS.sub(" ", fold(line[:KEY_CHARS])).strip(_TRIM)


@dataclass(frozen=True)
class Rules:
    cut: re.Pattern                   # ^(heading)(rest)$ on key
    teaser: re.Pattern                # ^(prefix)\s*[:|-]
    exact: dict                       # key -> kind
    prefix: tuple                     # ((kind, pattern), ...) anchored at start of key
    contains: tuple                   # ((kind, pattern), ...) searched in key
    stopwords: frozenset


def _alt(phrases) -> str:
    keys = sorted({key(p) for p in phrases if key(p)}, key=len, reverse=True)
    return "|".join(re.escape(k) for k in keys) or "(?!)"


@lru_cache(maxsize=1)
def rules() -> Rules:
    cut, teaser, exact, prefix, contains = [], [], {}, {}, {}
    stop: set[str] = set()
    for path in sorted(DATA_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if path.stem == "stopwords":
            for words in data.values():
                stop.update(key(w) for w in words)
            continue
        cut += data.get("cut_headings", [])
        teaser += data.get("teaser_prefixes", [])
        for kind, phrases in data.get("drop_lines", {}).items():
            for p in phrases:
                exact.setdefault(key(p), kind)
        for kind, phrases in data.get("drop_prefixes", {}).items():
            prefix.setdefault(kind, []).extend(phrases)
        for kind, phrases in data.get("drop_contains", {}).items():
            contains.setdefault(kind, []).extend(phrases)
    return Rules(
        cut=re.compile(rf"^(?:{_alt(cut)})(.{{0,{MAX_EXTRA}}})$"),
        teaser=re.compile(rf"^(?:{_alt(teaser)})\s*[:|\-–—».…]\s*\S"),
        exact=exact,
        # prefixes keep their own trailing ':' etc. out of the key, so match on the key start
        prefix=tuple((k, re.compile(rf"^(?:{_alt(v)})")) for k, v in prefix.items()),
        contains=tuple((k, re.compile(_alt(v))) for k, v in contains.items()),
        stopwords=frozenset(stop),
    )


def _teaser_key(line: str) -> str:
    # like key() but keeps the separator after the prefix ("Read also: ...")
    return _WS.sub(" ", fold(line[:KEY_CHARS])).lstrip(_TRIM)


def classify(line: str) -> tuple[str, str] | None:
    """('cut'|'drop', kind) for a furniture line, or None for a line to keep."""
    r = rules()
    k = key(line)
    if not k:
        return None
    m = r.cut.match(k)
    if m is not None:
        extra = m.group(1)
        if not extra or (not extra[0].isalnum() and len(k) <= 40):
            return "cut", "read_also"
    if r.teaser.match(_teaser_key(line)):
        return "drop", "read_also"
    kind = r.exact.get(k)
    if kind:
        return "drop", kind
    for kind, pat in r.prefix:
        if pat.match(k):
            return "drop", kind
    if len(line) < KEY_CHARS:
        for kind, pat in r.contains:
            if pat.search(k):
                return "drop", kind
    return None
