"""Kafka wiring every service uses: the broker, the consumer options, and topic creation.

The delivery guarantee rests on three settings here: producers wait for all in-sync replicas
(`acks="all"`); consumers start from the earliest uncommitted offset; and the stages commit
offsets themselves (`AckPolicy.MANUAL`), only once processed (`aiguillage.shared.stage`).
"""

import asyncio
from collections.abc import Iterable
from typing import Any

from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError
from faststream import AckPolicy
from faststream.kafka import KafkaBroker
from faststream.kafka.publisher import DefaultPublisher

from aiguillage.shared.events import Event, ReporterNotice
from aiguillage.shared.metrics import broker_metrics
from aiguillage.shared.settings import KafkaSettings
from aiguillage.shared.topics import Topics

TOPIC_ALREADY_EXISTS = TopicAlreadyExistsError.errno


def make_broker(settings: KafkaSettings, *, service: str, description: str) -> KafkaBroker:
    return KafkaBroker(
        settings.bootstrap_servers,
        client_id=f"aiguillage-{service}",
        middlewares=[broker_metrics(service)],
        acks="all",
        enable_idempotence=settings.enable_idempotence,
        request_timeout_ms=settings.request_timeout_ms,
        metadata_max_age_ms=settings.metadata_max_age_ms,
        # Topics are created with their partitions by `ensure_topics`; an auto-created topic
        # would get the broker's default partition count.
        allow_auto_create_topics=False,
        # Our handlers write their own lines, with the report id bound.
        logger=None,
        description=description,
        graceful_timeout=20.0,
    )


def consumer_options(settings: KafkaSettings, *, group_id: str) -> dict[str, Any]:
    """Options for a stage's subscriber: one consumer group per stage, no loss on restart. The
    stage commits (and rewinds on failure) itself: faststream's own policy commits after every
    batch."""
    return {
        "group_id": group_id,
        "auto_offset_reset": "earliest",
        "ack_policy": AckPolicy.MANUAL,
        "fetch_max_wait_ms": settings.fetch_max_wait_ms,
        "session_timeout_ms": settings.session_timeout_ms,
        "heartbeat_interval_ms": settings.heartbeat_interval_ms,
    }


async def ensure_topics(settings: KafkaSettings, topics: tuple[str, ...]) -> list[str]:
    """Create the missing topics with the configured partitions; return the ones created."""
    admin = AIOKafkaAdminClient(
        bootstrap_servers=settings.bootstrap_servers,
        request_timeout_ms=settings.request_timeout_ms,
    )
    await admin.start()
    try:
        response = await admin.create_topics(
            [NewTopic(t, settings.partitions, settings.replication_factor) for t in topics]
        )
    finally:
        await admin.close()
    created: list[str] = []
    for topic, code, message in (e[:3] for e in response.topic_errors):
        if code == 0:
            created.append(topic)
        elif code != TOPIC_ALREADY_EXISTS:
            msg = f"cannot create topic {topic!r}: error {code} {message}"
            raise RuntimeError(msg)
    return created


def event_headers(event: Event) -> dict[str, str]:
    return {
        "event-type": event.event_type,
        "schema-version": str(event.schema_version),
        "event-id": event.event_id,
    }


Outgoing = tuple[DefaultPublisher, Event, str | None]


async def publish_all(messages: Iterable[Outgoing]) -> None:
    """Send every (publisher, event, key) in order, then wait until Kafka acknowledged them all
    (`acks=all`). Sending before awaiting lets the producer batch them: a quarter of the CPU of
    awaiting each in its own task (measured: docs/benchmark.md)."""
    sent: list[asyncio.Future[Any]] = []
    try:
        for publisher, event, key in messages:
            sent.append(
                await publisher.publish(
                    event,
                    key=(key or event.report_id).encode(),
                    headers=event_headers(event),
                    no_confirm=True,
                )
            )
    except BaseException:
        # Nothing is acknowledged to the caller; the sends already made are waited for so that
        # none is left behind.
        await asyncio.gather(*sent, return_exceptions=True)
        raise
    await asyncio.gather(*sent)


async def publish_event(
    publisher: DefaultPublisher, event: Event, *, key: str | None = None
) -> None:
    """Publish keyed by report id unless told otherwise (one report's events stay in order) and
    wait for `acks=all`."""
    await publish_all([(publisher, event, key)])


def notifications_publisher(broker: KafkaBroker, topics: Topics) -> DefaultPublisher:
    """The reporter-notification topic, which triage (acknowledgements) and dispatch (outcomes)
    both write."""
    return broker.publisher(
        topics.notifications,
        title=topics.notifications,
        description="Notices to reporters, keyed by report id.",
        schema=ReporterNotice,
    )


def tool_consumer(
    settings: KafkaSettings, *topics: str, group_id: str | None = None, **overrides: Any
) -> AIOKafkaConsumer:
    """A consumer for the operators' commands and the tests: from the earliest offset, commits
    only when asked, short fetch waits (the local broker does not wake a waiting fetch)."""
    options: dict[str, Any] = {
        "bootstrap_servers": settings.bootstrap_servers,
        "group_id": group_id,
        "auto_offset_reset": "earliest",
        "enable_auto_commit": False,
        "fetch_max_wait_ms": min(settings.fetch_max_wait_ms, 100),
        "request_timeout_ms": settings.request_timeout_ms,
        "metadata_max_age_ms": settings.metadata_max_age_ms,
        "session_timeout_ms": settings.session_timeout_ms,
        "heartbeat_interval_ms": settings.heartbeat_interval_ms,
    }
    return AIOKafkaConsumer(*topics, **(options | overrides))
