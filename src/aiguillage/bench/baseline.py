"""The raw aiokafka baselines: three chained stages (each its own process and group) between
`submitted` and `stage3`, fed N report-like messages, timed from the first produce until the last
message is read from `stage3`."""

import asyncio
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pymongo import AsyncMongoClient, WriteConcern

from aiguillage.bench.clients import ArrivalClock, delete_topics, producer, wait_groups_stable
from aiguillage.bench.measure import cpu_deltas, cpu_snapshot, peak_rss_bytes, per_thousand
from aiguillage.bench.payload import MESSAGE_BYTES, baseline_message
from aiguillage.bench.results import ProcessCost, Throughput
from aiguillage.bench.servers import PARTITIONS, BenchServers
from aiguillage.cli.scenarios import generate
from aiguillage.shared.kafka import ensure_topics
from aiguillage.shared.mongo import Document
from aiguillage.shared.settings import KafkaSettings

STAGES = ("stage1", "stage2", "stage3")
DATABASE = "bench_baseline"
WARM_UP = 20
INSERT_CHUNK = 1_000


@dataclass(frozen=True, kw_only=True)
class BaselineRun:
    throughput: Throughput
    processes: list[ProcessCost]


def settings_text(mode: str) -> str:
    how = (
        "getone → update_one → send_and_wait → commit"
        if mode == "single"
        else "getmany → one bulk_write → send all, await all → commit batch"
    )
    return (
        f"3 stages, 1 process each; {how}; w=majority j=true, acks=all; "
        f"{PARTITIONS} partitions; ~{MESSAGE_BYTES} B JSON"
    )


async def run_baseline(
    mode: str, servers: BenchServers, *, count: int, seed: int, logs: Path, timeout_s: float
) -> BaselineRun:
    prefix = f"bench.{mode}."
    kafka = servers.kafka(prefix=prefix)
    topics = [f"{prefix}{t}" for t in ("submitted", *STAGES)]
    await ensure_topics(kafka, tuple(topics))
    ids = [uuid.uuid4().hex for _ in range(count)]
    warm = [f"warm-{uuid.uuid4().hex}" for _ in range(WARM_UP)]
    bodies = [g.body for g in generate(count + WARM_UP, seed=seed)]
    messages = [baseline_message(i, b) for i, b in zip([*warm, *ids], bodies, strict=True)]
    await _insert_documents(servers, mode, [*warm, *ids])
    groups = {f"bench-{mode}-{stage}": 1 for stage in STAGES}
    processes = [
        _start_stage(mode, topics[n], topics[n + 1], group, stage, servers, logs)
        for n, (group, stage) in enumerate(zip(groups, STAGES, strict=True))
    ]
    pids = {f"{mode} {stage}": p.pid for stage, p in zip(STAGES, processes, strict=True)}
    pids.update(servers.pids)
    clock = await ArrivalClock(kafka, [topics[-1]]).start()
    send = producer(kafka)
    await send.start()
    try:
        await wait_groups_stable(kafka, groups)
        await _produce(send, topics[0], warm, messages[:WARM_UP])
        await clock.last_arrival(warm, timeout_s=timeout_s)
        before = cpu_snapshot(pids)
        started = time.time()
        await _produce(send, topics[0], ids, messages[WARM_UP:])
        finished = await clock.last_arrival(ids, timeout_s=timeout_s)
        cpu = cpu_deltas(before, cpu_snapshot(pids))
        costs = [
            ProcessCost(
                name=name,
                peak_rss_bytes=peak_rss_bytes(pid),
                cpu_per_thousand={f"baseline {mode}": per_thousand(cpu[name], count)},
            )
            for name, pid in pids.items()
        ]
    finally:
        await send.stop()
        await clock.stop()
        _stop(processes)
        await _remove_data(servers, kafka, topics, mode)
    return BaselineRun(
        throughput=Throughput(
            name=f"baseline {mode}",
            count=count,
            seconds=finished - started,
            settings=settings_text(mode),
        ),
        processes=costs,
    )


async def _remove_data(
    servers: BenchServers, kafka: KafkaSettings, topics: list[str], mode: str
) -> None:
    """Delete the baseline's topics and collection once measured (see `delete_topics`)."""
    await delete_topics(kafka, topics)
    client: AsyncMongoClient[Document] = AsyncMongoClient(servers.mongo_url, tz_aware=True)
    try:
        await client[DATABASE].drop_collection(mode)
    finally:
        await client.close()


async def _insert_documents(servers: BenchServers, mode: str, ids: list[str]) -> None:
    """The documents the stages update, before the clock starts (as intake's are)."""
    client: AsyncMongoClient[Document] = AsyncMongoClient(servers.mongo_url, tz_aware=True)
    try:
        collection = client[DATABASE].get_collection(
            mode, write_concern=WriteConcern(w="majority", j=True)
        )
        for start in range(0, len(ids), INSERT_CHUNK):
            chunk = ids[start : start + INSERT_CHUNK]
            await collection.insert_many([{"_id": i, "stage": "submitted"} for i in chunk])
    finally:
        await client.close()


async def _produce(send: Any, topic: str, ids: list[str], messages: list[bytes]) -> None:
    """Send all, then await all (acks=all)."""
    futures = [
        await send.send(topic, m, key=i.encode()) for i, m in zip(ids, messages, strict=True)
    ]
    await asyncio.gather(*futures)


def _start_stage(
    mode: str,
    source: str,
    sink: str,
    group: str,
    stage: str,
    servers: BenchServers,
    logs: Path,
) -> "subprocess.Popen[bytes]":
    argv = [mode, source, sink, group, stage, servers.bootstrap_servers, servers.mongo_url]
    with (logs / f"baseline-{mode}-{stage}.log").open("ab") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "aiguillage.bench.stage", *argv, DATABASE, mode],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _stop(processes: list["subprocess.Popen[bytes]"]) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
