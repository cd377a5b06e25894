"""detect_language: own example sentences; no download ever; stray lines."""
from __future__ import annotations

import socket

import pytest
from hypothesis import given, settings, strategies as st

from streams.text import language
from streams.text.language import detect_language

AR = ("أعلنت وزارة الخارجية أن الوزير سيتوجه الأسبوع المقبل إلى العاصمة النيجيرية أبوجا في زيارة رسمية "
      "يبحث خلالها مع المسؤولين هناك ملفات التعاون الاقتصادي والأمني بين البلدين.")
FA = ("وزیر امور خارجه روز دوشنبه در سفری رسمی وارد پایتخت قزاقستان شد و قرار است با همتای خود "
      "درباره گسترش همکاری‌های اقتصادی و حمل و نقل گفتگو کند.")
UR = ("وزیر خارجہ پیر کے روز سرکاری دورے پر قازقستان کے دارالحکومت پہنچے جہاں وہ اپنے ہم منصب سے "
      "اقتصادی تعاون اور تجارت کے فروغ پر بات چیت کریں گے۔")
EN = ("The foreign minister will travel to Abuja next week for an official visit focused on trade, "
      "security cooperation and a new agreement on visas.")
FR = ("Le ministre des Affaires étrangères se rendra la semaine prochaine à Abuja pour une visite officielle "
      "consacrée au commerce et à la coopération sécuritaire.")
RU = ("Министр иностранных дел на следующей неделе посетит Абуджу с официальным визитом, "
      "в ходе которого обсудит торговлю и сотрудничество в сфере безопасности.")
IT = ("Il ministro degli Esteri si recherà la prossima settimana ad Abuja per una visita ufficiale "
      "dedicata al commercio e alla cooperazione in materia di sicurezza.")


@pytest.mark.parametrize("text,lang", [(AR, "ar"), (FA, "fa"), (UR, "ur"), (EN, "en"), (FR, "fr"), (RU, "ru"), (IT, "it")])
def test_article_language(text, lang):
    r = detect_language(text)
    assert r.language == lang
    assert 0.5 <= r.confidence <= 1.0
    assert r.stray_lines == []


def test_arabic_with_persian_glyphs_stays_arabic():
    # scraped Arabic often carries Persian ی/ک in a few words: still Arabic
    text = AR.replace("الوزير", "الوزیر").replace("المسؤولين", "المسؤولین")
    assert detect_language(text).language == "ar"


def test_stray_english_disclaimer_and_code_lines_in_arabic():
    text = "\n".join([
        AR,
        "This article was translated automatically and may contain errors, please refer to the original.",
        AR,
        "function loadAds() { return window.adsQueue.push(slot); }",
    ])
    r = detect_language(text)
    assert r.language == "ar"
    lines = dict(r.stray_lines)
    assert set(lines) == {1, 3}
    assert lines[1] == "en" and lines[3] == "zxx"


def test_stray_french_line_in_english_article():
    text = "\n".join([EN, EN.replace("Abuja", "Lagos"), FR])
    r = detect_language(text)
    assert r.language == "en" and (2, "fr") in r.stray_lines


@pytest.mark.parametrize("text", ["", "   ", "12345 67 -- ;;", "\n\n"])
def test_unknown(text):
    r = detect_language(text)
    assert r.language == "und" and r.confidence == 0.0


def test_model_is_bundled_and_never_downloaded(monkeypatch):
    def no_network(*a, **k):
        raise AssertionError("network access attempted")
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    language._model = None
    assert detect_language(EN).language == "en"
    first = language.model()
    assert language.model() is first          # loaded once per process


@settings(max_examples=150, deadline=1000)
@given(st.text(max_size=2000))
def test_arbitrary_text_never_raises(text):
    r = detect_language(text)
    assert isinstance(r.language, str) and 0.0 <= r.confidence <= 1.0
