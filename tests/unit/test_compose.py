"""The docker compose path, checked without a Docker engine.

`docker-compose.yml` is validated against the Compose Specification JSON schema, which comes from
an installed package (check-jsonschema vendors it), then against the project's own rules: which
services exist, how they depend on each other, their health checks, their environment, and that
the image built from `deploy/Dockerfile` runs what the services are told to run.
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
from jsonschema.validators import validator_for  # type: ignore[import-untyped,unused-ignore]
from pydantic import BaseModel

from aiguillage.shared.settings import ServiceSettings

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "deploy" / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"

# Where the Compose Specification schema is read from: the dev dependency `check-jsonschema`
# ships it (from the compose-spec project, via SchemaStore) as package data.
SCHEMA_DISTRIBUTION = "check-jsonschema"
SCHEMA_PACKAGE = "check_jsonschema.builtin_schemas.vendor"
SCHEMA_RESOURCE = "compose-spec.json"

APP_SERVICES = {"intake": 8000, "triage": 8001, "dispatch": 8002}
INFRA_SERVICES = {"kafka", "mongo"}

# The environment the services are configured with in compose (see the settings module).
KNOWN_ENV = {
    "AIGUILLAGE_KAFKA__BOOTSTRAP_SERVERS",
    "AIGUILLAGE_KAFKA__ENABLE_IDEMPOTENCE",
    "AIGUILLAGE_KAFKA__PARTITIONS",
    "AIGUILLAGE_MONGO__URL",
    "AIGUILLAGE_MONGO__DATABASE",
    "AIGUILLAGE_LOG_FORMAT",
    "AIGUILLAGE_HTTP_PORT",
    "AIGUILLAGE_HTTP_HOST",
}

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
    assert set(services) == INFRA_SERVICES | set(APP_SERVICES)


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
            assert _settings_field_exists(key), f"{key} is no field of ServiceSettings"


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


def _settings_field_exists(variable: str) -> bool:
    path = variable.removeprefix("AIGUILLAGE_").lower().split("__")
    model: type[BaseModel] = ServiceSettings
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
