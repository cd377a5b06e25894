"""Event coding per phenomenon, on sentences written for these tests (not from any eval set)."""
from __future__ import annotations

import pytest

from streams.events.coder import extract_events

ART = {"id": "t-1", "url": None, "source": "test", "published_at": None}


def run(text, lang="ar", published=None, keep_background=False):
    evs = extract_events(text, lang, published, dict(ART, published_at=published))
    return evs if keep_background else [e for e in evs if not e["background"]]


def keys(evs):
    return {(e["type"], tuple(e["participants"]), e["actor"], e["target"]) for e in evs}


def one(evs, etype):
    found = [e for e in evs if e["type"] == etype]
    assert len(found) == 1, evs
    return found[0]


# ---------------------------------------------------------------- visits
def test_arabic_visit_title_adjective_city_and_weekday():
    # 2025-03-04 is a Tuesday
    evs = run("وصل الرئيس المصري اليوم الثلاثاء إلى الرياض في زيارة رسمية تستمر يومين.", published="2025-03-04")
    v = one(evs, "visit")
    assert (v["actor"], v["target"], v["location"]["country"]) == ("EGY", "SAU", "SAU")
    assert v["status"] == "occurred" and v["cameo"] == "042"
    assert v["date"] == "2025-03-04"


def test_arabic_planned_visit():
    evs = run("ومن المقرر أن يزور وزير الخارجية الإيراني العاصمة القطرية الدوحة الأسبوع المقبل.")
    v = one(evs, "visit")
    assert (v["actor"], v["target"]) == ("IRN", "QAT")
    assert v["status"] == "planned" and v["cameo"] == "036"


def test_arabic_future_prefix_is_planned():
    v = one(run("سيزور رئيس الوزراء الهندي جنوب أفريقيا لحضور القمة."), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("IND", "ZAF", "planned")


def test_unknown_leader_introduced_by_role_and_place():
    v = one(run("وصل رئيس المجلس العسكري الحاكم في ميانمار إلى موسكو في زيارة عمل."), "visit")
    assert (v["actor"], v["target"]) == ("MMR", "RUS")


def test_english_visit_with_relative_day():
    # 2024-05-13 is a Monday
    evs = run("The Japanese prime minister arrived in New Delhi on Monday for a two-day official visit.",
              "en", "2024-05-14")
    v = one(evs, "visit")
    assert (v["actor"], v["target"], v["location"]["country"]) == ("JPN", "IND", "IND")
    assert v["date"] == "2024-05-13" and v["status"] == "occurred"


def test_english_planned_visit():
    v = one(run("The South African president will visit Beijing next week, his office said.", "en"), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("ZAF", "CHN", "planned")


# ---------------------------------------------------------------- meetings and counterparts
def test_counterpart_with_adjective():
    m = one(run("التقى وزير الخارجية الصيني نظيره الياباني في طوكيو يوم الأحد."), "meeting")
    assert m["participants"] == ["CHN", "JPN"]
    assert m["location"]["country"] == "JPN"


def test_counterpart_without_adjective_takes_the_place():
    m = one(run("التقى الرئيس الأمريكي نظيره في نيودلهي."), "meeting")
    assert m["participants"] == ["IND", "USA"]


def test_persian_letters_and_proclitics():
    m = one(run("واستقبل الرئیس الإماراتی رئيس الوزراء الهندي في أبوظبي."), "meeting")
    assert m["participants"] == ["ARE", "IND"]


def test_sideline_meeting_located_at_summit_host():
    m = one(run("التقى رئيس الوزراء الهندي الرئيس البرازيلي على هامش القمة في جوهانسبرغ."), "meeting")
    assert m["participants"] == ["BRA", "IND"]
    assert m["location"]["country"] == "ZAF" and m["cameo"] == "044"


def test_several_bilateral_meetings_in_one_sentence():
    evs = run("ومن المقرر أن يعقد الرئيس الفرنسي لقاءات مع الرئيس المصري وأمير قطر وولي العهد السعودي.")
    assert keys(evs) == {("meeting", ("EGY", "FRA"), None, None), ("meeting", ("FRA", "QAT"), None, None),
                         ("meeting", ("FRA", "SAU"), None, None)}
    assert all(e["status"] == "planned" for e in evs)


def test_english_roles_of_country_chain():
    m = one(run("The foreign ministers of Qatar and Egypt held talks in Cairo.", "en"), "meeting")
    assert m["participants"] == ["EGY", "QAT"] and m["location"]["country"] == "EGY"


def test_host_talks_during_a_trip_are_background():
    text = ("وصل أمير قطر إلى طهران في زيارة رسمية. "
            "وعقد أمير قطر محادثات مع الرئيس الإيراني تناولت العلاقات الثنائية.")
    evs = run(text, keep_background=True)
    visit = one(evs, "visit")
    assert not visit["background"]
    meeting = one(evs, "meeting")
    assert meeting["background"] and meeting["participants"] == ["IRN", "QAT"]


# ---------------------------------------------------------------- calls, agreements, negotiations
def test_arabic_phone_call():
    c = one(run("أجرى ولي العهد السعودي اتصالا هاتفيا مع الرئيس الفرنسي بحث خلاله التطورات في المنطقة."), "call")
    assert c["participants"] == ["FRA", "SAU"] and c["cameo"] == "041"
    assert c["location"]["country"] is None


def test_english_phone_call_emir_of():
    c = one(run("The French president spoke by phone with the emir of Qatar on Sunday.", "en"), "call")
    assert c["participants"] == ["FRA", "QAT"]


def test_agreement_needs_a_signature():
    a = one(run("وقعت مصر والإمارات مذكرة تفاهم للتعاون في مجال الطاقة."), "agreement")
    assert a["participants"] == ["ARE", "EGY"] and a["cameo"] == "057"
    assert run("تحدث التقرير عن اتفاقية التجارة بين مصر والإمارات.") == []


def test_negotiation_round_between_delegations_hosted_by_third_state():
    n = one(run("انطلقت في الدوحة جولة جديدة من المفاوضات بين الوفدين الأمريكي والإيراني."), "negotiation")
    assert n["participants"] == ["IRN", "USA"]
    assert n["location"]["country"] == "QAT"


# ---------------------------------------------------------------- background, domestic, negatives
def test_recalled_visit_is_background():
    evs = run("وكان الرئيس الصيني قد زار جنوب أفريقيا العام الماضي.", keep_background=True)
    v = one(evs, "visit")
    assert v["background"] and (v["actor"], v["target"]) == ("CHN", "ZAF")


def test_read_also_block_is_background():
    text = ("أجرى الرئيس المصري اتصالا هاتفيا مع ملك الأردن.\n"
            "اقرأ أيضا\n"
            "وصل رئيس الوزراء الياباني إلى كانبرا في زيارة رسمية.")
    evs = run(text, keep_background=True)
    assert not one(evs, "call")["background"]
    assert one(evs, "visit")["background"]


def test_domestic_trip_is_not_diplomatic():
    assert run("زار الرئيس المصري محافظة أسوان والتقى المحافظ وعددا من المسؤولين.") == []
    assert run("The Indian prime minister visited flood-hit Kerala and met the state's chief minister.", "en") == []


def test_negated_meeting():
    assert run("The Egyptian president did not meet the Saudi crown prince.", "en") == []


@pytest.mark.parametrize("text,lang", [
    ("فاز المنتخب السعودي على نظيره الياباني بهدفين في كأس آسيا.", "ar"),
    ("ضرب زلزال بقوة 6 درجات سواحل اليابان دون وقوع إصابات.", "ar"),
    ("China's exports to Russia rose 5% in May, customs data showed.", "en"),
])
def test_non_diplomatic_articles_yield_nothing(text, lang):
    assert run(text, lang, keep_background=True) == []


def test_evidence_offsets_point_into_text():
    text = "  مقدمة.\nالتقى وزیر الخارجية السعودي نظيره القطري في الرياض."
    evs = run(text)
    ev = one(evs, "meeting")
    s, e = ev["evidence"]["start"], ev["evidence"]["end"]
    assert text[s:e] == ev["evidence"]["sentence"] and "الرياض" in ev["evidence"]["sentence"]


def test_mentions_of_one_event_are_merged():
    text = ("وصل الرئيس الفرنسي إلى القاهرة. "
            "وتستمر زيارة الرئيس الفرنسي إلى مصر يومين، وبدأت يوم الأحد.")
    evs = run(text, published="2025-06-02")
    v = one(evs, "visit")
    assert v["date"] == "2025-06-01"


def test_sport_counterpart_is_not_diplomacy():
    assert run("يلتقي المنتخب المصري نظيره المغربي في مباراة ودية بالدوحة يوم الجمعة.") == []


def test_calls_for_talks_are_not_talks():
    assert run("The Egyptian foreign minister called for talks between Sudan and Ethiopia.", "en") == []


ARTICLE_AR = """السيسي يستقبل ولي عهد الكويت في القاهرة
استقبل الرئيس المصري، اليوم الثلاثاء، ولي عهد دولة الكويت بقصر الاتحادية في القاهرة.
وتناول اللقاء سبل تعزيز العلاقات الثنائية بين البلدين، والتطورات في السودان.
وكان ولي العهد الكويتي قد وصل إلى القاهرة أمس الاثنين في زيارة رسمية.
اقرأ أيضا
وزير الخارجية الأمريكي يلتقي نظيره الهندي في واشنطن
"""


def test_article_lead_topics_recall_and_teaser():
    evs = run(ARTICLE_AR, published="2025-04-15", keep_background=True)
    main = [e for e in evs if not e["background"]]
    assert keys(main) == {("meeting", ("EGY", "KWT"), None, None)}     # "Sudan" is a topic, not a party
    m = main[0]
    assert m["date"] == "2025-04-15" and m["location"]["country"] == "EGY"
    bg = {k for k in keys(evs)} - keys(main)
    assert ("visit", ("EGY", "KWT"), "KWT", "EGY") in bg                  # recalled arrival
    assert ("meeting", ("IND", "USA"), None, None) in bg                  # teaser after "read also"


def test_dateline_is_not_the_venue():
    text = ("CAIRO, Feb 12 (Reuters) - Egypt's foreign minister held talks with his Qatari counterpart "
            "in Doha on Wednesday, the ministry said.")
    m = one(run(text, "en", "2025-02-12"), "meeting")
    assert m["participants"] == ["EGY", "QAT"] and m["location"]["country"] == "QAT"
    assert m["date"] == "2025-02-12"


def test_people_as_written_with_titles():
    v = one(run("وصل وزير الخارجية المصري إلى الدوحة بدعوة من نظيره القطري."), "visit")
    written = {(p["as_written"], p["role"], p["country"]) for p in v["people"]}
    assert ("وزير الخارجية المصري", "foreign_minister", "EGY") in written
    assert ("نظيره القطري", "counterpart", "QAT") in written


def test_since_year_is_not_a_recall():
    evs = run("وصل الرئيس الهندي إلى هانوي في أول زيارة منذ 2018.", published="2025-05-05")
    v = one(evs, "visit")
    assert (v["actor"], v["target"]) == ("IND", "VNM")


def test_reception_of_money_is_not_a_meeting():
    assert run("Egypt received $2 billion from Saudi Arabia last year.", "en", keep_background=True) == []


def test_international_organisations_as_parties():
    m = one(run("التقى الأمين العام لمجلس التعاون الخليجي وزير الخارجية الياباني في الرياض."), "meeting")
    assert m["participants"] == ["GCC", "JPN"] and m["location"]["country"] == "SAU"
    c = one(run("The UN Secretary-General held a phone call with the Iranian foreign minister.", "en"), "call")
    assert c["participants"] == ["IRN", "UN"]
    m = one(run("The African Union Commission chairperson met the South African president in Addis Ababa.", "en"),
            "meeting")
    assert m["participants"] == ["AU", "ZAF"] and m["location"]["country"] == "ETH"


def test_announcing_institution_fills_a_missing_side_only():
    v = one(run("أعلنت الرئاسة الإماراتية أن رئيس الدولة سيقوم بزيارة دولة إلى فرنسا الأسبوع المقبل."), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("ARE", "FRA", "planned")
    m = one(run("قالت الخارجية الأمريكية إن وزيري خارجية مصر وإثيوبيا سيلتقيان في واشنطن."), "meeting")
    assert m["participants"] == ["EGY", "ETH"] and m["location"]["country"] == "USA"


def test_other_languages_are_a_data_file_away():
    # Persian: "the Iranian foreign minister arrived in Moscow on Monday and met his Russian counterpart"
    evs = run("وزیر امور خارجه ایران روز دوشنبه وارد مسکو شد و با همتای روس خود دیدار کرد.", "fa",
              keep_background=True)
    v = one(evs, "visit")
    assert (v["actor"], v["target"], v["location"]["country"]) == ("IRN", "RUS", "RUS")   # دوشنبه is Monday here
    # Urdu: "a memorandum of understanding was signed between Pakistan and China"
    a = one(run("پاکستان اور چین کے درمیان مفاہمتی یادداشت پر دستخط کیے گئے۔", "ur"), "agreement")
    assert a["participants"] == ["CHN", "PAK"]


def test_embedded_read_also_on_a_flat_page_does_not_swallow_the_story():
    text = ("تقرير خاص. اقرأ أيضا: زلزال يضرب اليابان. " + "تفاصيل إضافية عن الطقس. " * 12 +
            "وصل الرئيس المصري إلى الرياض في زيارة رسمية يلتقي خلالها ولي العهد السعودي. " +
            "ويعقد الجانبان مباحثات حول العلاقات الثنائية. " * 3)
    v = one(run(text, keep_background=True), "visit")
    assert not v["background"] and (v["actor"], v["target"]) == ("EGY", "SAU")


def test_arabic_one_letter_abbreviation_does_not_end_a_sentence():
    from streams.events.sentences import split
    text = "استقبل وزير الخارجية د. محمد العلي السفير. ثم غادر."
    assert [text[a:b] for a, b in split(text)] == ["استقبل وزير الخارجية د. محمد العلي السفير.", "ثم غادر."]


def test_urdu_full_stop_ends_a_sentence():
    from streams.events.sentences import split
    text = "وزیر خارجہ بیجنگ پہنچ گئے۔ وہ کل چینی ہم منصب سے ملیں گے؟ جی ہاں"
    assert [text[a:b] for a, b in split(text)] == ["وزیر خارجہ بیجنگ پہنچ گئے۔", "وہ کل چینی ہم منصب سے ملیں گے؟",
                                                    "جی ہاں"]
