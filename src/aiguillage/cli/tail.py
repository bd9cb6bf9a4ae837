"""`aiguillage tail`: follow one destination queue as its receiving service sees it.

It reads with a consumer of its own, outside any consumer group, so it commits nothing and takes
no message away from the services that read the same topic.
"""

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Annotated, TypeAlias

import typer
from aiokafka import ConsumerRecord
from aiokafka.errors import KafkaError
from pydantic import ValidationError
from rich.console import Console
from rich.text import Text

from aiguillage.shared.events import ReportDispatched, ReporterNotice
from aiguillage.shared.kafka import tool_consumer
from aiguillage.shared.settings import KafkaSettings, ServiceSettings
from aiguillage.shared.topics import Topics
from aiguillage.shared.vocabulary import Category, Destination, Priority

Record: TypeAlias = "ConsumerRecord[bytes, bytes]"


class Queue(StrEnum):
    """What can be followed: every destination with a topic (not `closed`), and the reporter
    notices. A test checks it against `ROUTED_DESTINATIONS`."""

    EMERGENCY = "emergency"
    ANALYSTS = "analysts"
    POLICE = "police"
    GENDARMERIE = "gendarmerie"
    LAW_ENFORCEMENT_UNASSIGNED = "law_enforcement_unassigned"
    OFMIN = "ofmin"
    THESEE = "thesee"
    NOTIFICATIONS = "notifications"


PRIORITY_STYLES = {
    Priority.P0: "bold red",
    Priority.P1: "yellow",
    Priority.P2: "cyan",
    Priority.P3: "dim",
}
DESCRIPTION_CHARS = 110


def tail_command(
    queue: Annotated[
        Queue,
        typer.Argument(
            metavar="DESTINATION",
            help="The queue to follow: a destination, or 'notifications' (reporter notices).",
            show_default=False,
        ),
    ],
    priority: Annotated[
        list[Priority] | None,
        typer.Option("--priority", "-p", help="Only these priorities (repeat the option)."),
    ] = None,
    category: Annotated[
        list[Category] | None,
        typer.Option("--category", "-c", help="Only reports with one of these categories."),
    ] = None,
    from_beginning: Annotated[
        bool,
        typer.Option(
            "--from-beginning/--new-only",
            help="Show what the queue holds already, or only what arrives from now on.",
        ),
    ] = False,
    limit: Annotated[
        int | None,
        typer.Option(min=1, help="Stop after this many messages shown (default: until Ctrl-C)."),
    ] = None,
) -> None:
    """Follow one destination queue: each report on a line or two, filtered by priority and
    category. Ctrl-C stops it."""
    if queue is Queue.NOTIFICATIONS and (priority or category):
        # Notices carry neither a priority nor categories: such a filter would hide everything.
        msg = "reporter notices have no priority or category to filter on"
        raise typer.BadParameter(msg, param_hint="--priority/--category")
    kafka = ServiceSettings().kafka
    topics = Topics(prefix=kafka.topic_prefix)
    notices = queue is Queue.NOTIFICATIONS
    topic = topics.notifications if notices else topics.destination(Destination(queue.value))
    # Taken before connecting, so nothing published while the consumer starts is missed.
    since_ms = None if from_beginning else int(time.time() * 1000)
    line = _Filter(priorities=frozenset(priority or ()), categories=frozenset(category or ()))
    try:
        asyncio.run(_follow(kafka, topic, line, notices=notices, since_ms=since_ms, limit=limit))
    except KafkaError as error:
        typer.echo(f"the broker is unreachable: {error!r}", err=True)
        raise typer.Exit(2) from error
    except MissingTopicError as error:
        typer.echo(f"no topic {error}: the services create their topics when they start", err=True)
        raise typer.Exit(1) from error
    except KeyboardInterrupt:
        # Ctrl-C is how a tail ends: the consumer was stopped on the way out, nothing to report.
        raise typer.Exit(0) from None


class MissingTopicError(Exception):
    pass


@dataclass(frozen=True, kw_only=True)
class _Filter:
    priorities: frozenset[Priority]
    categories: frozenset[Category]

    @property
    def active(self) -> bool:
        return bool(self.priorities or self.categories)

    def accepts(self, event: ReportDispatched) -> bool:
        if self.priorities and event.priority not in self.priorities:
            return False
        return not self.categories or bool(self.categories & set(event.decision.categories))


async def _follow(
    kafka: KafkaSettings,
    topic: str,
    line: _Filter,
    *,
    notices: bool,
    since_ms: int | None,
    limit: int | None,
) -> None:
    # "New only" also reads from the earliest offset and skips by timestamp: the local broker's
    # end offsets (hence `latest`) cannot be trusted.
    consumer = tool_consumer(kafka)
    console = Console(highlight=False)
    await consumer.start()
    shown = 0
    try:
        # Subscribing to a missing topic could have the broker create it, with its default
        # partition count rather than the pipeline's: look first (listing creates nothing).
        if topic not in await consumer.topics():
            raise MissingTopicError(topic)
        consumer.subscribe([topic])
        while limit is None or shown < limit:
            batch = await consumer.getmany(timeout_ms=500)
            records = sorted(
                (r for partition in batch.values() for r in partition),
                key=lambda r: (r.timestamp, r.partition, r.offset),
            )
            for record in records:
                if since_ms is not None and record.timestamp < since_ms:
                    continue
                text = _render(record, line, notices=notices)
                if text is None:
                    continue
                console.print(text)
                shown += 1
                if limit is not None and shown >= limit:
                    break
    finally:
        await consumer.stop()


def _render(record: Record, line: _Filter, *, notices: bool) -> Text | None:
    """The message as a line or two, or None when the filter leaves it out."""
    value = record.value or b""
    try:
        if notices:
            return _notice(ReporterNotice.model_validate_json(value))
        event = ReportDispatched.model_validate_json(value)
    except ValidationError as error:
        if line.active:
            return None  # cannot tell whether it matches; shown only when nothing is filtered
        when = datetime.fromtimestamp(record.timestamp / 1000).astimezone()
        return Text.assemble(
            (f"{when:%H:%M:%S} ", "dim"),
            (f"unreadable message at partition {record.partition} offset {record.offset}: ", "red"),
            (f"{error.error_count()} validation error(s)", "red"),
        )
    return _dispatched(event) if line.accepts(event) else None


def _dispatched(event: ReportDispatched) -> Text:
    report, decision = event.report, event.decision
    where = report.urls[0] if report.urls else (report.platform or report.where_seen.value)
    # Text, not markup: the description and URLs are citizens' words, `[...]` included.
    text = Text.assemble(
        (f"{_clock(event.occurred_at)} ", "dim"),
        (f"{event.priority.value:<3}", PRIORITY_STYLES[event.priority]),
        (event.report_id, "bold"),
        " ",
        (_joined(decision.categories) or "no category", "magenta"),
        " ",
        (decision.scope.value, "blue"),
        " ",
        (where, "underline"),
    )
    if event.case is not None and event.case.reports > 1:
        # The analysts' queue: this report is the latest of a case.
        text.append(f"  case of {event.case.reports} reports", style="yellow")
    text.append(f"\n    {_start(report.description)}", style="italic")
    return text


def _notice(notice: ReporterNotice) -> Text:
    return Text.assemble(
        (f"{_clock(notice.occurred_at)} ", "dim"),
        (notice.report_id, "bold"),
        " → ",
        (_joined(notice.destinations) or "-", "magenta"),
        f"\n    {_start(notice.text)}",
    )


def _clock(at: datetime) -> str:
    return f"{at.astimezone():%H:%M:%S}"


def _joined(values: Sequence[Category | Destination]) -> str:
    return ",".join(v.value for v in values)


def _start(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= DESCRIPTION_CHARS else f"{flat[: DESCRIPTION_CHARS - 1]}…"
