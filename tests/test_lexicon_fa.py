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


# -- general wording (lexB): travel verbs, audiences, "میان", treaties, negated verbs, enclitics


def test_travel_verbs_with_a_destination():
    v = one(run("وزیر امور خارجه ایران به دمشق رفت."), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("IRN", "SYR", "occurred")
    v = one(run("وزیر خارجه روسیه برای دیداری دو روزه به تهران می‌آید."), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("RUS", "IRN", "planned")
    v = one(run("وزیر امور خارجه ایران روز یکشنبه راهی آستانه می‌شود."), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("IRN", "KAZ", "planned")
    v = one(run("وزیر امور خارجه ایران تهران را به مقصد مسقط ترک کرد."), "visit")
    assert (v["actor"], v["target"]) == ("IRN", "OMN")
    # without a place after it, "رفت" is no trip ("از بین رفت": was lost)
    assert not run("امید به توافق میان ایران و آمریکا از بین رفت.")


def test_received_in_audience_is_a_meeting():
    m = one(run("رئیس‌جمهور ایران نخست‌وزیر عراق را به حضور پذیرفت."), "meeting")
    assert m["participants"] == ["IRN", "IRQ"]


def test_between_with_mian_and_treaty_words():
    a = one(run("پیمان همکاری راهبردی میان ایران و روسیه به امضا رسید."), "agreement")
    assert a["participants"] == ["IRN", "RUS"]
    a = one(run("قرار است ایران و ارمنستان یک موافقتنامه تجاری امضا کنند."), "agreement")
    assert (a["participants"], a["status"]) == (["ARM", "IRN"], "planned")


def test_numbered_round_of_talks():
    n = one(run("دور چهارم گفتگوهای ایران و آمریکا در مسقط پایان یافت."), "negotiation")
    assert n["participants"] == ["IRN", "USA"]


def test_possessive_enclitic_on_a_demonym_and_russian_short_form():
    m = one(run("وزیر خارجه ایران و همتای پاکستانی‌اش درباره روابط دوجانبه رایزنی کردند."), "meeting")
    assert m["participants"] == ["IRN", "PAK"]
    c = one(run("وزیر خارجه ایران با همتای روس خود تلفنی گفتگو کرد."), "call")
    assert c["participants"] == ["IRN", "RUS"]


def test_negated_deferred_and_non_diplomatic_sentences_are_no_events():
    assert one(run("وزیر خارجه ایران با همتای مصری خود دیدار کرد."), "meeting")
    for text in ("وزیر خارجه ایران با همتای مصری خود دیدار نکرد.",
                 "وزیر خارجه ایران به مصر سفر نکرد.",
                 "سفر وزیر امور خارجه ایران به عربستان سعودی به زمان دیگری موکول شد.",
                 "حجم تجارت ایران و چین به ۱۵ میلیارد دلار رسید.",
                 "تیم ملی فوتبال ایران با تیم ملی ژاپن دیدار می‌کند.",
                 "وزیر امور خارجه ایران در نشست خبری به سوالات خبرنگاران پاسخ داد."):
        assert not run(text), text


def test_hosted_is_a_reception():
    m = one(run("وزیر امور خارجه چین میزبان همتای ایرانی خود بود."), "meeting")
    assert m["participants"] == ["CHN", "IRN"]


def test_not_on_the_agenda_and_traffic_are_no_events():
    assert one(run("دیدار رئیس‌جمهور ایران با همتای آمریکایی‌اش در نیویورک انجام شد."), "meeting")
    for text in ("دیدار رئیس‌جمهور ایران با همتای آمریکایی‌اش در دستور کار نیست.",
                 "رفت و آمد مقامات ایران به بغداد افزایش یافته است."):
        assert not run(text), text


def test_intends_to_is_planned():
    v = one(run("وزیر امور خارجه ایران قصد دارد به قاهره سفر کند."), "visit")
    assert (v["actor"], v["target"], v["status"]) == ("IRN", "EGY", "planned")


def test_indefinite_agreement_and_joint_statement():
    a = one(run("ایران و روسیه موافقتنامه‌ای را در زمینه انرژی امضا کردند."), "agreement")
    assert a["participants"] == ["IRN", "RUS"]
    a = one(run("وزیران خارجه ایران و عراق بیانیه مشترکی امضا کردند."), "agreement")
    assert a["participants"] == ["IRN", "IRQ"]


def test_did_not_take_place_is_no_event():
    assert one(run("دیدار وزیران خارجه ایران و آمریکا در مسقط انجام شد."), "meeting")
    assert not run("دیدار وزیران خارجه ایران و آمریکا انجام نشد.")


# -- Dari phone words, itineraries and the hamza spelling of "signature" (oos5 audit)


def test_dari_phone_spelling_is_a_call():
    c = one(run("وزیران خارجه ازبکستان و ایران امروز گفتگوی تیلفونی کردند."), "call")
    assert c["participants"] == ["IRN", "UZB"]
    assert not [e for e in run("وزیران خارجه ازبکستان و ایران امروز گفتگوی تیلفونی کردند.") if e["type"] == "meeting"]


def test_itinerary_items_are_planned():
    evs = run("دیدار با امیر قطر و امضای سند همکاری از جمله برنامه‌های سفر رئیس جمهور ایران به دوحه است.")
    assert one(evs, "agreement")["status"] == "planned"


def test_signature_written_with_hamza():
    a = one(run("موافقتنامه همکاری ایران و ارمنستان به امضاء رسید."), "agreement")
    assert a["participants"] == ["ARM", "IRN"] and a["status"] == "occurred"
    a = one(run("وزیر خارجه ایران وارد ایروان شد. قرار است دو سند همکاری میان دو کشور به امضاء برسد."), "agreement")
    assert a["participants"] == ["ARM", "IRN"] and a["status"] == "planned"


def test_among_the_programme_of_this_trip_is_planned():
    evs = run("امضای چند سند همکاری میان ایران و ارمنستان از برنامه‌های این سفر دو روزه است.")
    assert one(evs, "agreement")["status"] == "planned"
