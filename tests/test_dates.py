"""Date finding and resolution (own example sentences)."""
import datetime as dt

from streams.events.dates import find_dates, parse_published, resolve

D = dt.date


def one(text, lang, kind=None):
    ms = find_dates(text, lang)
    assert len(ms) == 1, ms
    if kind:
        assert ms[0].kind == kind, ms[0]
    return ms[0]


def test_arabic_yesterday_weekday():
    m = one("التقى الوزير أمس الخميس نظيره الصيني", "ar", "relative")
    assert m.phrase == "أمس الخميس"
    assert resolve(m, D(2025, 9, 5)) == D(2025, 9, 4)
    assert resolve(m, None) is None
