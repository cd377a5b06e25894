"""Event coder: cleaned article text -> diplomatic event records (streams/schemas/event.schema.json).

Pipeline per article, all linear in the text:
fold (streams.text.normalize) -> one gazetteer pass + one lexicon pass (Aho-Corasick) ->
sentences -> per trigger: parties and places (actors.analyse), status, date, background ->
merge mentions of one event -> article-level rules (host talks during a reported trip are
background; later events unrelated to the lead are background) -> records with
deterministic ids. A bug raises (the agent dead-letters the article as `internal_error`).
"""
from __future__ import annotations

import bisect
import functools
import datetime as dt
import operator
import re
from typing import Any

from streams.events import actors, confidence, ids, ruleset, sentences
from streams.events.offsets import Folded
from streams.text.normalize import fold
from streams.events.triggers import lexicon
from streams.events.types import TYPES, cameo
from streams.lang import profile, union

from streams.events.dates import find_dates, find_dates_folded, resolve
from streams.events.gazetteer import gazetteer

SCHEMA_VERSION = "2.0"
TITLE_SEARCH = 2000         # a title already printed in the head of the text is not read twice
MAX_TITLE = 1000
MAX_CHARS = 60_000          # bounded work on hostile input: longer texts are truncated
MAX_PER_SENTENCE = 40       # ... and so are the mentions, roles and cues read in one sentence
MAX_MENTIONS = 400          # ... and the event mentions collected in one article
TEASER_CHARS = 250          # at most this much after an embedded heading is teaser text
TEASER_TAIL = 0.4          # a "read also" heading past this share of the text starts the tail
LEAD_SENTENCES = 3          # the article's own news is told first
WINDOW_BEFORE = 90          # chars before a trigger where planned/recall cues apply
CLAUSE_REACH = 240          # a `clause` cue (German "wird" ... infinitive) reaches its whole clause
WINDOW_AFTER = 120          # ... and after it (only `after` cues, never across a comma)
OLD_NEWS = dt.timedelta(days=20)
STAMP_GAP = 4               # chars between a publication-stamp word and the date it stamps
VERB_FINAL_GAP = 2          # words between a verb-final trigger and its tense auxiliary ("دستخط کریں گے")
RECALL_BEFORE = 35         # recall cues bind tighter: "earlier, X announced that Y is visiting"
_URL = re.compile(r"(?:https?://|www\.)\S+")

_POS = operator.itemgetter(0)      # Place.pos


def _published(value: Any) -> dt.date | None:
    if not value or not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


_CLAUSE = set(",;:()\"«»")
_QUANTITY = re.compile(r"[ \t\u00a0]+(?:\S{1,3}[ \t\u00a0]+)?[\d٠-٩۰-۹]+(?![\d٠-٩۰-۹/-])")     # an amount right after the verb, not a date
_PAGE_DATE = re.compile(r"\s{0,4}(?:date\s+)?((?:19|20)\d\d)-(\d\d)(?:-(\d\d))?(?!\d)")
_SINCE = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(union("since"), key=len, reverse=True)))
                    + r")(?:\s+[^\s,.;:]+){0,6}\s+$")
# r"(?<!\d)(?:19|20)\d\d(?!\d)" with the lookbehind moved after the literal digits, so the
# regex engine can skip to "1"/"2" instead of trying the lookbehind at every position
_YEAR = re.compile(r"(?:19|20)(?<!\d..)\d\d(?!\d)")


def _status(trig, cues, text: str, pub_day: dt.date | None = None, end: int | None = None,
            verb_final: bool = False, verbs=(), future: re.Pattern | None = None) -> tuple[str, bool]:
    """(status, recalled) from the trigger's own flags, nearby cues and earlier years.

    A noun trigger that needs a signing verb ("accords ... seront signés", "MoUs are likely to
    be signed") takes its tense from that verb as well (`verbs`). In a verb-final language the
    auxiliary follows the verb ("دستخط کریں گے", "به امضا خواهد رسید"), so a planned cue after
    the trigger in the same clause counts there without an `after` flag."""
    planned = "planned" in trig.flags or any("planned" in v.flags for v in verbs)   # "firmarán un acuerdo"
    if future is not None and not planned:   # "Görüşme İstanbul'da yapılacak": a future verb in the clause after
        m = future.search(text, trig.end, min(len(text), trig.end + WINDOW_AFTER))
        planned = m is not None and _CLAUSE.isdisjoint(text[trig.end:m.start()])
    recalled = False
    noun = "needs_sign" in trig.flags       # an agreement noun has no tense of its own
    for c in cues:
        before = c.end <= trig.start and (trig.start - c.end <= WINDOW_BEFORE or (
            "clause" in c.flags and trig.start - c.end <= CLAUSE_REACH and _CLAUSE.isdisjoint(text[c.end:trig.start])))
        closes = noun and verb_final and c.label == "planned" and c.start >= trig.end and _clause_final(c, text, end)
        after = c.start >= trig.end and (c.start - trig.end <= WINDOW_AFTER or closes) \
            and ("after" in c.flags or closes or (verb_final and c.label == "planned"
                                                   and actors._gap_ok(text, trig.end, c.start, VERB_FINAL_GAP))) \
            and _CLAUSE.isdisjoint(text[trig.end:c.start])
        if not (before or after):
            if c.label == "planned" and any(_tense_of(v, c, text, verb_final) for v in verbs):
                planned = True
            continue
        if "near" in c.flags and (not before or len(text[c.end:trig.start].split()) > 1):
            continue
        if c.label == "recall" and before and trig.start - c.end > RECALL_BEFORE:
            continue
        if c.label == "planned":
            planned = True
        elif c.label == "recall":
            recalled = True
    a, b = max(0, trig.start - 20), min(len(text), trig.end + WINDOW_AFTER, len(text) if end is None else end)
    if pub_day is not None and (text.find("19", a, b) >= 0 or text.find("20", a, b) >= 0):   # not the next sentence
        for m in _YEAR.finditer(text, a, b):
            if int(m.group()) < pub_day.year and not _SINCE.search(text, max(0, m.start() - 48), m.start()):
                recalled = True       # "in March 2023" -- but not "the first visit since 2017",
                #                       "منذ توتر العلاقات بين البلدين عام 2013"
    return ("planned" if planned else "occurred"), recalled


def _clause_final(c, text: str, end: int | None) -> bool:
    """A cue that closes its clause: in a verb-final language the auxiliary there carries the
    tense of a tenseless noun anywhere in the clause ("... دستخط کی تقریب میں بھی شرکت کریں گے۔", "... imzalanması ...
    bekleniyor.")."""
    rest = text[c.end:c.end + 4].lstrip()
    return (end is not None and c.end >= end - 1) or rest[:1] in ("", ".", "۔", "!", "?", "؟", ",", "،", ";", ":")


@functools.lru_cache(maxsize=32)
def _future_forms(suffixes: tuple[str, ...]) -> re.Pattern | None:
    """A word carrying one of a language's future endings, with whatever case or person follows
    ("yapılacak", "gerçekleştirileceğini", "görüşecekler")."""
    if not suffixes:
        return None
    alt = "|".join(map(re.escape, sorted({fold(x) for x in suffixes}, key=len, reverse=True)))
    return re.compile(r"\w(?:" + alt + r")\w{0,8}\b")


def _tense_of(verb, c, text: str, verb_final: bool) -> bool:
    """A tense cue bound to a signing verb: right before it ("will sign", "seront signés"), or
    in a verb-final language right after it, in the same clause."""
    if c.end <= verb.start:
        return verb.start - c.end <= 30 and _CLAUSE.isdisjoint(text[c.end:verb.start])
    return verb_final and c.start >= verb.end and actors._gap_ok(text, verb.end, c.start, VERB_FINAL_GAP)


def _negated(trig, cues, text: str) -> bool:
    for c in cues:
        if c.label == "negation" and c.end <= trig.start and trig.start - c.end <= 12 \
                and len(text[c.end:trig.start].split()) <= 1:
            return True
        # "wide" cues (cancelled, postponed, أرجأ) reach further within the clause; with "after"
        # also behind the trigger ("the visit was postponed")
        if c.label == "negation" and "wide" in c.flags:
            if c.end <= trig.start and trig.start - c.end <= 60 and _CLAUSE.isdisjoint(text[c.end:trig.start]):
                return True
            if "after" in c.flags and c.start >= trig.end and c.start - trig.end <= 60 \
                    and _CLAUSE.isdisjoint(text[trig.end:c.start]):
                return True
    return False


def _pick_date(trig, dmentions, s: int, e: int, status: str, published: dt.date | None,
               trig_type: str = "", month: tuple[int, int] | None = None):
    """Nearest date phrase of the sentence (folded offsets) resolved for the trigger's tense."""
    best = None
    for dm, fs, fe in dmentions:
        if fs < s or fe > e:
            continue
        dist = trig.start - fe if fe <= trig.start else fs - trig.end
        dist = max(dist, 0)
        if best is None or dist < best[0]:
            best = (dist, dm)
    if best is None:
        return None, None, None
    dm = best[1]
    if getattr(dm, "end_day", None) is not None and trig_type in ("meeting", "call"):
        return None, dm.phrase, dm      # a span ("31 Aug - 1 Sep") dates the summit, not the talks
    tense = dm.tense_hint or ("future" if status == "planned" else "past")     # "le 19 novembre prochain"
    if published is None and month is not None and dm.day is not None and dm.month is not None \
            and dm.year is None and getattr(dm, "calendar", "gregorian") == "gregorian":
        # the page's date line gives only its month ("date 2020-04"): a day and month without a
        # year take that month's year, reading from the month's first day ahead or its last back
        y, mo = month
        published = dt.date(y, mo, 1) if tense == "future" else \
            (dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1))
    day = resolve(dm, published, tense)
    return (day.isoformat() if day else None), dm.phrase, dm


def _span(dm, dmentions) -> tuple[int, int]:
    """Where a picked date mention sits in the folded text."""
    return next((fs, fe) for d, fs, fe in dmentions if d is dm)


def _bound(dm, dmentions, trigger: tuple[int, int], text: str) -> bool:
    """A date in the trigger's own clause ("will meet on 31 October next"), not one a comma
    away that dates something else ("..., ahead of the debate on 31 October next")."""
    fs, fe = _span(dm, dmentions)
    a, b = (fe, trigger[0]) if fe <= trigger[0] else (trigger[1], fs)
    return _CLAUSE.isdisjoint(text[a:b]) and not set("،؛").intersection(text[a:b])


def _starts_now(dm, dmentions, trigger: tuple[int, int], text: str, verb_final: bool) -> bool:
    """"Today" that dates the trip itself (H3: "will arrive today", "بدءا من اليوم", verb-final
    "bugün Türkiye'ye geleceği"), not the day of its announcement ("announced today that X will visit")."""
    if dm.offset_days != 0 or dm.day:
        return False
    fs, fe = _span(dm, dmentions)
    return fs >= trigger[0] or (verb_final and fe <= trigger[0] and actors._gap_ok(text, fe, trigger[0], 2))


def _codes(parties) -> list[str]:
    seen: list[str] = []
    for p in parties:
        if p.code and p.code not in seen:
            seen.append(p.code)
    return seen


def _meeting_place(locs, trig, parties, text, s=0):
    """Where talks happen: a place after the trigger (a city, or a country right after the
    trigger or a party: "met X in Qatar"), else one before it. "The war in Ukraine" further
    away is a topic, and a dateline ("CAIRO, Feb 12 -") is where the story was filed."""
    anchors = None

    def near(pl):
        nonlocal anchors
        if anchors is None:
            anchors = [trig.end] + [p.end for p in parties]
        return any(0 <= pl.pos - a <= 30 and len(text[a:pl.pos].split()) <= 3 for a in anchors)

    def dateline(pl):
        return pl.pos == s and text[pl.end:pl.end + 2].lstrip()[:1] in (",", "(", "-")

    for after in (True, False):       # places after the trigger first, then the nearest before it
        for pl in (locs if after else reversed(locs)):
            if (pl.pos >= trig.end if after else pl.pos < trig.start) \
                    and (pl.place or (pl.marker in ("loc", "dest") and near(pl))) and not dateline(pl):
                return pl
    return None


def _not_topics(places, cues, text):
    """Drop places right after a topic word ("the situation in Gaza", "talks on Ukraine",
    "الأوضاع في غزة"): what was discussed, not where."""
    topics = [c for c in cues if c.label == "topic"]
    if not topics:
        return places
    return [pl for pl in places if not any(c.end <= pl.pos and actors._gap_ok(text, c.end, pl.pos, 1)
                                           for c in topics)]


def _origin(trigs, places) -> str | None:
    """The state a trip starts from: the place a departure verb leaves ("غادر عدن متوجها إلى
    موسكو", "left Islamabad for Beijing"), else a place after "from"."""
    for lt in trigs:
        if "leave" in lt.flags:
            left = next((pl for pl in sorted(places, key=_POS) if pl.pos >= lt.end), None)
            if left is not None and left.marker not in ("dest", "loc"):
                return left.code
    return next((pl.code for pl in places if pl.marker == "from"), None)


def _joined(first, items, text, exclude: set, backward: bool) -> list:
    """The places or states listed with `first` ("Egypt and Tunisia", "X, Y ve Z'a"): after it,
    or before it with `backward`, each joined to the previous by "and" or a comma."""
    out, prev = [], first
    for pl in sorted(items, key=_POS, reverse=backward):
        if (pl.end > prev.pos) if backward else (pl.pos < prev.end or getattr(pl, "marker", None) == "from"):
            continue
        gap = text[pl.end:prev.pos] if backward else text[prev.end:pl.pos]
        if pl.code in exclude or not actors._and_gap(gap.strip()) or any(o.code == pl.code for o in out):
            break
        out.append(pl)
        prev = pl
    return out


@functools.lru_cache(maxsize=32)
def _premodifiers(words: tuple[str, ...]) -> re.Pattern | None:
    """A word opening a noun phrase, or a hyphenated length ("two-day"), right before a country."""
    if not words:
        return None
    return re.compile(r"(?:^|\s)(?:" + "|".join(map(re.escape, words)) + r"|\w+-\w+)\s+$")


def _premodifier_host(t, bare, text, noun: str, lead: re.Pattern | None):
    """The host named as a noun modifier right before the visit noun ("on his two-day Japan visit"):
    a bare country one space before the singular noun, itself after a determiner, a possessive or a
    length (the profile's `visit_premodifiers`), so that "Japan visits China" (a verb) does not count."""
    if lead is None or text[t.start:t.end] != noun:
        return None
    b = next((b for b in bare if b.end == t.start - 1 and text[b.end] == " " and b.role != "org"), None)
    if b is None or not lead.search(text[max(0, b.pos - 30):b.pos]):
        return None
    return actors.Place(b.pos, b.end, b.code, None, "dest")


def _relative_traveller(t, cues, parties, text) -> str | None:
    """The state of the official a relative clause on the trip hangs on ("X of Sierra Leone, who is
    on a four-day state visit"): a `traveller` cue a few words before the visit noun, right after
    that official (an observer too: "in the presence of ... X, who is visiting")."""
    rel = next((c for c in cues if c.label == "traveller" and c.end <= t.start
                and actors._gap_ok(text, c.end, t.start, 4)), None)
    if rel is None:
        return None
    who = max((p for p in parties if p.code and p.end <= rel.start
               and text[p.end:rel.start].strip() in ("", ",", "\u060c")), key=_POS, default=None)
    return who.code if who is not None else None


def _office_host(t, parties, places, codes, text) -> str | None:
    """An office with no state that receives (a `host` trigger) one foreign guest at a named place
    is that place's state: "The Minister of State received in Riyadh the Mexican deputy minister",
    "El presidente del Gobierno recibió en La Moncloa al primer ministro portugués". The place right
    after the verb wins; otherwise the sentence must name only one."""
    if "host" not in t.flags or t.label != "meeting" or len(codes) != 1 \
            or not any(p.via == "office" and (p.code is None or p.end <= t.start) for p in parties):
        return None
    named = [pl for pl in places if pl.place and pl.marker == "loc" and pl.code != codes[0]]
    near = next((pl.code for pl in named if pl.pos >= t.end and actors._gap_ok(text, t.end, pl.pos, 4)), None)
    if near is not None:
        return near
    other = {pl.code for pl in named}
    return other.pop() if len(other) == 1 else None


def _office_before(parties, t) -> bool:
    """An office with no country (a subject: "the Foreign Minister") is named before the trigger."""
    return any(p.via == "office" and p.end <= t.start for p in parties)


def _sentence_events(text, s, e, idx, trigs, cues, parties, bare, places, ctx) -> list[dict]:
    out = []
    signs = []
    tense_cues, neg_cues, withs = [], [], []
    together = False
    for c in cues:                     # one pass sorts the cues the rules below read
        label = c.label
        if label == "sport":
            return []
        if label == "together":
            together = True
        if label == "sign":
            signs.append(c)
        elif label == "planned" or label == "recall":
            tense_cues.append(c)
        elif label == "negation":
            neg_cues.append(c)
        elif label == "with" or label == "between":
            withs.append(c)
    firm = {t.label for t in trigs if "weak" not in t.flags and "pair" not in t.flags}
    strong, src, src_inst = [], [], []
    counterpart = False
    for p in parties:
        if p.code:
            strong.append(p)
            if p.via == "institution":
                # an announcing institution ("the UAE presidency said ...") stands in only when a side is missing
                src_inst.append(p)
            elif p.via != "observer":
                src.append(p)
        if p.code is None and p.via == "counterpart":
            counterpart = True
    locs = [pl for pl in places if pl.marker != "from"]
    for t in trigs:
        if t.label == "meeting" and "call" in firm and any(
                c.label == "call" and -12 <= c.start - t.end <= 12 for c in trigs):
            continue                          # "held talks by phone", "مباحثات عبر الهاتف": the call
        if "weak" in t.flags and firm and not (
                t.label == "meeting" and firm == {"visit"} and any(
                    c.label == "with" and actors._gap_ok(text, t.end, c.start, 1) and any(
                        p.code and p.pos >= c.end and actors._gap_ok(text, c.end, p.pos, 3)
                        and p.code not in {pl.code for pl in places} for p in src) for c in withs)):
            continue      # (but "llegó a Malasia, antes de reunirse con su homólogo chino": talks of the
            #             trip with a third state; talks with the host stay the trip's)
        if neg_cues and _negated(t, neg_cues, text):
            continue
        if "needs_sign" in t.flags and not signs:
            continue
        office_host = _office_host(t, parties, locs, _codes(strong), text)
        if "weak" in t.flags and len(_codes(strong)) < 2 and office_host is None:
            continue
        if "host" in t.flags and ctx["svo"] and not any(p.pos < t.start for p in src) \
                and len(_codes([p for p in src if p.pos > t.end])) >= 2:
            continue      # "X welcomed the ministers of A and B": the host is the subject, A and B are guests
        status, recalled = _status(t, tense_cues, text, ctx.get("pub_day"), e, ctx["verb_final"],
                                   signs if "needs_sign" in t.flags else (), ctx["future"])
        codes = _codes(src)
        if "pair" in t.flags:
            # "they also signed a plan", "وقع الجانبان": the story's two sides, only when the
            # subject refers to them and the sentence names no other party
            if t.label in firm or len(codes) >= 2 or not ctx.get("story_pair") or not any(
                    c.label == "pairref" and c.end <= t.start and t.start - c.end <= 40 for c in cues) and not any(
                    c.label == "pairref" and 0 <= c.start - t.end <= 3 for c in cues):
                continue
            codes = list(ctx["story_pair"])
        if office_host is not None and len(codes) == 1 and office_host not in codes:
            codes.insert(0, office_host)
        if t.label in ("meeting", "call", "agreement", "negotiation") and len(codes) < 2:
            # bare country names stand for their state only as subjects ("China and Russia held
            # talks", "وقعت مصر والإمارات مذكرة"), as the object right after the trigger or
            # after "with" -- not as topics further on.
            extra = [b for b in bare if b.pos < t.start
                     or (b.pos >= t.end and actors._gap_ok(text, t.end, b.pos, 4))
                     or any(0 <= b.pos - w.end <= 8 and actors._gap_ok(text, w.end, b.pos, 1) for w in withs)]
            extra = [b for b in extra if b.role != "org" or not any(   # "am Rande des G20-Gipfels": the venue
                c.label == "sideline" and actors._gap_ok(text, c.end, b.pos, 3) for c in cues)]
            codes = _codes(src + extra)
            if len(codes) < 2:
                codes = _codes(src + extra + src_inst)
        more: list[dict] = []
        ev = {"type": t.label, "status": status, "recalled": recalled, "sentence": idx, "weak": "weak" in t.flags,
              "present": "present" in t.flags, "together": together,
              "span": (s, e), "trigger": (t.start, t.end), "people": parties, "actor": None, "target": None,
              "loc": None, "place": None, "date": None, "date_phrase": None}
        if t.label == "visit":
            if "needs_dest" in t.flags and _QUANTITY.match(text, t.end):
                continue      # "وصل 5 مليارات", "reached 3 percent": a travel verb whose object is an amount
            cands = [pl for pl in _not_topics(places, cues, text) if pl.marker != "from"] + [   # bare objects only right after
                actors.Place(b.pos, b.end, b.code, None, None) for b in bare   # not "the UN chief arrived"
                if b.pos >= t.end and b.role != "org" and actors._gap_ok(text, t.end, b.pos, 3)] + [
                actors.Place(b.pos, b.end, b.code, getattr(b, "place", None), "dest")   # "پاکستان کا ... دورہ",
                for b in (*bare, *(p for p in places if p.place))                    # "لندن کے دورے"
                if b.end <= t.start and actors._gap_ok(text, b.end, t.start, 5)
                and any(c.label == "postdest" and b.end <= c.start and c.end <= t.start
                        and (not ctx.get("case_endings") or text[b.end:c.start].strip() in ("", "'", "\u2019"))
                        for c in cues)] + [
                actors.Place(x.pos, x.end, x.code, getattr(x, "place", None), "dest") for x in places + bare
                if (ctx.get("sov") or "final" in t.flags) and x.end <= t.start
                and actors._gap_ok(text, x.end, t.start, 0)]    # "final": German "hat die Ukraine besucht"
            pre = _premodifier_host(t, bare, text, *ctx["premod"])
            if pre is not None:
                cands.append(pre)
            after = sorted((pl for pl in cands if pl.pos >= t.end), key=_POS)
            if "leave" in t.flags:
                after = [pl for pl in after if pl.marker == "dest"]
            before = sorted((pl for pl in cands if pl.pos < t.start and pl.marker in ("loc", "dest")), key=_POS)
            marked = [pl for pl in after if pl.marker == "dest" or pl.place or pl.marker is None
                      or (pl.marker == "loc" and actors._gap_ok(text, t.end, pl.pos, 2))]   # "arrived in Israel"
            dest = (marked or after or before[-1:] or [None])[0]
            dcode = dest.code if dest else None
            # "X received Y ... on his visit to the country": the receiver is the host
            host = dest is None and len(codes) >= 2 and any("host" in h.flags for h in trigs)   # (verb-final: "... empfangen")
            if host:
                dcode = codes[0]
            actor = next((c for c in codes + _codes(src_inst) if c != dcode), None)
            by = next((p.code for p in src if p.code and p.pos >= t.end), None) \
                if dest is None and "byhost" in t.flags else None
            if by is not None:    # "il a été accueilli à l'aéroport par son homologue mauritanien": the
                host, dcode = True, by     # welcomer after the passive is the host, the subject travels
                actor = next((p.code for p in src if p.code and p.pos < t.start and p.code != by), None)
            if "guest" in t.flags:      # "the visiting Indian prime minister": the party named next travels
                guest = next((p.code for p in src if p.code and p.pos >= t.end
                              and actors._gap_ok(text, t.end, p.pos, 1)), None) or next(
                    (b.code for b in bare if b.pos >= t.end and actors._gap_ok(text, t.end, b.pos, 1) and any(
                        p.code == b.code and p.pos > b.pos and actors._gap_ok(text, b.end, p.pos, 7) for p in src)),
                    None)     # "... bulunan Çad Geçiş Dönemi Devlet Başkanı X": the state opens its leader's title
                if guest is not None:
                    if dcode == guest:
                        dcode = next((c for c in codes if c != guest), None) if dest is None or dest.code == guest \
                            else dcode
                    actor = guest
            traveller = _relative_traveller(t, cues, parties, text)
            if traveller is not None:   # "President X of Sierra Leone, who is on a state visit to ..."
                actor = traveller
                if dest is None or dcode == actor:
                    others = {p.code for p in strong if p.code != actor and p.via != "institution"}
                    if len(others) == 1:
                        dcode, dest, host = others.pop(), None, True    # the other side named hosts him
            if actor is None and ctx.get("subject") and ctx["subject"] != dcode and not any(
                    pl.code == ctx["subject"] and pl.end <= t.start and pl.marker in ("loc", "dest")
                    for pl in places):
                actor = ctx["subject"]    # (not when the sentence has just put the traveller in the
                #                           subject's country: "arrived in Sri Lanka following a visit to Moscow")
            if actor is None:
                origin = _origin(trigs, places)
                if origin is not None and origin != dcode:
                    actor = origin      # "left Aden for Moscow": the traveller's state is the place left
            if actor is None and (_office_before(parties, t) or any(
                    p.via == "office" and p.pos >= t.end and actors._gap_ok(text, t.end, p.pos, 3) for p in parties)):
                # "the Foreign Minister arrived in Colombo" in a Pakistani outlet, "la visita ufficiale del
                # ministro degli Esteri in Argentina" (the office in the genitive after the noun); a dateline is
                # often the destination itself ("TEHRAN, Jan 12 -- the FM arrived in Tehran")
                actor = next((h for h in ctx["homes"] if h != dcode), None)
            if dest is None:
                if "needs_dest" in t.flags and not host:
                    continue      # (with a reception: "X received Y on his arrival at the palace")
                if not host:
                    dcode = next((c for c in codes if c != actor), None)
            if not actor or not dcode or actor == dcode:
                continue
            if any(o["type"] == "visit" and o["actor"] == actor and o["status"] == status for o in out):
                continue    # one trip per traveller and tense per sentence ("travelled ... on this trip";
                #             but "left for Nairobi, then visits Uganda" is a trip and its next legs)
            ev.update(actor=actor, target=dcode, participants=sorted({actor, dcode}), loc=dcode,
                      place=dest.place if dest else None)
            if dest is not None and any(c.label == "planned" and t.end <= c.start and 0 <= dest.pos - c.end <= 30
                                        and _CLAUSE.isdisjoint(text[c.end:dest.pos]) for c in tense_cues):
                ev["status"] = "planned"   # "a trip that will later take him to Vietnam"
            if dest is None and "needs_dest" in t.flags:
                ev["arrival"] = True     # "received on arrival at the ministry": a trip inferred from a building
            if dest is not None:      # "will visit Egypt and Tunisia": one trip per listed host
                hosts = _joined(dest, places + bare, text, {actor, dcode}, backward=False)
                if ctx.get("case_endings") and dest.marker == "dest":
                    # the case ending closes the whole list: "Suudi Arabistan, Kuveyt ve Katar'a"
                    hosts += _joined(dest, places + bare, text, {actor, dcode} | {h.code for h in hosts},
                                     backward=True)
                first = min(hosts, key=_POS) if hosts else None
                if first is not None and first.pos < dest.pos:
                    ev["leg"] = True       # "Suudi Arabistan, Kuveyt ve Katar'a": the tour starts with the first named
                more = [dict(ev, target=h.code, participants=sorted({actor, h.code}), loc=h.code,
                             place=getattr(h, "place", None), leg=h is not first or first.pos > dest.pos)
                        for h in hosts]
        else:
            if counterpart and len(codes) == 1:
                other = next((pl.code for pl in locs if pl.code != codes[0]), None)
                if other:
                    codes.append(other)
            if len(codes) == 1 and src and ctx.get("subject") and ctx["subject"] != codes[0] \
                    and t.label in ("meeting", "call"):
                codes.insert(0, ctx["subject"])
            office = next((p.pos for p in parties if p.via == "office" and p.end <= t.start), None)
            if len(codes) == 1 and ctx["homes"] and ctx["homes"][0] != codes[0] and office is not None \
                    and all(p.pos >= t.end or p.pos > office for p in src if p.code):
                codes.insert(0, ctx["homes"][0])   # "the Prime Minister received the Chinese envoy",
                #                                    verb-final "der Kanzler hat den chinesischen Staatschef getroffen"
            if not codes and ctx.get("pair") and t.label in ("meeting", "call", "agreement"):
                codes = list(ctx["pair"])      # "the two leaders discussed ..."
            if not codes and ctx.get("story_pair") and t.label in ("meeting", "call") and any(
                    c.label == "pairref" and (0 <= t.start - c.end <= 40 or actors._gap_ok(text, t.end, c.start, 6))
                    for c in cues):
                codes = list(ctx["story_pair"])   # "the meeting that brought the two countries' ministers together"
            if len(codes) < 2 and t.label == "agreement" and ctx.get("story_pair") \
                    and set(codes) <= set(ctx["story_pair"]):
                codes = list(ctx["story_pair"])   # "three MoUs will be signed between the two countries"
            if len(codes) < 2:
                continue
            loc = None
            if t.label != "call":
                loc = _meeting_place(_not_topics(locs, cues, text), t, src, text, s)
                dl = ctx.get("dateline")
                if loc is None and dl is not None and dl.code in codes and (
                        any("host" in h.flags for h in trigs) or any(c.label == "here" for c in cues)):
                    loc = dl          # "BEIJING (Xinhua) -- X met Y here", "ADDIS ABABA (AP) - X hosted Y"
                if loc is None and any(c.label == "seat" for c in cues):
                    home = next((h for h in ctx["homes"] if h in codes), None)
                    if home is not None:      # "at the Government headquarters" in a story from one side's
                        loc = actors.Place(s, s, home, None, None)   # press: that side's seat of government
            if t.label == "negotiation":
                core = _codes([p for p in src if p.via in ("between", "delegation")])
                pair = _side_list(bare, t, text, withs)
                if len(core) >= 2 and len(pair) <= len(core):
                    codes = core
                elif len(_codes(src)) < 2 and pair:
                    codes = pair              # "Pakistan and Afghanistan began a round of talks"
                elif len(_codes(src)) < 2:
                    continue                  # a round needs two named sides, not "talks with Ukraine"
                if loc and loc.code in codes and len(codes) > 2 and loc.code not in pair:
                    codes = [c for c in codes if c != loc.code]
                if len(codes) > MAX_SIDES:
                    continue
            if t.label == "meeting" and ctx.get("rounds") and src and all(p.via == "delegation" for p in src):
                ev["type"] = "negotiation"    # delegations meeting in an article about negotiation rounds
            ev.update(loc=loc.code if loc else None, place=loc.place if loc else None)
            groups = [codes]
            withc = next((c for c in cues if c.label == "with" and c.start >= t.start - WITH_REACH), None)
            if t.label in ("meeting", "call") and len(codes) > 2 and withc is not None and "weak" not in t.flags \
                    and not together:            # "received the two presidents together": one meeting
                head = [p.code for p in src if p.pos < withc.start]
                tail = _codes([p for p in src if p.pos >= withc.start])
                subj = head[0] if head else (ctx.get("subject") or codes[0])   # "he will meet with X, Y and Z"
                groups = [[subj, c] for c in tail if c != subj] or [codes]   # (a summit "with the leaders of" six states is no six meetings)
                if not tail and ctx.get("postpositional") and len(head) > 2:
                    groups = [[head[0], c] for c in head[1:] if c != head[0]]   # "X, A ve B ile görüştü"
            elif t.label == "meeting" and len(codes) > 2 and withc is None and "weak" not in t.flags \
                    and not together and ctx["svo"]:
                head = _codes([p for p in src if p.pos < t.start])
                tail = [c for c in _codes([p for p in src if p.pos >= t.end]) if c not in head]
                if len(head) == 1 and len(tail) >= 2:     # "X met the ministers of A, B and C": X with each
                    groups = [[head[0], c] for c in tail]
            for g in groups:
                ev2 = dict(ev, participants=sorted(set(g)))
                out.append(ev2)
            continue
        out.append(ev)
        out.extend(more)
    return out


WITH_REACH = 120            # "with" may open a long list before the talks noun: "mit X und dem Y Z bilaterale Gespräche geführt"
MAX_SIDES = 4               # a negotiation track has two to four named sides (trilateral, quadrilateral)


def _side_list(bare, t, text, withs) -> list[str]:
    """Sides of a negotiation named as bare states: a list joined by "and"/commas right before the
    trigger or right after it ("Pakistan and Afghanistan began a round of talks", "negotiations
    between Russia, the US and Ukraine"), or a subject before it and one after "with"
    ("Ukraine holds a round of negotiations with the US")."""
    runs, cur = [], []
    for b in bare:
        if cur and actors._and_gap(text[cur[-1].end:b.pos].strip()):
            cur.append(b)
            continue
        if len(cur) > 1:
            runs.append(cur)
        cur = [b]
    if len(cur) > 1:
        runs.append(cur)
    for run in runs:
        codes = _codes(run)
        if len(codes) < 2:
            continue
        if run[-1].end <= t.start or (run[0].pos >= t.end and actors._gap_ok(text, t.end, run[0].pos, 3)):
            return codes
    before = [b for b in bare if b.end <= t.start]
    for w in withs:
        if w.start < t.end:
            continue
        after = next((b for b in bare if b.pos >= w.end and actors._gap_ok(text, w.end, b.pos, 1)), None)
        if after is not None and len(_codes(before)) == 1 and before[0].code != after.code:
            return [before[0].code, after.code]
    return []


def _records(events, text, norm, language, article, published, pub_day) -> list[dict]:
    res = []
    extractor = ruleset.extractor()
    anchor = pub_day.isoformat() if pub_day else (article.get("id") if isinstance(article, dict) else None)
    art = {k: (article.get(k) if isinstance(article, dict) else None)
           for k in ("id", "url", "source", "published_at")} | {"language": language}
    for ev in events:
        s, e = ev["span"]
        os_, oe = norm.to_original(s, e)
        etype, status = ev["type"], ev["status"]
        code = cameo(etype, status, bool(ev["loc"]) and ev["loc"] not in ev["participants"])
        pe, pm = TYPES[etype].plover_event, TYPES[etype].plover_mode
        people = []
        named = {p.code for p in ev["people"] if p.code and p.via == "leader"}
        for p in ev["people"]:
            if not p.code or (p.via != "leader" and p.code in named and p.role != "counterpart"):
                continue            # "الرئيس الروسي فلاديمير بوتين": one person, keep the named one
            ps, pe_ = norm.to_original(p.start if p.start is not None else p.pos, p.end)
            person = {"name": p.name if p.via == "leader" else None,
                      "as_written": text[ps:pe_], "role": p.role, "country": p.code}
            if person not in people:
                people.append(person)
        place = None
        if ev.get("place_span"):
            a, b = norm.to_original(*ev["place_span"])
            place = text[a:b]
        res.append({
            "schema_version": SCHEMA_VERSION,
            "extractor": dict(extractor),
            "event_id": ids.event_id(etype, ev["participants"], ev["actor"], ev["target"], ev["date"], anchor),
            "type": etype,
            "status": status,
            "participants": ev["participants"],
            "actor": ev["actor"],
            "target": ev["target"],
            "location": {"country": ev["loc"], "place": place},
            "date": ev["date"],
            "date_phrase": ev["date_phrase"],
            "cameo": code,
            "plover": {"event": pe, "mode": pm},
            "people": people,
            "evidence": {"sentence": text[os_:oe], "start": os_, "end": oe},
            "confidence": round(ev["confidence"], 2),
            "background": bool(ev["background"]),
            "article": dict(art),
            "language": language,
        })
    return res


def _key(ev) -> tuple:
    return (ev["type"], tuple(ev["participants"]), ev["actor"], ev["target"])


def _merge(mentions: list[dict]) -> list[dict]:
    """One event per (type, participants, actor, target): the first foreground mention
    wins, later ones fill a missing date, place or location."""
    merged: dict[tuple, dict] = {}
    for m in mentions:
        k = _key(m)
        cur = merged.get(k)
        if cur is None:
            merged[k] = dict(m, n=1)
            continue
        cur["n"] += 1
        if cur["background"] and not m["background"]:
            keep = dict(m, n=cur["n"])
            for f in ("date", "date_phrase", "loc", "place", "place_span"):
                if keep.get(f) is None and cur.get(f) is not None:
                    keep[f] = cur[f]
            merged[k] = keep
            continue
        if m["background"] != cur["background"]:
            continue
        if cur.get("date_phrase") is None and m.get("date_phrase") is not None:
            # the dated mention is the specific one ("the round will be held on 23 July"
            # after a headline without tense): its status goes with its date
            cur["status"] = m["status"]
        for f in ("date", "date_phrase", "loc", "place", "place_span"):
            if cur.get(f) is None and m.get(f) is not None:
                cur[f] = m[f]
    return list(merged.values())


def _default_dates(events: list[dict], pub_day: dt.date | None, told_days: dict[str, str] | None = None) -> None:
    """A reported event whose text gives no day happened on a day the story tells elsewhere:
    the day of the story's dated lead event of the same pair, else the day a lead sentence gives
    the same kind of event without naming its sides ("in this phone call on Thursday"), else the
    publication day (a news report tells what happened that day: "X arrives in Y", "X and Y
    sign ..."). Planned events keep a null date: "will visit" gives no day."""
    dated = [ev for ev in events if ev["date"] and not ev["background"] and ev["status"] == "occurred"]
    for ev in events:
        if ev["date"] or ev["background"] or ev["status"] != "occurred" or ev.get("date_phrase") or ev.get("leg"):
            continue
        same = next((d for d in dated if d["participants"] == ev["participants"]), None)
        if same is not None:
            ev["date"] = same["date"]
        elif told_days and ev["type"] in told_days:
            ev["date"] = told_days[ev["type"]]
        elif pub_day is not None:
            ev["date"] = pub_day.isoformat()


def _story_type(events: list[dict], round_sents: set[int]) -> list[dict]:
    """One type for one story: talks between a pair whose call the story reports are that call
    ("spoke by phone ... the two leaders discussed"), and a meeting told in the headline of a
    story about a negotiation round, or beside the round in one sentence, is the round ("the
    delegations met in Istanbul for the second round"). Talks, calls and signings are coded
    between two sides; a multilateral round keeps its sides."""
    calls = {tuple(ev["participants"]) for ev in events if ev["type"] == "call" and not ev["background"]}
    rounds = {tuple(ev["participants"]) for ev in events if ev["type"] == "negotiation"}
    trips = {}
    for ev in events:       # the first-told direction of a trip between two states (headline first)
        if ev["type"] == "visit" and not ev["background"]:
            trips.setdefault((frozenset(ev["participants"]), ev["status"]), ev["actor"])
    out = []
    for ev in events:
        pair = tuple(ev["participants"])
        if ev["type"] == "visit" and not ev["background"] \
                and trips[(frozenset(pair), ev["status"])] != ev["actor"]:
            continue        # "X arrived in Y ... received by Y's leader": one trip, not two
        if len(pair) > 2 and ev["type"] != "negotiation" and not ev.get("together"):
            continue    # three or more sides read from one sentence were right 2 times in 16 on train,
            #             unless the sentence says they met together ("a trilateral summit", "ensemble")
        if len(pair) == 2 and any(m is not ev and m["sentence"] == ev["sentence"] and m["type"] == ev["type"]
                                  and m.get("together") and set(pair) < set(m["participants"]) for m in events):
            continue    # a side pair of that joint meeting
        if ev["type"] == "meeting" and not ev["background"]:
            if pair in calls and ev["status"] == "occurred":
                continue            # (a meeting the call arranged is another event)
            if ev["sentence"] in round_sents and not rounds and len(pair) == 2 \
                    and frozenset(pair) not in {k for k, _ in trips}:
                ev = dict(ev, type="negotiation")   # (talks during a minister's trip stay talks)
        out.append(ev)
    return _merge(out) if len(out) != len(events) or any(a is not b for a, b in zip(out, events)) else out


def _article_rules(events: list[dict], dateline: str | None = None, venue: str | None = None) -> None:
    """Background marking and places that need the whole article."""
    main: set[str] = set()
    for ev in events:
        if not ev["background"] and ev["sentence"] < LEAD_SENTENCES:
            main |= set(ev["participants"])
    if not main:
        first = next((ev for ev in events if not ev["background"]), None)
        if first:
            main = set(first["participants"])
    trips = [ev for ev in events if ev["type"] == "visit" and not ev["background"]]
    rounds = {tuple(ev["participants"]) for ev in events if ev["type"] == "negotiation"}
    for ev in events:   # a meeting of the negotiating parties is the round itself
        if ev["type"] == "meeting" and tuple(ev["participants"]) in rounds:
            ev["background"] = True
    for ev in events:   # side meetings during a trip take place where the traveller is
        if ev["type"] in ("meeting", "agreement") and ev["loc"] is None:
            tr = next((tr for tr in trips if tr["actor"] in ev["participants"]), None)
            if tr is not None:
                ev["loc"] = tr["target"]
    for ev in events:   # a signing takes place where its parties' talks did
        if ev["type"] == "agreement" and ev["loc"] is None:
            talks = next((m for m in events if m["type"] in ("meeting", "negotiation") and m["loc"]
                          and m["participants"] == ev["participants"]), None)
            if talks is not None:
                ev["loc"] = talks["loc"]
    if venue is not None:   # "on the sidelines of the summit in Riyadh": talks the lead places there, before
        for ev in events:   # the dateline, which says where the story was filed ("NEW DELHI: ... in Bali")
            if ev["type"] in ("meeting", "negotiation", "agreement") and ev["loc"] is None and not ev["background"]:
                ev["loc"] = venue
    if dateline is not None:   # "ADDIS ABABA (ENA) - X met Y": filed where the talks are, when a side is at home
        for ev in events:
            if ev["type"] in ("meeting", "agreement", "negotiation") and ev["loc"] is None \
                    and dateline in ev["participants"]:
                ev["loc"] = dateline
    for ev in events:
        if ev["background"]:
            continue
        if not (set(ev["participants"]) & main):
            ev["background"] = True
            continue
        if ev["type"] == "meeting":
            for tr in trips:     # (a planned return trip, or one inferred from an arrival at a building,
                #                  does not hide talks that took place)
                if tr.get("arrival"):
                    continue
                if set(ev["participants"]) == {tr["actor"], tr["target"]} and tr["status"] == ev["status"]:
                    ev["background"] = True
                    break


def extract_events(text: str, language: str, published_at: str | None, article: dict,
                   title: str | None = None, with_features: bool = False) -> list[dict]:
    """Diplomatic events of one cleaned article (see module doc). News puts the event in the
    headline: a `title` the text does not already open with is read as the first sentence (its
    events carry `evidence.in_title`, with offsets into the title). A bug raises: the agent sends
    the article to the dead-letter topic as `internal_error` (and counts it) instead of publishing
    "no events" as if the article had none."""
    article = article or {}
    if not isinstance(title, str) or not title.strip() or not isinstance(text, str) \
            or fold(title.strip())[:80] in fold(text[:TITLE_SEARCH]):
        return _extract(text, language, published_at, article, with_features)
    title = title.strip()[:MAX_TITLE]
    shift = len(title) + 2
    records = _extract(title + "\n\n" + text, language, published_at, article, with_features)
    for r in records:
        ev = r["evidence"]
        if ev["start"] >= shift:
            ev["start"] -= shift
            ev["end"] -= shift
        else:
            ev["in_title"] = True
    return records


def _extract(text, language, published_at, article, with_features=False) -> list[dict]:
    if not isinstance(text, str) or not text.strip():
        return []
    text = text[:MAX_CHARS]
    language = (language or "en").lower() if isinstance(language, str) else "en"
    pub_day = _published(published_at)
    page_month = None
    if pub_day is None:       # a date line opening the page: "date 2020-04-19", "2020-04"
        m = _PAGE_DATE.match(text)
        if m:
            y, mo, d = int(m.group(1)), int(m.group(2)), m.group(3)
            if 1 <= mo <= 12:
                page_month = (y, mo)
                if d:
                    try:
                        pub_day = dt.date(y, mo, int(d))
                    except ValueError:
                        pass
    norm = Folded(text)
    folded = norm.text
    if "http" in folded or "www." in folded:      # the only ways _URL can match
        folded = _URL.sub(lambda m: " " * len(m.group()), folded)
    prof = profile(language)
    hits = lexicon(language).find(folded)
    if not any(h.kind == "trigger" for h in hits):
        return []                 # every sentence takes the cheap path: no event to code
    mentions = gazetteer(language).find(folded, on=pub_day)
    if prof.script != "arabic":     # a one-word name in a cased script is written with a capital:
        mentions = [m for m in mentions if m.kind != "leader" or " " in m.surface   # "i modi" is no Modi
                    or text[norm.to_original(m.start, m.end)[0]:][:1].isupper()]
    if prof.script == "latin" and "-" in folded:   # "über den Ukraine-Krieg", "wegen der Syrien-Krise"
        mentions = [m for m in mentions if not _compound_topic(folded, m, mentions, hits)]
    dmentions = []
    if norm.exact_fold:
        # norm.text is fold(text): find_dates' own folded offsets are norm's
        # (norm.to_folded of the mention's original offsets gives the same numbers)
        for dm, fs, fe in find_dates_folded(text, language, norm.text, norm.drop_positions):
            if fe <= fs:
                fs, fe = norm.to_folded(dm.start), norm.to_folded(dm.end)
            dmentions.append((dm, fs, fe))
    else:   # Folded fell back to normalize: map the original offsets
        for dm in find_dates(text, language):
            fs, fe = norm.to_folded(dm.start), norm.to_folded(dm.end)
            dmentions.append((dm, fs, fe))
    # the page-head stamp "date 2021-12-02" is the publication day, not the day of an event
    dmentions = [d for d in dmentions if not (d[1] < 40 and folded[max(0, d[1] - 5):d[1]] == "date ")]
    sayings = [(h.start, h.end) for h in hits if h.kind == "cue" and h.label == "said"]
    if sayings:  # "wie das Außenamt am Mittwoch mitteilte", "the ministry said on Monday": the statement's day
        dmentions = [d for d in dmentions if not any(actors._gap_ok(folded, b, d[1], 1) or actors._gap_ok(folded, d[2], a, 0)
                                                     for a, b in sayings)]
    stamps = [(h.start, h.end) for h in hits if h.kind == "cue" and h.label == "stamp"]
    if stamps:   # "Publié le mardi 7 février 2023", "Updated: 22-06-2020": the page's day, not an event's
        dmentions = [d for d in dmentions if not any(
            a < d[1] <= b + STAMP_GAP and not folded[b:d[1]].strip(" :|-\u2013,") for a, b in stamps)]
    if dmentions and mentions:   # a date word is not a place (Persian دوشنبه "Monday" vs Dushanbe)
        dspans = [(fs, fe) for _, fs, fe in dmentions]
        mentions = [m for m in mentions if m.kind not in ("city", "capital")
                    or not any(fs < m.end and m.start < fe for fs, fe in dspans)]
    spans = sentences.split(folded)
    teasers = _teaser_spans(folded, hits)
    all_mentions: list[dict] = []
    ctx: dict = {"subject": None, "pair": None, "subject_sent": -9, "pub_day": pub_day,
                 "verb_final": prof.word_order == "SOV",   # the tense follows the verb
                 "future": _future_forms(prof.future_suffixes),   # "yapılacak": a future verb form
                 "svo": prof.word_order == "SVO",          # the subject comes before the verb
                 "sov": prof.destination_before_verb,   # verb-final: "چین روانہ", "بیجنگ پہنچ گئے"
                 "postpositional": prof.postpositional,   # "with" after its object: "A ve B ile"
                 "case_endings": prof.case_endings,       # "Ankara'ya": the ending right after the name
                 "premod": (prof.visit_noun, _premodifiers(prof.visit_premodifiers))}   # "his Japan visit"
    m_starts = [m.start for m in mentions]
    tld = _tld_country(article.get("url"))
    ctx["homes"] = [tld] if tld else []   # the state an office named without a country belongs to
    m0 = _dateline(folded, mentions)
    if m0 is not None:   # dateline: "BEIJING, Nov. 4 (Xinhua) --", "القاهرة - أ ش أ:"
        ctx["dateline"] = actors.Place(m0.start, m0.end, m0.code, folded[m0.start:m0.end], None)
        ctx["homes"].insert(0, m0.code)   # where the story was filed, before the outlet's domain
    h_starts = [h.start for h in hits]
    # most sentences hold no trigger: find a sentence's triggers and leaders by bisection in
    # their own (text-ordered) lists, and slice the full lists only for trigger sentences
    trig_hits = [h for h in hits if h.kind == "trigger"]
    t_starts = [h.start for h in trig_hits]
    leader_ms = [m for m in mentions if m.kind == "leader"]
    l_starts = [m.start for m in leader_ms]
    bl = bisect.bisect_left
    topic_ends = [h.end for h in hits if h.kind == "cue" and h.label == "topic"]
    sidelines = [h for h in hits if h.kind == "cue" and h.label == "sideline"]
    venues = {m.start for m in mentions if m.kind == "org" and any(   # "a margine del Consiglio Ue": the venue
        actors._gap_ok(folded, c.end, m.start, 3) for c in sidelines)} if sidelines else set()
    lead, salient = _lead(spans, mentions, m_starts, folded, topic_ends, venues)
    lead_trigs: list[tuple] = []
    lead_venues: list[tuple] = []    # lead sentences with no trigger that name a city
    head_idx = min(lead) if lead else -1
    offices: dict[str, str] = {}     # office as written -> the state the story named it with
    round_sents: set[int] = set()    # sentences that number a session or name a standing committee
    told_days: dict[str, str] = {}   # event type -> the day a lead sentence gives it, where no event came out
    last_lead = max(lead) if lead else -1
    for idx, (s, e) in enumerate(spans):
        ti, tj = bl(t_starts, s), bl(t_starts, e)
        trigs = [h for h in trig_hits[ti:tj] if h.end <= e] if ti < tj else ()
        if idx - ctx["subject_sent"] > 2:
            ctx["subject"] = ctx["pair"] = None
        if not trigs and ((idx == last_lead and lead_trigs) or (idx == head_idx and e - s <= HEADLINE_CHARS)):
            trigs = ()     # the backoff runs after the lead's last sentence, trigger or not; a
            #                short headline is read whole ("Außenministerin Baerbock in China")
        elif not trigs:    # cheap path: only remember who the sentence is about
            if idx in lead and _names_city(mentions, bl(m_starts, s), e):   # and where the lead places
                hs = hits[bl(h_starts, s):bl(h_starts, e)]                   # the story ("the council
                cues = [h for h in hs if h.kind == "cue" and h.end <= e]     # meeting in Addis Ababa")
                ms = [m for m in mentions[bl(m_starts, s):bl(m_starts, e)] if m.end <= e][:MAX_PER_SENTENCE]
                places = actors.analyse(folded, s, e, ms, [], cues, prof.modifier_after_head, (), offices)[2]
                lead_venues.append((idx, s, e, (), cues, places, ()))
            li, lj = bl(l_starts, s), bl(l_starts, e)
            if li < lj:
                leaders = _codes(leader_ms[li:lj])
                if leaders:
                    ctx["subject"], ctx["subject_sent"] = leaders[0], idx
                    if len(leaders) == 2:
                        ctx["pair"] = leaders
            continue
        ms = mentions[bl(m_starts, s):bl(m_starts, e)]
        hs = hits[bl(h_starts, s):bl(h_starts, e)]
        trigs = trigs[:MAX_PER_SENTENCE // 4]
        ms = [m for m in ms if m.end <= e][:MAX_PER_SENTENCE]
        roles = [h for h in hs if h.kind == "role" and h.end <= e][:MAX_PER_SENTENCE]
        cues = [h for h in hs if h.kind == "cue" and h.end <= e][:MAX_PER_SENTENCE]
        if len(all_mentions) > MAX_MENTIONS:
            break
        # Urdu puts the adjective/genitive before the office ("ترک صدر", "پاکستان کے وزیر خارجہ")
        parties, bare, places = actors.analyse(folded, s, e, ms, roles, cues, prof.modifier_after_head, trigs,
                                               offices)
        if any(t.label == "negotiation" for t in trigs):
            ctx["rounds"] = True
        if any(c.label == "round" for c in cues):
            round_sents.add(idx)        # "the 12th meeting of the joint committee", "second round"
        found = _sentence_events(folded, s, e, idx, trigs, cues, parties, bare, places, ctx)
        if idx <= last_lead + 1 and dmentions and not any(not ev["recalled"] for ev in found):
            for t in trigs:     # "... said in this phone call on Thursday 20 November": a told day with no sides
                if t.label not in told_days:
                    day = _pick_date(t, dmentions, s, e, "occurred", pub_day, t.label, page_month)[0]
                    if day:
                        told_days[t.label] = day
        if idx == head_idx and not trigs:
            found += _headline_trip(folded, s, e, idx, cues, parties, places, ctx)
        if idx in lead and not any(a <= s < b for a, b in teasers):
            lead_trigs.append((idx, s, e, trigs, cues, places, parties))
        found.extend(_lead_backoff(folded, ctx, lead_trigs, all_mentions + found, salient)
                     if idx == last_lead else ())
        if ctx.get("story_pair") is None:
            ctx["story_pair"] = next((tuple(ev["participants"]) for ev in found
                                      if len(ev["participants"]) == 2 and not ev["recalled"]), None)
        for ev in found:
            tense = "planned" if ev.get("present") else ev["status"]   # "trifft am Freitag": the coming Friday
            ev["date"], ev["date_phrase"], dm = _pick_date(_T(*ev["trigger"]), dmentions, s, e,
                                                           tense, pub_day, ev["type"], page_month)
            if dm is not None and dm.kind == "month_only" and not _bound(dm, dmentions, ev["trigger"], folded):
                ev["date_phrase"] = dm = None  # "..., ratified last August": another clause's month says no day
            if dm is not None and ((dm.offset_days or 0) > 0 or dm.tense_hint == "future" and (
                    dm.kind != "day_month" or ev["type"] == "visit" or _bound(dm, dmentions, ev["trigger"], folded))):
                ev["status"] = "planned"  # "يصل غدا", "next Tuesday": ahead, with or without a publication day
            elif dm is not None and ev["type"] == "visit" and not ev.get("leg") \
                    and _starts_now(dm, dmentions, ev["trigger"], folded, ctx["verb_final"]):
                ev["status"] = "occurred"  # a trip under way (H3)
            elif ev.get("present") and dm is not None and dm.kind == "weekday" and dm.tense_hint != "past" \
                    and pub_day is None:
                ev["status"] = "planned"  # "arriva mercoledì a Roma" with no publication day: the coming Wednesday
            if ev.get("leg"):
                ev["date"] = ev["date_phrase"] = None   # "tours A, B and C on 23-24 July": the day is A's
            if ev["status"] == "planned" and ev["date"] and pub_day and dt.date.fromisoformat(ev["date"]) < pub_day:
                ev["date"] = None         # "will visit ..., he said on Monday": the day of the saying
            if ev["date"] and pub_day and dt.date.fromisoformat(ev["date"]) < pub_day - OLD_NEWS:
                ev["recalled"] = True     # dated well before publication: a recalled event
            elif ev["date"] and pub_day and dt.date.fromisoformat(ev["date"]) > pub_day:
                ev["status"] = "planned"  # "تبدأ غدا", "on 18 November" (after publication): not yet happened
            ev["background"] = ev["recalled"] or any(a <= s < b for a, b in teasers)
            pl = next((p for p in places if p.place and p.code == ev["loc"]), None)
            ev["place_span"] = (pl.pos, pl.end) if pl else None
            all_mentions.append(ev)
        named = [p for p in parties if p.code and p.via in ("leader", "role")]
        if named:
            ctx["subject"], ctx["subject_sent"] = named[0].code, idx
            pair = _codes(named)
            if len(pair) == 2:
                ctx["pair"] = pair
    rounds = {lt[0] for lt in lead_trigs if any(t.label == "negotiation" for t in lt[3])}
    if lead_trigs and lead_trigs[0][0] in rounds:       # the headline reports the round
        rounds |= {lt[0] for lt in lead_trigs}
    events = _story_type(_merge(all_mentions), rounds | round_sents)
    venue = next((pl.code for lt in sorted(lead_trigs + lead_venues, key=lambda lt: lt[0]) for pl in sorted(_not_topics(lt[5], lt[4], folded), key=_POS)
                  if pl.marker == "loc"), None)
    _article_rules(events, ctx["dateline"].code if ctx.get("dateline") else None, venue)
    lead_end = spans[last_lead][1] if last_lead >= 0 else 0
    vague = any(dm.kind == "relative" and dm.offset_days is None and fs < lead_end for dm, fs, _ in dmentions)
    _default_dates(events, None if vague else pub_day, told_days)   # "this week": the story gives no day
    model = confidence.model()
    n_fg = sum(not ev["background"] for ev in events)
    for ev in events:
        ev["features"] = confidence.features(ev, n_fg, language, salient)
        ev["confidence"] = model.probability(ev["features"])
    records = _records(events, text, norm, language, article, published_at, pub_day)
    if with_features:          # for scripts/train_confidence.py
        for r, ev in zip(records, events):
            r["features"] = ev["features"]
    return records


LEAD_ZONE = 4               # the headline and lead: the first sentences that name a state, a leader or a city
_SALIENT_KINDS = frozenset({"country", "adj", "leader", "org", "metonym"})


def _lead(spans, mentions, m_starts, text="", topic_ends=(), venues=frozenset()):
    """Indices of the lead sentences and the states they name, most named first (ties: first named).
    A state named as a topic ("the situation in Syria", "تطورات الأوضاع في سوريا") is not counted, nor
    an organisation named as the venue after "on the sidelines of" (`venues`: mention starts)."""
    lead: list[int] = []
    counts: dict[str, list] = {}
    for idx, (s, e) in enumerate(spans):
        i = bisect.bisect_left(m_starts, s)
        named = False
        while i < len(mentions) and mentions[i].start < e:
            m = mentions[i]
            i += 1
            if m.kind in _SALIENT_KINDS and m.code and m.start not in venues:
                named = True
                if any(te <= m.start and actors._gap_ok(text, te, m.start, 1) for te in topic_ends):
                    continue
                c = counts.setdefault(m.code, [0, m.start])
                c[0] += 1
            elif m.kind in ("city", "capital"):
                named = True      # "a summit in Riyadh": a lead sentence, though not a side
        if named:
            lead.append(idx)
            if len(lead) == LEAD_ZONE:
                break
    ranked = sorted(counts, key=lambda c: (-counts[c][0], counts[c][1]))
    return set(lead), ranked


def _names_city(mentions, i: int, e: int) -> bool:
    while i < len(mentions) and mentions[i].start < e:
        if mentions[i].kind in ("city", "capital"):
            return True
        i += 1
    return False


HEADLINE_CHARS = 120        # a headline is short; a long first sentence is a lead, not a headline


def _headline_trip(text, s, e, idx, cues, parties, places, ctx) -> list[dict]:
    """A headline that puts one state's leader or minister in another state is a trip: "Lavrov in
    Cairo", "Außenministerin Baerbock in China", "بوتين في بكين"."""
    if any(c.label in ("sport", "negation", "recall") for c in cues):
        return []
    people = _codes([p for p in parties if p.code and p.via in ("leader", "role")])
    hosts = {pl.code for pl in places if pl.marker == "loc" and pl.code not in people}
    if len(people) != 1 or len(hosts) != 1:
        return []
    host = hosts.pop()
    pl = next(pl for pl in places if pl.code == host and pl.marker == "loc")
    status = "planned" if any(c.label == "planned" for c in cues) else "occurred"
    return [{"type": "visit", "status": status, "recalled": False, "sentence": idx, "weak": True,
             "span": (s, e), "trigger": (pl.pos, pl.end), "people": parties, "actor": people[0], "target": host,
             "participants": sorted({people[0], host}), "loc": host, "place": pl.place, "date": None,
             "date_phrase": None, "headline": True}]


def _lead_backoff(text, ctx, lead_trigs, events, salient) -> list[dict]:
    """Document-level reading of the headline and lead: an event type the lead reports with a
    firm trigger but no sentence could bind to two parties is coded between the states the lead
    names most (a visit goes to the place named in its sentence, by the other state)."""
    have = {ev["type"] for ev in events if not ev.get("recalled")}
    pairs = {frozenset(ev["participants"]) for ev in events if not ev.get("recalled")}
    out: list[dict] = []
    calls = any(t.label == "call" for lt in lead_trigs for t in lt[3])
    people = {p.code for lt in lead_trigs for p in lt[6] if p.code and p.via != "observer" and p.via != "bare"}
    for idx, s, e, trigs, cues, places, parties in lead_trigs:
        if any(c.label == "sport" for c in cues):
            continue
        signs = [c for c in cues if c.label == "sign"]
        neg = [c for c in cues if c.label == "negation"]
        tense = [c for c in cues if c.label in ("planned", "recall")]
        for t in trigs:
            if t.label in have or "weak" in t.flags or "pair" in t.flags or (neg and _negated(t, neg, text)):
                continue
            if "needs_sign" in t.flags and not signs:
                continue
            if t.label == "meeting" and ("call" in have or calls):
                continue          # "talks by phone": a story about a call is a call
            status, recalled = _status(t, tense, text, ctx.get("pub_day"), e, ctx["verb_final"],
                                       signs if "needs_sign" in t.flags else (), ctx["future"])
            if recalled:
                continue
            ev = {"type": t.label, "status": status, "recalled": False, "sentence": idx, "span": (s, e),
                  "trigger": (t.start, t.end), "people": [], "actor": None, "target": None,
                  "loc": None, "place": None, "date": None, "date_phrase": None, "backoff": True}
            if t.label == "visit":
                dest = next((pl for pl in _not_topics(places, cues, text) if pl.pos >= t.end
                             and (pl.marker == "dest" or (pl.place and actors._gap_ok(text, t.end, pl.pos, 3)))),
                            None)
                if dest is None:
                    continue
                # the traveller is a person the sentence names (a leader, an office of a state)
                travellers = {p.code for p in parties if p.code and p.via in ("leader", "role", "delegation")}
                if dest.code in travellers and len(travellers) == 1:
                    continue      # a leader travelling at home
                actor = next((c for c in salient if c != dest.code and c in travellers), None) \
                    or next((c for c in salient if c != dest.code), None)
                if actor is None:
                    continue
                ev.update(actor=actor, target=dest.code, participants=sorted({actor, dest.code}), loc=dest.code,
                          place=dest.place)
            else:
                # two states, at least one of them through a person or office (not "Saudi Aramco
                # signed with China's Sinopec"), people first
                ranked = [c for c in salient if c in people] + [c for c in salient if c not in people]
                if len(ranked) < 2 or ranked[0] not in people \
                        or (frozenset(ranked[:2]) in pairs and t.label == "negotiation"):
                    continue      # the pair's talks are already coded: a second type would be a guess
                ev["participants"] = sorted(ranked[:2])
            have.add(t.label)
            out.append(ev)
    return out


_DATELINE_LEAD = re.compile(r"[\s\d|/.:\-–—]*(?:date\s+[\d-]+[\s\d|/.:\-–—]*)?")   # one way to match: linear
DATELINE_CHARS = 1500       # a dateline opens a line in the head of the page, after navigation and byline


def _compound_topic(folded: str, m, mentions, hits) -> bool:
    """A state glued by a hyphen to a word that is neither an office, a trigger, a cue (other than a
    topic word: "Krieg", "Krise") nor another place names a topic, not a side or a venue ("Ukraine-Krieg", "Syrien-Krise", "Iran-backed");
    "US-Präsident", "Pakistan-Afghanistan", "China-Reise" stay."""
    if m.kind not in ("country", "adj", "org") or folded[m.end:m.end + 1] != "-" \
            or not folded[m.end + 1:m.end + 2].isalpha():
        return False
    nxt = m.end + 1
    return not any(h.start == nxt for h in mentions) \
        and not any(h.start == nxt and not (h.kind == "cue" and h.label == "topic") for h in hits)


def _dateline(folded: str, mentions):
    """The first city or capital that opens a line of the page head (after digits or a date at
    most) and is followed by a comma, a dash, a colon or a bracket ("BEIJING, Nov. 4 (Xinhua) --",
    "القاهرة - أ ش أ:")."""
    for m in mentions:
        if m.start > DATELINE_CHARS:
            return None
        if m.kind not in ("city", "capital"):
            continue
        line = folded.rfind("\n", 0, m.start) + 1
        if _DATELINE_LEAD.fullmatch(folded, line, m.start) \
                and folded[m.end:m.end + 3].lstrip()[:1] in (",", "(", "-", ":", "–", "—", "،"):
            return m
    return None


# country-code domains used as words or by unrelated sites, not as a state's outlets
_VANITY_TLDS = frozenset({"tv", "me", "io", "ai", "co", "fm", "cc", "ws", "to", "gg", "la", "am", "ly", "so", "im"})
@functools.lru_cache(maxsize=1)
def _alpha3_by_tld() -> dict[str, str]:
    import pycountry
    return {c.alpha_2.lower(): c.alpha_3 for c in pycountry.countries} | {"uk": "GBR"}


def _tld_country(url) -> str | None:
    """State of an outlet from its country-code domain (app.com.pk -> PAK, ...co.uk -> GBR)."""
    if not isinstance(url, str) or "://" not in url:
        return None
    host = url.split("://", 1)[1].split("/", 1)[0].split(":", 1)[0].lower()
    tld = host.rsplit(".", 1)[-1]
    if len(tld) != 2 or tld in _VANITY_TLDS:
        return None
    return _alpha3_by_tld().get(tld)


def _teaser_spans(folded: str, hits) -> list[tuple[int, int]]:
    """Spans read as "read also" material: from a heading in the second half of the text to
    the end; a heading earlier on (an embedded teaser) covers only its own and the next line."""
    spans = []
    n = len(folded)
    for h in hits:
        if h.kind != "cue" or h.label != "readalso" or h.start == 0:
            continue
        if h.start >= TEASER_TAIL * n:
            spans.append((h.start, n + 1))
            break
        eol = folded.find("\n", h.end)
        if eol >= 0:
            eol = folded.find("\n", eol + 1)
        limit = h.end + TEASER_CHARS            # a flattened page has no lines: cap the teaser
        spans.append((h.start, limit if eol < 0 else min(eol, limit)))
    return spans


class _T:
    __slots__ = ("start", "end")

    def __init__(self, start, end):
        self.start, self.end = start, end
