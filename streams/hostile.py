"""A catalogue of hostile and malformed input for articles.raw, each with the outcome it must get.

Used by tests/test_hostile_input.py (in-process and on a real broker) and usable by
`streams bench`/demo. Every case must end in exactly one terminal topic: the DLQ with a
reason slug (see docs/robustness.md), or articles.processed with a status. None may crash a
worker or exceed STREAMS_STAGE_TIMEOUT per stage.

`expect` is one of:
  "dlq:<reason>"        dead letter with exactly that reason
  "dlq"                 dead letter, any reason
  "processed:<status>"  articles.processed with that status (ok | unsupported_language)
  "processed"           articles.processed, any status
  "terminal"            processed or dead letter, with a reason either way (pathological text)

The story sentences are written for this file (generic diplomatic news, several languages);
each case uses its own so that no two valid cases are duplicates of each other.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import orjson


@dataclass(frozen=True)
class HostileCase:
    name: str
    value: bytes
    expect: str
    note: str = ""


# One distinct short story per valid case (never near-duplicates of each other).
STORIES = {
    "ar1": "استقبل وزير الخارجية الأردني في عمان اليوم الأحد نظيره الياباني، وبحث الجانبان سبل تطوير "
           "التعاون الاقتصادي والاستثمار في قطاع الطاقة بين البلدين.",
    "ar2": "أجرى الرئيس التونسي اتصالا هاتفيا مع رئيسة الوزراء الإيطالية تناول ملف الهجرة غير النظامية "
           "عبر البحر المتوسط وتعزيز الرقابة على السواحل.",
    "ar3": "وصل رئيس وزراء ماليزيا إلى الدوحة في زيارة رسمية تستمر ثلاثة أيام يلتقي خلالها أمير قطر "
           "لمناقشة صفقات الغاز المسال.",
    "ar4": "وقعت المغرب وإسبانيا اتفاقية للتعاون في مجال الطاقة المتجددة خلال اجتماع اللجنة المشتركة "
           "الذي احتضنته الرباط يوم الخميس.",
    "ar5": "التقى وزير الدفاع العراقي في بغداد قائد القيادة المركزية الأمريكية لمناقشة الوضع الأمني "
           "على الحدود السورية ومكافحة الإرهاب.",
    "ar6": "يزور الرئيس الجزائري موسكو الأسبوع المقبل لإجراء محادثات مع الرئيس الروسي حول التعاون "
           "العسكري وصادرات القمح.",
    "ar7": "انطلقت في مسقط جولة جديدة من المفاوضات غير المباشرة بين إيران والولايات المتحدة بوساطة "
           "عمانية حول البرنامج النووي.",
    "ar8": "بحث ولي عهد الكويت مع رئيس الوزراء الهندي في نيودلهي زيادة حجم التبادل التجاري وتسهيل "
           "تأشيرات العمالة.",
    "ar9": "زار وزير الخارجية السعودي القاهرة حيث استقبله الرئيس المصري وتناول اللقاء تطورات الأوضاع "
           "في السودان وغزة.",
    "ar10": "استقبل رئيس دولة الإمارات في أبوظبي الرئيس الكيني وجرى توقيع مذكرات تفاهم في الزراعة "
            "والموانئ واللوجستيات.",
    "ar11": "عقد وزيرا خارجية لبنان وقبرص اجتماعا في نيقوسيا لبحث ترسيم الحدود البحرية والتعاون في "
            "مجال التنقيب عن الغاز.",
    "en1": "The Brazilian foreign minister arrived in Pretoria on Monday for talks with South African "
           "officials on trade and climate finance.",
    "en2": "Kenya and Ethiopia signed a memorandum of understanding on cross-border electricity trade "
           "during a summit in Nairobi.",
    "en3": "The Canadian prime minister spoke by phone with the Mexican president about tariffs and the "
           "upcoming review of their trade pact.",
    "en4": "Vietnamese and Philippine coast guard chiefs met in Hanoi to discuss maritime cooperation and "
           "fisheries disputes.",
    "en5": "Norway will host a new round of negotiations between Colombia and an armed group next month, "
           "officials in Oslo said.",
    "fr1": "Le président sénégalais s'est rendu mardi à Paris pour une visite officielle consacrée à la "
           "coopération économique et universitaire.",
    "fr2": "Les ministres des affaires étrangères de la Belgique et du Maroc se sont entretenus à Bruxelles "
           "sur la question migratoire.",
    "ru1": "Министр иностранных дел Казахстана провёл переговоры в Анкаре с турецким коллегой о "
           "транспортных коридорах через Каспий.",
    "fa1": "وزیر امور خارجه ایران امروز در سفری رسمی وارد اسلام‌آباد شد و با همتای پاکستانی خود درباره "
           "امنیت مرزها دیدار کرد.",
    "ur1": "پاکستان کے وزیر اعظم نے آج بیجنگ میں چینی صدر سے ملاقات کی اور اقتصادی راہداری کے منصوبوں پر "
           "بات چیت کی۔",
    "it1": "Il ministro degli esteri italiano ha incontrato a Roma il suo omologo egiziano per discutere "
           "della crisi in Libia e dei flussi migratori.",
}

# Scripts the product does not cover: must end in articles.processed as unsupported_language.
UNSUPPORTED = {
    "thai": "นายกรัฐมนตรีไทยเดินทางเยือนกรุงโตเกียวอย่างเป็นทางการเพื่อหารือเรื่องความร่วมมือทางเศรษฐกิจกับรัฐบาลญี่ปุ่น",
    "amharic": "የኢትዮጵያ ጠቅላይ ሚኒስትር ዛሬ ናይሮቢ ገብተው ከኬንያ ፕሬዚዳንት ጋር በንግድና በፀጥታ ጉዳዮች ላይ ተወያይተዋል።",
    "georgian": "საქართველოს პრემიერ-მინისტრი დღეს ოფიციალური ვიზიტით ჩავიდა ერევანში და შეხვდა "
                "სომხეთის პრეზიდენტს.",
    "hebrew": "שר החוץ נפגש היום בירושלים עם עמיתו היווני ודן בשיתוף הפעולה האזורי בתחום האנרגיה.",
}


def _doc(case_id: str, **fields) -> bytes:
    return orjson.dumps({"id": f"hostile-{case_id}", **fields})


def _article(case_id: str, text: str, **extra) -> bytes:
    return _doc(case_id, url=f"https://news.example.org/{case_id}", source="hostile-catalogue",
                published_at="2026-11-20T09:00:00Z", title=None, text=text, **extra)


def _cases() -> list[HostileCase]:
    S = STORIES
    big_text = "كلمة " * 45_000            # 225k chars > STREAMS_MAX_TEXT_CHARS (200k)
    c = [
        # --- bytes and JSON syntax (stage dedup, parse_raw) ---
        HostileCase("empty_message", b"", "dlq:empty_message"),
        HostileCase("invalid_utf8", b'{"id": "hostile-utf8", "text": "caf\xe9 \xff\xfe"}', "dlq:invalid_utf8"),
        HostileCase("truncated_utf8", '{"id": "hostile-trunc", "text": "زيارة'.encode()[:-1], "dlq:invalid_utf8"),
        HostileCase("invalid_json", b'{"id": "hostile-badjson", "text": "unterminated', "dlq:invalid_json"),
        HostileCase("trailing_garbage", _article("trailing", S["en1"]) + b" }{ trailing", "dlq:invalid_json"),
        HostileCase("raw_control_char_in_string", b'{"id": "hostile-rawnul", "text": "a\x00b"}', "dlq:invalid_json",
                    "unescaped control characters are invalid JSON"),
        HostileCase("lone_surrogate_escape", b'{"id": "hostile-surrogate", "text": "x \\ud800 y"}', "dlq:invalid_json"),
        HostileCase("nan_literal", b'{"id": "hostile-nan", "text": "t", "score": NaN}', "dlq:invalid_json"),
        HostileCase("huge_float_1e400", b'{"id": "hostile-1e400", "text": "t", "score": 1e400}', "dlq:invalid_json",
                    "orjson refuses numbers that overflow a double"),
        HostileCase("deep_json_10k", b'{"id": "hostile-deep", "x": ' + b"[" * 10_000 + b"]" * 10_000 + b"}",
                    "dlq:invalid_json", "orjson depth limit is 1024"),
        HostileCase("json_array", b'["an", "array", "not", "an", "object"]', "dlq:not_an_object"),
        HostileCase("json_string", b'"just a string"', "dlq:not_an_object"),
        HostileCase("json_number", b"42", "dlq:not_an_object"),
        HostileCase("json_null", b"null", "dlq:not_an_object"),
        HostileCase("json_true", b"true", "dlq:not_an_object"),
        # --- the id ---
        HostileCase("missing_id", orjson.dumps({"text": S["ar1"]}), "dlq:missing_id"),
        HostileCase("empty_id", orjson.dumps({"id": "", "text": S["ar1"]}), "dlq:missing_id"),
        HostileCase("blank_id", orjson.dumps({"id": "   \t", "text": S["ar1"]}), "dlq:bad_id"),
        HostileCase("id_too_long", orjson.dumps({"id": "x" * 600, "text": S["ar1"]}), "dlq:bad_id"),
        HostileCase("id_object", orjson.dumps({"id": {"value": 1}, "text": S["ar1"]}), "dlq:wrong_type"),
        HostileCase("id_list", orjson.dumps({"id": ["a"], "text": S["ar1"]}), "dlq:wrong_type"),
        HostileCase("id_bool", orjson.dumps({"id": True, "text": S["ar1"]}), "dlq:wrong_type"),
        HostileCase("id_float", orjson.dumps({"id": 1.5, "text": S["ar1"]}), "dlq:wrong_type"),
        HostileCase("id_int_2pow70", b'{"id": %d, "text": "t"}' % 2**70, "dlq:wrong_type",
                    "orjson reads integers over 64 bits as floats"),
        # --- wrong-typed fields ---
        HostileCase("text_number", _doc("textnum", text=42), "dlq:wrong_type"),
        HostileCase("text_list", _doc("textlist", text=["para 1", "para 2"]), "dlq:wrong_type"),
        HostileCase("text_dict", _doc("textdict", text={"body": "x"}), "dlq:wrong_type"),
        HostileCase("html_bool", _doc("htmlbool", html=True, text=S["ar1"]), "dlq:wrong_type"),
        HostileCase("url_number", _doc("urlnum", url=12345, text=S["ar1"]), "dlq:wrong_type"),
        HostileCase("title_list", _doc("titlelist", title=["a"], text=S["ar1"]), "dlq:wrong_type"),
        HostileCase("published_at_number", _doc("pubnum", published_at=1763600000, text=S["ar1"]), "dlq:wrong_type"),
        # --- bodies ---
        HostileCase("no_body_fields", _doc("nobody", url="https://x.example/a"), "dlq:empty_body"),
        HostileCase("empty_body", _doc("emptybody", text=""), "dlq:empty_body"),
        HostileCase("whitespace_body", _doc("wsbody", text=" \n\t\u00a0\r\n  "), "dlq:empty_body"),
        HostileCase("null_text_and_html", _doc("nullbody", text=None, html=None), "dlq:empty_body"),
        HostileCase("body_over_text_cap", _doc("bigtext", text=big_text), "dlq:field_too_large"),
        HostileCase("title_over_cap", _doc("bigtitle", title="t" * 5000, text=S["ar1"]), "dlq:field_too_large"),
        HostileCase("message_over_byte_cap", _doc("bigmsg", text="x", pad="y" * 2_100_000), "dlq:message_too_large"),
        HostileCase("html_50k_nested_div", _doc("div50k", html="<div>" * 50_000 + "زيارة" + "</div>" * 50_000),
                    "dlq:field_too_large", "550k characters: refused by the cap before any parser runs"),
        HostileCase("html_50k_nested_unclosed", _doc("i50k", html="<i>" * 50_000 + S["ar2"]),
                    "dlq:html_too_deep", "150k characters under the cap: the depth pre-scan refuses it"),
        HostileCase("html_only_script_style", _doc("scriptonly", html="<html><head><style>body{color:red}</style>"
                    "<script>var a = 1; function f(){return a}</script></head><body><script>f()</script></body></html>"),
                    "dlq:no_text_after_cleaning"),
        HostileCase("emoji_only", _doc("emoji", text="🇯🇴🤝🇯🇵 🎉🎉🎉 👍" * 20), "dlq:no_text_after_cleaning"),
        HostileCase("parentheses_100k", _doc("parens", text="(" * 100_000), "dlq:no_text_after_cleaning"),
        HostileCase("punctuation_soup", _doc("punct", text="!?.,;:-_=+*&^%$#@" * 5000), "dlq:no_text_after_cleaning"),
        HostileCase("glued_hashtags", _doc("hashtags", text="#مصر#السعودية#قطر#الأردن#عمان#الكويت" * 4 + " ."),
                    "dlq:no_text_after_cleaning", "tags glued without spaces: a backtracking trap for hashtag rules"),
        # --- valid JSON, odd but legal: processed ---
        HostileCase("utf8_bom", b"\xef\xbb\xbf" + _article("bom", S["ar3"]), "processed:ok",
                    "a leading UTF-8 BOM is ignored (RFC 8259 section 8.1)"),
        HostileCase("duplicated_keys", b'{"id": "hostile-dupkeys", "text": "first", "text": %s}'
                    % orjson.dumps(S["ar4"]), "processed:ok", "last value wins, as in Python's json"),
        HostileCase("huge_int_in_meta", b'{"id": "hostile-bigint", "views": %d, "text": %s}'
                    % (2**70, orjson.dumps(S["ar5"])), "processed:ok"),
        HostileCase("int_id", b'{"id": 8812345, "text": %s}' % orjson.dumps(S["en2"]), "processed:ok",
                    "integer ids below 2**63 are accepted as their decimal string"),
        HostileCase("escaped_nul_and_controls", _article("ctrl", "\x00\x01\x02" + S["ar6"].replace(" ", " \x07", 3)
                    + "\x1b[31m\x7f\x9f"), "processed:ok", "scrubbed by parse_raw"),
        HostileCase("rtl_bidi_controls", _article("bidi", "\u202b\u200f" + S["ar7"] + "\u202c\u2066\u2069\u200e"),
                    "processed:ok"),
        HostileCase("zero_width_chars", _article("zw", S["en3"].replace(" ", " \u200b").replace("a", "a\u200d", 5)
                    + "\ufeff"), "processed:ok"),
        HostileCase("mixed_scripts", _article("mixed", S["ar8"] + "\nПривет мир 你好世界 Γειά σου κόσμε\n" + S["en4"]),
                    "processed:ok"),
        HostileCase("cr_only_newlines", _article("cr", S["fr1"].replace(". ", ".\r") + "\r" + S["fr2"]), "processed:ok"),
        HostileCase("meta_over_16k", _article("meta", S["ru1"], extra={"blob": "z" * 20_000}), "processed:ok",
                    "unknown fields over 16 KiB are dropped, the article is kept"),
        HostileCase("deep_meta_500", b'{"id": "hostile-deepmeta", "x": ' + b"[" * 500 + b"]" * 500
                    + b', "text": %s}' % orjson.dumps(S["fa1"]), "processed:ok"),
        HostileCase("garbage_published_at", _doc("badpub", published_at="99999-99-99T99:99", text=S["ur1"]),
                    "processed:ok"),
        HostileCase("weird_urls", _doc("weirdurl", url="http://[::1", text=S["it1"]), "processed:ok",
                    "an unparsable URL must not break canonicalisation"),
        HostileCase("javascript_url", _doc("jsurl", url="javascript:alert(document.cookie)", text=S["en5"]),
                    "processed:ok"),
        HostileCase("html_huge_attribute", _doc("bigattr", html='<p title="' + "q" * 150_000 + '">' + S["ar9"] + "</p>"),
                    "processed:ok"),
        HostileCase("html_unclosed_comment", _doc("comment", html="<p>" + S["ar10"] + "</p><!-- never closed "
                    + "<p>x</p>" * 1000), "processed:ok"),
        HostileCase("read_also_only", _doc("readalso", text="اقرأ أيضا\nشاهد أيضا: فيديو\nأخبار ذات صلة\n"
                    "Read more\nRelated articles\nاقرأ أيضا: خبر آخر"), "terminal",
                    "furniture only: processed with no events or no_text_after_cleaning"),
        # --- pathological text: bounded work, any terminal outcome ---
        HostileCase("alef_100k", _doc("alef", text="ا" * 100_000), "terminal"),
        HostileCase("one_word_30k_times", _doc("word", text="زيارة " * 30_000), "terminal"),
        HostileCase("trigger_soup", _doc("trig", text=("زار التقى استقبل بحث وقع اتفاقية مفاوضات اتصالا هاتفيا "
                    "visit met talks signed ") * 2_400), "terminal"),
        HostileCase("country_soup", _doc("countries", text=("مصر السعودية قطر إيران روسيا الصين فرنسا "
                    "Egypt Iran Russia China France ") * 2_600), "terminal"),
        HostileCase("date_soup", _doc("dates", text=("الثلاثاء 17 نوفمبر 2026 أمس اليوم غدا 12/11/2026 "
                    "Monday 3 March 2025 ") * 2_800), "terminal"),
        HostileCase("long_line_190k", _doc("longline", text=(S["ar1"] + " " + S["en1"] + " ") * 700), "terminal",
                    "~190k characters without a newline"),
        HostileCase("newlines_150k", _doc("newlines", text="\n" * 150_000 + S["ar11"]), "terminal"),
        HostileCase("zalgo_combining", _doc("zalgo", text="ز" + "\u0651\u064e" * 40_000 + " " + S["en2"]), "terminal"),
        # --- unsupported scripts: processed, not dead-lettered ---
        *[HostileCase(f"unsupported_{k}", _article(f"unsup-{k}", v), "processed:unsupported_language")
          for k, v in UNSUPPORTED.items()],
    ]
    return c


@lru_cache(maxsize=1)
def hostile_cases() -> tuple[HostileCase, ...]:
    cases = tuple(_cases())
    names = [c.name for c in cases]
    assert len(names) == len(set(names)), "case names must be unique"
    return cases


def hostile_messages() -> list[tuple[str, bytes]]:
    """(kind, raw message bytes) for every hostile case."""
    return [(c.name, c.value) for c in hostile_cases()]
