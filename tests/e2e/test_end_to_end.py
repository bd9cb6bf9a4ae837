"""The three services as separate processes, fed over HTTP, read from their output topics."""

import asyncio
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from aiguillage.cli.decisions import decide
from aiguillage.cli.scenarios import SCENARIOS
from aiguillage.dispatch.zones import CommuneIndex
from aiguillage.localstack.servers import free_port
from aiguillage.localstack.services import SERVICES
from aiguillage.shared.report import Report
from aiguillage.shared.topics import ROUTED_DESTINATIONS, Topics
from aiguillage.shared.vocabulary import Destination
from tests.support.kafka import collect
from tests.support.processes import assert_clean_stop, start_stack
from tests.support.servers import Servers

pytestmark = [pytest.mark.connected, pytest.mark.e2e]
CORPUS = Path(__file__).parents[1] / "corpus" / "reports.jsonl"
MIN_REPORTS = 50
SECRET_DOMAIN = "reporter@example.org"
HTTPX_KEEP_ALIVE_S = httpx.Limits().keepalive_expiry or 0


def load_cases() -> list[dict[str, Any]]:
    """Our labelled corpus, less what only authentication can set (trusted flaggers)."""
    cases = [json.loads(line) for line in CORPUS.read_text().splitlines() if line.strip()]
    return [c for c in cases if not c["report"].get("reporter", {}).get("trusted_flagger")]


def body_of(case: dict[str, Any]) -> dict[str, Any]:
    """The case's report as a citizen would post it, with a contact e-mail (personal data that
    must stay in MongoDB)."""
    report: dict[str, Any] = json.loads(json.dumps(case["report"]))
    reporter = report.setdefault("reporter", {})
    reporter.pop("trusted_flagger", None)
    reporter["contact_email"] = f"{case['id']}.{SECRET_DOMAIN}"
    return report


@pytest.fixture
def stack(isolated_env: dict[str, str], tmp_path: Path) -> Iterator[str]:
    """intake, triage and dispatch as processes; yields the intake URL."""
    running = start_stack(isolated_env, tmp_path)
    try:
        yield running.url
    finally:
        assert_clean_stop(running)


async def test_reports_reach_exactly_their_destinations(
    stack: str, isolated_env: dict[str, str], servers: Servers, tmp_path: Path
) -> None:
    cases = load_cases()
    communes = CommuneIndex.load()
    # What the pipeline must deliver: the pure decision the services run, for every case ...
    decided = {c["id"]: decide(Report.model_validate(body_of(c)), communes) for c in cases}
    # ... and, where the classifier agrees with the hand label, the label itself.
    labelled = [
        c for c in cases if set(decided[c["id"]].destinations) == set(c["expected"]["destinations"])
    ]
    assert len(labelled) >= MIN_REPORTS, f"only {len(labelled)} labelled cases agree"

    async with httpx.AsyncClient(base_url=stack, timeout=15) as client:
        responses = await asyncio.gather(*(client.post("/reports", json=body_of(c)) for c in cases))
        assert [r.status_code for r in responses] == [202] * len(cases)
        accepted = {c["id"]: r.json() for c, r in zip(cases, responses, strict=True)}
        by_report = {a["id"]: case_id for case_id, a in accepted.items()}

        topics = Topics(prefix=isolated_env["AIGUILLAGE_KAFKA__TOPIC_PREFIX"])
        expected_messages = sum(
            len([d for d in decided[c["id"]].destinations if d != "closed"]) for c in cases
        )
        records = await collect(
            servers.bootstrap_servers,
            [topics.destination(d) for d in ROUTED_DESTINATIONS],
            until=lambda r: len(r) >= expected_messages,
            timeout_s=90,
            settle_s=1.0,
        )
        delivered: dict[str, list[str]] = defaultdict(list)
        assert not any(SECRET_DOMAIN.encode() in r.value for r in records)
        for record in records:
            message = json.loads(record.value)
            # Keyed by report id, but for the analysts, whose tasks are keyed by case.
            case = message["case"]
            assert record.key == (case["case_id"] if case else message["report_id"]).encode()
            assert record.topic == topics.destination(Destination(message["destination"]))
            delivered[by_report[message["report_id"]]].append(message["destination"])

        for case in cases:
            want = sorted(d for d in decided[case["id"]].destinations if d != "closed")
            assert sorted(delivered[case["id"]]) == want, case["id"]
        for case in labelled:
            want = sorted(d for d in case["expected"]["destinations"] if d != "closed")
            assert sorted(delivered[case["id"]]) == want, case["id"]

        views = await asyncio.gather(
            *(
                client.get(
                    f"/reports/{a['id']}",
                    headers={"Authorization": f"Bearer {a['tracking_token']}"},
                )
                for a in accepted.values()
            )
        )
    for case_id, view in zip(accepted, views, strict=True):
        body = view.json()
        assert body["status"] == "dispatched", case_id
        assert set(body["destinations"]) == set(decided[case_id].destinations), case_id

    notices = await collect(
        servers.bootstrap_servers,
        [topics.notifications],
        until=lambda r: len(r) >= len(cases),
        timeout_s=10,
    )
    assert {r.key.decode() for r in notices} == set(by_report)
    assert not any(SECRET_DOMAIN.encode() in r.value for r in notices)

    # One report can be followed through the three services' logs by its id.
    report_id = accepted[labelled[0]["id"]]["id"]
    for name in SERVICES:
        log = (tmp_path / f"{name}.log").read_text()
        lines = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
        mine = [line for line in lines if line.get("report_id") == report_id]
        assert mine, f"{name} logged nothing for {report_id}"
        assert all(line["service"] == name for line in mine)
        # Personal data never reaches the logs.
        assert SECRET_DOMAIN not in log


async def test_a_connection_idle_as_long_as_client_pools_keep_theirs_still_answers(
    stack: str,
) -> None:
    """A client reuses a kept-alive connection for as long as its pool keeps it (httpx: 5 s),
    so intake must keep it longer: a server that closes first loses the request sent meanwhile."""
    host, port = stack.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    try:
        for idle_s in (0, HTTPX_KEEP_ALIVE_S + 1):
            await asyncio.sleep(idle_s)
            writer.write(b"GET /health HTTP/1.1\r\nHost: intake\r\n\r\n")
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")  # (raises if intake closed it)
            assert head.startswith(b"HTTP/1.1 200"), head
            length = re.search(rb"(?i)content-length: *(\d+)", head)
            assert length is not None, head
            await reader.readexactly(int(length.group(1)))
    finally:
        writer.close()


def test_produce_posts_scenarios_and_says_where_they_went(stack: str) -> None:
    from typer.testing import CliRunner

    from aiguillage.cli.main import app

    result = CliRunner().invoke(
        app, ["produce", "--url", stack, "--count", "20", "--rate", "0", "--wait", "60"]
    )
    assert result.exit_code == 0, result.output
    assert "20 reports accepted" in result.output
    # Every scenario's row says all its reports were dispatched, and where.
    names = {s.name for s in SCENARIOS}
    rows = [
        cells
        for line in result.output.splitlines()
        if (cells := [c.strip() for c in line.split("│")[1:-1]]) and cells[0] in names
    ]
    assert sum(int(cells[1]) for cells in rows) == 20
    for cells in rows:
        assert cells[1] == cells[2], cells  # reports == dispatched
        assert cells[3], cells
        assert "(not yet)" not in cells[3], cells


def test_produce_says_clearly_when_intake_is_unreachable() -> None:
    from typer.testing import CliRunner

    from aiguillage.cli.main import app

    result = CliRunner().invoke(app, ["produce", "--url", f"http://127.0.0.1:{free_port()}"])
    assert result.exit_code == 2
    assert "cannot reach the intake API" in result.output
