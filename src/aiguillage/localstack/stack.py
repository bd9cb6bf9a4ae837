"""`aiguillage up`: the whole stack on this machine, logs multiplexed on the terminal, Ctrl-C stops
it in order (services first, so they finish and commit; then the broker and the database)."""

import os
import signal
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from aiguillage.localstack.servers import (
    LocalServer,
    ServerError,
    mongo_url,
    port_in_use,
    secantus,
    tansu,
)
from aiguillage.localstack.services import ServiceProcess
from aiguillage.shared.settings import local_overrides

COLOURS = {"intake": "\033[36m", "triage": "\033[35m", "dispatch": "\033[33m"}
RESET = "\033[0m"
GRACE_S = 25.0


@dataclass(frozen=True, kw_only=True)
class StackOptions:
    data_dir: Path
    kafka_port: int = 9092
    mongo_port: int = 27017
    intake_port: int = 8000
    triage_replicas: int = 1
    dispatch_replicas: int = 1
    log_format: str = "auto"


def run_stack(options: StackOptions, *, out: IO[str] = sys.stdout) -> int:
    tty = out.isatty()
    log_format = options.log_format
    if log_format == "auto":
        log_format = "console" if tty else "json"
    logs = options.data_dir / "logs"
    servers: list[LocalServer] = []
    services: list[ServiceProcess] = []
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    ports = _service_ports(options)
    busy = [f"{name} ({port})" for name, port in ports if port_in_use(port)]
    if busy:
        msg = f"ports already in use: {', '.join(busy)} (another stack running? see --intake-port)"
        raise ServerError(msg)
    try:
        say(out, f"starting Tansu (Kafka API) on 127.0.0.1:{options.kafka_port}")
        servers.append(tansu(port=options.kafka_port, log_path=logs / "tansu.log").start())
        say(out, f"starting SecantusDB (MongoDB API) on 127.0.0.1:{options.mongo_port}")
        servers.append(
            secantus(
                port=options.mongo_port,
                storage_path=options.data_dir / "mongo",
                log_path=logs / "secantusdb.log",
            ).start()
        )
        base_env = {
            **os.environ,
            **local_overrides(
                bootstrap_servers=f"127.0.0.1:{options.kafka_port}",
                mongo_url=mongo_url(options.mongo_port),
            ),
            "AIGUILLAGE_LOG_FORMAT": log_format,
            # A development stack fed by `aiguillage produce`: far above one citizen's pace.
            "AIGUILLAGE_RATE_LIMIT_PER_MINUTE": "6000",
            "AIGUILLAGE_RATE_LIMIT_BURST": "1000",
            "PYTHONUNBUFFERED": "1",
        }
        for name, port in ports:
            env = {**base_env, "AIGUILLAGE_HTTP_PORT": str(port)}
            services.append(ServiceProcess(name=name, env=env).start())
        lock = threading.Lock()
        for service in services:
            threading.Thread(target=_pump, args=(service, out, lock, tty), daemon=True).start()
        say(
            out,
            f"intake API: http://127.0.0.1:{options.intake_port} (docs at /docs); "
            "Ctrl-C stops everything",
        )
        while not stop.wait(0.5):
            if any(not s.running() for s in services):
                failed = [s.name for s in services if not s.running()]
                say(out, f"service exited unexpectedly: {', '.join(failed)}; stopping the stack")
                return 1
        return 0
    finally:
        say(out, "stopping the services")
        for service in services:
            service.terminate()
        for service in services:
            service.wait(GRACE_S)
        say(out, "stopping the broker and the database")
        for server in reversed(servers):
            server.stop()
        say(out, "stopped")


def _service_ports(options: StackOptions) -> list[tuple[str, int]]:
    """Intake on its port; the health ports of triage and dispatch replicas right after it
    (8001, 8003, … and 8002, 8004, … for the default 8000)."""
    base = options.intake_port
    ports = [("intake", base)]
    ports += [(f"triage-{i + 1}", base + 1 + 2 * i) for i in range(options.triage_replicas)]
    ports += [(f"dispatch-{i + 1}", base + 2 + 2 * i) for i in range(options.dispatch_replicas)]
    return ports


def _pump(service: ServiceProcess, out: IO[str], lock: threading.Lock, tty: bool) -> None:
    assert service.process is not None
    assert service.process.stdout is not None
    colour = COLOURS.get(service.service, "") if tty else ""
    prefix = f"{colour}{service.name:<10}|{RESET if colour else ''} "
    for raw in service.process.stdout:
        line = raw.decode("utf-8", "replace").rstrip("\n")
        with lock:
            out.write(prefix + line + "\n")
            out.flush()


def say(out: IO[str], message: str) -> None:
    out.write(f"aiguillage up | {message}\n")
    out.flush()
