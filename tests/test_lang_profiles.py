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
