"""`aiguillage dlq list` and `replay`, over the real broker."""

import asyncio

import pytest
from aiokafka import AIOKafkaProducer
from typer.testing import CliRunner

from aiguillage.cli.main import app
from aiguillage.shared.events import DeadLetter, MessageSource
from aiguillage.shared.mongo import now
from aiguillage.shared.topics import Topics
from tests.support.kafka import collect
from tests.support.servers import Servers

pytestmark = pytest.mark.connected


def test_dead_letters_are_listed_and_replayed_once(
    isolated_env: dict[str, str], servers: Servers
) -> None:
    topics = Topics(prefix=isolated_env["AIGUILLAGE_KAFKA__TOPIC_PREFIX"])
    letters = [
        DeadLetter(
            stage="triage",
            error="ZeroDivisionError: a bug",
            source=MessageSource(topic=topics.submitted, partition=0, offset=i, key=f"report-{i}"),
            payload=f'{{"report_id": "report-{i}"}}',
            dead_lettered_at=now(),
        )
        for i in range(3)
    ]

    async def write_letters() -> None:
        producer = AIOKafkaProducer(bootstrap_servers=servers.bootstrap_servers)
        await producer.start()
        try:
            for letter in letters:
                await producer.send_and_wait(
                    topics.dead_letters("triage"),
                    letter.model_dump_json().encode(),
                    key=letter.source.key.encode() if letter.source.key else None,
                )
        finally:
            await producer.stop()

    asyncio.run(write_letters())
    runner = CliRunner()

    listed = runner.invoke(app, ["dlq", "list"])
    assert listed.exit_code == 0, listed.output
    assert "3 dead letter(s)" in listed.output
    assert all(f"report-{i}" in listed.output for i in range(3))

    first = runner.invoke(app, ["dlq", "replay", "--stage", "triage"])
    again = runner.invoke(app, ["dlq", "replay", "--stage", "triage"])
    assert first.output.strip() == "replayed 3 dead letter(s)", first.output
    assert again.output.strip() == "replayed 0 dead letter(s)", again.output

    replayed = asyncio.run(
        collect(
            servers.bootstrap_servers,
            [topics.submitted],
            until=lambda r: len(r) >= 3,
            timeout_s=10,
            settle_s=0.5,
        )
    )
    assert sorted((r.key, r.value) for r in replayed) == sorted(
        (f"report-{i}".encode(), f'{{"report_id": "report-{i}"}}'.encode()) for i in range(3)
    )
