"""English lexicon (streams/lang/en/lexicon.tsv) and English gazetteer rows: example sentences written
for these tests (no article text)."""
from __future__ import annotations

from streams.events.gazetteer import gazetteer
from streams.text.normalize import fold

from tests._coded import Coded

PUB = "2025-05-05"


_EN = Coded("en", PUB, foreground=True)
_events, _of, _one = _EN.events, _EN.of, _EN.one


# --- gazetteer: adjectives, names, seats of government, capitals, leaders -------------------------

def test_equatorial_guinean_is_not_guinean():
    ev = _one("The Ethiopian prime minister held talks with the Equatorial Guinean president on Monday.",
              "meeting")
    assert ev["participants"] == ["ETH", "GNQ"]


def test_papua_new_guinean_and_mauritian_adjectives():
    ev = _one("The Papua New Guinean prime minister met his Mauritian counterpart in Canberra on Monday.",
              "meeting")
    assert ev["participants"] == ["MUS", "PNG"]
    assert ev["location"]["country"] == "AUS"


def test_guinea_bissau_without_hyphen():
    codes = {m.code for m in gazetteer("en").find(fold("the president of Guinea Bissau"))}
    assert codes == {"GNB"}


def test_seat_of_government_places_the_talks():
    ev = _one("Nigerian President Bola Tinubu received the Ghanaian president at Aso Rock on Tuesday.",
              "meeting")
    assert ev["participants"] == ["GHA", "NGA"]
    assert ev["location"]["country"] == "NGA"


def test_administrative_capital_places_the_talks():
    ev = _one("The Malaysian prime minister held talks with the Thai prime minister in Putrajaya on Friday.",
              "meeting")
    assert ev["location"]["country"] == "MYS"


def test_leader_is_read_within_the_term_only():
    text = "Sheikh Hasina held talks with the Japanese prime minister in Tokyo on Monday."
    assert _one(text, "meeting", "2023-04-26")["participants"] == ["BGD", "JPN"]
    assert not _of(text, "meeting", "2025-04-26")      # out of office: no longer Bangladesh


# --- offices -----------------------------------------------------------------------------------

def test_headline_abbreviations_pm_and_fm():
    ev = _one("Indian PM holds talks with Chinese FM in New Delhi", "meeting")
    assert ev["participants"] == ["CHN", "IND"]
    people = {(p["role"], p["country"]) for p in ev["people"]}
    assert ("head_of_government", "IND") in people and ("foreign_minister", "CHN") in people


def test_high_commissioner_is_an_envoy_of_its_state():
    ev = _one("The British High Commissioner met the Pakistani foreign minister in Islamabad on Monday.",
              "meeting")
    assert ev["participants"] == ["GBR", "PAK"]
    assert ("envoy", "GBR") in {(p["role"], p["country"]) for p in ev["people"]}


# --- calls and meetings ----------------------------------------------------------------------------

def test_received_a_call_is_a_call_not_a_reception():
    evs = _events("The Kenyan president received a call from the French president on Sunday.")
    assert [(e["type"], e["participants"]) for e in evs] == [("call", ["FRA", "KEN"])]


def test_virtual_meeting_is_a_call():
    ev = _one("The Indonesian president held a virtual meeting with the Australian prime minister on Friday.",
              "call")
    assert ev["participants"] == ["AUS", "IDN"]
    assert not _of("The Indonesian president held a virtual meeting with the Australian prime minister.",
                   "meeting")


def test_spoke_with_alone_is_a_call_but_not_beside_a_meeting():
    ev = _one("The US secretary of state spoke with the Turkish foreign minister on Sunday.", "call")
    assert ev["participants"] == ["TUR", "USA"]
    ev = _one("The Indian external affairs minister has spoken to the US secretary of state.", "call")
    assert ev["participants"] == ["IND", "USA"]
    text = "The US secretary of state met the Turkish foreign minister in Ankara and spoke with him at length."
    assert not _of(text, "call") and _of(text, "meeting")


def test_conferred_with_is_a_meeting():
    ev = _one("The Ethiopian prime minister conferred with the Djiboutian president in Addis Ababa on Thursday.",
              "meeting")
    assert ev["participants"] == ["DJI", "ETH"]
    assert ev["location"]["country"] == "ETH"


def test_courtesy_call_is_a_meeting():
    ev = _one("The Indian defence minister paid a courtesy call on the Malaysian prime minister on Monday.",
              "meeting")
    assert ev["participants"] == ["IND", "MYS"]


# --- negotiations, agreements, tense ------------------------------------------------------------

def test_mediated_talks_are_a_negotiation():
    ev = _one("Armenia and Azerbaijan held EU-mediated talks in Brussels on Tuesday.", "negotiation")
    assert ev["participants"] == ["ARM", "AZE"]
    assert ev["location"]["country"] == "BEL"


def test_signed_joint_statement_is_an_agreement():
    ev = _one("The foreign ministers of Brazil and Argentina signed a joint statement in Brasilia on Monday.",
              "agreement")
    assert ev["participants"] == ["ARG", "BRA"]
    assert ev["status"] == "occurred"


def test_signal_is_not_a_signing():
    # signing verbs are spelled out: a `sign*` prefix also matched "signal", "signals"
    assert not _of("Brazil and Argentina signal readiness for a trade agreement.", "agreement")


def test_sought_agreement_is_planned():
    ev = _one("Ukraine is seeking to sign a security agreement with Canada.", "agreement")
    assert ev["participants"] == ["CAN", "UKR"]
    assert ev["status"] == "planned"


def test_talks_to_be_held_are_planned():
    ev = _one("Talks between the Sudanese and Chadian foreign ministers are to be held in Doha.", "meeting")
    assert ev["status"] == "planned"
    assert ev["location"]["country"] == "QAT"


def test_scheduled_and_possible_events_are_planned():
    ev = _one("The Estonian foreign minister was scheduled to travel to Minsk for talks.", "visit")
    assert (ev["actor"], ev["target"], ev["status"]) == ("EST", "BLR", "planned")
    ev = _one("The Indian prime minister could meet the Chinese president in Kazan.", "meeting")
    assert ev["status"] == "planned"


def test_ruled_out_meeting_is_no_event():
    assert not _of("The Russian president ruled out a meeting with the Ukrainian president.", "meeting")


def test_witnessed_exchange_of_documents_is_a_signing():
    ev = _one("The Vietnamese and Chinese prime ministers witnessed the exchange of cooperation documents in Hanoi "
              "on Monday.", "agreement")
    assert ev["participants"] == ["CHN", "VNM"]
    assert ev["location"]["country"] == "VNM"


def test_joint_press_conference_reports_talks():
    ev = _one("The Ukrainian foreign minister spoke at a joint press conference with the Turkish foreign minister "
              "in Kyiv on Friday.", "meeting")
    assert ev["participants"] == ["TUR", "UKR"]
    assert ev["location"]["country"] == "UKR"


def test_audience_with_the_king_is_a_meeting():
    ev = _one("The Jordanian king granted an audience to the Iraqi prime minister in Amman on Sunday.", "meeting")
    assert ev["participants"] == ["IRQ", "JOR"]


def test_indirect_talks_are_a_negotiation():
    ev = _one("Iran and the United States held indirect talks in Muscat on Saturday.", "negotiation")
    assert ev["participants"] == ["IRN", "USA"]
    assert ev["location"]["country"] == "OMN"


def test_touched_down_is_an_arrival():
    ev = _one("The Japanese prime minister touched down in Jakarta on Sunday evening.", "visit")
    assert (ev["actor"], ev["target"]) == ("JPN", "IDN")


def test_exchange_of_views_between_two_officials_is_a_meeting():
    ev = _one("The Saudi foreign minister and the French foreign minister exchanged views on regional issues "
              "in Riyadh on Monday.", "meeting")
    assert ev["participants"] == ["FRA", "SAU"]
    assert ev["location"]["country"] == "SAU"


def test_event_years_ago_is_background():
    assert not _of("The Indonesian president visited Tokyo three years ago.", "visit")
    assert _of("The Indonesian president visited Tokyo on Monday.", "visit")


def test_permanent_representative_is_an_envoy():
    ev = _one("The Chinese permanent representative met the Algerian foreign minister in New York on Monday.",
              "meeting")
    assert ev["participants"] == ["CHN", "DZA"]
    assert ("envoy", "CHN") in {(p["role"], p["country"]) for p in ev["people"]}


def test_talked_on_telephone_without_article_is_a_call():
    ev = _one("The Pakistani and Egyptian foreign ministers talked on telephone on Saturday.", "call")
    assert ev["participants"] == ["EGY", "PAK"]


def test_likely_signing_is_planned_and_tete_a_tete_is_a_meeting():
    ev = _one("Bangladesh and India are likely to sign five agreements on Saturday.", "agreement")
    assert ev["status"] == "planned"
    ev = _one("The Bangladeshi prime minister had a tete-a-tete with the Indian prime minister in Dhaka.", "meeting")
    assert ev["participants"] == ["BGD", "IND"]


def test_a_host_welcoming_two_guests_does_not_make_them_sides_of_one_meeting():
    text = ("The council opened in Astana on Tuesday. Also welcomed were the foreign ministers of Pakistan and "
            "Belarus, attending for the first time.")
    assert not _of(text, "meeting")
    text = "The chair welcomed the foreign ministers of Pakistan and Belarus to the council on Tuesday."
    assert not _of(text, "meeting")
    # the host named as the subject: a meeting of host and guest
    ev = _one("The Saudi crown prince welcomed the Pakistani prime minister in Riyadh on Tuesday.", "meeting")
    assert ev["participants"] == ["PAK", "SAU"]


def test_a_list_of_states_stays_a_list_across_a_name_in_apposition():
    text = ("The Ghanaian president held separate talks with the presidents of Benin, Patrice Adjovi, and "
            "Togo, Faure Mensah, on Monday.")
    got = sorted(tuple(e["participants"]) for e in _of(text, "meeting"))
    assert got == [("BEN", "GHA"), ("GHA", "TGO")]
    # a preposition after the name is no list: "his Libyan counterpart, N, in Italy for a visit"
    ev = _one("The Italian foreign minister met his Libyan counterpart, Amal Mansour, in Italy for a two-day "
              "official visit.", "visit")
    assert (ev["actor"], ev["target"]) == ("LBY", "ITA")


def test_a_tour_date_belongs_to_its_first_stop():
    evs = _of("The Turkish president will visit Saudi Arabia, Kuwait and Qatar on 23 July to discuss the crisis.",
              "visit")
    dates = {e["target"]: e["date"] for e in evs}
    assert dates == {"SAU": "2025-07-23", "KWT": None, "QAT": None}
    assert {e["status"] for e in evs} == {"planned"}


def test_talks_scheduled_for_a_day_after_the_noun_are_planned():
    ev = _one("Washington rejected a request by Tehran to change the venue of the nuclear talks between Iran and "
              "the United States scheduled for Friday.", "meeting")
    assert (ev["participants"], ev["status"]) == (["IRN", "USA"], "planned")


def test_an_official_in_a_country_is_not_that_countrys_official():
    # "in China" says where the minister is; the Pakistani outlet's domain says whose minister he is
    ev = _one("The foreign minister is currently in China on a two-day official visit to attend the "
              "China-Pakistan strategic dialogue.", "visit", url="https://news.example.com.pk/a")
    assert (ev["actor"], ev["target"]) == ("PAK", "CHN")


def test_the_day_of_a_statement_is_not_the_day_of_the_event():
    ev = _one("In Vienna the Austrian foreign minister meets his German counterpart for working talks, the "
              "ministry said on Monday.", "meeting", pub="2025-05-07")
    assert ev["date"] != "2025-05-05"                 # not the Monday of the saying


def test_an_undated_lead_event_takes_the_day_a_later_lead_sentence_gives_it():
    text = ("The foreign ministers of Iran and Russia discussed regional developments in a phone call. "
            "During the telephone conversation on Thursday, the Iranian minister stressed the value of regional "
            "dialogue.")
    ev = _one(text, "call", pub="2025-05-10")          # a Saturday
    assert (ev["participants"], ev["date"]) == (["IRN", "RUS"], "2025-05-08")


def test_the_venue_the_lead_names_beats_the_dateline():
    # the dateline says where the story was filed; the lead says where the ministers were
    text = ("NEW DELHI (PTI) - G20 foreign ministers gathered for their meeting in Bali on Friday. "
            "The Indian foreign minister held talks with his French counterpart on the sidelines.")
    ev = _one(text, "meeting")
    assert (ev["participants"], ev["location"]["country"]) == (["FRA", "IND"], "IDN")


def test_a_meeting_of_three_held_together_is_one_event_not_pairs():
    evs = _EN.events("The Egyptian president received the Jordanian king and the French president together "
                     "at the presidential palace in Cairo on Monday.")
    meetings = [e for e in evs if e["type"] == "meeting"]
    assert [m["participants"] for m in meetings] == [["EGY", "FRA", "JOR"]], evs
    # "X met with A and B": pairs of X with each, unless the sentence says they met as one
    evs = _EN.events("The Egyptian president met together with the Jordanian king and the "
                     "French president in Cairo on Monday.")
    assert [e["participants"] for e in evs if e["type"] == "meeting"] == [["EGY", "FRA", "JOR"]], evs
    # without a word saying they met as one, a list of three sides is not trusted as one meeting
    evs = _EN.events("The Egyptian president met the Jordanian king and the French president on Monday.")
    assert not any(len(e["participants"]) > 2 for e in evs), evs


def test_a_lead_sentence_with_no_event_still_gives_the_venue():
    evs = _EN.events("On the sidelines of the African Union executive council session in Addis Ababa, the "
                     "Moroccan foreign minister pressed on with his diplomatic push.\n"
                     "The Moroccan minister held talks with his Mauritanian counterpart on Sunday.")
    m = [e for e in evs if e["type"] == "meeting"]
    assert [(e["participants"], e["location"]["country"]) for e in m] == [(["MAR", "MRT"], "ETH")], evs


def test_talks_at_an_unnamed_seat_of_government_are_in_the_outlets_state():
    text = ("At the government headquarters on Monday, the Vietnamese prime minister held talks with "
            "the Chinese premier.")
    m = _EN.one(text, "meeting", url="https://news.example.vn/a/1")
    assert m["location"]["country"] == "VNM"
    # an outlet from neither side says nothing about whose headquarters
    assert _EN.one(text, "meeting", url="https://news.example.de/a/1")["location"]["country"] is None


def test_chair_of_an_organisation_in_apposition_is_a_title_not_a_side():
    evs = _EN.of("The Kenyan president received the Ghanaian president, the current chairman of the "
                 "African Union, at State House on Monday.", "meeting")
    assert [e["participants"] for e in evs] == [["GHA", "KEN"]]


def test_relative_clause_names_the_traveller_even_among_observers():
    text = ("The ministers signed five accords in the presence of the President of Kenya and the President "
            "of Sierra Leone, who is on a four-day state visit to the East African nation.")
    ev = _one(text, "visit")
    assert (ev["actor"], ev["target"]) == ("SLE", "KEN")


def test_the_story_subject_is_not_the_traveller_once_the_sentence_puts_him_in_its_country():
    text = ("The Thai foreign minister arrived in Laos on Monday for an official visit. "
            "He will meet Laos's prime minister on Tuesday. "
            "The minister arrived in Laos following a visit to Hanoi.")
    visits = _of(text, "visit")
    assert ("LAO", "VNM") not in {(v["actor"], v["target"]) for v in visits}, visits
    assert ("THA", "LAO") in {(v["actor"], v["target"]) for v in visits}


def test_country_modifying_the_visit_noun_is_the_host():
    ev = _one("The Iranian foreign minister is on a two-day Japan visit, his first in four years.", "visit")
    assert (ev["actor"], ev["target"]) == ("IRN", "JPN")
    assert not _of("Leaders of Japan visit China every spring.", "visit") or all(
        e["target"] != "JPN" for e in _of("Leaders of Japan visit China every spring.", "visit"))


def test_a_future_verb_right_before_the_destination_makes_the_leg_planned():
    evs = _EN.events("The South Korean president left for Indonesia on Wednesday. The visit is part of a "
                     "three-nation trip that will later take him to Vietnam and the Philippines.")
    status = {e["target"]: e["status"] for e in evs if e["type"] == "visit"}
    assert status == {"IDN": "occurred", "VNM": "planned", "PHL": "planned"}, evs


def test_the_day_a_later_lead_sentence_gives_the_meeting_dates_it():
    m = _EN.one("The US ambassador met the Indonesian foreign minister to review bilateral relations.\n"
                "The meeting took place at the ministry in Jakarta on Friday (April 13th).", "meeting",
                pub="2018-04-14")
    assert m["date"] == "2018-04-13"


def test_a_month_in_another_clause_does_not_leave_the_talks_undated():
    m = _EN.one("During talks in Madrid between the Spanish prime minister and the Moroccan foreign minister, "
                "the two sides welcomed the fisheries agreement, which was ratified last August.", "meeting",
                pub="2019-11-28")
    assert m["date"] == "2019-11-28"
    # a month bound to the talks themselves leaves the day unknown
    m = _EN.one("The Spanish prime minister held talks with the Moroccan foreign minister in August.", "meeting",
                pub="2019-11-28")
    assert m["date"] is None
