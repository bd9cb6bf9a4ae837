"""OffsetCommits: what a stage has processed, committed later, never what it has not.

The consumer here is a stand-in that records the commits asked of it; that the commits reach a
real broker, and that a shutdown commits everything processed, is shown by
tests/e2e/test_shutdown.py.
"""

import asyncio
from dataclasses import dataclass, field

import pytest
from aiokafka import TopicPartition
from aiokafka.errors import CommitFailedError, KafkaConnectionError

from aiguillage.shared.commits import OffsetCommits

A0 = TopicPartition("t", 0)
A1 = TopicPartition("t", 1)


@dataclass
class Record:
    topic: str
    partition: int
    offset: int


@dataclass
class Consumer:
    owned: set[TopicPartition] = field(default_factory=lambda: {A0, A1})
    commits: list[dict[TopicPartition, int]] = field(default_factory=list)
    fail_with: Exception | None = None

    def assignment(self) -> set[TopicPartition]:
        return self.owned

    async def commit(self, offsets: dict[TopicPartition, object]) -> None:
        if self.fail_with is not None:
            error, self.fail_with = self.fail_with, None
            raise error
        self.commits.append({tp: o.offset for tp, o in offsets.items()})  # type: ignore[attr-defined]


def batch(*offsets: tuple[int, int]) -> list[Record]:
    return [Record("t", partition, offset) for partition, offset in offsets]


async def test_a_batch_is_committed_once_the_interval_is_over_with_the_next_offsets() -> None:
    consumer = Consumer()
    commits = OffsetCommits(stage="test", interval_s=0.05)
    await commits.processed(consumer, batch((0, 3), (0, 4), (1, 7)))
    await commits.processed(consumer, batch((0, 5)))
    assert consumer.commits == []  # within the interval: nothing yet
    await asyncio.sleep(0.15)
    # One commit for both batches: the offset after the last message of each partition.
    assert consumer.commits == [{A0: 6, A1: 8}]


async def test_no_interval_commits_each_batch_at_once() -> None:
    consumer = Consumer()
    commits = OffsetCommits(stage="test", interval_s=0)
    await commits.processed(consumer, batch((0, 0)))
    await commits.processed(consumer, batch((1, 4)))
    assert consumer.commits == [{A0: 1}, {A1: 5}]


async def test_a_partition_no_longer_owned_is_not_committed() -> None:
    consumer = Consumer()
    commits = OffsetCommits(stage="test", interval_s=60)
    await commits.processed(consumer, batch((0, 1), (1, 1)))
    consumer.owned = {A1}
    await commits.flush()
    assert consumer.commits == [{A1: 2}]
    await commits.close()
    assert consumer.commits == [{A1: 2}]


async def test_a_commit_that_fails_is_made_again_with_the_newer_offsets() -> None:
    consumer = Consumer(fail_with=KafkaConnectionError())
    commits = OffsetCommits(stage="test", interval_s=60)
    await commits.processed(consumer, batch((0, 1)))
    await commits.flush()
    assert consumer.commits == []
    await commits.processed(consumer, batch((1, 2)))
    await commits.flush()
    assert consumer.commits == [{A0: 2, A1: 3}]
    await commits.close()


async def test_offsets_the_group_took_away_are_dropped() -> None:
    consumer = Consumer(fail_with=CommitFailedError("rebalanced"))
    commits = OffsetCommits(stage="test", interval_s=60)
    await commits.processed(consumer, batch((0, 1)))
    await commits.flush()
    await commits.close()
    assert consumer.commits == []  # delivered again to the partition's new owner


async def test_closing_commits_what_is_noted_and_every_batch_after_at_once() -> None:
    consumer = Consumer()
    commits = OffsetCommits(stage="test", interval_s=60)
    await commits.processed(consumer, batch((0, 1)))
    await commits.close()
    assert consumer.commits == [{A0: 2}]
    await commits.processed(consumer, batch((0, 2)))  # the batch in hand at shutdown
    assert consumer.commits == [{A0: 2}, {A0: 3}]


async def test_a_rebalance_commits_first_and_forgets_the_partitions_it_lost() -> None:
    consumer = Consumer()
    commits = OffsetCommits(stage="test", interval_s=60)
    await commits.processed(consumer, batch((0, 1)))
    await commits.on_partitions_revoked({A0, A1})
    assert consumer.commits == [{A0: 2}]
    # A batch of a partition that was taken away, finished during the rebalance:
    await commits.processed(consumer, batch((1, 9)))
    await commits.on_partitions_assigned({A0})
    await commits.close()
    assert consumer.commits == [{A0: 2}]


def test_a_negative_interval_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        OffsetCommits(stage="test", interval_s=-1)
