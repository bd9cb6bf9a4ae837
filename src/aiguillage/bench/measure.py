"""Pure measurement helpers: percentiles, rates, and what /proc says about a process.

Peak RSS is `VmHWM` in /proc/<pid>/status (the high-water mark of the resident set); CPU time is
`utime + stime` in /proc/<pid>/stat (fields 14 and 15, in clock ticks). No psutil needed.
"""

import math
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

CLOCK_TICKS_PER_S = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0 ≤ q ≤ 100), linearly interpolated between the closest ranks (as
    numpy's default does)."""
    if not values:
        msg = "percentile of no values"
        raise ValueError(msg)
    if not 0 <= q <= 100:
        msg = f"percentile must be within 0..100, got {q}"
        raise ValueError(msg)
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = math.floor(rank)
    high = math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True, kw_only=True)
class LatencySummary:
    count: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float


def summarize_latencies(latencies_ms: Sequence[float]) -> LatencySummary:
    return LatencySummary(
        count=len(latencies_ms),
        p50_ms=percentile(latencies_ms, 50),
        p95_ms=percentile(latencies_ms, 95),
        p99_ms=percentile(latencies_ms, 99),
        max_ms=max(latencies_ms),
    )


def rate_per_s(count: int, seconds: float) -> float:
    """Messages per second; 0 when no time passed (nothing to divide by)."""
    return count / seconds if seconds > 0 else 0.0


def per_thousand(cpu_s: float, count: int) -> float:
    """CPU seconds per 1,000 messages."""
    return cpu_s * 1_000 / count if count > 0 else 0.0


def parse_vmhwm_bytes(status_text: str) -> int:
    """Peak resident set size from the text of /proc/<pid>/status (`VmHWM:  12345 kB`)."""
    for line in status_text.splitlines():
        if line.startswith("VmHWM:"):
            value, unit = line.split()[1:3]
            if unit != "kB":
                msg = f"unexpected VmHWM unit {unit!r}"
                raise ValueError(msg)
            return int(value) * 1024
    msg = "no VmHWM line (a kernel thread, or not Linux?)"
    raise ValueError(msg)


def parse_cpu_ticks(stat_text: str) -> int:
    """utime + stime, in clock ticks, from the text of /proc/<pid>/stat. The command name (field
    2) is in parentheses and may itself hold spaces and parentheses: fields are counted from the
    last `)`."""
    fields = stat_text[stat_text.rindex(")") + 2 :].split()
    # After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
    return int(fields[11]) + int(fields[12])


def cpu_seconds(pid: int) -> float:
    return parse_cpu_ticks(Path(f"/proc/{pid}/stat").read_text()) / CLOCK_TICKS_PER_S


def peak_rss_bytes(pid: int) -> int:
    return parse_vmhwm_bytes(Path(f"/proc/{pid}/status").read_text())


def cpu_snapshot(pids: Mapping[str, int]) -> dict[str, float]:
    """CPU seconds so far of each named process (a process gone reads as 0)."""
    snapshot: dict[str, float] = {}
    for name, pid in pids.items():
        try:
            snapshot[name] = cpu_seconds(pid)
        except (OSError, ValueError, IndexError):
            snapshot[name] = 0.0
    return snapshot


def cpu_deltas(before: Mapping[str, float], after: Mapping[str, float]) -> dict[str, float]:
    return {name: after.get(name, 0.0) - before.get(name, 0.0) for name in before}


def by_stage(per_process: Mapping[str, float], stages: Iterable[str]) -> dict[str, float]:
    """Sum per-process figures by stage: `triage-1` and `triage-2` are both `triage`."""
    totals = dict.fromkeys(stages, 0.0)
    for name, value in per_process.items():
        stage = name.split("-")[0]
        if stage in totals:
            totals[stage] += value
    return totals
