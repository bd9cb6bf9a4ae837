"""The bench's HTTP client against a small HTTP/1.1 server in the test's own event loop."""

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from aiguillage.bench.httpclient import HttpError, JsonPoster

Answer = Callable[[bytes], bytes]
Serve = Callable[[Answer], Awaitable[tuple["Server", str]]]


def accepted(body: bytes) -> bytes:
    content = json.dumps({"echo": json.loads(body)}).encode()
    return b"HTTP/1.1 202 Accepted\r\nContent-Length: %d\r\n\r\n%s" % (len(content), content)


class Server:
    """Answers each request with `answer(body)`; counts connections and requests."""

    def __init__(self, answer: Answer) -> None:
        self.answer = answer
        self.connections = 0
        self.requests: list[tuple[bytes, bytes]] = []

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        while request_line := await reader.readline():
            length = 0
            while (line := await reader.readline()) != b"\r\n":
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            body = await reader.readexactly(length)
            self.requests.append((request_line, body))
            writer.write(self.answer(body))
            await writer.drain()
        writer.close()


@pytest.fixture
async def serve() -> AsyncIterator[Serve]:
    servers: list[asyncio.Server] = []

    async def start(answer: Answer) -> tuple[Server, str]:
        server = Server(answer)
        listening = await asyncio.start_server(server.handle, "127.0.0.1", 0)
        servers.append(listening)
        port = listening.sockets[0].getsockname()[1]
        return server, f"http://127.0.0.1:{port}"

    yield start
    for listening in servers:
        listening.close()


async def test_posts_json_and_reuses_its_connections(serve: Serve) -> None:
    server, url = await serve(accepted)
    poster = JsonPoster(url, max_connections=2, timeout_s=5)
    answers = await asyncio.gather(*(poster.post("/reports", {"n": n}) for n in range(10)))
    await poster.close()
    assert answers == [(202, {"echo": {"n": n}}) for n in range(10)]
    assert {line.split()[1] for line, _ in server.requests} == {b"/reports"}
    assert server.connections == 2  # at most max_connections, kept alive between requests


async def test_a_response_without_content_length_is_an_error(serve: Serve) -> None:
    answers = iter([b"HTTP/1.1 200 OK\r\n\r\n"])
    server, url = await serve(lambda body: next(answers, None) or accepted(body))
    poster = JsonPoster(url, max_connections=1, timeout_s=5)
    with pytest.raises(HttpError, match="without Content-Length"):
        await poster.post("/reports", {})
    # The broken connection is dropped, not handed to the next request.
    assert await poster.post("/reports", {"n": 1}) == (202, {"echo": {"n": 1}})
    await poster.close()
    assert server.connections == 2


async def test_connection_close_opens_a_new_connection(serve: Serve) -> None:
    def close_after(body: bytes) -> bytes:
        return accepted(body).replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n", 1)

    server, url = await serve(close_after)
    poster = JsonPoster(url, max_connections=1, timeout_s=5)
    for n in range(3):
        assert await poster.post("/reports", {"n": n}) == (202, {"echo": {"n": n}})
    await poster.close()
    assert server.connections == 3


def test_only_http_urls() -> None:
    with pytest.raises(ValueError, match="http://"):
        JsonPoster("https://example.org", max_connections=1, timeout_s=1)


async def test_a_connection_idle_too_long_is_not_reused(serve: Serve) -> None:
    server, url = await serve(accepted)
    poster = JsonPoster(url, max_connections=1, timeout_s=5, max_idle_s=0.2)
    await poster.post("/reports", {"n": 1})
    await poster.post("/reports", {"n": 2})
    assert server.connections == 1
    await asyncio.sleep(0.3)
    await poster.post("/reports", {"n": 3})
    await poster.close()
    assert server.connections == 2
