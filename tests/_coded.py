"""What the coder makes of a sentence written for a test: one set of helpers for every
language's lexicon tests (tests/test_lexicon_<code>.py)."""
from __future__ import annotations

from streams.events.coder import extract_events


class Coded:
    """`Coded("fr", "2025-05-05")`: `events(text)`, `of(text, type)`, `one(text, type)` for one language
    and publication day; `foreground=True` leaves background mentions out."""

    def __init__(self, lang: str, pub: str | None, foreground: bool = False):
        self.lang, self.pub, self.foreground = lang, pub, foreground

    def events(self, text: str, pub: str | None = None, url: str | None = None) -> list[dict]:
        article = {"id": f"{self.lang}-test"} | ({"url": url} if url else {})
        evs = extract_events(text, self.lang, pub or self.pub, article)
        return [e for e in evs if not (self.foreground and e["background"])]

    def of(self, text: str, etype: str, pub: str | None = None, url: str | None = None) -> list[dict]:
        return [e for e in self.events(text, pub, url) if e["type"] == etype]

    def one(self, text: str, etype: str, pub: str | None = None, url: str | None = None) -> dict:
        evs = self.of(text, etype, pub, url)
        assert len(evs) == 1, self.events(text, pub, url)
        return evs[0]
