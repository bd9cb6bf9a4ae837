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
    remove_namespace,
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
    with tempfile.TemporaryDirectory(prefix="aiguillage-bench-") as tmp:
        workdir = Path(tmp)
        logs = keep_logs or workdir / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        try:
            with bench_servers(workdir) as servers:
                # uvloop, as the services and the baselines: the bench's client costs less CPU
                # on the cores it shares with them.
                results = uvloop.run(
                    run(
                        servers,
                        logs=logs,
                        count=count,
                        rates=offered,
                        duration_s=duration,
                        skip_baselines=skip_baselines,
                        skip_http=skip_http,
                        replicas=2 if scale else 1,
                        console=console,
                    )
                )
        except (TimeoutError, RuntimeError) as error:
            console.print(f"[red]bench failed[/]: {error}")
            _show_log_tails(logs, console)
            raise typer.Exit(1) from error
    print_results(results, console)


async def run(
    servers: BenchServers,
    *,
    logs: Path,
    count: int,
    rates: list[float],
    duration_s: float,
    skip_baselines: bool,
    skip_http: bool,
    replicas: int,
    console: Console,
) -> BenchResults:
    timeout_s = 300 + count * 0.05
    results = BenchResults(
        command=shlex.join(["aiguillage", *sys.argv[1:]])
        if Path(sys.argv[0]).name == "aiguillage"
        else shlex.join(sys.argv),
        settings={
            "machine": f"{platform.node()}, {platform.machine()}, "
            f"{_cpus()} CPUs, Python {platform.python_version()}",
            "broker": f"Tansu (in memory) at {servers.bootstrap_servers}; {PARTITIONS} "
            "partitions a topic; acks=all, no idempotent producer, fetch_max_wait_ms=10, "
            "session 6 s / heartbeat 1 s",
            "database": f"SecantusDB at {servers.mongo_url}, files in a temporary directory; "
            "writes w=majority, j=true",
            "count": f"{count:,} messages per throughput run (after {WARM_UP} warm-up ones)",
            "latency runs": f"{', '.join(f'{r:g}/s' for r in rates)} for {duration_s:g} s each",
            "pipeline": f"{replicas} triage and {replicas} dispatch process(es), 1 intake; "
            + ", ".join(f"{k}={v}" for k, v in BENCH_ENV.items())
            + f"; topic prefix and database {THROUGHPUT.prefix} / {THROUGHPUT.database} for "
            f"the throughput runs, then a fresh stack on {LATENCY.prefix} / "
            f"{LATENCY.database} for the latency runs",
        },
    )
    if not skip_baselines:
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
        phases = [(DIRECT, throughput_direct, SEED + 2)]
        if not skip_http:
            phases.append((HTTP, throughput_http, SEED + 3))
        for path, throughput, seed in phases:
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
    # The latency runs get a stack of their own, on empty topics: Tansu keeps every message in
    # memory and slows as it fills, so after the throughput runs' reports the latency would
    # measure how full the local broker is more than our pipeline (docs/benchmark.md).
    await remove_namespace(servers, THROUGHPUT)
    if rates:
        console.print("[dim]starting fresh services for the latency runs…[/]")
        async with running_pipeline(servers, logs, replicas, LATENCY, console) as (stack, driver):
            for n, rate in enumerate(rates):
                for path in (DIRECT,) if skip_http else (DIRECT, HTTP):
                    console.print(f"[dim]latency {path} at {rate:g}/s for {duration_s:g} s…[/]")
                    results.latencies.append(
                        await latency(
                            driver,
                            stack,
                            path=path,
                            rate=rate,
                            duration_s=duration_s,
                            seed=SEED + 10 + n,
                            timeout_s=timeout_s,
                        )
                    )
        await remove_namespace(servers, LATENCY)
    if "intake" in results.stage_cpu.get(DIRECT, {}):
        results.notes.append(
            "intake's CPU in the direct phase is its idle cost (the reports bypass it)."
        )
    return results


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
