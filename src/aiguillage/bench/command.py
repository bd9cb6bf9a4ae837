"""`aiguillage bench`: one run on its own local broker and database; prints every figure with the
command and settings it was measured under, and the ratios to the batched baseline last."""

import os
import platform
import shlex
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
import uvloop
from rich.console import Console

from aiguillage.bench.baseline import run_baseline
from aiguillage.bench.measure import peak_rss_bytes
from aiguillage.bench.phases import (
    DIRECT,
    HTTP,
    latency,
    throughput_direct,
    throughput_http,
    warm_up,
)
from aiguillage.bench.pipeline import (
    BENCH_ENV,
    LATENCY,
    THROUGHPUT,
    Driver,
    Namespace,
    PipelineStack,
    start_pipeline,
    wait_ready,
)
from aiguillage.bench.report import print_results
from aiguillage.bench.results import BenchResults, ProcessCost
from aiguillage.bench.servers import PARTITIONS, BenchServers, bench_servers

SEED = 20261128
WARM_UP = 20


def parse_rates(text: str) -> list[float]:
    """`100,500` → [100.0, 500.0]; every rate must be positive."""
    rates = [float(part) for part in text.replace(" ", "").split(",") if part]
    if not rates or any(r <= 0 for r in rates):
        msg = f"rates must be positive numbers separated by commas, got {text!r}"
        raise ValueError(msg)
    return rates


def bench_command(
    count: Annotated[
        int, typer.Option(min=1, help="Messages per throughput run (baselines and ours).")
    ] = 20_000,
    rates: Annotated[
        str, typer.Option(help="Offered rates for the latency runs, reports/s, comma-separated.")
    ] = "100,500",
    duration: Annotated[float, typer.Option(min=0.5, help="Seconds of each latency run.")] = 20.0,
    skip_baselines: Annotated[bool, typer.Option(help="Skip the raw aiokafka baselines.")] = False,
    skip_http: Annotated[bool, typer.Option(help="Skip the runs through the HTTP intake.")] = False,
    scale: Annotated[
        bool, typer.Option(help="Run 2 triage and 2 dispatch processes instead of 1 and 1.")
    ] = False,
    keep_logs: Annotated[
        Path | None,
        typer.Option(help="Keep the processes' logs in this directory (else they are deleted)."),
    ] = None,
) -> None:
    """Benchmark the pipeline against raw aiokafka baselines on local servers (Tansu, SecantusDB)
    it starts and stops itself. Figures from a busy machine mean little: see docs/benchmark.md."""
    try:
        offered = parse_rates(rates)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--rates") from error
    console = Console()
    if not console.is_terminal:
        console = Console(width=120)
    plan = Plan(
        count=count,
        rates=offered,
        duration_s=duration,
        skip_baselines=skip_baselines,
        skip_http=skip_http,
        replicas=2 if scale else 1,
    )
    with tempfile.TemporaryDirectory(prefix="aiguillage-bench-") as tmp:
        workdir = Path(tmp)
        logs = keep_logs or workdir / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        try:
            # uvloop, as the services and the baselines: the bench's client costs less CPU on
            # the cores it shares with them.
            with bench_servers(workdir / "throughput") as servers:
                results = uvloop.run(run_throughput(servers, plan, logs=logs, console=console))
            # The latency runs get a broker and a database of their own, started afresh: Tansu
            # keeps every message in memory and slows as it fills, and after the throughput
            # runs the latency would measure how full the local servers are more than our
            # pipeline (docs/benchmark.md, Caveats).
            with bench_servers(workdir / "latency") as servers:
                uvloop.run(run_latency(servers, plan, results, logs=logs, console=console))
        except (TimeoutError, RuntimeError) as error:
            console.print(f"[red]bench failed[/]: {error}")
            _show_log_tails(logs, console)
            raise typer.Exit(1) from error
    print_results(results, console)


@dataclass(frozen=True, kw_only=True)
class Plan:
    """What one run measures, from the command line."""

    count: int
    rates: list[float]
    duration_s: float
    skip_baselines: bool
    skip_http: bool
    replicas: int

    @property
    def timeout_s(self) -> float:
        return 300 + self.count * 0.05

    @property
    def paths(self) -> tuple[str, ...]:
        return (DIRECT,) if self.skip_http else (DIRECT, HTTP)


async def run_throughput(
    servers: BenchServers, plan: Plan, *, logs: Path, console: Console
) -> BenchResults:
    """The baselines, then our pipeline each way; the processes' costs."""
    count, replicas, timeout_s = plan.count, plan.replicas, plan.timeout_s
    results = BenchResults(
        command=shlex.join(["aiguillage", *sys.argv[1:]])
        if Path(sys.argv[0]).name == "aiguillage"
        else shlex.join(sys.argv),
        settings={
            "machine": f"{platform.node()}, {platform.machine()}, "
            f"{_cpus()} CPUs, Python {platform.python_version()}",
            "broker": f"Tansu (in memory); {PARTITIONS} partitions a topic; acks=all, no "
            "idempotent producer, fetch_max_wait_ms=10, session 6 s / heartbeat 1 s",
            "database": "SecantusDB, files in a temporary directory; writes w=majority, j=true",
            "servers": "one Tansu and one SecantusDB for the baselines and our throughput runs, "
            "then a new Tansu and a new SecantusDB, started afresh, for the latency runs",
            "count": f"{count:,} messages per throughput run (after {WARM_UP} warm-up ones)",
            "latency runs": f"{', '.join(f'{r:g}/s' for r in plan.rates)} for "
            f"{plan.duration_s:g} s each",
            "pipeline": f"{replicas} triage and {replicas} dispatch process(es), 1 intake; "
            + ", ".join(f"{k}={v}" for k, v in BENCH_ENV.items())
            + f"; topic prefix and database {THROUGHPUT.prefix} / {THROUGHPUT.database} for "
            f"the throughput runs, {LATENCY.prefix} / {LATENCY.database} for the latency runs",
        },
    )
    if not plan.skip_baselines:
        for mode in ("single", "batched"):
            console.print(f"[dim]baseline {mode}: {count:,} messages…[/]")
            baseline = await run_baseline(
                mode, servers, count=count, seed=SEED, logs=logs, timeout_s=timeout_s
            )
            results.throughputs.append(baseline.throughput)
            for cost in baseline.processes:
                results.add_process(cost)
    console.print(f"[dim]starting the services ({replicas} triage, {replicas} dispatch)…[/]")
    async with running_pipeline(servers, logs, replicas, THROUGHPUT, console) as (stack, driver):
        cpu: dict[str, dict[str, float]] = {}
        throughputs = {DIRECT: (throughput_direct, SEED + 2), HTTP: (throughput_http, SEED + 3)}
        for path in plan.paths:
            throughput, seed = throughputs[path]
            console.print(f"[dim]pipeline {path}: {count:,} reports…[/]")
            phase = await throughput(driver, stack, count=count, seed=seed, timeout_s=timeout_s)
            results.throughputs.append(phase.throughput)
            cpu[path] = phase.cpu_per_thousand
            results.stage_cpu[path] = phase.stage_cpu()
        stack.check_running()
        for name, pid in stack.pids().items():
            results.add_process(
                ProcessCost(
                    name=name,
                    peak_rss_bytes=peak_rss_bytes(pid),
                    cpu_per_thousand={phase: per[name] for phase, per in cpu.items()},
                )
            )
    if "intake" in results.stage_cpu.get(DIRECT, {}):
        results.notes.append(
            "intake's CPU in the direct phase is its idle cost (the reports bypass it)."
        )
    return results


async def run_latency(
    servers: BenchServers, plan: Plan, results: BenchResults, *, logs: Path, console: Console
) -> None:
    """Each offered rate each way, on fresh services; adds the figures to `results`."""
    console.print("[dim]starting fresh services for the latency runs…[/]")
    async with running_pipeline(servers, logs, plan.replicas, LATENCY, console) as (
        stack,
        driver,
    ):
        for n, rate in enumerate(plan.rates):
            for k, path in enumerate(plan.paths):
                console.print(f"[dim]latency {path} at {rate:g}/s for {plan.duration_s:g} s…[/]")
                results.latencies.append(
                    await latency(
                        driver,
                        stack,
                        path=path,
                        rate=rate,
                        duration_s=plan.duration_s,
                        # Reports of their own: the same ones again would find their cases
                        # already open, and joining an open case costs dispatch two more MongoDB
                        # round trips than opening one.
                        seed=SEED + 10 + n * len(plan.paths) + k,
                        timeout_s=plan.timeout_s,
                    )
                )


@asynccontextmanager
async def running_pipeline(
    servers: BenchServers, logs: Path, replicas: int, namespace: Namespace, console: Console
) -> AsyncIterator[tuple[PipelineStack, Driver]]:
    """Our services on `namespace`, ready and warmed up, with a driver; stopped on the way out."""
    stack = start_pipeline(servers, logs, triage=replicas, dispatch=replicas, namespace=namespace)
    try:
        await wait_ready(stack, servers, timeout_s=120)
        driver = await Driver(servers, stack).start()
        try:
            await warm_up(driver, count=WARM_UP, seed=SEED + 1, timeout_s=120)
            yield stack, driver
        finally:
            await driver.close()
    finally:
        started = time.monotonic()
        stack.stop()
        console.print(f"[dim]services stopped in {time.monotonic() - started:.1f} s[/]")


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _show_log_tails(logs: Path, console: Console) -> None:
    for log in sorted(logs.glob("*.log")):
        tail = log.read_text(errors="replace").splitlines()[-5:]
        if tail:
            console.print(f"[dim]{log.name}:[/]")
            for line in tail:
                console.print(f"  {line[:300]}", markup=False, highlight=False)
