"""Refuse what is not a JSON report of reasonable size before anything parses it."""

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

JSON_TYPES = ("application/json",)


class BodyLimitMiddleware:
    """413 for a body over the limit (declared or streamed), 415 for a POST that is not JSON."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int) -> None:
        self._app = app
        self._max = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in {"POST", "PUT", "PATCH"}:
            await self._app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        content_type = headers.get(b"content-type", b"").decode("latin-1").split(";")[0].strip()
        if content_type.lower() not in JSON_TYPES:
            await _refuse(send, 415, "the body must be JSON (Content-Type: application/json)")
            return
        declared = headers.get(b"content-length")
        # The length test first: Python refuses to convert integers of thousands of digits.
        if declared is not None and (
            not declared.isdigit() or len(declared) > 18 or int(declared) > self._max
        ):
            await _refuse(send, 413, f"the body exceeds {self._max} bytes")
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self._max:
                raise _TooLargeError
            return message

        try:
            await self._app(scope, counting_receive, send)
        except _TooLargeError:
            await _refuse(send, 413, f"the body exceeds {self._max} bytes")


class _TooLargeError(Exception):
    pass


async def _refuse(send: Send, status: int, error: str) -> None:
    body = json.dumps({"error": error}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
