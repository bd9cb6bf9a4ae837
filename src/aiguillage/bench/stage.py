"""One stage of a raw aiokafka baseline, as its own process (as our stages are):

    python -m aiguillage.bench.stage MODE SOURCE SINK GROUP STAGE BOOTSTRAP MONGO_URL DB COLLECTION

The same guarantees as the pipeline, without a framework: consume in a group from the earliest
uncommitted offset; write to MongoDB (w=majority, journaled) guarded by the previous stage; produce
with acks=all; commit only after both.

- single: getone → update_one → send_and_wait → commit that offset.
- batched: getmany (records grouped by partition) → one bulk_write for all of them → send all,
  then await all → commit every partition's last offset.

Runs until SIGTERM.
"""

import asyncio
import contextlib
import json
import signal
import sys
from datetime import UTC, datetime
from typing import Any

import uvloop
from aiokafka import TopicPartition
from pymongo import AsyncMongoClient, UpdateOne, WriteConcern
from pymongo.asynchronous.collection import AsyncCollection

from aiguillage.bench.clients import group_consumer, producer
from aiguillage.shared.mongo import Document
from aiguillage.shared.settings import KafkaSettings

MODES = ("single", "batched")
PREVIOUS = {"stage1": "submitted", "stage2": "stage1", "stage3": "stage2"}


def _next(value: bytes, stage: str) -> tuple[str, bytes]:
    message = json.loads(value)
    message["stage"] = stage
    return message["report_id"], json.dumps(message, separators=(",", ":")).encode()


def _update(message_id: str, stage: str) -> tuple[Document, Document]:
    return (
        {"_id": message_id, "stage": PREVIOUS[stage]},
        {"$set": {"stage": stage, "updated_at": datetime.now(UTC)}},
    )


async def single(
    consumer: Any, send: Any, sink: str, stage: str, reports: AsyncCollection[Document]
) -> None:
    while True:
        record = await consumer.getone()
        message_id, value = _next(record.value, stage)
        await reports.update_one(*_update(message_id, stage))
        await send.send_and_wait(sink, value, key=record.key)
        await consumer.commit({TopicPartition(record.topic, record.partition): record.offset + 1})


async def batched(
    consumer: Any, send: Any, sink: str, stage: str, reports: AsyncCollection[Document]
) -> None:
    while True:
        batch = await consumer.getmany(timeout_ms=100)
        if not batch:
            continue
        records = [r for partition_records in batch.values() for r in partition_records]
        out = [(r.key, *_next(r.value, stage)) for r in records]
        await reports.bulk_write(
            [UpdateOne(*_update(message_id, stage)) for _, message_id, _ in out], ordered=False
        )
        sent = [await send.send(sink, value, key=key) for key, _, value in out]
        await asyncio.gather(*sent)
        await consumer.commit({tp: rs[-1].offset + 1 for tp, rs in batch.items()})


async def run(argv: list[str]) -> None:
    mode, source, sink, group, stage, bootstrap, mongo_url, database, collection = argv
    if mode not in MODES:
        msg = f"mode must be one of {MODES}, got {mode!r}"
        raise SystemExit(msg)
    kafka = KafkaSettings(
        bootstrap_servers=bootstrap,
        enable_idempotence=False,
        fetch_max_wait_ms=10,
        session_timeout_ms=6_000,
        heartbeat_interval_ms=1_000,
    )
    client: AsyncMongoClient[Document] = AsyncMongoClient(mongo_url, tz_aware=True)
    reports = client[database].get_collection(
        collection, write_concern=WriteConcern(w="majority", j=True)
    )
    consumer = group_consumer(kafka, source, group)
    send = producer(kafka)
    await send.start()
    await consumer.start()
    loop = single if mode == "single" else batched
    task = asyncio.create_task(loop(consumer, send, sink, stage, reports))
    stopping = asyncio.get_running_loop()
    stopping.add_signal_handler(signal.SIGTERM, task.cancel)
    try:
        with contextlib.suppress(asyncio.CancelledError):
            await task
    finally:
        await consumer.stop()
        await send.stop()
        await client.close()


if __name__ == "__main__":
    # The event loop the services run on (uvicorn picks uvloop): the comparison is of the code.
    uvloop.run(run(sys.argv[1:]))
