"""The three services as separate processes, on the session's servers, for end-to-end tests."""

import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from aiguillage.localstack.servers import free_port
from aiguillage.localstack.services import SERVICES, ServiceProcess


@dataclass(kw_only=True)
class Stack:
    url: str
    logs: Path
    processes: dict[str, ServiceProcess]
    ports: dict[str, int]  # each service's HTTP port (/health, /metrics)

    def log(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text()

    def kill_and_restart(self, name: str) -> None:
        """SIGKILL, as a crash would, then start it again (its log continues)."""
        old = self.processes[name]
        old.kill()
        self.processes[name] = _start(name, old.env, self.logs)

    def stop(self) -> dict[str, int | None]:
        for process in self.processes.values():
            process.terminate()
        return {name: p.wait(30) for name, p in self.processes.items()}


def start_stack(env: dict[str, str], logs: Path) -> Stack:
    ports = {name: free_port() for name in SERVICES}
    processes = {}
    for name in SERVICES:
        service_env = {**os.environ, **env, "AIGUILLAGE_HTTP_PORT": str(ports[name])}
        processes[name] = _start(name, service_env, logs)
    stack = Stack(
        url=f"http://127.0.0.1:{ports['intake']}", logs=logs, processes=processes, ports=ports
    )
    try:
        _wait_healthy(stack)
    except BaseException:
        # A service that failed to start leaves the others running: stop them with the test.
        stack.stop()
        raise
    return stack


def assert_clean_stop(stack: Stack) -> None:
    codes = stack.stop()
    # uvicorn re-raises the SIGTERM it handled once shut down, so -15 is a clean stop too,
    # provided the shutdown completed.
    assert set(codes.values()) <= {0, -signal.SIGTERM}, f"unclean exits: {codes}"
    for name in SERVICES:
        assert "Application shutdown complete." in stack.log(name)


def _start(name: str, env: dict[str, str], logs: Path) -> ServiceProcess:
    return ServiceProcess(name=name, env=env).start(output=(logs / f"{name}.log").open("ab"))


def _wait_healthy(stack: Stack) -> None:
    """Until every service answers /health: a test that stops the stack sooner would stop a
    service still starting (triage reads its vocabularies and weights for seconds)."""
    deadline = time.monotonic() + 90
    waiting = dict(stack.ports)
    while time.monotonic() < deadline:
        dead = [name for name, p in stack.processes.items() if not p.running()]
        if dead:
            pytest.fail(
                f"services exited at start-up: { {n: stack.log(n)[-2_000:] for n in dead} }"
            )
        for name, port in list(waiting.items()):
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                    del waiting[name]
            except httpx.TransportError:
                pass
        if not waiting:
            return
        time.sleep(0.3)
    pytest.fail(f"never healthy: {', '.join(waiting)}")
