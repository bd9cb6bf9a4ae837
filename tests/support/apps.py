"""The services in-process, for integration tests that need no separate processes."""

import contextlib
from collections.abc import AsyncIterator

import httpx

from aiguillage.intake.app import create_app as create_intake
from aiguillage.intake.settings import IntakeSettings
from aiguillage.triage.handler import Classifier


@contextlib.asynccontextmanager
async def intake_client() -> AsyncIterator[httpx.AsyncClient]:
    """The intake API, started (lifespan included) and reachable through an HTTP client."""
    app = create_intake(IntakeSettings())
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://intake"
        ) as client,
    ):
        yield client


@contextlib.asynccontextmanager
async def consumer_service(
    service: str, *, classifier: Classifier | None = None
) -> AsyncIterator[httpx.AsyncClient]:
    """Triage or dispatch, consuming until the block ends, with a client of its HTTP side
    (health, metrics, AsyncAPI); triage with another classifier if given (to make it fail)."""
    if service == "triage":
        from aiguillage.triage.app import create_app as create_triage
        from aiguillage.triage.settings import TriageSettings

        settings = TriageSettings()
        app = (
            create_triage(settings, classifier=classifier)
            if classifier
            else create_triage(settings)
        )
    else:
        from aiguillage.dispatch.app import create_app as create_dispatch
        from aiguillage.dispatch.settings import DispatchSettings

        app = create_dispatch(DispatchSettings())
    async with (
        app.start_lifespan_context(),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url=f"http://{service}"
        ) as client,
    ):
        yield client
