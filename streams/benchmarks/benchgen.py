"""Realistic benchmark input: N synthetic news articles in Arabic, English and French.

Each generated article keeps the furniture of one of the package's example pages (site
header, date line, "read also" block, share/copyright footer, or an HTML shell, 15 %) and
carries a new story written from the sentence templates and slot pools in
streams/benchmarks/data/<lang>.json (written for this generator): a lead (who met / visited /
called / signed with whom, where, when) and 9-16 body sentences drawn from a pool of
110-140 per language, their slots (countries, capitals, office holders, names, sectors,
topics, agreements, organisations, figures) filled independently and stock phrases varied
by synonym groups, so two stories share few content stems (Jaccard ~0.1) and the dedup
stage, at its default threshold, finds the planted duplicates and few others. The date
line, byline, masthead and "read also" headlines vary too. Shares are controlled: ~10 % duplicates (exact re-posts under a new
id and URL, or near copies on another site of the same language with one paragraph
dropped) and ~20 % non-diplomatic pages (sport, weather, markets, culture, city news).
Median size ~3 KB.

Deterministic for a seed; no network, no evaluation data.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from importlib import resources

import orjson


@dataclass
class _Template:
    id: str
    lang: str
    diplomatic: bool
    header: list[str]
    lead: str
    body: list[str]
    tail: list[str]
    title: str | None
    source: str | None
    url: str


def _split(text: str) -> tuple[list[str], list[str], list[str]]:
    """(header lines, story paragraphs, tail lines) of a plain-text page."""
    lines = [ln for ln in text.split("\n")]
    start = next((i for i, ln in enumerate(lines) if len(ln) >= 90), None)
    if start is None:
        return [], [ln for ln in lines if ln.strip()], []
    end = start
    while end < len(lines) and len(lines[end]) >= 25:
        end += 1
    return lines[:start], lines[start:end], lines[end:]


def _html_text(html: str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    paras = [p.text(strip=True) for p in tree.css("p")]
    return "\n".join(p for p in paras if p)


def _language(text: str) -> str:
    arabic = sum(1 for ch in text[:400] if "\u0600" <= ch <= "\u06ff")
    if arabic > 40:
        return "ar"
    return "fr" if re.search(r"\b(le|la|les|des|du)\b", text[:600]) and " the " not in text[:600] else "en"


def load_templates(path=None) -> list[_Template]:
    data = open(path, "rb").read() if path else \
        resources.files("streams").joinpath("examples/articles.jsonl").read_bytes()
    gold = {}
    try:
        gdata = resources.files("streams").joinpath("examples/gold.jsonl").read_bytes()
        gold = {g["id"]: g for g in map(orjson.loads, gdata.splitlines()) if g}
    except (FileNotFoundError, OSError):
        pass
    out = []
    for raw in data.splitlines():
        if not raw.strip():
            continue
        a = orjson.loads(raw)
        g = gold.get(a["id"], {})
        if g.get("duplicate_of"):
            continue                      # the examples' own duplicates add no new story
        text = a.get("text") or _html_text(a.get("html") or "")
        header, paras, tail = _split(text)
        if not paras:
            continue
        lang = g.get("language") or _language(text)
        diplomatic = bool(g.get("events", [1]))
        out.append(_Template(a["id"], lang, diplomatic, header, paras[0], paras[1:], tail,
                             a.get("title"), a.get("source"), a.get("url") or f"https://example.org/{a['id']}"))
    return out


_POOL_KEYS = ("countries", "roles", "first", "last", "sectors", "topics", "agreements", "orgs", "orgs_short",
              "venues", "days", "months", "leads", "body", "figures", "titles", "other", "teams", "players",
              "regions", "cities", "festivals", "market_sectors", "gadgets", "ordinals", "centuries")
LANG_WEIGHTS = {"ar": 0.55, "en": 0.30, "fr": 0.15}
# sentences per story (diplomatic body, non-diplomatic page): ~3 KB median with the furniture
_BODY_SENTENCES = {"ar": (9, 13), "en": (12, 16), "fr": (11, 15)}
_OTHER_SENTENCES = {"ar": (6, 9), "en": (7, 10), "fr": (6, 9)}


def load_pools(lang: str) -> dict:
    """Sentence templates and slot pools of one language (streams/benchmarks/data/<lang>.json)."""
    data = orjson.loads(resources.files("streams.benchmarks").joinpath(f"data/{lang}.json").read_bytes())
    missing = [k for k in _POOL_KEYS if k not in data]
    if missing:
        raise ValueError(f"benchgen pools for {lang!r} lack {missing}")
    return data


def _fr_de(x: str) -> str:
    """French "de" + noun phrase: de l'Égypte, du Maroc, des Nations unies, d'avril."""
    if x[:1].lower() in "aeiouéèêâîôû":
        return "d'" + x
    if x.startswith("le "):
        return "du " + x[3:]
    if x.startswith("les "):
        return "des " + x[4:]
    return "de " + x


def _fr_a(x: str) -> str:
    """French "to/in" + country: au Maroc, en Égypte, en Chine."""
    if x.startswith("le "):
        return "au " + x[3:]
    if x.startswith("les "):
        return "aux " + x[4:]
    if x.startswith("la "):
        return "en " + x[3:]
    if x.startswith("l'"):
        return "en " + x[2:]
    return "à " + x


_FR_FIX = (("à Le Caire", "au Caire"), ("de Le Caire", "du Caire"))


def _synonyms(pools: dict) -> tuple[re.Pattern, dict[str, list[str]]] | None:
    """One regex over every phrase of the language's synonym groups, longest first, and phrase -> group."""
    groups: dict[str, list[str]] = {}
    for group in pools.get("synonyms") or []:
        for phrase in group:
            groups[phrase.lower()] = group
    if not groups:
        return None
    alts = "|".join(re.escape(p) for p in sorted(groups, key=len, reverse=True))
    return re.compile(rf"(?<![\w{{-])(?:{alts})(?![\w}}-])", re.IGNORECASE), groups


def _split_synonyms(text: str, syn) -> list:
    """text -> literal strings and (synonym group, capitalised) pairs, in order."""
    if syn is None:
        return [text]
    rx, groups = syn
    parts: list = []
    pos = 0
    for m in rx.finditer(text):
        parts.append(text[pos:m.start()])
        parts.append((groups[m.group(0).lower()], m.group(0)[:1].isupper()))
        pos = m.end()
    parts.append(text[pos:])
    return [p for p in parts if p != ""] or [text]


def _read_also(line: str) -> bool:
    from streams.text import boilerplate

    v = boilerplate.classify(line.strip()) if line.strip() else None
    return v is not None and v[1] == "read_also"


_DATE_LINE = re.compile(r"\b20\d\d\b")
_BYLINE = {"en": ("By ",), "ar": ("كتب",), "fr": ("Par ",)}
_DATE_FMT = {
    "en": "{wd}, {mon} {d}, {y} {hh}:{mm}",
    "ar": "{wd} {d} {mon} {y} - {hh}:{mm}",
    "fr": "Publié le {wd} {d} {mon} {y} à {hh}h{mm}",
}


class _Slots(dict):
    """format_map mapping: story slots first, any other slot drawn fresh (only if the template uses it)."""

    __slots__ = ("gen", "story", "lang")

    def __init__(self, gen: "ArticleGenerator", story: dict, lang: str):
        super().__init__()
        self.gen, self.story, self.lang = gen, story, lang

    def __missing__(self, key: str):
        value = self.story.get(key)
        if value is None:
            value = self.gen._fresh(key, self.lang)
        return value


class ArticleGenerator:
    """`generate(n)` -> list of JSON-serialisable article dicts (and `lines(n)` -> bytes).

    `kinds` records, per generated article, what it is: "story" (diplomatic), "other"
    (non-diplomatic), "exact" (re-post of an earlier article) or "near" (near copy of one).
    """

    def __init__(self, seed: int = 1, dup_share: float = 0.10, other_share: float = 0.20,
                 html_share: float = 0.15, templates: list[_Template] | None = None,
                 lang_weights: dict[str, float] | None = None, exact_share: float = 0.55):
        self.rng = random.Random(seed)
        self.dup_share, self.other_share, self.html_share = dup_share, other_share, html_share
        self.exact_share = exact_share
        self.templates = templates or load_templates()
        weights = lang_weights or LANG_WEIGHTS
        self.pools = {lang: load_pools(lang) for lang in weights}
        self.synonyms = {lang: _synonyms(P) for lang, P in self.pools.items()}
        self._split_cache: dict[str, list] = {}
        self.by_lang: dict[str, list[_Template]] = {}
        for t in self.templates:
            if t.lang in self.pools:
                self.by_lang.setdefault(t.lang, []).append(t)
        self.langs = [lang for lang in weights if lang in self.by_lang]
        self.weights = [weights[lang] for lang in self.langs]
        if not self.langs:
            raise ValueError("no example article in a language with benchgen pools")
        # site furniture for diplomatic stories: diplomatic examples where the language has some
        self.sites = {lang: [t for t in ts if t.diplomatic] or ts for lang, ts in self.by_lang.items()}
        self.seq = 0
        self.kinds: list[str] = []
        self._titles: dict[str, list[str]] = {}
        self._read_also_at: dict[str, int] = {}      # template id -> index of its "read also" heading, or -1
        self._originals: list[tuple[dict, dict]] = []    # (article, how it was built) for near copies

    # --- slots ----------------------------------------------------------------------------
    def _pick(self, seq):
        return seq[int(self.rng.random() * len(seq))]

    def _name(self, P: dict) -> str:
        return f"{self._pick(P['first'])} {self._pick(P['last'])}"

    def _story_slots(self, lang: str) -> dict:
        r, P = self.rng, self.pools[lang]
        a, b, c = r.sample(P["countries"], 3)
        s = {"nameA": self._name(P), "nameB": self._name(P), "nameC": self._name(P),
             "role_a": self._pick(P["roles"]), "role_b": self._pick(P["roles"]),
             "sector": self._pick(P["sectors"]), "topic": self._pick(P["topics"]),
             "agreement": self._pick(P["agreements"]), "venue": self._pick(P["venues"]),
             "day": self._pick(P["days"]), "day2": self._pick(P["days"]),
             "team": None, "team2": None, "player": self._pick(P["players"]),
             "region": self._pick(P["regions"]), "city": None, "city2": None,
             "festival": self._pick(P["festivals"]), "market_sector": self._pick(P["market_sectors"]),
             "gadget": self._pick(P["gadgets"]), "century": self._pick(P["centuries"]),
             "y0": r.randint(2008, 2024), "y2": r.randint(1950, 1995)}
        s["team"], s["team2"] = r.sample(P["teams"], 2)
        s["g2"] = r.randint(0, 2)
        s["g1"] = s["g2"] + r.randint(1, 3)
        s["city"], s["city2"] = r.sample(P["cities"], 2)
        for key, cty in (("A", a), ("B", b), ("C", c)):
            s[key] = cty["name"]
            s[f"{key}_adj"] = cty["adj"]
            s[f"{key}_adjf"] = cty.get("adjf", cty["adj"])
            s[f"{key}_cap"] = cty["cap"]
            s[f"{key}_CAP"] = cty["cap"].upper()
            s[f"{key}_Name"] = cty["name"][:1].upper() + cty["name"][1:]
            if lang == "fr":
                s[f"de_{key}"] = cty.get("de") or _fr_de(cty["name"])
                s[f"{key}_a"] = _fr_a(cty["name"])
        return s

    def _fill(self, template: str, story: dict, lang: str) -> str:
        """Fill a template: story-level slots (countries, people, main sector...) from `story`,
        every other slot (second sector, figures, month...) drawn afresh for this sentence."""
        text = template.format_map(_Slots(self, story, lang))
        if lang == "fr":
            for a, b in _FR_FIX:
                if a in text:
                    text = text.replace(a, b)
        return text

    def _fresh(self, key: str, lang: str):
        r, P = self.rng, self.pools[lang]
        rnd = r.random
        if key in ("sector2", "sector3"):
            return self._pick(P["sectors"])
        if key == "topic2":
            return self._pick(P["topics"])
        if key == "n":
            return 12 + int(rnd() * 9789)
        if key == "m":
            return 10 + int(rnd() * 90)
        if key in ("k", "h"):
            return 2 + int(rnd() * 8)
        if key == "n2":
            return 3 + int(rnd() * 28)
        if key == "t":
            return 4 + int(rnd() * 16)
        if key == "p":
            return f"{int(rnd() * 10)}{',' if lang == 'fr' else '.'}{1 + int(rnd() * 9)}"
        if key == "y":
            return 2019 + int(rnd() * 8)
        if key == "y1":
            return 2027 + int(rnd() * 9)
        if key in ("month", "ordinal", "org", "org_short"):
            return self._pick(P[{"month": "months", "ordinal": "ordinals", "org": "orgs", "org_short": "orgs_short"}[key]])
        if key == "de_org":
            return _fr_de(self._pick(P["orgs"]))
        if key == "de_month":
            return _fr_de(self._pick(P["months"]))
        raise KeyError(key)

    def _vary(self, text: str, lang: str) -> str:
        """Swap stock words and phrases for synonyms (two stories rarely share all their wording)."""
        parts = self._split_cache.get(text)
        if parts is None:
            parts = self._split_cache[text] = _split_synonyms(text, self.synonyms.get(lang))
        if len(parts) == 1:
            return text
        choice = self._pick
        out = []
        for part in parts:
            if isinstance(part, str):
                out.append(part)
            else:
                group, upper = part
                new = choice(group)
                out.append(new[:1].upper() + new[1:] if upper else new)
        return "".join(out)

    # --- pieces ---------------------------------------------------------------------------
    def _published(self) -> tuple[str, tuple[int, int, int, int, int]]:
        r = self.rng
        mo, d, hh, mm = r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59)
        return f"2026-{mo:02d}-{d:02d}T{hh:02d}:{mm:02d}:00+03:00", (2026, mo, d, hh, mm)

    def _header(self, t: _Template, lang: str, title: str | None, when: tuple[int, int, int, int, int]) -> list[str]:
        """The example page's header with this article's title, date line and byline."""
        import datetime

        P = self.pools[lang]
        header = list(t.header)
        if header and title:
            header[-2 if len(header) > 1 else -1] = title
        y, mo, d, hh, mm = when
        wd = P["days"][datetime.date(y, mo, d).weekday()]
        for i, line in enumerate(header[1:], 1):
            if line == title:
                continue
            if _DATE_LINE.search(line) and len(line) < 80:
                header[i] = _DATE_FMT[lang].format(wd=wd.capitalize() if lang == "en" else wd, mon=P["months"][mo - 1],
                                                   d=d, y=y, hh=f"{hh:02d}", mm=f"{mm:02d}")
            elif line.startswith(_BYLINE.get(lang, ())) and len(line) < 60:
                prefix = "كتب: " if lang == "ar" else line.split(" ", 1)[0] + " "
                header[i] = prefix + self._name(P)
        return header

    def _paragraphs(self, sentences: list[str]) -> list[str]:
        """Group sentences into paragraphs of one to three sentences."""
        out, i = [], 0
        while i < len(sentences):
            k = self._pick((1, 2, 2, 3))
            out.append(" ".join(sentences[i:i + k]))
            i += k
        return out

    def _sentences(self, lang: str, pool: str, bounds: tuple[int, int], slots) -> list[str]:
        """lo..hi distinct sentences of a pool, phrasing varied, slots filled."""
        r, sentences = self.rng, self.pools[lang][pool]
        picked = r.sample(sentences, min(len(sentences), r.randint(*bounds)))
        return [self._fill(self._vary(s, lang), slots, lang) for s in picked]

    def _story(self, lang: str) -> tuple[str, list[str]]:
        r, P = self.rng, self.pools[lang]
        slots = self._story_slots(lang)
        body = self._sentences(lang, "body", _BODY_SENTENCES.get(lang, (8, 12)), slots)
        if r.random() < 0.5:
            body.insert(r.randint(0, len(body)), self._fill(self._vary(P["figures"], lang), slots, lang))
        lead = self._fill(self._pick(P["leads"]), slots, lang)
        title = self._fill(self._pick(P["titles"]), slots, lang)
        return title, [lead] + self._paragraphs(body)

    def _other_story(self, lang: str) -> tuple[str, list[str]]:
        slots = self._story_slots(lang)
        sents = self._sentences(lang, "other", _OTHER_SENTENCES.get(lang, (8, 11)), slots)
        first = sents[0].split("،")[0].split(",")[0].rstrip(".")
        return first[:90], self._paragraphs(sents)

    def _related(self, lang: str, title: str | None) -> list[str]:
        """Two to four headlines of earlier stories in the same language, for the "read also" block."""
        titles = [t for t in (self._titles.get(lang) or [])[-60:] if t != title]
        if not titles:
            return []
        return self.rng.sample(titles, min(len(titles), self.rng.randint(2, 4)))

    def _page(self, t: _Template, paras: list[str], lang: str, title: str | None) -> dict:
        self.seq += 1
        art_id = f"bench-{self.seq:07d}"
        base = t.url.rsplit("/", 1)[0]
        published, when = self._published()
        source, tail = t.source, list(t.tail)
        header = self._header(t, lang, title, when)
        sites = self.pools[lang].get("sites")
        if sites and source and self.rng.random() < 0.7:     # the same page layout under another masthead
            new = self._pick(sites)
            header = [ln.replace(source, new) for ln in header]
            tail = [ln.replace(source, new) for ln in tail]
            source = new
        art = {"id": art_id, "url": f"{base}/{art_id}", "source": source, "published_at": published,
               "title": title}
        related = self._related(lang, title)
        at = self._read_also_at.get(t.id)
        if at is None:
            at = self._read_also_at[t.id] = next((i for i, ln in enumerate(tail) if _read_also(ln)), -1)
        at = at if at >= 0 else None
        if self.rng.random() < self.html_share:
            body = "".join(f"<p>{p}</p>" for p in paras)
            nav = "".join(f"<li><a href='/{i}'>{h}</a></li>" for i, h in enumerate(header[:2]))
            aside = ""
            if at is not None and related:
                links = "".join(f"<li><a href='/related/{i}'>{h}</a></li>" for i, h in enumerate(related))
                aside = f"<aside class='related'><h3>{tail[at]}</h3><ul>{links}</ul></aside>"
            art["html"] = (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{title or ''}</title>"
                           "<script>window.dataLayer=window.dataLayer||[];</script></head><body>"
                           f"<header><nav><ul>{nav}</ul></nav></header><main><article><h1>{title or ''}</h1>{body}"
                           f"</article>{aside}</main><footer>{' '.join(tail[-2:])}</footer></body></html>")
        else:
            if at is not None and related:
                dash = "- " if at + 1 < len(tail) and tail[at + 1].startswith("- ") else ""
                tail[at + 1:at + 1] = [dash + h for h in related]
            art["text"] = "\n".join(header + paras + tail)
        return art

    def _duplicate(self) -> dict:
        """An exact re-post (new id and URL, same bytes) or a near copy (another site of the same
        language, lightly edited: one paragraph dropped, the title re-used)."""
        r = self.rng
        orig, how = self._pick(self._originals[-200:])
        if r.random() < self.exact_share:
            self.seq += 1
            new_id = f"bench-{self.seq:07d}"
            self.kinds.append("exact")
            return dict(orig, id=new_id, url=orig["url"].rsplit("/", 1)[0] + f"/{new_id}")
        paras = list(how["paras"])
        if len(paras) > 3:
            del paras[r.randint(1, len(paras) - 1)]
        site = self._pick(self.by_lang[how["lang"]])
        self.kinds.append("near")
        return self._page(site, paras, how["lang"], how["title"])

    # --- public ---------------------------------------------------------------------------
    def one(self) -> dict:
        r = self.rng
        roll = r.random()
        if self._originals and roll < self.dup_share:
            return self._duplicate()
        lang = r.choices(self.langs, self.weights)[0]
        if roll < self.dup_share + self.other_share:
            title, paras = self._other_story(lang)
            site, kind = self._pick(self.by_lang[lang]), "other"
        else:
            title, paras = self._story(lang)
            site, kind = self._pick(self.sites[lang]), "story"
        art = self._page(site, paras, lang, title)
        self.kinds.append(kind)
        self._originals.append((art, {"lang": lang, "paras": paras, "title": title}))
        self._titles.setdefault(lang, []).append(title)
        return art

    def generate(self, n: int) -> list[dict]:
        return [self.one() for _ in range(n)]

    def lines(self, n: int) -> list[bytes]:
        return [orjson.dumps(a) for a in self.generate(n)]


def generate(n: int, seed: int = 1) -> list[bytes]:
    """N articles as JSON Lines bytes (what `streams publish` sends)."""
    return ArticleGenerator(seed=seed).lines(n)


if __name__ == "__main__":
    import sys

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    sys.stdout.buffer.write(b"\n".join(generate(n)) + b"\n")
