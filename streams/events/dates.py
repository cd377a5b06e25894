"""Date mentions in news text and their resolution to calendar days.

Why own rules: `dateparser` misses "يوم الثلاثاء", "أمس الخميس", "11 تموز" and costs ~0.75 ms
per call; event dates need only a small grammar (day-month-year, weekdays, yesterday/today/
tomorrow) anchored on an article's `published_at`. Words come from data files
(streams/data/dates/*.tsv, see the README there), matched with one Aho-Corasick automaton per
language over folded text; short regexes then read the digits next to each hit.

`find_dates` never resolves anything: `resolve` turns a mention into a date given the
publication day and the event's tense, and returns None whenever a reader could not be sure.
"""
from __future__ import annotations

import bisect
import datetime as dt
import operator
import re
import statistics
import time
from dataclasses import dataclass, fields
from email.utils import parsedate_to_datetime
from functools import lru_cache
from pathlib import Path

import ahocorasick

from streams.events.offsets import fast_fold
from streams.lang import has_profile, profile
from streams.text.normalize import TABLE, fold, normalize

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "dates"

KINDS = ("absolute", "day_month", "weekday", "relative", "month_only")   # DateMention.kind values
_ARABIC_PROCLITICS = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك"})
_PROCLITIC_LANGS = frozenset({"ar"})
_DROPPED = "".join(chr(k) for k, v in TABLE.items() if v is None)
_DROP_RE = re.compile("[" + re.escape(_DROPPED) + "]")
# Same output as `normalize.fold` (same table), ~6x faster on Arabic (see offsets.fast_fold).
_fold_fast = fast_fold


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a text; `start`/`end` index the original text.

    day/month/year are in `calendar` ("gregorian" or "persian" for Solar Hijri month names).
    `weekday` is 0=Monday..6=Sunday. `offset_days` is set for yesterday/today/tomorrow words;
    a relative word with no day ("last week") has kind "relative" and offset_days None.
    `end_day`/`end_month` close a range ("24-25 July" -> day 24, end_day 25).
    `tense_hint` is "past"/"future" when the text says so ("last Tuesday", "الخميس المقبل").
    `year_offset` is set when a day+month is followed by "last/this/next year" (years from
    the publication year). `from_text` marks parts copied from another mention of the same
    text: the year of a day+month written elsewhere with its year ("mercredi 19 juin" after a
    caption "le 19 juin 2024"), or the full date of a bare weekday that the text also writes
    with its date ("mercredi" after "mercredi 19 juin 2024"); the kind stays as written.
    """

    start: int
    end: int
    phrase: str
    kind: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    offset_days: int | None = None
    end_day: int | None = None
    end_month: int | None = None
    year_offset: int | None = None
    from_text: bool = False
    calendar: str = "gregorian"
    tense_hint: str | None = None
    lang: str = ""


_MENTION_FIELDS = tuple((f.name, getattr(DateMention, f.name).__set__, f.default)
                        for f in fields(DateMention))


def _mention(values: dict) -> DateMention:
    """A DateMention from a dict of its parts, ~2x faster than the frozen dataclass __init__
    (which pays one object.__setattr__ per field): slot descriptors are set directly."""
    obj = object.__new__(DateMention)
    get = values.get
    for name, setter, default in _MENTION_FIELDS:
        setter(obj, get(name, default))
    return obj


# ----------------------------------------------------------------------------- lexicon

@dataclass(frozen=True, slots=True)
class _Entry:
    kind: str          # month, month_persian, weekday, relative, year_relative, ignore
    value: int | None
    flags: frozenset


@dataclass(frozen=True, slots=True)
class _Lexicon:
    lang: str
    automaton: object | None
    left_day: re.Pattern
    right_year: re.Pattern
    right_day: re.Pattern
    left_weekday: re.Pattern | None
    right_weekday: re.Pattern | None
    range_gap: re.Pattern
    modifiers: dict
    left_day_word: re.Pattern | None      # "الأول من سبتمبر"
    day_words: dict
    left_mod: re.Pattern | None = None    # "el próximo 29 de octubre" (reversed text)
    right_mod: re.Pattern | None = None   # "le 29 octobre prochain", "29 أكتوبر المقبل"


@lru_cache(maxsize=1)
def _read_rows() -> tuple[tuple[str, str, str, str, frozenset], ...]:
    """cldr.tsv then curated.tsv; a curated row replaces a CLDR row with the same lang/kind/phrase."""
    rows: dict[tuple[str, str, str], tuple[str, str, str, str, frozenset]] = {}
    for name in ("cldr.tsv", "curated.tsv"):
        path = DATA_DIR / name
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            parts += [""] * (5 - len(parts))
            lang, kind, value, phrase, flags = (p.strip() for p in parts[:5])
            flagset = frozenset(f for f in flags.split(",") if f)
            rows[(lang, kind, fold(phrase))] = (lang, kind, value, phrase, flagset)
    return tuple(rows.values())


def day_followers() -> frozenset[str]:
    """Folded words that may follow a day written as an ordinal ("am 22. März", "vom 22. bis 26.
    März"): month names and range words, every language's (streams/events/sentences.py keeps
    such a dot inside the sentence)."""
    return frozenset(fold(phrase) for _, kind, _, phrase, flags in _read_rows()
                     if kind in ("month", "range_sep") and phrase.isalpha() and "needs_number" not in flags)


def _alt(phrases) -> str:
    """Regex alternation of folded phrases, longest first, spaces matching any run of spaces."""
    items = sorted({fold(p) for p in phrases if p}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in items) or r"(?!x)x"


# Left contexts are matched on the reversed text (one anchored attempt instead of a
# `...$` search from every position of a window): hence the reversed words below.
_ORD_R = r"\.?(?:ts|dn|dr|ht|re|erè|eme|emè|e|º|°|ог-?|е-?)?"


def _ralt(phrases) -> str:
    """Like _alt, for reversed text."""
    return _alt([fold(p)[::-1] for p in phrases if p])


@lru_cache(maxsize=None)
def _lexicon(lang: str) -> _Lexicon:
    rows = [r for r in _read_rows() if r[0] == lang]
    if has_profile(lang) and profile(lang).script != "latin":
        # pages in Arabic/Persian/Urdu/Russian script often carry English bylines ("Sep 2, 2025");
        # Latin month names cannot collide with their words, but must be capitalised
        rows += [(lang, kind, value, phrase, flags | {"capitalised"})
                 for (lg, kind, value, phrase, flags) in _read_rows() if lg == "en" and kind == "month"]
    words: dict[str, list[_Entry]] = {}
    by_kind: dict[str, list[str]] = {}
    modifiers: dict[str, str] = {}
    day_words: dict[str, int] = {}
    for _, kind, value, phrase, flags in rows:
        key = fold(phrase)
        by_kind.setdefault(kind, []).append(phrase)
        if kind in ("modifier_before", "modifier_after"):
            modifiers[key] = value
        if kind == "day_word":
            day_words[re.sub(r"\s+", " ", key)] = int(value)
        if kind not in ("month", "month_persian", "weekday", "relative", "ignore", "year_relative"):
            continue
        val = None if value in ("", "-", "none") else int(value)
        entry = _Entry(kind, val, flags)
        keys = {key, re.sub(r"\s+", " ", key)}
        if lang in _PROCLITIC_LANGS:
            keys |= {"لل" + k[2:] for k in list(keys) if k.startswith("ال")}  # ل + ال -> لل
        for k in keys:
            words.setdefault(k, []).append(entry)
    automaton = None
    if words:
        automaton = ahocorasick.Automaton()
        rank = {"ignore": 0, "month": 1, "month_persian": 2, "weekday": 3, "relative": 4,
                "year_relative": 5}
        for k, entries in words.items():   # one reading per key: an ignore phrase masks the rest
            automaton.add_word(k, (k, min(entries, key=lambda en: rank[en.kind])))
        automaton.make_automaton()
    seps_words = by_kind.get("range_sep", ["-", "–"])
    seps = _alt(seps_words)
    year_prefix = _alt(by_kind.get("year_prefix", []))
    procl = "[وفبلك]{0,2}" if lang in _PROCLITIC_LANGS else ""
    prefixes = by_kind.get("weekday_prefix", [])
    mod_before = by_kind.get("modifier_before", [])
    mod_after = by_kind.get("modifier_after", [])
    suffixes = by_kind.get("weekday_suffix", [])
    left_wd = None
    if prefixes or mod_before:
        left_wd = re.compile(
            rf"(?:\s++({_ralt(mod_before)})(?!\w))?(?:\s++(?:{_ralt(prefixes)}){procl}(?!\w))?")
    right_wd = None
    if mod_after or suffixes:
        right_wd = re.compile(rf"\s++(?:({_alt(mod_after)})|({_alt(suffixes)}))(?!\w)")
    return _Lexicon(
        lang=lang,
        automaton=automaton,
        left_day=re.compile(
            rf"\s*+(?:رهش\s++)?(?:(?:ed|fo|eht|نم)\s++)?{_ORD_R}(\d{{1,2}})"
            rf"(?:\s*+(?:{_ralt(seps_words)})\s*+{_ORD_R}(\d{{1,2}}))?(?![\d.,:/\-])"),
        right_year=re.compile(rf"\s*+(?:,\s*+)?(?:(?:{year_prefix})\s++)?(\d{{4}})(?!\d|[.,:/]\d)"),
        right_day=re.compile(
            r"\s*+(\d{1,2})(?:st|nd|rd|th)?(?:\s*+[-–—]\s*+(\d{1,2}))?(?!\d|[.:/]\d)"
            r"(?:\s*+(?:,\s*+)?(\d{4})(?!\d|[.,:/]\d))?"),
        left_weekday=left_wd,
        right_weekday=right_wd,
        range_gap=re.compile(rf"\s*+(?:{seps})\s*+"),
        modifiers=modifiers,
        # "الأول من سبتمبر" (Arabic: the ordinal, then من), "دوم خرداد" (Persian: right before the month)
        left_day_word=re.compile(rf"\s*+(?:(?:رهش\s++)?نم\s++)?({_ralt(day_words)})(?!\w)")
        if day_words else None,
        day_words=day_words,
        left_mod=re.compile(rf"\s*+({_ralt(mod_before)})(?!\w)") if mod_before else None,
        right_mod=re.compile(rf"\s++({_alt(mod_after)})(?!\w)") if mod_after else None,
    )


# ----------------------------------------------------------------------------- offsets

class _OffsetMap:
    """Folded-text offsets -> original offsets, cheap when fold only drops characters.
    Built lazily: most texts need no map (nothing dropped) or are never asked."""

    __slots__ = ("_text", "_folded", "_shift", "_index", "_ready", "_drops")

    def __init__(self, text: str, folded: str, drops=None):
        self._text, self._folded = text, folded
        self._shift: list[int] | None = None
        self._index: list[int] | None = None
        self._ready = len(folded) == len(text)
        self._drops = drops          # optional callable: the positions _DROP_RE finds in text

    def _build(self) -> None:
        drops = self._drops() if self._drops is not None else [m.start() for m in _DROP_RE.finditer(self._text)]
        if len(self._text) - len(drops) == len(self._folded):
            self._shift = [d - k for k, d in enumerate(drops)]   # non-decreasing
        else:   # lower() changed a length (e.g. "İ"): use the exact per-character map
            self._index = normalize(self._text).index
        self._ready = True

    def __call__(self, pos: int) -> int:
        if not self._ready:
            self._build()
        if self._index is not None:
            return self._index[pos]
        if self._shift is None:
            return pos
        return pos + bisect.bisect_right(self._shift, pos)

    def span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            o = self(start)
            return o, o
        return self(start), self(end - 1) + 1


# ----------------------------------------------------------------------------- finding

_NUM_CAND = re.compile(r"\d+([-/.])\d+\1\d+")
# words starting with ال that are particles, not definite nouns ("يصل غدا إلى", "اليوم الذي")
_AL_PARTICLES = frozenset(fold(w) for w in (
    "إلى", "التي", "الذي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللاتي", "اللواتي",
    "إلا", "الآن"))
_ABBR_DOT = re.compile(r"\.\s*\d")
_GAP_WS = re.compile(r"[\s,(]*")
_GAP_ALT = re.compile(r"\s*+[/(]\s*+")
_CLOSE = re.compile(r"\s*+\)")
_WORD = re.compile(r"\w+")


def _valid(year: int | None, month: int, day: int, calendar: str = "gregorian") -> bool:
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return False
    if calendar == "persian":
        return day <= (31 if month <= 6 else 30)
    try:
        dt.date(year if year is not None else 2024, month, day)  # 2024: leap year allows 29 Feb
    except ValueError:
        return False
    return True


def _year_ok(year: int, calendar: str) -> bool:
    return 1300 <= year <= 1500 if calendar == "persian" else 1900 <= year <= 2100


_ITEM0, _ITEM1 = operator.itemgetter(0), operator.itemgetter(1)
_START_KEY, _END_KEY = operator.itemgetter("start"), operator.itemgetter("end")


def _hits(lex: _Lexicon, folded: str) -> list[tuple[int, int, str, tuple]]:
    """Whole-word (proclitic-aware) lexicon hits, longest first, non-overlapping."""
    if lex.automaton is None:
        return []
    n = len(folded)
    cands = []
    for last, (key, entries) in lex.automaton.iter(folded):
        start, end = last - len(key) + 1, last + 1
        if end < n and folded[end].isalpha():
            continue
        if start > 0 and folded[start - 1].isalpha():
            if lex.lang not in _PROCLITIC_LANGS:
                continue
            j = start
            while j > 0 and folded[j - 1].isalpha() and start - j <= 2:
                j -= 1
            if (j > 0 and folded[j - 1].isalpha()) or folded[j:start] not in _ARABIC_PROCLITICS:
                continue
        cands.append((start, end, key, entries))
    cands.sort(key=_ITEM1, reverse=True)     # == sort by (start, -length), stable:
    cands.sort(key=_ITEM0)                   # two stable sorts with C-level keys
    out, reach = [], -1
    for c in cands:
        if c[0] >= reach:
            out.append(c)
            reach = c[1]
    return out


def _entry(entry: _Entry, kind: str) -> _Entry | None:
    return entry if entry.kind == kind else None


def _next_word(folded: str, pos: int) -> str:
    m = _WORD.search(folded, pos, min(len(folded), pos + 40))
    return m.group() if m and not folded[pos:m.start()].strip() else ""


def _prev_word(folded: str, pos: int) -> str:
    j = pos
    while j > 0 and folded[j - 1].isspace():
        j -= 1
    k = j
    while k > 0 and folded[k - 1].isalpha():
        k -= 1
    return folded[k:j]


def _month_mention(lex, folded, rev, hits, i, e, calendar, lang):
    """A month hit plus the day before it, the year after it (or English "September 2, 2025")."""
    start, end = hits[i][0], hits[i][1]
    consumed = 0
    # "مارس/آذار 2024", "آذار (مارس)": a second name of the same month
    if i + 1 < len(hits):
        nxt = hits[i + 1]
        ne = _entry(nxt[3], "month")
        if ne is not None and ne.value == e.value and _GAP_ALT.fullmatch(folded, end, nxt[0]):
            end = nxt[1]
            consumed = 1
            m = _CLOSE.match(folded, end)
            if m:
                end = m.end()
    if "needs_number" in e.flags and folded.startswith(".", end) and _ABBR_DOT.match(folded, end):
        end += 1     # "Sept. 2": the dot of an abbreviation (those rows need a number), not a full stop
    day = end_day = year = None
    n = len(folded)
    left = lex.left_day.match(rev, n - start)
    if left:
        near, far = left.group(1)[::-1], left.group(2)
        if far:
            day, end_day = int(far[::-1]), int(near)
        else:
            day = int(near)
        left_start = n - left.end()
    elif lex.left_day_word is not None:
        left = lex.left_day_word.match(rev, n - start)
        if left:
            day = lex.day_words.get(re.sub(r"\s+", " ", left.group(1)[::-1]))
            left_start = n - left.end()
            left = left if day else None
    if left:
        ry = lex.right_year.match(folded, end)
        if ry and _year_ok(int(ry.group(1)), calendar):
            year = int(ry.group(1))
            stop = ry.end()
        else:
            stop = end
        if end_day is not None and not (day < end_day and _valid(year, e.value, end_day, calendar)):
            end_day = None
        if _valid(year, e.value, day, calendar):
            yrel = None if year else _year_relative(folded, hits, i + 1 + consumed, stop)
            if yrel:
                stop = yrel[1]
            hint = None
            if not year and not yrel:       # "the coming 29 October" says which 29 October
                ml = lex.left_mod.match(rev, n - left_start) if lex.left_mod else None
                mr = lex.right_mod.match(folded, stop) if lex.right_mod else None
                hint = lex.modifiers.get(re.sub(r"\s+", " ", ml.group(1)[::-1])) if ml else \
                    lex.modifiers.get(re.sub(r"\s+", " ", mr.group(1))) if mr else None
            return _build(folded, left_start, stop, "absolute" if year else "day_month",
                          day=day, month=e.value, year=year, end_day=end_day, tense_hint=hint,
                          year_offset=yrel[0] if yrel else None, calendar=calendar), consumed
    # month first: "September 2, 2025", "Sep 2", "July 24-25, 2025"
    rd = lex.right_day.match(folded, end)
    if rd and calendar == "gregorian":
        d, d2, y = int(rd.group(1)), rd.group(2), rd.group(3)
        y = int(y) if y and _year_ok(int(y), calendar) else None
        if (lang == "en" or y) and _valid(y, e.value, d):
            ed = int(d2) if d2 and d < int(d2) <= 31 else None
            stop = rd.end() if y or not rd.group(3) else rd.start(3)
            return _build(folded, start, stop, "absolute" if y else "day_month", day=d,
                          month=e.value, year=y, end_day=ed, calendar=calendar), consumed
    ry = lex.right_year.match(folded, end)
    if ry and _year_ok(int(ry.group(1)), calendar):
        return _build(folded, start, ry.end(), "month_only", month=e.value,
                      year=int(ry.group(1)), calendar=calendar), consumed
    if "needs_number" in e.flags:
        return None, consumed
    return _build(folded, start, end, "month_only", month=e.value, calendar=calendar), consumed


def _build(folded, start, end, kind, **parts) -> dict:
    return {"start": start, "end": end, "kind": kind, **parts}


def _year_relative(folded: str, hits: list, j: int, end: int) -> tuple[int, int] | None:
    """("11 July") "last year" / "من العام الماضي" right after a day-month: (offset, end)."""
    if j < len(hits) and hits[j][3].kind == "year_relative" and not folded[end:hits[j][0]].strip(" ,"):
        return hits[j][3].value, hits[j][1]
    return None


def _weekday_mention(lex, folded, rev, hit, e):
    start, end = hit[0], hit[1]
    hint = None
    affixed = False
    if "not_after_definite_plural" in e.flags:      # "البلدين الاثنين" = "the two countries"
        prev = _prev_word(folded, start)
        if (prev.startswith("ال") and prev.endswith("ين")) or _next_word(folded, end) in ("معا",):
            return None
    if lex.left_weekday is not None:
        n = len(folded)
        m = lex.left_weekday.match(rev, n - start)
        if m and m.end() > n - start:
            if m.group(1):
                hint = lex.modifiers.get(re.sub(r"\s+", " ", m.group(1)[::-1]))
            start = n - m.end()
            affixed = True
    if lex.right_weekday is not None:
        m = lex.right_weekday.match(folded, end)
        if m:
            if m.group(1):
                hint = lex.modifiers.get(re.sub(r"\s+", " ", m.group(1)), hint)
            end = m.end()
            affixed = True
    if "needs_affix" in e.flags and not affixed:
        return None
    return _build(folded, start, end, "weekday", weekday=e.value, tense_hint=hint)


def _relative_mention(lex, folded, hits, i, e, text, omap):
    start, end = hits[i][0], hits[i][1]
    s0, e0 = omap.span(start, end)
    # "اليوم الوطني" is a day, not today, but "اليوم الخميس" is today; bare "غدا الأمر" may be
    # the verb "became", while "غداً" written with tanween is surely "tomorrow"
    if "not_before_definite" in e.flags and "\u064b" not in text[s0:e0 + 1]:
        nxt = _next_word(folded, end)
        if nxt.startswith("ال") and nxt not in _AL_PARTICLES:
            follows_weekday = (i + 1 < len(hits) and _entry(hits[i + 1][3], "weekday") is not None
                               and not folded[end:hits[i + 1][0]].strip(" ,"))
            if not follows_weekday:
                return None
    return _build(folded, start, end, "relative", offset_days=e.value)


_MUWAFIQ = fold("الموافق")


def _same_day_gap(folded: str, a: int, b: int) -> bool:
    """"الثلاثاء 9 ربيع الأول 1447هـ الموافق 2 سبتمبر": a Hijri date then "corresponding to"."""
    if b - a > 48 or b <= a:
        return False
    gap = folded[a:b].rstrip(" ,(")
    if gap.endswith("ل"):
        gap = gap[:-1].rstrip()
    return gap.endswith(_MUWAFIQ) and "\n" not in gap and "." not in gap


_PRIORITY = {"absolute": 0, "relative": 1, "day_month": 2, "weekday": 3, "month_only": 4}


def _merge(folded: str, lex: _Lexicon, ms: list[dict]) -> list[dict]:
    """Join neighbours: "أمس الخميس", "Tuesday, Sept 2", "31 August - 3 September 2025"."""
    out: list[dict] = []
    for m in ms:
        if out:
            p = out[-1]
            gap_ok = (_GAP_WS.fullmatch(folded, p["end"], m["start"]) is not None
                      or _same_day_gap(folded, p["end"], m["start"]))
            # relative or weekday followed by a weekday / date
            if gap_ok and p["kind"] in ("relative", "weekday") and m["kind"] in (
                    "weekday", "absolute", "day_month") and not (
                    p["kind"] == "weekday" and m["kind"] == "weekday") and not (
                    p["kind"] == "relative" and (m.get("tense_hint") or p.get("offset_days") is None)):
                merged = {**m, **{k: v for k, v in p.items() if v is not None}}
                merged["start"], merged["end"] = p["start"], m["end"]
                merged["kind"] = min(p["kind"], m["kind"], key=_PRIORITY.get)
                out[-1] = merged
                continue
            # a date then its weekday: "31 Ağustos Pazar günü", "2 September, Tuesday"
            if (gap_ok and p["kind"] in ("absolute", "day_month") and m["kind"] == "weekday"
                    and p.get("weekday") is None and not m.get("tense_hint")):
                p["weekday"], p["end"] = m["weekday"], m["end"]
                continue
            # ranges across months: "31 August - 3 September 2025"
            if (p["kind"] == "day_month" and m["kind"] in ("absolute", "day_month")
                    and p.get("calendar") == m.get("calendar")
                    and lex.range_gap.fullmatch(folded, p["end"], m["start"])):
                merged = dict(p)
                merged["end"] = m["end"]
                merged["end_day"], merged["end_month"] = m.get("day"), m.get("month")
                if m.get("year"):
                    merged["year"] = m["year"] - (1 if p["month"] > m["month"] else 0)
                    merged["kind"] = "absolute"
                out[-1] = merged
                continue
        out.append(m)
    return out


def _dates_from_text(ms: list[dict]) -> None:
    """What the text itself settles: a day+month written elsewhere with one single year is that
    date; a bare weekday that the text writes once with a full date ("Wednesday 19 June 2024")
    is that date. Both only when unambiguous within the text."""
    years: dict[tuple, set] = {}
    for m in ms:
        if m.get("year") and m.get("day"):
            years.setdefault((m.get("calendar"), m["month"], m["day"]), set()).add(m["year"])
    if not years:
        return
    for m in ms:
        if m["kind"] == "day_month" and not m.get("year") and m.get("year_offset") is None:
            ys = years.get((m.get("calendar"), m["month"], m["day"]))
            if ys and len(ys) == 1:
                m["year"] = next(iter(ys))
                m["from_text"] = True
    by_weekday: dict[int, set] = {}
    for m in ms:
        if m.get("weekday") is not None and m.get("year") and m.get("day"):
            d = _to_date(m["year"], m["month"], m["day"], m.get("calendar") or "gregorian")
            if d is not None and d.weekday() == m["weekday"]:
                by_weekday.setdefault(m["weekday"], set()).add(d)
    for m in ms:
        if (m["kind"] == "weekday" and not m.get("tense_hint")
                and len(by_weekday.get(m["weekday"], ())) == 1):
            d = next(iter(by_weekday[m["weekday"]]))
            m["day"], m["month"], m["year"], m["from_text"] = d.day, d.month, d.year, True


_LANG_ALIASES = {"ara": "ar", "arb": "ar", "eng": "en", "fra": "fr", "fre": "fr", "rus": "ru",
                 "fas": "fa", "per": "fa", "pes": "fa", "prs": "fa", "urd": "ur", "ita": "it",
                 "spa": "es", "deu": "de", "ger": "de", "tur": "tr"}


def find_dates(text: str, lang: str, folded: str | None = None) -> list[DateMention]:
    """Date mentions in `text` (original offsets), in reading order.

    `folded`: `fold(text)` when the caller already has it (saves folding the text again)."""
    return _find(text, lang, folded, False)


def find_dates_folded(text: str, lang: str, folded: str, drops=None) -> list[tuple[DateMention, int, int]]:
    """`find_dates(text, lang, folded)` with each mention's [start, end) in `folded` as well
    (`folded` must be `fold(text)`); saves mapping the offsets back. `drops`: optional
    callable giving the sorted positions of the characters fold drops from `text` (the
    caller may know them already)."""
    return _find(text, lang, folded, True, drops)


def _find(text: str, lang: str, folded: str | None, with_folded: bool, drops=None) -> list:
    if not text:
        return []
    lang = (lang or "").lower().replace("_", "-").split("-")[0]
    lang = _LANG_ALIASES.get(lang, lang)
    lex = _lexicon(lang)
    if folded is None:
        folded = _fold_fast(text)
    hits = _hits(lex, folded)
    rev = folded[::-1] if hits else ""
    omap = _OffsetMap(text, folded, drops)
    raw: list[dict] = []
    i = 0
    while i < len(hits):
        hit = hits[i]
        e = hit[3]
        kind = e.kind
        m = None
        skip = 0
        if kind == "month" or kind == "month_persian":
            cal = "persian" if kind == "month_persian" else "gregorian"
            m, skip = _month_mention(lex, folded, rev, hits, i, e, cal, lang)
            if m is not None and (lang == "en" or "capitalised" in e.flags):
                # English month names are capitalised: "may"/"march" are verbs
                if not text[omap(hit[0])].isupper():
                    m = None
        elif kind == "weekday":
            m = _weekday_mention(lex, folded, rev, hit, e)
        elif kind == "relative":
            m = _relative_mention(lex, folded, hits, i, e, text, omap)
        if m is not None:
            raw.append(m)
        i += 1 + skip
    for nm in _numeric_candidates(folded):
        parsed = _numeric(folded, nm, lang)
        if parsed is not None:
            raw.append(_build(folded, nm.start(), nm.end(), "absolute", **parsed))
    if not raw:
        return []
    raw.sort(key=_END_KEY, reverse=True)     # == sort by (start, -end), stable
    raw.sort(key=_START_KEY)
    dedup, reach = [], -1
    for r in raw:
        if r["start"] >= reach:
            dedup.append(r)
            reach = r["end"]
    merged = _merge(folded, lex, dedup)
    _dates_from_text(merged)
    out = []
    for r in merged:
        fs, fe = r.pop("start"), r.pop("end")
        s, e = omap.span(fs, fe)
        while e < len(text) and text[e] in _DROPPED:    # keep a trailing fatha/tanween/tatweel
            e += 1
        if r.get("calendar") is None:
            r.pop("calendar", None)
        r["start"], r["end"], r["phrase"], r["lang"] = s, e, text[s:e], lang
        out.append((_mention(r), fs, fe) if with_folded else _mention(r))
    return out


def _numeric_candidates(folded: str) -> list[re.Match]:
    """Digit groups joined by - / . ; found from the separators with str.find (C speed),
    since a regex scan for digits over non-Latin text costs ~30 ns per character."""
    out: list[re.Match] = []
    n = len(folded)
    reach = -1
    for sep in "-/.":
        i = folded.find(sep)
        while i != -1:
            if 0 < i < n - 1 and folded[i - 1].isdigit() and folded[i + 1].isdigit() and i > reach:
                j = i - 1
                while j > 0 and folded[j - 1].isdigit() and i - j < 4:
                    j -= 1
                m = _NUM_CAND.match(folded, j)
                if m:
                    out.append(m)
                    reach = m.end()
            i = folded.find(sep, i + 1)
        reach = -1
    return out


def _numeric(folded: str, m: re.Match, lang: str) -> dict | None:
    """2025-09-02, 13-7-2025, 13/07/2025, 02.09.2025 (day first; US month-first for en "/")."""
    s, e = m.span()
    if s > 0 and (folded[s - 1] in "/.:-" or folded[s - 1].isdigit()):
        return None
    if e < len(folded) and folded[e] in "/.:-" and folded[e + 1:e + 2].isdigit():
        return None
    sep = m.group(1)
    a, b, c = m.group().split(sep)
    if len(a) == 4 and len(b) <= 2 and len(c) <= 2:          # 2025-09-02
        y, mo, d = int(a), int(b), int(c)
    elif len(a) <= 2 and len(b) <= 2 and len(c) == 4:
        x, z, y = int(a), int(b), int(c)
        month_first = lang == "en" and sep == "/"          # US 9/2/2025
        if x > 12:
            month_first = False
        elif z > 12:
            month_first = True
        mo, d = (x, z) if month_first else (z, x)
    else:
        return None
    if not _year_ok(y, "gregorian") or not _valid(y, mo, d):
        return None
    return {"day": d, "month": mo, "year": y}


# ----------------------------------------------------------------------------- resolving

def _jalali_to_gregorian(jy: int, jm: int, jd: int) -> dt.date:
    """Solar Hijri (Persian) to Gregorian, 33-year-cycle arithmetic (valid ~1300-1500 AP)."""
    jy += 1595
    days = (-355668 + 365 * jy + (jy // 33) * 8 + ((jy % 33) + 3) // 4 + jd
            + ((jm - 1) * 31 if jm < 7 else (jm - 7) * 30 + 186))
    return dt.date(1, 1, 1) + dt.timedelta(days=days - 366)


def _jalali_year(d: dt.date) -> int:
    jy = d.year - 621
    return jy if d >= _jalali_to_gregorian(jy, 1, 1) else jy - 1


def _to_date(year: int, month: int, day: int, calendar: str) -> dt.date | None:
    try:
        if calendar == "persian":
            if not _valid(None, month, day, "persian"):
                return None
            return _jalali_to_gregorian(year, month, day)
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


_PAST = {"past", "occurred", "before"}
_FUTURE = {"future", "planned", "after"}


def _direction(tense: str | None) -> str | None:
    t = (tense or "").lower()
    return "past" if t in _PAST else "future" if t in _FUTURE else None


def resolve(m: DateMention, published: dt.date | None, tense: str | None = None) -> dt.date | None:
    """The calendar day a mention denotes, or None when a careful reader could not tell.

    Years in the text always win; everything else needs `published`. Day+month without a
    year takes the year that puts it on the side of `published` the tense says (1 day slack
    for time zones); with no tense, the nearest. Weekdays: most recent on/before published
    (past or unknown tense), next on/after (future); "last"/"next" words make it strict.
    A weekday whose date was copied from elsewhere in the text (`from_text`) uses that date
    only when `published` is None.
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    if m.kind == "month_only" or m.month is not None and m.day is None:
        return None
    copied_weekday = m.kind == "weekday" and m.from_text
    if m.year is not None and m.month is not None and m.day is not None and not (
            copied_weekday and published is not None):   # published_at beats a copied date
        return _to_date(m.year, m.month, m.day, m.calendar)
    if published is None:
        return None
    if m.year_offset is not None and m.month is not None and m.day is not None:
        if m.calendar == "persian":
            return _to_date(_jalali_year(published) + m.year_offset, m.month, m.day, "persian")
        return _to_date(published.year + m.year_offset, m.month, m.day, m.calendar)
    if m.offset_days is not None:
        return published + dt.timedelta(days=m.offset_days)
    if m.kind == "relative":
        return None
    direction = _direction(m.tense_hint) or _direction(tense)
    if m.month is not None and m.day is not None and not copied_weekday:
        return _resolve_day_month(m, published, direction)
    if m.weekday is not None:
        strict = m.tense_hint is not None
        if (m.tense_hint or direction) == "future":
            delta = (m.weekday - published.weekday()) % 7
            return published + dt.timedelta(days=delta or (7 if strict else 0))
        delta = (published.weekday() - m.weekday) % 7
        return published - dt.timedelta(days=delta or (7 if strict else 0))
    return None


def _resolve_day_month(m: DateMention, published: dt.date, direction: str | None) -> dt.date | None:
    base = published.year - (621 if m.calendar == "persian" else 0)
    cands = [d for y in (base - 1, base, base + 1)
             if (d := _to_date(y, m.month, m.day, m.calendar)) is not None]
    if m.weekday is not None:             # "Tuesday 2 September": the weekday picks the year
        agree = [d for d in cands if d.weekday() == m.weekday]
        if len(agree) == 1:
            return agree[0]
        cands = agree or cands
    if not cands:
        return None
    slack = dt.timedelta(days=1)
    if direction == "past":
        past = [d for d in cands if d <= published + slack]
        return max(past) if past else None
    if direction == "future":
        future = [d for d in cands if d >= published - slack]
        return min(future) if future else None
    return min(cands, key=lambda d: (abs((d - published).days), d > published))


_ISO_PREFIX = re.compile(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")


def parse_published(value) -> dt.date | None:
    """Publication day from an ISO 8601 date/datetime (also RFC 2822); None for anything else.

    The local date as written is kept (no conversion to UTC): it is the outlet's calendar day.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s:
        return None
    try:
        return dt.datetime.fromisoformat(s.replace("z", "Z")).date()
    except ValueError:
        pass
    m = _ISO_PREFIX.match(s)
    if m:
        try:
            d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
        return d if 1900 <= d.year <= 2100 else None
    try:
        return parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        return None


# ----------------------------------------------------------------------------- benchmark

# Own sample text (not from any evaluation article): a wire-style report of typical density.
_BENCH_AR = (
    "القاهرة (وكالات) - استقبل وزير الخارجية صباح اليوم الثلاثاء نظيره البرتغالي في مقر الوزارة "
    "بالعاصمة، حيث بحث الجانبان سبل تعزيز العلاقات الثنائية في مجالات الطاقة والزراعة والنقل "
    "البحري، إضافة إلى تطورات الأوضاع الإقليمية والجهود المبذولة لوقف التصعيد. وأكد الوزير خلال "
    "المؤتمر الصحفي المشترك أن بلاده تتطلع إلى رفع حجم التبادل التجاري إلى مستويات تليق بعمق "
    "العلاقات التاريخية بين البلدين، مشيرا إلى أن اللجنة الاقتصادية المشتركة ستعقد اجتماعها "
    "المقبل في لشبونة يومي 14 و15 أكتوبر. من جانبه، أعرب الوزير الضيف عن تقدير حكومته للدور "
    "الذي تقوم به القاهرة في دعم الاستقرار، لافتا إلى أن الشركات البرتغالية تبدي اهتماما متزايدا "
    "بالاستثمار في المنطقة الاقتصادية لقناة السويس ومشروعات الهيدروجين الأخضر. وكان الرئيس قد "
    "تلقى أمس اتصالا هاتفيا من رئيس الوزراء البرتغالي تناول الترتيبات الخاصة بالزيارة، كما "
    "استعرض الجانبان نتائج منتدى الأعمال الذي عقد في مارس/آذار 2024 بمشاركة أكثر من 120 شركة. "
    "وتأتي الزيارة في إطار جولة إقليمية تشمل الأردن والمغرب، وتستمر ثلاثة أيام. وأوضح المتحدث "
    "باسم الخارجية في بيان أن المباحثات تناولت كذلك ملفات الهجرة غير النظامية والتعاون في مجال "
    "التدريب الدبلوماسي، وأن الجانبين اتفقا على مواصلة التنسيق والتشاور إزاء القضايا ذات الاهتمام "
    "المشترك في المحافل الدولية، وفي مقدمتها الأمم المتحدة والاتحاد الأوروبي. واختتم البيان بالإشارة "
    "إلى أن الوزيرين وقعا على هامش اللقاء مذكرة تفاهم بشأن المشاورات السياسية الدورية بين "
    "الوزارتين، على أن تعقد الجولة الأولى منها خلال النصف الأول من العام المقبل. "
)


def bench_find_dates(repeat: int = 2000, lang: str = "ar", text: str | None = None) -> dict:
    """Median/p95 cost of find_dates on a ~3 KB article (own sample text unless given)."""
    if text is None:
        text = (_BENCH_AR * (3000 // len(_BENCH_AR.encode("utf-8")) + 1))
        text = text[: len(text) * 3000 // len(text.encode("utf-8"))]
    find_dates(text, lang)            # warm the lexicon cache
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        find_dates(text, lang)
        times.append(time.perf_counter() - t0)
    times.sort()
    return {
        "bytes": len(text.encode("utf-8")),
        "mentions": len(find_dates(text, lang)),
        "median_us": round(statistics.median(times) * 1e6, 1),
        "p95_us": round(times[int(len(times) * 0.95)] * 1e6, 1),
    }


def _main(argv: list[str]) -> None:
    """`python -m streams.events.dates [ARTICLES.jsonl]`: sample-text figures, and per-article
    figures (median cost per 3 KB, Arabic lexicon) for a JSON Lines file of articles with a
    `text` field (e.g. ../shared/eval/dev/articles.jsonl)."""
    import json
    print("sample ar:", bench_find_dates())
    if argv:
        per3k = []
        for line in Path(argv[0]).read_text(encoding="utf-8").splitlines():
            text = (json.loads(line).get("text") or "") if line.strip() else ""
            if len(text) < 200:
                continue
            r = bench_find_dates(repeat=50, lang="ar", text=text)
            per3k.append(r["median_us"] * 3000 / r["bytes"])
        print(f"{len(per3k)} articles: median {statistics.median(per3k):.1f} us per 3 KB, "
              f"max {max(per3k):.1f}")


if __name__ == "__main__":
    import sys
    _main(sys.argv[1:])
