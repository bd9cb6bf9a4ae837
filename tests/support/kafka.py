"""Reading topics from the tests: a plain consumer outside any group, from the earliest offset."""

import asyncio
import time
from collections.abc import Callable, Iterable

from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition


async def collect(
    bootstrap_servers: str,
    topics: Iterable[str],
    *,
    until: Callable[[list[ConsumerRecord[bytes, bytes]]], bool],
    timeout_s: float,
    settle_s: float = 0.0,
) -> list[ConsumerRecord[bytes, bytes]]:
    """Read the topics until `until(records)` holds or the time runs out, then `settle_s` more
    seconds (to catch what should not be there: duplicates, strays); return what was read."""
    consumer = AIOKafkaConsumer(
        *topics,
        bootstrap_servers=bootstrap_servers,
        group_id=None,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        fetch_max_wait_ms=10,
    )
    await consumer.start()
    records: list[ConsumerRecord[bytes, bytes]] = []
    deadline = time.monotonic() + timeout_s
    try:
        while not until(records) and time.monotonic() < deadline:
            await _read(consumer, records)
        settled = time.monotonic() + settle_s
        while time.monotonic() < settled:
            await _read(consumer, records)
    finally:
        await consumer.stop()
    return records


async def _read(consumer: AIOKafkaConsumer, records: list[ConsumerRecord[bytes, bytes]]) -> None:
    batch = await consumer.getmany(timeout_ms=100)
    for partition_records in batch.values():
        records.extend(partition_records)
    await asyncio.sleep(0)


async def wait_committed(
    bootstrap_servers: str, group_id: str, topic: str, *, total: int, timeout_s: float
) -> None:
    """Wait until the group's committed offsets on the topic add up to `total` messages: the
    group has processed (and committed) that many."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap_servers, group_id=group_id, enable_auto_commit=False
    )
    await consumer.start()
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        deadline = time.monotonic() + timeout_s
        committed = -1
        while time.monotonic() < deadline:
            committed = sum([await consumer.committed(tp) or 0 for tp in partitions])
            if committed >= total:
                return
            await asyncio.sleep(0.1)
        msg = f"{group_id} committed {committed} of {total} messages on {topic}"
        raise AssertionError(msg)
    finally:
        await consumer.stop()
