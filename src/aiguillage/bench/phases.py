"""The measured phases of our pipeline, each timed on the wall clock the services share."""

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from aiguillage.bench.measure import (
    by_stage,
    cpu_deltas,
    cpu_snapshot,
    per_thousand,
    summarize_latencies,
)
from aiguillage.bench.pacing import Pacer, achieved_rate, send_count
from aiguillage.bench.pipeline import HTTP_CONCURRENCY, Driver, PipelineStack, reports_of
from aiguillage.bench.results import Latency, Throughput
from aiguillage.cli.scenarios import generate
from aiguillage.localstack.services import SERVICES

DIRECT = "direct"
HTTP = "HTTP"


@dataclass(frozen=True, kw_only=True)
class PhaseResult:
    throughput: Throughput
    # Process name → CPU seconds per 1,000 reports during the phase.
    cpu_per_thousand: dict[str, float]

    def stage_cpu(self) -> dict[str, float]:
        return by_stage(self.cpu_per_thousand, SERVICES)


def replicas_text(stack: PipelineStack) -> str:
    return f"{stack.triage} triage, {stack.dispatch} dispatch"


async def warm_up(driver: Driver, *, count: int, seed: int, timeout_s: float) -> None:
    """A few reports through, so connections, the classifier and the groups are warm."""
    bodies = bodies_for(count, seed)
    events = await driver.store_ahead(bodies)
    await driver.publish_all(events)
    await driver.wait_dispatched([e.report_id for e in events], timeout_s=timeout_s)


async def throughput_direct(
    driver: Driver, stack: PipelineStack, *, count: int, seed: int, timeout_s: float
) -> PhaseResult:
    bodies = bodies_for(count, seed)
    events = await driver.store_ahead(bodies)  # before the clock, as the brief asks
    ids = [e.report_id for e in events]
    before = cpu_snapshot(stack.pids())
    started = time.time()
    await driver.publish_all(events)
    timings = await driver.wait_dispatched(ids, timeout_s=timeout_s)
    # Read once MongoDB says dispatched, so the last batch's writes count; it includes the
    # bench's status query (one per 1,000 reports, about 0.1 ms of the database's time a report).
    cpu = cpu_deltas(before, cpu_snapshot(stack.pids()))
    return _phase(
        name="pipeline direct",
        count=count,
        seconds=timings.last_dispatched() - started,
        cpu=cpu,
        settings=f"ReportSubmitted produced to reports.submitted (send all, await all), "
        f"reports stored beforehand; {replicas_text(stack)}",
    )


async def throughput_http(
    driver: Driver, stack: PipelineStack, *, count: int, seed: int, timeout_s: float
) -> PhaseResult:
    bodies = bodies_for(count, seed)
    before = cpu_snapshot(stack.pids())
    started = time.time()
    ids = await driver.post_all(bodies)
    timings = await driver.wait_dispatched(ids, timeout_s=timeout_s)
    cpu = cpu_deltas(before, cpu_snapshot(stack.pids()))
    return _phase(
        name="pipeline HTTP",
        count=count,
        seconds=timings.last_dispatched() - started,
        cpu=cpu,
        settings=(
            f"POST /reports over {HTTP_CONCURRENCY} kept-alive connections "
            f"(aiguillage.bench.httpclient); {replicas_text(stack)}"
        ),
    )


def _phase(
    *, name: str, count: int, seconds: float, cpu: dict[str, float], settings: str
) -> PhaseResult:
    return PhaseResult(
        throughput=Throughput(name=name, count=count, seconds=seconds, settings=settings),
        cpu_per_thousand={p: per_thousand(s, count) for p, s in cpu.items()},
    )


async def latency(
    driver: Driver,
    stack: PipelineStack,
    *,
    path: str,
    rate: float,
    duration_s: float,
    seed: int,
    timeout_s: float,
) -> Latency:
    """Offer `rate` reports per second for `duration_s` (an open loop: each report is sent at its
    due time however long the previous ones take), then read the latencies from MongoDB."""
    count = send_count(rate, duration_s)
    bodies = bodies_for(count, seed)
    reports = reports_of(bodies)  # validated ahead: intake's validation is timed via HTTP only
    sent_at: list[float] = []
    gate = asyncio.Semaphore(HTTP_CONCURRENCY)

    async def submit(index: int) -> str:
        if path == HTTP:
            async with gate:
                sent_at.append(time.monotonic())
                return await driver.post(bodies[index])
        sent_at.append(time.monotonic())
        return await driver.submit_direct(reports[index])

    pacer = Pacer(rate)
    tasks: list[asyncio.Task[str]] = []
    with driver.clock_paused():
        for index in range(count):
            await pacer.wait(index)
            tasks.append(asyncio.create_task(submit(index)))
        ids = list(await asyncio.gather(*tasks))
    timings = await driver.wait_dispatched(ids, timeout_s=timeout_s)
    how = (
        f"POST /reports, at most {HTTP_CONCURRENCY} in flight"
        if path == HTTP
        else "insert_submitted + produce (intake without HTTP)"
    )
    return Latency(
        path=path,
        rate=rate,
        achieved_rate=achieved_rate(len(sent_at), min(sent_at), max(sent_at)),
        duration_s=duration_s,
        summary=summarize_latencies(timings.latencies_ms()),
        hops={hop: summarize_latencies(ms) for hop, ms in timings.hops_ms().items()},
        settings=f"{how}; {replicas_text(stack)}",
    )


def bodies_for(count: int, seed: int) -> Sequence[dict[str, Any]]:
    return [g.body for g in generate(count, seed=seed)]
