"""A stage stopped by SIGTERM commits everything it processed: after a restart, nothing is
delivered again. The commit interval is set far longer than the test, so only the shutdown's
commit can account for the offsets found committed."""

import asyncio
from pathlib import Path

import httpx
import pytest

from aiguillage.cli.scenarios import generate
from aiguillage.shared.topics import Topics
from tests.support.kafka import wait_committed
from tests.support.processes import assert_clean_stop, start_stack
from tests.support.servers import Servers

pytestmark = [pytest.mark.connected, pytest.mark.e2e]
REPORTS = 12


async def test_a_stopped_stage_has_committed_all_it_processed(
    isolated_env: dict[str, str], servers: Servers, tmp_path: Path
) -> None:
    env = {**isolated_env, "AIGUILLAGE_COMMIT_INTERVAL_MS": "60000"}
    stack = start_stack(env, tmp_path)
    try:
        async with httpx.AsyncClient(base_url=stack.url, timeout=15) as client:
            bodies = [g.body for g in generate(REPORTS, seed=7)]
            answers = [(await client.post("/reports", json=b)).json() for b in bodies]
            await _until_dispatched(client, answers, timeout_s=60)
    finally:
        assert_clean_stop(stack)

    topics = Topics(prefix=env["AIGUILLAGE_KAFKA__TOPIC_PREFIX"])
    for group, topic in (
        ("aiguillage-triage", topics.submitted),
        ("aiguillage-dispatch", topics.triaged),
    ):
        await wait_committed(
            servers.bootstrap_servers,
            f"{topics.prefix}{group}",
            topic,
            total=REPORTS,
            timeout_s=5,
        )


async def _until_dispatched(
    client: httpx.AsyncClient, answers: list[dict[str, str]], *, timeout_s: float
) -> None:
    async def status(answer: dict[str, str]) -> str:
        headers = {"Authorization": f"Bearer {answer['tracking_token']}"}
        view = await client.get(f"/reports/{answer['id']}", headers=headers)
        return str(view.json()["status"])

    deadline = asyncio.get_running_loop().time() + timeout_s
    while asyncio.get_running_loop().time() < deadline:
        if all(s == "dispatched" for s in await asyncio.gather(*map(status, answers))):
            return
        await asyncio.sleep(0.3)
    msg = f"not all {len(answers)} reports dispatched in {timeout_s:.0f} s"
    raise AssertionError(msg)
