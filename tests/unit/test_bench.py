"""The bench's pure helpers: percentiles, pacing, ratios, /proc parsing, payloads (no servers)."""

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from aiguillage.bench.command import parse_rates
from aiguillage.bench.measure import (
    by_stage,
    cpu_deltas,
    cpu_seconds,
    parse_cpu_ticks,
    parse_vmhwm_bytes,
    peak_rss_bytes,
    per_thousand,
    percentile,
    rate_per_s,
    summarize_latencies,
)
from aiguillage.bench.pacing import Pacer, achieved_rate, due_offset, send_count
from aiguillage.bench.payload import baseline_message
from aiguillage.bench.pipeline import Timings, is_outcome
from aiguillage.bench.report import format_rate, format_ratio, latency_verdict

STATUS = """Name:\tpython
Umask:\t0022
State:\tS (sleeping)
VmPeak:\t  345672 kB
VmHWM:\t   81234 kB
VmRSS:\t   80000 kB
"""
# pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
STAT = "4242 (python (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 40 0 0 20 0 3 0 12345"


def test_percentile_interpolates_between_ranks() -> None:
    values = [float(v) for v in range(1, 101)]  # 1..100
    assert percentile(values, 50) == pytest.approx(50.5)
    assert percentile(values, 99) == pytest.approx(99.01)
    assert percentile(values, 0) == 1.0
    assert percentile(values, 100) == 100.0
    assert percentile([7.0], 99) == 7.0
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0  # unsorted input


def test_percentile_rejects_empty_and_out_of_range() -> None:
    with pytest.raises(ValueError, match="no values"):
        percentile([], 50)
    with pytest.raises(ValueError, match=r"0\.\.100"):
        percentile([1.0], 101)


def test_summary_of_latencies() -> None:
    summary = summarize_latencies([10.0, 20.0, 30.0, 40.0, 1000.0])
    assert summary.count == 5
    assert summary.p50_ms == 30.0
    assert summary.max_ms == 1000.0
    assert summary.p50_ms <= summary.p95_ms <= summary.p99_ms <= summary.max_ms


def test_timings_split_the_latency_into_its_two_hops() -> None:
    t0 = datetime(2026, 11, 28, tzinfo=UTC)
    ms = timedelta(milliseconds=1)
    timings = Timings(
        submitted={"a": t0, "b": t0, "late": t0},
        triaged={"a": t0 + 5 * ms, "b": t0 + 30 * ms},
        dispatched={"a": t0 + 12 * ms, "b": t0 + 31 * ms},
    )
    assert sorted(timings.latencies_ms()) == [12.0, 31.0]
    assert {hop: sorted(v) for hop, v in timings.hops_ms().items()} == {
        "accepted → triaged": [5.0, 30.0],
        "triaged → dispatched": [1.0, 7.0],
    }


def test_rates_and_costs() -> None:
    assert rate_per_s(20_000, 10.0) == 2_000.0
    assert rate_per_s(5, 0.0) == 0.0
    assert per_thousand(3.0, 20_000) == pytest.approx(0.15)
    assert per_thousand(1.0, 0) == 0.0


def test_send_count_and_due_times() -> None:
    assert send_count(100, 20) == 2_000
    assert send_count(500, 0.5) == 250
    assert send_count(0.1, 1) == 1  # at least one
    assert due_offset(0, 100) == 0.0
    assert due_offset(250, 500) == 0.5
    with pytest.raises(ValueError, match="positive"):
        send_count(0, 10)


def test_achieved_rate_counts_intervals() -> None:
    assert achieved_rate(101, 0.0, 1.0) == pytest.approx(100.0)
    assert achieved_rate(1, 0.0, 1.0) == 0.0
    assert achieved_rate(10, 2.0, 2.0) == 0.0


async def test_pacer_waits_until_due() -> None:
    pacer = Pacer(rate=1_000)
    await pacer.wait(0)  # due at once
    await pacer.wait(20)  # 20 ms in


def test_ratio_formatting() -> None:
    assert format_ratio(800, 1_000) == "0.80×"
    assert format_ratio(800, 1_000, 0.8) == "0.80× (target ≥ 0.8×: met)"
    assert format_ratio(500, 1_000, 0.6) == "0.50× (target ≥ 0.6×: NOT met)"
    assert format_ratio(1, 0) == "n/a (no baseline figure)"
    assert format_rate(12_345.6) == "12,346/s"
    assert format_rate(50.04) == "50.0/s"
    assert latency_verdict(49.9, 50) == "≤ 50 ms: met"
    assert latency_verdict(50.1, 50) == "≤ 50 ms: NOT met"


def test_vmhwm_parsing() -> None:
    assert parse_vmhwm_bytes(STATUS) == 81_234 * 1024
    with pytest.raises(ValueError, match="VmHWM"):
        parse_vmhwm_bytes("Name:\tkthreadd\n")


def test_cpu_ticks_parsing_survives_a_name_with_spaces_and_parentheses() -> None:
    assert parse_cpu_ticks(STAT) == 290


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_reading_this_process() -> None:
    assert peak_rss_bytes(os.getpid()) > 1024 * 1024
    assert cpu_seconds(os.getpid()) > 0


def test_cpu_deltas_and_stage_sums() -> None:
    before = {"intake": 1.0, "triage-1": 2.0, "triage-2": 3.0, "dispatch-1": 0.5}
    after = {"intake": 1.5, "triage-1": 4.0, "triage-2": 4.0, "dispatch-1": 2.5}
    deltas = cpu_deltas(before, after)
    assert by_stage(deltas, ("intake", "triage", "dispatch")) == {
        "intake": 0.5,
        "triage": 3.0,
        "dispatch": 2.0,
    }


def test_baseline_message_is_about_one_kilobyte_of_json() -> None:
    message = baseline_message("abc", {"description": "un texte", "where_seen": "sms"})
    assert len(message) == 1_024
    decoded = json.loads(message)
    assert decoded["report_id"] == "abc"
    assert decoded["report"]["where_seen"] == "sms"
    long_body = {"description": "é" * 2_000}
    assert json.loads(baseline_message("x", long_body))["report"] == long_body


def test_rates_option() -> None:
    assert parse_rates("100,500") == [100.0, 500.0]
    assert parse_rates(" 50 ") == [50.0]
    with pytest.raises(ValueError, match="positive"):
        parse_rates("100,-1")
    with pytest.raises(ValueError, match="positive"):
        parse_rates("")


def test_only_dispatch_outcome_notices_mark_a_report_as_through() -> None:
    def record(event_id: str) -> SimpleNamespace:
        return SimpleNamespace(
            headers=[("event-type", b"ReporterNotice"), ("event-id", event_id.encode())]
        )

    assert is_outcome(record("r1:outcome"))
    assert not is_outcome(record("r1:acknowledgement"))
    assert not is_outcome(SimpleNamespace(headers=[]))
