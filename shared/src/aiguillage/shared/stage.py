"""What every consuming stage does around its own work, as a faststream middleware.

- A message that cannot be decoded as the stage's event (not JSON, unknown schema version, invalid
  fields) goes at once to the stage's dead-letter topic with the error and the original payload,
  and its offset is committed: one bad message never blocks its partition.
- A message whose handling fails because a server is unavailable (MongoDB, Kafka) is retried with
  a growing pause, without limit: nothing can progress until the server is back, and the message
  is not at fault.
- A message whose handling fails for any other reason (a bug, data the code cannot handle) is
  retried `max_attempts` times with a growing pause, then dead-lettered and committed.

A retried message is not committed, so the group delivers it again, in order.
"""

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiokafka.errors import KafkaError
from fast_depends.exceptions import ValidationError as ArgumentValidationError
from faststream import BaseMiddleware
from faststream.kafka import KafkaBroker
from faststream.message import StreamMessage
from pydantic import ValidationError
from pymongo.errors import PyMongoError
from structlog.contextvars import bound_contextvars

from aiguillage.shared.events import DeadLetter, MessageSource
from aiguillage.shared.kafka import consumer_options
from aiguillage.shared.logging import get_logger
from aiguillage.shared.metrics import DEAD_LETTERS, RETRIES
from aiguillage.shared.mongo import now
from aiguillage.shared.settings import StageSettings
from aiguillage.shared.topics import Topics

log = get_logger(__name__)
UNDECODABLE = (ValidationError, ArgumentValidationError, json.JSONDecodeError, UnicodeDecodeError)
UNAVAILABLE = (PyMongoError, KafkaError, OSError, TimeoutError)


@dataclass(frozen=True, kw_only=True)
class RetryPolicy:
    max_attempts: int
    backoff_initial_s: float
    backoff_max_s: float

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            msg = "max_attempts must be at least 1"
            raise ValueError(msg)
        if not 0 <= self.backoff_initial_s <= self.backoff_max_s:
            msg = "backoff must satisfy 0 <= backoff_initial_s <= backoff_max_s"
            raise ValueError(msg)

    @classmethod
    def of(cls, settings: StageSettings) -> "RetryPolicy":
        return cls(
            max_attempts=settings.max_attempts,
            backoff_initial_s=settings.retry_backoff_initial_s,
            backoff_max_s=settings.retry_backoff_max_s,
        )

    def pause_s(self, attempt: int) -> float:
        return float(min(self.backoff_initial_s * 2.0 ** (attempt - 1), self.backoff_max_s))


def stage_middleware(
    *, stage: str, broker: KafkaBroker, dead_letter_topic: str, retry: RetryPolicy
) -> type[BaseMiddleware]:
    # Failures so far per message, kept for this process's life: a restart starts counting again,
    # which only makes the bound a little looser.
    failures: dict[tuple[str, int, int], int] = {}

    async def dead_letter(msg: StreamMessage[Any], key: str | None, error: Exception) -> None:
        raw = msg.raw_message
        letter = DeadLetter(
            stage=stage,
            error=f"{type(error).__name__}: {error}"[:4_000],
            source=MessageSource(
                topic=getattr(raw, "topic", ""),
                partition=getattr(raw, "partition", -1),
                offset=getattr(raw, "offset", -1),
                key=key,
            ),
            payload=msg.body.decode("utf-8", "replace"),
            dead_lettered_at=now(),
        )
        await broker.publish(letter, topic=dead_letter_topic, key=key.encode() if key else None)
        log.error("report.dead_lettered", outcome="dead_letter", error=letter.error)

    class StageMiddleware(BaseMiddleware):
        async def consume_scope(self, call_next: Any, msg: StreamMessage[Any]) -> Any:
            key = _key(msg)
            position = _position(msg)
            with bound_contextvars(report_id=key, stage=stage):
                try:
                    result = await call_next(msg)
                except UNDECODABLE as error:
                    DEAD_LETTERS.labels(stage, "undecodable").inc()
                    await dead_letter(msg, key, error)
                    return None
                except UNAVAILABLE as error:
                    attempt = failures[position] = failures.get(position, 0) + 1
                    log.warning(
                        "report.failed", outcome="retry", error=repr(error), attempt=attempt
                    )
                    RETRIES.labels(stage, "unavailable").inc()
                    await asyncio.sleep(retry.pause_s(attempt))
                    raise
                except Exception as error:
                    attempt = failures[position] = failures.get(position, 0) + 1
                    if attempt < retry.max_attempts:
                        log.exception("report.failed", outcome="retry", attempt=attempt)
                        RETRIES.labels(stage, "error").inc()
                        await asyncio.sleep(retry.pause_s(attempt))
                        raise
                    failures.pop(position, None)
                    log.exception("report.failed", outcome="gave_up", attempt=attempt)
                    DEAD_LETTERS.labels(stage, "gave_up").inc()
                    await dead_letter(msg, key, error)
                    return None
                failures.pop(position, None)
                return result

    return StageMiddleware


def _key(msg: StreamMessage[Any]) -> str | None:
    raw = getattr(msg.raw_message, "key", None)
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else None


def _position(msg: StreamMessage[Any]) -> tuple[str, int, int]:
    raw = msg.raw_message
    return (getattr(raw, "topic", ""), getattr(raw, "partition", -1), getattr(raw, "offset", -1))


def subscribe_stage(
    broker: KafkaBroker,
    handler: Callable[..., Awaitable[None]],
    *,
    stage: str,
    settings: StageSettings,
    topic: str,
    description: str,
) -> None:
    """Subscribe a stage's handler to its input topic in the stage's consumer group, inside the
    stage's policy (dead letters, retries, commit after success)."""
    topics = Topics(prefix=settings.kafka.topic_prefix)
    broker.add_middleware(
        stage_middleware(
            stage=stage,
            broker=broker,
            dead_letter_topic=topics.dead_letters(stage),
            retry=RetryPolicy.of(settings),
        )
    )
    broker.subscriber(
        topic,
        **consumer_options(settings.kafka, group_id=settings.group_id),
        title=topic,
        description=description,
    )(handler)
