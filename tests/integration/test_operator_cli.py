"""`aiguillage tail` and `aiguillage status`, over the real broker and database.

The tests are sync: the commands run their own event loop (`asyncio.run`), as they do from a shell.
"""

import asyncio
import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from typer.testing import CliRunner

from aiguillage.cli.main import app
from aiguillage.cli.tail import Queue
from aiguillage.localstack.servers import free_port
from aiguillage.shared.decision import Reason, Routing, TriageDecision
from aiguillage.shared.events import ReportDispatched, ReportSubmitted
from aiguillage.shared.kafka import ensure_topics
from aiguillage.shared.mongo import DispatchRecord, ReportStore, Submission, connect, now
from aiguillage.shared.outbox import Outbox
from aiguillage.shared.report import Report
from aiguillage.shared.settings import ServiceSettings
from aiguillage.shared.topics import ROUTED_DESTINATIONS, Topics
from aiguillage.shared.vocabulary import Category, Destination, Priority, Scope, WhereSeen
from tests.support.servers import Servers

pytestmark = pytest.mark.connected
# Wide enough that no table cell or tail line is folded: the assertions read whole rows.
WIDE = {"COLUMNS": "200"}


def decision(priority: Priority, *categories: Category) -> TriageDecision:
    return TriageDecision(
        categories=categories,
        scope=Scope.PUBLIC,
        victim_minor=False,
        school_context=False,
        imminent_danger=False,
        priority=priority,
        reasons=(Reason(subject="priority", rule="§5 test"),),
    )


def report(description: str) -> Report:
    return Report(
        description=description,
        where_seen=WhereSeen.PUBLIC_POST,
        urls=["https://example.org/post/1"],
        platform="x",
    )


def dispatched(report_id: str, priority: Priority, *categories: Category) -> ReportDispatched:
    return ReportDispatched(
        event_id=f"{report_id}:analysts",
        report_id=report_id,
        occurred_at=now(),
        destination=Destination.ANALYSTS,
        priority=priority,
        report=report(f"description of {report_id} [bold]not markup[/bold]"),
        decision=decision(priority, *categories),
        reasons=(Reason(subject="destination:analysts", rule="§4 test"),),
    )


def produce(bootstrap_servers: str, messages: list[tuple[str, int, bytes]]) -> None:
    """Write (topic, partition, value) messages, in order."""

    async def run() -> None:
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap_servers)
        await producer.start()
        try:
            for topic, partition, value in messages:
                await producer.send_and_wait(topic, value, partition=partition)
        finally:
            await producer.stop()

    asyncio.run(run())


def create_topics(*topics: str) -> None:
    asyncio.run(ensure_topics(ServiceSettings().kafka, topics))


def shown_ids(output: str) -> list[str]:
    """The report ids of the messages tail printed (each message's first line), in order."""
    return re.findall(r"^\d\d:\d\d:\d\d P\d\s+(\S+) ", output, flags=re.MULTILINE)


def test_the_queues_are_the_routed_destinations_and_the_notices() -> None:
    assert [q.value for q in Queue] == [*(d.value for d in ROUTED_DESTINATIONS), "notifications"]


def test_tail_shows_only_the_priorities_asked_for(
    isolated_env: dict[str, str], servers: Servers
) -> None:
    topics = Topics(prefix=isolated_env["AIGUILLAGE_KAFKA__TOPIC_PREFIX"])
    topic = topics.destination(Destination.ANALYSTS)
    create_topics(topic)
    events = [
        dispatched("report-a", Priority.P0, Category.THREATS_VIOLENCE),
        dispatched("report-b", Priority.P1, Category.HATE),
        dispatched("report-c", Priority.P2, Category.SPAM),
        dispatched("report-d", Priority.P1, Category.CYBERHARASSMENT, Category.HATE),
        dispatched("report-e", Priority.P1, Category.SCAM),
    ]
    produce(
        servers.bootstrap_servers,
        [(topic, 0, e.model_dump_json().encode()) for e in events],
    )
    runner = CliRunner()

    shown = runner.invoke(
        app, ["tail", "analysts", "--from-beginning", "--limit", "2", "--priority", "P1"], env=WIDE
    )
    assert shown.exit_code == 0, shown.output
    assert shown_ids(shown.output) == ["report-b", "report-d"], shown.output
    assert "P1" in shown.output
    assert "P0" not in shown.output
    assert "P2" not in shown.output
    assert "cyberharassment,hate" in shown.output
    assert "https://example.org/post/1" in shown.output
    # A citizen's words are printed as written, not read as rich markup.
    assert "[bold]not markup[/bold]" in shown.output

    by_category = runner.invoke(
        app, ["tail", "analysts", "--from-beginning", "--limit", "2", "-c", "hate"], env=WIDE
    )
    assert by_category.exit_code == 0, by_category.output
    assert shown_ids(by_category.output) == ["report-b", "report-d"]


def test_tail_new_only_skips_what_was_there_before(
    isolated_env: dict[str, str], servers: Servers
) -> None:
    topics = Topics(prefix=isolated_env["AIGUILLAGE_KAFKA__TOPIC_PREFIX"])
    topic = topics.destination(Destination.POLICE)
    create_topics(topic)
    produce(
        servers.bootstrap_servers,
        [(topic, 0, dispatched("old-1", Priority.P1).model_dump_json().encode())],
    )

    async def tail_then_publish() -> str:
        # The command runs in a thread (it has its own event loop); the new message is
        # published once it is reading.
        runner = CliRunner()
        running = asyncio.create_task(
            asyncio.to_thread(runner.invoke, app, ["tail", "police", "--limit", "1"], env=WIDE)
        )
        await asyncio.sleep(1.5)
        producer = AIOKafkaProducer(bootstrap_servers=servers.bootstrap_servers)
        await producer.start()
        try:
            await producer.send_and_wait(
                topic, dispatched("new-1", Priority.P3).model_dump_json().encode(), partition=1
            )
        finally:
            await producer.stop()
        result = await asyncio.wait_for(running, timeout=20)
        assert result.exit_code == 0, result.output
        return result.output

    output = asyncio.run(tail_then_publish())
    assert "new-1" in output
    assert "old-1" not in output


def test_tail_rejects_filters_on_notices() -> None:
    result = CliRunner().invoke(app, ["tail", "notifications", "--priority", "P0"], env=WIDE)
    assert result.exit_code == 2
    assert "no priority or category" in result.output


async def store_reports() -> None:
    settings = ServiceSettings().mongo
    client = connect(settings)
    store = ReportStore(client[settings.database], retention=timedelta(days=30))

    async def submit(report_id: str) -> None:
        body = report(f"report {report_id}")
        event = ReportSubmitted.build(report_id=report_id, report=body, at=now())
        submission = Submission(report=body, event=event, tracking_token_sha256="0" * 64, by="test")
        assert await store.insert_submitted([submission]) == [None]

    outbox = Outbox(store)
    try:
        await submit("received-1")
        await outbox.note_failure("received-1")  # its publication failed: in the outbox
        await submit("received-2")
        await outbox.published("received-2", check_after=timedelta(minutes=5))  # redriven
        await submit("triaged-1")
        await store.record_triage({"triaged-1": decision(Priority.P2, Category.SPAM)})
        for report_id, priority, destinations in [
            ("dispatched-1", Priority.P0, (Destination.EMERGENCY, Destination.POLICE)),
            ("dispatched-2", Priority.P1, (Destination.ANALYSTS, Destination.POLICE)),
            ("dispatched-3", Priority.P1, (Destination.ANALYSTS,)),
        ]:
            await submit(report_id)
            decided = decision(priority, Category.HATE)
            await store.record_triage({report_id: decided})
            routing = Routing(destinations=destinations, reasons=())
            record = DispatchRecord(decision=decided, triaged_at=now(), routing=routing)
            await store.record_dispatch({report_id: record})
    finally:
        await client.close()


async def commit(bootstrap_servers: str, group: str, offsets: dict[TopicPartition, int]) -> None:
    """Commit offsets for the group as a stage would, without joining it (manual assignment)."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap_servers, group_id=group, enable_auto_commit=False
    )
    await consumer.start()
    try:
        consumer.assign(list(offsets))
        await consumer.commit(offsets)
    finally:
        await consumer.stop()


def rows(output: str, first: str) -> Iterator[list[str]]:
    """The table rows whose first cell is `first`, as their stripped cells."""
    for line in output.splitlines():
        cells = [c.strip() for c in line.strip().strip("│").split("│")]
        if cells and cells[0] == first:
            yield cells


def test_status_counts_reports_and_computes_lag(
    isolated_env: dict[str, str], servers: Servers
) -> None:
    topics = Topics(prefix=isolated_env["AIGUILLAGE_KAFKA__TOPIC_PREFIX"])
    asyncio.run(store_reports())
    create_topics(topics.submitted, topics.triaged)
    # submitted: 3 messages on partition 0, 2 on 1, none on 2; triaged: 2 on partition 2.
    produce(
        servers.bootstrap_servers,
        [(topics.submitted, p, b"{}") for p in (0, 0, 0, 1, 1)]
        + [(topics.triaged, 2, b"{}"), (topics.triaged, 2, b"{}")],
    )
    # Triage has processed 2 of partition 0 and nothing else; dispatch is up to date.
    asyncio.run(
        commit(
            servers.bootstrap_servers,
            f"{topics.prefix}aiguillage-triage",
            {TopicPartition(topics.submitted, 0): 2},
        )
    )
    asyncio.run(
        commit(
            servers.bootstrap_servers,
            f"{topics.prefix}aiguillage-dispatch",
            {TopicPartition(topics.triaged, 2): 2},
        )
    )

    result = CliRunner().invoke(app, ["status"], env=WIDE)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "6 report(s)" in out
    counts = {name: next(rows(out, name))[1] for name in ("received", "triaged", "dispatched")}
    assert counts == {"received": "2", "triaged": "1", "dispatched": "3"}
    assert next(rows(out, "outbox pending"))[1] == "1"
    assert next(rows(out, "redriven"))[1] == "1"
    per_destination = {
        d.value: next(rows(out, d.value))[1]
        for d in (
            Destination.EMERGENCY,
            Destination.POLICE,
            Destination.ANALYSTS,
            Destination.OFMIN,
        )
    }
    assert per_destination == {"emergency": "1", "police": "2", "analysts": "2", "ofmin": "0"}
    per_priority = {p.value: next(rows(out, p.value))[1] for p in Priority}
    assert per_priority == {"P0": "1", "P1": "2", "P2": "1", "P3": "0"}

    triage = [r[1:] for r in rows(out, f"{topics.prefix}aiguillage-triage")]
    assert triage == [
        [topics.submitted, "0", "2", "3", "1"],
        [topics.submitted, "1", "-", "2", "2"],
        [topics.submitted, "2", "-", "0", "0"],
        ["total", "", "", "5", "3"],
    ], out
    dispatch = [r[1:] for r in rows(out, f"{topics.prefix}aiguillage-dispatch")]
    assert dispatch == [
        [topics.triaged, "0", "-", "0", "0"],
        [topics.triaged, "1", "-", "0", "0"],
        [topics.triaged, "2", "2", "2", "0"],
        ["total", "", "", "2", "0"],
    ], out


def point_at_nothing(monkeypatch: pytest.MonkeyPatch, *, kafka: bool, mongo: bool) -> None:
    """Nothing listens on a free port; short timeouts so the failure comes quickly."""
    port = free_port()
    if kafka:
        monkeypatch.setenv("AIGUILLAGE_KAFKA__BOOTSTRAP_SERVERS", f"127.0.0.1:{port}")
        monkeypatch.setenv("AIGUILLAGE_KAFKA__REQUEST_TIMEOUT_MS", "1000")
    if mongo:
        monkeypatch.setenv("AIGUILLAGE_MONGO__URL", f"mongodb://127.0.0.1:{port}/")
        monkeypatch.setenv("AIGUILLAGE_MONGO__SERVER_SELECTION_TIMEOUT_MS", "300")


def test_unreachable_servers_exit_2_with_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    point_at_nothing(monkeypatch, kafka=True, mongo=True)
    runner = CliRunner()
    tail = runner.invoke(app, ["tail", "analysts", "--from-beginning", "--limit", "1"])
    assert tail.exit_code == 2, tail.output
    assert "the broker is unreachable" in tail.output
    status = runner.invoke(app, ["status"])
    assert status.exit_code == 2, status.output
    assert "the database is unreachable" in status.output


def test_status_with_the_broker_down_exits_2(
    isolated_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at_nothing(monkeypatch, kafka=True, mongo=False)
    status = CliRunner().invoke(app, ["status"])
    assert status.exit_code == 2, status.output
    assert "the broker is unreachable" in status.output
