"""Language profiles (streams/lang/<code>/): every default language has one, they load, and
what they declare is what the stages use."""
import pytest

from streams.events.triggers import _stemmed, lexicon
from streams.lang import SCRIPTS, languages, profile
from streams.settings import Settings
from streams.text.normalize import fold


def test_every_default_language_has_its_own_profile():
    for code in Settings.from_env().languages:
        assert code in languages(), code
        assert profile(code).code == code


@pytest.mark.parametrize("code", languages())
def test_profile_loads_with_its_lexicon(code):
    p = profile(code)
    assert p.script in SCRIPTS
    assert all(path.exists() for path in p.lexicon_paths)
    assert lexicon(code).labels["trigger"]
    assert (p.stem is None) == (p.stemmer == "")


def test_unknown_language_reads_english():
    assert profile("xx").code == "en" and profile(None).code == "en"
    assert profile("en-GB").code == "en"


def test_stem_rows_use_the_snowball_stemmer():
    fr = profile("fr")
    row = _stemmed(("trigger", "visit", "visiter~", frozenset()), fr)
    assert row[2] == fr.stem("visiter") + "*" and row[2] != "visiter~"
    ru = _stemmed(("trigger", "negotiation", "переговоры~", frozenset()), profile("ru"))
    assert ru[2].endswith("*") and "переговоры".startswith(ru[2][:-1])


def test_stem_row_without_a_stemmer_is_an_error():
    with pytest.raises(ValueError):
        _stemmed(("trigger", "visit", "دورہ~", frozenset()), profile("ur"))


def test_stemmed_row_matches_inflections():
    from streams.events.triggers import Lexicon
    fr = profile("fr")
    lx = Lexicon([_stemmed(("trigger", "negotiation", "négociations~", frozenset()), fr)])
    for form in ("négociation", "négociations", "négocier"):
        assert [h.label for h in lx.find(fold(f"les {form} ont repris"))] == ["negotiation"], form


@pytest.mark.parametrize("code", languages())
def test_leader_columns_exist_and_name_suffixes_are_words(code):
    from streams.events.gazetteer import DATA

    header = next(line.rstrip("\n").split("\t") for line in open(DATA / "leaders.tsv", encoding="utf-8")
                  if line.startswith("code\t"))
    prof = profile(code)
    assert prof.leader_columns and set(prof.leader_columns) <= set(header), prof.leader_columns
    assert all(s and " " not in s for s in prof.name_suffixes)


def test_glued_endings_come_from_the_profile():
    # Turkish reads "Ruslar" (the Russians) through its profile's name_suffixes; English has none
    from streams.events.gazetteer import gazetteer
    from streams.text.normalize import fold

    assert [m.code for m in gazetteer("tr").find(fold("Ruslar ve İranlılar görüştü"))] == ["RUS", "IRN"]
    assert "lar" in profile("tr").name_suffixes and not profile("en").name_suffixes
