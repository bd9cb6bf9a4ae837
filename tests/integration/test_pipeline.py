"""intake → triage → dispatch in one process, over the real broker and database."""

import asyncio
import json
from collections import Counter
from datetime import timedelta

import pytest
from aiokafka import AIOKafkaProducer, ConsumerRecord
from pymongo import AsyncMongoClient

from aiguillage.shared.mongo import Document, ReportStore, submitted_event
from aiguillage.shared.topics import ROUTED_DESTINATIONS, Topics
from tests.integration.test_intake_api import EXAMPLE_1
from tests.support.apps import consumer_service, intake_client
from tests.support.kafka import collect, wait_committed
from tests.support.servers import Servers

pytestmark = pytest.mark.connected
# The services' default (see ServiceSettings.retention_days).
RETENTION = timedelta(days=365)
Records = list[ConsumerRecord[bytes, bytes]]


def destinations_of(records: Records, report_id: str) -> Counter[str]:
    messages = [json.loads(r.value) for r in records]
    return Counter(m["destination"] for m in messages if m["report_id"] == report_id)


async def wait_status(
    mongo: AsyncMongoClient[Document], database: str, report_id: str, status: str
) -> Document:
    store = ReportStore(mongo[database], retention=RETENTION)
    for _ in range(300):
        doc = await store.get(report_id)  # the status as intake shows it
        if doc is not None and doc["status"] == status:
            return doc
        await asyncio.sleep(0.05)
    msg = f"report {report_id} never reached {status}"
    raise AssertionError(msg)


async def test_example_1_is_split_and_redelivery_changes_nothing(
    isolated_env: dict[str, str], servers: Servers, mongo: AsyncMongoClient[Document]
) -> None:
    topics = Topics(prefix=isolated_env["AIGUILLAGE_KAFKA__TOPIC_PREFIX"])
    database = isolated_env["AIGUILLAGE_MONGO__DATABASE"]
    destination_topics = [topics.destination(d) for d in ROUTED_DESTINATIONS]
    async with (
        intake_client() as client,
        consumer_service("triage") as triage,
        consumer_service("dispatch") as dispatch,
    ):
        accepted = (await client.post("/reports", json=EXAMPLE_1)).json()
        await wait_status(mongo, database, accepted["id"], "dispatched")
        view = (
            await client.get(
                f"/reports/{accepted['id']}",
                headers={"Authorization": f"Bearer {accepted['tracking_token']}"},
            )
        ).json()

        # Deliver the same submitted event again, as a crash before the commit would.
        stored = await mongo[database].reports.find_one({"_id": accepted["id"]})
        assert stored is not None
        event = submitted_event(stored)
        producer = AIOKafkaProducer(bootstrap_servers=servers.bootstrap_servers)
        await producer.start()
        try:
            await producer.send_and_wait(
                topics.submitted, event.model_dump_json().encode(), key=event.report_id.encode()
            )
        finally:
            await producer.stop()
        triage_health = await triage.get("/health")
        dispatch_metrics = (await dispatch.get("/metrics")).text
        # Triage takes it, sees the report dispatched already, and commits it.
        await wait_committed(
            servers.bootstrap_servers,
            f"{topics.prefix}aiguillage-triage",
            topics.submitted,
            total=2,
            timeout_s=20,
        )

    assert triage_health.status_code == 200
    for destination in ("analysts", "police", "ofmin"):
        label = f'destination="{destination}",priority="P1"'
        assert f"aiguillage_reports_dispatched_total{{{label}}}" in dispatch_metrics
    assert 'faststream_received_messages_total{app_name="dispatch"' in dispatch_metrics
    assert view["status"] == "dispatched"
    assert set(view["destinations"]) == {"analysts", "police", "ofmin"}
    assert set(view["categories"]) == {"cyberharassment", "insult_defamation"}
    assert view["scope"] == "mixed"
    assert view["priority"] == "P1"
    assert any(r["subject"] == "destination:police" for r in view["reasons"])

    records = await collect(
        servers.bootstrap_servers,
        destination_topics,
        until=lambda r: len(r) >= 3,
        timeout_s=10,
        settle_s=1.0,
    )
    assert destinations_of(records, accepted["id"]) == Counter(
        {"analysts": 1, "police": 1, "ofmin": 1}
    )
    final = await ReportStore(mongo[database], retention=RETENTION).get(accepted["id"])
    assert final is not None
    assert [h["status"] for h in final["history"]] == ["received", "triaged", "dispatched"]
    assert [h["by"] for h in final["history"]] == ["intake", "triage", "dispatch"]
    # The report and its dispatch record are each deleted by a TTL index once the retention
    # period (365 days by default) has run from when each was written.
    report = await mongo[database].reports.find_one({"_id": accepted["id"]})
    record = await mongo[database].dispatches.find_one({"_id": accepted["id"]})
    assert report is not None
    assert record is not None
    assert (report["expires_at"] - report["submitted_at"]).days == 365
    assert (record["expires_at"] - record["dispatched_at"]).days == 365
    for collection in ("reports", "dispatches"):
        indexes = await mongo[database][collection].index_information()
        assert any(
            spec["key"] == [("expires_at", 1)] and spec.get("expireAfterSeconds") == 0
            for spec in indexes.values()
        ), (collection, indexes)


async def test_poison_messages_go_to_dead_letters_and_the_rest_flows(
    isolated_env: dict[str, str], servers: Servers, mongo: AsyncMongoClient[Document]
) -> None:
    topics = Topics(prefix=isolated_env["AIGUILLAGE_KAFKA__TOPIC_PREFIX"])
    database = isolated_env["AIGUILLAGE_MONGO__DATABASE"]
    async with intake_client() as client, consumer_service("triage"):
        producer = AIOKafkaProducer(bootstrap_servers=servers.bootstrap_servers)
        await producer.start()
        try:
            # Same key as the valid report, so they share a partition: the poison comes first.
            key = b"poison"
            await producer.send_and_wait(topics.submitted, b"{not json", key=key)
            await producer.send_and_wait(
                topics.submitted, json.dumps({"schema_version": 99}).encode(), key=key
            )
        finally:
            await producer.stop()
        accepted = (await client.post("/reports", json=EXAMPLE_1)).json()
        await wait_status(mongo, database, accepted["id"], "triaged")
        letters = await collect(
            servers.bootstrap_servers,
            [topics.dead_letters("triage")],
            until=lambda r: len(r) >= 2,
            timeout_s=20,
        )
    assert len(letters) == 2
    bodies = [json.loads(r.value) for r in letters]
    assert {b["payload"] for b in bodies} == {"{not json", '{"schema_version": 99}'}
    assert all(b["stage"] == "triage" and b["error"] for b in bodies)
    assert all(b["source"]["topic"] == topics.submitted for b in bodies)
