"""The three services as local processes, as `aiguillage up` and the end-to-end tests run them."""

import signal
import subprocess
import sys
from dataclasses import dataclass, field
from typing import IO

SERVICES = ("intake", "triage", "dispatch")


@dataclass(kw_only=True)
class ServiceProcess:
    """`python -m aiguillage.cli serve NAME` with its own environment."""

    name: str
    env: dict[str, str]
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def start(self, *, output: IO[bytes] | int = subprocess.PIPE) -> "ServiceProcess":
        self.process = subprocess.Popen(
            [sys.executable, "-m", "aiguillage.cli", "serve", self.service],
            env=self.env,
            stdout=output,
            stderr=subprocess.STDOUT,
            # Its own session: Ctrl-C reaches `aiguillage up`, which stops the services in order.
            start_new_session=True,
        )
        return self

    @property
    def service(self) -> str:
        return self.name.split("-")[0]

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def terminate(self) -> None:
        if self.running():
            assert self.process is not None
            self.process.send_signal(signal.SIGTERM)

    def wait(self, timeout_s: float) -> int | None:
        """Wait for the exit; kill past the timeout. Returns the exit code."""
        if self.process is None:
            return None
        try:
            return self.process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()

    def kill(self) -> None:
        if self.running():
            assert self.process is not None
            self.process.kill()
            self.process.wait()
