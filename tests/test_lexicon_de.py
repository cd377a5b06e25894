"""German lexicon (streams/lang/de/lexicon.tsv) end to end through the coder.

Sentences written for these tests (not taken from any article): each checks that German news
wording yields the event a reader sees, with the right sides, direction and status.
"""
from streams.events.coder import extract_events
from streams.events.triggers import lexicon
from streams.text.normalize import fold

PUBLISHED = "2025-03-03"   # a Monday


def run(text: str, keep_background: bool = False) -> list[dict]:
    evs = extract_events(text, "de", PUBLISHED, {"id": "t"})
    return [e for e in evs if keep_background or not e["background"]]


def one(evs: list[dict], etype: str) -> dict:
    hits = [e for e in evs if e["type"] == etype]
    assert len(hits) == 1, evs
    return hits[0]


def test_german_has_its_own_lexicon():
    # German used to fall back to en.tsv, where none of these words is a trigger
    found = {(h.label, fold("Telefonat Staatsbesuch Verhandlungsrunde")[h.start:h.end])
             for h in lexicon("de").find(fold("Telefonat Staatsbesuch Verhandlungsrunde")) if h.kind == "trigger"}
    assert found == {("call", "telefonat"), ("visit", "staatsbesuch"), ("negotiation", "verhandlungsrunde")}


def test_visit_with_direction():
    v = one(run("Der deutsche Außenminister ist am Montag zu einem zweitägigen Besuch nach Japan gereist."), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("DEU", "JPN", "occurred")
    assert v["location"]["country"] == "JPN" and v["date"] == "2025-03-03"


def test_meeting_with_genitive_and_inflected_adjectives():
    m = one(run("Der französische Präsident traf am Dienstag in Berlin den polnischen Ministerpräsidenten."), "meeting")
    assert m["participants"] == ["FRA", "POL"] and m["status"] == "occurred"
    assert m["location"]["country"] == "DEU"
    # "Frankreichs" (genitive) and a reception verb
    m = one(run("Frankreichs Präsident empfing am Donnerstag den kanadischen Premierminister."), "meeting")
    assert m["participants"] == ["CAN", "FRA"]


def test_phone_call_with_counterpart():
    c = one(run("Der türkische Präsident hat am Mittwoch mit seinem russischen Amtskollegen telefoniert."), "call")
    assert c["participants"] == ["RUS", "TUR"] and c["status"] == "occurred"
    assert not [e for e in run("Der türkische Präsident hat am Mittwoch mit seinem russischen Amtskollegen telefoniert.")
                if e["type"] == "meeting"]


def test_signed_agreement_needs_the_signing_verb():
    text = ("Der ägyptische Außenminister und sein griechischer Amtskollege haben in Athen ein Abkommen "
            "über die Zusammenarbeit in der Seefahrt {}.")
    a = one(run(text.format("unterzeichnet")), "agreement")
    assert a["participants"] == ["EGY", "GRC"] and a["location"]["country"] == "GRC"
    assert not [e for e in run(text.format("besprochen")) if e["type"] == "agreement"]


def test_negotiation_round_between_delegations():
    n = one(run("Die iranische Delegation und die amerikanische Delegation haben in Maskat eine zweite "
                "Verhandlungsrunde abgehalten."), "negotiation")
    assert n["participants"] == ["IRN", "USA"] and n["location"]["country"] == "OMN"


def test_planned_visit_and_meeting():
    v = one(run("Der chinesische Außenminister wird kommende Woche nach Ägypten reisen."), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("CHN", "EGY", "planned")
    m = one(run("Die indische Außenministerin will ihren österreichischen Amtskollegen im März in Wien treffen."),
            "meeting")
    assert m["participants"] == ["AUT", "IND"] and m["status"] == "planned"


def test_cancelled_or_postponed_events_yield_nothing():
    told = "Der brasilianische Präsident besuchte am Montag Argentinien."
    assert one(run(told), "visit")["target"] == "ARG"          # the same words without the cancellation
    assert run("Der brasilianische Präsident hat seinen geplanten Besuch in Argentinien kurzfristig abgesagt.") == []
    assert run("Das für Freitag geplante Treffen der Außenminister Japans und Südkoreas wurde verschoben.") == []
    assert run("Ein Treffen der Präsidenten Russlands und der Ukraine ist nicht geplant.") == []


def test_sports_story_yields_nothing():
    control = "In Paris traf der deutsche Präsident am Samstag seinen französischen Kollegen."
    assert one(run(control), "meeting")["participants"] == ["DEU", "FRA"]
    assert run("Beim Länderspiel in Paris traf der deutsche Präsident am Samstag seinen französischen Kollegen.") == []


def test_read_also_block_is_background():
    text = ("Der italienische Ministerpräsident telefonierte am Montag mit dem japanischen Regierungschef. "
            + "Beide Seiten sprachen über Handel und Energie. " * 6
            + "\nLesen Sie auch:\nDer spanische Außenminister ist zu einem Besuch nach Marokko gereist.")
    evs = run(text, keep_background=True)
    assert one(evs, "call")["participants"] == ["ITA", "JPN"] and not one(evs, "call")["background"]
    assert one(evs, "visit")["background"]


def test_separable_verbs_close_their_clause():
    # "sagte ... ab" (called off), "rief ... an" (phoned), "traf ... ein" (arrived): the particle ends the clause
    told = "Der spanische Regierungschef trat am Montag seine lange geplante Reise nach China an."
    assert one(run(told), "visit")["target"] == "CHN"
    assert run("Der spanische Regierungschef sagte am Montag seine lange geplante Reise nach China ab.") == []
    c = one(run("Der französische Präsident rief am Abend den ukrainischen Präsidenten an."), "call")
    assert c["participants"] == ["FRA", "UKR"]
    v = one(run("Der japanische Außenminister traf am Sonntag zu Gesprächen in Berlin ein."), "visit")
    assert (v["actor"], v["target"]) == ("JPN", "DEU")
    m = one(run("Der japanische Außenminister traf am Sonntag in Berlin den deutschen Kanzler."), "meeting")
    assert m["participants"] == ["DEU", "JPN"]
    assert not [e for e in run("Der japanische Außenminister traf am Sonntag in Berlin den deutschen Kanzler.")
                if e["type"] == "visit"]


def test_bracket_pattern_stops_at_the_clause_end():
    hits = lambda text: [(h.label, h.pattern) for h in lexicon("de").find(fold(text)) if h.kind == "trigger"]
    assert ("call", "rief ... an") in hits("Er rief den Minister an.")
    assert ("call", "rief ... an") not in hits("Er rief zur Ruhe, an der Grenze blieb es still.")
    assert ("call", "rief ... an") not in hits("Er rief " + "sehr " * 20 + "laut an.")   # too far


def _at(text: str, published: str) -> list[dict]:
    return [e for e in extract_events(text, "de", published, {"id": "t"}) if not e["background"]]


def test_austrian_and_swiss_leaders_by_name_in_their_terms():
    m = one(_at("Bundespräsident Alexander Van der Bellen traf am Montag in Wien den italienischen Präsidenten.",
                "2019-05-06"), "meeting")
    assert m["participants"] == ["AUT", "ITA"] and m["location"]["country"] == "AUT"
    # Karin Kneissl was Austria's foreign minister until June 2019: afterwards her name names no state
    text = "Karin Kneissl empfing am Montag den jordanischen Außenminister."
    assert one(_at(text, "2019-05-06"), "meeting")["participants"] == ["AUT", "JOR"]
    assert not _at(text, "2020-05-04")
    # the Swiss presidency rotates yearly
    c = one(_at("Karin Keller-Sutter telefonierte am Montag mit dem japanischen Regierungschef.", "2025-09-02"), "call")
    assert c["participants"] == ["CHE", "JPN"]


def test_former_german_foreign_minister():
    v = one(_at("Heiko Maas ist am Montag zu einem zweitägigen Besuch nach Japan gereist.", "2019-05-06"), "visit")
    assert (v["actor"], v["target"]) == ("DEU", "JPN")


def test_conferring_and_encounter_words():
    m = one(run("Der französische Außenminister berät am Montag in Berlin mit seinem polnischen Amtskollegen."),
            "meeting")
    assert m["participants"] == ["FRA", "POL"] and m["location"]["country"] == "DEU"
    m = one(run("Die Begegnung des chinesischen Staatschefs mit dem brasilianischen Präsidenten fand in Peking statt."),
            "meeting")
    assert m["participants"] == ["BRA", "CHN"] and m["location"]["country"] == "CHN"


# -- general German wording beyond the tuning pages (sentences written for these tests)

def _visit(text: str) -> tuple:
    v = one(run(text), "visit")
    return v["actor"], v["target"], v["status"]


def test_departure_verbs_go_to_the_destination():
    assert _visit("Der kanadische Premierminister ist am Morgen nach Mexiko abgereist.") == ("CAN", "MEX", "occurred")
    assert _visit("Der Emir von Katar reiste am Montag nach Ägypten ab.") == ("QAT", "EGY", "occurred")


def test_host_right_before_a_clause_final_verb():
    # perfect participle / infinitive after a modal close the clause, the host stands before them
    assert _visit("Der britische Premierminister hat am Sonntag die Ukraine besucht.") == ("GBR", "UKR", "occurred")
    assert _visit("Der französische Präsident will nächste Woche Japan besuchen.") == ("FRA", "JPN", "planned")
    assert _visit("Der österreichische Kanzler bereiste im Mai Indien.") == ("AUT", "IND", "occurred")


def test_nicht_negates_the_verb_closing_its_clause():
    assert one(run("Der chinesische Außenminister wird nach Japan reisen."), "visit")["target"] == "JPN"
    assert run("Der chinesische Außenminister wird nicht nach Japan reisen.") == []
    assert run("Der französische Präsident hat sich nicht mit dem algerischen Präsidenten getroffen.") == []
    assert run("Der iranische Präsident wird den irakischen Regierungschef nicht in Bagdad treffen.") == []


def test_postponed_indefinitely_or_put_on_ice():
    assert run("Der aserbaidschanische Präsident hat das Treffen mit dem armenischen Präsidenten vertagt.") == []
    assert run("Der Besuch des indischen Premierministers in Russland wurde auf Eis gelegt.") == []


def test_treffen_as_making_a_decision_or_hitting_is_no_meeting():
    assert run("Die USA und China haben eine Vereinbarung über Zölle getroffen.") == []
    assert run("Deutschland und Frankreich haben eine Entscheidung über die Hilfen getroffen.") == []
    assert run("Der russische Angriff hat die Ukraine schwer getroffen.") == []
    # the reflexive meeting still counts
    m = one(run("Die Außenminister Chinas und Indiens haben sich am Montag in Delhi getroffen."), "meeting")
    assert m["participants"] == ["CHN", "IND"]


def test_knockout_rounds_are_sport():
    assert run("Spanien und Deutschland treffen im Halbfinale aufeinander.") == []
    assert run("Im Endspiel treffen Argentinien und Frankreich aufeinander.") == []


def test_emirates_in_the_dative_and_with_article():
    a = one(run("Indien und die Vereinigten Arabischen Emirate haben am Montag ein Freihandelsabkommen "
                "unterzeichnet."), "agreement")
    assert a["participants"] == ["ARE", "IND"]
    v = one(run("Der indische Premierminister ist zu einem Besuch in den Vereinigten Arabischen Emiraten eingetroffen."),
            "visit")
    assert (v["actor"], v["target"]) == ("IND", "ARE")


def test_scheduled_called_off_and_suspended():
    m = one(run("Das Treffen der Außenminister Chinas und Japans ist für Donnerstag angesetzt."), "meeting")
    assert m["participants"] == ["CHN", "JPN"] and m["status"] == "planned"
    assert run("Der geplante Besuch des brasilianischen Präsidenten in Japan fällt aus.") == []
    assert run("Der Besuch des spanischen Königs in Marokko ist ausgefallen.") == []
    assert run("Die Verhandlungen zwischen Israel und Katar wurden ausgesetzt.") == []


def test_awaited_guest_travels_to_the_place():
    assert _visit("Der ungarische Ministerpräsident wird am Mittwoch in Peking erwartet.") == ("HUN", "CHN", "planned")


def test_treaty_and_talks_compounds():
    a = one(run("Deutschland und Polen wollen am Freitag einen Nachbarschaftsvertrag unterzeichnen."), "agreement")
    assert a["participants"] == ["DEU", "POL"] and a["status"] == "planned"
    a = one(run("Japan und Australien haben am Montag ein Verteidigungsabkommen unterzeichnet."), "agreement")
    assert a["participants"] == ["AUS", "JPN"] and a["status"] == "occurred"
    n = one(run("Russland und die Ukraine haben in Istanbul Sondierungsgespräche geführt."), "negotiation")
    assert n["participants"] == ["RUS", "UKR"] and n["location"]["country"] == "TUR"


def test_coming_for_talks():
    assert _visit("Der chinesische Außenminister kommt am Dienstag zu Gesprächen nach Berlin.") == ("CHN", "DEU", "planned")
    assert _visit("Der chinesische Außenminister kam am Dienstag zu Gesprächen nach Berlin.") == ("CHN", "DEU", "occurred")
    # the meeting verb with its particle still wins
    m = one(run("Der französische Präsident kam am Freitag mit dem britischen Premierminister zusammen."), "meeting")
    assert m["participants"] == ["FRA", "GBR"]


def test_a_present_tense_verb_with_a_weekday_tells_the_coming_day():
    # published on a Monday: "trifft am Freitag" is the coming Friday, still ahead
    m = one(run("Der österreichische Außenminister trifft am Freitag seinen deutschen Amtskollegen in Wien."),
            "meeting")
    assert (m["participants"], m["date"], m["status"]) == (["AUT", "DEU"], "2025-03-07", "planned")
    # a past-tense verb keeps the Friday before
    m = one(run("Der österreichische Außenminister traf am Freitag seinen deutschen Amtskollegen in Wien."),
            "meeting")
    assert (m["date"], m["status"]) == ("2025-02-28", "occurred")
