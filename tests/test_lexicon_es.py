"""Spanish event lexicon (streams/lang/es/lexicon.tsv): example sentences written for these tests."""
from __future__ import annotations

import pytest

from streams.events.triggers import Lexicon, lexicon

from tests._coded import Coded

PUB = "2025-05-05"


_ES = Coded("es", PUB)
_events, _one = _ES.events, _ES.one


def test_spanish_has_its_own_lexicon():
    es, en = lexicon("es"), lexicon("en")
    assert es is not en
    assert {"visit", "meeting", "call", "agreement", "negotiation"} <= es.labels["trigger"]
    assert {"planned", "negation", "with", "between", "loc", "dest", "from", "readalso"} <= es.labels["cue"]


def test_visit_with_direction():
    ev = _one("El presidente de Argentina viajó ayer a Brasilia para una visita oficial de dos días.", "visit")
    assert (ev["actor"], ev["target"], ev["status"]) == ("ARG", "BRA", "occurred")
    assert ev["participants"] == ["ARG", "BRA"]
    assert ev["location"] == {"country": "BRA", "place": "Brasilia"}


def test_arrival_with_a_date_between_verb_and_destination():
    ev = _one("El presidente de Kenia llegó el domingo a Madrid para una estancia de tres días.", "visit")
    assert (ev["actor"], ev["target"], ev["status"]) == ("KEN", "ESP", "occurred")


def test_meeting_with_counterpart_and_venue():
    ev = _one("El canciller chileno se reunió este martes en Lima con su homólogo peruano.", "meeting")
    assert ev["participants"] == ["CHL", "PER"]
    assert (ev["actor"], ev["target"], ev["status"]) == (None, None, "occurred")
    assert ev["location"]["country"] == "PER"
    # "canciller" is the foreign minister, "homólogo" the other side's one
    assert {(p["role"], p["country"]) for p in ev["people"]} == {("foreign_minister", "CHL"), ("counterpart", "PER")}


def test_phone_call():
    ev = _one("El presidente de Colombia mantuvo una conversación telefónica con el primer ministro de España.",
              "call")
    assert ev["participants"] == ["COL", "ESP"]
    assert ev["status"] == "occurred"
    assert ev["location"]["country"] is None


def test_received_call_from_counterpart():
    ev = _one("La ministra de Relaciones Exteriores de Bolivia recibió la llamada de su homólogo paraguayo.", "call")
    assert ev["participants"] == ["BOL", "PRY"]


def test_signed_agreement():
    ev = _one("Los gobiernos de Marruecos y Portugal firmaron en Rabat un acuerdo de cooperación pesquera.",
              "agreement")
    assert ev["participants"] == ["MAR", "PRT"]
    assert ev["status"] == "occurred"
    assert ev["location"]["country"] == "MAR"


def test_agreement_word_without_signing_is_no_event():
    assert not [e for e in _events("Los gobiernos de Marruecos y Portugal negocian un acuerdo de pesca.")
                if e["type"] == "agreement"]


def test_according_to_is_not_an_agreement():
    # "de acuerdo con" = "according to"; the signing verb elsewhere must not turn it into an accord
    assert not [e for e in _events("De acuerdo con el canciller de Chile, el presidente de Bolivia firmó "
                                   "ayer la ley de presupuesto.") if e["type"] == "agreement"]


def test_negotiation_round():
    ev = _one("Las delegaciones de Ecuador y Perú concluyeron en Quito la segunda ronda de negociaciones "
              "sobre la demarcación fluvial.", "negotiation")
    assert ev["participants"] == ["ECU", "PER"]
    assert ev["location"]["country"] == "ECU"


def test_planned_visit_future_form():
    ev = _one("El primer ministro de Japón visitará México la próxima semana.", "visit")
    assert (ev["actor"], ev["target"], ev["status"]) == ("JPN", "MEX", "planned")
    assert ev["cameo"] == "036"


def test_planned_meeting_future_form():
    ev = _one("El canciller mexicano se reunirá el jueves con el secretario de Estado de Estados Unidos.",
              "meeting")
    assert ev["participants"] == ["MEX", "USA"]
    assert ev["status"] == "planned"


@pytest.mark.parametrize("text", [
    "El presidente de Francia canceló su visita a Argentina, prevista para marzo.",
    "La visita del presidente de Francia a Argentina fue aplazada por la crisis política.",
    "El gobierno de Francia pospuso la visita de su canciller a Argentina.",
    "El presidente de Panamá no viajará a Cuba este año.",
])
def test_cancelled_or_negated_visit_yields_nothing(text):
    assert _events(text) == []


def test_same_visit_uncancelled_is_coded():
    # control for the test above: the same trip without the cancellation is a visit
    ev = _one("El presidente de Francia realizó su visita a Argentina en marzo.", "visit")
    assert (ev["actor"], ev["target"]) == ("FRA", "ARG")


def test_sports_story_yields_nothing():
    assert _events("La selección nacional de Colombia visitará a Venezuela en el partido de las "
                   "eliminatorias del Mundial.") == []


def test_reaching_an_agreement_is_not_arriving():
    assert not [e for e in _events("Los negociadores de Rusia llegaron a un acuerdo con Ucrania sobre "
                                   "el intercambio de prisioneros.") if e["type"] == "visit"]


def test_tour_that_will_take_him_to_several_countries_is_planned():
    evs = [e for e in _events("El canciller de México inicia una gira oficial que lo llevará a Panamá y "
                              "Nicaragua.") if e["type"] == "visit"]
    assert {(e["actor"], e["target"]) for e in evs} == {("MEX", "PAN"), ("MEX", "NIC")}
    assert {e["status"] for e in evs} == {"planned"}


def test_read_also_block_is_background():
    text = ("El presidente de Chile recibió en Santiago de Chile a su homólogo de Uruguay.\n"
            "Lee también\nEl canciller de Perú viajó a Bolivia para una visita de trabajo.")
    evs = _events(text)
    assert any(e["participants"] == ["CHL", "URY"] and not e["background"] for e in evs)
    teaser = [e for e in evs if "PER" in e["participants"]]
    assert teaser and all(e["background"] for e in teaser)


def test_more_specific_pattern_wins_on_equal_span():
    """triggers.Lexicon: "visitará" (planned) beats the "visit*" prefix over the same word,
    whichever row comes first; a different label on the same span is left to found order."""
    prefix = ("trigger", "visit", "visit*", frozenset())
    future = ("trigger", "visit", "visitará", frozenset({"planned"}))
    for rows in ([prefix, future], [future, prefix]):
        hits = Lexicon(rows).find("el rey visitará chile")
        assert [(h.pattern, "planned" in h.flags) for h in hits] == [("visitará", True)]
    rows = [("cue", "sign", "firma*", frozenset()), ("cue", "planned", "firmarán", frozenset())]
    assert [h.label for h in Lexicon(rows).find("firmarán")] == ["sign"]


# -- general Spanish wording beyond the tuning pages (sentences written for these tests)

def _key(ev: dict) -> tuple:
    if ev["type"] == "visit":
        return ev["type"], ev["actor"], ev["target"], ev["status"]
    return (ev["type"], "+".join(ev["participants"]), ev["status"])


@pytest.mark.parametrize("text, want", [
    ("El primer ministro portugués partió el lunes rumbo a Brasil.", ("visit", "PRT", "BRA", "occurred")),
    ("La canciller colombiana se trasladó el lunes a Quito para una reunión con su par ecuatoriano.",
     ("visit", "COL", "ECU", "occurred")),
    ("El rey de España iniciará el martes una visita de Estado a Marruecos.", ("visit", "ESP", "MAR", "planned")),
    ("Chile y Perú firmarán el viernes un tratado de libre comercio.", ("agreement", "CHL+PER", "planned")),
    ("El canciller español y su homólogo marroquí firmarán el jueves un acuerdo de cooperación.",
     ("agreement", "ESP+MAR", "planned")),
    ("Delegaciones de Rusia y Ucrania negociarán en Estambul la próxima semana.", ("negotiation", "RUS+UKR", "planned")),
    ("Los gobiernos de Colombia y Ecuador negociaron durante tres días en Lima.", ("negotiation", "COL+ECU", "occurred")),
])
def test_general_wording(text, want):
    assert [_key(e) for e in _events(text)] == [want]


def test_a_signed_agreement_in_the_past_stays_occurred():
    assert [_key(e) for e in _events("Chile y Perú firmaron el viernes un tratado de libre comercio.")] == \
        [("agreement", "CHL+PER", "occurred")]


def test_national_team_trip_is_sport():
    assert _events("La selección de México llegó a Estados Unidos para la Copa Oro.") == []
    assert _events("Argentina y Brasil se enfrentan en la semifinal de la Copa América.") == []


def test_signed_act_of_peace():
    assert [_key(e) for e in _events("Perú y Ecuador firmaron el acta de paz en Brasilia.")] == \
        [("agreement", "ECU+PER", "occurred")]


@pytest.mark.parametrize("text, want", [
    ("España y Francia celebraron una cumbre bilateral en Barcelona.", [("meeting", "ESP+FRA", "occurred")]),
    ("El primer ministro indio fue recibido en el Palacio de la Moncloa por el presidente del Gobierno español.",
     [("meeting", "ESP+IND", "occurred")]),
    ("El presidente argentino todavía no se ha reunido con su homólogo chileno.", []),
    ("La reunión entre los cancilleres de Perú y Chile fue reprogramada.", []),
])
def test_summit_passive_reception_and_negated_perfect(text, want):
    assert [_key(e) for e in _events(text)] == want
