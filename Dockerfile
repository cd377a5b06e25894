# syntax=docker/dockerfile:1
# The diplo-streams worker image: `streams worker` by default, any `streams` subcommand otherwise
# (`docker run IMAGE publish -`, `... subscribe`, `... evaluate`).

# --- build: a virtualenv with the package and every dependency (compilers stay in this stage) ---
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# Only for the rare dependency without a wheel for this platform; Debian's current build tools.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential \
 && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
WORKDIR /src
COPY pyproject.toml README.md ./
COPY streams ./streams
RUN /opt/venv/bin/pip install . \
 && /opt/venv/bin/python -c "import streams.cli"

# --- runtime: no compilers, non-root, works with a read-only root filesystem ---
FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    STREAMS_WEB_PORT=6066 \
    STREAMS_DATADIR=/var/lib/diplo-streams \
    FTLANG_CACHE=/tmp/fasttext-langdetect
RUN groupadd --system --gid 10001 streams \
 && useradd --system --uid 10001 --gid streams --home-dir /var/lib/diplo-streams --create-home streams
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY streams/examples/ /app/examples/
USER 10001:10001
EXPOSE 6066
# Liveness only (the event loop answers); readiness (/readyz) is for orchestrators that gate
# rollouts on it, not a reason to restart a worker that is rebalancing.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import os,urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/livez' % os.environ.get('STREAMS_WEB_PORT', '6066'), timeout=4)"]
# Exec form: the Python process itself gets SIGTERM, and Faust drains, produces and commits.
STOPSIGNAL SIGTERM
ENTRYPOINT ["streams"]
CMD ["worker"]
