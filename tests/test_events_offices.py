"""An office named again later in the story is the leader it was named with before
("ولي العهد ... الأمير محمد بن سلمان" ... "ووصل ولي العهد")."""
from streams.events import actors
from streams.events.gazetteer import gazetteer
from streams.events.triggers import lexicon
from streams.text.normalize import fold


def _analyse(text, lang, offices):
    f = fold(text)
    hits = lexicon(lang).find(f)
    roles = [h for h in hits if h.kind == "role"]
    cues = [h for h in hits if h.kind == "cue"]
    trigs = [h for h in hits if h.kind == "trigger"]
    parties, _, _ = actors.analyse(f, 0, len(f), gazetteer(lang).find(f), roles, cues, lang == "ar", trigs, offices)
    return parties


def test_office_with_its_leader_is_remembered():
    offices = {}
    _analyse("استقبل الرئيس الإندونيسي ولي العهد الأمير محمد بن سلمان في جاكرتا.", "ar", offices)
    assert offices.get(fold("ولي العهد")) == "SAU"


def test_office_alone_later_is_that_leaders_state():
    later = "ووصل ولي العهد أمس إلى جاكرتا."
    unknown = [p for p in _analyse(later, "ar", {}) if p.role == "head_of_state"]
    assert [(p.code, p.via) for p in unknown] == [(None, "office")]
    known = [p for p in _analyse(later, "ar", {fold("ولي العهد"): "SAU"}) if p.role == "head_of_state"]
    assert [(p.code, p.via) for p in known] == [("SAU", "role")]


def test_an_office_held_by_two_states_in_the_story_is_not_guessed():
    offices = {}
    actors._remember(offices, "prime minister", "IND")
    actors._remember(offices, "prime minister", "PAK")
    parties = _analyse("The Prime Minister arrived in Colombo.", "en", offices)
    assert [p.code for p in parties if p.role == "head_of_government"] == [None]
