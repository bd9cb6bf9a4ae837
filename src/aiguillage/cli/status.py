"""`aiguillage status`: where the reports are (MongoDB) and how far behind the stages are (Kafka).

It only reads: the counts come from the `reports`, `decisions` and `dispatches` collections, the
lag from each stage's committed offsets and the topics' high-water marks. It joins no consumer
group, so the running stages are not disturbed (no rebalance).
"""

import asyncio
import time
from collections import Counter
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any, TypeVar

import typer
from aiokafka import TopicPartition
from aiokafka.errors import KafkaError
from pymongo.errors import PyMongoError
from rich.console import Console
from rich.table import Table

from aiguillage.dispatch.settings import DispatchSettings
from aiguillage.shared.kafka import tool_consumer
from aiguillage.shared.mongo import OUTBOX, connect
from aiguillage.shared.settings import KafkaSettings, MongoSettings, ServiceSettings
from aiguillage.shared.topics import Topics
from aiguillage.shared.vocabulary import STATUS_ORDER, Destination, Priority, ReportStatus
from aiguillage.triage.settings import TriageSettings

T = TypeVar("T")
# How long to wait for every partition's first fetch response, which carries its high-water mark.
HIGHWATER_TIMEOUT_S = 5.0


@dataclass(frozen=True, kw_only=True)
class ReportCounts:
    total: int
    by_status: dict[str, int]
    by_destination: dict[str, int]
    by_priority: dict[str, int]
    # Outbox entries (aiguillage.shared.outbox): reports whose publication failed and the relay
    # has not made yet; reports the relay published again, until their dispatch is confirmed.
    outbox_pending: int
    redriven: int


@dataclass(frozen=True, kw_only=True)
class PartitionLag:
    group: str
    topic: str
    partition: int
    committed: int | None
    highwater: int

    @property
    def lag(self) -> int:
        # Nothing committed yet: the group has all the partition to read.
        return self.highwater - (self.committed or 0)


def status_command() -> None:
    """Reports per status, destination and priority, the outbox backlog, and each stage's lag."""
    settings = ServiceSettings()
    console = Console(highlight=False)
    # The spinner goes to stderr so that the summary on stdout stays clean to read or pipe.
    with Console(stderr=True).status("collecting from MongoDB and Kafka…"):
        counts = _run(_report_counts(settings.mongo))
        lags = _run(_lags(settings.kafka))
    console.print(_reports_table(counts))
    console.print(_breakdown_table("destination", counts.by_destination, _destination_order()))
    console.print(_breakdown_table("priority", counts.by_priority, [p.value for p in Priority]))
    console.print(_lag_table(lags))


def _run(work: Coroutine[Any, Any, T]) -> T:
    try:
        return asyncio.run(work)
    except PyMongoError as error:
        typer.echo(f"the database is unreachable: {type(error).__name__}: {error}", err=True)
        raise typer.Exit(2) from error
    except KafkaError as error:
        typer.echo(f"the broker is unreachable: {error!r}", err=True)
        raise typer.Exit(2) from error


# --- MongoDB ---------------------------------------------------------------------------------


async def _report_counts(settings: MongoSettings) -> ReportCounts:
    """A report's status is which stages' records it has (see aiguillage.shared.mongo): counted
    over the reports that exist, with the priority and destinations of the latest record."""
    client = connect(settings)
    try:
        database = client[settings.database]
        # Fails fast (after the server selection timeout) when the database does not answer.
        await database.command("ping")
        reports = database.get_collection("reports")
        outbox = database.get_collection(OUTBOX)
        known = set(await reports.distinct("_id"))
        by_destination: Counter[str] = Counter()
        by_priority: Counter[str] = Counter()
        dispatched: set[str] = set()
        fields = {"triage.priority": 1, "dispatch.destinations": 1}
        async for doc in database.get_collection("dispatches").find({}, fields):
            if doc["_id"] in known:
                dispatched.add(doc["_id"])
                by_priority[doc["triage"]["priority"]] += 1
                by_destination.update(doc["dispatch"]["destinations"])
        triaged = 0
        async for doc in database.get_collection("decisions").find({}, {"decision.priority": 1}):
            if doc["_id"] in known and doc["_id"] not in dispatched:
                triaged += 1
                by_priority[doc["decision"]["priority"]] += 1
        by_status = {
            ReportStatus.RECEIVED.value: len(known) - len(dispatched) - triaged,
            ReportStatus.TRIAGED.value: triaged,
            ReportStatus.DISPATCHED.value: len(dispatched),
        }
        return ReportCounts(
            total=len(known),
            by_status=by_status,
            by_destination=dict(by_destination),
            by_priority=dict(by_priority),
            outbox_pending=await outbox.count_documents({"attempts": 0}),
            redriven=await outbox.count_documents({"attempts": {"$gt": 0}}),
        )
    finally:
        await client.close()


# --- Kafka -----------------------------------------------------------------------------------


def _stages(topics: Topics) -> list[tuple[str, str]]:
    """(consumer group, the topic it reads), with the groups the stages run with by default."""
    return [
        (topics.prefix + TriageSettings.model_fields["group_id"].default, topics.submitted),
        (topics.prefix + DispatchSettings.model_fields["group_id"].default, topics.triaged),
    ]


async def _lags(kafka: KafkaSettings) -> list[PartitionLag]:
    topics = Topics(prefix=kafka.topic_prefix)
    highwaters = await _highwaters(kafka, [topic for _, topic in _stages(topics)])
    lags: list[PartitionLag] = []
    for group, topic in _stages(topics):
        partitions = sorted(
            (tp for tp in highwaters if tp.topic == topic), key=lambda tp: tp.partition
        )
        committed = await _committed(kafka, group, partitions)
        lags.extend(
            PartitionLag(
                group=group,
                topic=topic,
                partition=tp.partition,
                committed=committed[tp],
                highwater=highwaters[tp],
            )
            for tp in partitions
        )
    return lags


async def _highwaters(kafka: KafkaSettings, topics: list[str]) -> dict[TopicPartition, int]:
    """Each partition's high-water mark, read from a fetch response: the local broker's
    ListOffsets answer (what `end_offsets` and `seek_to_end` use) cannot be trusted."""
    # Only the fetch response's header is wanted; keep the records it brings along small.
    consumer = tool_consumer(kafka, max_partition_fetch_bytes=64 * 1024)
    await consumer.start()
    try:
        existing = await consumer.topics()
        partitions = [
            TopicPartition(topic, p)
            for topic in topics
            if topic in existing
            for p in sorted(consumer.partitions_for_topic(topic) or ())
        ]
        if not partitions:
            return {}
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        deadline = time.monotonic() + HIGHWATER_TIMEOUT_S
        # One fetch usually answers for every partition; a broker with several leaders may need
        # a few, and a getmany returns as soon as any partition has records.
        while True:
            await consumer.getmany(timeout_ms=200)
            known = {tp: consumer.highwater(tp) for tp in partitions}
            if all(hw is not None for hw in known.values()) or time.monotonic() > deadline:
                break
        missing = [str(tp) for tp, hw in known.items() if hw is None]
        if missing:
            msg = f"no fetch response for {', '.join(missing)}"
            raise KafkaError(msg)
        return {tp: hw for tp, hw in known.items() if hw is not None}
    finally:
        await consumer.stop()


async def _committed(
    kafka: KafkaSettings, group: str, partitions: list[TopicPartition]
) -> dict[TopicPartition, int | None]:
    """The group's committed offsets, asked of its coordinator by a consumer that never
    subscribes, so it never joins the group. (The admin client's list_consumer_group_offsets
    fails against the local broker.)"""
    consumer = tool_consumer(kafka, group_id=group)
    await consumer.start()
    try:
        return {tp: await consumer.committed(tp) for tp in partitions}
    finally:
        await consumer.stop()


# --- Rendering -------------------------------------------------------------------------------


def _destination_order() -> list[str]:
    return [d.value for d in Destination]


def _reports_table(counts: ReportCounts) -> Table:
    table = Table(title=f"{counts.total} report(s)")
    table.add_column("status")
    table.add_column("reports", justify="right")
    for status in STATUS_ORDER:
        table.add_row(status.value, str(counts.by_status[status.value]))
    table.add_section()
    table.add_row("outbox pending", str(counts.outbox_pending))
    table.add_row("redriven", str(counts.redriven))
    return table


def _breakdown_table(name: str, counts: dict[str, int], order: list[str]) -> Table:
    table = Table(title=f"reports per {name}")
    table.add_column(name)
    table.add_column("reports", justify="right")
    for key in [*order, *sorted(set(counts) - set(order))]:
        table.add_row(key, str(counts.get(key, 0)))
    return table


def _lag_table(lags: list[PartitionLag]) -> Table:
    table = Table(title="consumer lag")
    for column in ("group", "topic"):
        table.add_column(column, overflow="fold")
    for column in ("partition", "committed", "high-water", "lag"):
        table.add_column(column, justify="right", no_wrap=True)
    for group in dict.fromkeys(lag.group for lag in lags):
        rows = [lag for lag in lags if lag.group == group]
        for lag in rows:
            table.add_row(
                lag.group,
                lag.topic,
                str(lag.partition),
                "-" if lag.committed is None else str(lag.committed),
                str(lag.highwater),
                _lag_cell(lag.lag),
            )
        table.add_row(
            group,
            "total",
            "",
            "",
            str(sum(lag.highwater for lag in rows)),
            _lag_cell(sum(lag.lag for lag in rows)),
            style="bold",
        )
        table.add_section()
    if not lags:
        table.caption = "no stage topic exists yet"
    return table


def _lag_cell(lag: int) -> str:
    # Negative: committed beyond the end, the broker lost messages (a restarted local broker).
    if lag < 0:
        return f"[red]{lag}[/red]"
    return f"[yellow]{lag}[/yellow]" if lag else "0"
