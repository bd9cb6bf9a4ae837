"""The intake application: FastAPI wiring, start-up and shutdown, error shapes."""

import asyncio
import contextlib
from collections.abc import AsyncIterator

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from aiguillage.intake.dependencies import Resources
from aiguillage.intake.groupcommit import GroupCommit
from aiguillage.intake.limits import BodyLimitMiddleware
from aiguillage.intake.observability import RequestMetricsMiddleware
from aiguillage.intake.publishing import SubmissionPublisher
from aiguillage.intake.ratelimit import RateLimiter
from aiguillage.intake.routes import router
from aiguillage.intake.settings import IntakeSettings
from aiguillage.shared.credentials import ApiKeyStore
from aiguillage.shared.heap import freeze_startup_heap
from aiguillage.shared.kafka import make_broker
from aiguillage.shared.mongo import ReportStore, connect
from aiguillage.shared.outbox import Outbox
from aiguillage.shared.startup import prepare


def create_app(settings: IntakeSettings) -> FastAPI:
    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        client = connect(settings.mongo)
        store = ReportStore(client[settings.mongo.database], retention=settings.retention)
        broker = make_broker(settings.kafka, service="intake", description="Aiguillage intake")
        await prepare(settings, store=store, broker=broker)
        keys = ApiKeyStore(client[settings.mongo.database])
        await keys.ensure_indexes()
        publisher = SubmissionPublisher(
            broker=broker,
            outbox=Outbox(store),
            kafka=settings.kafka,
            timeout_s=settings.publish_timeout_s,
        )
        app.state.resources = Resources(
            settings=settings,
            store=store,
            submissions=GroupCommit(store.insert_submitted, max_items=settings.group_commit_max),
            keys=keys,
            broker=broker,
            publisher=publisher,
            limiter=RateLimiter(
                per_minute=settings.rate_limit_per_minute, burst=settings.rate_limit_burst
            ),
        )
        freeze_startup_heap()
        relay = asyncio.create_task(
            publisher.relay_forever(
                interval_s=settings.outbox_interval_s, redrive_s=settings.redrive_after_s
            )
        )
        try:
            yield
        finally:
            relay.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await relay
            await broker.stop()
            await client.close()

    app = FastAPI(
        title="Aiguillage intake",
        version="1",
        description="Takes citizens' reports of illicit online content and hands them to triage.",
        lifespan=lifespan,
    )
    app.add_middleware(BodyLimitMiddleware, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(RequestMetricsMiddleware)
    app.include_router(router)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    return app


async def _invalid_request(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    problems = [
        {"field": ".".join(str(p) for p in e["loc"] if p != "body") or "body", "message": e["msg"]}
        for e in error.errors()
    ]
    return JSONResponse(
        {"error": "invalid report", "problems": problems},
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
    )


async def _http_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    return JSONResponse(
        {"error": error.detail}, status_code=error.status_code, headers=error.headers
    )
