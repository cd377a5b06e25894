# syntax=docker/dockerfile:1
# The diplo-streams worker image: `streams worker` by default, any `streams` subcommand otherwise
# (`docker run IMAGE publish -`, `... subscribe`, `... evaluate`).

# --- build: wheels for the package and every dependency (compilers stay in this stage) ---
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pyproject.toml README.md ./
COPY streams ./streams
RUN pip wheel --wheel-dir /wheels .

# --- runtime: no compilers, non-root, read-only friendly ---
FROM python:3.11-slim
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STREAMS_WEB_PORT=6066 \
    STREAMS_DATADIR=/var/lib/diplo-streams \
    FTLANG_CACHE=/tmp/fasttext-langdetect
RUN --mount=type=bind,from=build,source=/wheels,target=/wheels \
    pip install --no-index --find-links=/wheels diplo-streams \
 && groupadd --system --gid 10001 streams \
 && useradd --system --uid 10001 --gid streams --home-dir /var/lib/diplo-streams --create-home streams
WORKDIR /app
COPY --chown=root:root streams/examples/ /app/examples/
USER 10001:10001
EXPOSE 6066
# Liveness only (the event loop answers); readiness (/readyz) is for orchestrators that
# route or gate rollouts on it, not for restarting a worker that is rebalancing.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import os,urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/livez' % os.environ.get('STREAMS_WEB_PORT', '6066'), timeout=4)"]
# Exec form: the Python process gets SIGTERM directly and Faust drains, produces and commits.
STOPSIGNAL SIGTERM
ENTRYPOINT ["streams"]
CMD ["worker"]
