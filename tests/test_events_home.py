"""An office named without a country ("the Foreign Minister") belongs to the article's home state:
the dateline's, else the outlet's country-code domain; never a guess without either."""
from streams.events.coder import _tld_country, extract_events

PUB = "2025-11-04"
TRIP = "The Foreign Minister arrived in Colombo on Monday on a two-day official visit to Sri Lanka."


def _visits(text, url=None):
    return [(e["actor"], e["target"]) for e in extract_events(text, "en", PUB, {"id": "h", "url": url})
            if e["type"] == "visit"]


def test_dateline_names_the_travellers_state():
    assert _visits("ISLAMABAD, Nov 3 (APP): " + TRIP) == [("PAK", "LKA")]


def test_dateline_after_a_date_prefix():
    assert _visits(" date 2025-11-03 ISLAMABAD, Nov 3 (APP): " + TRIP) == [("PAK", "LKA")]


def test_outlet_domain_names_the_travellers_state():
    assert _visits(TRIP, "https://www.example.com.pk/news/1") == [("PAK", "LKA")]


def test_dateline_at_the_destination_falls_back_to_the_domain():
    text = "COLOMBO, Nov 3 (APP): " + TRIP
    assert _visits(text) == []
    assert _visits(text, "https://www.example.com.pk/news/1") == [("PAK", "LKA")]


def test_no_home_no_guess():
    assert _visits(TRIP, "https://www.example.com/news/1") == []


def test_named_country_wins_over_home():
    text = "The Indian Foreign Minister arrived in Colombo on Monday."
    assert _visits(text, "https://www.example.com.pk/news/1") == [("IND", "LKA")]


def test_tld_country():
    assert _tld_country("https://aps.dz/ar/x") == "DZA"
    assert _tld_country("https://www.bbc.co.uk/news") == "GBR"
    assert _tld_country("https://example.tv/x") is None      # a word, not a state's outlet
    assert _tld_country("https://example.com/x") is None
    assert _tld_country(None) is None
