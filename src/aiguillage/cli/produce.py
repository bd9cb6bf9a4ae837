"""`aiguillage produce`: post realistic test reports to the intake API and say where they went."""

import asyncio
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Annotated, Any

import httpx
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from aiguillage.cli.scenarios import SCENARIOS, GeneratedReport, generate

IN_FLIGHT = 32
RATE_LIMITED_TRIES = 5


@dataclass(kw_only=True)
class Posted:
    scenario: str
    report_id: str
    token: str
    status: str = "received"
    destinations: tuple[str, ...] = ()


def produce_command(
    count: Annotated[int, typer.Option(min=1, help="How many reports to post.")] = 50,
    rate: Annotated[
        float, typer.Option(min=0, help="Reports per second; 0 posts as fast as possible.")
    ] = 20.0,
    url: Annotated[str, typer.Option(help="The intake API.")] = "http://127.0.0.1:8000",
    scenario: Annotated[
        list[str] | None,
        typer.Option(help="Only these scenarios (repeatable). Default: all of them."),
    ] = None,
    seed: Annotated[int, typer.Option(help="Same seed, same reports.")] = 0,
    wait: Annotated[
        float, typer.Option(min=0, help="Seconds to wait for dispatch; 0 does not wait.")
    ] = 30.0,
) -> None:
    """Post COUNT realistic reports (harassment of a minor at school, private threats, public hate,
    phishing SMS, a suicide announcement …) and show where each scenario's reports went."""
    console = Console(stderr=True)
    known = {s.name for s in SCENARIOS}
    unknown = sorted(set(scenario or ()) - known)
    if unknown:
        console.print(f"[red]unknown scenario(s): {', '.join(unknown)}[/]; known: {sorted(known)}")
        raise typer.Exit(2)
    reports = list(generate(count, seed=seed, scenarios=scenario or None))
    try:
        posted, failures = asyncio.run(
            _produce(reports, url=url, rate=rate, wait=wait, console=console)
        )
    except httpx.TransportError as error:
        console.print(
            f"[red]cannot reach the intake API at {url}[/]: {error!r}\n"
            "Is the stack running? (`make run` or `docker compose up`)"
        )
        raise typer.Exit(2) from error
    Console().print(_summary(posted))
    if failures:
        console.print(f"[red]{len(failures)} report(s) refused:[/]")
        for reason, n in Counter(failures).most_common():
            console.print(f"  {n} × {reason}")
        raise typer.Exit(1)


async def _produce(
    reports: list[GeneratedReport], *, url: str, rate: float, wait: float, console: Console
) -> tuple[list[Posted], list[str]]:
    posted: list[Posted] = []
    failures: list[str] = []
    async with httpx.AsyncClient(base_url=url, timeout=15.0) as client:
        health = await client.get("/health")
        if health.status_code != 200:
            console.print(f"[yellow]intake is not healthy yet: {health.text}[/]")
        with _progress(console) as progress:
            task = progress.add_task("posting", total=len(reports))
            gate = asyncio.Semaphore(IN_FLIGHT)
            start = time.monotonic()

            async def post(index: int, report: GeneratedReport) -> None:
                if rate:
                    await asyncio.sleep(max(0.0, start + index / rate - time.monotonic()))
                response = await _post(client, gate, report.body)
                if response.status_code == 202:
                    body = response.json()
                    posted.append(
                        Posted(
                            scenario=report.scenario,
                            report_id=body["id"],
                            token=body["tracking_token"],
                        )
                    )
                else:
                    failures.append(f"{response.status_code} {response.text[:200]}")
                progress.advance(task)

            await asyncio.gather(*(post(i, r) for i, r in enumerate(reports)))
            if wait:
                await _wait_dispatched(client, posted, wait, progress)
    return posted, failures


async def _post(
    client: httpx.AsyncClient, gate: asyncio.Semaphore, body: dict[str, Any]
) -> httpx.Response:
    """POST a report; over the rate limit, wait as told (`Retry-After`) and try again."""
    for _ in range(RATE_LIMITED_TRIES - 1):
        async with gate:
            response = await client.post("/reports", json=body)
        if response.status_code != 429:
            return response
        await asyncio.sleep(float(response.headers.get("Retry-After", "1")))
    async with gate:
        return await client.post("/reports", json=body)


async def _wait_dispatched(
    client: httpx.AsyncClient, posted: list[Posted], wait: float, progress: Progress
) -> None:
    task = progress.add_task("dispatched", total=len(posted))
    deadline = time.monotonic() + wait
    pending = list(posted)
    gate = asyncio.Semaphore(IN_FLIGHT)

    async def check(item: Posted) -> None:
        async with gate:
            response = await client.get(
                f"/reports/{item.report_id}", headers={"Authorization": f"Bearer {item.token}"}
            )
        if response.status_code == 200:
            view: dict[str, Any] = response.json()
            item.status = view["status"]
            item.destinations = tuple(view.get("destinations") or ())

    while pending and time.monotonic() < deadline:
        await asyncio.gather(*(check(p) for p in pending))
        pending = [p for p in pending if p.status != "dispatched"]
        progress.update(task, completed=len(posted) - len(pending))
        if pending:
            await asyncio.sleep(0.5)


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("{task.description:<11}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    )


def _summary(posted: list[Posted]) -> Table:
    by_scenario: dict[str, list[Posted]] = defaultdict(list)
    for item in posted:
        by_scenario[item.scenario].append(item)
    table = Table(title=f"{len(posted)} reports accepted: where they went")
    table.add_column("scenario")
    table.add_column("reports", justify="right")
    table.add_column("dispatched", justify="right")
    table.add_column("destinations (reports)")
    for name, items in sorted(by_scenario.items()):
        destinations = Counter("+".join(i.destinations) or "-" for i in items if i.destinations)
        table.add_row(
            name,
            str(len(items)),
            str(sum(i.status == "dispatched" for i in items)),
            ", ".join(f"{d} ({n})" for d, n in destinations.most_common()) or "(not yet)",
        )
    return table
