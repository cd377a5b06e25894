"""What the worker's HTTP port serves: /metrics, /livez, /readyz and nothing else.

Faust mounts its own pages next to ours (`/router/` shows the cluster layout, `/table/...`
reads table entries, i.e. dedup fingerprints with their URLs, `/` a status page) on the
same 0.0.0.0 port that Prometheus and the kubelet reach. Their blueprints are switched off
in `streams/app.py`; this middleware is the allow-list behind that, so a page a future
Faust version adds stays unreachable too.
"""
from __future__ import annotations

from aiohttp import web

SERVED = frozenset({"/metrics", "/livez", "/readyz"})


@web.middleware
async def only_served_paths(request: web.Request, handler):
    if request.path not in SERVED:
        raise web.HTTPNotFound(text="not found\n")
    return await handler(request)


# App(...) keyword arguments: Faust's optional pages off, the allow-list on.
FAUST_WEB_OPTIONS = dict(
    web_router_enabled=False,
    web_tables_enabled=False,
    web_graph_enabled=False,
    web_stats_enabled=False,
    web_metrics_enabled=False,
    web_application_options={"middlewares": [only_served_paths]},
)
