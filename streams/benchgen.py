"""Realistic benchmark input: N articles derived from the package's example articles.

Each generated article keeps the furniture of an example page (site header, date line,
"read also" block, share/copyright footer, or an HTML shell) and rebuilds the story:
the example's lead paragraph with countries swapped, then paragraphs drawn from other
examples of the same language, shuffled, plus a sentence with random figures. That keeps
the text stages doing real work (boilerplate to cut, events to code) while most
generated articles are distinct stories for the dedup stage. Shares are controlled:
~10 % duplicates (exact re-posts under a new id and URL, or near copies with a changed
header/one paragraph dropped) and ~20 % non-diplomatic pages (sport, weather, markets).

Deterministic for a seed; no network, no evaluation data.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from importlib import resources

import orjson

_SENT = re.compile(r"(?<=[.!?؟])\s+")

# Country names that the swap step exchanges inside a lead paragraph (language -> names).
_COUNTRIES = {
    "ar": ["مصر", "السعودية", "قطر", "الإمارات", "الكويت", "عمان", "الأردن", "تركيا", "إيران", "الصين",
           "روسيا", "فرنسا", "ألمانيا", "اليابان", "الهند", "الجزائر", "المغرب", "تونس", "العراق", "باكستان"],
    "en": ["Egypt", "Saudi Arabia", "Qatar", "Oman", "Jordan", "Turkey", "Iran", "China", "Russia", "France",
           "Germany", "Japan", "India", "Indonesia", "Brazil", "Kenya", "Nigeria", "Vietnam", "Canada", "Italy"],
    "fr": ["l'Égypte", "le Maroc", "l'Algérie", "la Tunisie", "le Sénégal", "la Chine", "la Russie",
           "l'Allemagne", "le Japon", "l'Inde", "le Qatar", "la Turquie"],
}

# Non-diplomatic filler, written for this generator (sport, weather, markets, culture).
_OTHER = {
    "ar": [
        "ارتفع مؤشر البورصة الرئيسي بنسبة {p} في المئة في ختام تعاملات اليوم بدعم من أسهم البنوك والعقارات.",
        "توقعت هيئة الأرصاد هطول أمطار رعدية على المناطق الشمالية مع انخفاض درجات الحرارة إلى {n} درجة.",
        "أعلن نادي الاتحاد تعاقده مع مهاجم جديد لمدة {k} مواسم بعد اجتياز الفحص الطبي بنجاح.",
        "افتتح معرض الكتاب الدولي أبوابه بمشاركة {n} دار نشر من مختلف الدول العربية والأجنبية.",
        "سجلت أسعار الذهب في السوق المحلية تراجعا طفيفا وبلغ سعر الغرام عيار 21 نحو {n} جنيها.",
        "قررت وزارة التعليم تمديد فترة التسجيل في المدارس الحكومية حتى نهاية الأسبوع المقبل.",
        "حقق الفريق الأول لكرة السلة فوزا صعبا على منافسه بنتيجة {n} مقابل {m} في الدوري المحلي.",
        "أطلقت شركة الاتصالات خدمة الجيل الخامس في {k} مدن جديدة ضمن خطتها للتوسع هذا العام.",
        "شهدت الطرق السريعة ازدحاما مروريا كبيرا مع بداية العطلة واتخذت إدارة المرور إجراءات لتخفيفه.",
        "كشف تقرير البنك المركزي أن معدل التضخم السنوي استقر عند {p} في المئة خلال الشهر الماضي.",
        "فاز الفيلم الوثائقي بجائزة أفضل عمل في مهرجان السينما بعد منافسة مع {k} أفلام أخرى.",
        "أعلنت شركة الطيران الوطنية زيادة رحلاتها الأسبوعية إلى {k} وجهات صيفية بدءا من الشهر المقبل.",
    ],
    "en": [
        "The benchmark stock index closed {p}% higher, led by banks and real-estate developers.",
        "Forecasters expect thunderstorms over the northern districts, with temperatures falling to {n} degrees.",
        "The club confirmed the signing of a new striker on a {k}-year contract after a medical.",
        "The international book fair opened its doors with {n} publishers from across the region.",
        "Gold prices edged lower in local trading, with an ounce changing hands near ${n}.",
        "The education ministry extended school registration until the end of next week.",
        "The home side won a tight basketball game {n} to {m} to stay top of the league.",
        "The telecom operator switched on 5G service in {k} more cities as part of its expansion plan.",
        "Motorways were congested at the start of the holiday and traffic police diverted trucks overnight.",
        "Annual inflation held at {p}% last month, the central bank said in its monthly bulletin.",
        "The documentary won the festival's top prize ahead of {k} other nominated films.",
        "The national airline will add weekly flights to {k} summer destinations from next month.",
    ],
    "fr": [
        "L'indice boursier principal a clôturé en hausse de {p} %, porté par les banques.",
        "Des orages sont attendus sur le nord du pays, avec des températures en baisse à {n} degrés.",
        "Le club a officialisé l'arrivée d'un nouvel attaquant pour {k} saisons.",
        "Le salon international du livre a ouvert ses portes avec {n} maisons d'édition.",
        "L'inflation annuelle est restée stable à {p} % le mois dernier, selon la banque centrale.",
        "La compagnie aérienne nationale ajoutera des vols vers {k} destinations estivales.",
    ],
}

_FIGURES = {
    "ar": "وأشارت بيانات رسمية إلى أن حجم التبادل التجاري بين الجانبين بلغ {n} مليون دولار في عام {y}، بزيادة {p} في المئة.",
    "en": "Official figures put two-way trade at ${n} million in {y}, up {p}% on the previous year.",
    "fr": "Selon les chiffres officiels, les échanges bilatéraux ont atteint {n} millions de dollars en {y}, en hausse de {p} %.",
}


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


class ArticleGenerator:
    """`generate(n)` -> list of JSON-serialisable article dicts (and `lines(n)` -> bytes)."""

    def __init__(self, seed: int = 1, dup_share: float = 0.10, other_share: float = 0.20,
                 html_share: float = 0.15, templates: list[_Template] | None = None):
        self.rng = random.Random(seed)
        self.dup_share, self.other_share, self.html_share = dup_share, other_share, html_share
        self.templates = templates or load_templates()
        self.by_lang: dict[str, list[_Template]] = {}
        for t in self.templates:
            self.by_lang.setdefault(t.lang, []).append(t)
        self.diplomatic = [t for t in self.templates if t.diplomatic and t.lang in _OTHER]
        self.pool = {lang: [s for t in ts for p in t.body for s in _SENT.split(p) if len(s) > 30]
                     for lang, ts in self.by_lang.items()}
        self.seq = 0

    # --- pieces ---------------------------------------------------------------------------
    def _fill(self, s: str) -> str:
        r = self.rng
        return s.format(n=r.randint(12, 9800), m=r.randint(10, 99), k=r.randint(2, 9),
                        p=f"{r.randint(0, 9)}.{r.randint(0, 9)}", y=r.randint(2019, 2026))

    def _swap(self, text: str, lang: str) -> str:
        names = _COUNTRIES.get(lang, [])
        present = [c for c in names if c in text]
        if not present:
            return text
        old = self.rng.choice(present)
        new = self.rng.choice([c for c in names if c not in present] or names)
        return re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", new, text)

    def _published(self) -> str:
        r = self.rng
        return f"2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00+03:00"

    def _story(self, t: _Template) -> list[str]:
        r = self.rng
        paras = [self._swap(t.lead, t.lang)]
        pool = self.pool.get(t.lang) or []
        picked = r.sample(pool, min(len(pool), r.randint(4, 7)))
        own = list(t.body)
        r.shuffle(own)
        mixed = own[: r.randint(1, max(1, len(own)))] + picked
        r.shuffle(mixed)
        paras += mixed
        paras.insert(r.randint(1, len(paras)), self._fill(_FIGURES.get(t.lang, _FIGURES["en"])))
        return paras

    def _other_story(self, lang: str) -> list[str]:
        r = self.rng
        sents = r.sample(_OTHER[lang], min(len(_OTHER[lang]), r.randint(5, 8)))
        return [self._fill(s) for s in sents]

    def _page(self, t: _Template, paras: list[str], lang: str, title: str | None) -> dict:
        self.seq += 1
        art_id = f"bench-{self.seq:07d}"
        base = t.url.rsplit("/", 1)[0]
        art = {"id": art_id, "url": f"{base}/{art_id}", "source": t.source, "published_at": self._published(),
               "title": title}
        header = list(t.header)
        if header and title:
            header[-2 if len(header) > 1 else -1] = title
        if self.rng.random() < self.html_share:
            body = "".join(f"<p>{p}</p>" for p in paras)
            nav = "".join(f"<li><a href='/{i}'>{h}</a></li>" for i, h in enumerate(header[:2]))
            art["html"] = (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{title or ''}</title>"
                           "<script>window.dataLayer=window.dataLayer||[];</script></head><body>"
                           f"<header><nav><ul>{nav}</ul></nav></header><main><article><h1>{title or ''}</h1>{body}"
                           f"</article></main><footer>{' '.join(t.tail[-2:])}</footer></body></html>")
        else:
            art["text"] = "\n".join(header + paras + t.tail)
        return art

    # --- public ---------------------------------------------------------------------------
    def one(self, history: list[dict]) -> dict:
        r = self.rng
        roll = r.random()
        if history and roll < self.dup_share:
            orig = r.choice(history[-200:])
            self.seq += 1
            art = dict(orig, id=f"bench-{self.seq:07d}", url=orig["url"].rsplit("/", 1)[0] + f"/bench-{self.seq:07d}")
            if "text" in art and r.random() < 0.5:     # near copy: another site's header, last paragraph gone
                lines = art["text"].split("\n")
                art["text"] = "\n".join(["Syndicated"] + lines[:-3] + lines[-2:])
            return art
        if roll < self.dup_share + self.other_share:
            t = r.choice([t for t in self.templates if t.lang in _OTHER])
            paras = self._other_story(t.lang)
            return self._page(t, paras, t.lang, paras[0].split(",")[0][:90])
        t = r.choice(self.diplomatic)
        return self._page(t, self._story(t), t.lang, t.title)

    def generate(self, n: int) -> list[dict]:
        out: list[dict] = []
        for _ in range(n):
            out.append(self.one(out))
        return out

    def lines(self, n: int) -> list[bytes]:
        return [orjson.dumps(a) for a in self.generate(n)]


def generate(n: int, seed: int = 1) -> list[bytes]:
    """N articles as JSON Lines bytes (what `streams publish` sends)."""
    return ArticleGenerator(seed=seed).lines(n)


if __name__ == "__main__":
    import sys

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    sys.stdout.buffer.write(b"\n".join(generate(n)) + b"\n")
