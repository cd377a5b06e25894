"""fingerprint / Deduper on own fixtures: what is a duplicate and what is not."""
from __future__ import annotations

import json

from hypothesis import given, settings, strategies as st

from streams.text.fingerprint import Deduper, Fingerprint, canonical_url, fingerprint

STORY = (
    "Indonesia's foreign minister arrived in Canberra on Thursday for two days of talks with her Australian "
    "counterpart on maritime security, fisheries enforcement and a planned renewable energy corridor.\n"
    "Officials from both governments said the ministers would sign a memorandum on disaster response and "
    "discuss visa rules for seasonal workers, a long-standing request from Jakarta.\n"
    "The visit comes weeks after naval patrol vessels from the two countries held a joint exercise in the "
    "Arafura Sea, the first such drill since the pandemic."
)
# the same wire copy lightly edited by another outlet (re-ordered sentence, a few words changed)
EDITED = (
    "Indonesia's foreign minister arrived in Canberra on Thursday for two days of talks with her Australian "
    "counterpart on maritime security, fisheries enforcement and a planned green energy corridor.\n"
    "The visit comes weeks after naval patrol ships from the two countries held a joint exercise in the "
    "Arafura Sea, the first such drill since the pandemic.\n"
    "Officials from both governments said the two ministers would sign a memorandum on disaster response and "
    "discuss visa rules for seasonal workers, a long-standing demand of Jakarta, according to the agency."
)
# the same event, another outlet's own story: not a duplicate
OTHER_STORY = (
    "Australia and Indonesia pledged closer cooperation at sea as Jakarta's top diplomat began a visit to the "
    "Australian capital.\n"
    "Speaking to reporters at Parliament House, the Australian minister praised what she called a partnership "
    "of neighbours and said a new agreement on emergency assistance was close.\n"
    "Analysts in Sydney noted that labour mobility remains the most sensitive item, with Indonesian farm "
    "workers seeking easier access to Australian orchards."
)
# the same event in another language: not a duplicate
FRENCH = (
    "La ministre indonésienne des Affaires étrangères est arrivée jeudi à Canberra pour deux jours d'entretiens "
    "avec son homologue australienne sur la sécurité maritime, la pêche et un corridor d'énergie renouvelable.\n"
    "Les deux gouvernements doivent signer un protocole sur la réponse aux catastrophes."
)
UNRELATED = (
    "Heavy rain flooded several districts of the port city overnight, forcing schools to close and cutting "
    "power to thousands of homes, the mayor's office said on Friday.\n"
    "Rescue teams used boats to reach residents trapped on rooftops while forecasters warned of more storms."
)


def fp(i, text, url=None, ts=0.0):
    return fingerprint(i, url, text, ts)


def test_exact_rescrape_with_whitespace_and_punctuation_noise():
    d = Deduper()
    a = fp("a", STORY)
    assert d.check(a) is None
    d.add(a)
    noisy = "  " + STORY.replace("\n", "\n\n  ").replace(",", " ,").replace(".", " . ") + "\n\n"
    v = d.check(fp("b", noisy))
    assert v is not None and v.kind == "exact" and v.duplicate_of == "a" and v.similarity == 1.0


def test_light_edit_is_near_duplicate_of_the_first():
    d = Deduper()
    d.add(fp("a", STORY))
    v = d.check(fp("b", EDITED))
    assert v is not None and v.kind == "near" and v.duplicate_of == "a" and v.similarity >= d.threshold


def test_chain_reports_the_first_article():
    d = Deduper()
    for i, text in (("first", STORY), ("second", EDITED)):
        d.add(fp(i, text))           # even if a duplicate gets indexed, answers point at the first
    third = EDITED.replace("according to the agency", "the ministry said")
    v = d.check(fp("third", third))
    assert v is not None and v.duplicate_of == "first"


def test_same_event_other_story_other_language_unrelated_are_not_duplicates():
    d = Deduper()
    d.add(fp("a", STORY))
    for i, text in (("b", OTHER_STORY), ("c", FRENCH), ("d", UNRELATED)):
        assert d.check(fp(i, text)) is None, i
    assert fp("x", STORY).similarity(fp("y", OTHER_STORY)) < 0.25


def test_read_also_block_does_not_make_a_duplicate():
    d = Deduper()
    d.add(fp("flood", UNRELATED))
    page = STORY + "\n\nRead also:\n\n" + UNRELATED      # the flood story sits in a "read also" block
    assert d.check(fp("page", page)) is None
    d.add(fp("page", page))
    v = d.check(fp("page2", STORY))
    assert v is not None and v.duplicate_of == "page"


def test_url_canonicalisation():
    base = canonical_url("https://example.com/world/2024/05/talks-open")
    for u in ("http://www.example.com/world/2024/05/talks-open/",
              "https://example.com/world/2024/05/talks-open?utm_source=x&utm_medium=y#top",
              "https://m.example.com/world/2024/05/talks-open?fbclid=abc",
              "https://example.com/amp/world/2024/05/talks-open",
              "https://EXAMPLE.com/world/2024/05/talks-open/amp"):
        assert canonical_url(u) == base, u
    assert canonical_url("https://example.com/a?id=2&cat=1") == canonical_url("https://example.com/a?cat=1&id=2")
    assert canonical_url("https://example.com/a?id=2") != canonical_url("https://example.com/a?id=3")
    assert canonical_url("https://ex.com/%D8%A8%D9%88%D8%AA%D9%8A%D9%86") == canonical_url("https://ex.com/بوتين")
    assert canonical_url(None) is None and canonical_url("") is None


def test_same_url_same_body_is_url_duplicate_updated_body_is_not():
    d = Deduper()
    d.add(fp("a", STORY, "https://www.example.com/news/1"))
    v = d.check(fp("b", STORY + "\nUpdated at 14:00.", "http://example.com/news/1/"))
    assert v is not None and v.kind == "url" and v.duplicate_of == "a"
    # same page re-scraped after the outlet replaced the story: processed again, not a duplicate
    assert d.check(fp("c", UNRELATED, "https://example.com/news/1")) is None


def test_short_texts_only_match_exactly():
    d = Deduper()
    d.add(fp("a", "Talks ended."))
    assert d.check(fp("b", "Talks ended!")).kind == "exact"
    assert d.check(fp("c", "Talks began.")) is None


def test_serialisation_round_trip_is_compact():
    a = fp("a", STORY, "https://example.com/x", 1_700_000_000.5)
    blob = json.dumps(a.to_dict())
    assert len(blob) < 1000
    b = Fingerprint.from_dict(json.loads(blob))
    assert b.article_id == "a" and b.url == a.url and b.exact == a.exact and b.ts == a.ts and b.n == a.n
    assert (b.sig == a.sig).all()
    d = Deduper()
    d.add(b)
    assert d.check(fp("c", EDITED)).duplicate_of == "a"
    # stable across processes: no per-process hash seed in the signature
    assert fingerprint("z", None, STORY, 0).to_dict()["sig"] == a.to_dict()["sig"]


def test_window_by_count_and_age_and_remove():
    d = Deduper(window=2, max_age_days=1.0)
    texts = [STORY, OTHER_STORY, UNRELATED, FRENCH]
    assert d.add(fp("a", texts[0], ts=0.0)) == []
    assert d.add(fp("b", texts[1], ts=10.0)) == []
    assert d.add(fp("c", texts[2], ts=20.0)) == ["a"]
    assert "a" not in d and "b" in d and len(d) == 2
    assert d.check(fp("a2", EDITED)) is None          # evicted: no longer matched
    assert d.add(fp("d", texts[3], ts=20.0 + 2 * 86400)) == ["b", "c"]   # older than a day
    d.remove("d")
    assert len(d) == 0 and d.check(fp("d2", FRENCH)) is None
    assert d._sigs.shape[0] <= 3                      # signature rows are reused, bounded by the window


def test_many_adds_with_small_window_stay_correct():
    d = Deduper(window=50)
    for i in range(3000):   # crosses several band-index merges with evictions in between
        d.add(fp(f"u{i}", UNRELATED.replace("Friday", f"day {i} of month {i % 7} district {i * 7919 % 1000}")))
    assert len(d) == 50 and "u2999" in d and "u2949" not in d
    d.add(fp("story", STORY))
    v = d.check(fp("edited", EDITED))
    assert v is not None and v.duplicate_of == "story"
    d.remove("missing")                               # no error


@settings(max_examples=150, deadline=1000)
@given(text=st.text(max_size=3000), url=st.one_of(st.none(), st.text(max_size=200)))
def test_arbitrary_input_never_raises(text, url):
    d = Deduper()
    f = fingerprint("x", url, text, 0.0)
    d.check(f)
    d.add(f)
    assert "x" in d
    assert Fingerprint.from_dict(json.loads(json.dumps(f.to_dict()))).exact == f.exact


def test_html_copy_of_a_text_article_is_a_duplicate():
    from streams.text.html import quick_text

    paras = "".join(f"<p>{p}</p>" for p in STORY.split("\n"))
    html = (f"<html><head><script>var x = 1;</script></head><body><nav><a>Home</a><a>World</a></nav>"
            f"<article><h1>Talks in Canberra</h1>{paras}</article><footer>© 2024 Example</footer></body></html>")
    d = Deduper()
    d.add(fp("text", STORY))
    v = d.check(fp("html", quick_text(html)))
    assert v is not None and v.duplicate_of == "text" and v.similarity >= 0.8


def test_band_index_merges_keep_answers_and_stay_bounded(monkeypatch):
    from streams.text import fingerprint as F

    monkeypatch.setattr(F._BandIndex, "MERGE_EVERY", 8)    # force many small and big merges
    d = Deduper(window=40)
    for i in range(1500):
        d.add(fp(f"u{i}", UNRELATED.replace("Friday", f"day {i} district {i * 7919 % 1000} ward {i % 13}")))
        if i == 700:
            d.add(fp("story", STORY))
    assert "story" not in d and d.check(fp("edited", EDITED)) is None      # evicted long ago
    d.add(fp("story2", STORY))
    for i in range(20):
        d.add(fp(f"v{i}", UNRELATED.replace("Friday", f"night {i}")))
    v = d.check(fp("edited2", EDITED))
    assert v is not None and v.duplicate_of == "story2"
    assert len(d._bands) <= 12 * 40 * F.BANDS          # dead entries are compacted away
