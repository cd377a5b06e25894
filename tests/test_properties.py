"""Property tests: every pure stage takes arbitrary text/HTML without raising (other than the
documented StageError) and within a time bound (hypothesis `deadline`, not timed asserts).

Strategies mix what real pages mix: Arabic/Latin/Cyrillic letters, digits, markup and code
punctuation, newlines, invisible characters, plus news vocabulary (triggers, countries, dates)
so the rule paths actually run, and repetition (the usual trigger of regex backtracking).
"""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from streams.errors import StageError
from streams.settings import Settings

# deadline only judges calls that return; a call that backtracks forever is cut by the guard's
# SIGALRM (BOUND seconds) and fails the test with StageTimeout. No shrinking: a hang shrinks slowly.
PROPS = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow],
                 derandomize=True, phases=[Phase.explicit, Phase.reuse, Phase.generate])
BOUND = 3.0


def bounded(fn, *args):
    """Call fn under the stage guard; a timeout is a failure here, whatever the stage's own errors are."""
    from streams.guard import StageTimeout, time_limit

    try:
        with time_limit(BOUND):
            return fn(*args)
    except StageTimeout:
        pytest.fail(f"{fn.__name__} ran over {BOUND}s on {args[0]!r:.300}")

CHARS = st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإىةپچژکگیے") + list("abcdefxyzABCXYZ") + list("абвгдеж")
    + list("0123456789٠١٢٣٤٥٦٧٨٩۱۲") + list(" \t\n\n\r.,;:!?()[]{}<>/\\#@&%$*=+-_'\"«»،؛؟")
    + ["\u200b", "\u200c", "\u200f", "\u202b", "\ufeff", "\u0651", "\u064e", "\x00", "\x07", "\ud800", "😀", "字"]
)
LETTERS = st.sampled_from(list("ابتمنهوىةیabcxyzабв0123"))
WORDS = st.sampled_from([
    "زار", "يزور", "التقى", "استقبل", "بحث", "اتصالا هاتفيا", "وقع", "اتفاقية", "مفاوضات", "الرئيس", "وزير الخارجية",
    "نظيره", "مصر", "السعودية", "قطر", "إيران", "روسيا", "الصين", "الرياض", "القاهرة", "اليوم", "أمس", "غدا",
    "الثلاثاء", "17", "نوفمبر", "2026", "تموز", "اقرأ أيضا", "visit", "met", "talks", "signed", "agreement",
    "President", "Egypt", "France", "Moscow", "on Monday", "next week", "3 March 2025", "12/11/2026",
    "s'est rendu", "Paris", "переговоры", "Москве", "سفر", "دیدار", "ملاقات", "#tag", "<div>", "</p>",
    "function(){", "}", "http://x.example/a", "Read also", "\n", ". ", "، ", "(AFP)",
])
TEXT = st.one_of(
    st.text(CHARS, max_size=400),
    st.lists(WORDS, max_size=120).map(" ".join),
    st.tuples(st.lists(WORDS, min_size=1, max_size=8).map(" ".join), st.integers(1, 400)).map(lambda t: t[0] * t[1]),
    st.tuples(st.text(CHARS, min_size=1, max_size=6), st.integers(1, 3000)).map(lambda t: t[0] * t[1]),
    # delimiter + short token, glued and repeated, then a tail: the shape that makes nested quantifiers backtrack
    st.tuples(st.sampled_from(list("#@<({[/.:-_") + ["://", "\\"]), st.text(LETTERS, min_size=1, max_size=5),
              st.integers(2, 60), st.text(CHARS, max_size=3)).map(lambda t: (t[0] + t[1]) * t[2] + t[3]),
)
TAGS = st.sampled_from(["div", "p", "span", "script", "style", "a", "article", "nav", "b", "i", "table", "td"])


@st.composite
def html_pages(draw):
    parts = []
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.integers(0, 3))
        tag = draw(TAGS)
        if kind == 0:
            parts.append(f"<{tag}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(TEXT))
        else:
            parts.append(f'<{tag} class="{draw(st.sampled_from(["share", "related", "x"]))}">{draw(TEXT)}</{tag}>')
    depth = draw(st.integers(0, 3000))
    return "<html><body>" + "<div>" * depth + "".join(parts) + "</div>" * draw(st.integers(0, depth))


# --- parse_raw ---------------------------------------------------------------------------------

@PROPS
@given(st.binary(max_size=300) | TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_parse_raw_bytes_only_raises_stage_error(value):
    from streams.pipeline import parse_raw

    try:
        bounded(parse_raw, value, Settings())
    except StageError as exc:
        assert exc.reason and exc.message


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@PROPS
@given(st.fixed_dictionaries({}, optional={
    "id": JSONISH | st.text(max_size=20), "text": JSONISH | TEXT, "html": JSONISH, "url": JSONISH | TEXT,
    "title": JSONISH, "published_at": JSONISH | st.text(max_size=30), "extra": JSONISH}))
def test_parse_raw_objects_only_raise_stage_error(obj):
    import orjson

    from streams.pipeline import parse_raw

    try:
        value = orjson.dumps(obj)
    except (TypeError, orjson.JSONEncodeError):
        return
    try:
        art = bounded(parse_raw, value, Settings())
    except StageError as exc:
        assert exc.reason and exc.message
        return
    assert isinstance(art.id, str) and art.id.strip()
    assert (art.text or "").strip() or (art.html or "").strip()


# --- text stages -------------------------------------------------------------------------------

@PROPS
@given(TEXT, st.one_of(st.none(), TEXT))
def test_clean_article_text(text, title):
    from streams.text.clean import clean_article

    try:
        out = bounded(clean_article, text, None, title)
    except StageError as exc:
        assert exc.reason in {"empty_body", "body_too_large", "no_text_after_cleaning"}
        return
    assert isinstance(out.text, str) and out.text.strip()


@PROPS
@given(html_pages())
def test_clean_article_html(html):
    from streams.text.clean import clean_article

    try:
        out = bounded(clean_article, None, html)
    except StageError as exc:
        assert exc.reason in {"empty_body", "body_too_large", "html_too_deep", "no_text_after_cleaning",
                              "html_unparsable"}
        return
    assert isinstance(out.text, str)


@PROPS
@given(TEXT)
def test_detect_language(text):
    from streams.text.language import detect_language

    # raw, not scrubbed by parse_raw: lone surrogates included (fastText's binding refuses them)
    r = bounded(detect_language, text)
    assert isinstance(r.language, str) and r.language and 0.0 <= r.confidence <= 1.0


@PROPS
@given(st.lists(st.tuples(TEXT, st.one_of(st.none(), st.text(max_size=40))), min_size=1, max_size=6))
def test_fingerprint_and_deduper(docs):
    from streams.text.fingerprint import Deduper, fingerprint

    d = Deduper(window=3)
    for n, (text, url) in enumerate(docs):
        fp = bounded(fingerprint, f"a{n}", url, text, float(n))
        verdict = bounded(d.check, fp)
        if verdict is not None:
            assert verdict.duplicate_of != fp.article_id and verdict.kind in ("url", "exact", "near")
        d.add(fp)
        assert len(d) <= 3
        assert d.check(fp) is None or d.check(fp).duplicate_of != fp.article_id   # never a duplicate of itself
        again = fingerprint(f"a{n}", url, text, float(n))
        assert again.exact == fp.exact and (again.sig == fp.sig).all()     # deterministic


# --- event stages ------------------------------------------------------------------------------

LANGS = st.sampled_from(["ar", "en", "fr", "ru", "fa", "ur", "it", "xx", ""])
PUBLISHED = st.one_of(st.none(), st.sampled_from(["2026-11-17T13:40:00+03:00", "2026-02-29", "garbage", "0000-00-00",
                                                   "9999-12-31T23:59:59Z", "Tue, 17 Nov 2026 10:00:00 GMT"]),
                      st.text(max_size=30))


@PROPS
@given(TEXT, LANGS, PUBLISHED)
def test_extract_events(text, lang, published):
    from streams.events import coder

    meta = {"id": "p1", "url": None, "source": None, "published_at": published, "language": lang}
    # the inner function: extract_events() swallows exceptions, which would hide a bug from this test
    events = bounded(coder._extract, text, lang, published, meta)
    assert isinstance(events, list)
    for ev in events:
        assert ev["event_id"] and ev["type"] in ("visit", "meeting", "call", "agreement", "negotiation")
    assert coder.extract_events(text, lang, published, meta) == events     # deterministic


@PROPS
@given(TEXT, LANGS, st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31))))
def test_find_and_resolve_dates(text, lang, published):
    from streams.events.dates import find_dates, resolve

    for m in bounded(find_dates, text, lang):
        assert 0 <= m.start <= m.end <= len(text)
        d = resolve(m, published)
        assert d is None or isinstance(d, dt.date)


@PROPS
@given(st.one_of(st.none(), st.text(max_size=40), st.sampled_from(["2026-13-45", "2026-02-30T25:61", "-1", "٢٠٢٦-١١-١٧"])))
def test_parse_published(value):
    from streams.events.dates import parse_published

    d = bounded(parse_published, value)
    assert d is None or isinstance(d, dt.date)


@PROPS
@given(TEXT, LANGS, st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31))))
def test_gazetteer_find(text, lang, on):
    from streams.events.gazetteer import gazetteer
    from streams.text.normalize import fold

    folded = fold(text)
    for m in bounded(gazetteer(lang).find, folded, on):
        assert 0 <= m.start < m.end <= len(folded)
