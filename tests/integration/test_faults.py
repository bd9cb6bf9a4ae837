"""Break things on purpose, over real servers: the broker lost, the database down, a handler
that keeps failing. Nothing accepted may be lost."""

import asyncio
import json
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from pymongo import AsyncMongoClient

from aiguillage.shared.decision import TriageDecision
from aiguillage.shared.mongo import Document, ReportStore
from aiguillage.shared.report import Report
from aiguillage.shared.topics import Topics
from aiguillage.triage.classifier import classify
from tests.integration.test_intake_api import EXAMPLE_1
from tests.support.apps import consumer_service, intake_client
from tests.support.kafka import collect
from tests.support.servers import Servers, dedicated_broker, dedicated_database

pytestmark = pytest.mark.connected
# The services' default (see ServiceSettings.retention_days).
RETENTION = timedelta(days=365)


def numbered(i: int) -> dict[str, object]:
    return {**EXAMPLE_1, "description": f"{EXAMPLE_1['description']} (signalement {i})"}


async def post_all(client: httpx.AsyncClient, first: int, count: int) -> list[str]:
    responses = await asyncio.gather(
        *(client.post("/reports", json=numbered(i)) for i in range(first, first + count))
    )
    assert [r.status_code for r in responses] == [202] * count, [r.text for r in responses]
    return [r.json()["id"] for r in responses]


async def wait_all_dispatched(
    mongo: AsyncMongoClient[Document], database: str, ids: list[str], timeout_s: float
) -> None:
    deadline = asyncio.get_running_loop().time() + timeout_s
    while asyncio.get_running_loop().time() < deadline:
        done = await mongo[database].dispatches.count_documents({"_id": {"$in": ids}})
        if done == len(ids):
            return
        await asyncio.sleep(0.25)
    recorded = await mongo[database].dispatches.distinct("_id", {"_id": {"$in": ids}})
    missing = sorted(set(ids) - set(recorded))
    pytest.fail(f"{len(missing)} of {len(ids)} reports never dispatched: {missing[:5]}")


async def test_broker_lost_while_posting_loses_no_report(
    isolated_env: dict[str, str],
    mongo: AsyncMongoClient[Document],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database = isolated_env["AIGUILLAGE_MONGO__DATABASE"]
    with dedicated_broker(tmp_path) as broker:
        monkeypatch.setenv("AIGUILLAGE_KAFKA__BOOTSTRAP_SERVERS", f"127.0.0.1:{broker.port}")
        monkeypatch.setenv("AIGUILLAGE_PUBLISH_TIMEOUT_S", "1")
        monkeypatch.setenv("AIGUILLAGE_OUTBOX_INTERVAL_S", "0.2")
        monkeypatch.setenv("AIGUILLAGE_REDRIVE_AFTER_S", "5")
        async with (
            intake_client() as client,
            consumer_service("triage"),
            consumer_service("dispatch"),
        ):
            before = await post_all(client, 0, 10)
            # Killed: Tansu keeps everything in memory, so topics, messages and committed
            # offsets are all gone, as with a broker that lost its disks.
            broker.kill()
            during = await post_all(client, 10, 10)
            broker.start()
            after = await post_all(client, 20, 10)
            await wait_all_dispatched(mongo, database, before + during + after, timeout_s=150)

    assert await mongo[database].reports.count_documents({}) == 30  # none lost, none doubled
    redriven = await mongo[database].outbox.count_documents({"attempts": {"$gt": 0}})
    print(f"\nreports published again by the relay after the broker lost its data: {redriven}")


async def test_database_down_answers_503_then_recovers(
    isolated_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with dedicated_database(tmp_path) as db:
        url = f"mongodb://127.0.0.1:{db.port}/?retryWrites=false"
        monkeypatch.setenv("AIGUILLAGE_MONGO__URL", url)
        monkeypatch.setenv("AIGUILLAGE_MONGO__SERVER_SELECTION_TIMEOUT_MS", "1000")
        async with intake_client() as client:
            accepted = await client.post("/reports", json=numbered(1))
            assert accepted.status_code == 202
            db.stop()
            refused = await client.post("/reports", json=numbered(2))
            health = await client.get("/health")
            db.start()
            for _ in range(60):
                if (await client.get("/health")).status_code == 200:
                    break
                await asyncio.sleep(0.5)
            recovered = await client.post("/reports", json=numbered(3))

        probe: AsyncMongoClient[Document] = AsyncMongoClient(url)
        try:
            stored = (
                await probe[isolated_env["AIGUILLAGE_MONGO__DATABASE"]]
                .reports.find({}, {"report.description": 1})
                .to_list()
            )
        finally:
            await probe.close()

    assert refused.status_code == 503
    assert int(refused.headers["Retry-After"]) > 0
    assert "retry" in refused.json()["error"]
    assert health.status_code == 503
    assert health.json()["checks"]["mongo"].startswith("unavailable")
    assert recovered.status_code == 202
    # The refused report was never half-written.
    assert sorted(d["report"]["description"][-15:] for d in stored) == [
        "(signalement 1)",
        "(signalement 3)",
    ]


async def test_a_report_that_keeps_failing_is_dead_lettered_and_the_rest_flows(
    isolated_env: dict[str, str],
    servers: Servers,
    mongo: AsyncMongoClient[Document],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AIGUILLAGE_MAX_ATTEMPTS", "3")
    monkeypatch.setenv("AIGUILLAGE_RETRY_BACKOFF_INITIAL_S", "0.05")
    attempts: list[str] = []

    def buggy(report: Report) -> TriageDecision:
        if "BOUM" in report.description:
            attempts.append(report.description)
            msg = "a bug the classifier hits on this report"
            raise ZeroDivisionError(msg)
        return classify(report)

    topics = Topics(prefix=isolated_env["AIGUILLAGE_KAFKA__TOPIC_PREFIX"])
    database = isolated_env["AIGUILLAGE_MONGO__DATABASE"]
    async with intake_client() as client, consumer_service("triage", classifier=buggy):
        poison = (await client.post("/reports", json={**EXAMPLE_1, "description": "BOUM"})).json()
        healthy = (await client.post("/reports", json=EXAMPLE_1)).json()
        letters = await collect(
            servers.bootstrap_servers,
            [topics.dead_letters("triage")],
            until=bool,
            timeout_s=30,
        )
        for _ in range(100):
            doc = await ReportStore(mongo[database], retention=RETENTION).get(healthy["id"])
            if doc and doc["status"] == "triaged":
                break
            await asyncio.sleep(0.1)

    assert len(attempts) == 3
    assert len(letters) == 1
    letter = json.loads(letters[0].value)
    assert letter["source"]["key"] == poison["id"]
    assert "ZeroDivisionError" in letter["error"]
    assert json.loads(letter["payload"])["report_id"] == poison["id"]
    assert doc is not None
    assert doc["status"] == "triaged"
