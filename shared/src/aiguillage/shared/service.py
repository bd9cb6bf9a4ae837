"""The frame of a consuming service (triage, dispatch): a faststream application served over HTTP
for `/health` and the generated AsyncAPI document, started and stopped by uvicorn.

uvicorn turns SIGTERM and Ctrl-C into an orderly shutdown: the stage commits what it has
processed, the broker stops taking messages, the batch in hand finishes and is committed, then the
database client closes.
"""

import logging

import uvicorn
from faststream.asgi import AsgiFastStream, AsgiResponse, get
from faststream.asgi.types import Scope
from faststream.kafka import KafkaBroker
from faststream.specification import AsyncAPI
from prometheus_client import make_asgi_app
from pymongo import AsyncMongoClient
from pymongo.errors import PyMongoError

from aiguillage.shared.commits import OffsetCommits
from aiguillage.shared.heap import freeze_startup_heap
from aiguillage.shared.mongo import Document, ReportStore
from aiguillage.shared.settings import ServiceSettings
from aiguillage.shared.startup import prepare


def consumer_app(
    *,
    settings: ServiceSettings,
    broker: KafkaBroker,
    client: AsyncMongoClient[Document],
    store: ReportStore,
    commits: OffsetCommits,
    title: str,
    description: str,
) -> AsgiFastStream:
    @get
    async def health(_scope: Scope) -> AsgiResponse:
        try:
            await store.ping()
            mongo_ok = True
        except PyMongoError:
            mongo_ok = False
        kafka_ok = await broker.ping(timeout=3.0)
        body = f'{{"mongo": "{_word(mongo_ok)}", "kafka": "{_word(kafka_ok)}"}}'.encode()
        return AsgiResponse(
            body,
            status_code=200 if mongo_ok and kafka_ok else 503,
            headers={"content-type": "application/json"},
        )

    async def start() -> None:
        await prepare(settings, store=store, broker=broker)
        freeze_startup_heap()

    async def close_database() -> None:
        await client.close()

    return AsgiFastStream(
        broker,
        asgi_routes=[("/health", health), ("/metrics", make_asgi_app())],
        asyncapi_path="/asyncapi",
        specification=AsyncAPI(broker, title=title, version="1", description=description),
        logger=logging.getLogger("aiguillage.service"),
        on_startup=[start],
        # Before the broker stops: the consumer is still there to commit what was processed.
        on_shutdown=[commits.close],
        after_shutdown=[close_database],
    )


def _word(ok: bool) -> str:
    return "ok" if ok else "unavailable"


def serve(app: AsgiFastStream | object, settings: ServiceSettings) -> None:
    uvicorn.run(
        app,  # type: ignore[arg-type]
        host=settings.http_host,
        port=settings.http_port,
        log_config=None,  # our structlog handler renders uvicorn's lines too
        timeout_keep_alive=settings.http_keep_alive_s,
        timeout_graceful_shutdown=20,
    )
