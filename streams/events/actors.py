"""Who acts and where, inside one sentence: PETRARCH-style rules over gazetteer mentions and roles.

A country or adjective is a *party* only when an office, a delegation or "between" points at
it ("الرئيس الروسي", "Russia's foreign minister", "رئيس الحكومة العسكرية في ميانمار",
"the Russian and Ukrainian delegations"), or when it is a known leader's name. Bare country
names are kept apart (`bare`): they are parties only as a fallback, since "the war in
Ukraine" or "Russian oil" must not make a state take part in a meeting.
A *place* is a city/capital anywhere, or a country after a locative/destination preposition.
"""
from __future__ import annotations

import bisect
import operator
import re
from typing import NamedTuple

from streams.lang import union

_STOP_PUNCT = frozenset(",.;:!?()[]\"«»\n")
# list joiners and articles of every language profile (streams/lang/<code>/profile.toml)
_AND = {"", ","} | union("joiners")
_ARTICLES = tuple(sorted(union("articles")))


# ", Mr Mohamed Ould Merzouk, and": a person's name set off by commas inside a list of states
_APPOSITION = re.compile(r"[,،]([^,،.;:!?()\[\]\"«»\n]{1,80})[,،](.*)", re.S)
_APPOSITION_WORDS = 6


def _and_gap(gap: str) -> bool:
    """`gap` (stripped) joins two names: "and", "و", "et les", "e il", "and the"; also across a
    name in apposition ("Mauritania, Mr X, and Niger")."""
    if gap in _AND:
        return True
    m = _APPOSITION.fullmatch(gap)
    if m is not None and len(m.group(1).split()) <= _APPOSITION_WORDS:
        rest = m.group(2).strip()       # a joiner, maybe with its article ("and the"), not a preposition
        head, _, art = rest.rpartition(" ")
        return rest in _AND or (head in _AND and head not in ("", ",") and art in _ARTICLES)
    if gap[:1] == "," and gap[1:].strip() in _ARTICLES:     # "Russia, the US and Ukraine"
        return True
    head, _, art = gap.rpartition(" ")
    if art in _ARTICLES and head in _AND:
        return True
    return gap.endswith("l'") and gap[:-2].strip() in _AND


_PLACE_KINDS = ("city", "capital")
_STATE_OFFICES = frozenset({"head_of_state", "head_of_government", "foreign_minister"})


class Party(NamedTuple):
    pos: int
    end: int
    code: str | None          # None: unresolved counterpart
    via: str                  # leader | role | counterpart | delegation | institution | between | bare | observer
    role: str | None
    name: str | None
    surface: str
    start: int | None = None  # where the mention starts including its title ("الرئيس الروسي")


class Place(NamedTuple):
    pos: int
    end: int
    code: str
    place: str | None         # city as written (folded), None for a country
    marker: str | None        # loc | dest | from | None


def _gap_ok(text: str, a: int, b: int, max_tokens: int) -> bool:
    if b < a:
        return False
    gap = text[a:b]
    if not _STOP_PUNCT.isdisjoint(gap):
        return False
    return len(gap.split()) <= max_tokens


_GLUED = {"ل": "dest", "ب": "loc", "لل": "dest", "بال": "loc", "وال": None}


def _glued_label(text: str, pos: int) -> str | None:
    """Label of a preposition glued to the word at `pos` (لروسيا = to Russia, بموسكو = in Moscow)."""
    i = pos
    while i > 0 and i > pos - 3 and text[i - 1].isalpha():
        i -= 1
    if i == pos or (i > 0 and text[i - 1].isalnum()):
        return None
    return _GLUED.get(text[i:pos].lstrip("وف"))


def _from_after_comma(text: str, a: int, b: int, cues) -> bool:
    """"his counterparts, from Mauritania, ...": a comma, then "from" right before the state."""
    return any(c.label == "from" and a <= c.start and c.end <= b and text[a:c.start].strip() == ","
               and _gap_ok(text, c.end, b, 0) for c in cues)


def _untitled_gap(text: str, a: int, b: int, titles) -> str:
    """text[a:b] stripped, without a state's formal title ("ودولة قطر", "and the Kingdom of Bahrain"):
    a list of states stays a list when some are named formally."""
    for c in titles:
        if a <= c.start and c.end <= b:
            return (text[a:c.start] + text[c.end:b]).strip()
    return text[a:b].strip()


def _cue_before(cues, pos: int, text: str, labels: tuple[str, ...], max_tokens: int = 1):
    """Label of the cue ending right before `pos` (at most `max_tokens` words between),
    or of a preposition glued to the word (لروسيا = to Russia, بموسكو = in Moscow)."""
    glued = _glued_label(text, pos)
    if glued in labels:
        return glued
    best = None
    for c in cues:
        if c.end <= pos and c.label in labels and _gap_ok(text, c.end, pos, max_tokens):
            if best is None or c.end > best.end:
                best = c
    return best.label if best else None


def _marker(text: str, pos: int, place_cues) -> str | None:
    """`_cue_before(cues, pos, text, ("loc", "dest", "from"), 1)` with `place_cues` already
    reduced to those labels (in text order). The nearest cue ending before `pos` decides:
    the gap to any earlier cue contains this cue's words, so it cannot pass `_gap_ok` when
    this one does not."""
    glued = _glued_label(text, pos)
    if glued in _MARKERS:
        return glued
    for c in reversed(place_cues):
        if c.end <= pos:
            return c.label if _gap_ok(text, c.end, pos, 1) else None
    return None


_MARKERS = ("loc", "dest", "from")
_POS = operator.itemgetter(0)


_AMBIGUOUS = ""


def _remember(offices: dict | None, office: str, code: str | None) -> None:
    if offices is not None and code:
        offices[office] = code if offices.get(office, code) == code else _AMBIGUOUS


def analyse(text: str, s: int, e: int, mentions, roles, cues, arabic: bool, triggers=(), offices=None):
    """Parties, bare country parties and places of the sentence text[s:e].

    mentions: gazetteer Mentions inside [s, e); roles, cues: lexicon Hits inside [s, e).
    offices: the article's memory of the state of the leader each office (as written) was
    found with, so that "the crown prince" later in the story is the one named earlier
    ("ولي العهد ... الأمير محمد بن سلمان" ... "ووصل ولي العهد").
    """
    parties: list[Party] = []
    bare: list[Party] = []
    places: list[Place] = []
    linked: set[int] = set()
    role_of_leader: dict[int, str] = {}
    starts = [m.start for m in mentions]     # mentions are in text order, without overlaps
    n_m = len(mentions)

    # 1. roles point at the first mention after them (or, in Latin/Cyrillic, right before).
    for r in roles:
        nxt = bisect.bisect_left(starts, r.end)
        target = None
        if nxt < n_m and (_gap_ok(text, r.end, mentions[nxt].start, 4) or (
                r.label == "counterpart" and _from_after_comma(text, r.end, mentions[nxt].start, cues))):
            m = mentions[nxt]
            if m.kind == "leader":
                role_of_leader[nxt] = r.label
                target = "leader"
                if r.label in _STATE_OFFICES:
                    _remember(offices, text[r.start:r.end], m.code)
            # "a delegation from the IMF" / "وفدا من صندوق النقد": "from" names the sender, not an origin
            # "his counterparts from Mauritania" / "نظرائه من موريتانيا": "from" names the counterpart's state
            # "the foreign minister is currently in China", "the ambassador in Algiers": "in" names where
            # the official is, not his state (Arabic says "وزير الخارجية في حكومة ..." for the state's own)
            # "وزیراعظم جو ترکی کے دورے پر ہیں" (the PM, who is on a visit to Turkey): a relative
            # pronoun opens a clause, whose state is not the office's
            stops = ("dest", "with", "relative") if r.label in ("delegation", "counterpart") \
                else ("dest", "from", "with", "relative")
            stops += ("sideline",)   # "der Kanzler hat am Rande des G20-Gipfels": the summit is not his state
            if not arabic:
                stops += ("loc",)
            if m.kind in ("country", "adj", "org") and not any(
                    c.label in stops and r.end <= c.start < m.start for c in cues):
                target = nxt
        if not arabic and target is not None:   # "Ethiopia's prime minister hosted Somalia's president",
            # "the Turkish president met the Egyptian minister", "the GCC Secretary-General received ..."
            prv = next((i for i in range(len(mentions) - 1, -1, -1) if mentions[i].end <= r.start), None)
            gap = text[mentions[prv].end:r.start].strip() if prv is not None else None
            if prv is not None and prv not in linked and (
                    (mentions[prv].kind in ("country", "org") and gap in ("'s", "’s", "'"))
                    # Urdu genitive postposition: "ترکی کے صدر ... پاکستان" is Turkey's president
                    or (mentions[prv].kind in ("country", "org") and gap and any(
                        c.label == "postdest" and text[c.start:c.end] == gap
                        and mentions[prv].end <= c.start and c.end <= r.start for c in cues))
                    or (mentions[prv].kind in ("country", "adj", "org") and gap in ("", "-"))):
                if target == "leader":
                    role_of_leader.pop(nxt, None)
                target = prv
        if target is None and not arabic:
            prv = next((i for i in range(len(mentions) - 1, -1, -1) if mentions[i].end <= r.start), None)
            if prv is not None and mentions[prv].kind in ("country", "adj", "org") \
                    and _gap_ok(text, mentions[prv].end, r.start, 2):
                target = prv
        if isinstance(target, int):
            m = mentions[target]
            via = r.label if r.label in ("counterpart", "delegation", "institution") else "role"
            if "ruler" in r.flags and m.kind in ("country", "adj"):
                _remember(offices, text[r.start:r.end], m.code)   # "el emir de Qatar ... la visita del emir"
            if target not in linked:
                linked.add(target)
                parties.append(Party(m.start, m.end, m.code, via, r.label, None, text[r.start:m.end],
                                     min(r.start, m.start)))
            elif via != "institution":   # "نائب رئيس مجلس الوزراء وزير الخارجية الكويتي": the office wins
                parties = [p._replace(via=via, role=r.label) if p.pos == m.start and p.via == "institution" else p
                           for p in parties]
        elif target is None and r.label == "counterpart":
            parties.append(Party(r.start, r.end, None, "counterpart", "counterpart", None, text[r.start:r.end]))
        elif target is None and r.label in _STATE_OFFICES and not any(
                m.kind == "leader" and 0 <= m.start - r.end <= 40 for m in mentions):
            # "the Foreign Minister arrived ...": an office with no country and no known holder is
            # the one the story named before, else the coder may give it the article's home state
            known = offices.get(text[r.start:r.end]) if offices else None
            parties.append(Party(r.start, r.end, known or None, "role" if known else "office", r.label, None,
                                 text[r.start:r.end]))

    # 2. "between X and Y" (capitals as metonyms: "بين موسكو وكييف"); "talks Russian-Ukrainian"
    for c in [c for c in cues if c.kind != "cue" or c.label == "between"] + list(triggers):
        nxt = bisect.bisect_left(starts, c.end)
        if nxt >= n_m or not _gap_ok(text, c.end, mentions[nxt].start, 2 if c.kind == "cue" else 0):
            continue
        kinds = ("country", "adj", "org", "capital") if c.kind == "cue" else ("adj",)
        if mentions[nxt].kind in kinds and nxt not in linked:
            linked.add(nxt)
            m = mentions[nxt]
            parties.append(Party(m.start, m.end, m.code, "between", None, None, m.surface))

    # 3. chains: "the Russian and Ukrainian delegations", "X and Y" after a linked one.
    titles = [c for c in cues if c.label == "statetitle"]
    for i in range(n_m - 1):
        a, b = mentions[i], mentions[i + 1]
        pair_adj = i not in linked and a.kind == "adj" and b.kind == "adj" and a.code != b.code
        chain = i + 1 not in linked and b.kind in ("country", "adj", "capital") \
            and (b.kind != "capital" or a.kind == "capital")
        back = not arabic and i + 1 in linked and i not in linked and a.kind == "adj" \
            and b.kind in ("adj", "country") and a.code != b.code
        if not (pair_adj or back or (chain and i in linked)):
            continue                           # neither rule can apply: skip reading the gap
        gap = _untitled_gap(text, a.end, b.start, titles)
        for art in ("ال", "لل"):               # "الروسي والأوكراني": the article is outside the mention
            if gap.endswith(art):
                gap = gap[:-len(art)].strip()
        if pair_adj and gap in ("-", "–") and not any(
                c.label == "topic" and c.end <= a.start and _gap_ok(text, c.end, a.start, 1) for c in cues):
            linked.add(i)                      # "الروسي-الأمريكي", "Russian-Chinese" (not "the Russian-Ukrainian file")
            parties.append(Party(a.start, a.end, a.code, "role", None, None, a.surface))
        if back and _and_gap(gap):               # "the Russian and Ukrainian delegations"
            head = next((p for p in parties if p.pos == b.start), None)
            if head is not None and head.via in ("role", "delegation"):
                linked.add(i)
                parties.append(Party(a.start, a.end, a.code, head.via, head.role, None, a.surface))
        if chain and i in linked and (_and_gap(gap) or gap in ("-", "–")):
            linked.add(i + 1)
            head = next((p for p in parties if p.pos == a.start), None)
            parties.append(Party(b.start, b.end, b.code, head.via if head else "role", head.role if head else None,
                                 None, b.surface))

    # 4. leaders, places, bare countries.
    place_cues = [c for c in cues if c.label in _MARKERS and "post" not in c.flags]
    # case endings after the name mark it in agglutinative languages ("Ankara'ya" = to Ankara)
    post_cues = [c for c in cues if c.label in _MARKERS and "post" in c.flags]
    for i, m in enumerate(mentions):
        if m.kind == "leader":
            parties.append(Party(m.start, m.end, m.code, "leader", m.role or role_of_leader.get(i),
                                 m.name, m.surface))
            continue
        if i in linked:
            continue
        marker = _marker(text, m.start, place_cues)
        if marker is None and post_cues:
            marker = next((c.label for c in post_cues if 0 <= c.start - m.end <= 1
                           and text[m.end:c.start] in ("", "'", "\u2019", " ")), None)   # " kentine": a noun after
        if m.kind in _PLACE_KINDS:
            places.append(Place(m.start, m.end, m.code, m.surface, marker))
        elif m.kind == "country" and marker:
            places.append(Place(m.start, m.end, m.code, None, marker))
        elif m.kind == "metonym" and marker == "loc":   # "at the Kremlin", "بقصر الاتحادية"
            places.append(Place(m.start, m.end, m.code, m.surface, marker))
        elif m.kind in ("country", "org"):
            bare.append(Party(m.start, m.end, m.code, "bare", "org" if m.kind == "org" else None, None, m.surface))
    # 5. "in the presence of a Turkish delegation": observers, not sides
    for c in cues:
        if c.label == "presence":
            parties = [p._replace(via="observer") if p.pos >= c.end and _gap_ok(text, c.end, p.pos, 3) else p
                       for p in parties]
    # 6. "the Angolan president, the current chair of the African Union": an organisation's chair
    #    set off by a comma right after a state's official is that official's title, not a side
    orgs = {m.start for m in mentions if m.kind == "org"}
    if orgs and len(parties) > 1:
        parties = [_chair_title(p, parties, orgs, text) for p in parties]
    parties.sort(key=_POS)
    return parties, bare, places


_CHAIR_LEAD = 4      # words between the state's mention and the comma (the office, a name)
_CHAIR_TAIL = 2      # words between the comma and the chair's office ("the current")


def _chair_title(p: Party, parties, orgs, text: str) -> Party:
    """`p` as an observer when it is an organisation reached by a head-of-state office ("president",
    "chair", "رئيس") that stands in apposition to the state official named just before it."""
    if p.pos not in orgs or p.via != "role" or p.role != "head_of_state" or p.start is None:
        return p
    prev = max((q for q in parties if q.code and q.pos not in orgs and q.end <= p.start and q.via != "observer"),
               key=_POS, default=None)
    if prev is None:
        return p
    lead, comma, tail = text[prev.end:p.start].rpartition(",") if "," in text[prev.end:p.start] \
        else text[prev.end:p.start].rpartition("،")
    if not comma or any(ch in lead for ch in _STOP_PUNCT) or len(lead.split()) > _CHAIR_LEAD \
            or len(tail.split()) > _CHAIR_TAIL or any(w in _AND for w in tail.split()) or tail.strip()[:1] == "و":
        return p
    return p._replace(via="observer")
