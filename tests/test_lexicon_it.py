"""Italian event lexicon (streams/lang/it/lexicon.tsv) and Italian gazetteer rows: example sentences
written for these tests."""
from __future__ import annotations

from tests._coded import Coded

PUB = "2025-05-05"


_IT = Coded("it", PUB)
_of, _one = _IT.of, _IT.one


def test_present_and_future_of_arrive():
    ev = _one("Il presidente brasiliano arriva domani a Roma per una visita di due giorni.", "visit")
    assert (ev["actor"], ev["target"], ev["status"]) == ("BRA", "ITA", "planned")
    ev = _one("Il cancelliere tedesco arriverà a Madrid giovedì.", "visit")
    assert (ev["actor"], ev["target"], ev["status"]) == ("DEU", "ESP", "planned")


def test_ad_before_a_vowel_marks_the_destination():
    ev = _one("Il premier italiano è volato ad Algeri per il vertice intergovernativo.", "visit")
    assert (ev["actor"], ev["target"], ev["status"]) == ("ITA", "DZA", "occurred")


def test_collega_is_the_counterpart():
    ev = _one("Il ministro degli Esteri iraniano ha incontrato il collega italiano a Ginevra.", "meeting")
    assert ev["participants"] == ["IRN", "ITA"]
    assert ev["location"]["country"] == "CHE"


def test_pope_meets_visitors():
    ev = _one("Il presidente ucraino Volodymyr Zelensky incontrerà il Papa in Vaticano nel pomeriggio.",
              "meeting", "2025-11-07")
    assert (ev["participants"], ev["status"]) == (["UKR", "VAT"], "planned")
    ev = _one("Il presidente palestinese è stato ricevuto in Vaticano da Papa Leone XIV.", "meeting", "2025-11-07")
    assert ev["participants"] == ["PSE", "VAT"]
    ev = _one("Il presidente russo Vladimir Putin ha incontrato in udienza papa Francesco.", "meeting", "2019-07-04")
    assert ev["participants"] == ["RUS", "VAT"]
    # "papà" (dad) keeps its accent through folding: not the Pope
    assert not _of("Il papà del ragazzo ha incontrato il ministro egiziano al Cairo.", "meeting", "2025-11-07")


def test_declaration_of_intent_is_signed():
    ev = _one("Il ministro degli Esteri italiano e il ministro argentino hanno firmato una dichiarazione di "
              "intenti sulla cooperazione.", "agreement")
    assert ev["participants"] == ["ARG", "ITA"]


def test_not_planned_or_possible_meeting_is_no_event():
    assert _of("Un incontro tra i presidenti russo e ucraino è previsto, ha detto il portavoce.", "meeting")
    assert not _of("Un incontro tra i presidenti russo e ucraino non è previsto, ha detto il portavoce.",
                   "meeting")
    assert _of("Il ministro spagnolo ha parlato di un incontro con il suo omologo marocchino.", "meeting")
    assert not _of("Il ministro spagnolo ha parlato di un possibile incontro con il suo omologo marocchino.",
                   "meeting")


def test_could_marks_only_the_verb_it_governs():
    ev = _one("Il ministro francese potrebbe incontrare il collega tedesco a Berlino.", "meeting")
    assert ev["status"] == "planned"
    # a "potrebbe" in an earlier clause does not make the trip ahead
    ev = _one("Prima del voto che potrebbe far cadere il governo, il premier italiano è volato ad Algeri.", "visit")
    assert ev["status"] == "occurred"


def test_leaders_of_their_term():
    ev = _one("Il premier italiano Mario Draghi ha ricevuto a Palazzo Chigi il presidente algerino.", "meeting",
              "2022-05-05")
    assert ev["participants"] == ["DZA", "ITA"]
    assert ev["location"]["country"] == "ITA"


def test_capital_named_by_its_adjective():
    ev = _one("Il ministro degli Esteri turco è arrivato ieri nella capitale tunisina.", "visit")
    assert (ev["actor"], ev["target"], ev["status"]) == ("TUR", "TUN", "occurred")


def test_future_of_avere_is_planned():
    ev = _one("Il premier italiano avrà un colloquio con il presidente americano a Roma.", "meeting")
    assert (ev["participants"], ev["status"]) == (["ITA", "USA"], "planned")


def test_visitors_are_no_visit():
    assert _one("Il ministro italiano ha visitato l'Egitto.", "visit")["target"] == "EGY"
    assert not _of("Il ministro italiano ha parlato dei visitatori in Egitto.", "visit")


def test_plural_offices_and_departures():
    ev = _one("I presidenti egiziano e giordano si sono incontrati al Cairo.", "meeting")
    assert (ev["participants"], ev["location"]["country"]) == (["EGY", "JOR"], "EGY")
    for text in ("Il presidente egiziano è partito per la Russia.",
                 "Il presidente egiziano è partito dal Cairo alla volta di Mosca."):
        ev = _one(text, "visit")
        assert (ev["actor"], ev["target"]) == ("EGY", "RUS")
    assert _one("L'Algeria e la Tunisia hanno firmato diverse intese a Tunisi.",
                "agreement")["participants"] == ["DZA", "TUN"]


def test_reception_but_not_welcoming_a_proposal():
    ev = _one("Il presidente italiano ha accolto al Quirinale il re di Giordania.", "meeting")
    assert (ev["participants"], ev["location"]["country"]) == (["ITA", "JOR"], "ITA")
    assert not _of("Il ministro russo ha accolto con favore la proposta del presidente turco.", "meeting")


def test_a_one_word_leader_name_needs_its_capital_letter():
    # "i modi" (the ways) is not Narendra Modi
    from streams.events.coder import extract_events
    text = ("Il ministro degli Esteri ha ricevuto alla Farnesina il suo omologo saudita: hanno discusso le "
            "relazioni tra i due Paesi e i modi per rafforzarle.")
    evs = [e for e in extract_events(text, "it", "2025-05-05", {"id": "t"}) if not e["background"]]
    assert evs and all("IND" not in e["participants"] for e in evs)


# -- general Italian wording beyond the tuning pages (sentences written for these tests)
import pytest  # noqa: E402


def _key(ev: dict) -> tuple:
    if ev["type"] == "visit":
        return ev["type"], ev["actor"], ev["target"], ev["status"]
    return (ev["type"], "+".join(ev["participants"]), ev["status"])


@pytest.mark.parametrize("text, want", [
    ("Il premier indiano è partito lunedì alla volta dell'Egitto.", ("visit", "IND", "EGY", "occurred")),
    ("Il cancelliere tedesco partirà domani per Washington.", ("visit", "DEU", "USA", "planned")),
    ("Il presidente della Repubblica italiana compirà una visita di Stato in Portogallo a giugno.",
     ("visit", "ITA", "PRT", "planned")),
    ("È previsto che il presidente turco visiti l'Italia in primavera.", ("visit", "TUR", "ITA", "planned")),
    ("Il ministro degli Esteri cinese ha discusso con il suo omologo russo della situazione in Medio Oriente.",
     ("meeting", "CHN+RUS", "occurred")),
    ("Il ministro degli Esteri russo si è riunito con il suo omologo cinese a Mosca.", ("meeting", "CHN+RUS", "occurred")),
    ("I leader di Francia e Germania hanno tenuto una videoconferenza mercoledì.", ("call", "DEU+FRA", "occurred")),
    ("Italia e Giappone firmeranno venerdì un accordo di cooperazione nella difesa.", ("agreement", "ITA+JPN", "planned")),
    ("Le delegazioni di Russia e Ucraina negozieranno la prossima settimana a Istanbul.",
     ("negotiation", "RUS+UKR", "planned")),
    ("Sono riprese lunedì a Doha le trattative tra Iran e Stati Uniti.", ("negotiation", "IRN+USA", "occurred")),
])
def test_general_wording(text, want):
    assert [_key(e) for e in _IT.events(text)] == [want]


@pytest.mark.parametrize("text", [
    "La visita del presidente tedesco in Israele è stata rimandata.",
    "L'incontro tra il premier italiano e il presidente francese è saltato.",
    "La nazionale italiana affronterà la Germania a Dortmund.",
])
def test_put_off_fallen_through_or_sport(text):
    assert _IT.events(text) == []


def test_scheduled_after_the_noun():
    text = "L'incontro tra il premier italiano e il presidente americano si terrà giovedì alla Casa Bianca."
    assert [_key(e) for e in _IT.events(text)] == [("meeting", "ITA+USA", "planned")]


@pytest.mark.parametrize("text, want", [
    ("Il presidente francese volerà in Cina la prossima settimana.", [("visit", "FRA", "CHN", "planned")]),
    ("Il premier greco è atteso a Roma giovedì.", [("visit", "GRC", "ITA", "planned")]),
    ("Il premier italiano non ha ancora incontrato il presidente cinese.", []),
    ("Italia e Francia si sono impegnate a firmare un nuovo trattato.", []),
])
def test_flying_awaited_not_yet_and_committed(text, want):
    assert [_key(e) for e in _IT.events(text)] == want


def test_arriva_with_a_weekday_is_the_coming_day():
    from streams.events.coder import extract_events
    evs = [e for e in extract_events("Il presidente francese arriva mercoledì sera a Roma per una visita di due giorni.",
                                     "it", "2025-05-05", {"id": "t"}) if e["type"] == "visit"]   # a Monday
    assert [(e["actor"], e["target"], e["date"], e["status"]) for e in evs] == [("FRA", "ITA", "2025-05-07", "planned")]


def test_a_hyphenated_pair_after_a_topic_noun_is_a_topic_not_the_sides():
    from streams.events.coder import extract_events
    text = ("Il ministro degli Esteri italiano ha avuto oggi un colloquio con il suo omologo spagnolo. Al centro "
            "del colloquio, secondo la nota, il dossier russo-ucraino e il coordinamento europeo.")
    evs = [e for e in extract_events(text, "it", "2025-05-05", {"id": "t"}) if not e["background"]]
    assert all(set(e["participants"]) != {"RUS", "UKR"} for e in evs), evs
    # the same pair naming the sides of talks stays
    evs = extract_events("I colloqui russo-ucraini sono ripresi a Istanbul.", "it", "2025-05-05", {"id": "t"})
    assert any(set(e["participants"]) == {"RUS", "UKR"} for e in evs), evs


def test_a_present_tense_arrival_on_the_coming_day_is_planned():
    # no publication day, only the page's month line: "prossimo" alone says the day is ahead
    v = Coded("it", None).one("date 2025-05\nIl presidente brasiliano arriva in Italia il prossimo 12 maggio "
                              "per incontrare il premier.", "visit")
    assert (v["actor"], v["target"], v["status"], v["date"]) == ("BRA", "ITA", "planned", "2025-05-12")


def test_a_present_tense_arrival_on_a_weekday_with_no_publication_day_is_ahead():
    v = Coded("it", None).one("Arriva mercoledì sera a Roma il presidente francese per una visita di due giorni.",
                              "visit")
    assert (v["actor"], v["target"], v["status"]) == ("FRA", "ITA", "planned")


def test_met_a_list_of_counterparts_is_one_meeting_with_each():
    evs = _IT.of("Il ministro degli Esteri italiano ha incontrato a Roma gli omologhi di Marocco, Tunisia "
                 "ed Egitto.", "meeting")
    assert sorted(tuple(e["participants"]) for e in evs) == [("EGY", "ITA"), ("ITA", "MAR"), ("ITA", "TUN")], evs
