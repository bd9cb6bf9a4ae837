"""How many reports per second the decision core handles on one core (not a timed test).

    uv run python benchmarks/decide_speed.py [--repeat N] [--rounds N]

Reads the labelled corpora (tests/corpus/reports*.jsonl and, when mounted,
shared/domain/dev_cases.jsonl), then times, over the same reports in the same process:

- baseline: `json.loads` of each line (to compare machines: a loaded machine slows both);
- classify: `classify(report)` alone (triage);
- classify+route: `decide(report, communes)` (triage, dispatch and the printed record);
- decide CLI: `run_decide`, what `aiguillage decide` does per line (parse, validate, decide, print).

Each figure is the best of `--rounds` timings over the corpora repeated `--repeat` times, after
one warm-up pass (the vocabularies compile once per process; nothing is cached per report, so
repeating a report costs as much as a new one). Times are the process's CPU time, which other
work on the machine inflates less than wall time; ratios to the baseline are printed too, as a
yardstick across machines.
"""

import argparse
import io
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

from aiguillage.cli.decide import parse_line, run_decide
from aiguillage.cli.decisions import decide
from aiguillage.dispatch.zones import CommuneIndex
from aiguillage.triage.classifier import classify, warm_up

ROOT = Path(__file__).resolve().parents[1]
CORPORA = (
    ROOT / "tests/corpus/reports.jsonl",
    ROOT / "tests/corpus/reports_2.jsonl",
    ROOT.parent / "shared/domain/dev_cases.jsonl",
)
TARGET = 5_000


def _lines() -> tuple[list[str], list[Path]]:
    lines: list[str] = []
    used = []
    for path in CORPORA:
        if not path.is_file():
            continue
        used.append(path)
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                raw = json.loads(line)
                lines.append(json.dumps({"id": raw["id"], **raw["report"]}, ensure_ascii=False))
    return lines, used


def _best(work: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the corpora per timing")
    parser.add_argument("--rounds", type=int, default=5, help="timings; the best one is kept")
    args = parser.parse_args()

    base, used = _lines()
    if not base:
        sys.exit("no corpus found")
    lines = base * args.repeat
    reports = [parse_line(line)[1] for line in lines]
    communes = CommuneIndex.load()
    warm_up()
    for report in reports[: len(base)]:
        decide(report, communes)

    def cli() -> None:
        run_decide(io.StringIO("\n".join(lines)), io.StringIO(), io.StringIO())

    timings = {
        "baseline json.loads": _best(lambda: [json.loads(line) for line in lines], args.rounds),
        "classify": _best(lambda: [classify(r) for r in reports], args.rounds),
        "classify+route": _best(lambda: [decide(r, communes) for r in reports], args.rounds),
        "decide CLI (parse+decide+print)": _best(cli, args.rounds),
    }
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        usable = os.cpu_count() or 1
    print(f"command: uv run python benchmarks/{Path(__file__).name} " + " ".join(sys.argv[1:]))
    print(
        f"machine: {os.cpu_count()} cores ({usable} usable), one used; "
        f"Python {platform.python_version()} on {platform.platform()}"
    )
    print(
        f"reports: {len(base)} from {', '.join(p.name for p in used)}, "
        f"x{args.repeat} = {len(lines)} per timing, best of {args.rounds}"
    )
    baseline = timings["baseline json.loads"]
    print(f"{'':34s}{'reports/s':>12s}{'us/report':>11s}{'x json.loads':>14s}")
    for name, seconds in timings.items():
        rate = len(lines) / seconds
        print(
            f"{name:34s}{rate:12,.0f}{seconds / len(lines) * 1e6:11.1f}{seconds / baseline:14.1f}"
        )
    cli_rate = len(lines) / timings["decide CLI (parse+decide+print)"]
    verdict = "meets" if cli_rate >= TARGET else "BELOW"
    print(f"decide CLI: {cli_rate:,.0f} reports/s, {verdict} the {TARGET:,}/s target")


if __name__ == "__main__":
    main()
