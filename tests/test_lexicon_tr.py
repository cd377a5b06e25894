"""Turkish event lexicon (streams/lang/tr/lexicon.tsv), on sentences written for these tests."""
from __future__ import annotations

import pytest

from streams.events.coder import extract_events
from streams.events.triggers import lexicon

ART = {"id": "tr-1", "url": None, "source": "test", "published_at": "2025-03-04"}


def run(text, published="2025-03-04"):
    evs = extract_events(text, "tr", published, dict(ART, published_at=published))
    return [e for e in evs if not e["background"]]


def one(evs, etype):
    found = [e for e in evs if e["type"] == etype]
    assert len(found) == 1, evs
    return found[0]


def test_turkish_has_its_own_lexicon():
    hits = lexicon("tr").find("görüştü")
    assert [(h.kind, h.label) for h in hits] == [("trigger", "meeting")]
    assert lexicon("tr") is not lexicon("en")


def test_visit_host_in_the_dative_before_the_verb():
    v = one(run("Japonya Başbakanı, iki günlük resmi ziyaret için Mısır'a geldi."), "visit")
    assert (v["actor"], v["target"], v["location"]["country"]) == ("JPN", "EGY", "EGY")
    assert v["participants"] == ["EGY", "JPN"] and v["status"] == "occurred"


def test_visit_host_in_the_accusative():
    v = one(run("İran Dışişleri Bakanı dün Umman'ı ziyaret etti."), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("IRN", "OMN", "occurred")


@pytest.mark.parametrize("text", [
    "Kanada Dışişleri Bakanı yarın Brezilya'ya resmi ziyaret gerçekleştirecek.",
    "Fransa Cumhurbaşkanı önümüzdeki ay Brezilya'yı ziyaret edecek.",
    "Kanada Başbakanı'nın gelecek hafta Brezilya'ya gideceği açıklandı.",
])
def test_planned_visit(text):
    v = one(run(text), "visit")
    assert v["target"] == "BRA" and v["actor"] in ("CAN", "FRA")
    assert v["status"] == "planned" and v["cameo"] == "036"


def test_visit_noun_without_a_host_is_no_visit():
    # "within the visit" names no host: the trip is not coded from a bare noun
    assert not [e for e in run("Ziyaret kapsamında Kanada Başbakanı ile Meksika Devlet Başkanı görüştü.")
                if e["type"] == "visit"]


def test_meeting_with_counterpart_and_city():
    m = one(run("İtalya Dışişleri Bakanı, İspanyol mevkidaşı ile Roma'da bir araya geldi."), "meeting")
    assert m["participants"] == ["ESP", "ITA"] and m["actor"] is None and m["target"] is None
    assert m["location"]["country"] == "ITA" and m["status"] == "occurred"


def test_planned_meeting():
    m = one(run("Rusya Devlet Başkanı, Çin Devlet Başkanı ile Pekin'de görüşecek."), "meeting")
    assert m["participants"] == ["CHN", "RUS"] and m["status"] == "planned"


@pytest.mark.parametrize("text", [
    "Polonya Cumhurbaşkanı, Ukrayna Devlet Başkanı ile telefonda görüştü.",
    "Polonya Cumhurbaşkanı, Ukrayna Devlet Başkanı ile bir telefon görüşmesi gerçekleştirdi.",
    "Polonya ve Ukrayna cumhurbaşkanları telefonla görüştü.",
])
def test_phone_call_is_a_call_not_a_meeting(text):
    evs = run(text)
    c = one(evs, "call")
    assert c["participants"] == ["POL", "UKR"] and c["status"] == "occurred"
    assert not [e for e in evs if e["type"] == "meeting"]


@pytest.mark.parametrize("text", [
    "Polonya Cumhurbaşkanı, Ukrayna Devlet Başkanı ile telefonda görüşmedi.",
    "Polonya ve Ukrayna dışişleri bakanları Varşova'da bir araya gelmedi.",
])
def test_negated_call_or_meeting_yields_nothing(text):
    assert run(text) == []
    # the affirmative sentence is coded
    assert run(text.replace("görüşmedi", "görüştü").replace("gelmedi", "geldi"))


def test_signed_memorandum():
    a = one(run("Macaristan ve Sırbistan dışişleri bakanları enerji alanında bir mutabakat zaptı imzaladı."),
            "agreement")
    assert a["participants"] == ["HUN", "SRB"] and a["status"] == "occurred" and a["cameo"] == "057"


def test_agreement_to_be_signed_is_planned():
    a = one(run("Japonya ile Güney Kore arasında bir serbest ticaret anlaşması imzalanacak."), "agreement")
    assert a["participants"] == ["JPN", "KOR"] and a["status"] == "planned"


def test_agreement_needs_a_signing_verb():
    assert run("Macaristan ve Sırbistan dışişleri bakanları yeni bir anlaşmayı ele aldı.") == []


def test_negotiation_round_between_delegations():
    evs = run("Sudan hükümeti ile Güney Sudan heyetleri arasındaki müzakerelerin ikinci turu Cenevre'de başladı.")
    n = one(evs, "negotiation")
    assert n["participants"] == ["SDN", "SSD"] and n["location"]["country"] == "CHE"
    assert not [e for e in evs if e["type"] == "visit"]      # "turu" is the round here, not a tour


@pytest.mark.parametrize("text", [
    "Hollanda Başbakanı'nın bu hafta Vietnam'a yapması planlanan ziyaret iptal edildi.",
    "Hollanda Başbakanı'nın Vietnam'a yapacağı ziyaret ertelendi.",
    "Hollanda Başbakanı bu hafta Vietnam'ı ziyaret etmeyecek.",
    "Sözcü, Hollanda Başbakanı'nın Vietnam'a yapacağı ziyaretin gerçekleşmeyeceğini açıkladı.",
])
def test_cancelled_or_postponed_visit_yields_nothing(text):
    assert run(text) == []


def test_the_same_visit_without_cancellation_is_coded():
    # guards the test above: the sentence codes a visit once the cancellation is gone
    v = one(run("Hollanda Başbakanı'nın bu hafta Vietnam'a yapması planlanan ziyaret başladı."), "visit")
    assert (v["actor"], v["target"]) == ("NLD", "VNM")
    v = one(run("Sözcü, Hollanda Başbakanı'nın Vietnam'a yapacağı ziyaretin gerçekleşeceğini açıkladı."), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("NLD", "VNM", "planned")


def test_sport_story_yields_nothing():
    assert run("Brezilya Milli Takımı, dostluk maçında Arjantin ile karşılaştı; iki ülkenin "
               "takımları yarın yeniden bir araya gelecek.") == []


def test_read_also_block_is_not_the_story():
    text = ("Kanada Başbakanı dün Meksika Devlet Başkanı ile Ottawa'da görüştü.\n"
            "İLGİLİ HABERLER\n"
            "Kanada Başbakanı Arjantin'e resmi ziyaret gerçekleştirdi.\n")
    evs = run(text)
    assert {e["type"] for e in evs} == {"meeting"}
    assert one(evs, "meeting")["participants"] == ["CAN", "MEX"]


def test_one_case_ending_closes_a_list_of_hosts():
    evs = run("Cumhurbaşkanı Erdoğan gelecek hafta Mısır, Ürdün ve Katar'a gidecek.")
    assert sorted(e["target"] for e in evs if e["type"] == "visit") == ["EGY", "JOR", "QAT"]
    assert {e["actor"] for e in evs if e["type"] == "visit"} == {"TUR"}


def test_a_participle_before_its_noun_names_the_traveller():
    # "ziyarette bulunan X": X is on a visit, the host is the one who receives him
    v = one(run("Cumhurbaşkanı Erdoğan, Türkiye'ye resmi ziyarette bulunan Nijer Devlet Başkanı Mohamed "
                "Bazoum'u törenle karşıladı.", "2021-05-10"), "visit")
    assert (v["actor"], v["target"]) == ("NER", "TUR")


def test_expected_signing_after_the_noun_is_planned():
    a = one(run("Türkiye ile Azerbaycan arasında ticaret anlaşmalarının imzalanması bekleniyor."), "agreement")
    assert (a["participants"], a["status"]) == (["AZE", "TUR"], "planned")


def test_a_tour_date_belongs_to_the_first_named_stop_also_before_the_case_ending():
    evs = [e for e in run("Cumhurbaşkanı Erdoğan 23 Temmuz'da Suudi Arabistan, Kuveyt ve Katar'a gidecek.",
                          "2017-07-19") if e["type"] == "visit"]
    assert {e["target"]: e["date"] for e in evs} == {"SAU": "2017-07-23", "KWT": None, "QAT": None}


def test_a_state_whose_name_is_also_a_word_counts_before_its_apostrophe_suffix():
    # "mali" is also "financial": the country only with its case ending ("Mali'ye")
    evs = [e for e in run("Cumhurbaşkanı Erdoğan yarın Cezayir, Senegal ve Mali'ye gidecek.") if e["type"] == "visit"]
    assert sorted(e["target"] for e in evs) == ["DZA", "MLI", "SEN"]
    assert not run("Bakan, Senegal'e mali destek verileceğini açıkladı.")


# -- general Turkish wording beyond the tuning pages (sentences written for these tests)

def _key(ev: dict) -> tuple:
    if ev["type"] == "visit":
        return ev["type"], ev["actor"], ev["target"], ev["status"]
    return (ev["type"], "+".join(ev["participants"]), ev["status"])


@pytest.mark.parametrize("text, want", [
    # a city in the dative before the verb is the destination
    ("Japonya Başbakanı pazar günü Ankara'ya geldi.", ("visit", "JPN", "TUR", "occurred")),
    ("Almanya Başbakanı Ankara'ya resmi bir ziyaret gerçekleştirecek.", ("visit", "DEU", "TUR", "planned")),
    ("Mısır Dışişleri Bakanı dün Katar'a ulaştı.", ("visit", "EGY", "QAT", "occurred")),
    # "gelecek hafta" is next week, not "will come"
    ("Rusya ve Ukrayna heyetleri gelecek hafta İstanbul'da bir araya gelecek.", ("meeting", "RUS+UKR", "planned")),
    ("Rusya ve Ukrayna arasındaki müzakerelerin ikinci turu gelecek hafta İstanbul'da yapılacak.",
     ("negotiation", "RUS+UKR", "planned")),
    ("Türkiye ve Irak, su alanında işbirliği mutabakatı imzaladı.", ("agreement", "IRQ+TUR", "occurred")),
    ("Cumhurbaşkanı Erdoğan yarın Azerbaycan Cumhurbaşkanı'nı kabul edecek.", ("meeting", "AZE+TUR", "planned")),
])
def test_general_wording(text, want):
    assert [_key(e) for e in run(text, "2025-05-05")] == [want]


@pytest.mark.parametrize("text", [
    "Türkiye ile Çin arasındaki ticaret hacmi geçen yıl 50 milyar dolara ulaştı.",
    "Çin'e ihracat 3 milyar dolara ulaştı.",
    "Yunanistan Başbakanı, Türkiye'ye yapacağı ziyareti iptal etti.",
])
def test_amounts_and_cancellations_are_no_events(text):
    assert run(text, "2025-05-05") == []


def test_contacts_held_in_a_city_are_a_visit():
    assert [_key(e) for e in run("Macaristan Dışişleri Bakanı Ankara'da temaslarda bulundu.", "2025-05-05")] == \
        [("visit", "HUN", "TUR", "occurred")]


@pytest.mark.parametrize("text, want", [
    # a bare state right before the visit noun is the host
    ("Japonya Başbakanı Türkiye ziyaretini tamamladı.", [("visit", "JPN", "TUR", "occurred")]),
    ("Azerbaycan ve Ermenistan dışişleri bakanları barış anlaşmasını parafe etti.",
     [("agreement", "ARM+AZE", "occurred")]),
    ("Fransa Cumhurbaşkanı'nın Cezayir ziyareti iptal edildi.", []),
])
def test_visit_noun_compound_and_initialled_accord(text, want):
    assert [_key(e) for e in run(text, "2025-05-05")] == want


def test_a_city_noun_after_the_name_carries_the_case():
    # "Cidde kentine geldi": the dative is on "kent" (city), not on the name
    v = one(run("Dışişleri Bakanı Hakan Fidan, olağanüstü toplantıya katılmak üzere Suudi Arabistan'ın Cidde "
                "kentine geldi."), "visit")
    assert (v["actor"], v["target"]) == ("TUR", "SAU")


def test_a_future_verb_form_after_the_noun_makes_the_event_planned():
    # "yapılacak" (will be held): Turkish future suffix, from the profile's future_suffixes
    n = one(run("Türkiye ve Yunanistan arasındaki istikşafi görüşmeler İstanbul'da yapılacak."), "negotiation")
    assert (n["participants"], n["status"]) == (["GRC", "TUR"], "planned")


def test_will_come_today_is_under_way_and_clause_final_expected_is_planned():
    # H3: "bugün Türkiye'ye geleceği" (will come today) is a trip under way
    v = one(run("Açıklamada, Nijer Devlet Başkanı'nın bugün Türkiye'ye geleceği belirtildi."), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("NER", "TUR", "occurred")
    v = one(run("Açıklamada, Nijer Devlet Başkanı'nın yarın Türkiye'ye geleceği belirtildi."), "visit")
    assert v["status"] == "planned"
    # "bekleniyor" closing a long clause makes the signing in it planned
    a = one(run("Türkiye ile Nijer arasında anlaşmaların imzalanması ve iki liderin ortak basın toplantısı "
                "sonrası resmi yemek verilmesi bekleniyor."), "agreement")
    assert a["status"] == "planned"


def test_verbal_noun_of_go_is_a_trip():
    # "gitmesi bekleniyor" (is expected to go), as "gelmesi" (to come)
    v = one(run("Bakan Fidan'ın önümüzdeki hafta Umman'a gitmesi bekleniyor."), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("TUR", "OMN", "planned")
    assert not [e for e in run("Bakanın oraya gitmesi gerekiyor.") if e["type"] == "visit"]


def test_turkish_names_of_organisations():
    from streams.events.gazetteer import gazetteer
    from streams.text.normalize import fold
    found = [m.code for m in gazetteer("tr").find(fold(
        "Körfez İşbirliği Konseyi, İslam İşbirliği Teşkilatı, Arap Ligi ve Afrika Birliği temsilcileri"))]
    assert found == ["GCC", "OIC", "ARAB_LEAGUE", "AU"]
    m = one(run("Dışişleri Bakanı Fidan, KİK Genel Sekreteri ile Ankara'da bir araya geldi."), "meeting")
    assert m["participants"] == ["GCC", "TUR"]


def test_after_his_talks_with_is_a_meeting():
    m = one(run("Dışişleri Bakanı Hakan Fidan, Macaristan Dışişleri Bakanı ile görüşmesinin ardından ortak basın "
                "toplantısı düzenledi."), "meeting")
    assert m["participants"] == ["HUN", "TUR"] and m["status"] == "occurred"
