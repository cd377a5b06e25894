"""Multilingual gazetteer: countries, demonyms, cities, organisations and leaders.

One Aho-Corasick automaton per language (pyahocorasick), built lazily from the committed
data files under ``streams/data/gazetteer`` (see the README there; ``scripts/build_gazetteer.py``
regenerates ``built/``). Input text must already be folded with ``streams.text.normalize.fold``;
every surface is folded the same way when the automaton is built.

Matching rules, applied on top of the raw automaton hits:
- whole words only: Latin/Cyrillic surfaces need a non-alphanumeric character on both sides;
- Arabic-script surfaces may carry glued proclitics (و ف ب ل ك, ال and their combinations,
  e.g. والصين، لفيتنام، بالصين، وللصين، الروسي، للرئيس); surfaces that start with ال are also
  indexed without it and then *require* an article-bearing prefix (ال، وال، بال، لل ...);
- Persian/Urdu: a few glued suffixes (ی، ای، ها) after ZWNJ removal are accepted; Turkish:
  plural/case endings after demonyms (Ruslar);
- ``[ctx]`` in a surface is context that must be present but is not part of the mention
  (``[the ]us`` matches "us" only after "the ");
- kind ``stop`` surfaces win the longest match and emit nothing (blocks false friends);
- longest match wins, then leftmost; overlapping shorter hits are dropped;
- ambiguous surfaces (``ambiguous.tsv``) take an alternative reading only when the rest of
  the text supports it (e.g. عمان is Oman unless Jordan is mentioned and Oman is not).
"""
from __future__ import annotations

import datetime as _dt
import functools
import operator
import re
import time
from pathlib import Path
from typing import NamedTuple

import ahocorasick

from streams.events.names import SkeletonIndex
from streams.lang import has_profile, profile
from streams.text.normalize import fold

DATA = Path(__file__).resolve().parents[1] / "data" / "gazetteer"
BUILT = DATA / "built"

KINDS = ("country", "adj", "city", "capital", "metonym", "org", "leader")

_AL = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال", "فبال", "وكال", "فكال")
# How many trailing characters of each article-bearing prefix are the article itself.
_AL_TAIL = {p: (1 if p.endswith("لل") else 2) for p in _AL}
_PROCLITICS = frozenset(("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك") + _AL)
_MAX_PREFIX = 4

# Priority when the same folded key has several readings (lower wins).
_KIND_RANK = {"stop": 0, "leader": 1, "org": 2, "country": 3, "adj": 4, "metonym": 5, "capital": 6, "city": 7}


class Mention(NamedTuple):
    start: int
    end: int
    surface: str
    code: str
    kind: str
    role: str | None = None
    name: str | None = None


class _Entry(NamedTuple):
    code: str
    kind: str
    role: str | None
    name: str | None
    valid_from: _dt.date | None
    valid_to: _dt.date | None
    amb: str | None            # key into the ambiguity table, or None


class _Key(NamedTuple):
    length: int                # length of the whole key (with context)
    lt: int                    # leading context characters (not part of the mention)
    rt: int                    # trailing context characters
    arabic: bool               # Arabic-script key: proclitic-aware left boundary
    entries: tuple             # tuple[_Entry, ...] readings with any (or no) proclitic
    al_entries: tuple          # readings of "ال"+key: used when the glued prefix carries an article


class _Amb(NamedTuple):
    alt_code: str
    alt_kind: str
    if_codes: frozenset        # alt reading needs one of these codes elsewhere in the text
    unless_codes: frozenset    # ... and no other mention (leaders included) carries one of these
    unless_surfaces: tuple     # ... and none of these folded surfaces in the text


_TA_MARBUTA = re.compile(r"ة\b")
_BY_LENGTH_THEN_START = operator.itemgetter(0, 1)   # hits: (-length, key start, key end, start, end, readings)
_BY_START = operator.itemgetter(1)
_BY_MENTION_START = operator.itemgetter(0)
_new = tuple.__new__          # Mention(...) without the keyword-argument __new__ wrapper


def _split_ctx(surface: str) -> tuple[str, int, int]:
    """'[the ]us' -> ('the us', 4, 0); 'us[ president]' -> ('us president', 0, 10)."""
    lt = rt = 0
    if surface.startswith("["):
        close = surface.index("]")
        lt = close - 1
        surface = surface[1:close] + surface[close + 1:]
    if surface.endswith("]"):
        open_ = surface.rindex("[")
        rt = len(surface) - open_ - 2
        surface = surface[:open_] + surface[open_ + 1:-1]
    return surface, lt, rt


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufefc"


def _date(s: str) -> _dt.date | None:
    s = s.strip()
    return _dt.date.fromisoformat(s) if s else None


def _read_tsv(path: Path):
    if not path.exists():
        return
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            yield line.split("\t")


_RU_VOWELS = set("аеёиоуыэюя")


def _ru_word_cases(w: str) -> list[str] | None:
    """Genitive, dative, instrumental, prepositional of a Russian name word (None: indeclinable)."""
    low = w.lower()
    last = low[-1:]
    if not last or not ("а" <= last <= "я" or last == "ё"):
        return None
    if last in ("ь", "й"):
        return [w[:-1] + e for e in ("я", "ю", "ем", "е")]
    if last == "а":
        gen = "и" if low[-2:-1] in "гкхжчшщ" else "ы"
        return [w[:-1] + e for e in (gen, "е", "ой", "е")]
    if last in _RU_VOWELS:
        return None
    ins = "ым" if low.endswith(("ов", "ев", "ёв", "ин", "ын")) else ("ем" if last in "жшчщц" else "ом")
    return [w + e for e in ("а", "у", ins, "е")]


def _ru_forms(name: str) -> list[str]:
    """'Владимир Путин' -> nominative plus the four oblique case forms (all words declined for
    one- or two-word names, only the last word for longer, e.g. East Asian, names)."""
    words = name.split()
    first = 0 if len(words) <= 2 else len(words) - 1
    cases = [(_ru_word_cases(w) if i >= first else None) for i, w in enumerate(words)]
    out = [name]
    for k in range(4):
        out.append(" ".join(c[k] if c else w for w, c in zip(words, cases)))
    return out


def _leader_langs(lang: str) -> tuple[str, ...]:
    """Which surface columns of leaders.tsv serve a language (its profile's `leader_columns`)."""
    return profile(lang).leader_columns if has_profile(lang) else ("en",)


def _script(lang: str) -> str:
    return profile(lang).script if has_profile(lang) else "latin"


def _table_langs(lang: str) -> tuple[str, ...]:
    if lang == "en":
        return ("en", "common")
    known = {p.stem for p in BUILT.glob("*.tsv")}
    if lang not in known:
        return ("en", "common")
    if _script(lang) != "latin":     # Arabic-script and Cyrillic text also reads the English table
        return (lang, "en", "common")
    return (lang, "common")


class Gazetteer:
    """Aho-Corasick matcher for one language; use :func:`gazetteer` to get a cached one."""

    def __init__(self, lang: str):
        self.lang = (lang or "en").lower().split("-")[0].split("_")[0]
        # endings glued to a name or demonym: Persian/Urdu ezafe, plural and enclitics behind a ZWNJ
        # ("همتای پاکستانی‌اش"), Turkish plural/case endings (Ruslar, İranlıların)
        self._suffixes = tuple(fold(x) for x in profile(self.lang).name_suffixes) if has_profile(self.lang) else ()
        raw: dict[str, list] = {}
        for tl in _table_langs(self.lang):
            for row in _read_tsv(BUILT / f"{tl}.tsv"):
                if len(row) < 3:
                    continue
                kind, code, surface = row[0], row[1], row[2]
                self._add(raw, surface, _Entry(code, kind, None, None, None, None, None))
        cols = _leader_langs(self.lang)
        # Arabic-script spellings of a name are also indexed by their skeleton (names.py):
        # transliterations the table does not list still match
        self._skel = SkeletonIndex() if _script(self.lang) == "arabic" else None
        header = None
        for row in _read_tsv(DATA / "leaders.tsv"):
            if header is None and row[0] == "code":
                header = row
                continue
            if header is None or len(row) < 5:
                continue
            rec = dict(zip(header, row))
            e = _Entry(rec["code"], "leader", rec["role"] or None, rec["name"],
                       _date(rec["from"]), _date(rec["to"]), None)
            for col in cols:
                for s in (rec.get(col) or "").split("|"):
                    s = s.strip()
                    forms = _ru_forms(s[:-1]) if s.endswith("~") else [s]
                    if col in ("ar", "fa") and "غ" in s:   # foreign g: غ or ج (Egyptian spelling)
                        forms.append(s.replace("غ", "ج"))
                    if "ة" in s:    # word-final ة also written ه (Egyptian/Levantine spelling)
                        forms += [_TA_MARBUTA.sub("ه", f) for f in list(forms)]
                    for form in forms:
                        if form:
                            self._add(raw, form, e)
                    if self._skel is not None and col in ("ar", "fa") and s:
                        self._skel.add(fold(s), e)
        self._amb: dict[str, _Amb] = {}
        for row in _read_tsv(DATA / "ambiguous.tsv"):
            if len(row) < 6 or row[0] == "lang" or row[0] not in _table_langs(self.lang):
                continue
            surf = fold(row[1])
            self._amb[surf] = _Amb(row[4], row[5],
                                   frozenset(x for x in (row[6] if len(row) > 6 else "").split("|") if x),
                                   frozenset(x for x in (row[7] if len(row) > 7 else "").split("|") if x),
                                   tuple(fold(x) for x in (row[8] if len(row) > 8 else "").split("|") if x))
        self._auto = ahocorasick.Automaton()
        for key, (lt, rt, plain, with_al) in raw.items():
            surf = key[lt:len(key) - rt]
            ranked = []
            for group, amb_surf in ((plain, surf), (with_al, "ال" + surf)):
                group = self._rank(group) if group else ()
                if amb_surf in self._amb:
                    group = tuple(e._replace(amb=amb_surf) for e in group)
                ranked.append(group)
            self._auto.add_word(key, _Key(len(key), lt, rt, _is_arabic(key[lt]), ranked[0], ranked[1]))
        if len(self._auto):
            self._auto.make_automaton()
        self.size = len(raw)

    @staticmethod
    def _rank(entries: list) -> tuple:
        leaders = [e for e in entries if e.kind == "leader"]
        if leaders:   # every term of office, most recent first: open or latest end, then latest start
            return tuple(sorted(leaders, key=lambda e: (e.valid_to or _dt.date.max, e.valid_from or _dt.date.min),
                                reverse=True))
        best = min(entries, key=lambda e: _KIND_RANK.get(e.kind, 9))
        return (best,)

    @staticmethod
    def _add(raw: dict, surface: str, entry: _Entry) -> None:
        folded = fold(surface).strip()
        if not folded:
            return
        key, lt, rt = _split_ctx(folded)
        if not key[lt:len(key) - rt].strip():
            return
        variants = [(key, lt, rt, 2)]
        if lt == 0 and key.startswith("ال") and len(key) > 4:
            variants.append((key[2:], 0, rt, 3))   # stored among the "with article" readings
        for k, l, r, slot_idx in variants:
            slot = raw.get(k)
            if slot is None:
                slot = raw[k] = (l, r, [], [])
            if entry not in slot[slot_idx]:
                slot[slot_idx].append(entry)

    # ------------------------------------------------------------------ matching
    @staticmethod
    def _left(text: str, start: int, al_entries: tuple, entries: tuple) -> tuple[int, tuple]:
        """Arabic key preceded by a letter: accept glued proclitics (و ف ب ل ك, ال, لل, وال...).
        Returns (mention start, readings), or (-1, ()) when the prefix is part of another word."""
        ws = start - 1
        floor = max(0, start - _MAX_PREFIX - 1)
        while ws > floor and text[ws - 1].isalnum():
            ws -= 1
        if ws > 0 and text[ws - 1].isalnum():
            return -1, ()
        prefix = text[ws:start]
        tail = _AL_TAIL.get(prefix)
        if tail and al_entries:
            return start - tail, al_entries
        if entries and prefix in _PROCLITICS:
            return start, entries
        return -1, ()

    def _right_ok(self, text: str, end: int) -> bool:
        if end >= len(text) or not text[end].isalnum():
            return True
        for suf in self._suffixes:
            e2 = end + len(suf)
            if text.startswith(suf, end) and (e2 >= len(text) or not text[e2].isalnum()):
                return True
        return False

    def find(self, text: str, on: _dt.date | None = None) -> list[Mention]:
        """Mentions in folded `text`, longest-match, non-overlapping, in text order."""
        if not text or not isinstance(text, str) or not self.size:
            return []
        n = len(text)
        suffixes = self._suffixes
        hits = []
        append = hits.append
        for last, (length, lt, rt, arabic, entries, al_entries) in self._auto.iter(text):
            end = last + 1
            if end < n and text[end].isalnum() and text[last].isalnum():
                if not suffixes or not self._right_ok(text, end):
                    continue
            kstart = end - length
            if kstart == 0 or not text[kstart - 1].isalnum():
                if lt:
                    append((kstart - end, kstart, end, kstart + lt, end - rt, entries))
                elif entries:
                    append((kstart - end, kstart, end, kstart, end - rt, entries))
                continue
            if lt or not arabic:
                continue
            # Gazetteer._left, inlined: glued proclitics before an Arabic key
            ws = kstart - 1
            floor = kstart - _MAX_PREFIX - 1
            if floor < 0:
                floor = 0
            while ws > floor and text[ws - 1].isalnum():
                ws -= 1
            if ws > 0 and text[ws - 1].isalnum():
                continue
            prefix = text[ws:kstart]
            tail = _AL_TAIL.get(prefix)
            if tail and al_entries:
                s = kstart - tail
                append((s - end, s, end, s, end - rt, al_entries))
            elif entries and prefix in _PROCLITICS:
                append((kstart - end, kstart, end, kstart, end - rt, entries))
        if not hits:
            return self._skeleton_leaders(text, on, [], ()) if self._skel else []
        if len(hits) > 1:
            # Longest key first (context and article included), then leftmost; drop overlaps.
            hits.sort(key=_BY_LENGTH_THEN_START)
            occupied = bytearray(n + 1)
            chosen = []
            for h in hits:
                ks, ke = h[1], h[2]
                if occupied.find(1, ks, ke) != -1:
                    continue
                occupied[ks:ke] = b"\x01" * (ke - ks)
                chosen.append(h)
            chosen.sort(key=_BY_START)
        else:
            chosen = hits
        out: list[Mention] = []
        amb_pending = []
        for _neg, _ks, _ke, s, e, entries in chosen:
            entry = entries[0]
            if entry.kind == "leader":
                entry = self._pick(entries, on)
                if entry is None:
                    continue
                out.append(_new(Mention, (s, e, text[s:e], entry.code, "leader", entry.role, entry.name)))
                continue
            if entry.kind == "stop":
                continue
            if entry.amb is not None:
                amb_pending.append((len(out), entry.amb))
            out.append(_new(Mention, (s, e, text[s:e], entry.code, entry.kind, None, None)))
        for idx, surf in amb_pending:
            out[idx] = self._resolve(out, idx, surf, text)
        if self._skel:
            out = self._skeleton_leaders(text, on, out, chosen)
        return out

    def _skeleton_leaders(self, text: str, on, out: list[Mention], chosen) -> list[Mention]:
        """Leaders whose name matches by skeleton where the exact pass found nothing."""
        found = []
        for s, e, entries in self._skel.find(text):
            if any(ks < e and s < ke for _n, ks, ke, *_ in chosen):
                continue
            entry = self._pick(self._rank(entries), on)
            if entry is not None:
                found.append(_new(Mention, (s, e, text[s:e], entry.code, "leader", entry.role, entry.name)))
        if not found:
            return out
        return sorted(out + found, key=_BY_MENTION_START)

    @staticmethod
    def _pick(entries: tuple, on: _dt.date | None) -> _Entry | None:
        first = entries[0]
        if first.kind != "leader":
            return first
        if on is None:
            return first             # the most recent term (see _rank)
        for e in entries:
            if (e.valid_from is None or e.valid_from <= on) and (e.valid_to is None or on < e.valid_to):
                return e
        return None

    def _resolve(self, out: list[Mention], idx: int, surf: str, text: str) -> Mention:
        amb = self._amb[surf]
        others = {m.code for j, m in enumerate(out) if j != idx and m.kind != "leader" and m.surface != out[idx].surface}
        leaders = {m.code for m in out if m.kind == "leader"}
        if amb.if_codes and not (amb.if_codes & (others | leaders)):
            return out[idx]
        if amb.unless_codes & (others | leaders):
            return out[idx]
        if any(s in text for s in amb.unless_surfaces):
            return out[idx]
        return out[idx]._replace(code=amb.alt_code, kind=amb.alt_kind)


@functools.lru_cache(maxsize=32)
def gazetteer(lang: str | None) -> Gazetteer:
    """The cached gazetteer for an ISO 639-1 language (unknown -> English + acronyms)."""
    return Gazetteer(lang or "en")


def bench_find(lang: str = "ar", text: str | None = None, repeat: int = 300) -> dict:
    """Median and p95 find() time in µs on a ~3 KB folded text, plus build time and size."""
    t0 = time.perf_counter()
    Gazetteer(lang)                      # a fresh build, timed; the cached one is used below
    build_ms = (time.perf_counter() - t0) * 1000
    g = gazetteer(lang)
    if text is None:
        para = ("استقبل الرئيس الروسي فلاديمير بوتين في الكرملين بموسكو اليوم الثلاثاء نظيره الفيتنامي "
                "وبحث معه العلاقات الثنائية، فيما التقى وزير الخارجية سيرغي لافروف نظيره الصيني وانغ يي "
                "في بكين على هامش اجتماع منظمة شنغهاي للتعاون، وأكد الجانبان دعم الأمم المتحدة. ")
        text = (para * (3000 // len(para.encode("utf-8")) * 2 + 1))[:3000 // 2 * 2]
        while len(text.encode("utf-8")) > 3072:
            text = text[:-50]
    text = fold(text)
    times = []
    n = 0
    for _ in range(repeat):
        t = time.perf_counter()
        n = len(g.find(text))
        times.append(time.perf_counter() - t)
    times.sort()
    return {"lang": lang, "bytes": len(text.encode("utf-8")), "mentions": n, "keys": g.size,
            "build_ms": round(build_ms, 1), "median_us": round(times[len(times) // 2] * 1e6, 1),
            "p95_us": round(times[int(len(times) * 0.95)] * 1e6, 1)}


if __name__ == "__main__":  # python -m streams.events.gazetteer
    import os

    import psutil

    proc = psutil.Process(os.getpid())
    rss0 = proc.memory_info().rss
    gazetteer("ar"), gazetteer("en")
    rss1 = proc.memory_info().rss
    print({"rss_growth_mb_ar_en": round((rss1 - rss0) / 2**20, 1)})
    for lang in ("ar", "en"):
        print(bench_find(lang) if lang == "ar" else bench_find(lang, text=(
            "Russian President Vladimir Putin met Chinese leader Xi Jinping in Beijing on Tuesday, "
            "while the U.S. and the EU discussed NATO with Türkiye's foreign minister. ") * 20))
