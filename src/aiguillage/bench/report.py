"""Printing a bench run: the command and settings first, then one table per kind of figure, and
the ratios to the batched baseline last."""

from collections.abc import Iterable

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from aiguillage.bench.results import BenchResults, Throughput

MIB = 1024 * 1024
BATCHED = "baseline batched"
DIRECT = "pipeline direct"
HTTP = "pipeline HTTP"
# Our throughput ÷ the batched baseline's, per way in (from this brief; see docs/benchmark.md).
TARGETS = {DIRECT: 0.8, HTTP: 0.6}
LATENCY_TARGET = (100.0, 50.0)  # p99 ≤ 50 ms at 100 reports/s


def format_ratio(ours: float, baseline: float, target: float | None = None) -> str:
    """`0.83×`, with `(target ≥ 0.8×: met)` when a target is given; `n/a` without a baseline."""
    if baseline <= 0:
        return "n/a (no baseline figure)"
    ratio = f"{ours / baseline:.2f}×"
    if target is None:
        return ratio
    verdict = "met" if ours / baseline >= target else "NOT met"
    return f"{ratio} (target ≥ {target:g}×: {verdict})"


def latency_verdict(p99_ms: float, target_ms: float) -> str:
    return f"≤ {target_ms:g} ms: {'met' if p99_ms <= target_ms else 'NOT met'}"


def format_rate(per_s: float) -> str:
    return f"{per_s:,.0f}/s" if per_s >= 100 else f"{per_s:,.1f}/s"


def print_results(results: BenchResults, console: Console) -> None:
    console.print(f"[bold]command[/]: {results.command}")
    for key, value in results.settings.items():
        console.print(f"  {key}: {value}")
    if results.throughputs:
        console.print(_throughput_table(results.throughputs))
    if results.latencies:
        console.print(_latency_table(results))
    if results.processes:
        console.print(_process_table(results))
    if results.stage_cpu:
        console.print(_stage_cpu_table(results))
    for note in results.notes:
        console.print(f"[yellow]note[/]: {note}")
    console.print(_ratio_table(results))


def _throughput_table(throughputs: list[Throughput]) -> Group:
    table = Table(title="Throughput end to end (first produce → last message out)")
    table.add_column("figure")
    for column in ("messages", "seconds", "throughput"):
        table.add_column(column, justify="right")
    for t in throughputs:
        table.add_row(t.name, f"{t.count:,}", f"{t.seconds:.2f}", format_rate(t.per_s))
    return Group(table, *_settings_lines((t.name, t.settings) for t in throughputs))


def _latency_table(results: BenchResults) -> Group:
    table = Table(title="Latency accepted → dispatched (MongoDB submitted_at → dispatched_at)")
    for column in ("path", "offered", "achieved", "reports", "p50", "p95", "p99", "max"):
        table.add_column(column, justify="left" if column == "path" else "right")
    table.add_column("p99 target")
    target_rate, target_ms = LATENCY_TARGET
    for lat in results.latencies:
        s = lat.summary
        table.add_row(
            lat.path,
            format_rate(lat.rate),
            format_rate(lat.achieved_rate),
            f"{s.count:,}",
            *(f"{v:.1f} ms" for v in (s.p50_ms, s.p95_ms, s.p99_ms, s.max_ms)),
            latency_verdict(s.p99_ms, target_ms) if lat.rate == target_rate else "-",
        )
        for hop, h in lat.hops.items():
            table.add_row(
                f"  {hop}",
                "",
                "",
                "",
                *(f"{v:.1f} ms" for v in (h.p50_ms, h.p95_ms, h.p99_ms, h.max_ms)),
                "",
            )
    return Group(
        table,
        *_settings_lines(
            (f"{lat.path} at {lat.rate:g}/s", f"{lat.duration_s:g} s; {lat.settings}")
            for lat in results.latencies
        ),
    )


def _settings_lines(rows: Iterable[tuple[str, str]]) -> list[Text]:
    lines = [Text("settings:", style="dim")]
    lines += [Text(f"  {name}: {settings}", style="dim") for name, settings in rows]
    return lines


def _process_table(results: BenchResults) -> Table:
    phases = list(dict.fromkeys(p for proc in results.processes for p in proc.cpu_per_thousand))
    table = Table(title="Processes: peak RSS (VmHWM) and CPU s per 1,000 (utime+stime)")
    table.add_column("process")
    table.add_column("peak RSS", justify="right")
    for phase in phases:
        table.add_column(f"CPU s/1k {phase}", justify="right")
    for proc in results.processes:
        cells = [
            f"{proc.cpu_per_thousand[p]:.3f}" if p in proc.cpu_per_thousand else "-" for p in phases
        ]
        table.add_row(proc.name, f"{proc.peak_rss_bytes / MIB:,.1f} MiB", *cells)
    return table


def _stage_cpu_table(results: BenchResults) -> Table:
    stages = list(dict.fromkeys(s for per in results.stage_cpu.values() for s in per))
    table = Table(title="CPU seconds per 1,000 reports, per stage (all its processes)")
    table.add_column("phase")
    for stage in stages:
        table.add_column(stage, justify="right")
    for phase, per in results.stage_cpu.items():
        table.add_row(phase, *(f"{per.get(s, 0.0):.3f}" for s in stages))
    return table


def _ratio_table(results: BenchResults) -> Table:
    table = Table(title="Our throughput ÷ batched baseline throughput (same broker, same database)")
    table.add_column("figure")
    table.add_column("ratio")
    batched = results.throughput(BATCHED)
    for name, target in TARGETS.items():
        ours = results.throughput(name)
        if ours is None:
            table.add_row(name, "not measured")
        elif batched is None:
            table.add_row(name, "no batched baseline (--skip-baselines)")
        else:
            table.add_row(name, format_ratio(ours.per_s, batched.per_s, target))
    return table
