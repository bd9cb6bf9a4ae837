"""The bench's HTTP client: JSON POSTs over kept-alive HTTP/1.1 connections, on asyncio streams.

The bench's client shares the machine's two cores with what it measures, so it must cost little:
httpx spent 2.4 CPU ms a request here, more than intake itself (1.6), and halved the throughput
measured through HTTP (docs/benchmark.md). This client does only what the bench needs of intake:
a POST with a JSON body, a response framed by `Content-Length`.
"""

import asyncio
import json
from typing import Any
from urllib.parse import urlsplit


class HttpError(RuntimeError):
    """A response the client cannot read (no `Content-Length`, a closed connection)."""


class _Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

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
        return status, content

    @property
    def closed(self) -> bool:
        return self.writer.is_closing()

    def close(self) -> None:
        self.writer.close()


class JsonPoster:
    """POSTs JSON to one server over at most `max_connections` kept-alive connections, opened
    when first needed and reused by the next request."""

    def __init__(self, base_url: str, *, max_connections: int, timeout_s: float) -> None:
        parts = urlsplit(base_url)
        if parts.scheme != "http" or parts.hostname is None:
            msg = f"an http:// URL is needed, not {base_url!r}"
            raise ValueError(msg)
        self._host = parts.hostname
        self._port = parts.port or 80
        self._timeout_s = timeout_s
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
            connection = self._idle.pop() if self._idle else await self._connect()
            try:
                status, content = await asyncio.wait_for(
                    connection.post(head, body), self._timeout_s
                )
            except BaseException:
                connection.close()  # its state is unknown: never reused
                raise
            if not connection.closed:
                self._idle.append(connection)
        return status, json.loads(content) if content else None

    async def _connect(self) -> _Connection:
        reader, writer = await asyncio.open_connection(self._host, self._port)
        return _Connection(reader, writer)

    async def close(self) -> None:
        while self._idle:
            connection = self._idle.pop()
            connection.close()
            await connection.writer.wait_closed()
