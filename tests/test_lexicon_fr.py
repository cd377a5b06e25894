"""French event lexicon (streams/lang/fr/lexicon.tsv) and French gazetteer rows: example sentences
written for these tests."""
from __future__ import annotations

from tests._coded import Coded

PUB = "2025-05-05"


_FR = Coded("fr", PUB)
_events, _of, _one = _FR.events, _FR.of, _FR.one


def test_deplacement_is_a_trip_with_a_destination():
    ev = _one("Le déplacement du ministre sénégalais des Affaires étrangères à Rabat a permis de relancer "
              "la coopération.", "visit")
    assert (ev["actor"], ev["target"], ev["status"]) == ("SEN", "MAR", "occurred")
    # without a destination "déplacés" (displaced people) is no trip
    assert not _of("Les déplacés de la guerre ont reçu l'aide du ministre tchadien.", "visit")


def test_maintaining_relations_is_no_meeting():
    # "entretenir des relations" shares its letters with "entretien" (talks)
    assert not _events("Le Maroc et la Mauritanie entretiennent des relations anciennes, a rappelé le ministre "
                       "marocain des Affaires étrangères.")
    ev = _one("Le ministre marocain des Affaires étrangères a eu un entretien avec son homologue mauritanien.",
              "meeting")
    assert ev["participants"] == ["MAR", "MRT"]


def test_call_by_adverb():
    ev = _one("Le président tunisien s'est entretenu téléphoniquement avec son homologue algérien.", "call")
    assert ev["participants"] == ["DZA", "TUN"]
    assert not _of("Le président tunisien s'est entretenu téléphoniquement avec son homologue algérien.",
                   "meeting")


def test_round_of_talks_is_a_negotiation():
    ev = _one("Un nouveau round de discussions entre les délégations russe et ukrainienne s'est ouvert "
              "à Istanbul.", "negotiation")
    assert ev["participants"] == ["RUS", "UKR"]
    assert ev["location"]["country"] == "TUR"


def test_scheduled_after_the_noun_and_was_due_to():
    ev = _one("La visite prévue du président angolais en France a été confirmée par l'Elysée.", "visit")
    assert (ev["actor"], ev["target"], ev["status"]) == ("AGO", "FRA", "planned")
    ev = _one("Le président kenyan devait se rendre à Paris la semaine prochaine.", "visit")
    assert (ev["actor"], ev["target"], ev["status"]) == ("KEN", "FRA", "planned")
    # "se rendre compte" is "to realise", not a trip
    assert not _of("Le président russe s'est rendu compte en Chine que la situation avait changé.", "visit")


def test_simple_future_is_planned():
    ev = _one("Le chef de l'Etat sénégalais visitera la Chine en septembre.", "visit")
    assert (ev["actor"], ev["target"], ev["status"]) == ("SEN", "CHN", "planned")


def test_not_planned_or_possible_meeting_is_no_event():
    assert _one("Une rencontre entre les présidents russe et ukrainien est prévue, a indiqué le Kremlin.",
                "meeting")["status"] == "planned"
    assert not _of("Une rencontre entre les présidents russe et ukrainien n'est pas prévue, a indiqué le Kremlin.",
                   "meeting")
    assert _of("Le ministre belge a évoqué une rencontre avec son homologue russe.", "meeting")
    assert not _of("Le ministre belge a évoqué une éventuelle rencontre avec son homologue russe.", "meeting")


def test_list_of_states_with_repeated_article_or_preposition():
    ev = _one("Des accords ont été signés entre les gouvernements du Mali et du Niger.", "agreement")
    assert ev["participants"] == ["MLI", "NER"]
    legs = _of("Le président ivoirien entame une tournée qui le conduira en Egypte, en Arabie saoudite et "
               "en Allemagne.", "visit")
    assert sorted(e["target"] for e in legs) == ["DEU", "EGY", "SAU"]
    assert {e["actor"] for e in legs} == {"CIV"}


def test_leaders_of_their_term():
    ev = _one("Le président François Hollande a reçu à l'Elysée Macky Sall.", "meeting", "2016-12-20")
    assert ev["participants"] == ["FRA", "SEN"]


def test_the_dish_is_not_putin():
    ev = _one("Le Premier ministre belge et le Premier ministre canadien ont partagé une poutine avant leur "
              "entretien à Ottawa.", "meeting")
    assert ev["participants"] == ["BEL", "CAN"]


def test_cancellation_noun_from_the_stem():
    # "annuler~" takes the stem: the noun "annulation" cancels the visit as the verb does
    assert _of("L'Elysée a annoncé les préparatifs de la visite du président français en Algérie.", "visit")
    assert not _of("L'Elysée a annoncé l'annulation de la visite du président français en Algérie.", "visit")


def test_capital_named_by_its_adjective():
    ev = _one("Le ministre algérien des Affaires étrangères est attendu mardi dans la capitale tunisienne.", "visit")
    assert (ev["actor"], ev["target"], ev["status"]) == ("DZA", "TUN", "planned")


def test_stay_face_to_face_and_initialled():
    ev = _one("Le président ivoirien s'envole pour un séjour en France.", "visit")
    assert (ev["actor"], ev["target"]) == ("CIV", "FRA")
    assert not _of("Le ministre algérien de l'Intérieur a évoqué les titres de séjour en France.", "visit")
    ev = _one("Le président sénégalais aura un tête-à-tête avec son homologue français.", "meeting")
    assert (ev["participants"], ev["status"]) == (["FRA", "SEN"], "planned")
    assert _one("Le Maroc et le Portugal ont paraphé douze accords de coopération.",
                "agreement")["participants"] == ["MAR", "PRT"]


def test_visitors_are_no_visit():
    assert _one("Le ministre turc a visité l'Egypte.", "visit")["target"] == "EGY"
    assert not _of("Le ministre turc a salué les visiteurs en Egypte.", "visit")


def test_plural_offices_departures_and_plural_memoranda():
    ev = _one("Les présidents égyptien et jordanien se sont réunis au Caire.", "meeting")
    assert (ev["participants"], ev["location"]["country"]) == (["EGY", "JOR"], "EGY")
    ev = _one("Le président sénégalais a quitté Dakar pour Paris.", "visit")
    assert (ev["actor"], ev["target"]) == ("SEN", "FRA")
    assert not _of("Le président sénégalais a quitté ses fonctions.", "visit")
    assert _one("L'Algérie et la Tunisie ont signé plusieurs mémorandums d'entente à Tunis.",
                "agreement")["participants"] == ["DZA", "TUN"]
    assert _one("Le président du Conseil européen s'est entretenu avec le président égyptien.",
                "meeting")["participants"] == ["EGY", "EU"]


def test_an_agreement_noun_takes_the_tense_of_its_signing_verb():
    ev = _one("Le président sénégalais est arrivé à Paris. Des accords seront signés ensuite entre les "
              "gouvernements du Sénégal et de la France.", "agreement")
    assert (ev["participants"], ev["status"]) == (["FRA", "SEN"], "planned")
    ev = _one("Des accords ont été signés entre les gouvernements du Sénégal et de la France.", "agreement")
    assert ev["status"] == "occurred"


def test_a_publication_stamp_dates_the_page_not_the_event():
    text = ("Le ministre russe des Affaires étrangères en visite à Bamako - Publié le mardi 7 février 2023 | "
            "Le ministre russe des Affaires étrangères est arrivé ce lundi soir à Bamako pour une visite de travail.")
    ev = _one(text, "visit", pub="2023-02-07")
    assert (ev["actor"], ev["target"], ev["date"]) == ("RUS", "MLI", "2023-02-06")


# -- general wording (lexB): intentions, future signing, conventions, phone verbs, giving up


def test_intention_makes_the_trip_planned():
    ev = _one("Le Premier ministre belge prévoit de se rendre en République démocratique du Congo en juillet.",
              "visit")
    assert (ev["actor"], ev["target"], ev["status"]) == ("BEL", "COD", "planned")
    ev = _one("Le président tchadien envisage de visiter le Soudan.", "visit")
    assert ev["status"] == "planned"


def test_simple_future_of_signing_is_planned():
    ev = _one("Le Maroc et le Sénégal signeront un accord de libre-échange en septembre.", "agreement")
    assert (ev["participants"], ev["status"]) == (["MAR", "SEN"], "planned")
    ev = _one("Le Niger signera des protocoles de coopération avec le Bénin.", "agreement")
    assert ev["status"] == "planned"
    # the past stays past
    assert _one("Le Maroc et le Sénégal ont signé un accord de libre-échange.", "agreement")["status"] == "occurred"


def test_convention_is_an_agreement_when_signed():
    ev = _one("Le Tchad et la Chine ont conclu une convention de financement.", "agreement")
    assert ev["participants"] == ["CHN", "TCD"]
    assert not _events("La convention de l'ONU sur le droit de la mer protège le Tchad et la Chine.")


def test_consultations_are_talks():
    ev = _one("Des consultations politiques entre la France et la Chine se sont tenues à Paris.", "meeting")
    assert (ev["participants"], ev["location"]["country"]) == (["CHN", "FRA"], "FRA")


def test_phone_and_video_call_wording():
    ev = _one("Le ministre italien a téléphoné à son homologue libyen.", "call")
    assert ev["participants"] == ["ITA", "LBY"]
    ev = _one("Les Premiers ministres britannique et indien ont eu un appel vidéo lundi.", "call")
    assert ev["participants"] == ["GBR", "IND"]


def test_given_up_or_pushed_back_is_no_event():
    assert _of("Le président sénégalais a prévu un voyage en France.", "visit")
    assert not _of("Le président sénégalais a renoncé à son voyage en France.", "visit")
    assert _of("Le sommet entre les présidents congolais et rwandais s'est tenu à Luanda.", "meeting")
    assert not _of("Le sommet entre les présidents congolais et rwandais a été repoussé.", "meeting")


def test_cancelled_trade_sport_and_press_are_no_events():
    """No-event guards for the broader rows above."""
    for text in ("La visite du président malien en France a été annulée à la dernière minute.",
                 "Les échanges commerciaux entre la France et le Maroc ont atteint 14 milliards d'euros.",
                 "L'équipe de France a battu le Maroc en demi-finale de la Coupe du monde.",
                 "Le ministre français des Affaires étrangères a rencontré la presse à Paris.",
                 "Le président français n'a pas rencontré son homologue algérien lors du sommet."):
        assert not _events(text), text


def test_stay_departure_and_future_openers():
    ev = _one("Le chef du gouvernement tunisien a séjourné deux jours à Alger.", "visit")
    assert (ev["actor"], ev["target"]) == ("TUN", "DZA")
    ev = _one("Le président algérien a quitté Alger à destination de Pékin.", "visit")
    assert (ev["actor"], ev["target"]) == ("DZA", "CHN")
    ev = _one("Le Premier ministre canadien entamera lundi une visite de deux jours au Mexique.", "visit")
    assert (ev["actor"], ev["target"], ev["status"]) == ("CAN", "MEX", "planned")


def test_no_meeting_took_place():
    assert not _events("Aucune rencontre n'a eu lieu entre les présidents algérien et marocain.")


def test_near_future_plural_and_negotiators():
    ev = _one("La France et le Canada vont signer un accord sur les minerais critiques.", "agreement")
    assert (ev["participants"], ev["status"]) == (["CAN", "FRA"], "planned")
    ev = _one("Les négociateurs israéliens et palestiniens ont repris les pourparlers au Caire.", "meeting")
    assert ev["participants"] == ["ISR", "PSE"]


def test_sommet_trilateral_is_one_meeting_of_three():
    evs = [e for e in _FR.events("Un sommet trilatéral a réuni lundi à Luanda les présidents angolais, "
                                 "rwandais et congolais.") if e["type"] == "meeting"]
    assert [e["participants"] for e in evs] == [["AGO", "COD", "RWA"]], evs


def test_a_list_that_repeats_de_la_and_du_stays_a_list():
    evs = _FR.of("Le ministre algérien des Affaires étrangères a eu lundi à Rome des entretiens avec ses "
                 "homologues du Bénin, de la Mauritanie, de la Tunisie et de la Côte d'Ivoire.", "meeting")
    assert sorted(e["participants"][0] if e["participants"][1] == "DZA" else e["participants"][1]
                  for e in evs) == ["BEN", "CIV", "MRT", "TUN"], evs
