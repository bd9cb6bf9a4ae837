"""What every consuming stage does around its own work: batches, retries, dead letters, commits.

A stage reads its input topic in batches (one fetch: up to `batch_max_records` messages from the
partitions it owns) and hands the batch's events to its step, which writes to MongoDB in bulk and
publishes everything with `acks=all` before it returns. Around the step:

- A message that cannot be decoded as the stage's event (not JSON, unknown schema version, invalid
  fields) goes to the stage's dead-letter topic with the error and the original payload; the rest
  of its batch goes on. One bad message never blocks its partition.
- When the step fails because a server is unavailable (MongoDB, Kafka), the batch is retried after
  a growing pause, without limit: nothing can progress until the server is back, and no message is
  at fault.
- When the step fails for any other reason (a bug, data the code cannot handle), the batch is split
  and each event is tried alone; an event that keeps failing is dead-lettered once it has failed
  `max_attempts` times (its batch's try included, and at least once alone), and the others go on.
- The batch's offsets are noted for commit only after the step returned and the batch's dead
  letters are on Kafka, and committed with the others noted within `commit_interval_ms`
  (`aiguillage.shared.commits`). A batch that is retried is not noted: its partitions are rewound
  to its first messages and the group delivers it again, in order.
"""

import asyncio
import weakref
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeAlias, TypeVar

from aiokafka import ConsumerRecord
from aiokafka.errors import KafkaError
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from faststream.message import StreamMessage
from pymongo.errors import PyMongoError
from structlog.contextvars import bound_contextvars

from aiguillage.shared.commits import OffsetCommits
from aiguillage.shared.events import DeadLetter, Event, MessageSource
from aiguillage.shared.kafka import consumer_options
from aiguillage.shared.logging import get_logger
from aiguillage.shared.metrics import BATCH_SECONDS, BATCH_SIZE, DEAD_LETTERS, RETRIES
from aiguillage.shared.mongo import now
from aiguillage.shared.settings import StageSettings
from aiguillage.shared.topics import Topics

log = get_logger(__name__)
UNAVAILABLE = (PyMongoError, KafkaError, OSError, TimeoutError)
Record: TypeAlias = ConsumerRecord[bytes | None, bytes | None]
E = TypeVar("E", bound=Event)


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

    @property
    def attempts_alone(self) -> int:
        """Tries of one event on its own after its batch failed: the batch's try counts as the
        first, and an event is never dead-lettered without having failed alone."""
        return max(1, self.max_attempts - 1)


@dataclass(kw_only=True)
class DecodedBatch(Generic[E]):
    """One fetch, decoded: the events with their records, in order, and the messages that are not
    events at all."""

    events: list[E] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    undecodable: list[tuple[Record, Exception]] = field(default_factory=list)


class BatchStage(Generic[E]):
    """Decodes a stage's batches and runs its step over them under the policy above."""

    def __init__(
        self,
        *,
        stage: str,
        event_type: type[E],
        step: Callable[[Sequence[E]], Awaitable[None]],
        broker: KafkaBroker,
        dead_letter_topic: str,
        retry: RetryPolicy,
        commits: OffsetCommits,
    ) -> None:
        self._stage = stage
        self._commits = commits
        self._event_type = event_type
        self._step = step
        self._broker = broker
        self._dead_letter_topic = dead_letter_topic
        self._retry = retry
        # The decoder and the handler see the same message object; this hands the records over.
        self._batches: weakref.WeakKeyDictionary[StreamMessage[Any], DecodedBatch[E]] = (
            weakref.WeakKeyDictionary()
        )
        # Consecutive batches that failed for want of a server, for the growing pause.
        self._unavailable_streak = 0

    async def decode(self, message: StreamMessage[Any]) -> list[E]:
        """faststream's decoder for the subscriber: the batch's valid events (the handler's
        argument); the rest are kept aside for the dead-letter topic."""
        batch = DecodedBatch[E]()
        for record in message.raw_message:
            try:
                event = self._event_type.model_validate_json(record.value or b"")
            except ValueError as error:  # pydantic's ValidationError, bad JSON or UTF-8
                batch.undecodable.append((record, error))
            else:
                batch.events.append(event)
                batch.records.append(record)
        self._batches[message] = batch
        return batch.events

    async def handle(self, message: KafkaMessage) -> None:
        """The subscriber's handler: returning notes the batch for commit, raising rewinds it."""
        with bound_contextvars(stage=self._stage):
            try:
                await self._handle(self._batches.pop(message))
            except BaseException:
                await message.nack()  # each partition back to its first message of the batch
                raise
            await self._commits.processed(message.consumer, message.raw_message)

    async def _handle(self, batch: DecodedBatch[E]) -> None:
        events = batch.events
        for record, error in batch.undecodable:
            DEAD_LETTERS.labels(self._stage, "undecodable").inc()
            await self._dead_letter(record, error)
        if not events:
            return
        BATCH_SIZE.labels(self._stage).observe(len(events))
        try:
            await self._step_or_split(batch)
        except UNAVAILABLE as error:
            # From the batch's step or from one event's: either way the whole batch waits.
            self._unavailable_streak += 1
            await self._pause_before_redelivery(events, error)
            raise
        self._unavailable_streak = 0

    async def _step_or_split(self, batch: DecodedBatch[E]) -> None:
        try:
            with BATCH_SECONDS.labels(self._stage).time():
                await self._step(batch.events)
        except UNAVAILABLE:
            raise
        except Exception:  # any other failure: find the event at fault
            log.exception("batch.failed", outcome="split", size=len(batch.events))
            await self._one_by_one(batch)

    async def _pause_before_redelivery(self, events: Sequence[E], error: Exception) -> None:
        RETRIES.labels(self._stage, "unavailable").inc(len(events))
        pause = self._retry.pause_s(self._unavailable_streak)
        for event in events:
            log.warning(
                "report.failed",
                report_id=event.report_id,
                outcome="retry",
                error=repr(error),
                attempt=self._unavailable_streak,
            )
        await asyncio.sleep(pause)

    async def _one_by_one(self, batch: DecodedBatch[E]) -> None:
        for event, record in zip(batch.events, batch.records, strict=True):
            with bound_contextvars(report_id=event.report_id):
                await self._alone(event, record)

    async def _alone(self, event: E, record: Record) -> None:
        for attempt in range(1, self._retry.attempts_alone + 1):
            try:
                await self._step([event])
            except UNAVAILABLE:
                raise  # the whole batch waits for the server, as above
            except Exception as error:  # counted, then dead-lettered
                if attempt == self._retry.attempts_alone:
                    log.exception("report.failed", outcome="gave_up", attempt=attempt + 1)
                    DEAD_LETTERS.labels(self._stage, "gave_up").inc()
                    await self._dead_letter(record, error)
                    return
                log.exception("report.failed", outcome="retry", attempt=attempt + 1)
                RETRIES.labels(self._stage, "error").inc()
                await asyncio.sleep(self._retry.pause_s(attempt))
            else:
                return

    async def _dead_letter(self, record: Record, error: Exception) -> None:
        key = record.key.decode("utf-8", "replace") if record.key is not None else None
        letter = DeadLetter(
            stage=self._stage,
            error=f"{type(error).__name__}: {error}"[:4_000],
            source=MessageSource(
                topic=record.topic, partition=record.partition, offset=record.offset, key=key
            ),
            payload=(record.value or b"").decode("utf-8", "replace"),
            dead_lettered_at=now(),
        )
        await self._broker.publish(
            letter, topic=self._dead_letter_topic, key=record.key if record.key else None
        )
        log.error(
            "report.dead_lettered",
            report_id=key,
            outcome="dead_letter",
            error=letter.error,
        )


def subscribe_stage(
    broker: KafkaBroker,
    step: Callable[[Sequence[E]], Awaitable[None]],
    *,
    event_type: type[E],
    stage: str,
    settings: StageSettings,
    topic: str,
    description: str,
) -> OffsetCommits:
    """Subscribe a stage's batch step to its input topic in the stage's consumer group, inside the
    stage's policy (dead letters, retries, commit after success). Returns its commits, for the
    service to close when it shuts down."""
    topics = Topics(prefix=settings.kafka.topic_prefix)
    commits = OffsetCommits(stage=stage, interval_s=settings.commit_interval_ms / 1_000)
    batches = BatchStage(
        stage=stage,
        event_type=event_type,
        step=step,
        broker=broker,
        dead_letter_topic=topics.dead_letters(stage),
        retry=RetryPolicy.of(settings),
        commits=commits,
    )

    # faststream documents the channel's payload (AsyncAPI) from the handler's signature, and
    # validates `events` (the decoder's output) against it; the batch's records, which the dead
    # letters need, come with the message. The message is read from the broker's context rather
    # than asked for as a `KafkaMessage` parameter: fast_depends resolves such a parameter in a
    # worker thread, two thread hand-offs a batch (docs/benchmark.md, the last optimisation row).
    async def handler(events: list[event_type]) -> None:  # type: ignore[valid-type]  # noqa: ARG001
        await batches.handle(broker.context.get_local("message"))

    handler.__name__ = f"on_{stage}_batch"
    broker.subscriber(
        topic,
        **consumer_options(settings.kafka, group_id=settings.consumer_group),
        batch=True,
        max_records=settings.batch_max_records,
        batch_timeout_ms=settings.batch_wait_ms,
        decoder=batches.decode,
        listener=commits,
        title=topic,
        description=description,
    )(handler)
    return commits
