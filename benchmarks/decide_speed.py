"""How many reports per second the decision core handles on one core (not a timed test).

    uv run python benchmarks/decide_speed.py [--rounds N] [--limit N]

The reports are those of the project's corpora (tests/corpus/**/*.jsonl, the held-out sets
included) and, when mounted, shared/domain/dev_cases.jsonl, shuffled with a fixed seed. The
held-out sets were written like real reports (about 210 characters on average, as dev_cases),
so they weigh as real ones would.

Triage keeps what it works out for a word or a pair of words (see starts.py), so a report costs
less the second time. What a deployment sees is reports it has never seen, from a process that
has seen others: the headline figure. Measured, in one process, after the vocabularies load:

- first reports: the decide CLI over the first part of the reports (a fresh process: every
  word is new);
- new reports: the decide CLI over the rest, in chunks, each once (the process has seen the
  first part, not these): the median chunk, and the slowest and fastest;
- seen again: the first part once more, best of `--rounds` (what earlier versions of this
  benchmark measured, on shorter reports);
- baseline: `json.loads` of the same lines, timed with each figure: a loaded machine slows both,
  so the ratio is the yardstick across machines and runs.

Times are the process's CPU time. The start-up (reading and compiling the vocabularies,
`warm_up`) is printed apart: a service pays it once.
"""

import argparse
import io
import json
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from aiguillage.cli.decide import run_decide
from aiguillage.triage.classifier import warm_up

ROOT = Path(__file__).resolve().parents[1]
DEV_CASES = ROOT.parent / "shared/domain/dev_cases.jsonl"
TARGET = 5_000
FIRST_PART = 0.4  # of the reports, seen before the new ones
CHUNKS = 6  # of the new reports


def _lines() -> tuple[list[str], list[Path]]:
    used = sorted((ROOT / "tests/corpus").glob("**/*.jsonl"))
    if DEV_CASES.is_file():
        used.append(DEV_CASES)
    lines: list[str] = []
    for path in used:
        for line in path.read_text(encoding="utf-8").splitlines():
            raw = json.loads(line) if line.strip() else {}
            if "report" in raw:
                lines.append(json.dumps({"id": raw["id"], **raw["report"]}, ensure_ascii=False))
    random.Random(20261129).shuffle(lines)  # noqa: S311 (an order, not a secret)
    return lines, used


def _cli(lines: list[str]) -> Callable[[], object]:
    data = "\n".join(lines)
    return lambda: run_decide(io.StringIO(data), io.StringIO(), io.StringIO())


def _seconds(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def _timed(lines: list[str], rounds: int) -> tuple[float, float]:
    """Reports per second over `lines` (best of `rounds`), and the ratio to `json.loads`."""
    decide = min(_seconds(_cli(lines)) for _ in range(rounds))
    baseline = min(_seconds(lambda: [json.loads(line) for line in lines]) for _ in range(3))
    return len(lines) / decide, decide / baseline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="timings of `seen again`")
    parser.add_argument("--limit", type=int, help="use only this many reports (a quick check)")
    args = parser.parse_args()

    lines, used = _lines()
    lines = lines[: args.limit]
    if not lines:
        sys.exit("no corpus found")
    startup = _seconds(warm_up)
    first = lines[: int(len(lines) * FIRST_PART)]
    new = lines[len(first) :]
    rows = {"first reports (fresh process)": _timed(first, 1)}
    chunks = [_timed(new[index::CHUNKS], 1) for index in range(CHUNKS)]
    rates = sorted(rate for rate, _ratio in chunks)
    median = statistics.median(rates)
    rows["new reports (median chunk)"] = (median, statistics.median(r for _, r in chunks))
    rows["seen again"] = _timed(first, args.rounds)

    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        usable = os.cpu_count() or 1
    print(f"command: uv run python benchmarks/{Path(__file__).name} " + " ".join(sys.argv[1:]))
    print(
        f"machine: {os.cpu_count()} cores ({usable} usable), one used; "
        f"Python {platform.python_version()} on {platform.platform()}"
    )
    chars = statistics.mean(len(json.loads(line)["description"]) for line in lines)
    print(
        f"reports: {len(lines)} from {len(used)} files ({chars:.0f} characters of description "
        f"on average); first part {len(first)}, new {len(new)} in {CHUNKS} chunks"
    )
    print(f"start-up (vocabularies read, compiled, warmed up): {startup:.2f} s")
    print(
        f"{'decide CLI (parse+decide+print)':34s}{'reports/s':>12s}{'us/report':>11s}"
        f"{'x json.loads':>14s}"
    )
    for name, (rate, ratio) in rows.items():
        print(f"{name:34s}{rate:12,.0f}{1e6 / rate:11.1f}{ratio:14.1f}")
    print(f"new reports, chunks: {rates[0]:,.0f} to {rates[-1]:,.0f} reports/s")
    verdict = "met" if median >= TARGET else "NOT met"
    print(f"decide CLI on new reports: {median:,.0f} reports/s; target {TARGET:,}/s: {verdict}")


if __name__ == "__main__":
    main()
