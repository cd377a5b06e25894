"""Persian lexicon (streams/lang/fa/lexicon.tsv) and Persian gazetteer rows, end to end through the coder.

Sentences written for these tests (not taken from any article): each checks that Persian news
wording yields the event a reader sees, with the right sides, direction and status.
"""
from streams.events.coder import extract_events

PUBLISHED = "2024-05-10"


def run(text: str) -> list[dict]:
    return [e for e in extract_events(text, "fa", PUBLISHED, {"id": "t"}) if not e["background"]]


def one(evs: list[dict], etype: str) -> dict:
    hits = [e for e in evs if e["type"] == etype]
    assert len(hits) == 1, evs
    return hits[0]


def test_welcoming_a_deal_is_not_a_reception():
    # "با استقبال از توافق": welcoming an agreement (the Arabic lexicon reads استقبال as receiving a guest)
    assert not run("وزیر امور خارجه ایران با استقبال از توافق اخیر بین عربستان سعودی و یمن در تبادل اسرا سخن گفت.")


def test_next_round_and_future_auxiliary_are_planned():
    n = one(run("دور بعدی مذاکرات ایران و عمان در مسقط برگزار می‌شود."), "negotiation")
    assert n["participants"] == ["IRN", "OMN"] and n["status"] == "planned"
    assert n["location"]["country"] == "OMN"
    # a future verb in the next clause does not make the arrival planned
    evs = extract_events("وزیر امور خارجه ترکیه امروز وارد تهران شد و فردا با رئیس جمهور ایران دیدار خواهد کرد.",
                         "fa", PUBLISHED, {"id": "t"})
    assert one(evs, "visit")["status"] == "occurred"
    assert one(evs, "meeting")["status"] == "planned"


def test_yesterday_is_not_a_recalled_event():
    v = one(run("وزیر امور خارجه ترکیه روز گذشته وارد تهران شد."), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("TUR", "IRN", "occurred")
    # "last year" still is background
    assert not run("وزیر امور خارجه ترکیه سال گذشته به تهران سفر کرد.")


def test_capital_written_with_a_space():
    v = one(run("رئیس‌جمهور ایران دیروز وارد اسلام آباد شد."), "visit")
    assert (v["actor"], v["target"]) == ("IRN", "PAK")


def test_video_conference_is_a_call():
    c = one(run("وزیران امور خارجه ایران و عمان در یک ویدئو کنفرانس گفتگو کردند."), "call")
    assert c["participants"] == ["IRN", "OMN"]
    assert not [e for e in run("وزیران امور خارجه ایران و عمان در یک ویدئو کنفرانس گفتگو کردند.")
                if e["type"] == "meeting"]
