"""What one bench run found, figure by figure, each with the settings it was measured under."""

from dataclasses import dataclass, field

from aiguillage.bench.measure import LatencySummary, rate_per_s


@dataclass(frozen=True, kw_only=True)
class Throughput:
    """`count` messages end to end in `seconds` (first produce to the last message out)."""

    name: str
    count: int
    seconds: float
    settings: str

    @property
    def per_s(self) -> float:
        return rate_per_s(self.count, self.seconds)


@dataclass(frozen=True, kw_only=True)
class Latency:
    """Accepted → dispatched at a fixed offered rate."""

    path: str
    rate: float
    achieved_rate: float
    duration_s: float
    summary: LatencySummary
    settings: str
    # The same reports' time in each hop (accepted → triaged, triaged → dispatched).
    hops: dict[str, LatencySummary] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class ProcessCost:
    """One process: its peak RSS and its CPU seconds per 1,000 messages in each measured phase."""

    name: str
    peak_rss_bytes: int
    cpu_per_thousand: dict[str, float] = field(default_factory=dict)


@dataclass(kw_only=True)
class BenchResults:
    command: str
    settings: dict[str, str]
    throughputs: list[Throughput] = field(default_factory=list)
    latencies: list[Latency] = field(default_factory=list)
    processes: list[ProcessCost] = field(default_factory=list)
    # Phase → stage → CPU seconds per 1,000 reports (all replicas of the stage together).
    stage_cpu: dict[str, dict[str, float]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def add_process(self, cost: ProcessCost) -> None:
        """One row per process name: a server measured in several phases keeps its highest peak
        RSS and the CPU figures of every phase."""
        for n, known in enumerate(self.processes):
            if known.name == cost.name:
                self.processes[n] = ProcessCost(
                    name=cost.name,
                    peak_rss_bytes=max(known.peak_rss_bytes, cost.peak_rss_bytes),
                    cpu_per_thousand={**known.cpu_per_thousand, **cost.cpu_per_thousand},
                )
                return
        self.processes.append(cost)

    def throughput(self, name: str) -> Throughput | None:
        return next((t for t in self.throughputs if t.name == name), None)
