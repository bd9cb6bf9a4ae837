"""Offset commits batched in time: a stage commits what it has processed at most every
`commit_interval_ms`, not after every batch.

An offset is noted only once its batch's step returned (`processed`), so nothing is ever committed
ahead of its processing. Notes are committed by a timer `commit_interval_ms` after the first
uncommitted one, before the group takes partitions away (rebalance), and at once from the moment
the service begins to shut down (`close`), before the consumer stops. A crash loses the notes not
yet committed: their messages are delivered again, and every step is idempotent. Under load a
fetch brings many messages and the commit per batch costs little; at a few reports a second each
batch holds one or two, and a commit per batch was a broker request, and a round trip in the
consume loop, per report (docs/benchmark.md, "Stages commit what they processed").
"""

import asyncio
import contextlib
from collections.abc import Iterable
from typing import Any

from aiokafka import ConsumerRebalanceListener, TopicPartition
from aiokafka.errors import CommitFailedError, IllegalStateError, KafkaError
from aiokafka.structs import OffsetAndMetadata

from aiguillage.shared.logging import get_logger

log = get_logger(__name__)


class OffsetCommits(ConsumerRebalanceListener):  # type: ignore[misc]  # aiokafka is untyped
    """The offsets one stage's consumer has processed and not yet committed."""

    def __init__(self, *, stage: str, interval_s: float) -> None:
        if interval_s < 0:
            msg = "the commit interval must not be negative"
            raise ValueError(msg)
        self._stage = stage
        self._interval_s = interval_s
        self._consumer: Any = None
        # Per partition, the offset of the next message to read: what a commit stores.
        self._pending: dict[TopicPartition, int] = {}
        self._timer: asyncio.Task[None] | None = None
        self._closing = False
        # One commit at a time, so that an older one never lands after a newer one.
        self._lock = asyncio.Lock()

    async def processed(self, consumer: Any, records: Iterable[Any]) -> None:
        """Note a batch whose step returned; commit now when no timer is to do it."""
        self._consumer = consumer
        for record in records:
            partition = TopicPartition(record.topic, record.partition)
            self._pending[partition] = max(self._pending.get(partition, 0), record.offset + 1)
        if self._closing or self._interval_s == 0:
            await self.flush()
        elif self._timer is None or self._timer.done():
            self._timer = asyncio.create_task(self._flush_later())

    async def _flush_later(self) -> None:
        await asyncio.sleep(self._interval_s)
        # Shielded: `close` cancels a sleeping timer, never a commit under way.
        await asyncio.shield(self.flush())

    async def flush(self) -> None:
        """Commit every note for a partition the consumer still owns. A note for a partition it
        no longer owns is dropped: its new owner reads from the last commit, again."""
        async with self._lock:
            if not self._pending or self._consumer is None:
                return
            owned = self._consumer.assignment()
            notes = {tp: offset for tp, offset in self._pending.items() if tp in owned}
            self._pending.clear()
            if not notes:
                return
            try:
                offsets = {tp: OffsetAndMetadata(offset, "") for tp, offset in notes.items()}
                await self._consumer.commit(offsets)
            except (CommitFailedError, IllegalStateError) as error:
                # The group moved on without us: those messages are delivered again elsewhere.
                log.warning("offsets.commit_dropped", stage=self._stage, error=repr(error))
            except KafkaError as error:
                # Kept for the next commit (newer notes win): a later commit covers them.
                for tp, offset in notes.items():
                    self._pending[tp] = max(self._pending.get(tp, 0), offset)
                log.warning("offsets.commit_failed", stage=self._stage, error=repr(error))
                if not self._closing:
                    self._timer = asyncio.create_task(self._flush_later())

    async def close(self) -> None:
        """The service is shutting down: commit what is noted, and every batch from now on as
        soon as it is processed (the consumer stops once the batch in hand is done)."""
        self._closing = True
        if self._timer is not None:
            self._timer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._timer
        await self.flush()

    # ConsumerRebalanceListener: aiokafka awaits these around a rebalance.
    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:  # noqa: ARG002
        await self.flush()

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        for partition in set(self._pending) - set(assigned):
            del self._pending[partition]
