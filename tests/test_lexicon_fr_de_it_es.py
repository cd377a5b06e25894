"""French, German, Italian and Spanish: cases shared by the four lexicons, or checked in all four (sentences written for these tests; first found on unseen pages)."""
from __future__ import annotations

import pytest

from streams.events.gazetteer import gazetteer
from streams.text.normalize import fold

from tests._coded import Coded

PUB = "2025-05-07"    # a Wednesday
_ES, _DE, _IT, _FR = (Coded(lang, PUB) for lang in ("es", "de", "it", "fr"))


@pytest.mark.parametrize("lang,name,code", [
    ("es", "Qatar", "QAT"), ("es", "Arabia Saudita", "SAU"), ("es", "Costa de Marfil", "CIV"),
    ("es", "Kosovo", "XKX"), ("es", "Santa Sede", "VAT"), ("it", "Palestina", "PSE"),
    ("it", "Kosovo", "XKX"), ("de", "Palästina", "PSE"), ("de", "Qatar", "QAT"),
    ("de", "Elfenbeinküste", "CIV"), ("de", "Heiligen Stuhl", "VAT"), ("fr", "Centrafrique", "CAF"),
])
def test_press_spellings_of_states(lang, name, code):
    found = [m.code for m in gazetteer(lang).find(fold(f"hacia {name} ayer"))]
    assert found == [code]


def test_spanish_qatar_spelling_gives_the_visitor():
    ev = _ES.one("El emir de Qatar comenzará el lunes una visita oficial a Chile.", "visit")
    assert (ev["actor"], ev["target"]) == ("QAT", "CHL")


def test_german_present_departure_is_the_coming_day():
    ev = _DE.one("Der polnische Außenminister bricht am Freitag zu einer Reise nach Japan auf.", "visit")
    assert (ev["actor"], ev["target"], ev["date"], ev["status"]) == ("POL", "JPN", "2025-05-09", "planned")


def test_with_list_before_a_verb_final_talks_noun_gives_two_meetings():
    evs = _DE.of("Der deutsche Außenminister hat am Rande des Gipfels in Rom mit dem italienischen "
                 "Regierungschef und dem spanischen Ministerpräsidenten ausführliche bilaterale "
                 "Gespräche geführt.", "meeting")
    assert sorted(e["participants"] for e in evs) == [["DEU", "ESP"], ["DEU", "ITA"]]


def test_spanish_subjunctive_reception_makes_the_receiver_the_host():
    ev = _ES.one("La visita oficial culminará el próximo martes, cuando el presidente de Chile reciba "
                 "a su homólogo peruano en La Moneda.", "visit")
    assert (ev["actor"], ev["target"], ev["status"]) == ("PER", "CHL", "planned")


def test_italian_present_reception_is_a_meeting():
    ev = _IT.one("Il presidente italiano riceve oggi al Quirinale il presidente tunisino.", "meeting")
    assert ev["participants"] == ["ITA", "TUN"]


def test_french_feminine_passive_reception_is_a_meeting():
    ev = _FR.one("La ministre ghanéenne a été reçue mardi à Rabat par le ministre marocain des "
                 "Affaires étrangères.", "meeting")
    assert ev["participants"] == ["GHA", "MAR"]
    assert ev["location"]["country"] == "MAR"


@pytest.mark.parametrize("coded,text", [
    (_DE, "Der deutsche Außenminister begrüßte einen Besuch des iranischen Präsidenten."),
    (_ES, "El canciller alemán destacó que la visita del presidente iraní fortalece la relación."),
    (_IT, "Il ministro tedesco ha detto che la visita del presidente iraniano rafforza i rapporti."),
    (_FR, "Le ministre allemand a salué la visite du président iranien."),
])
def test_genitive_after_the_visit_noun_names_the_traveller(coded, text):
    ev = coded.one(text, "visit")
    assert (ev["actor"], ev["target"]) == ("IRN", "DEU")


def test_a_former_chancellor_is_no_official():
    url = "https://www.beispiel.de/politik/reise"
    now = _DE.of("Der Bundeskanzler reiste an der Spitze einer Wirtschaftsdelegation nach Teheran.", "visit", url=url)
    assert [(e["actor"], e["target"]) for e in now] == [("DEU", "IRN")]
    for text in ("Der Bundeskanzler a.D. reiste an der Spitze einer Wirtschaftsdelegation nach Teheran.",
                 "Der Altkanzler reiste an der Spitze einer Wirtschaftsdelegation nach Teheran."):
        assert all(e["background"] for e in _DE.of(text, "visit", url=url))


@pytest.mark.parametrize("coded,text", [
    (_FR, "L'ancien président français s'est rendu mardi à Dakar."),
    (_FR, "L'ex-président américain a rencontré mardi le président sénégalais à Dakar."),
    (_IT, "L'ex premier italiano si è recato martedì a Tunisi."),
])
def test_former_office_holders_give_background_only(coded, text):
    evs = coded.events(text)
    assert evs and all(e["background"] for e in evs)


def test_page_date_stamp_survives_a_copyright_line():
    from streams.text.clean import clean_article
    body = ("date 2023-09 (c) Agenzia Esempio - Riproduzione riservata\n\n"
            "Il ministro degli Esteri italiano si recherà in visita ufficiale in Cile il 12 e 13 settembre.")
    out = clean_article(body, None).text
    assert out.startswith("date 2023-09\n") and "riservata" not in out
    ev = Coded("it", None).one(out, "visit")
    assert (ev["target"], ev["date"]) == ("CHL", "2023-09-12")


@pytest.mark.parametrize("coded,text", [
    (_ES, "El canciller francés llegó el martes a la capital iraní para una visita oficial."),
    (_DE, "Der französische Minister ist am Dienstag in der iranischen Hauptstadt eingetroffen."),
    (_DE, "Der französische Minister hielt sich am Dienstag in der iranischen Hauptstadt zu Beratungen auf."),
])
def test_capital_named_by_its_adjective_is_the_destination(coded, text):
    ev = coded.one(text, "visit")
    assert (ev["actor"], ev["target"]) == ("FRA", "IRN")


def test_spanish_capital_as_money_is_no_place():
    assert not [m for m in gazetteer("es").find(fold("los inversores destacaron el capital chino"))
                if m.kind == "capital"]


def test_german_spelling_of_rouhani():
    ev = Coded("de", "2016-02-03").one("Das sagte der deutsche Außenminister am Mittwoch in Teheran nach "
                                       "Gesprächen mit Ruhani.", "meeting")
    assert ev["participants"] == ["DEU", "IRN"]


def test_french_audience_with_the_host_named_by_office_and_dateline():
    ev = Coded("fr", "2017-03-09").one(
        "Conakry, 9 mars 2017 – Le Président de la République a reçu en audience ce jeudi l'envoyé "
        "spécial du Président des Emirats Arabes Unis.", "meeting")
    assert (ev["participants"], ev["location"]["country"], ev["date"]) == (["ARE", "GIN"], "GIN", "2017-03-09")


def test_italian_audience_is_a_firm_reception():
    ev = _IT.one("Il Capo dello Stato ha ricevuto in udienza al Quirinale l'inviato speciale del "
                 "presidente degli Emirati Arabi Uniti.", "meeting")
    assert ev["participants"] == ["ARE", "ITA"]


@pytest.mark.parametrize("text", [
    "Le président américain a eu un coup de fil avec son homologue tunisien.",
    "Les présidents tunisien et américain ont eu de longs entretiens téléphoniques mardi.",
])
def test_french_phone_call_nouns(text):
    ev = _FR.one(text, "call")
    assert ev["participants"] == ["TUN", "USA"]
    assert not _FR.of(text, "meeting")


@pytest.mark.parametrize("lang,text,code", [
    ("it", "a Locarno", "CHE"), ("it", "all'Avana", "CUB"), ("es", "en Amán", "JOR"),
    ("fr", "à N'Djamena", "TCD"), ("fr", "à Matignon", "FRA"), ("de", "im Kanzleramt", "DEU"),
])
def test_more_venues(lang, text, code):
    assert [m.code for m in gazetteer(lang).find(fold(text))] == [code]


def test_meeting_place_from_an_italian_swiss_venue():
    ev = _IT.one("Il ministro degli Esteri italiano ha incontrato ieri a Locarno il ministro svizzero.", "meeting")
    assert ev["location"]["country"] == "CHE"


@pytest.mark.parametrize("coded,text", [
    (_IT, "Inizia oggi la visita ufficiale del ministro degli Esteri in Argentina."),
    (_ES, "Comenzó hoy la visita oficial del canciller a Argentina."),
    (_DE, "Der Besuch des Außenministers in Argentinien beginnt heute."),
])
def test_office_in_the_genitive_after_the_visit_noun_is_the_outlets_state(coded, text):
    ev = coded.one(text, "visit", url="https://www.esempio.sm/notizie/1")
    assert (ev["actor"], ev["target"]) == ("SMR", "ARG")


def test_french_future_of_faire_makes_the_trip_planned():
    ev = Coded("fr", None).one("Deux ministres feront partie de la délégation accompagnant le président "
                               "tunisien dans sa visite d'Etat en France, les 22 et 23 juin 2020.", "visit")
    assert (ev["actor"], ev["target"], ev["date"], ev["status"]) == ("TUN", "FRA", "2020-06-22", "planned")


@pytest.mark.parametrize("text", [
    "Der deutsche Außenminister führte in Berlin Gespräche mit dem US-Präsidenten.",
    "Der deutsche Außenminister traf in Berlin den US-Außenminister.",
])
def test_german_us_compounds(text):
    assert _DE.one(text, "meeting")["participants"] == ["DEU", "USA"]


def test_german_word_bus_is_no_state():
    assert not gazetteer("de").find(fold("im bus sprach er über musik"))


def test_state_in_a_hyphen_compound_topic_is_no_side():
    assert not _DE.of("Der deutsche Außenminister führte in Teheran Gespräche über den Ukraine-Krieg.", "meeting")
    evs = _DE.events("Der deutsche Außenminister reist wegen der Syrien-Krise zu Gesprächen nach Teheran.")
    assert [(e["type"], e["participants"]) for e in evs] == [("visit", ["DEU", "IRN"])]


def test_a_ruler_title_repeated_alone_keeps_its_state():
    text = ("El emir de Qatar llegó ayer a Buenos Aires. Fue recibido en el aeropuerto con honores. "
            "La agenda incluye temas de energía. Por la noche habrá una cena en su honor. "
            "La visita del emir, que forma parte de una gira regional, lo llevará también a Chile.")
    evs = _ES.of(text, "visit", url="https://www.diario-ejemplo.com.ar/nota")
    assert {(e["actor"], e["target"]) for e in evs} == {("QAT", "ARG"), ("QAT", "CHL")}


def test_french_plural_reflexive_talks_and_granted_audience():
    fr24 = Coded("fr", "2024-05-07")
    assert fr24.one("Emmanuel Macron et Olaf Scholz se sont entretenus à l'Élysée.", "meeting")["participants"] \
        == ["DEU", "FRA"]
    assert _FR.one("Le président français et le chancelier allemand se sont entretenus par téléphone.",
                   "call")["participants"] == ["DEU", "FRA"]
    assert _FR.one("Le chef de l'Etat gabonais a accordé une audience à l'ambassadeur de Chine.",
                   "meeting")["participants"] == ["CHN", "GAB"]


@pytest.mark.parametrize("coded,text,url,home", [
    (_DE, "Der Kanzler hat am Rande des G20-Gipfels in Rio den chinesischen Staatschef getroffen.",
     "https://www.beispiel.de/a", "DEU"),
    (_IT, "Il presidente del Consiglio ha incontrato a margine del vertice G20 di Rio il presidente cinese.",
     "https://www.esempio.it/a", "ITA"),
    (_ES, "El presidente del Gobierno se reunió al margen de la cumbre del G20 en Río con el presidente chino.",
     "https://www.ejemplo.es/a", "ESP"),
])
def test_summit_after_sidelines_is_the_venue_not_a_side(coded, text, url, home):
    ev = coded.one(text, "meeting", url=url)
    assert ev["participants"] == sorted(["CHN", home])


def test_no_side_from_the_summit_named_after_sidelines():
    text = "Il ministro degli Esteri ha avuto un lungo colloquio con l'omologo egiziano a margine del Consiglio Ue."
    assert not [e for e in _IT.events(text) if "EU" in e["participants"]]
    ev = _IT.one(text, "meeting", url="https://www.esempio.it/a")
    assert ev["participants"] == ["EGY", "ITA"]


def test_italian_domestic_summit_venue():
    ev = _IT.one("Il vertice bilaterale tra Italia e Francia si terrà a Napoli il 15 marzo.", "meeting")
    assert ev["location"]["country"] == "ITA"


@pytest.mark.parametrize("lang,text,code", [
    ("de", "in Schloss Meseberg", "DEU"), ("fr", "à Biarritz", "FRA"), ("es", "en Punta del Este", "URY"),
    ("it", "a Borgo Egnazia", "ITA"),
])
def test_summit_venues(lang, text, code):
    assert [m.code for m in gazetteer(lang).find(fold(text))] == [code]


def test_german_federal_title_is_an_office():
    ev = _DE.one("Der Bundesaußenminister hat seinen Antrittsbesuch in Warschau absolviert.", "visit",
                 url="https://www.beispiel.de/a")
    assert (ev["actor"], ev["target"]) == ("DEU", "POL")


@pytest.mark.parametrize("coded,text,pair", [
    (_ES, "El presidente del Gobierno recibió en La Moncloa al primer ministro portugués.", ["ESP", "PRT"]),
    (_ES, "El presidente recibió este martes en la Casa de Nariño al canciller chino.", ["CHN", "COL"]),
    (_DE, "Der Bundespräsident empfing am Montag im Schloss Bellevue den König von Jordanien.", ["DEU", "JOR"]),
])
def test_reception_by_an_office_at_a_seat_of_government_names_the_host(coded, text, pair):
    ev = coded.one(text, "meeting")
    assert ev["participants"] == pair
    assert ev["location"]["country"] == [c for c in pair if c in ("ESP", "COL", "DEU")][0]


def test_italian_formal_foreign_minister_title():
    ev = _IT.one("Il ministro degli Affari Esteri e della Cooperazione internazionale si è recato ieri in "
                 "Giordania.", "visit", url="https://www.esempio.it/a")
    assert (ev["actor"], ev["target"]) == ("ITA", "JOR")


@pytest.mark.parametrize("coded,text,pair", [
    (_FR, "Le président tunisien a reçu mardi l'émissaire du roi de Jordanie.", ["JOR", "TUN"]),
    (_FR, "La cheffe de la diplomatie belge a rencontré son homologue kényan à Nairobi.", ["BEL", "KEN"]),
    (_IT, "Il presidente egiziano ha ricevuto l'ambasciatrice italiana al Cairo.", ["EGY", "ITA"]),
])
def test_more_offices(coded, text, pair):
    assert coded.one(text, "meeting")["participants"] == pair


def test_compound_suffix_patterns():
    from streams.events.triggers import Lexicon
    lx = Lexicon([("trigger", "agreement", "*abkommen", frozenset({"needs_sign"}))])
    hits = lx.find(fold("das wasserstoffabkommen, das abkommen und die abkommens"))
    assert [(h.start, h.end) for h in hits] == [(4, 23)]     # not the bare word, not another ending
    assert not lx.find(fold("ein abkommenx"))
    ev = _DE.one("Deutschland und Namibia haben ein Wasserstoffabkommen unterzeichnet.", "agreement")
    assert ev["participants"] == ["DEU", "NAM"]
    assert _DE.one("Der deutsche Kanzler führte ein Krisentelefonat mit dem polnischen Regierungschef.",
                   "call")["participants"] == ["DEU", "POL"]


@pytest.mark.parametrize("coded,text", [
    (_ES, "Una posible reunión entre los presidentes de Brasil y Argentina aún no está confirmada."),
    (_ES, "El presidente boliviano podría visitar Perú en junio."),
    (_DE, "Ein mögliches Treffen zwischen dem russischen und dem ukrainischen Präsidenten wird erwogen."),
    (_FR, "Le président ivoirien pourrait se rendre au Ghana."),
])
def test_possible_events_are_planned(coded, text):
    evs = coded.events(text)
    assert evs and all(e["status"] == "planned" for e in evs)


@pytest.mark.parametrize("coded,text", [
    (_ES, "El presidente de Estados Unidos llegó a Malasia, antes de reunirse con su homólogo chino."),
    (_FR, "Le président américain est arrivé en Malaisie, avant de rencontrer son homologue chinois."),
])
def test_talks_with_a_third_state_on_a_trip_are_a_later_meeting(coded, text):
    ev = coded.one(text, "meeting")
    assert (ev["participants"], ev["status"], ev["location"]["country"]) == (["CHN", "USA"], "planned", "MYS")
    assert coded.one(text, "visit")["target"] == "MYS"


def test_relations_between_two_bodies_is_a_topic():
    text = ("Nel corso del colloquio, la premier italiana e il principe ereditario saudita si sono confrontati "
            "su diverse questioni, anche nel contesto delle relazioni tra Unione Europea e Consiglio di "
            "Cooperazione del Golfo.")
    assert [e["participants"] for e in _IT.events(text)] == [["ITA", "SAU"]]


def test_witnessed_signing_in_the_future_is_planned():
    ev = _ES.one("Después, los presidentes de Bolivia y China presenciarán la firma de varios acuerdos comerciales.",
                 "agreement")
    assert (ev["participants"], ev["status"]) == (["BOL", "CHN"], "planned")


def test_german_ordinal_day_does_not_end_a_sentence():
    from streams.events import sentences
    text = fold("Er reiste vom 22. bis 26. März nach Indien. Die Zahl stieg auf 12. Danach kam er zurück.")
    assert [text[a:b] for a, b in sentences.split(text)] == [
        "er reiste vom 22. bis 26. märz nach indien.", "die zahl stieg auf 12.", "danach kam er zurück."]
    ev = Coded("de", "2018-04-10").one("Der deutsche Präsident reiste vom 22. bis 26. März zu einem Staatsbesuch "
                                       "nach Indien.", "visit")
    assert ev["date"] == "2018-03-22"


def test_german_future_auxiliary_reaches_the_closing_infinitive():
    evs = Coded("de", None).of("Der deutsche Bundespräsident wird vom 30. März bis 2. April als erster deutscher "
                               "Staatschef nach Armenien und Aserbaidschan reisen.", "visit")
    assert sorted((e["target"], e["status"]) for e in evs) == [("ARM", "planned"), ("AZE", "planned")]


def test_pope_in_spanish_and_german():
    ev = Coded("de", "2017-09-24").one("Der deutsche Präsident wurde am Montag von Papst Franziskus im Vatikan "
                                       "empfangen.", "meeting")
    assert ev["participants"] == ["DEU", "VAT"]
    evs = Coded("es", "2017-09-24").events("El 15 de diciembre el presidente boliviano se reunirá con el papa "
                                           "Francisco en el Vaticano.")
    assert {tuple(e["participants"]) for e in evs} == {("BOL", "VAT")}


def test_typographic_apostrophes_read_as_plain_ones():
    assert fold("s’est rendu à l‘aéroport") == "s'est rendu à l'aéroport"
    ev = _FR.one("Le président sénégalais s’est rendu mardi à Abidjan.", "visit")
    assert (ev["actor"], ev["target"]) == ("SEN", "CIV")
    ev = Coded("fr", None).one("Le Président de la République du Tchad est à Nouakchott pour un sommet. Il a été "
                               "accueilli à l’aéroport par son homologue mauritanien.", "visit")
    assert (ev["actor"], ev["target"]) == ("TCD", "MRT")


@pytest.mark.parametrize("coded,text,trip", [
    (_FR, "Le président malien a été accueilli à sa descente d'avion à Dakar par le Premier ministre sénégalais.",
     ("MLI", "SEN")),
    (_ES, "El presidente indonesio fue recibido en el aeropuerto por el ministro peruano de Agricultura.",
     ("IDN", "PER")),
    (_IT, "La premier italiana è stata accolta all'aeroporto dal premier etiope.", ("ITA", "ETH")),
])
def test_airport_welcome_is_an_arrival(coded, text, trip):
    ev = coded.one(text, "visit")
    assert (ev["actor"], ev["target"]) == trip
