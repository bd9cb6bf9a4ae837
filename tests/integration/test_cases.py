"""Reports of the same content join one case: one analysts' task per case, updated, and the
case's priority up one level at 10 reports."""

import asyncio
import json
from typing import Any

import pytest
from pymongo import AsyncMongoClient

from aiguillage.shared.cases import CaseMember, CaseStore
from aiguillage.shared.mongo import Document
from aiguillage.shared.topics import Topics
from aiguillage.shared.vocabulary import Destination, Priority
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
    database = mongo[isolated_env["AIGUILLAGE_MONGO__DATABASE"]]
    stored = await database.cases.find({}).to_list()
    assert sorted(c["reports"] for c in stored) == [1, 11]


async def test_reports_take_their_places_in_order_and_viral_content_keeps_counting(
    isolated_env: dict[str, str], mongo: AsyncMongoClient[Document]
) -> None:
    store = CaseStore(mongo[isolated_env["AIGUILLAGE_MONGO__DATABASE"]])
    url = ["https://video.example/v/1"]

    def members(*ids: str, priority: Priority = Priority.P2) -> list[CaseMember]:
        return [CaseMember(report_id=i, urls=url, priority=priority) for i in ids]

    first = await store.join(members("a", "b"))
    later = await store.join(members("c", priority=Priority.P3))
    viral = await store.join(members(*(f"v{n}" for n in range(500))))

    assert [first["a"].reports, first["b"].reports, later["c"].reports] == [1, 2, 3]
    assert later["c"].priority is Priority.P2  # the case's best priority
    assert sorted(s.reports for s in viral.values()) == list(range(4, 504))
    assert viral["v499"].priority is Priority.P1  # escalated past ten reports
    assert len({s.case_id for s in [*first.values(), *later.values(), *viral.values()]}) == 1
