"""Russian event lexicon (streams/lang/ru/lexicon.tsv) and Russian gazetteer rows: example sentences
written for these tests."""
from __future__ import annotations

from tests._coded import Coded

PUB = "2025-05-05"


_RU = Coded("ru", PUB)
_events, _of, _one = _RU.events, _RU.of, _RU.one


def test_signed_documents_are_an_agreement():
    text = "В ходе визита президента Египта в Россию стороны подписали 15 документов о сотрудничестве."
    assert _one(text, "agreement")["participants"] == ["EGY", "RUS"]
    ev = _one(text, "visit")
    assert (ev["actor"], ev["target"]) == ("EGY", "RUS")
    assert not _of("Стороны обсудили 15 документов о сотрудничестве России и Египта.", "agreement")


def test_destination_after_the_visitor():
    # the Kremlin named later is where the news came from, not where the trip goes
    ev = _one("Визит президента России в Узбекистан запланирован на осень, сообщили в Кремле.", "visit")
    assert (ev["actor"], ev["target"], ev["status"]) == ("RUS", "UZB", "planned")


def test_not_planned_meeting_is_no_event():
    assert _of("Встреча президентов России и Украины планируется на июнь, заявил пресс-секретарь Кремля.",
               "meeting")[0]["status"] == "planned"
    assert not _of("Встреча президентов России и Украины пока не планируется, заявил пресс-секретарь Кремля.",
                   "meeting")
    assert _of("Речь идет о встрече министра иностранных дел России с представителями Турции.", "meeting")
    assert not _of("Речь не идет о встрече министра иностранных дел России с представителями Турции.",
                   "meeting")


def test_possible_meeting_is_no_event():
    assert _of("Стороны обсудили проведение встречи лидеров России и Франции.", "meeting")
    assert not _of("Стороны обсудили возможность встречи лидеров России и Франции.", "meeting")


def test_will_visit_a_list_with_the_republic_of_congo():
    legs = _of("Глава МИД России посетит Египет, Эфиопию и Республику Конго.", "visit")
    assert sorted(e["target"] for e in legs) == ["COG", "EGY", "ETH"]
    assert {(e["actor"], e["status"]) for e in legs} == {("RUS", "planned")}
    ev = _one("Президент Казахстана планирует посетить Китай в сентябре.", "visit")
    assert (ev["actor"], ev["target"], ev["status"]) == ("KAZ", "CHN", "planned")


def test_memorandum_with_sadc():
    ev = _one("Министр иностранных дел России и исполнительный секретарь САДК подписали меморандум "
              "о сотрудничестве.", "agreement")
    assert ev["participants"] == ["RUS", "SADC"]


def test_cancelled_or_postponed_from_the_stem():
    assert _of("Кремль объявил о подготовке визита президента России в Турцию.", "visit")
    assert not _of("Кремль объявил об отмене визита президента России в Турцию.", "visit")
    assert not _of("Визит министра иностранных дел Индии в Москву отложен.", "visit")


def test_will_come():
    ev = _one("Президент России приедет в Астану в пятницу.", "visit", "2015-03-16")
    assert (ev["actor"], ev["target"], ev["status"]) == ("RUS", "KAZ", "planned")


def test_profit_and_counter_sanctions_are_no_events():
    assert _one("Министр финансов России прибыл в Китай.", "visit")["target"] == "CHN"
    assert not _of("Министр финансов России заявил, что прибыль в Китае выросла.", "visit")
    assert _of("Президент России провел встречу с президентом Египта.", "meeting")
    assert not _of("Министр финансов России и министр финансов Японии обсудили встречные санкции.", "meeting")


def test_headed_for_but_not_sent_a_letter():
    ev = _one("Президент Египта направился в Пекин.", "visit")
    assert (ev["actor"], ev["target"]) == ("EGY", "CHN")
    assert not _of("Президент Египта направил письмо в Китай.", "visit")


def test_talks_in_the_kremlin_take_place_in_russia():
    ev = _one("Президент России Владимир Путин провел переговоры с президентом Египта в Кремле.", "meeting",
              "2024-06-10")
    assert (ev["participants"], ev["location"]["country"]) == (["EGY", "RUS"], "RUS")


# -- general wording (lexB): future meeting verb, infinitives, video calls, future signing, did not happen


def test_future_and_infinitive_meeting_verbs():
    ev = _one("Президенты России и США встретятся в Хельсинки.", "meeting")
    assert (ev["participants"], ev["status"]) == (["RUS", "USA"], "planned")
    ev = _one("Президент Турции намерен встретиться с президентом России.", "meeting")
    assert (ev["participants"], ev["status"]) == (["RUS", "TUR"], "planned")
    ev = _one("Министр иностранных дел Китая побеседовал с российским коллегой.", "meeting")
    assert ev["participants"] == ["CHN", "RUS"]


def test_infinitive_of_travel_after_an_intention():
    ev = _one("Президент Турции планирует приехать в Москву в мае.", "visit")
    assert (ev["actor"], ev["target"], ev["status"]) == ("TUR", "RUS", "planned")


def test_video_conference_is_a_call():
    ev = _one("Лидеры России и Китая провели переговоры в режиме видеоконференции.", "call")
    assert ev["participants"] == ["CHN", "RUS"]


def test_will_sign_is_planned():
    ev = _one("Россия и Иран подпишут договор о всеобъемлющем партнерстве.", "agreement")
    assert (ev["participants"], ev["status"]) == (["IRN", "RUS"], "planned")
    ev = _one("Россия и Монголия подпишут ряд документов о сотрудничестве.", "agreement")
    assert ev["status"] == "planned"
    assert _one("Россия и Монголия подписали ряд документов о сотрудничестве.", "agreement")["status"] == "occurred"


def test_did_not_take_place_or_given_up_is_no_event():
    assert _of("Встреча министров иностранных дел России и Эстонии состоялась в Таллине.", "meeting")
    assert not _of("Встреча министров иностранных дел России и Эстонии не состоялась.", "meeting")
    assert not _of("Президент России отказался от поездки в Южную Африку.", "visit")


def test_trade_sport_and_press_are_no_events():
    """No-event guards for the broader rows above."""
    for text in ("Товарооборот России и Китая достиг 240 миллиардов долларов.",
                 "Сборная России по футболу сыграла вничью со сборной Сербии.",
                 "Российские теннисисты встретятся с командой Сербии в четвертьфинале.",
                 "Министр иностранных дел России встретился с журналистами.",
                 "Президент России провел совещание с членами правительства.",
                 "Визит президента Франции в Россию был отменен."):
        assert not _events(text), text


def test_was_in_came_and_will_pay_a_visit():
    ev = _one("Российская делегация во главе с министром иностранных дел побывала в Эр-Рияде.", "visit")
    assert (ev["actor"], ev["target"]) == ("RUS", "SAU")
    ev = _one("Президент Турции приезжал в Сочи в сентябре.", "visit")
    assert (ev["actor"], ev["target"]) == ("TUR", "RUS")
    ev = _one("Президент России совершит государственный визит в Монголию.", "visit")
    assert ev["status"] == "planned"
    ev = _one("Переговоры президентов России и Узбекистана пройдут в Кремле.", "meeting")
    assert ev["status"] == "planned"


def test_phoned_and_protocol():
    ev = _one("Президент Франции позвонил президенту России.", "call")
    assert ev["participants"] == ["FRA", "RUS"]
    ev = _one("Россия и Египет подписали межправительственный протокол о сотрудничестве.", "agreement")
    assert ev["participants"] == ["EGY", "RUS"]


def test_sport_trip_is_no_visit():
    assert not _events("Российские хоккеисты прибыли в Минск на турнир.")


def test_phone_talk_and_intention_to_conclude():
    ev = _one("Президент России провел телефонную беседу с президентом Азербайджана.", "call")
    assert ev["participants"] == ["AZE", "RUS"]
    assert not _of("Президент России провел телефонную беседу с президентом Азербайджана.", "meeting")
    ev = _one("Армения и Азербайджан намерены заключить мирный договор.", "agreement")
    assert (ev["participants"], ev["status"]) == (["ARM", "AZE"], "planned")


def test_figure_skaters_trip_is_no_visit():
    assert not _events("Российские фигуристы прилетели в Пекин.")


def test_emirates_in_oblique_cases_and_sheikh_spellings():
    ev = _one("Президент Объединённых Арабских Эмиратов провел переговоры с президентом Алжира в Алжире.",
              "meeting")
    assert ev["participants"] == ["ARE", "DZA"]
    ev = _one("Шейх Мохамед бин Заед прибыл в Рабат с официальным визитом.", "visit")
    assert (ev["actor"], ev["target"]) == ("ARE", "MAR")
