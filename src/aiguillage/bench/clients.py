"""Kafka clients as the bench uses them on the local broker, and the reader that times arrivals.

Tansu: no idempotent producer; a fetch is not woken by new data (fetch_max_wait_ms 10); a group
join waits half the session timeout (6 s session, 1 s heartbeat).
"""

import asyncio
import contextlib
import time
from collections.abc import Callable, Collection
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from aiguillage.shared.settings import KafkaSettings


def producer(kafka: KafkaSettings) -> Any:
    return AIOKafkaProducer(
        bootstrap_servers=kafka.bootstrap_servers,
        acks="all",
        enable_idempotence=kafka.enable_idempotence,
        request_timeout_ms=kafka.request_timeout_ms,
    )


def group_consumer(kafka: KafkaSettings, topic: str, group_id: str) -> Any:
    return AIOKafkaConsumer(
        topic,
        bootstrap_servers=kafka.bootstrap_servers,
        group_id=group_id,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        fetch_max_wait_ms=kafka.fetch_max_wait_ms,
        session_timeout_ms=kafka.session_timeout_ms,
        heartbeat_interval_ms=kafka.heartbeat_interval_ms,
    )


async def delete_topics(kafka: KafkaSettings, topics: Collection[str]) -> None:
    """Delete topics once a run is measured: Tansu holds every message in memory and costs more
    per message the more it holds, so what one run leaves behind would slow the runs after it."""
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka.bootstrap_servers)
    await admin.start()
    try:
        await admin.delete_topics(list(topics))
    finally:
        await admin.close()


async def wait_groups_stable(
    kafka: KafkaSettings, members: dict[str, int], *, timeout_s: float = 90.0
) -> None:
    """Wait until each consumer group is `Stable` with the given number of members, so no join
    or rebalance falls inside a measurement."""
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka.bootstrap_servers)
    await admin.start()
    deadline = time.monotonic() + timeout_s
    try:
        while True:
            states = await _group_states(admin, list(members))
            if all(states.get(g) == ("Stable", n) for g, n in members.items()):
                return
            if time.monotonic() > deadline:
                msg = f"consumer groups not stable after {timeout_s:.0f} s: {states}"
                raise TimeoutError(msg)
            await asyncio.sleep(0.25)
    finally:
        await admin.close()


async def _group_states(admin: Any, groups: list[str]) -> dict[str, tuple[str, int]]:
    """State and member count of each group. One group a request: Tansu answers a request for
    several with a frame aiokafka cannot decode."""
    states: dict[str, tuple[str, int]] = {}
    for group_id in groups:
        for response in await admin.describe_consumer_groups([group_id]):
            for group in response.groups:
                _error, name, state, _ptype, _protocol, group_members = group[:6]
                states[name] = (state, len(group_members))
    return states


class ArrivalClock:
    """Reads topics outside any group, from the earliest offset, and notes when each key (a
    message id) was first seen, on the wall clock the other processes share."""

    def __init__(
        self,
        kafka: KafkaSettings,
        topics: Collection[str],
        *,
        counts: Callable[[Any], bool] = lambda _record: True,
    ) -> None:
        self._counts = counts
        self._consumer = AIOKafkaConsumer(
            *topics,
            bootstrap_servers=kafka.bootstrap_servers,
            group_id=None,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            fetch_max_wait_ms=kafka.fetch_max_wait_ms,
        )
        self.seen: dict[str, float] = {}
        self.records = 0
        self._last_counted = time.monotonic()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> "ArrivalClock":
        await self._consumer.start()
        self._task = asyncio.create_task(self._read())
        return self

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self._consumer.stop()

    def pause(self) -> None:
        """Stop fetching (the records wait on the broker) until `resume`."""
        self._consumer.pause(*self._consumer.assignment())

    def resume(self) -> None:
        self._consumer.resume(*self._consumer.assignment())

    async def _read(self) -> None:
        while True:
            batch = await self._consumer.getmany(timeout_ms=100)
            at = time.time()
            for records in batch.values():
                self.records += len(records)
                for record in records:
                    if self._counts(record):
                        self.seen.setdefault(record.key.decode(), at)
                        self._last_counted = time.monotonic()

    async def all_or_quiet(self, ids: Collection[str], *, quiet_s: float, timeout_s: float) -> None:
        """Wait until every id has arrived, or none has for `quiet_s`: then the caller asks its
        source of record. (This reader has been seen to miss a few records of 20,000 on Tansu
        that a new reader of the same topic found, all of them, in order.)"""
        started = time.monotonic()
        deadline = started + timeout_s
        missing = list(ids)
        while missing and time.monotonic() < deadline:
            missing = [i for i in missing if i not in self.seen]
            if missing and time.monotonic() - max(self._last_counted, started) > quiet_s:
                return
            await asyncio.sleep(0.05)

    async def last_arrival(self, ids: Collection[str], *, timeout_s: float) -> float:
        """Wait until every id has arrived; return when the last one did (wall clock)."""
        missing = list(ids)
        deadline = time.monotonic() + timeout_s
        while True:
            missing = [i for i in missing if i not in self.seen]
            if not missing:
                return max(self.seen[i] for i in ids)
            if time.monotonic() > deadline:
                msg = f"{len(missing)} of {len(ids)} messages did not arrive in {timeout_s:.0f} s"
                raise TimeoutError(msg)
            await asyncio.sleep(0.05)
