"""Urdu lexicon (streams/lang/ur/lexicon.tsv) and Urdu gazetteer rows, end to end through the coder.

Sentences written for these tests (not taken from any article): each checks that Urdu news
wording yields the event a reader sees, with the right sides, direction and status.
"""
import pytest

from streams.events.coder import extract_events

PUBLISHED = "2023-01-10"


def run(text: str, published: str | None = PUBLISHED) -> list[dict]:
    return [e for e in extract_events(text, "ur", published, {"id": "t"}) if not e["background"]]


def one(evs: list[dict], etype: str) -> dict:
    hits = [e for e in evs if e["type"] == etype]
    assert len(hits) == 1, evs
    return hits[0]


def test_talks_of_delegations_are_a_negotiation():
    # مذاکرات alone is "talks" (a meeting of named officials); the delegations' talks are a track
    evs = run("ایران اور پاکستان کے وفود کے مذاکرات تہران میں شروع ہو گئے۔")
    n = one(evs, "negotiation")
    assert n["participants"] == ["IRN", "PAK"]
    assert not [e for e in evs if e["type"] == "meeting"]
    m = one(run("ایرانی وزیر خارجہ اور پاکستانی ہم منصب کے درمیان تہران میں مذاکرات ہوئے۔"), "meeting")
    assert m["participants"] == ["IRN", "PAK"] and m["location"]["country"] == "IRN"
    # talks with no named official on either side are not coded
    assert not run("مذاکرات کے بارے میں ایران اور پاکستان میں بحث جاری ہے۔")


@pytest.mark.parametrize("document", ["تعاون کے تین سمجھوتوں", "مفاہمت کی یادداشتوں", "ایک سمجھوتے"])
def test_plural_and_oblique_agreement_nouns(document):
    a = one(run(f"چینی وزیر خارجہ اور پاکستانی ہم منصب نے بیجنگ میں {document} پر دستخط کیے۔"), "agreement")
    assert a["participants"] == ["CHN", "PAK"] and a["location"]["country"] == "CHN"
    # without the signing verb the document is only a topic
    assert not [e for e in run(f"چینی وزیر خارجہ اور پاکستانی ہم منصب نے {document} کا جائزہ لیا۔")
                if e["type"] == "agreement"]


def test_left_for_takes_the_place_before_the_postposition():
    v = one(run("ترک وزیر خارجہ آج صبح ایران کے لیے روانہ ہوگئے۔"), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("TUR", "IRN", "occurred")


def test_izafat_visit_and_arrival():
    v = one(run("ملائیشین وزیر اعظم تین روزہ دورۂ پاکستان پر ہیں۔"), "visit")
    assert (v["actor"], v["target"]) == ("MYS", "PAK")
    v = one(run("قازق صدر کی پاکستان آمد آئندہ ہفتے متوقع ہے۔"), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("KAZ", "PAK", "planned")


def test_postponed_visit_is_kept_and_cancelled_one_dropped():
    # a postponed visit stays coded (the gold's rule H8: an optional planned event); the postponement
    # word follows its noun, so it must not reach back over an earlier clause either
    v = one(run("ایرانی صدر کا پاکستان کا دورہ موخر کر دیا گیا۔"), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("IRN", "PAK", "planned")
    assert not run("ایرانی صدر کا پاکستان کا دورہ منسوخ کر دیا گیا۔")
    v = one(run("پاکستانی وفد ایران روانہ ہوگا۔"), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("PAK", "IRN", "planned")


def test_english_loan_names_and_adjectives():
    c = one(run("انڈین وزیر خارجہ نے سری لنکن ہم منصب سے ٹیلی فون پر بات کی۔"), "call")
    assert c["participants"] == ["IND", "LKA"]
    m = one(run("سعودی ولی عہد نے الریاض میں قطری امیر سے ملاقات کی۔"), "meeting")
    assert m["participants"] == ["QAT", "SAU"] and m["location"]["country"] == "SAU"


def test_leader_by_name_in_his_term():
    # Bilawal Bhutto Zardari was Pakistan's foreign minister from April 2022 to August 2023
    m = one(run("بلاول بھٹو زرداری نے ماسکو میں روسی وزیر خارجہ سے ملاقات کی۔"), "meeting")
    assert m["participants"] == ["PAK", "RUS"] and m["location"]["country"] == "RUS"


def test_expected_binds_to_its_own_noun():
    v = one(run("ایرانی صدر کا پاکستان کا دورہ متوقع ہے۔"), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("IRN", "PAK", "planned")
    # "arrived in Beijing, where a meeting is expected": the arrival happened
    evs = extract_events("پاکستانی صدر منگل کو بیجنگ پہنچ گئے جہاں چینی صدر سے ان کی ملاقات متوقع ہے۔", "ur",
                         PUBLISHED, {"id": "t"})
    assert one(evs, "visit")["status"] == "occurred"
    assert one(evs, "meeting")["status"] == "planned"


def test_awaited_visit_is_planned():
    v = one(run("پاکستانی وزیر اعظم نے کہا کہ پاکستان سعودی ولی عہد کے دورے کے منتظر ہے۔"), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("SAU", "PAK", "planned")


def test_video_link_is_a_call_and_plural_ministers():
    c = one(run("ایران اور پاکستان کے وزرائے خارجہ نے ویڈیو لنک کے ذریعے بات چیت کی۔"), "call")
    assert c["participants"] == ["IRN", "PAK"]


def test_the_near_future_after_the_signing_verb_is_planned():
    # verb-final: the auxiliary follows the verb ("is going to sign", "will be signed")
    for text in ("پاکستان اور ترکی دفاعی تعاون کے معاہدے پر دستخط کرنے جا رہے ہیں۔",
                 "پاکستان اور ترکی کے درمیان دفاعی تعاون کے معاہدے پر دستخط کیے جائیں گے۔"):
        a = one(run(text), "agreement")
        assert (a["participants"], a["status"]) == (["PAK", "TUR"], "planned"), text
    a = one(run("پاکستان اور ترکی نے دفاعی تعاون کے معاہدے پر دستخط کیے۔"), "agreement")
    assert a["status"] == "occurred"


# -- general wording (lexB): phoning, "about to", going, settled meetings, agreements made, rounds, negated verbs


def test_phoned_is_a_call():
    c = one(run("متحدہ عرب امارات کے صدر نے وزیراعظم پاکستان کو فون کیا۔"), "call")
    assert c["participants"] == ["ARE", "PAK"]


def test_about_to_and_set_are_planned():
    v = one(run("صدر پاکستان چین کا سرکاری دورہ کرنے والے ہیں۔"), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("PAK", "CHN", "planned")
    m = one(run("وزیراعظم پاکستان کی سعودی ولی عہد سے ملاقات طے ہے۔"), "meeting")
    assert (m["participants"], m["status"]) == (["PAK", "SAU"], "planned")


def test_will_go_to_a_place():
    v = one(run("پاکستانی صدر اگلے ماہ جاپان جائیں گے۔"), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("PAK", "JPN", "planned")
    # the passive future of signing is no trip
    evs = run("پاکستان اور ترکی کے درمیان دفاعی معاہدے پر دستخط کیے جائیں گے۔")
    assert not [e for e in evs if e["type"] == "visit"]
    assert one(evs, "agreement")["status"] == "planned"


def test_agreement_made_and_plural_mous():
    a = one(run("پاکستان اور امریکا نے تجارتی معاہدہ کر لیا۔"), "agreement")
    assert a["participants"] == ["PAK", "USA"]
    a = one(run("پاکستان اور چین کے درمیان ایم او یوز پر دستخط ہوئے۔"), "agreement")
    assert a["participants"] == ["CHN", "PAK"]


def test_any_numbered_round_of_talks():
    n = one(run("ایران اور امریکا کے درمیان مذاکرات کا چوتھا دور مسقط میں ہوا۔"), "negotiation")
    assert n["participants"] == ["IRN", "USA"] and n["location"]["country"] == "OMN"


def test_negated_postponed_and_non_diplomatic_sentences_are_no_events():
    assert one(run("وزیر خارجہ پاکستان نے بھارتی ہم منصب سے ملاقات کی۔"), "meeting")
    for text in ("وزیر خارجہ پاکستان نے بھارتی ہم منصب سے ملاقات نہیں کی۔",
                 "وزیراعظم پاکستان کا دورہ امریکا ملتوی کر دیا گیا۔",
                 "پاکستانی وزیر خارجہ بھارت نہیں جائیں گے۔",
                 "پاکستان اور چین کے درمیان تجارت 20 ارب ڈالر تک پہنچ گئی۔",
                 "پاکستان کرکٹ ٹیم نے بھارت کو شکست دے دی۔",
                 "وزیر خارجہ نے صحافیوں سے ملاقات کی۔"):
        assert not run(text), text


def test_future_of_to_be_after_the_noun():
    a = one(run("پاکستان اور چین کے درمیان کئی مفاہمتی یادداشتوں پر دستخط ہوں گے۔"), "agreement")
    assert (a["participants"], a["status"]) == (["CHN", "PAK"], "planned")
    # "ہو گیا" (was completed) is past
    n = one(run("پاکستان اور افغانستان کے درمیان دوحہ میں مذاکرات کا پہلا دور مکمل ہو گیا۔"), "negotiation")
    assert n["status"] == "occurred"


def test_city_before_the_visit_noun_is_the_destination():
    # "لندن کے دورے پر" (on a visit to London): a city before the genitive postposition, as a country
    v = one(run("وزیر خارجہ پاکستان لندن کے دورے پر ہیں۔"), "visit")
    assert (v["actor"], v["target"]) == ("PAK", "GBR")


def test_next_week_is_planned():
    m = one(run("وزیراعظم پاکستان اور امریکی صدر کی ملاقات اگلے ہفتے وائٹ ہاؤس میں ہو گی۔"), "meeting")
    assert (m["participants"], m["status"]) == (["PAK", "USA"], "planned")



def test_clause_final_auxiliary_carries_the_tense_of_a_distant_noun():
    a = one(run("پاکستانی وزیراعظم آج چین کے ساتھ معاہدے پر دستخط کی تقریب میں بھی شرکت کریں گے۔"), "agreement")
    assert a["status"] == "planned"
    # a past verb closing the clause keeps it occurred
    a = one(run("پاکستانی وزیراعظم نے آج چین کے ساتھ معاہدے پر دستخط کی تقریب میں بھی شرکت کی۔"), "agreement")
    assert a["status"] == "occurred"


# -- genitive offices, "to come", teasers and the pluperfect (oos5 audit)


def test_state_before_its_office_owns_it():
    # "ترکی کے صدر": Turkey's president, although Pakistan follows the office
    v = one(run("ترکی کے صدر کل پاکستان کا دورہ کریں گے"), "visit")
    assert (v["actor"], v["target"]) == ("TUR", "PAK")
    m = one(run("پاکستان کے وزیر خارجہ نے چین کے وزیر خارجہ سے ملاقات کی"), "meeting")
    assert m["participants"] == ["CHN", "PAK"]


def test_coming_verbs_are_planned_trips():
    v = one(run("چین کے وزیر خارجہ اگلے ہفتے پاکستان آنے والے ہیں"), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("CHN", "PAK", "planned")
    v = one(run("جاپان کے وزیر خارجہ بھی پاکستان آ رہے ہیں"), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("JPN", "PAK", "planned")
    v = one(run("ملائیشیا کے وزیر اعظم اسلام آباد آئیں گے"), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("MYS", "PAK", "planned")
    # the visit noun told with "آنے والے ہیں" is ahead as well
    v = one(run("مصر کے وزیر خارجہ دو روزہ دورے پر پاکستان آنے والے ہیں"), "visit")
    assert v["status"] == "planned"
    # no destination: no trip
    assert not [e for e in run("مہمان وقت پر آ رہے ہیں") if e["type"] == "visit"]


def test_read_this_story_too_is_a_teaser():
    evs = run("ترک صدر امریکہ پہنچ گئے۔ یہ خبر بھی پڑھیں : ایرانی صدر کا دورہ چین")
    assert [(e["actor"], e["target"]) for e in evs if e["type"] == "visit"] == [("TUR", "USA")]


def test_pluperfect_visit_is_recalled():
    evs = extract_events("پاکستانی وزیر خارجہ نے کابل کا دورہ کیا تھا", "ur", PUBLISHED, {"id": "t"})
    assert [e["background"] for e in evs if e["type"] == "visit"] == [True]
    assert one(run("پاکستانی وزیر خارجہ نے کابل کا دورہ کیا"), "visit")["target"] == "AFG"


def test_relative_clause_after_an_office():
    # "وزیراعظم جو ملائیشیا کے ... دورے پر ہیں" (the PM, who is on a visit to Malaysia): the state
    # inside the relative clause is the host, not the office's state
    text = ("وزیراعظم شہباز شریف کے اعزاز میں استقبالیہ ہوا۔ "
            "وزیراعظم جو ملائیشیا کے سرکاری دورے پر ہیں، محل پہنچے تو ملائیشیا کے بادشاہ نے ان کا خیرمقدم کیا۔")
    v = one(run(text), "visit")
    assert (v["actor"], v["target"]) == ("PAK", "MYS")


def test_future_arrival_after_a_visit_noun_and_joined_future():
    v = one(run("سعودی ولی عہد ہفتہ کو 2 روزہ سرکاری دورے پر پاکستان پہنچیں گے۔"), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("SAU", "PAK", "planned")
    evs = run("ملائیشیا کے وزیر اعظم دورے پر پاکستان پہنچ گئے۔ ان کے قیام کے دوران کئی معاہدوں پر دستخط ہونگے۔")
    assert one(evs, "visit")["status"] == "occurred"
    assert one(evs, "agreement")["status"] == "planned"
