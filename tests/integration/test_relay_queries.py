"""Intake's relay polls MongoDB every second: each of its queries must be served by an index, or
its cost grows with the collection (every report read, every second)."""

import uuid
from datetime import timedelta
from typing import Any

import pytest
from pymongo import AsyncMongoClient, monitoring

from aiguillage.shared.mongo import Document, ReportStore
from aiguillage.shared.outbox import Outbox
from tests.support.servers import Servers

pytestmark = pytest.mark.connected


class _Queries(monitoring.CommandListener):
    """The find and aggregate commands a client sends."""

    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        if event.command_name in {"find", "aggregate"}:
            # The command as written, without the driver's session and cluster fields.
            self.sent.append(
                {k: v for k, v in event.command.items() if not k.startswith("$") and k != "lsid"}
            )

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        pass

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        pass


async def test_the_relay_queries_are_served_by_an_index(
    servers: Servers, mongo: AsyncMongoClient[Document]
) -> None:
    database = f"t{uuid.uuid4().hex[:10]}"
    queries = _Queries()
    client: AsyncMongoClient[Document] = AsyncMongoClient(
        servers.mongo_url, tz_aware=True, event_listeners=[queries]
    )
    try:
        store = ReportStore(client[database], retention=timedelta(days=365))
        await store.ensure_indexes()
        queries.sent.clear()  # start-up's queries run once, not every second
        outbox = Outbox(store)
        await outbox.backlog()
        await outbox.due()
        await outbox.walk(older_than=timedelta(seconds=300))
    finally:
        await client.close()

    assert len(queries.sent) >= 3, queries.sent
    for command in queries.sent:
        plan = await mongo[database].command("explain", command, verbosity="queryPlanner")
        assert "IXSCAN" in str(plan), (command, plan)
        assert "COLLSCAN" not in str(plan), (command, plan)
