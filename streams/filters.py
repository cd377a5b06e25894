"""`streams subscribe` filters and the `--format table` view (pure; the CLI only wires them).

Filters read the event record as published (streams/schemas/event.schema.json). `--since`
compares the event's day; an event without one (the text gave no resolvable day) is
compared by its article's publication day, and kept if it has neither.
"""
from __future__ import annotations

import argparse
import datetime
import re
from typing import Callable

import orjson

_PARTY = re.compile(r"^[A-Z][A-Z0-9_]{1,15}$")   # the event schema's party pattern (states and organisations)


def country_code(value: str) -> str:
    """'EGY', 'eg', 'Egypt' -> 'EGY'; organisation acronyms ('UN', 'EU') unchanged."""
    v = value.strip()
    if len(v) == 3 and v.isalpha() and v.isupper():
        return v
    import pycountry

    try:
        return pycountry.countries.lookup(v).alpha_3
    except LookupError:
        if _PARTY.match(v):
            return v
        raise argparse.ArgumentTypeError(f"unknown country {value!r} (use an alpha-3 code like EGY)") from None


def iso_day(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO day (YYYY-MM-DD): {value!r}") from None


def _split(values) -> set[str]:
    return {v.strip() for item in values or () for v in item.split(",") if v.strip()}


def event_day(ev: dict) -> datetime.date | None:
    """The event's day, else its article's publication day, else None."""
    for raw in (ev.get("date"), (ev.get("article") or {}).get("published_at")):
        if isinstance(raw, str):
            try:
                return datetime.date.fromisoformat(raw[:10])
            except ValueError:
                continue
    return None


def make_filter(types=(), countries=(), since: datetime.date | None = None, statuses=(),
                min_confidence: float | None = None) -> Callable[[dict], bool]:
    """A predicate over event dicts; every given criterion must hold (empty = no criterion).

    Several values of one criterion are alternatives (`--type visit,call`); `countries`
    matches when any of them takes part in the event.
    """
    types, countries, statuses = set(types), set(countries), set(statuses)
    if not (types or countries or statuses or since is not None or min_confidence is not None):
        return lambda record: True          # no criterion: every record, whatever its topic

    def keep(ev: dict) -> bool:
        if not isinstance(ev, dict):
            return False
        if types and ev.get("type") not in types:
            return False
        if statuses and ev.get("status") not in statuses:
            return False
        if countries and not countries.intersection(ev.get("participants") or ()):
            return False
        if min_confidence is not None:
            c = ev.get("confidence")
            if not isinstance(c, (int, float)) or c < min_confidence:
                return False
        if since is not None:
            day = event_day(ev)
            if day is not None and day < since:
                return False
        return True

    return keep


TABLE_COLUMNS = (("date", 10), ("type", 11), ("status", 8), ("who", 17), ("where", 18), ("conf", 4),
                 ("event", 8), ("article", 0))


def table_header() -> str:
    return "  ".join(name.ljust(width) for name, width in TABLE_COLUMNS).rstrip()


def table_row(ev: dict) -> str:
    """One fixed-width line per event, for people (JSON lines stay the default for programs)."""
    if not isinstance(ev, dict) or "event_id" not in ev:
        return orjson.dumps(ev).decode()
    loc = ev.get("location") or {}
    who = f"{ev['actor']}->{ev['target']}" if ev.get("actor") else "+".join(ev.get("participants") or ())
    where = " ".join(x for x in (loc.get("country"), loc.get("place")) if x)
    conf = ev.get("confidence")
    cells = (ev.get("date") or "?", ev.get("type") or "", ev.get("status") or "", who, where,
             f"{conf:.2f}" if isinstance(conf, (int, float)) else "", ev["event_id"][:8],
             ((ev.get("article") or {}).get("id") or "") + (" [background]" if ev.get("background") else ""))
    out = []
    for (_, width), cell in zip(TABLE_COLUMNS, cells):
        cell = str(cell)
        if width and len(cell) > width:
            cell = cell[:width - 1] + "…"
        out.append(cell.ljust(width))
    return "  ".join(out).rstrip()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The filter and format options of `streams subscribe`."""
    g = parser.add_argument_group("filters (events.diplomatic records; all given must hold)")
    g.add_argument("--type", action="append", metavar="TYPE[,TYPE]",
                   help="visit, meeting, call, agreement, negotiation")
    g.add_argument("--country", action="append", type=country_code, metavar="CODE",
                   help="a participant (alpha-3 code, name or organisation acronym); repeat for any of several")
    g.add_argument("--since", type=iso_day, metavar="YYYY-MM-DD",
                   help="events on or after this day (undated: by the article's publication day)")
    g.add_argument("--status", action="append", metavar="STATUS", help="occurred or planned")
    g.add_argument("--min-confidence", type=float, metavar="X", help="confidence at least X (0..1)")
    parser.add_argument("--format", choices=("json", "table"), default="json",
                        help="json: one JSON object per line (default); table: aligned columns for people")


def view(args) -> tuple[Callable[[dict], bool], Callable[[object], str], str | None]:
    """(keep, render, header) for the parsed arguments."""
    keep = make_filter(_split(args.type), set(args.country or ()), args.since, _split(args.status),
                       args.min_confidence)
    if args.format == "table":
        return keep, table_row, table_header()
    return keep, lambda obj: orjson.dumps(obj).decode(), None


def tombstone_view(key: bytes | str | None) -> dict:
    """A null record as `streams subscribe` prints it: the key, and on events.diplomatic the
    retracted mention's event and article (streams/contract.py)."""
    from .contract import split_key

    text = key.decode("utf-8", "replace") if isinstance(key, (bytes, bytearray)) else key
    out = {"_key": text, "_tombstone": True}
    try:
        out["event_id"], out["article_id"] = split_key(text or "")
    except ValueError:
        pass                               # another topic's key, or a key of no known shape
    return out
