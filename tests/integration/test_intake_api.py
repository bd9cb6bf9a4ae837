"""The intake API over the real broker and database."""

import json

import pytest
from pymongo import AsyncMongoClient

from aiguillage.shared.mongo import Document
from aiguillage.shared.topics import Topics
from tests.support.apps import intake_client
from tests.support.kafka import collect
from tests.support.servers import Servers

pytestmark = pytest.mark.connected

EXAMPLE_1 = {
    "description": (
        "Un compte Instagram publie des photos de ma fille (14 ans) avec des insultes, toute sa "
        "classe commente. Et ils lui envoient des messages privés la nuit."
    ),
    "where_seen": "public_post",
    "urls": ["https://www.instagram.com/p/Cx1234abcd/"],
    "platform": "instagram",
    "reporter": {"anonymous": False, "is_victim": False, "contact_email": "parent@example.org"},
    "victim": {"is_minor": True, "commune_insee": "33063"},
}


async def test_accepted_report_is_stored_and_published(
    isolated_env: dict[str, str], servers: Servers, mongo: AsyncMongoClient[Document]
) -> None:
    async with intake_client() as client:
        response = await client.post("/reports", json=EXAMPLE_1)
    assert response.status_code == 202, response.text
    accepted = response.json()
    assert set(accepted) == {"id", "tracking_token", "status"}

    database = mongo[isolated_env["AIGUILLAGE_MONGO__DATABASE"]]
    stored = await database.reports.find_one({"_id": accepted["id"]})
    assert stored is not None
    assert [h["status"] for h in stored["history"]] == ["received"]
    assert stored["report"]["reporter"]["contact_email"] == "parent@example.org"
    # Published by its request: nothing left to the relay.
    assert await database.outbox.count_documents({}) == 0
    assert accepted["tracking_token"] not in json.dumps(stored, default=str)

    topic = Topics(prefix=isolated_env["AIGUILLAGE_KAFKA__TOPIC_PREFIX"]).submitted
    records = await collect(servers.bootstrap_servers, [topic], until=bool, timeout_s=15)
    assert len(records) == 1
    assert records[0].key == accepted["id"].encode()
    event = json.loads(records[0].value)
    assert event["event_type"] == "report.submitted"
    assert event["schema_version"] == 1
    assert event["report"]["description"] == EXAMPLE_1["description"]
    # Personal data stays in MongoDB.
    assert event["report"]["reporter"]["contact_email"] is None
    assert b"parent@example.org" not in records[0].value


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**EXAMPLE_1, "colour": "red"}, "colour"),
        ({**EXAMPLE_1, "description": ""}, "description"),
        ({**EXAMPLE_1, "description": "   "}, "description"),
        ({**EXAMPLE_1, "description": "x" * 5_001}, "description"),
        ({**EXAMPLE_1, "description": 42}, "description"),
        ({**EXAMPLE_1, "where_seen": "pigeon"}, "where_seen"),
        ({**EXAMPLE_1, "category_hint": "murder"}, "category_hint"),
        ({**EXAMPLE_1, "urls": ["not a url"]}, "urls.0"),
        ({**EXAMPLE_1, "urls": ["ftp://example.org/x"]}, "urls.0"),
        ({**EXAMPLE_1, "urls": "https://example.org"}, "urls"),
        ({**EXAMPLE_1, "victim": {"commune_insee": "3306"}}, "victim.commune_insee"),
        ({**EXAMPLE_1, "victim": {"postal_code": "ABCDE"}}, "victim.postal_code"),
        ({**EXAMPLE_1, "reporter": {"contact_email": "nope"}}, "reporter.contact_email"),
        ({**EXAMPLE_1, "reporter": {"trusted_flagger": True}}, "reporter.trusted_flagger"),
        ({"where_seen": "sms"}, "description"),
    ],
)
async def test_invalid_report_is_refused_and_nothing_kept(
    isolated_env: dict[str, str],
    servers: Servers,
    mongo: AsyncMongoClient[Document],
    body: dict[str, object],
    field: str,
) -> None:
    async with intake_client() as client:
        response = await client.post("/reports", json=body)
    assert response.status_code == 422, response.text
    problems = response.json()["problems"]
    assert field in {p["field"] for p in problems}, problems
    database = mongo[isolated_env["AIGUILLAGE_MONGO__DATABASE"]]
    assert await database.reports.count_documents({}) == 0


@pytest.mark.parametrize(
    ("content", "content_type", "status"),
    [
        (b"{not json", "application/json", 422),
        (b"description=hello", "application/x-www-form-urlencoded", 415),
        (b'{"description": "' + b"a" * 400_000 + b'"}', "application/json", 413),
    ],
)
async def test_malformed_body_is_refused(
    isolated_env: dict[str, str],
    mongo: AsyncMongoClient[Document],
    content: bytes,
    content_type: str,
    status: int,
) -> None:
    async with intake_client() as client:
        response = await client.post(
            "/reports", content=content, headers={"content-type": content_type}
        )
    assert response.status_code == status, response.text
    assert response.json()["error"]
    database = mongo[isolated_env["AIGUILLAGE_MONGO__DATABASE"]]
    assert await database.reports.count_documents({}) == 0


async def test_status_needs_the_tracking_token(isolated_env: dict[str, str]) -> None:
    async with intake_client() as client:
        accepted = (await client.post("/reports", json=EXAMPLE_1)).json()
        own = await client.get(
            f"/reports/{accepted['id']}",
            headers={"Authorization": f"Bearer {accepted['tracking_token']}"},
        )
        wrong_token = await client.get(
            f"/reports/{accepted['id']}", headers={"Authorization": "Bearer guess"}
        )
        no_token = await client.get(f"/reports/{accepted['id']}")
        unknown = await client.get(
            "/reports/0123456789abcdef",
            headers={"Authorization": f"Bearer {accepted['tracking_token']}"},
        )
    assert own.status_code == 200
    assert own.json()["status"] == "received"
    assert own.json()["history"][0]["by"] == "intake"
    # A wrong token and an unknown id cannot be told apart.
    assert wrong_token.status_code == no_token.status_code == unknown.status_code == 404
    assert wrong_token.json() == unknown.json()


async def test_health_and_openapi(isolated_env: dict[str, str]) -> None:
    async with intake_client() as client:
        health = await client.get("/health")
        openapi = await client.get("/openapi.json")
    assert health.status_code == 200
    assert health.json()["checks"] == {"mongo": "ok", "kafka": "ok"}
    assert "/reports" in openapi.json()["paths"]


async def test_metrics_count_submissions_refusals_and_latency(isolated_env: dict[str, str]) -> None:
    async with intake_client() as client:
        await client.post("/reports", json=EXAMPLE_1)
        await client.post("/reports", json={**EXAMPLE_1, "description": ""})
        await client.get("/reports/unknown")
        text = (await client.get("/metrics")).text
    assert 'aiguillage_reports_submitted_total{outcome="published",trusted_flagger="false"}' in text
    assert 'aiguillage_reports_refused_total{status="422"}' in text
    assert (
        'aiguillage_intake_request_duration_seconds_count{method="POST",route="/reports",'
        'status="202"}' in text
    )
    # Templates, not paths: one series for every report id.
    assert 'route="/reports/{report_id}",status="404"' in text
    assert "aiguillage_outbox_backlog" in text
    assert 'faststream_published_messages_total{app_name="intake"' in text
