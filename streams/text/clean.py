"""Article clean-up: the main story text that extraction reads (evidence offsets point into it).

HTML goes through streams.text.html (depth pre-scan, Lexbor clean-up, trafilatura with a
selectolax fallback); the resulting text and plain-text articles then go through the same
line rules (streams.text.boilerplate + the structural rules below).

Principle: a false cut that drops the story is worse than leftover boilerplate, so a
"read also" heading cuts the rest of the article only when it is a short line AND story
text precedes it (>= MIN_STORY_CHARS kept, one line >= MIN_PARAGRAPH: a menu of short
lines is not a story); otherwise only that line goes.

StageError reasons (stable slugs, used as metric labels):
  empty_body              no text and no html, or only whitespace
  body_too_large          text longer than max_chars (html: longer than HTML_FACTOR * max_chars)
  html_too_deep           HTML nesting deeper than streams.text.html.MAX_DEPTH (parsers go quadratic)
  no_text_after_cleaning  nothing but furniture left
  bad_input               text/html/title of the wrong type
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from streams.errors import StageError
from streams.text import boilerplate, html as html_mod

HTML_FACTOR = 10              # html may be this many times max_chars (markup is bulky)
MAX_LINE_CHARS = 20_000       # longer "lines" (minified blobs) are split at this size
MIN_STORY_CHARS = 150         # a cut heading needs this many kept characters before it ...
MIN_PARAGRAPH = 120           # ... including one paragraph-like line this long (menus are short lines)
MIN_REPEAT_KEY = 25           # repeated lines shorter than this are kept (short labels repeat legitimately)
PREFIX_REPEAT_KEY = 40        # a line that is a prefix (>= this long) of an earlier line is a truncated copy

_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u2028\u2029]")
# runs of horizontal whitespace that need rewriting (a single ordinary space is left alone: cheaper)
_HSPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_LETTER = re.compile(r"[^\W\d_]")
_STAMP = re.compile(r"date\s+(?:19|20)\d\d-\d\d(?:-\d\d)?(?!\d)")   # a scraped page's date line
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S{1,4000}$")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,20}(?:\s[^<>]{0,500})?/?>")
# Inline code: "x.y.push(function() { ... });" and CSS rules ".a .b img{ k: v; }" glued into story lines.
_JS_CALL = re.compile(r"[\w$.]{1,80}\(\s*function\s*\([^()]{0,100}\)\s*\{[^{}]{0,1000}\}\s*\)\s*;?")
_CSS_RULE = re.compile(r"(?:^|(?<=\s))[.#@]?[A-Za-z][\w-]{0,60}(?:[ \t>+~,]+[.#]?[\w-]{1,60}){0,6}\s*\{[^{}]{0,2000}\}")
_CODE_LINE = re.compile(
    r"^\s*(?:var |let |const |function\s*\(|function \w|\(function|window\.|document\.|googletag|gtag\(|"
    r"dataLayer|jQuery|\$\(|if\s*\(|\}\s*\)|\}\s*;|\}$|\{$|@media|@import|<!--|-->|//\s|/\*|\*/)"
)
_CSS_START = re.compile(r"^\s*(?:@media|@import|@font-face|[.#][\w-]+[^(]{0,80}\{|[a-z]+\s*\{)")
# one tag = "#" then non-space non-"#" characters, so a glued "#a#b#c" run cannot be split
# in exponentially many ways (the old `(?:#\S{1,60}\s*){1,20}` backtracked catastrophically)
_HASHTAGS = re.compile(r"^#[^\s#]{1,60}(?:\s*#[^\s#]{1,60})*\W*$")     # any number of tags, then punctuation
_CAPTION_TAIL = re.compile(
    r"\((?:[^()]{0,120}[/,]\s*)?(?:AFP|AP|Reuters|رويترز|أ\.ف\.ب|فرانس برس|EPA|Getty Images|Anadolu|TASS|ТАСС|Sputnik|"
    r"Xinhua|Photo[^()]{0,40}|Фото[^()]{0,40}|صورة[^()]{0,40})\)\s*$"
)


@dataclass
class Cleaned:
    text: str                                   # main text; event evidence offsets point into it
    title: str | None = None
    removed: dict[str, int] = field(default_factory=dict)   # kind -> lines/blocks removed
    lines_in: int = 0
    lines_out: int = 0
    captions: list[int] = field(default_factory=list)       # output line numbers that look like photo captions

    def to_dict(self) -> dict:
        return {"text": self.text, "title": self.title, "removed": dict(self.removed),
                "lines_in": self.lines_in, "lines_out": self.lines_out, "captions": list(self.captions)}


def clean_article(text: str | None, html: str | None, title: str | None = None, *,
                  max_chars: int = 200_000, drop_captions: bool = False) -> Cleaned:
    """Main text of an article from its plain text or (preferred when present) its HTML.

    Captions are kept by default (they often carry the date and place of the pictured
    meeting); their line numbers are reported in `Cleaned.captions`.
    """
    for name, value in (("text", text), ("html", html), ("title", title)):
        if value is not None and not isinstance(value, str):
            raise StageError("bad_input", f"{name} must be a string, got {type(value).__name__}")
    removed: dict[str, int] = {}
    page_title = None
    if html and html.strip():
        if len(html) > HTML_FACTOR * max_chars:
            raise StageError("body_too_large", f"html has {len(html)} chars > {HTML_FACTOR * max_chars}")
        try:
            body, page_title, dropped = html_mod.extract(html)
        except StageError:
            raise
        except Exception as exc:  # parser bug on hostile markup: try the plain text if we have it
            if not (text and text.strip()):
                raise StageError("html_unparsable", f"{type(exc).__name__}: {exc}") from None
            body, dropped = text, 0
        if dropped:
            removed["html_nodes"] = dropped
        if not body.strip() and text and text.strip():
            body = text
    elif text and text.strip():
        body = text
    else:
        raise StageError("empty_body", "article has neither text nor html")
    if len(body) > max_chars:
        raise StageError("body_too_large", f"text has {len(body)} chars > {max_chars}")

    out, lines_in, captions = _clean_lines(body, removed, drop_captions)
    cleaned = "\n".join(out).strip("\n")
    if not _LETTER.search(cleaned):
        raise StageError("no_text_after_cleaning", f"{lines_in} lines, all furniture")
    t = title if title and title.strip() else page_title
    t = " ".join(t.split())[:1000] if t else None
    return Cleaned(cleaned, t, removed, lines_in, sum(1 for x in out if x), captions)


def _split(body: str) -> list[str]:
    body = _CTRL.sub("", body.replace("\r\n", "\n").replace("\r", "\n"))
    lines = []
    for raw in body.split("\n"):
        while len(raw) > MAX_LINE_CHARS:
            cut = raw.rfind(" ", 0, MAX_LINE_CHARS)
            cut = cut if cut > MAX_LINE_CHARS // 2 else MAX_LINE_CHARS
            lines.append(raw[:cut])
            raw = raw[cut:]
        lines.append(raw)
    return lines


def _strip_code(line: str, removed: dict) -> str:
    if "{" in line:
        new = _JS_CALL.sub(" ", line) if "function" in line else line
        if new != line:
            removed["js"] = removed.get("js", 0) + 1
        newer = _CSS_RULE.sub(" ", new) if ":" in new else new
        if newer != new:
            removed["css"] = removed.get("css", 0) + 1
        line = newer
    if "<" in line and ">" in line:
        new = _HTML_TAG.sub(" ", line)
        if new != line:
            removed["html_tags"] = removed.get("html_tags", 0) + 1
            line = new
    return line


def _is_code(line: str) -> bool:
    if not _CODE_LINE.match(line):
        return False
    n = len(line)
    code = sum(line.count(c) for c in "{}();=<>")
    letters = sum(map(str.isalpha, line[:500]))
    return code >= 1 and (n < 40 or code * 8 >= min(n, 500) or letters < n * 0.5)


def _squeeze(line: str) -> str:
    # the regex scan costs ~25 ns/char; plain `in` tests skip it for ordinary lines
    if "  " in line or "\t" in line or "\u00a0" in line or "\u202f" in line or "\u2009" in line:
        return _HSPACE.sub(" ", line)
    return line


def _repeat_key(line: str) -> str:
    """Cheap identity of a line for repeat detection (copies are nearly always byte-identical)."""
    return line.lower().strip(boilerplate.TRIM)


def _clean_lines(body: str, removed: dict, drop_captions: bool) -> tuple[list[str], int, list[int]]:
    lines = _split(body)
    lines_in = sum(1 for x in lines if x.strip())
    sizes = [len(x) for x in lines]
    out: list[str] = []
    captions: list[int] = []
    seen: set[str] = set()
    prefixes: dict[str, str] = {}
    kept_chars = 0
    has_paragraph = False

    def drop(kind: str) -> None:
        removed[kind] = removed.get(kind, 0) + 1

    for i, raw in enumerate(lines):
        line = _squeeze(raw).strip()
        if not line:
            if out and out[-1]:
                out.append("")
            continue
        stripped = _strip_code(line, removed)
        if stripped is not line:
            line = _HSPACE.sub(" ", stripped).strip()
            if not line:
                continue
        if _is_code(line):
            drop("css" if _CSS_START.match(line) else "js")
            continue
        verdict = boilerplate.classify(line)
        if verdict is not None:
            action, kind = verdict
            if action == "cut" and kept_chars >= MIN_STORY_CHARS and has_paragraph:
                rest = sum(1 for x in lines[i:] if x.strip())
                removed[kind] = removed.get(kind, 0) + rest
                break
            drop(kind)
            stamp = _STAMP.match(line) if not any(out) else None
            if stamp:     # "date 2021-04 © Agency - all rights reserved": keep the page's date stamp
                out.append(stamp.group())
            continue
        if _URL_LINE.match(line):
            drop("url")
            continue
        if _HASHTAGS.match(line):
            drop("nav")
            continue
        if not _LETTER.search(line) and not any(c.isdigit() for c in line):
            drop("junk")
            continue
        k = _repeat_key(line)
        if len(k) >= MIN_REPEAT_KEY:
            if k in seen:
                drop("repeated")
                continue
            if len(k) >= PREFIX_REPEAT_KEY:
                full = prefixes.get(k[:PREFIX_REPEAT_KEY])
                if full is not None and full.startswith(k):
                    drop("repeated")
                    continue
                prefixes.setdefault(k[:PREFIX_REPEAT_KEY], k)
            seen.add(k)
        if len(line) < 400 and _CAPTION_TAIL.search(line):
            if drop_captions:
                drop("caption")
                continue
            captions.append(len(out))
        out.append(line)
        kept_chars += sizes[i]
        has_paragraph = has_paragraph or len(line) >= MIN_PARAGRAPH
    while out and not out[-1]:
        out.pop()
    return out, lines_in, captions
