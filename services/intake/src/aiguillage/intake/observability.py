"""Request metrics for intake: latency per route and status, and refused submissions."""

import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from aiguillage.shared.metrics import REFUSED, REQUEST_SECONDS


class RequestMetricsMiddleware:
    """Outermost, so that what the body limit refuses is counted too."""

    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def record_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self._app(scope, receive, record_status)
        finally:
            route = scope.get("route")
            # The route's template, not the path: report ids would make a series each.
            template = getattr(route, "path", "unmatched")
            REQUEST_SECONDS.labels(scope["method"], template, str(status)).observe(
                time.perf_counter() - started
            )
            if scope["method"] == "POST" and scope["path"] == "/reports" and status >= 400:
                REFUSED.labels(str(status)).inc()
