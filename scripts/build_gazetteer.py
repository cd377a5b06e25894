#!/usr/bin/env python
"""Regenerate streams/data/gazetteer/built/*.tsv from Babel CLDR, pycountry and curated files.

Why a generator: CLDR and pycountry give every state's name in every language, time-zone
exemplar cities give localised city names; curated files add what they lack (short forms,
demonyms, Arabic nisba forms, capitals, organisations). The output is committed, so the
runtime (streams.events.gazetteer) never imports Babel or pycountry.

    .venv/bin/python scripts/build_gazetteer.py          # rewrite built/
    .venv/bin/python scripts/build_gazetteer.py --check  # exit 1 if built/ is stale
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry
import pytz
from babel import Locale
from babel.dates import get_timezone_location

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from streams.text.normalize import fold  # noqa: E402

DATA = ROOT / "streams" / "data" / "gazetteer"
BUILT = DATA / "built"
LANGS = ("ar", "en", "fr", "ru", "fa", "ur", "it", "es", "de", "tr")
LATIN = {"en", "fr", "it", "es", "de", "tr"}
# CLDR territory codes that are organisations, not states.
TERRITORY_ORGS = {"EU": "EU", "UN": "UN"}
# غ -> ج spelling variants are for foreign names only: Arabic names keep غ (المغرب/المجرب = "tested",
# غزة/جزة, إيغاد/إيجاد = "creating"), and جاني ("perpetrator"), جيني ("genetic") must not be Ghanaian/Guinean.
NO_G_VARIANT = {"MAR", "PSE", "IRQ", "SYR", "LBN", "JOR", "SAU", "ARE", "QAT", "KWT", "BHR", "OMN", "YEM",
                "EGY", "LBY", "TUN", "DZA", "MRT", "SDN", "SOM", "DJI", "COM", "IGAD", "ARAB_LEAGUE", "GCC",
                "OIC", "GHA"}
NO_G_ADJ = {("adj", "GIN")}
# Dependencies and oddities without diplomatic agency whose names collide with common words
# are dropped via stop.tsv; everything with an ISO alpha-3 code is kept.


def rows(name: str):
    path = DATA / name
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


def alts(cell: str) -> list[str]:
    return [s.strip() for s in (cell or "").split("|") if s.strip()]


def deaccent(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def split_paren(name: str) -> tuple[str, str | None]:
    if "(" in name and name.endswith(")"):
        head, tail = name[:-1].split("(", 1)
        return head.strip(), tail.strip()
    return name, None


def name_variants(name: str, bad_tails: set[str] = frozenset()) -> set[str]:
    """'Myanmar (Burma)' -> {'Myanmar (Burma)', 'Myanmar', 'Burma'}; curly quotes -> straight.
    The bracketed part is kept alone only when it is not in `bad_tails` (another territory's name,
    a qualifier shared by several territories such as "(SAR)", or an acronym such as "(США)")."""
    out = {name}
    head, tail = split_paren(name)
    if tail is not None:
        out.add(head)
        if fold(tail) not in bad_tails and not tail.isupper():
            out.add(tail)
    if "، " in name or ", " in name:    # fa: 'هنگ‌کنگ، منطقهٔ ویژهٔ اداری چین'
        out.add(name.replace("، ", ",").split(",")[0].strip())
    out |= {s.replace("’", "'") for s in out}
    out |= {s.replace(" - ", "-") for s in out if " - " in s}
    return {s for s in out if s}


# ----------------------------------------------------------------------- Russian inflection
def _ru_noun(w: str) -> list[str]:
    lw = w.lower()
    if lw.endswith("ия"):
        return [w[:-1] + e for e in ("и", "ю", "ей", "я")]
    if lw.endswith("я"):
        return [w[:-1] + e for e in ("и", "ю", "ей", "е")]
    if lw.endswith("а"):
        stem = w[:-1]
        gen = "и" if stem[-1:].lower() in "гкхжчшщ" else "ы"
        return [stem + e for e in (gen, "у", "ой", "е")]
    if lw.endswith(("й",)):
        return [w[:-1] + e for e in ("я", "ю", "ем", "е")]
    if lw.endswith(("о", "е", "и", "у", "ю", "э")):
        return []   # indeclinable (Конго, Чили, Перу)
    if lw.endswith("ь"):
        return [w[:-1] + e for e in ("и", "ью", "я", "ю", "ем", "е")]
    return [w + e for e in ("а", "у", "ом", "е")]


def _ru_adj(w: str) -> list[str]:
    lw = w.lower()
    if lw.endswith("ая"):
        return [w[:-2] + e for e in ("ой", "ую", "ая")]
    if lw.endswith(("ый", "ий", "ой")):
        stem = w[:-2]
        if lw.endswith("ний"):
            return [stem + e for e in ("его", "ему", "им", "ем", "ие", "их", "ими", "яя", "юю", "ей", "ее")]
        i = "и" if stem[-1:].lower() in "гкхжчшщ" else "ы"
        return [stem + e for e in ("ого", "ому", i + "м", "ом", i + "е", i + "х", i + "ми", "ой", "ая", "ую", "ое")]
    if lw.endswith("ое"):
        return [w[:-2] + e for e in ("ого", "ому", "ым", "ом")]
    if lw.endswith(("ие", "ые")):   # plural (Объединённые -> Объединённых, Арабские -> Арабских)
        y = w[-2]
        return [w[:-2] + y + e for e in ("х", "м", "ми", "х")]
    return []


def _ru_plural_noun(w: str) -> list[str]:
    """Plural toponym nouns (Эмираты, Штаты): genitive in -ов, dative, instrumental,
    prepositional; slots match `_ru_adj` plurals. (The bare genitive of Филиппины is left out:
    it would also index first names such as Алмат from the indeclinable Алматы.)"""
    stem = w[:-1]
    return [stem + e for e in ("ов", "ам", "ами", "ах")]


def ru_inflect(name: str) -> set[str]:
    """Common case forms of a Russian toponym (each word in the same case slot)."""
    words = name.split(" ")
    if "-" in name and len(words) == 1:   # Эр-Рияд -> Эр-Рияде, Тель-Авив -> Тель-Авиве: the last part declines
        head, _, last = name.rpartition("-")
        if last[:1].isupper() and not last.lower().endswith(("ий", "ый", "ой", "ая")):
            return {name} | {head + "-" + f for f in _ru_noun(last)}
        return {name}
    if len(words) > 3 or "-" in name:
        return {name}
    forms_per_word = []
    for w in words:
        if w[:1].islower() and w not in ("и",):
            f = _ru_adj(w) or _ru_noun(w)
        elif w.lower().endswith(("ая", "ый", "ий", "ое", "ые", "ие")):
            f = _ru_adj(w)
        elif w.lower().endswith("ы") and len(w) > 3:   # a capitalised noun in -ы is plural
            f = _ru_plural_noun(w)
        else:
            f = _ru_noun(w)
        forms_per_word.append([w] + f)
    out = {name}
    n = max(len(f) for f in forms_per_word)
    for i in range(1, n):
        out.add(" ".join(f[i] if i < len(f) else f[0] for f in forms_per_word))
    return out


# ----------------------------------------------------------------------- Latin demonyms
def demonym_forms(lang: str, base: str) -> set[str]:
    """Gender/number forms of a demonym written in its base (masc. singular) form.
    A surface ending in '!' is taken verbatim (irregular forms listed by hand)."""
    if base.endswith("!"):
        return {base[:-1]}
    b = base
    if lang == "en":
        return {b, b + "s"} if b.endswith(("an", "i")) else {b}
    if lang == "fr":
        if b.endswith("ien"):
            return {b, b + "ne", b + "s", b + "nes"}
        if b.endswith("e"):
            return {b, b + "s"}
        if b.endswith(("s", "x")):
            return {b, b + "e", b + "es"}
        return {b, b + "e", b + "s", b + "es"}
    if lang == "it":
        if b.endswith("o"):
            return {b, b[:-1] + "a", b[:-1] + "i", b[:-1] + "e"}
        if b.endswith("e"):
            return {b, b[:-1] + "i"}
        return {b}
    if lang == "es":
        if b.endswith("o"):
            return {b, b[:-1] + "a", b + "s", b[:-1] + "as"}
        if b.endswith("e") or b.endswith("í"):
            return {b, b + "s", b + "es"}
        return {b, b + "a", b + "es", b + "as"}
    if lang == "de":
        if b.endswith("isch"):
            return {b} | {b + e for e in ("e", "en", "er", "es", "em")}
        return {b}
    return {b}


# ----------------------------------------------------------------------- Arabic nisba
def nisba_forms(words: list[str], plurals: list[str]) -> set[str]:
    """Adjective forms for a nisba stem such as ['كوري', 'شمالي'] (first word gets proclitics
    at match time; the qualifier words carry their own ال in the definite forms)."""
    def inflect(w: str) -> list[str]:
        return [w, w + "ة", w + "ين", w + "ون", w + "ان", w + "تين", w + "تان", w + "ات"]

    head = inflect(words[0])
    out = set()
    if len(words) == 1:
        out |= set(head)
    else:
        quals = [inflect(w) for w in words[1:]]
        for i, h in enumerate(head):
            indef = " ".join([h] + [q[i] for q in quals])
            definite = " ".join([h] + ["ال" + q[i] for q in quals])
            out |= {indef, definite}
    for p in plurals:   # broken plurals: 'روس', 'أتراك'; multiword plurals given whole
        out.add(p)
    return out


def derived_nisba(territories: dict, a2to3: dict, curated: set[str]):
    """Regular nisba stems for states missing from nisba_ar.tsv, from the one-word CLDR name:
    كولومبيا -> كولومبي, غانا -> غاني, نيبال -> نيبالي, مالطة -> مالطي. Names ending in و/ي
    (توغو, مالي) are skipped: their adjective is not derivable (or collides with common words)."""
    for a2, name in territories.items():
        code = a2to3.get(a2)
        if not code or code in curated or " " in name or "(" in name or "-" in name:
            continue
        w = name[2:] if name.startswith("ال") else name
        if w.endswith(("و", "ي", "ى")):
            continue
        if w.endswith("يا"):
            stem = w[:-2] + "ي"
        elif w.endswith(("ا", "ة")):
            stem = w[:-1] + "ي"
        else:
            stem = w + "ي"
        if len(stem) >= 4:
            yield code, stem


# ----------------------------------------------------------------------- build
def build() -> dict[str, set[tuple[str, str, str]]]:
    out: dict[str, set] = defaultdict(set)
    drop: dict[str, set] = defaultdict(set)
    skip_tz: set[str] = set()
    for r in rows("stop.tsv"):
        lang, action, surface = r[0], r[1], r[2]
        if lang == "lang":
            continue
        if lang == "tz":
            skip_tz |= set(alts(surface))
        elif action == "drop":
            drop[lang].add(fold(surface))
        else:
            out[lang].add(("stop", "-", surface))

    a2to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}

    def add(lang: str, kind: str, code: str, surface: str) -> None:
        s = surface.strip()
        if not s or fold(s) in drop.get(lang, ()):
            return
        out[lang].add((kind, code, s))
        if lang == "ru" and "ё" in s:
            out[lang].add((kind, code, s.replace("ё", "е")))
        if lang in LATIN and lang != "tr" or lang == "common":   # Turkish: Çin/Cin, Çad/Cad differ
            d = deaccent(s)
            if d != s and fold(d) not in drop.get(lang, ()):
                out[lang].add((kind, code, d))
        if lang == "ar":
            variants = {s}
            if "غ" in s and kind != "stop" and code not in NO_G_VARIANT and (kind, code) not in NO_G_ADJ:
                # foreign g: غ in Levantine/Gulf, ج in Egyptian spelling (بيونغ/بيونج، غوتيريش/جوتيريش)
                variants.add(s.replace("غ", "ج"))
            for v in list(variants):
                if "ة" in v:   # Egyptian/Levantine spelling: word-final ة written ه
                    variants.add(re.sub(r"ة\b", "ه", v))
            for v in variants - {s}:
                if fold(v) not in drop.get(lang, ()):
                    out[lang].add((kind, code, v))

    # 1. CLDR territory names
    for lang in LANGS:
        terr = Locale(lang).territories
        tails = [split_paren(n)[1] for n in terr.values()]
        bad_tails = {fold(split_paren(n)[0]) for n in terr.values()}
        bad_tails |= {fold(t) for t in tails if t and tails.count(t) > 1}
        for a2, name in terr.items():
            if a2 in TERRITORY_ORGS:
                for v in name_variants(name):
                    add(lang, "org", TERRITORY_ORGS[a2], v)
                continue
            code = a2to3.get(a2)
            if not code:
                continue
            for v in name_variants(name, bad_tails):
                if lang == "ru":
                    for f in ru_inflect(v):
                        add(lang, "country", code, f)
                else:
                    add(lang, "country", code, v)

    # 2. pycountry names (English)
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            v = getattr(c, attr, None)
            if v and "," not in v:
                add("en", "country", c.alpha_3, v)

    # 3. time-zone exemplar cities
    for a2, zones in pytz.country_timezones.items():
        code = a2to3.get(a2.upper())
        if not code:
            continue
        for tz in zones:
            if tz.count("/") != 1 or tz.startswith(("Antarctica/", "Etc/")) or tz in skip_tz:
                continue
            for lang in LANGS:
                try:
                    city = get_timezone_location(tz, locale=lang, return_city=True)
                except Exception:
                    continue
                if city and len(fold(city)) >= 4:
                    if lang == "ru":
                        for f in ru_inflect(city):
                            add(lang, "city", code, f)
                    else:
                        add(lang, "city", code, city)

    # 4. curated: countries, demonyms, cities, organisations
    for r in rows("countries.tsv"):
        if r[0] == "lang":
            continue
        lang, code, surfaces = r[0], r[1], r[2]
        for s in alts(surfaces):
            for f in (ru_inflect(s) if lang == "ru" else {s}):
                add(lang, "country", code, f)
    for r in rows("demonyms.tsv"):
        if r[0] == "lang":
            continue
        lang, code, surfaces = r[0], r[1], r[2]
        for s in alts(surfaces):
            for f in (ru_inflect(s) if lang == "ru" else demonym_forms(lang, s)):
                add(lang, "adj", code, f)
            if lang == "ru" and s.endswith(("ий", "ый")):   # российско-китайские -> RUS, CHN
                add(lang, "adj", code, s[:-2] + "о[-]")
    curated_nisba = {r[0] for r in rows("nisba_ar.tsv") if r[0] != "code"}
    for code, stem in derived_nisba(Locale("ar").territories, a2to3, curated_nisba):
        for f in nisba_forms([stem], []):
            add("ar", "adj", code, f)
    for r in rows("nisba_ar.tsv"):
        if r[0] == "code":
            continue
        code, stems, plurals = r[0], alts(r[1]), alts(r[2] if len(r) > 2 else "")
        for stem in stems:
            for f in nisba_forms(stem.split(), plurals):
                add("ar", "adj", code, f)
            # A national security council is that state's government, not the UN body.
            if " " not in stem:
                for council in ("مجلس الأمن ال", "مجلس الأمن القومي ال", "مجلس الأمن الوطني ال"):
                    add("ar", "metonym", code, council + stem)
        for p in plurals:
            add("ar", "adj", code, p)
    header = None
    for r in rows("cities.tsv"):
        if r[0] == "code":
            header = r
            continue
        rec = dict(zip(header, r))
        for lang in LANGS:
            for s in alts(rec.get(lang, "")):
                for f in (ru_inflect(s) if lang == "ru" else {s}):
                    add(lang, rec["kind"], rec["code"], f)
    for r in rows("places.tsv"):
        if r[0] == "lang":
            continue
        for sname in alts(r[3]):
            add(r[0], r[2], r[1], sname)
    for r in rows("orgs.tsv"):
        if r[0] == "lang":
            continue
        lang, code, surfaces = r[0], r[1], r[2]
        for s in alts(surfaces):
            for f in (ru_inflect(s) if lang == "ru" else {s}):
                add(lang, "org", code, f)
    return out


def render(entries: set) -> str:
    lines = ["# generated by scripts/build_gazetteer.py -- do not edit; kind<TAB>code<TAB>surface"]
    lines += sorted("\t".join(e) for e in entries)
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if built/ differs from a fresh build")
    args = ap.parse_args()
    tables = build()
    BUILT.mkdir(parents=True, exist_ok=True)
    stale = []
    for lang, entries in sorted(tables.items()):
        path = BUILT / f"{lang}.tsv"
        text = render(entries)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(lang)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"{path.relative_to(ROOT)}: {len(entries)} entries")
    if stale:
        print("stale:", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
