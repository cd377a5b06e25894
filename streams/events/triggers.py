"""Trigger, cue and role lexicons: load `streams/lang/<lang>/lexicon.tsv`, match on folded text.

Matching is one Aho-Corasick pass over the folded text (pyahocorasick) on each pattern's
literal head, then a small anchored regex per candidate checks the whole pattern, the
Arabic proclitics on the left and pronoun suffixes on the right. All regexes are linear
(no nested quantifiers), so hostile input costs O(len(text) * hits).
Format of the data files: streams/lang/LEXICON.md.

A pattern "verb ... particle" (German separable verbs: "sagte ... ab", "rief ... an") matches
the words before " ... " when the words after it close the same clause at most `_BRACKET`
words later ("sagte die Reise nach China ab."); the hit spans the verb only, so positions
read from it (object after the trigger, cue before it) stay those of a plain verb.
"""
from __future__ import annotations

import functools
import operator
import re
from pathlib import Path
from typing import NamedTuple

import ahocorasick

from streams.lang import languages as _languages, profile
from streams.text.normalize import fold

KINDS = ("trigger", "cue", "role", "stop")

# Arabic proclitic clusters accepted before a pattern (conjunction, prepositions, future,
# article); and pronoun / dual / plural suffixes accepted after it.
_AR_PREFIX = frozenset((
    "", "و", "ف", "ب", "ل", "ك", "س", "وس", "فس", "وب", "ول", "وك", "فب", "فل", "لي",
    "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال", "فبال", "وكال",
))
_AR_SUFFIXES = ("هما", "هم", "ها", "ه", "ي", "نا", "ا", "ان", "ين", "ات", "وا", "ون", "تها", "تهم", "ته", "تي",
                "تان", "تين", "تا", "ت")
_AR_SUFFIX = "(?:" + "|".join(_AR_SUFFIXES) + ")?"
_AR_SUFFIX_SET = frozenset(_AR_SUFFIXES) | {""}
_MAX_HITS = 5000
_AR_KEY_MIN = 4     # an Arabic phrase is looked up by its first word when that word is this long
#                     (shorter ones, "من المقرر", stay whole: every "من" would be a candidate)


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
    rx: re.Pattern | None     # None: fast path (one literal word, or a trailing-* prefix)
    arabic: bool
    mode: str = "rx"          # rx | word (exact word, Arabic suffixes allowed) | prefix | tmarbuta


def _is_arabic(s: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in s)


_BRACKET = 12
# up to _BRACKET words inside the clause, then the closing words, then the clause end
_GAP = r"(?:\s+[^\s.,;:!?()\"«»„“”]+){0,%d}?\s+" % _BRACKET
_CLAUSE_END = r"\s*(?:[.,;:!?()\"«»„“”]|$)"


def _compile(pattern: str, arabic: bool) -> re.Pattern:
    if " ... " in pattern:          # verb ... particle (module doc)
        verb, closing = pattern.split(" ... ", 1)
        return re.compile(_compile(verb, arabic).pattern + "(?=" + _GAP + _compile(closing, arabic).pattern
                          + _CLAUSE_END + ")")
    parts = []
    toks = pattern.split()
    for i, tok in enumerate(toks):
        chunks = [re.escape(c) for c in tok.split("*")]
        part = r"\w*".join(chunks)
        if arabic and tok != "*":
            # a phrase inflects word by word: an inner word takes the accusative alef of an
            # indefinite object ("وقعا إعلانا مشتركا", "عقدا اجتماعا ثنائيا")
            if i < len(toks) - 1 and not tok.endswith(("ة", "ا", "ى", "ء", "*")):
                part += "ا?"
        parts.append(part)
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
        keys: dict[str, list[_Pat]] = {}
        self.labels: dict[str, set[str]] = {k: set() for k in KINDS}
        for kind, label, pattern, flags in rows:
            pattern = fold(pattern).strip()
            if pattern.startswith("*") and " " not in pattern and not _is_arabic(pattern):
                # "*abkommen": the last part of a compound ("Wasserstoffabkommen"), hit from the word start
                key = pattern[1:].rstrip("*")
                if len(key) >= 4 and "*" not in key:
                    mode = "cprefix" if pattern.endswith("*") else "cword"
                    keys.setdefault(key, []).append(_Pat(kind, label, flags, pattern, None, False, mode))
                    self.labels[kind].add(label)
                continue
            if not pattern or pattern.startswith("*"):
                continue
            arabic = _is_arabic(pattern)
            simple = " " not in pattern and "*" not in pattern.rstrip("*")
            if simple and pattern.endswith("*"):
                keys.setdefault(pattern[:-1], []).append(_Pat(kind, label, flags, pattern, None, arabic, "prefix"))
            elif simple:
                keys.setdefault(pattern, []).append(_Pat(kind, label, flags, pattern, None, arabic, "word"))
                if arabic and pattern.endswith("ة"):
                    keys.setdefault(pattern[:-1] + "ت", []).append(
                        _Pat(kind, label, flags, pattern, None, arabic, "tmarbuta"))
            else:
                # the whole literal prefix is the automaton key: "من المقرر" is looked up as
                # one string, not as every "من" in the text
                lit = pattern.split(" ... ", 1)[0]      # the automaton key comes from the verb
                head = " ".join(lit.split("*", 1)[0].split())
                if "*" in lit and not lit.split("*", 1)[0].endswith(" "):
                    head = head.rsplit(" ", 1)[0] if " " in head else head
                if arabic and " " in head and len(head.split()[0]) >= _AR_KEY_MIN:
                    head = head.split()[0]     # the later words inflect (see _compile): key on the first
                if arabic and head.endswith("ة"):
                    head = head[:-1]
                if not head:
                    continue
                keys.setdefault(head, []).append(_Pat(kind, label, flags, pattern, _compile(pattern, arabic), arabic))
            self.labels[kind].add(label)
        for key, pats in keys.items():
            # per key: all patterns, and those allowed after a letter (Arabic proclitics);
            # each as (mode, rx, arabic, hit tail) so a hit is built without keyword parsing
            entry = tuple((p.mode, p.rx, p.arabic, (p.kind, p.label, p.flags, p.pattern)) for p in pats)
            plain = tuple(x for x in entry if x[0] not in ("cword", "cprefix"))
            self._auto.add_word(key, (len(key), plain, tuple(x for x in plain if x[2]),
                                      tuple(x for x in entry if x[0] in ("cword", "cprefix"))))
        if keys:
            self._auto.make_automaton()
        self._empty = not keys
        self._stops = bool(self.labels["stop"])

    @staticmethod
    def _word_end(text: str, end: int) -> int:
        we, n = end, len(text)
        while we < n and text[we].isalnum() and we - end < 6:
            we += 1
        return -1 if we < n and text[we].isalnum() else we

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
        """All lexicon hits in folded `text`; for one kind, longest match wins on overlap
        (on an equal span and label, the pattern with more fixed letters)."""
        if self._empty or not text:
            return []
        raw: list[Hit] = []
        append = raw.append
        new = tuple.__new__
        n = len(text)
        prefixes, suffixes = _AR_PREFIX, _AR_SUFFIX_SET
        for end_idx, (hlen, pats, arabic_pats, compound_pats) in self._auto.iter(text):
            start, end = end_idx - hlen + 1, end_idx + 1
            if compound_pats and start and text[start - 1].isalnum():
                ws = start                   # the compound's first letter, at most 30 letters back
                while ws > 0 and start - ws < 30 and text[ws - 1].isalnum():
                    ws -= 1
                we = end
                while we < n and we - end < 6 and text[we].isalnum():
                    we += 1
                if start - ws >= 3 and not (ws > 0 and text[ws - 1].isalnum()) and not (we < n and text[we].isalnum()):
                    for mode, _rx, _ar, tail in compound_pats:
                        if mode == "cprefix" or we == end:
                            append(new(Hit, (ws, we) + tail))
            # left boundary (Lexicon._left_ok): start of text or a non-alphanumeric before the
            # key; after a letter only Arabic patterns, and only behind a proclitic cluster
            if not pats:
                continue
            if start and text[start - 1].isalnum():
                if not arabic_pats:
                    continue
                i = start - 1
                while i > 0 and start - i < 4 and text[i - 1].isalnum():
                    i -= 1
                if (i > 0 and text[i - 1].isalnum()) or text[i:start] not in prefixes:
                    continue
                pats = arabic_pats
            we = -2
            for mode, rx, arabic, tail in pats:
                if mode == "rx":
                    m = rx.match(text, start)
                    if m:
                        append(new(Hit, (start, m.end()) + tail))
                    continue
                if we == -2:                 # word end (Lexicon._word_end), once per candidate
                    we = end
                    while we < n and we - end < 6 and text[we].isalnum():
                        we += 1
                    if we < n and text[we].isalnum():
                        we = -1
                if we < 0:
                    continue
                if mode == "prefix":
                    append(new(Hit, (start, we) + tail))
                    continue
                if we == end:
                    if mode != "tmarbuta":
                        append(new(Hit, (start, we) + tail))
                elif arabic and text[end:we] in suffixes:
                    append(new(Hit, (start, we) + tail))
            if len(raw) > _MAX_HITS:
                break
        # by start, longer first, then found order: two stable sorts with C-level keys
        raw.sort(key=_END, reverse=True)
        raw.sort(key=_START)
        out: list[Hit] = []
        last_end: dict[str, int] = {}
        last_at: dict[str, int] = {}
        for h in raw:
            if h[0] < last_end.get(h[2], -1):
                # same span and label: the more specific form wins ("visitará" planned over "visit*")
                j = last_at[h[2]]
                p = out[j]
                if h[0] == p[0] and h[1] == p[1] and h[3] == p[3] and _literal(h[5]) > _literal(p[5]):
                    out[j] = h
                continue
            last_at[h[2]] = len(out)
            out.append(h)
            last_end[h[2]] = h[1]
        stops = [h for h in out if h[2] == "stop"] if self._stops else None
        if stops:   # a word that merely contains a trigger (فيصل = ف+يصل, وزارات = و+زار+ات);
            # a longer hit that spans the whole stop word ("وزارة الخارجية") stays
            covered = {i: st for st in stops for i in range(st.start, st.end)}
            out = [h for h in out if h[2] != "stop" and all(
                (st := covered.get(i)) is None or (h.start <= st.start and st.end <= h.end)
                for i in range(h.start, h.end))]
        return out


_START, _END = operator.itemgetter(0), operator.itemgetter(1)


def _literal(pattern: str) -> int:
    """Letters a pattern fixes (its `*` match anything): the tie-break between equal spans."""
    return len(pattern) - pattern.count("*")


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
    """Cached lexicon of a language's profile (an unknown language reads the English one)."""
    prof = profile(lang)
    rows = []
    for path in prof.lexicon_paths:
        rows += [_stemmed(r, prof) for r in _read(path)]
    return Lexicon(rows)


def _stemmed(row, prof):
    """`word~` is the Snowball stem of the word as a prefix (`visiter~` -> `visit*`): inflection
    from the language's stemmer, not from forms listed by hand."""
    kind, label, pattern, flags = row
    if not pattern.endswith("~"):
        return row
    if prof.stem is None:
        raise ValueError(f"{prof.code}: `{pattern}` needs a stemmer in profile.toml")
    words = fold(pattern[:-1]).split()
    words[-1] = prof.stem(words[-1])
    return kind, label, " ".join(words) + "*", flags


def languages() -> list[str]:
    return _languages()
