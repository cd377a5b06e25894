"""Every event names the extractor and the ruleset that coded it; the ruleset id follows the rule files."""
import shutil

from streams.events import ruleset
from streams.events.coder import extract_events


def _ruleset_of(root, monkeypatch):
    monkeypatch.setattr(ruleset, "ROOT", root)
    ruleset.ruleset.cache_clear()
    try:
        return ruleset.ruleset()
    finally:
        ruleset.ruleset.cache_clear()


def test_events_carry_the_extractor():
    [ev] = extract_events("Egyptian President Abdel Fattah al-Sisi met Kenyan President William Ruto in Cairo on "
                          "Monday.", "en", "2025-11-04", {"id": "r"})
    assert ev["extractor"] == ruleset.extractor() and len(ev["extractor"]["ruleset"]) == 16


def test_ruleset_id_changes_with_a_rule_file(tmp_path, monkeypatch):
    root = tmp_path / "streams"
    shutil.copytree(ruleset.ROOT / "lang" / "en", root / "lang" / "en")
    before = _ruleset_of(root, monkeypatch)
    assert _ruleset_of(root, monkeypatch) == before                   # same files, same id
    with (root / "lang" / "en" / "lexicon.tsv").open("a", encoding="utf-8") as f:
        f.write("trigger\tmeeting\tpow-wow\n")
    assert _ruleset_of(root, monkeypatch) != before
