"""The bench's HTTP client: JSON POSTs over kept-alive HTTP/1.1 connections, on asyncio streams.

The bench's client shares the machine's two cores with what it measures, so it must cost little:
httpx spent 2.4 CPU ms a request here, more than intake itself (1.6), and halved the throughput
measured through HTTP (docs/benchmark.md). This client does only what the bench needs of intake:
a POST with a JSON body, a response framed by `Content-Length`.
"""

import asyncio
import json
import time
from typing import Any
from urllib.parse import urlsplit

# A kept-alive connection idle longer than this is not reused: the server may be closing it
# (uvicorn closes one idle for 5 s) and a POST sent on it would be lost in between.
MAX_IDLE_S = 2.0


class HttpError(RuntimeError):
    """A response the client cannot read (no `Content-Length`, a closed connection)."""


class _Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.last_used = time.monotonic()

    async def post(self, head: bytes, body: bytes) -> tuple[int, bytes]:
        self.writer.write(head + body)
        status_line = await self.reader.readline()
        if not status_line:
            msg = "the server closed the connection"
            raise HttpError(msg)
        status = int(status_line.split(b" ", 2)[1])
        length: int | None = None
        keep_alive = True
        while (line := await self.reader.readline()) not in {b"\r\n", b""}:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"connection" and value.strip().lower() == b"close":
                keep_alive = False
        if length is None:
            msg = f"response {status} without Content-Length"
            raise HttpError(msg)
        content = await self.reader.readexactly(length)
        if not keep_alive:
            self.close()
        self.last_used = time.monotonic()
        return status, content

    def reusable(self, max_idle_s: float) -> bool:
        idle_s = time.monotonic() - self.last_used
        return not (self.writer.is_closing() or self.reader.at_eof()) and idle_s < max_idle_s

    def close(self) -> None:
        self.writer.close()


class JsonPoster:
    """POSTs JSON to one server over at most `max_connections` kept-alive connections, opened
    when first needed and reused by the next request."""

    def __init__(
        self,
        base_url: str,
        *,
        max_connections: int,
        timeout_s: float,
        max_idle_s: float = MAX_IDLE_S,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme != "http" or parts.hostname is None:
            msg = f"an http:// URL is needed, not {base_url!r}"
            raise ValueError(msg)
        self._host = parts.hostname
        self._port = parts.port or 80
        self._timeout_s = timeout_s
        self._max_idle_s = max_idle_s
        self._slots = asyncio.Semaphore(max_connections)
        self._idle: list[_Connection] = []

    async def post(self, path: str, payload: Any) -> tuple[int, Any]:
        """The response's status and its decoded JSON body."""
        body = json.dumps(payload, separators=(",", ":")).encode()
        head = (
            f"POST {path} HTTP/1.1\r\nHost: {self._host}:{self._port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode()
        async with self._slots:
            connection = await self._take()
            try:
                status, content = await asyncio.wait_for(
                    connection.post(head, body), self._timeout_s
                )
            except BaseException:
                connection.close()  # its state is unknown: never reused
                raise
            if connection.reusable(self._max_idle_s):
                self._idle.append(connection)
            else:
                connection.close()
        return status, json.loads(content) if content else None

    async def _take(self) -> _Connection:
        """The most recently used idle connection that can still be used, else a new one."""
        while self._idle:
            connection = self._idle.pop()
            if connection.reusable(self._max_idle_s):
                return connection
            connection.close()
        reader, writer = await asyncio.open_connection(self._host, self._port)
        return _Connection(reader, writer)

    async def close(self) -> None:
        while self._idle:
            connection = self._idle.pop()
            connection.close()
            await connection.writer.wait_closed()
