"""The docker compose path, checked without a Docker engine.

`docker-compose.yml` is validated against the Compose Specification JSON schema, which comes from
an installed package (check-jsonschema vendors it), then against the project's own rules: which
services exist, how they depend on each other, their health checks, their environment, and that
the image built from `deploy/Dockerfile` runs what the services are told to run. The monitoring
files under `deploy/` are checked too: Prometheus scrapes what compose runs, on the ports the
services listen on, and the Grafana dashboard queries only metrics and labels the services export
(read from `aiguillage.shared.metrics` and faststream's Prometheus middleware, not copied here).
"""

from __future__ import annotations

import copy
import fnmatch
import importlib.resources
import json
import os
import re
import subprocess
import sys
import threading
import tomllib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml  # type: ignore[import-untyped,unused-ignore]
from faststream.prometheus.container import MetricsContainer
from jsonschema.validators import validator_for  # type: ignore[import-untyped,unused-ignore]
from prometheus_client import CollectorRegistry
from prometheus_client.metrics import MetricWrapperBase
from pydantic import BaseModel

import aiguillage.shared.metrics as shared_metrics
from aiguillage.dispatch.settings import DispatchSettings
from aiguillage.intake.settings import IntakeSettings
from aiguillage.shared.settings import ServiceSettings
from aiguillage.triage.settings import TriageSettings

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "deploy" / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
DEPLOY = ROOT / "deploy"
PROMETHEUS_CONFIG = DEPLOY / "prometheus" / "prometheus.yml"
GRAFANA_DATASOURCES = DEPLOY / "grafana" / "provisioning" / "datasources"
GRAFANA_DASHBOARD_PROVIDERS = DEPLOY / "grafana" / "provisioning" / "dashboards"
DASHBOARD_FILE = DEPLOY / "grafana" / "dashboards" / "aiguillage.json"

# Where the Compose Specification schema is read from: the dev dependency `check-jsonschema`
# ships it (from the compose-spec project, via SchemaStore) as package data.
SCHEMA_DISTRIBUTION = "check-jsonschema"
SCHEMA_PACKAGE = "check_jsonschema.builtin_schemas.vendor"
SCHEMA_RESOURCE = "compose-spec.json"

APP_SERVICES = {"intake": 8000, "triage": 8001, "dispatch": 8002}
INFRA_SERVICES = {"kafka", "mongo"}
MONITORING_SERVICES = {"prometheus": 9090, "grafana": 3000}

# The environment the services are configured with in compose (see the settings module).
SERVICE_SETTINGS: dict[str, type[BaseModel]] = {
    "intake": IntakeSettings,
    "triage": TriageSettings,
    "dispatch": DispatchSettings,
}
KNOWN_ENV = {
    "AIGUILLAGE_KAFKA__BOOTSTRAP_SERVERS",
    "AIGUILLAGE_KAFKA__ENABLE_IDEMPOTENCE",
    "AIGUILLAGE_KAFKA__PARTITIONS",
    "AIGUILLAGE_MONGO__URL",
    "AIGUILLAGE_MONGO__DATABASE",
    "AIGUILLAGE_LOG_FORMAT",
    "AIGUILLAGE_HTTP_PORT",
    "AIGUILLAGE_HTTP_HOST",
    "AIGUILLAGE_RATE_LIMIT_PER_MINUTE",
    "AIGUILLAGE_RATE_LIMIT_BURST",
}

# Neither the services' image (python:3.11-slim) nor the Kafka and MongoDB images have these.
HEALTH_CHECK_TOOLS_NOT_IN_IMAGES = ("curl", "wget", "nc ")


# --------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------


def _load_compose_schema() -> dict[str, Any]:
    try:
        files = importlib.resources.files(SCHEMA_PACKAGE)
    except ModuleNotFoundError:
        files = None
    if files is None:
        # Fail, never skip: without the schema the compose file would go unchecked.
        pytest.fail(
            f"The Compose Specification schema comes from the {SCHEMA_DISTRIBUTION!r} package "
            f"({SCHEMA_PACKAGE}/{SCHEMA_RESOURCE}), which is not installed. It belongs to the "
            "dev dependency group: run `uv sync` (plain) in the workspace.",
            pytrace=False,
        )
    resource = files.joinpath(SCHEMA_RESOURCE)
    if not resource.is_file():
        pytest.fail(
            f"{SCHEMA_DISTRIBUTION} is installed but ships no {SCHEMA_RESOURCE} under "
            f"{SCHEMA_PACKAGE}: the vendored schemas moved; update this test.",
            pytrace=False,
        )
    schema: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return schema


@pytest.fixture(scope="module")
def compose_schema() -> dict[str, Any]:
    return _load_compose_schema()


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    assert COMPOSE_FILE.is_file(), f"{COMPOSE_FILE} is missing"
    # safe_load resolves YAML anchors, aliases and merge keys (<<) as Compose does.
    document = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    result: dict[str, dict[str, Any]] = compose["services"]
    return result


def _schema_errors(schema: dict[str, Any], document: Any) -> list[str]:
    validator_cls = validator_for(schema)
    validator = validator_cls(schema)
    return [
        f"{error.json_path}: {error.message}"
        for error in sorted(validator.iter_errors(document), key=lambda e: e.json_path)
    ]


def _environment(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment", {})
    if isinstance(env, list):
        return dict(item.split("=", 1) if "=" in item else (item, "") for item in env)
    return {key: "" if value is None else str(value) for key, value in env.items()}


def _depends_on(service: dict[str, Any]) -> dict[str, dict[str, Any]]:
    deps = service.get("depends_on", {})
    if isinstance(deps, list):
        return {name: {"condition": "service_started"} for name in deps}
    return dict(deps)


def _healthcheck_command(healthcheck: dict[str, Any]) -> list[str]:
    test = healthcheck["test"]
    if isinstance(test, str):
        return ["CMD-SHELL", test]
    return list(test)


# --------------------------------------------------------------------------------------------
# The Compose Specification
# --------------------------------------------------------------------------------------------


def test_the_schema_is_the_compose_specification(compose_schema: dict[str, Any]) -> None:
    assert compose_schema.get("title") == "Compose Specification"
    assert "services" in compose_schema["properties"]
    validator_for(compose_schema).check_schema(compose_schema)


def test_compose_file_is_valid_against_the_compose_specification(
    compose_schema: dict[str, Any], compose: dict[str, Any]
) -> None:
    errors = _schema_errors(compose_schema, compose)
    assert not errors, "docker-compose.yml breaks the Compose Specification:\n" + "\n".join(errors)


@pytest.mark.parametrize(
    ("where", "key", "value"),
    [
        (("services", "triage"), "replica", 2),  # a misspelt attribute
        (("services", "triage", "depends_on", "kafka"), "condition", "service_helthy"),
        (("services", "kafka", "healthcheck"), "start_perid", "30s"),
    ],
)
def test_the_schema_rejects_what_compose_would_reject(
    compose_schema: dict[str, Any],
    compose: dict[str, Any],
    where: tuple[str, ...],
    key: str,
    value: Any,
) -> None:
    """The validation above is only worth something if the schema is strict."""
    broken = copy.deepcopy(compose)
    node = broken
    for part in where:
        node = node[part]
    node[key] = value
    assert _schema_errors(compose_schema, broken)


# --------------------------------------------------------------------------------------------
# Services, dependencies, health checks
# --------------------------------------------------------------------------------------------


def test_the_services_are_the_stack(services: dict[str, dict[str, Any]]) -> None:
    assert set(services) == INFRA_SERVICES | set(APP_SERVICES) | set(MONITORING_SERVICES)


def test_every_dependency_is_a_defined_service_and_infra_must_be_healthy(
    services: dict[str, dict[str, Any]],
) -> None:
    for name, service in services.items():
        for dependency, spec in _depends_on(service).items():
            assert dependency in services, f"{name} depends on undefined service {dependency!r}"
            assert dependency != name, f"{name} depends on itself"
            if dependency in INFRA_SERVICES:
                assert spec.get("condition") == "service_healthy", (
                    f"{name} must wait for {dependency} with condition service_healthy"
                )


@pytest.mark.parametrize("name", sorted(APP_SERVICES))
def test_every_application_service_waits_for_kafka_and_mongo(
    services: dict[str, dict[str, Any]], name: str
) -> None:
    assert set(_depends_on(services[name])) >= INFRA_SERVICES


def test_every_service_has_a_health_check(services: dict[str, dict[str, Any]]) -> None:
    for name, service in services.items():
        healthcheck = service.get("healthcheck")
        assert healthcheck, f"{name} has no healthcheck"
        assert not healthcheck.get("disable"), f"{name} disables its healthcheck"
        command = _healthcheck_command(healthcheck)
        assert command[0] in {"CMD", "CMD-SHELL"}, f"{name}: healthcheck test must run a command"
        assert len(command) > 1
        joined = " ".join(command)
        if name in INFRA_SERVICES or name in APP_SERVICES:
            for tool in HEALTH_CHECK_TOOLS_NOT_IN_IMAGES:
                assert tool not in joined, f"{name}: {tool.strip()!r} is not in the image"
        for duration in ("interval", "timeout", "start_period"):
            assert re.fullmatch(r"\d+(ms|s|m)", str(healthcheck.get(duration, ""))), (
                f"{name}: healthcheck {duration} should be set"
            )


def test_kafka_health_check_uses_the_images_own_scripts(
    services: dict[str, dict[str, Any]],
) -> None:
    command = _healthcheck_command(services["kafka"]["healthcheck"])
    assert command[0] == "CMD"
    assert command[1].startswith("/opt/kafka/bin/")
    assert "--bootstrap-server" in command


def test_mongo_health_check_initiates_the_replica_set_and_waits_for_primary(
    services: dict[str, dict[str, Any]],
) -> None:
    mongo = services["mongo"]
    command = _healthcheck_command(mongo["healthcheck"])
    assert command[:2] == ["CMD", "mongosh"]
    script = command[-1]
    assert "rs.initiate(" in script
    assert "isWritablePrimary" in script or "PRIMARY" in script
    assert "$" not in script, "a $ in the script would be interpolated by compose"
    # The member host in the replica set config is what the services' URL names.
    replica_set = _argument(mongo["command"], "--replSet")
    assert f"_id: '{replica_set}'" in script
    url = urlsplit(_environment(services["intake"])["AIGUILLAGE_MONGO__URL"])
    assert f"host: '{url.netloc}'" in script


# --------------------------------------------------------------------------------------------
# The application services
# --------------------------------------------------------------------------------------------


def test_triage_runs_two_replicas_and_dispatch_one(services: dict[str, dict[str, Any]]) -> None:
    assert int(services["triage"]["deploy"]["replicas"]) == 2
    assert int(services["dispatch"].get("deploy", {}).get("replicas", 1)) == 1
    # A replicated service cannot have a fixed container name or a fixed host port.
    assert "container_name" not in services["triage"]
    assert "ports" not in services["triage"]


def test_only_intake_publishes_a_port(services: dict[str, dict[str, Any]]) -> None:
    assert services["intake"]["ports"] == [f"{APP_SERVICES['intake']}:{APP_SERVICES['intake']}"]
    for name in ("triage", "dispatch"):
        assert "ports" not in services[name], f"{name} must not publish a port"


@pytest.mark.parametrize("name", sorted(APP_SERVICES))
def test_application_services_share_one_image_and_run_gracefully(
    services: dict[str, dict[str, Any]], name: str
) -> None:
    service = services[name]
    assert service["image"] == services["intake"]["image"]
    assert service["build"] == {"context": ".", "dockerfile": "deploy/Dockerfile"}
    assert service.get("restart") in {"always", "unless-stopped", "on-failure"}
    assert "stop_grace_period" in service
    assert _environment(service)["AIGUILLAGE_HTTP_PORT"] == str(APP_SERVICES[name])


def test_infra_services_restart_and_stop_gracefully(services: dict[str, dict[str, Any]]) -> None:
    for name in INFRA_SERVICES:
        assert services[name].get("restart") in {"always", "unless-stopped"}
        assert "stop_grace_period" in services[name]


def test_environment_names_are_the_settings_the_services_read(
    services: dict[str, dict[str, Any]],
) -> None:
    for name in APP_SERVICES:
        env = _environment(services[name])
        aiguillage_env = {key for key in env if key.startswith("AIGUILLAGE_")}
        assert aiguillage_env == set(env), f"{name} sets variables the services do not read"
        unknown = aiguillage_env - KNOWN_ENV
        assert not unknown, f"{name} sets unknown variables: {sorted(unknown)}"
        for key in aiguillage_env:
            assert _settings_field_exists(key, SERVICE_SETTINGS[name]), (
                f"{key} is no field of {SERVICE_SETTINGS[name].__name__}"
            )


@pytest.mark.parametrize("name", sorted(APP_SERVICES))
def test_the_settings_accept_the_compose_environment(
    services: dict[str, dict[str, Any]], name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key in list(os.environ):
        if key.startswith("AIGUILLAGE_"):
            monkeypatch.delenv(key)
    env = _environment(services[name])
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    settings = ServiceSettings()
    assert settings.http_port == APP_SERVICES[name]
    assert settings.http_host == "0.0.0.0"
    assert settings.log_format == "json"
    assert settings.kafka.enable_idempotence is True
    assert settings.kafka.partitions == 4
    assert settings.mongo.database == "aiguillage"
    assert "replicaSet=" in settings.mongo.url


def test_the_services_reach_kafka_where_it_advertises_itself(
    services: dict[str, dict[str, Any]],
) -> None:
    kafka_env = _environment(services["kafka"])
    advertised = {
        listener.split("://", 1)[1]
        for listener in kafka_env["KAFKA_ADVERTISED_LISTENERS"].split(",")
    }
    for name in APP_SERVICES:
        bootstrap = _environment(services[name])["AIGUILLAGE_KAFKA__BOOTSTRAP_SERVERS"]
        assert set(bootstrap.split(",")) <= advertised


def test_the_services_name_the_replica_set_mongo_runs(
    services: dict[str, dict[str, Any]],
) -> None:
    replica_set = _argument(services["mongo"]["command"], "--replSet")
    for name in APP_SERVICES:
        url = urlsplit(_environment(services[name])["AIGUILLAGE_MONGO__URL"])
        assert url.scheme == "mongodb"
        assert url.hostname == "mongo"
        assert f"replicaSet={replica_set}" in url.query.split("&")


# --------------------------------------------------------------------------------------------
# Kafka and MongoDB
# --------------------------------------------------------------------------------------------


def test_infra_images_are_official_and_pinned(services: dict[str, dict[str, Any]]) -> None:
    kafka_image = services["kafka"]["image"]
    assert re.fullmatch(r"apache/kafka:\d+\.\d+\.\d+", kafka_image), kafka_image
    mongo_image = services["mongo"]["image"]
    assert re.fullmatch(r"mongo:\d+(\.\d+)*", mongo_image), mongo_image


def test_kafka_is_a_single_node_kraft_broker_and_controller(
    services: dict[str, dict[str, Any]],
) -> None:
    env = _environment(services["kafka"])
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    node_id = env["KAFKA_NODE_ID"]
    controller = env["KAFKA_CONTROLLER_LISTENER_NAMES"]
    voters = env["KAFKA_CONTROLLER_QUORUM_VOTERS"].split(",")
    assert len(voters) == 1
    voter_id, voter_address = voters[0].split("@")
    assert voter_id == node_id
    listeners = dict(listener.split("://", 1) for listener in env["KAFKA_LISTENERS"].split(","))
    assert controller in listeners
    assert voter_address.rsplit(":", 1)[1] == listeners[controller].rsplit(":", 1)[1]
    protocol_map = dict(
        item.split(":") for item in env["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"].split(",")
    )
    assert set(listeners) <= set(protocol_map)
    assert env["CLUSTER_ID"]
    assert env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"
    assert env["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"] == "1"
    assert env["KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"] == "1"


def test_data_lives_in_named_volumes(
    compose: dict[str, Any], services: dict[str, dict[str, Any]]
) -> None:
    declared = set(compose.get("volumes") or {})
    used: set[str] = set()
    for name, service in services.items():
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0] if isinstance(volume, str) else volume["source"]
            if not source.startswith((".", "/")):
                assert source in declared, f"{name} uses undeclared volume {source!r}"
                used.add(source)
    assert used == declared
    kafka_mounts = {v.split(":")[1] for v in services["kafka"]["volumes"]}
    assert _environment(services["kafka"])["KAFKA_LOG_DIRS"] in kafka_mounts
    assert any(v.split(":")[1] == "/data/db" for v in services["mongo"]["volumes"])


# --------------------------------------------------------------------------------------------
# The Dockerfile
# --------------------------------------------------------------------------------------------


def _dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    instructions: list[tuple[str, str]] = []
    pending = ""
    for raw in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if pending and line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        full = (pending + line).strip()
        pending = ""
        keyword, _, arguments = full.partition(" ")
        instructions.append((keyword.upper(), arguments.strip()))
    assert not pending, "the Dockerfile ends on a continuation line"
    return instructions


def _exec_form(arguments: str) -> list[str]:
    value = json.loads(arguments)
    assert isinstance(value, list), f"not exec (JSON) form: {arguments}"
    assert all(isinstance(item, str) for item in value)
    return value


def _last(instructions: list[tuple[str, str]], keyword: str) -> str:
    found = [arguments for kw, arguments in instructions if kw == keyword]
    assert found, f"the Dockerfile has no {keyword}"
    return found[-1]


def _argument(command: list[str] | str, flag: str) -> str:
    parts = command.split() if isinstance(command, str) else command
    return parts[parts.index(flag) + 1]


@pytest.fixture(scope="module")
def dockerfile() -> list[tuple[str, str]]:
    assert DOCKERFILE.is_file(), f"{DOCKERFILE} is missing"
    return _dockerfile_instructions()


def test_the_image_is_python_311_slim_with_uv(dockerfile: list[tuple[str, str]]) -> None:
    froms = [arguments for kw, arguments in dockerfile if kw == "FROM"]
    assert froms == ["python:3.11-slim"]
    runs = [arguments for kw, arguments in dockerfile if kw == "RUN"]
    assert any(re.search(r"\bpip install\b.*\buv\b", run) for run in runs)
    syncs = [run for run in runs if "uv sync" in run]
    assert syncs, "the image never runs uv sync"
    assert all("--frozen" in run and "--no-dev" in run for run in syncs)
    # The last sync installs the workspace members too.
    assert "--no-install-workspace" not in syncs[-1]


def test_the_image_copies_the_whole_workspace(dockerfile: list[tuple[str, str]]) -> None:
    copied: set[str] = set()
    for keyword, arguments in dockerfile:
        if keyword == "COPY":
            sources = [part for part in arguments.split() if not part.startswith("--")][:-1]
            copied.update(source.rstrip("/") for source in sources)
    for needed in ("pyproject.toml", "uv.lock", "README.md", "src", "shared", "services"):
        assert needed in copied, f"the Dockerfile does not copy {needed}"
    for source in copied:
        assert (ROOT / source).exists(), f"the Dockerfile copies {source}, which does not exist"


def test_the_image_runs_as_a_non_root_user_with_the_venv_on_path(
    dockerfile: list[tuple[str, str]],
) -> None:
    user = _last(dockerfile, "USER").split(":")[0]
    assert user not in {"root", "0"}
    env = " ".join(arguments for kw, arguments in dockerfile if kw == "ENV")
    assert re.search(r"PATH=\"?/app/\.venv/bin:", env)
    assert re.search(r"UV_PROJECT_ENVIRONMENT=/app/\.venv\b", env)
    assert _last(dockerfile, "WORKDIR") == "/app"


def test_compose_commands_are_aiguillage_serve_service(
    dockerfile: list[tuple[str, str]], services: dict[str, dict[str, Any]]
) -> None:
    entrypoint = _exec_form(_last(dockerfile, "ENTRYPOINT"))
    default_command = _exec_form(_last(dockerfile, "CMD"))
    assert entrypoint + default_command == ["aiguillage", "serve", "intake"]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    assert entrypoint[0] in scripts, "the entrypoint is not a console script of the project"
    for name in APP_SERVICES:
        service = services[name]
        command = service["command"]
        command = command.split() if isinstance(command, str) else command
        effective = list(service.get("entrypoint", entrypoint)) + list(command)
        assert effective == ["aiguillage", "serve", name]


def test_dockerignore_keeps_the_context_small_but_complete() -> None:
    assert DOCKERIGNORE.is_file(), f"{DOCKERIGNORE} is missing"
    patterns = [
        line.strip().rstrip("/")
        for line in DOCKERIGNORE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert not any(p.startswith("!") for p in patterns), "negations make this check unreliable"

    def ignored(path: str) -> bool:
        parts = path.split("/")
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        return any(
            fnmatch.fnmatch(prefix, pattern.removeprefix("**/"))
            or fnmatch.fnmatch(prefix, pattern)
            or (pattern.startswith("**/") and fnmatch.fnmatch(part, pattern[3:]))
            for pattern in patterns
            for prefix, part in zip(prefixes, parts, strict=True)
        )

    for path in (".venv", ".git", ".data", "tests", ".pytest_cache", ".mypy_cache", ".ruff_cache"):
        assert ignored(path), f".dockerignore does not exclude {path}"
    assert ignored("shared/src/aiguillage/shared/__pycache__")
    for path in (
        "pyproject.toml",
        "uv.lock",
        "README.md",
        "src/aiguillage/cli/__init__.py",
        "shared/pyproject.toml",
        "shared/src/aiguillage/shared/settings.py",
        "services/intake/pyproject.toml",
        "services/dispatch/src/aiguillage/dispatch/__init__.py",
    ):
        assert not ignored(path), f".dockerignore excludes {path}, which the image needs"


# --------------------------------------------------------------------------------------------
# The HTTP health check commands, run for real against a stub server on loopback
# --------------------------------------------------------------------------------------------


class _HealthHandler(BaseHTTPRequestHandler):
    status_code = 200

    def do_GET(self) -> None:
        code = self.status_code if self.path == "/health" else 404
        body = b'{"status": "ok"}' if code == 200 else b'{"status": "unavailable"}'
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@pytest.fixture
def health_server() -> Iterator[tuple[ThreadingHTTPServer, type[_HealthHandler]]]:
    handler = type("Handler", (_HealthHandler,), {"status_code": 200})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, handler
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _run_python_check(command: list[str], port: int | None) -> int:
    assert command[:2] == ["python", "-c"], command
    env = {key: value for key, value in os.environ.items() if key != "AIGUILLAGE_HTTP_PORT"}
    if port is not None:
        env["AIGUILLAGE_HTTP_PORT"] = str(port)
    result = subprocess.run(
        [sys.executable, "-c", command[2]], env=env, capture_output=True, timeout=30, check=False
    )
    return result.returncode


def _python_health_checks(
    dockerfile: list[tuple[str, str]], services: dict[str, dict[str, Any]]
) -> dict[str, list[str]]:
    healthcheck = _last(dockerfile, "HEALTHCHECK")
    command = _exec_form(healthcheck[healthcheck.index("CMD ") + len("CMD ") :])
    checks = {"Dockerfile HEALTHCHECK": command}
    for name in APP_SERVICES:
        checks[f"compose {name}"] = _healthcheck_command(services[name]["healthcheck"])[1:]
    return checks


def test_health_checks_pass_on_200_and_fail_on_503_or_no_server(
    dockerfile: list[tuple[str, str]],
    services: dict[str, dict[str, Any]],
    health_server: tuple[ThreadingHTTPServer, type[_HealthHandler]],
) -> None:
    server, handler = health_server
    port = server.server_address[1]
    for label, command in _python_health_checks(dockerfile, services).items():
        handler.status_code = 200
        assert _run_python_check(command, port) == 0, f"{label} fails against a healthy service"
        handler.status_code = 503
        assert _run_python_check(command, port) != 0, f"{label} passes on 503"
    server.shutdown()
    server.server_close()
    for label, command in _python_health_checks(dockerfile, services).items():
        assert _run_python_check(command, port) != 0, f"{label} passes with nothing listening"


def _settings_field_exists(variable: str, settings: type[BaseModel]) -> bool:
    path = variable.removeprefix("AIGUILLAGE_").lower().split("__")
    model: type[BaseModel] = settings
    for depth, part in enumerate(path):
        field = model.model_fields.get(part)
        if field is None:
            return False
        if depth < len(path) - 1:
            annotation = field.annotation
            if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
                return False
            model = annotation
    return True


# --------------------------------------------------------------------------------------------
# Monitoring: Prometheus and Grafana
# --------------------------------------------------------------------------------------------

SCRAPE_INTERVAL = "5s"
DASHBOARD_UID = "aiguillage"


def _container_port(service: dict[str, Any]) -> int:
    """The container side of the service's only published port."""
    (mapping,) = service["ports"]
    return int(str(mapping).rsplit(":", 1)[1].split("/")[0])


def _bind_mounts(service: dict[str, Any]) -> dict[str, str]:
    """Container path -> host path (relative to the repository) of the service's bind mounts."""
    mounts: dict[str, str] = {}
    for volume in service.get("volumes", []):
        if isinstance(volume, str):
            source, target = volume.split(":")[:2]
        else:
            source, target = volume["source"], volume["target"]
        if source.startswith((".", "/")):
            mounts[target.rstrip("/")] = source
    return mounts


def _host_path(service: dict[str, Any], container_path: str) -> Path:
    """The file in the repository that `container_path` shows inside the service's container."""
    for target, source in sorted(_bind_mounts(service).items(), key=lambda item: -len(item[0])):
        if container_path == target or container_path.startswith(target + "/"):
            return (ROOT / source / container_path[len(target) :].lstrip("/")).resolve()
    pytest.fail(f"{container_path} is mounted from no file of the repository", pytrace=False)


def _load_yaml(path: Path) -> Any:
    assert path.is_file(), f"{path} is missing"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def prometheus_config() -> dict[str, Any]:
    config = _load_yaml(PROMETHEUS_CONFIG)
    assert isinstance(config, dict)
    return config


@pytest.fixture(scope="module")
def dashboard() -> dict[str, Any]:
    assert DASHBOARD_FILE.is_file(), f"{DASHBOARD_FILE} is missing"
    document = json.loads(DASHBOARD_FILE.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


@pytest.fixture(scope="module")
def datasources() -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for path in sorted(GRAFANA_DATASOURCES.glob("*.y*ml")):
        document = _load_yaml(path)
        assert document.get("apiVersion") == 1, f"{path}: apiVersion must be 1"
        found.extend(document.get("datasources", []))
    assert found, f"no data source is provisioned under {GRAFANA_DATASOURCES}"
    return found


def test_prometheus_and_grafana_images_are_official_and_pinned(
    services: dict[str, dict[str, Any]],
) -> None:
    prometheus_image = services["prometheus"]["image"]
    assert re.fullmatch(r"prom/prometheus:v\d+\.\d+\.\d+", prometheus_image), prometheus_image
    grafana_image = services["grafana"]["image"]
    assert re.fullmatch(r"grafana/grafana:\d+\.\d+\.\d+", grafana_image), grafana_image


def test_monitoring_services_wait_for_what_they_watch(
    services: dict[str, dict[str, Any]],
) -> None:
    # Prometheus starts with the services, healthy or not: it is what shows a failing one.
    prometheus_deps = _depends_on(services["prometheus"])
    assert set(prometheus_deps) == set(APP_SERVICES)
    for name, spec in prometheus_deps.items():
        assert spec.get("condition") in {"service_started", "service_healthy"}, name
    # Grafana needs its data source answering.
    assert _depends_on(services["grafana"]) == {"prometheus": {"condition": "service_healthy"}}
    for name in MONITORING_SERVICES:
        assert services[name].get("restart") in {"always", "unless-stopped"}
        assert "stop_grace_period" in services[name]


def test_monitoring_services_publish_their_ui_ports(services: dict[str, dict[str, Any]]) -> None:
    for name, port in MONITORING_SERVICES.items():
        assert services[name]["ports"] == [f"{port}:{port}"], name


def test_prometheus_health_check_uses_promtool_on_its_own_port(
    services: dict[str, dict[str, Any]],
) -> None:
    command = _healthcheck_command(services["prometheus"]["healthcheck"])
    assert command[:2] == ["CMD", "/bin/promtool"]
    assert command[2:4] in (["check", "ready"], ["check", "healthy"])
    urls = [arg.split("=", 1)[1] for arg in command if arg.startswith("--url=")]
    if urls:
        url = urlsplit(urls[0])
        assert url.hostname in {"127.0.0.1", "localhost"}
        assert url.port == MONITORING_SERVICES["prometheus"]
    else:  # promtool's default
        assert MONITORING_SERVICES["prometheus"] == 9090


def test_grafana_health_check_asks_its_health_api(services: dict[str, dict[str, Any]]) -> None:
    command = _healthcheck_command(services["grafana"]["healthcheck"])
    assert command[0] == "CMD"
    # Grafana's image installs curl (Alpine and Ubuntu variants); --fail makes a 5xx fail it.
    assert command[1] == "curl"
    assert "--fail" in command or "-f" in command
    url = urlsplit(command[-1])
    assert url.hostname in {"127.0.0.1", "localhost"}
    assert url.port == MONITORING_SERVICES["grafana"]
    assert url.path == "/api/health"


def test_every_file_mounted_from_the_repository_exists(
    services: dict[str, dict[str, Any]],
) -> None:
    for name, service in services.items():
        for target, source in _bind_mounts(service).items():
            assert source.startswith("./deploy/"), f"{name} mounts {source}, outside ./deploy"
            path = ROOT / source
            assert path.exists(), f"{name} mounts {source} at {target}, which does not exist"
            if path.is_dir():
                assert any(path.iterdir()), f"{name} mounts the empty directory {source}"


def test_grafana_is_anonymous_viewer_and_mounts_its_provisioning(
    services: dict[str, dict[str, Any]],
) -> None:
    grafana = services["grafana"]
    env = _environment(grafana)
    assert env["GF_AUTH_ANONYMOUS_ENABLED"] == "true"
    assert env["GF_AUTH_ANONYMOUS_ORG_ROLE"] == "Viewer"
    mounts = _bind_mounts(grafana)
    assert (
        mounts["/etc/grafana/provisioning/datasources"]
        == "./deploy/grafana/provisioning/datasources"
    )
    assert (
        mounts["/etc/grafana/provisioning/dashboards"] == "./deploy/grafana/provisioning/dashboards"
    )
    for mount in mounts:
        assert mount.startswith("/etc/grafana/"), f"{mount}: keep /var/lib/grafana for its data"
    home = env.get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH")
    if home:
        assert _host_path(grafana, home) == DASHBOARD_FILE.resolve()
    assert _bind_mounts(services["prometheus"]) == {
        "/etc/prometheus/prometheus.yml": "./deploy/prometheus/prometheus.yml"
    }
    command = services["prometheus"]["command"]
    assert "--config.file=/etc/prometheus/prometheus.yml" in command


def test_the_dashboard_provider_loads_the_mounted_dashboard(
    services: dict[str, dict[str, Any]],
) -> None:
    providers: list[dict[str, Any]] = []
    for path in sorted(GRAFANA_DASHBOARD_PROVIDERS.glob("*.y*ml")):
        document = _load_yaml(path)
        assert document.get("apiVersion") == 1, f"{path}: apiVersion must be 1"
        providers.extend(document.get("providers", []))
    assert len(providers) == 1, providers
    (provider,) = providers
    assert provider.get("type", "file") == "file"
    folder = _host_path(services["grafana"], provider["options"]["path"])
    assert folder == DASHBOARD_FILE.parent.resolve()
    assert sorted(p.name for p in folder.glob("*.json")) == [DASHBOARD_FILE.name]


# ---- Prometheus scrape configuration ------------------------------------------------------


def _duration_seconds(duration: str) -> float:
    units = {"ms": 0.001, "s": 1, "m": 60, "h": 3600}
    match = re.fullmatch(r"(\d+)(ms|s|m|h)", duration)
    assert match, f"not a simple Prometheus duration: {duration!r}"
    return int(match.group(1)) * units[match.group(2)]


def _scrape_targets(job: dict[str, Any]) -> list[tuple[str, int, str]]:
    """(host, port, how) for every target of a scrape job, static or discovered by DNS."""
    targets: list[tuple[str, int, str]] = []
    for static in job.get("static_configs", []):
        for target in static["targets"]:
            host, port = target.rsplit(":", 1)
            targets.append((host, int(port), "static"))
    for dns in job.get("dns_sd_configs", []):
        assert dns.get("type") == "A", (
            f"{job['job_name']}: compose's DNS answers A records (one a replica), not SRV"
        )
        targets.extend((name, int(dns["port"]), "dns") for name in dns["names"])
    return targets


def test_prometheus_scrapes_every_service_every_5_seconds(
    prometheus_config: dict[str, Any], services: dict[str, dict[str, Any]]
) -> None:
    global_config = prometheus_config.get("global", {})
    jobs = prometheus_config["scrape_configs"]
    names = [job["job_name"] for job in jobs]
    assert len(names) == len(set(names)), "duplicate job names"
    assert set(names) == set(APP_SERVICES), "one job a service, named after it"
    for job in jobs:
        interval = job.get("scrape_interval", global_config.get("scrape_interval"))
        timeout = job.get("scrape_timeout", global_config.get("scrape_timeout", "10s"))
        assert interval == SCRAPE_INTERVAL, f"{job['job_name']} scrapes every {interval}"
        assert _duration_seconds(timeout) <= _duration_seconds(interval), (
            f"{job['job_name']}: Prometheus refuses a scrape_timeout above the scrape_interval"
        )
        assert job.get("metrics_path", "/metrics") == "/metrics"
        assert job.get("scheme", "http") == "http"
        targets = _scrape_targets(job)
        assert targets, f"{job['job_name']} has no target"
        for host, port, _how in targets:
            assert host == job["job_name"], f"{job['job_name']} scrapes {host}"
            assert host in services, f"{job['job_name']} scrapes {host}, no compose service"
            assert str(port) == _environment(services[host])["AIGUILLAGE_HTTP_PORT"], (
                f"{job['job_name']} scrapes port {port}, not {host}'s AIGUILLAGE_HTTP_PORT"
            )


def test_replicated_services_are_discovered_one_target_a_replica(
    prometheus_config: dict[str, Any], services: dict[str, dict[str, Any]]
) -> None:
    """`triage:8001` as a static target would reach one replica a scrape, whichever DNS gives."""
    for job in prometheus_config["scrape_configs"]:
        service = services[job["job_name"]]
        if int(service.get("deploy", {}).get("replicas", 1)) > 1:
            kinds = {how for _host, _port, how in _scrape_targets(job)}
            assert kinds == {"dns"}, f"{job['job_name']} runs replicas: discover them by DNS"


# ---- Grafana data source and dashboard ----------------------------------------------------


def test_the_datasource_is_the_compose_prometheus(
    datasources: list[dict[str, Any]], services: dict[str, dict[str, Any]]
) -> None:
    (datasource,) = datasources
    assert datasource["type"] == "prometheus"
    assert datasource.get("access", "proxy") == "proxy"
    assert datasource["uid"]
    url = urlsplit(datasource["url"])
    assert url.hostname in services
    assert url.port == _container_port(services[url.hostname])
    interval = datasource.get("jsonData", {}).get("timeInterval")
    assert interval in (None, SCRAPE_INTERVAL)


def _panels(dashboard: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for panel in dashboard.get("panels", []):
        yield panel
        yield from panel.get("panels", [])  # inside collapsed rows


def _queries(dashboard: dict[str, Any]) -> list[tuple[str, str]]:
    """(panel title, PromQL expression) for every query of the dashboard."""
    return [
        (panel.get("title", "?"), target["expr"])
        for panel in _panels(dashboard)
        for target in panel.get("targets", [])
        if "expr" in target
    ]


def test_the_dashboard_is_a_grafana_dashboard(dashboard: dict[str, Any]) -> None:
    assert dashboard["uid"] == DASHBOARD_UID
    assert dashboard["title"] == "Aiguillage"
    assert isinstance(dashboard["schemaVersion"], int)
    assert dashboard["schemaVersion"] >= 36
    assert "id" not in dashboard or dashboard["id"] is None, "a provisioned dashboard has no id"
    ids = [panel["id"] for panel in _panels(dashboard)]
    assert len(ids) == len(set(ids)), "panel ids must be unique"
    for panel in _panels(dashboard):
        grid = panel["gridPos"]
        assert grid["x"] >= 0, panel["title"]
        assert grid["x"] + grid["w"] <= 24, panel["title"]
        if panel["type"] != "row":
            assert panel.get("targets"), f"panel {panel['title']!r} has no query"
    titles = " | ".join(panel["title"].lower() for panel in _panels(dashboard))
    for expected in ("submitted", "refused", "latency", "consumed", "published", "backlog"):
        assert expected in titles, f"no panel about {expected}"
    for expected in ("redrives", "triaged", "dispatched", "retries", "dead letters", "in process"):
        assert expected in titles, f"no panel about {expected}"


def test_the_dashboard_queries_the_provisioned_datasource(
    dashboard: dict[str, Any], datasources: list[dict[str, Any]]
) -> None:
    (datasource,) = datasources
    expected = {"type": "prometheus", "uid": datasource["uid"]}
    for panel in _panels(dashboard):
        if panel["type"] == "row":
            continue
        assert panel.get("datasource") == expected, f"panel {panel['title']!r}"
        for target in panel["targets"]:
            assert target.get("datasource", expected) == expected, f"panel {panel['title']!r}"


# ---- PromQL: metric and label names -------------------------------------------------------

# What PromQL itself names: aggregations, functions, keywords. An identifier outside these is a
# metric name (or a label name, in a grouping or matcher).
PROMQL_AGGREGATIONS = {
    "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values",
    "bottomk", "topk", "quantile", "limitk", "limit_ratio",
}  # fmt: skip
PROMQL_FUNCTIONS = {
    "abs", "absent", "absent_over_time", "ceil", "changes", "clamp", "clamp_max", "clamp_min",
    "delta", "deriv", "exp", "floor", "histogram_quantile", "idelta", "increase", "irate",
    "label_replace", "label_join", "ln", "log2", "log10", "predict_linear", "rate", "resets",
    "round", "scalar", "sort", "sort_desc", "sqrt", "time", "timestamp", "vector",
    "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time",
    "last_over_time", "quantile_over_time", "stddev_over_time", "present_over_time",
}  # fmt: skip
PROMQL_GROUPING = {"by", "without", "on", "ignoring", "group_left", "group_right"}
PROMQL_KEYWORDS = {"bool", "offset", "and", "or", "unless", "inf", "nan"}
RATE_FUNCTIONS = {"rate", "irate", "increase"}
# Series Prometheus adds itself for every target; the dashboard shows which replicas are up.
PROMETHEUS_SERIES: dict[str, frozenset[str]] = {"up": frozenset()}
TARGET_LABELS = frozenset({"job", "instance"})

_TOKEN = re.compile(
    r"""(?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')"""
    r"|(?P<matchers>\{[^}]*\})"
    r"|(?P<range>\[[^\]]*\])"
    r"|(?P<name>[A-Za-z_:][A-Za-z0-9_:]*)"
    r"|(?P<number>\d+(?:\.\d+)?(?:e[+-]?\d+)?)"
    r"|(?P<punct>[(),]|[^\s\w])"
    r"|(?P<space>\s+)"
)
_MATCHER = re.compile(r"""\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*"(?:[^"\\]|\\.)*"\s*,?""")


class Series:
    """A sample name the services export: its labels, and whether rate() applies to it."""

    def __init__(self, labels: frozenset[str], *, counter: bool) -> None:
        self.labels = labels
        self.counter = counter


def _collector_series(collector: MetricWrapperBase) -> dict[str, Series]:
    """The sample names a prometheus_client collector exposes, with their labels."""
    (family,) = collector.describe()
    labels = frozenset(collector._labelnames)
    name = family.name
    if family.type == "counter":
        return {f"{name}_total": Series(labels, counter=True)}
    if family.type == "gauge":
        return {name: Series(labels, counter=False)}
    if family.type == "histogram":
        return {
            f"{name}_bucket": Series(labels | {"le"}, counter=True),
            f"{name}_sum": Series(labels, counter=True),
            f"{name}_count": Series(labels, counter=True),
        }
    if family.type == "summary":
        return {
            name: Series(labels | {"quantile"}, counter=False),
            f"{name}_sum": Series(labels, counter=True),
            f"{name}_count": Series(labels, counter=True),
        }
    pytest.fail(f"{name}: unexpected metric type {family.type}", pytrace=False)


@pytest.fixture(scope="module")
def exported_series() -> dict[str, Series]:
    """Every sample name the services serve at /metrics: the pipeline's own metrics, defined in
    aiguillage.shared.metrics, and those of faststream's Prometheus middleware, built here in a
    registry of their own from faststream's MetricsContainer."""
    collectors = [
        value for value in vars(shared_metrics).values() if isinstance(value, MetricWrapperBase)
    ]
    container = MetricsContainer(CollectorRegistry(), custom_label_names=())
    collectors += [
        getattr(container, slot)
        for slot in MetricsContainer.__slots__
        if isinstance(getattr(container, slot, None), MetricWrapperBase)
    ]
    series: dict[str, Series] = {}
    for collector in collectors:
        series.update(_collector_series(collector))
    assert "aiguillage_reports_submitted_total" in series
    assert "faststream_received_messages_total" in series
    for name, labels in PROMETHEUS_SERIES.items():
        series[name] = Series(labels, counter=False)
    return series


class Selector:
    def __init__(self, metric: str, matchers: list[str], ranged: bool, in_rate: bool) -> None:
        self.metric = metric
        self.matchers = matchers
        self.ranged = ranged
        self.in_rate = in_rate


def _parse_promql(expr: str) -> tuple[list[Selector], list[str]]:
    """The selectors of a PromQL expression and the label names it groups by.

    A small tokenizer, enough for dashboards: strings and `{...}`/`[...]` are single tokens, an
    identifier followed by `(` is a function, one after by/without/on/ignoring lists labels.
    """
    tokens = [
        (match.lastgroup or "", match.group())
        for match in _TOKEN.finditer(expr)
        if match.lastgroup != "space"
    ]
    selectors: list[Selector] = []
    grouping: list[str] = []
    calls: list[str] = []  # the function or aggregation each open parenthesis belongs to
    index = 0
    while index < len(tokens):
        kind, text = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else ("", "")
        if kind == "punct" and text == "(":
            calls.append("")
        elif kind == "punct" and text == ")":
            assert calls, f"unbalanced parentheses in {expr!r}"
            calls.pop()
        elif kind == "name" and text in PROMQL_GROUPING:
            assert following[1] == "(", f"{text} without a label list in {expr!r}"
            index += 2
            while tokens[index][1] != ")":
                label_kind, label = tokens[index]
                if label_kind == "name":
                    grouping.append(label)
                index += 1
        elif kind == "name" and text in PROMQL_AGGREGATIONS and following[1] in PROMQL_GROUPING:
            pass  # `sum by (...) (...)`: the grouping comes first
        elif kind == "name" and following[1] == "(":
            known = text in PROMQL_AGGREGATIONS or text in PROMQL_FUNCTIONS
            assert known, f"unknown PromQL function {text!r} in {expr!r}"
            calls.append(text)
            index += 1
        elif kind == "name" and text.lower() in PROMQL_KEYWORDS:
            pass
        elif kind == "name" or kind == "matchers":
            metric = text if kind == "name" else ""
            matchers: list[str] = []
            if kind == "name" and following[0] == "matchers":
                index += 1
                kind, text = tokens[index]
            if kind == "matchers":
                body = text[1:-1]
                parsed = _MATCHER.findall(body)
                rebuilt = "".join(m.group() for m in _MATCHER.finditer(body))
                assert rebuilt.strip() == body.strip(), f"unparsed matchers {text} in {expr!r}"
                for label, _op in parsed:
                    if label == "__name__":
                        pytest.fail(f"select metrics by name, not __name__: {expr!r}")
                    matchers.append(label)
            ranged = index + 1 < len(tokens) and tokens[index + 1][0] == "range"
            if ranged:
                index += 1
            assert metric, f"a selector without a metric name in {expr!r}"
            in_rate = any(call in RATE_FUNCTIONS for call in calls[-1:])
            selectors.append(Selector(metric, matchers, ranged, in_rate))
        elif kind == "range":
            pytest.fail(f"a range {text} follows no selector in {expr!r}")
        index += 1
    assert not calls, f"unbalanced parentheses in {expr!r}"
    return selectors, grouping


def test_the_promql_parser_finds_metrics_and_labels() -> None:
    selectors, grouping = _parse_promql(
        'histogram_quantile(0.95, sum by (le, route) (rate(x_bucket{route!~"/a|/b"}[5m])))'
    )
    assert [(s.metric, s.matchers, s.ranged, s.in_rate) for s in selectors] == [
        ("x_bucket", ["route"], True, True)
    ]
    assert grouping == ["le", "route"]
    selectors, grouping = _parse_promql(
        "sum by (app_name) (faststream_received_messages_in_process)"
    )
    assert [s.metric for s in selectors] == ["faststream_received_messages_in_process"]
    assert not selectors[0].in_rate
    assert grouping == ["app_name"]
    with pytest.raises(AssertionError, match="unknown PromQL function 'ratee'"):
        _parse_promql("sum(ratee(x_total[5m]))")
    with pytest.raises(AssertionError, match="unbalanced"):
        _parse_promql("sum(rate(x_total[5m])")


def test_every_dashboard_query_names_exported_metrics_and_labels(
    dashboard: dict[str, Any], exported_series: dict[str, Series]
) -> None:
    queries = _queries(dashboard)
    assert queries, "the dashboard has no query"
    used: set[str] = set()
    for title, expr in queries:
        selectors, grouping = _parse_promql(expr)
        assert selectors, f"{title!r}: no metric in {expr!r}"
        for selector in selectors:
            series = exported_series.get(selector.metric)
            assert series is not None, (
                f"{title!r}: {selector.metric} is not exported by the services: {expr!r}"
            )
            used.add(selector.metric)
            known_labels = series.labels | TARGET_LABELS
            unknown = set(selector.matchers) - known_labels
            assert not unknown, f"{title!r}: {selector.metric} has no label {sorted(unknown)}"
            unknown = set(grouping) - known_labels
            assert not unknown, f"{title!r}: {selector.metric} has no label {sorted(unknown)}"
            if selector.in_rate:
                assert selector.ranged, f"{title!r}: rate() needs a range: {expr!r}"
                assert series.counter, f"{title!r}: rate() of {selector.metric}, not a counter"
            elif selector.ranged:
                pytest.fail(f"{title!r}: a range vector outside rate(): {expr!r}")
        if "histogram_quantile(" in expr:
            assert "le" in grouping, f"{title!r}: histogram_quantile needs `by (le, ...)`"
            assert all(s.metric.endswith("_bucket") for s in selectors), title
    # Every metric of the pipeline is on the dashboard (a histogram through its buckets).
    pipeline = {
        re.sub(r"_(bucket|sum|count)$", "", name)
        for name in exported_series
        if name.startswith("aiguillage_")
    }
    missing = {name for name in pipeline if name not in used and f"{name}_bucket" not in used}
    assert not missing, f"metrics the dashboard does not show: {sorted(missing)}"
