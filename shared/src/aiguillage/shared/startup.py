"""Start-up shared by the services: wait for the broker and the database, create the topics."""

import asyncio
import time
from collections.abc import Awaitable, Callable

from faststream.kafka import KafkaBroker

from aiguillage.shared.kafka import ensure_topics
from aiguillage.shared.logging import get_logger
from aiguillage.shared.mongo import ReportStore
from aiguillage.shared.settings import ServiceSettings
from aiguillage.shared.topics import Topics

log = get_logger(__name__)


async def retry_until_ready(
    attempt: Callable[[], Awaitable[object]], *, what: str, timeout_s: float
) -> None:
    """Call `attempt` until it succeeds; a server still starting is not an error, one that stays
    away past `timeout_s` is."""
    deadline = time.monotonic() + timeout_s
    delay = 0.2
    while True:
        try:
            await attempt()
        except Exception as error:
            if time.monotonic() + delay > deadline:
                msg = f"{what} still unavailable after {timeout_s:.0f} s: {error!r}"
                raise RuntimeError(msg) from error
            log.info("startup.waiting", dependency=what, error=f"{type(error).__name__}")
            await asyncio.sleep(delay)
            delay = min(delay * 2, 3.0)
        else:
            return


async def prepare(
    settings: ServiceSettings, *, store: ReportStore, broker: KafkaBroker, timeout_s: float = 90.0
) -> None:
    """Database indexes, topics, and the broker connection, each retried while its server starts."""
    await retry_until_ready(store.ensure_indexes, what="MongoDB", timeout_s=timeout_s)
    topics = Topics(prefix=settings.kafka.topic_prefix).all()

    async def create_topics() -> None:
        created = await ensure_topics(settings.kafka, topics)
        if created:
            log.info("startup.topics_created", topics=created)

    await retry_until_ready(create_topics, what="Kafka", timeout_s=timeout_s)
    await retry_until_ready(broker.connect, what="Kafka producer", timeout_s=timeout_s)
