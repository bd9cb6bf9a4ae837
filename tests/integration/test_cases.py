"""Reports of the same content join one case: one analysts' task per case, updated, and the
case's priority up one level at 10 reports."""

import asyncio
import json
from typing import Any

import pytest
from pymongo import AsyncMongoClient

from aiguillage.shared.mongo import Document
from aiguillage.shared.topics import Topics
from aiguillage.shared.vocabulary import Destination
from tests.support.apps import consumer_service, intake_client
from tests.support.kafka import collect
from tests.support.servers import Servers

pytestmark = pytest.mark.connected
FAKES = {
    "description": "Quelqu'un vend des faux AirPods sur un site, c'est nul.",
    "where_seen": "website",
    "platform": "boutique-airpods",
}
SPELLINGS = [
    "https://www.faux-airpods.shop/produit/airpods-pro",
    "http://faux-airpods.shop/produit/airpods-pro/",
    "https://m.faux-airpods.shop/produit/airpods-pro?utm_source=tiktok",
    "https://FAUX-AIRPODS.SHOP/produit/airpods-pro#avis",
]


async def test_same_content_is_one_case_escalated_at_ten_reports(
    isolated_env: dict[str, str], servers: Servers, mongo: AsyncMongoClient[Document]
) -> None:
    topics = Topics(prefix=isolated_env["AIGUILLAGE_KAFKA__TOPIC_PREFIX"])
    bodies = [{**FAKES, "urls": [SPELLINGS[i % len(SPELLINGS)]]} for i in range(11)]
    other = {**FAKES, "urls": ["https://autre-boutique.shop/airpods"]}
    private = {
        "description": "Il m'envoie des SMS, il dit qu'il va me tuer.",
        "where_seen": "sms",
    }
    async with intake_client() as client, consumer_service("triage"), consumer_service("dispatch"):
        for body in [*bodies, other, private]:
            # One at a time, so the case's count grows in a known order.
            assert (await client.post("/reports", json=body)).status_code == 202
            await asyncio.sleep(0.05)
        records = await collect(
            servers.bootstrap_servers,
            [topics.destination(Destination.ANALYSTS)],
            until=lambda r: len(r) >= 12,
            timeout_s=60,
            settle_s=1.0,
        )
    tasks = [(r.key.decode(), json.loads(r.value)) for r in records]
    assert len(tasks) == 12  # the private report has no analysts' task
    by_case: dict[str, list[dict[str, Any]]] = {}
    for key, task in tasks:
        assert key == task["case"]["case_id"]
        by_case.setdefault(key, []).append(task["case"])
    sizes = sorted(len(v) for v in by_case.values())
    assert sizes == [1, 11]
    big = max(by_case.values(), key=len)
    assert sorted(c["reports"] for c in big) == list(range(1, 12))
    for case in big:
        assert case["url"] == "faux-airpods.shop/produit/airpods-pro"
        # P2 (illicit trafficking) until the tenth report, P1 from then on.
        assert case["priority"] == ("P1" if case["reports"] >= 10 else "P2")
    stored = await mongo[isolated_env["AIGUILLAGE_MONGO__DATABASE"]].cases.find({}).to_list()
    assert sorted(len(c["report_ids"]) for c in stored) == [1, 11]
