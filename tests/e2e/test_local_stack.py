"""`aiguillage up` (what `make run` starts without Docker): up, a report through, Ctrl-C."""

import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from aiguillage.localstack.servers import free_port, port_in_use
from tests.integration.test_intake_api import EXAMPLE_1

pytestmark = pytest.mark.e2e


def test_up_runs_the_stack_and_ctrl_c_stops_it(tmp_path: Path) -> None:
    kafka_port, mongo_port = free_port(), free_port()
    # `up` puts the triage and dispatch health ports right after intake's.
    intake_port = next(
        p for p in iter(free_port, None) if not any(port_in_use(p + i) for i in (1, 2))
    )
    output = (tmp_path / "up.log").open("wb")
    up = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "aiguillage.cli",
            "up",
            "--data-dir",
            str(tmp_path / "data"),
            "--kafka-port",
            str(kafka_port),
            "--mongo-port",
            str(mongo_port),
            "--intake-port",
            str(intake_port),
            "--log-format",
            "json",
        ],
        stdout=output,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{intake_port}"
    try:
        _wait_until(lambda: _healthy(url), 90, up, tmp_path / "up.log")
        accepted = httpx.post(f"{url}/reports", json=EXAMPLE_1, timeout=10).json()
        headers = {"Authorization": f"Bearer {accepted['tracking_token']}"}
        view: dict[str, Any] = {}

        def dispatched() -> bool:
            # A refused connection means the stack went down: the next round reports its log.
            try:
                response = httpx.get(f"{url}/reports/{accepted['id']}", headers=headers)
            except httpx.TransportError:
                return False
            view.update(response.json())
            return bool(view["status"] == "dispatched")

        _wait_until(dispatched, 30, up, tmp_path / "up.log")
        assert set(view["destinations"]) == {"analysts", "police", "ofmin"}
    finally:
        up.send_signal(signal.SIGINT)
        code = up.wait(timeout=60)
        output.close()
    log = (tmp_path / "up.log").read_text()
    assert code == 0, log[-3_000:]
    assert "aiguillage up | stopped" in log
    # Every service printed its lines, prefixed with its name, and the report's id shows in each.
    for name in ("intake", "triage-1", "dispatch-1"):
        assert any(line.startswith(name) and accepted["id"] in line for line in log.splitlines())
    assert not any(port_in_use(p) for p in (kafka_port, mongo_port, intake_port))


def _healthy(url: str) -> bool:
    try:
        return httpx.get(f"{url}/health", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def _wait_until(
    check: Callable[[], bool], timeout_s: float, up: subprocess.Popen[bytes], log: Path
) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if up.poll() is not None:
            pytest.fail(f"aiguillage up exited with {up.returncode}: {log.read_text()[-3_000:]}")
        if check():
            return
        time.sleep(0.3)
    pytest.fail(f"timed out; log: {log.read_text()[-3_000:]}")
