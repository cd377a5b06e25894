"""clean_article: own fixtures (no evaluation text), property tests on arbitrary input."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from streams.errors import StageError
from streams.text.boilerplate import classify
from streams.text.clean import clean_article
from streams.text.html import max_depth

STORY_AR = (
    "استقبل رئيس الوزراء الماليزي في كوالالمبور اليوم الثلاثاء وزير الخارجية الكيني الذي يقوم بزيارة رسمية "
    "تستمر ثلاثة أيام، وبحث الجانبان سبل تعزيز التبادل التجاري بين البلدين.\n"
    "وقال الوزير في مؤتمر صحفي إن المباحثات تناولت التعاون في مجالات الزراعة والطاقة المتجددة والتعليم.\n"
    "ومن المقرر أن يلتقي الوزير الكيني غدا الأربعاء نظيره الماليزي لتوقيع مذكرة تفاهم في مجال التدريب الدبلوماسي."
)
# A second, unrelated article glued after the heading (seed-style): must never reach the output.
EMBEDDED_AR = (
    "إقرأ أيضاً:\n\n"
    "فيضانات تغمر قرى في جنوب البلاد وتجبر الآلاف على النزوح\n"
    "أعلنت السلطات المحلية إجلاء سكان سبع قرى بعد ارتفاع منسوب النهر إلى مستويات قياسية.\n"
    "وقال مسؤول في الدفاع المدني إن فرق الإنقاذ تعمل على مدار الساعة.\n\n"
    "مقالات مشابهة\n"
    "  • منتخب الشباب يتأهل إلى نهائي البطولة القارية\n"
    "  • ارتفاع أسعار الذهب في الأسواق المحلية\n"
)


def test_embedded_article_after_read_also_is_removed():
    c = clean_article(STORY_AR + "\n\n" + EMBEDDED_AR, None)
    assert "كوالالمبور" in c.text and "مذكرة تفاهم" in c.text
    for leaked in ("فيضانات", "الدفاع المدني", "منتخب الشباب", "الذهب", "مقالات مشابهة", "أيضاً"):
        assert leaked not in c.text
    assert c.removed["read_also"] >= 6
    assert c.lines_out == 3


def test_inline_teaser_lines_dropped_story_kept():
    text = (
        "Le président sénégalais est arrivé lundi à Rabat pour une visite officielle de deux jours.\n"
        "À lire aussi : Le prix du blé recule sur les marchés européens\n"
        "Il doit s'entretenir mardi avec le roi du Maroc sur la coopération énergétique et la pêche.\n"
        "Lire aussi - Tempête sur la côte atlantique : trois ports fermés\n"
        "Les deux pays doivent signer plusieurs accords dans les domaines du transport et de la formation."
    )
    c = clean_article(text, None)
    assert "blé" not in c.text and "Tempête" not in c.text
    assert "Rabat" in c.text and "pêche" in c.text and "formation" in c.text
    assert c.removed["read_also"] == 2


def test_heading_near_top_does_not_cut_the_story():
    # a "Related" menu item before any story text: only that line goes
    text = ("Related\nHome\n"
            "Chile's foreign minister met her Argentine counterpart in Santiago on Friday to discuss "
            "lithium exports and a joint bid for a regional summit.\n"
            "The two ministers agreed to set up a working group that will report in three months.")
    c = clean_article(text, None)
    assert "lithium" in c.text and "working group" in c.text
    assert c.text.startswith("Chile's")


def test_long_related_block_after_short_story_is_still_cut():
    story = ("The prime minister of Vietnam received the visiting Kazakh president in Hanoi on Tuesday, "
             "and the two leaders witnessed the signing of agreements on rail transit and grain trade.")
    block = "\n".join(f"Teaser number {i} about an unrelated local matter that should never be read as news "
                      f"from this page, with enough words to look like a paragraph." for i in range(40))
    c = clean_article(story + "\nRelated articles\n" + block, None)
    assert c.text == story


def test_menu_of_short_lines_then_heading_does_not_cut_story():
    menu = "\n".join(["World", "Politics", "Business", "Sport", "Culture", "Science and technology news",
                      "Opinion and analysis pieces", "Video reports", "Podcasts", "Weather"] * 3)
    story = ("Ethiopia's foreign minister flew to Nairobi on Monday for talks with Kenyan officials on a "
             "regional power line and the security of their shared border, officials said.")
    c = clean_article(menu + "\nMost read\n" + story, None)
    assert "Nairobi" in c.text


def test_long_line_starting_like_a_heading_is_not_a_cut():
    text = ("Наш корреспондент сообщает о переговорах в Анкаре между министрами иностранных дел.\n"
            "Читайте также заявление министра, которое он сделал после встречи с журналистами в четверг, "
            "о планах подписать соглашение о транзите газа.\n"
            "Стороны договорились продолжить консультации в следующем месяце.")
    c = clean_article(text, None)
    assert "консультации" in c.text


def test_arabic_inline_see_also_and_share_copyright_lines():
    text = (
        "شارك الخبر:\nFacebookTwitterLinkedInEmail\n"
        + STORY_AR.split("\n")[0] + "\n"
        "شاهد ايضاً: مهرجان للأفلام القصيرة يفتتح دورته العاشرة\n"
        + STORY_AR.split("\n")[1] + "\n"
        "تابعوا آخر أخبارنا المحلية عبر Google News\n"
        "© 2024 الموقع الإخباري. جميع الحقوق محفوظة."
    )
    c = clean_article(text, None)
    assert "مهرجان" not in c.text and "Facebook" not in c.text and "حقوق" not in c.text and "Google" not in c.text
    assert "كوالالمبور" in c.text
    assert c.removed.get("share") == 2 and c.removed.get("copyright") == 1 and c.removed.get("subscribe") == 1


def test_js_css_fragments_removed_from_lines():
    text = (
        "The envoy arrived in Nairobi on Sunday for talks on the border dispute.\n"
        "googletag.cmd.push(function() { googletag.display('div-gpt-ad-123-0'); }); The talks will continue on Monday.\n"
        ".story-img{ display:block; padding-bottom: 60%; } .story-img img{ width: 100%; } Officials said progress was made.\n"
        "var adSlot = window.adSlots || []; adSlot.push({id: 3});\n"
        "The next round is planned for March."
    )
    c = clean_article(text, None)
    assert "googletag" not in c.text and "display" not in c.text and "adSlot" not in c.text
    assert "The talks will continue on Monday." in c.text
    assert "Officials said progress was made." in c.text
    assert c.removed.get("js", 0) >= 2 and c.removed.get("css", 0) >= 1


def test_repeated_and_truncated_copies_dropped_caption_kept():
    first = "Turkey's foreign minister held talks with his Iraqi counterpart in Baghdad on water sharing."
    text = (first + "\n"
            "The ministers inspected a dam project near the capital. (Photo by Jane Doe / AFP)\n"
            + first + "\n" + first[:60] + "\nhttps://example.com/news/123\n#diplomacy #water")
    c = clean_article(text, None)
    assert c.text.count("Baghdad") == 1
    assert "AFP" in c.text and c.captions == [1]
    assert "example.com" not in c.text and "#diplomacy" not in c.text
    c2 = clean_article(text, None, drop_captions=True)
    assert "AFP" not in c2.text and c2.removed["caption"] == 1


def test_html_article_main_text_and_title():
    html = """<html><head><title>Talks in Oslo | Example News</title>
    <meta property="og:title" content="Norway hosts Sudan talks"><style>.x{color:red}</style>
    <script>var tracking = 1; document.write('ad');</script></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Norway hosts Sudan talks</h1>
    <p>Norway hosted a new round of talks between the Sudanese parties in Oslo on Wednesday,
    the foreign ministry said in a statement released in the evening.</p>
    <p>Delegations from both sides are expected to remain in the Norwegian capital until Friday,
    when a joint communique on humanitarian corridors could be issued.</p></article>
    <aside class="related"><h3>Related</h3><a>Fishing quotas agreed with Iceland</a></aside>
    <footer>© 2024 Example News. All rights reserved.</footer></body></html>"""
    c = clean_article(None, html)
    assert "Oslo" in c.text and "humanitarian corridors" in c.text
    for junk in ("tracking", "color:red", "Fishing quotas", "All rights reserved", "World"):
        assert junk not in c.text
    assert c.title == "Norway hosts Sudan talks"


def test_html_preferred_over_text_and_given_title_wins():
    html = "<html><body><p>" + "Ghana and Togo signed a border agreement in Accra on Monday. " * 3 + "</p></body></html>"
    c = clean_article("scraped text that is ignored", html, title="Given title")
    assert "Accra" in c.text and "ignored" not in c.text and c.title == "Given title"


def test_deeply_nested_html_is_refused_fast():
    html = "<html><body>" + "<div>" * 5000 + "x" + "</div>" * 5000 + "</body></html>"
    assert max_depth(html) == 5002   # html, body, 5000 divs
    with pytest.raises(StageError) as e:
        clean_article(None, html)
    assert e.value.reason == "html_too_deep"


def test_moderately_nested_html_falls_back_to_dom_text():
    html = "<html><body>" + "<div>" * 600 + "Peru and Bolivia agreed to reopen the border crossing." + "</div>" * 600
    c = clean_article(None, html)
    assert "border crossing" in c.text


@pytest.mark.parametrize("text,html,reason", [
    (None, None, "empty_body"),
    ("   \n\t ", None, "empty_body"),
    ("x" * 300_001, None, "body_too_large"),
    ("Share\nPrint\n© 2024 All rights reserved\n{}\n", None, "no_text_after_cleaning"),
    (123, None, "bad_input"),
])
def test_stage_errors(text, html, reason):
    with pytest.raises(StageError) as e:
        clean_article(text, html, max_chars=300_000)
    assert e.value.reason == reason


def test_classify_rules_from_data():
    assert classify("إقرأ أيضاً:") == ("cut", "read_also")
    assert classify("اقرأ ايضا") == ("cut", "read_also")           # spelling variants fold together
    assert classify("أخبار ذات صلة") == ("cut", "read_also")
    assert classify("À lire aussi") == ("cut", "read_also")
    assert classify("Смотрите также") == ("cut", "read_also")
    assert classify("Also See: Something else entirely") == ("drop", "read_also")
    assert classify("Related talks opened in Doha on Monday between the two sides.") is None
    assert classify("Advertisement") == ("drop", "ads")


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=3000)
_htmlish = st.lists(st.sampled_from(["<div>", "</div>", "<p>", "<script>", "</script>", "<style>", "{", "}",
                                     "إقرأ أيضاً:", "Read also", "\n", "text ", "<!--", "-->", "<a href='x'>",
                                     "&amp;", "<", ">", "function() {", "});"]), max_size=400).map("".join)


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(text=_text, html=st.one_of(st.none(), _htmlish), title=st.one_of(st.none(), _text))
def test_arbitrary_input_only_raises_stage_error(text, html, title):
    try:
        c = clean_article(text, html, title)
    except StageError:
        return
    assert isinstance(c.text, str) and c.text.strip()
    assert c.lines_out <= max(c.lines_in, 1)


@settings(max_examples=60, deadline=2000)
@given(st.text(alphabet="{}()<>/*#.a-:;= \n", max_size=5000))
def test_code_like_junk_is_bounded(text):
    try:
        clean_article(text, None)
    except StageError:
        pass


def test_every_contains_phrase_has_a_substring_gate():
    # an empty gate alternative would send every line through the slow full regex
    from streams.text.boilerplate import rules

    assert "" not in rules().anchors.pattern.split("|")


def test_trafilatura_really_runs_on_html_pages():
    """It must import (lxml.html.clean is a separate package since lxml 5.2); otherwise every page
    silently falls back to the whole DOM text, sidebars included."""
    from streams.text.html import _trafilatura

    story = " ".join(["The foreign ministers of Kenya and Japan signed an agreement on port investment in Nairobi."] * 4)
    page = (f"<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><main><article>"
            f"<h1>Kenya and Japan sign port deal</h1><p>{story}</p><p>{story}</p></article></main>"
            "<aside><h3>Most read</h3><ul><li>Markets close higher</li><li>Weather alert</li></ul></aside>"
            "</body></html>")
    text = _trafilatura(page)
    assert text and "signed an agreement on port investment" in text
    assert "Most read" not in text and "Markets close higher" not in text


def test_keyword_tag_lines_are_page_furniture():
    from streams.text.clean import clean_article
    text = ("انطلقت في الدوحة جولة جديدة من المفاوضات بين باكستان وأفغانستان.\n"
            "الكلمات الدالة: قطر، باكستان، أفغانستان، مفاوضات\n")
    out = clean_article(text, None, None).text
    assert "الكلمات الدالة" not in out and "انطلقت في الدوحة" in out
    out = clean_article("Talks resumed in Doha on Sunday.\nKeywords: Qatar, Pakistan, Afghanistan\n", None, None).text
    assert "Keywords" not in out and "Talks resumed" in out
