"""Run extract_events over an evaluation set and score it with the shared scorer.

usage: python -m streams.events.devscore [ARTICLES.jsonl] [--raw] [--errors]
Writes predictions in the gold format (background events dropped) next to /tmp and
prints the scorer's report. `predict_file` is reused by `streams evaluate`.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from streams.events.coder import extract_events

DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev"


def _clean(article: dict, raw: bool) -> str:
    text = article.get("text") or ""
    if raw:
        return text
    try:
        from streams.text.clean import clean_article
        return clean_article(article.get("text"), article.get("html"), article.get("title")).text
    except Exception:
        return text


def predict_article(article: dict, raw: bool = False, keep_background: bool = False) -> dict:
    lang = article.get("language") or "ar"
    text = _clean(article, raw)
    meta = {k: article.get(k) for k in ("id", "url", "source", "published_at")} | {"language": lang}
    evs = extract_events(text, lang, article.get("published_at"), meta)
    if not keep_background:
        evs = [e for e in evs if not e["background"]]
    return {"id": article.get("id"), "language": lang, "duplicate_of": None, "events": evs}


def predict_file(articles_path, raw: bool = False, languages: dict | None = None) -> list[dict]:
    """Predictions for every article of a JSONL file (language from `languages[id]`, the
    article's own `language` field, or the gold file next to it)."""
    articles_path = Path(articles_path)
    if languages is None:
        languages = {}
        gold = articles_path.with_name("gold.jsonl")
        if gold.exists():
            for line in gold.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    g = json.loads(line)
                    languages[g["id"]] = g.get("language")
    out = []
    for line in articles_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        a = json.loads(line)
        if not a.get("language"):
            a["language"] = languages.get(a.get("id"))
        out.append(predict_article(a, raw=raw))
    return out


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else DEV / "articles.jsonl"
    preds = predict_file(path, raw="--raw" in argv)
    fd, out = tempfile.mkstemp(prefix="diplo-pred-", suffix=".jsonl")
    with open(fd, "w", encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    cmd = [sys.executable, str(path.parents[1] / "score.py"), str(path.with_name("gold.jsonl")), out]
    if "--errors" in argv:
        cmd.append("--errors")
    return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
