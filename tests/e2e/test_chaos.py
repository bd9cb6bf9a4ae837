"""1,000 reports in flight while triage and dispatch are SIGKILLed at random moments and
restarted: every report still reaches exactly its destinations."""

import asyncio
import json
import random
from collections import Counter
from pathlib import Path

import httpx
import pytest
from aiokafka import ConsumerRecord
from pymongo import AsyncMongoClient
from pymongo.asynchronous.database import AsyncDatabase

from aiguillage.cli.decisions import decide
from aiguillage.dispatch.zones import CommuneIndex
from aiguillage.shared.mongo import Document
from aiguillage.shared.report import Report
from aiguillage.shared.topics import ROUTED_DESTINATIONS, Topics
from tests.e2e.test_end_to_end import body_of, load_cases
from tests.support.kafka import collect
from tests.support.processes import Stack, assert_clean_stop, start_stack
from tests.support.servers import Servers

pytestmark = [pytest.mark.connected, pytest.mark.e2e]
REPORTS = 1_000
KILLS = 5


async def test_sigkills_lose_nothing_and_duplicates_carry_their_id(
    isolated_env: dict[str, str],
    servers: Servers,
    mongo: AsyncMongoClient[Document],
    tmp_path: Path,
) -> None:
    cases = load_cases()
    communes = CommuneIndex.load()
    bodies = [body_of(cases[i % len(cases)]) for i in range(REPORTS)]
    stack = start_stack(isolated_env, tmp_path)
    chaos = random.Random(20261128)  # reproducible moments
    try:
        async with httpx.AsyncClient(base_url=stack.url, timeout=30) as client:
            posting = asyncio.create_task(_post_all(client, bodies))
            killed = await _kill_at_random(stack, chaos, posting)
            ids = await posting
        database = mongo[isolated_env["AIGUILLAGE_MONGO__DATABASE"]]
        await _wait_dispatched(database, ids, timeout_s=300)
    finally:
        assert_clean_stop(stack)

    expected = {
        (report_id, destination.value)
        for report_id, body in zip(ids, bodies, strict=True)
        for destination in decide(Report.model_validate(body), communes).destinations
        if destination.value != "closed"
    }
    topics = Topics(prefix=isolated_env["AIGUILLAGE_KAFKA__TOPIC_PREFIX"])
    records = await collect(
        servers.bootstrap_servers,
        [topics.destination(d) for d in ROUTED_DESTINATIONS],
        until=lambda r: len({_pair(x) for x in r}) >= len(expected),
        timeout_s=120,
        settle_s=2.0,
    )
    delivered = Counter(_pair(r) for r in records)
    # Every message of a pair carries the same stable id, which is how a receiver drops copies.
    ids_by_pair = {(p, json.loads(r.value)["event_id"]) for r in records for p in [_pair(r)]}
    assert all(event_id == f"{rid}:{dest}" for (rid, dest), event_id in ids_by_pair)
    assert set(delivered) == expected
    duplicates = sum(delivered.values()) - len(delivered)
    print(
        f"\n{REPORTS} reports, {len(killed)} SIGKILLs ({', '.join(killed)}): "
        f"{len(expected)} destination messages expected, {sum(delivered.values())} read, "
        f"{duplicates} duplicates before deduplication by event id"
    )
    assert len(killed) == KILLS


async def _post_all(client: httpx.AsyncClient, bodies: list[dict[str, object]]) -> list[str]:
    gate = asyncio.Semaphore(16)

    async def post(body: dict[str, object]) -> str:
        async with gate:
            response = await client.post("/reports", json=body)
        assert response.status_code == 202, response.text
        report_id: str = response.json()["id"]
        return report_id

    return list(await asyncio.gather(*(post(b) for b in bodies)))


async def _kill_at_random(
    stack: Stack, chaos: random.Random, posting: "asyncio.Task[list[str]]"
) -> list[str]:
    killed = []
    for _ in range(KILLS):
        await asyncio.sleep(chaos.uniform(0.5, 3.0))
        victim = chaos.choice(["triage", "dispatch"])
        await asyncio.to_thread(stack.kill_and_restart, victim)
        killed.append(victim)
    return killed


async def _wait_dispatched(
    database: AsyncDatabase[Document], ids: list[str], *, timeout_s: float
) -> None:
    deadline = asyncio.get_running_loop().time() + timeout_s
    done = 0
    while asyncio.get_running_loop().time() < deadline:
        done = await database.dispatches.count_documents({})
        if done == len(ids):
            assert await database.reports.count_documents({}) == len(ids)
            return
        await asyncio.sleep(0.5)
    pytest.fail(f"only {done} of {len(ids)} reports dispatched")


def _pair(record: "ConsumerRecord[bytes, bytes]") -> tuple[str, str]:
    message = json.loads(record.value)
    return message["report_id"], message["destination"]
