"""`streams report --db events.duckdb --out DIR`: one self-contained HTML page and its PNGs.

The pictures an analyst of event data expects, drawn with matplotlib (networkx for the
graph layouts): events per day by type, the most active pairs of states, states linked by
meetings, visits with their direction. Aggregation is plain Python over the sink's
`events` table (pure functions, unit-tested); the page embeds the PNGs as data URIs so it
can be mailed or opened offline, and the PNGs are written beside it.
Background mentions (recalled earlier visits and the like) are left out unless asked for.
"""
from __future__ import annotations

import base64
import datetime
import html
import io
import itertools
import os
from collections import Counter, defaultdict

import duckdb

TYPES = ("visit", "meeting", "call", "agreement", "negotiation")
COLORS = {"visit": "#1f77b4", "meeting": "#ff7f0e", "call": "#2ca02c", "agreement": "#d62728",
          "negotiation": "#9467bd"}


def load_events(db_path: str, include_background: bool = False) -> list[dict]:
    """The sink's events as dicts (day = the event's date, else its article's publication day)."""
    con = duckdb.connect(db_path, read_only=True)
    try:
        where = "" if include_background else "WHERE NOT coalesce(e.background, false)"
        cur = con.execute(
            "SELECT event_id, type, status, participants, actor, target, country, place, "
            "coalesce(date, try_cast(substr(e.published_at, 1, 10) AS DATE)) AS day, confidence, e.background, "
            "coalesce(m.n, 0) AS n_mentions FROM events e "
            "LEFT JOIN (SELECT event_id, count(*) AS n FROM mentions GROUP BY event_id) m USING (event_id) "
            f"{where} ORDER BY day NULLS LAST, e.event_id")
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]
    finally:
        con.close()


def per_day_by_type(events: list[dict]) -> dict[datetime.date, Counter]:
    """day -> Counter(type); events without a day are not on the time line."""
    out: dict[datetime.date, Counter] = defaultdict(Counter)
    for e in events:
        if e["day"] is not None:
            out[e["day"]][e["type"]] += 1
    return dict(sorted(out.items()))


def _states(e: dict) -> list[str]:
    return sorted(set(e["participants"] or ()))


def pair_counts(events: list[dict]) -> Counter:
    """(A, B) with A < B -> events in which both take part (an event of three gives three pairs)."""
    c: Counter = Counter()
    for e in events:
        for a, b in itertools.combinations(_states(e), 2):
            c[(a, b)] += 1
    return c


def meeting_edges(events: list[dict]) -> Counter:
    """Undirected links of states that met (meetings; calls and visits are drawn elsewhere)."""
    return pair_counts([e for e in events if e["type"] == "meeting"])


def visit_edges(events: list[dict]) -> Counter:
    """(visitor, host) -> number of visits."""
    return Counter((e["actor"], e["target"]) for e in events
                   if e["type"] == "visit" and e["actor"] and e["target"])


# --- pictures -------------------------------------------------------------------------------

def _figure(width=9.0, height=4.5):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=(width, height), dpi=100)


def _png(fig) -> bytes:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def _empty(ax, text: str) -> None:
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, color="#666")
    ax.set_axis_off()


def plot_per_day(series: dict[datetime.date, Counter]) -> bytes:
    import matplotlib.dates as mdates

    fig, ax = _figure()
    if not series:
        _empty(ax, "no dated events")
        return _png(fig)
    days = list(series)
    bottom = [0] * len(days)
    for t in TYPES:
        counts = [series[d][t] for d in days]
        if any(counts):
            ax.bar(days, counts, bottom=bottom, label=t, color=COLORS[t], width=0.8)
            bottom = [b + c for b, c in zip(bottom, counts)]
    ax.set_ylabel("events")
    ax.set_title("Events per day by type")
    ax.legend(frameon=False, ncols=5, loc="upper center", bbox_to_anchor=(0.5, -0.12), fontsize="small")
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.yaxis.get_major_locator().set_params(integer=True)
    return _png(fig)


def plot_pairs(pairs: Counter, top: int = 15) -> bytes:
    most = pairs.most_common(top)
    fig, ax = _figure(7, max(2.5, 0.35 * len(most) + 1))
    if not most:
        _empty(ax, "no pairs")
        return _png(fig)
    labels = [f"{a} – {b}" for (a, b), _ in most][::-1]
    ax.barh(labels, [n for _, n in most][::-1], color="#4c72b0")
    ax.set_xlabel("events with both taking part")
    ax.set_title(f"Most active pairs of states (top {len(most)})")
    ax.xaxis.get_major_locator().set_params(integer=True)
    return _png(fig)


def _graph_figure(edges: Counter, directed: bool, title: str, empty: str) -> bytes:
    import networkx as nx

    fig, ax = _figure(7.5, 6.5)
    if not edges:
        _empty(ax, empty)
        return _png(fig)
    g = nx.DiGraph() if directed else nx.Graph()
    for (a, b), n in edges.items():
        g.add_edge(a, b, weight=n)
    pos = nx.spring_layout(g, seed=7, k=2.5 / max(1, len(g)) ** 0.5)
    strength = dict(g.degree(weight="weight"))
    nx.draw_networkx_nodes(g, pos, ax=ax, node_size=[300 + 120 * strength[n] for n in g], node_color="#dde6f3",
                           edgecolors="#4c72b0")
    nx.draw_networkx_labels(g, pos, ax=ax, font_size=8)
    widths = [1 + 1.5 * g[a][b]["weight"] for a, b in g.edges]
    if directed:
        nx.draw_networkx_edges(g, pos, ax=ax, width=widths, edge_color="#1f77b4", arrows=True, arrowstyle="-|>",
                               arrowsize=16, connectionstyle="arc3,rad=0.12", node_size=600)
    else:
        nx.draw_networkx_edges(g, pos, ax=ax, width=widths, edge_color="#ff7f0e", alpha=0.8)
    ax.set_title(title)
    ax.set_axis_off()
    return _png(fig)


def plot_meetings(edges: Counter) -> bytes:
    return _graph_figure(edges, False, "States linked by meetings (line width: number of meetings)",
                         "no meetings")


def plot_visits(edges: Counter) -> bytes:
    return _graph_figure(edges, True, "Visits: arrow from visitor to host (width: number of visits)",
                         "no visits")


# --- page -----------------------------------------------------------------------------------

PNGS = ("events_per_day.png", "top_pairs.png", "meetings_network.png", "visits_network.png")


def build_report(db_path: str, out_dir: str, include_background: bool = False) -> dict:
    """Write index.html and the PNGs into out_dir; returns paths and the headline numbers."""
    events = load_events(db_path, include_background)
    pairs = pair_counts(events)
    pictures = {
        "events_per_day.png": ("Events per day by type", plot_per_day(per_day_by_type(events))),
        "top_pairs.png": ("Most active pairs of states", plot_pairs(pairs)),
        "meetings_network.png": ("Meetings network", plot_meetings(meeting_edges(events))),
        "visits_network.png": ("Visits, with direction", plot_visits(visit_edges(events))),
    }
    os.makedirs(out_dir, exist_ok=True)
    for name, (_, png) in pictures.items():
        with open(os.path.join(out_dir, name), "wb") as f:
            f.write(png)
    page = render_html(events, pairs, pictures, db_path, include_background)
    index = os.path.join(out_dir, "index.html")
    with open(index, "w", encoding="utf-8") as f:
        f.write(page)
    return {"html": index, "pngs": [os.path.join(out_dir, n) for n in pictures], "events": len(events),
            "pairs": len(pairs)}


def render_html(events, pairs: Counter, pictures: dict, db_path: str, include_background: bool) -> str:
    e = html.escape
    by_type = Counter(ev["type"] for ev in events)
    days = [ev["day"] for ev in events if ev["day"] is not None]
    span = f"{min(days)} to {max(days)}" if days else "no dated events"
    figs = "\n".join(
        f'<figure><img alt="{e(title)}" src="data:image/png;base64,{base64.b64encode(png).decode()}">'
        f"<figcaption>{e(title)} ({e(name)})</figcaption></figure>"
        for name, (title, png) in pictures.items())
    pair_rows = "\n".join(f"<tr><td>{e(a)}</td><td>{e(b)}</td><td>{n}</td></tr>" for (a, b), n in pairs.most_common(15))
    latest = sorted((ev for ev in events if ev["day"] is not None), key=lambda ev: ev["day"], reverse=True)[:25]
    event_rows = "\n".join(
        "<tr>" + "".join(f"<td>{e(str(x))}</td>" for x in (
            ev["day"], ev["type"], ev["status"],
            f"{ev['actor']} → {ev['target']}" if ev["actor"] else " + ".join(ev["participants"]),
            " ".join(x for x in (ev["country"], ev["place"]) if x), f"{ev['confidence']:.2f}", ev["n_mentions"]))
        + "</tr>" for ev in latest)
    counts = " · ".join(f"{t}: {by_type[t]}" for t in TYPES if by_type[t])
    scope = "including" if include_background else "excluding"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Diplomatic events report</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1000px; color: #222; }}
figure {{ margin: 1.5em 0; }} img {{ max-width: 100%; }} figcaption {{ color: #555; font-size: 90%; }}
table {{ border-collapse: collapse; margin: 1em 0; }} td, th {{ border-bottom: 1px solid #ddd; padding: 3px 10px; text-align: left; }}
.muted {{ color: #666; }}
</style></head><body>
<h1>Diplomatic events</h1>
<p><strong id="n-events">{len(events)}</strong> events ({e(counts) or "none"}), {e(span)}.
<span class="muted">From {e(os.path.basename(db_path))}, {scope} background mentions;
generated {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC by streams report.</span></p>
{figs}
<h2>Most active pairs</h2>
<table id="pairs"><tr><th>state</th><th>state</th><th>events</th></tr>
{pair_rows}
</table>
<h2>Latest events</h2>
<table id="latest"><tr><th>day</th><th>type</th><th>status</th><th>who</th><th>where</th><th>confidence</th><th>articles</th></tr>
{event_rows}
</table>
</body></html>
"""


def add_parser(sub) -> None:
    from .cli import _examples

    r = sub.add_parser("report", help="HTML page and PNGs from the sink's DuckDB (events per day, pairs, networks)",
                       **_examples("streams report --db events.duckdb --out report/   # then open report/index.html",
                                   "streams report --db events.duckdb --out report/ --include-background"))
    r.add_argument("--db", default="events.duckdb")
    r.add_argument("--out", required=True, help="directory for index.html and the PNGs")
    r.add_argument("--include-background", action="store_true", help="also count background mentions")
    r.set_defaults(func=cmd_report)


def cmd_report(args) -> int:
    import sys

    if not os.path.exists(args.db):
        print(f"streams report: no such database: {args.db} (write it with `streams sink --to {args.db}`)",
              file=sys.stderr)
        return 2
    out = build_report(args.db, args.out, args.include_background)
    print(f"report: {out['html']} ({out['events']} events; PNGs beside it)")
    return 0
