"""Language profiles: everything the pipeline knows about one language, in one folder.

`streams/lang/<code>/` (ISO 639-1) holds `profile.toml` (script, word order, list joiners,
articles, stemmer...), `lexicon.tsv` (triggers, cues, roles), and where the language has them
`boilerplate.json` (page furniture) and `stopwords.txt`. Adding a language is adding a folder
and its tests; `profile(code)` is the one object the stages ask. What is the same in every
language (country codes, capitals, leaders with their terms) stays in `streams/data/gazetteer`,
with each language's surface forms generated beside it.
"""
from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = "en"          # an unknown language reads the English profile (lexicon included)
SCRIPTS = ("arabic", "latin", "cyrillic")


@dataclass(frozen=True)
class LanguageProfile:
    code: str
    name: str
    script: str
    word_order: str
    modifier_after_head: bool        # "الرئيس الروسي": the country adjective follows the office
    destination_before_verb: bool    # verb-final travel: "چین روانہ"
    postpositional: bool             # "with" follows its object: "A ve B ile", "X کے ساتھ"
    case_endings: bool               # a case ending glued after a name marks a place: "Ankara'ya"
    also_lexicons: tuple[str, ...]
    stemmer: str                     # Snowball algorithm name, "" for none
    joiners: tuple[str, ...]
    articles: tuple[str, ...]
    since: tuple[str, ...]
    abbreviations: tuple[str, ...]   # words a full stop does not end a sentence after ("sept.", "gen.")
    name_suffixes: tuple[str, ...]   # endings glued to a name or demonym ("Ruslar", "پاکستانی‌اش")
    leader_columns: tuple[str, ...]  # columns of gazetteer/leaders.tsv whose spellings this language reads
    future_suffixes: tuple[str, ...] # endings of a future verb form ("yapılacak", "görüşecek"): the event is ahead
    visit_noun: str                  # the visit noun a host country may modify ("his Japan visit"), "" for none
    visit_premodifiers: tuple[str, ...]  # words that may open that noun phrase ("his", "the", "upcoming")
    folder: Path

    @property
    def lexicon_paths(self) -> list[Path]:
        return [self.folder / "lexicon.tsv"] + [HERE / c / "lexicon.tsv" for c in self.also_lexicons]

    @functools.cached_property
    def stem(self):
        """The Snowball stemmer's `stemWord`, or None."""
        if not self.stemmer:
            return None
        import snowballstemmer
        return snowballstemmer.stemmer(self.stemmer).stemWord


def has_profile(code: str | None) -> bool:
    """Whether `code` has its own folder (unknown codes read the English profile)."""
    return bool(code) and (HERE / code.lower().split("-")[0] / "profile.toml").exists()


def languages() -> list[str]:
    """Codes of every language with a profile."""
    return sorted(p.parent.name for p in HERE.glob("*/profile.toml"))


@functools.lru_cache(maxsize=64)
def profile(code: str | None) -> LanguageProfile:
    """The profile of an ISO 639-1 code (`ar`, `en-GB` -> `en`); unknown codes get the English one."""
    code = (code or DEFAULT).lower().split("-")[0]
    folder = HERE / code
    if not (folder / "profile.toml").exists():
        folder, code = HERE / DEFAULT, DEFAULT
    spec = tomllib.loads((folder / "profile.toml").read_text(encoding="utf-8"))
    if spec["script"] not in SCRIPTS:
        raise ValueError(f"{folder}/profile.toml: script must be one of {SCRIPTS}")
    return LanguageProfile(
        code=code, name=spec["name"], script=spec["script"], word_order=spec["word_order"],
        modifier_after_head=bool(spec["modifier_after_head"]),
        destination_before_verb=bool(spec["destination_before_verb"]),
        postpositional=bool(spec.get("postpositional", False)), case_endings=bool(spec.get("case_endings", False)),
        also_lexicons=tuple(spec.get("also_lexicons", ())), stemmer=spec.get("stemmer", ""),
        joiners=tuple(spec.get("joiners", ())), articles=tuple(spec.get("articles", ())),
        since=tuple(spec.get("since", ())), abbreviations=tuple(spec.get("abbreviations", ())),
        name_suffixes=tuple(spec.get("name_suffixes", ())), leader_columns=tuple(spec.get("leader_columns", ("en",))),
        future_suffixes=tuple(spec.get("future_suffixes", ())),
        visit_noun=spec.get("visit_noun", ""), visit_premodifiers=tuple(spec.get("visit_premodifiers", ())),
        folder=folder)


def union(field: str) -> frozenset[str]:
    """One field of every profile together (list joiners and articles are read where the
    language of a gap is not passed down; they do not collide across languages)."""
    return frozenset(w for c in languages() for w in getattr(profile(c), field))
