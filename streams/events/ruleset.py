"""Which extractor and which rules coded an event: every record names them, so a subscriber can
tell records of one ruleset from another's (and re-process when the rules change)."""
from __future__ import annotations

import functools
import hashlib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# everything the coder reads: lexicons and profiles, gazetteers, date words, confidence weights
RULE_GLOBS = ("lang/*/*.tsv", "lang/*/*.toml", "data/gazetteer/**/*.tsv", "data/dates/*.tsv", "data/confidence.json")


@functools.lru_cache(maxsize=1)
def ruleset() -> str:
    """blake2b-64 of the rule files' names and bytes, in a fixed order (the same files give the same id)."""
    h = hashlib.blake2b(digest_size=8)
    for path in sorted({p for g in RULE_GLOBS for p in ROOT.glob(g)}):
        h.update(str(path.relative_to(ROOT)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


@functools.lru_cache(maxsize=1)
def extractor() -> dict:
    try:
        version = metadata.version("diplo-streams")
    except metadata.PackageNotFoundError:
        version = "unknown"
    return {"name": "diplo-streams", "version": version, "ruleset": ruleset()}
