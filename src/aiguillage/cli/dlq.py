"""`aiguillage dlq`: see what the stages gave up on, and send it back once the cause is fixed.

`list` reads the dead-letter topics from the start and changes nothing. `replay` publishes each
letter's original payload to its source topic with its original key, then commits the letter in
its own consumer group, so a letter is replayed once, however often `replay` runs.
"""

import asyncio
import time
from collections.abc import Coroutine
from enum import StrEnum
from typing import Annotated, Any, TypeAlias, TypeVar

import typer
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord
from aiokafka.errors import KafkaError
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table

from aiguillage.shared.events import DeadLetter
from aiguillage.shared.kafka import tool_consumer
from aiguillage.shared.settings import KafkaSettings, ServiceSettings
from aiguillage.shared.topics import STAGES, Topics

dlq_app = typer.Typer(help="Dead letters: list them, replay them.", no_args_is_help=True)
IDLE_S = 1.5  # a topic read to its end stays quiet this long
Record: TypeAlias = "ConsumerRecord[bytes, bytes]"
T = TypeVar("T")


class Stage(StrEnum):
    TRIAGE = "triage"
    DISPATCH = "dispatch"
    ALL = "all"


StageOption = Annotated[Stage, typer.Option(help="Whose dead letters.")]


def _topics(kafka: KafkaSettings, stage: Stage) -> list[str]:
    topics = Topics(prefix=kafka.topic_prefix)
    stages = STAGES if stage is Stage.ALL else (stage.value,)
    return [topics.dead_letters(s) for s in stages]


@dlq_app.command("list")
def list_command(stage: StageOption = Stage.ALL) -> None:
    """Show every dead letter: when, which stage, the report, the error."""
    kafka = ServiceSettings().kafka
    records = _run(_read(kafka, _topics(kafka, stage), group_id=None))
    table = Table(title=f"{len(records)} dead letter(s)")
    for column in ("when", "stage", "report", "source", "error"):
        table.add_column(column, overflow="fold")
    for record in records:
        letter = _letter(record)
        if letter is None:
            table.add_row("?", "?", "?", f"{record.topic}@{record.offset}", "unreadable letter")
            continue
        source = letter.source
        table.add_row(
            letter.dead_lettered_at.strftime("%Y-%m-%d %H:%M:%S"),
            letter.stage,
            source.key or "-",
            f"{source.topic}[{source.partition}]@{source.offset}",
            letter.error,
        )
    Console().print(table)


@dlq_app.command("replay")
def replay_command(stage: StageOption = Stage.ALL) -> None:
    """Send the dead letters not yet replayed back to their source topics, once each."""
    kafka = ServiceSettings().kafka
    replayed = _run(_replay(kafka, _topics(kafka, stage)))
    typer.echo(f"replayed {replayed} dead letter(s)")


def _run(work: Coroutine[Any, Any, T]) -> T:
    try:
        return asyncio.run(work)
    except KafkaError as error:
        typer.echo(f"the broker is unreachable: {error!r}", err=True)
        raise typer.Exit(2) from error


async def _read(kafka: KafkaSettings, topics: list[str], *, group_id: str | None) -> list[Record]:
    consumer = tool_consumer(kafka, *topics, group_id=group_id)
    await consumer.start()
    try:
        return await _drain(consumer)
    finally:
        await consumer.stop()


async def _drain(consumer: AIOKafkaConsumer) -> list[Record]:
    # Read until the topics stay quiet: the local broker's end offsets cannot be trusted.
    records: list[Record] = []
    quiet_since = time.monotonic()
    while time.monotonic() - quiet_since < IDLE_S:
        batch = await consumer.getmany(timeout_ms=200)
        for partition_records in batch.values():
            records.extend(partition_records)
            quiet_since = time.monotonic()
    return records


async def _replay(kafka: KafkaSettings, topics: list[str]) -> int:
    consumer = tool_consumer(kafka, *topics, group_id=f"{kafka.topic_prefix}aiguillage-dlq-replay")
    producer = AIOKafkaProducer(bootstrap_servers=kafka.bootstrap_servers, acks="all")
    await consumer.start()
    await producer.start()
    replayed = 0
    try:
        for record in await _drain(consumer):
            letter = _letter(record)
            if letter is not None:
                key = letter.source.key.encode() if letter.source.key else None
                await producer.send_and_wait(letter.source.topic, letter.payload.encode(), key=key)
                replayed += 1
        # Committed only once every letter read is back on its source topic.
        await consumer.commit()
    finally:
        await producer.stop()
        await consumer.stop()
    return replayed


def _letter(record: Record) -> DeadLetter | None:
    try:
        return DeadLetter.model_validate_json(record.value)
    except ValidationError:
        return None
