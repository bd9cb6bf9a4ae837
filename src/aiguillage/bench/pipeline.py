"""Our pipeline under the bench: the three services as processes (as `aiguillage up` runs them), fed
either through the HTTP intake or straight to `reports.submitted`, timed until dispatched."""

import asyncio
import contextlib
import os
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from pymongo.asynchronous.database import AsyncDatabase

from aiguillage.bench.clients import ArrivalClock, producer, wait_groups_stable
from aiguillage.bench.httpclient import JsonPoster
from aiguillage.bench.servers import PARTITIONS, BenchServers
from aiguillage.intake.groupcommit import GroupCommit
from aiguillage.intake.settings import IntakeSettings
from aiguillage.localstack.servers import free_port
from aiguillage.localstack.services import ServiceProcess
from aiguillage.shared.credentials import new_secret, secret_hash
from aiguillage.shared.events import ReportSubmitted
from aiguillage.shared.kafka import ensure_topics, event_headers
from aiguillage.shared.mongo import Document, ReportStore, Submission, connect, find_by_ids, now
from aiguillage.shared.report import Report, ReportBody
from aiguillage.shared.topics import Topics

HTTP_CONCURRENCY = 32
INSERT_CONCURRENCY = 32
# What the bench changes from the services' defaults, printed with the figures. The redrive would
# otherwise publish again the reports the bench stores ahead of the clock.
BENCH_ENV = {
    "AIGUILLAGE_KAFKA__PARTITIONS": str(PARTITIONS),
    "AIGUILLAGE_LOG_FORMAT": "json",
    "AIGUILLAGE_RATE_LIMIT_PER_MINUTE": "0",
    "AIGUILLAGE_REDRIVE_AFTER_S": "3600",
}


@dataclass(frozen=True)
class Namespace:
    """Where one stack of our pipeline keeps its data: a topic prefix (its consumer groups
    included) and a database."""

    prefix: str
    database: str

    @property
    def environment(self) -> dict[str, str]:
        return {
            "AIGUILLAGE_KAFKA__TOPIC_PREFIX": self.prefix,
            "AIGUILLAGE_MONGO__DATABASE": self.database,
        }

    @property
    def groups(self) -> tuple[str, str]:
        """The triage and dispatch consumer groups."""
        return f"{self.prefix}aiguillage-triage", f"{self.prefix}aiguillage-dispatch"


# The throughput runs, then the latency runs on topics of their own (see `command.run`).
THROUGHPUT = Namespace(prefix="bench.pipeline.", database="bench_pipeline")
LATENCY = Namespace(prefix="bench.latency.", database="bench_latency")


@dataclass(kw_only=True)
class PipelineStack:
    namespace: Namespace
    services: list[ServiceProcess]
    ports: dict[str, int]
    logs: Path
    triage: int
    dispatch: int
    server_pids: dict[str, int]

    @property
    def intake_url(self) -> str:
        return f"http://127.0.0.1:{self.ports['intake']}"

    def pids(self) -> dict[str, int]:
        """The services' processes, then the broker's and the database's."""
        services = {s.name: s.process.pid for s in self.services if s.process is not None}
        return {**services, **self.server_pids}

    def check_running(self) -> None:
        dead = [s.name for s in self.services if not s.running()]
        if dead:
            tails = {n: (self.logs / f"{n}.log").read_text()[-1_500:] for n in dead}
            msg = f"service(s) exited: {dead}; last log lines: {tails}"
            raise RuntimeError(msg)

    def stop(self) -> None:
        for service in self.services:
            service.terminate()
        for service in self.services:
            service.wait(30)


def start_pipeline(
    servers: BenchServers, logs: Path, *, triage: int, dispatch: int, namespace: Namespace
) -> PipelineStack:
    names = [
        "intake",
        *(f"triage-{i + 1}" for i in range(triage)),
        *(f"dispatch-{i + 1}" for i in range(dispatch)),
    ]
    base = {
        **os.environ,
        **servers.environment(),
        **BENCH_ENV,
        **namespace.environment,
        "PYTHONUNBUFFERED": "1",
    }
    services: list[ServiceProcess] = []
    ports: dict[str, int] = {}
    for name in names:
        ports[name] = free_port()
        env = {**base, "AIGUILLAGE_HTTP_PORT": str(ports[name])}
        with (logs / f"{name}.log").open("ab") as log:
            services.append(ServiceProcess(name=name, env=env).start(output=log))
    return PipelineStack(
        namespace=namespace,
        services=services,
        ports=ports,
        logs=logs,
        triage=triage,
        dispatch=dispatch,
        server_pids=servers.pids,
    )


async def wait_ready(stack: PipelineStack, servers: BenchServers, *, timeout_s: float) -> None:
    """Every service healthy and both consumer groups stable with all their members."""
    deadline = time.monotonic() + timeout_s
    async with httpx.AsyncClient(timeout=3.0) as client:
        for name, port in stack.ports.items():
            while True:
                stack.check_running()
                try:
                    response = await client.get(f"http://127.0.0.1:{port}/health")
                    if response.status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    msg = f"{name} not healthy within {timeout_s:.0f} s"
                    raise TimeoutError(msg)
                await asyncio.sleep(0.3)
    await wait_groups_stable(
        servers.kafka(),
        dict(zip(stack.namespace.groups, (stack.triage, stack.dispatch), strict=True)),
        timeout_s=max(1.0, deadline - time.monotonic()),
    )


@dataclass(frozen=True, kw_only=True)
class Timings:
    """When each report was submitted, triaged and dispatched, from MongoDB: `submitted_at` of
    the report, `triaged_at` (set by triage once its decision is stored, just before it
    publishes) and `dispatched_at` of the dispatch record."""

    submitted: dict[str, datetime] = field(default_factory=dict)
    triaged: dict[str, datetime] = field(default_factory=dict)
    dispatched: dict[str, datetime] = field(default_factory=dict)

    def latencies_ms(self) -> list[float]:
        """Accepted → dispatched."""
        return _spans_ms(self.submitted, self.dispatched)

    def hops_ms(self) -> dict[str, list[float]]:
        """The two hops of that span, to say where its time goes."""
        return {
            "accepted → triaged": _spans_ms(self.submitted, self.triaged),
            "triaged → dispatched": _spans_ms(self.triaged, self.dispatched),
        }

    def last_dispatched(self) -> float:
        return max(self.dispatched.values()).timestamp()


def _spans_ms(start: dict[str, datetime], end: dict[str, datetime]) -> list[float]:
    return [(end[i] - start[i]).total_seconds() * 1_000 for i in end if i in start]


class Driver:
    """Feeds the running pipeline and waits for its reports to be dispatched."""

    def __init__(self, servers: BenchServers, stack: PipelineStack) -> None:
        namespace = stack.namespace
        self._kafka = servers.kafka(prefix=namespace.prefix)
        self._topics = Topics(prefix=namespace.prefix)
        self._client = connect(servers.mongo(namespace.database))
        self._database: AsyncDatabase[Document] = self._client[namespace.database]
        defaults = IntakeSettings.model_fields
        self._store = ReportStore(
            self._database, retention=timedelta(days=defaults["retention_days"].default)
        )
        group_commit_max = defaults["group_commit_max"].default
        self._submissions = GroupCommit(self._store.insert_submitted, max_items=group_commit_max)
        self._producer: Any = producer(self._kafka)
        self._http = JsonPoster(stack.intake_url, max_connections=HTTP_CONCURRENCY, timeout_s=60)
        # Triage's acknowledgement and dispatch's outcome share the topic: only the outcome,
        # dispatch's last publish, says a report went through.
        self._clock = ArrivalClock(self._kafka, [self._topics.notifications], counts=is_outcome)
        self._stack = stack

    async def start(self) -> "Driver":
        await ensure_topics(self._kafka, self._topics.all())
        await self._producer.start()
        await self._clock.start()
        return self

    async def close(self) -> None:
        await self._clock.stop()
        await self._producer.stop()
        await self._http.close()
        await self._client.close()

    @contextlib.contextmanager
    def clock_paused(self) -> Iterator[None]:
        """The arrival clock reads nothing meanwhile: a latency run reads its times from MongoDB,
        and the clock's polling and reading would otherwise share the CPUs with what is timed."""
        self._clock.pause()
        try:
            yield
        finally:
            self._clock.resume()

    # ---- straight to reports.submitted ----

    async def store_ahead(self, bodies: Sequence[dict[str, Any]]) -> list[ReportSubmitted]:
        """Store the reports as intake does (`insert_submitted`), before any clock starts."""
        gate = asyncio.Semaphore(INSERT_CONCURRENCY)

        async def one(body: dict[str, Any]) -> ReportSubmitted:
            async with gate:
                return await self._store_one(_report(body), publish=False)

        return list(await asyncio.gather(*(one(b) for b in bodies)))

    async def _store_one(self, report: Report, *, publish: bool) -> ReportSubmitted:
        """As intake does it: stored by group commit (concurrent calls share the insert), then
        published on its own (the producer batches)."""
        event = ReportSubmitted.build(report_id=uuid.uuid4().hex, report=report, at=now())
        await self._submissions.submit(
            Submission(
                report=report,
                event=event,
                tracking_token_sha256=secret_hash(new_secret()),
                by="bench",
            )
        )
        if publish:
            await self._publish([event])
        return event

    async def publish_all(self, events: Sequence[ReportSubmitted]) -> None:
        await self._publish(events)

    async def _publish(self, events: Sequence[ReportSubmitted]) -> None:
        """Send all, then await all (acks=all), keyed and with the headers intake sets."""
        futures = [
            await self._producer.send(
                self._topics.submitted,
                e.model_dump_json().encode(),
                key=e.report_id.encode(),
                headers=[(k, v.encode()) for k, v in event_headers(e).items()],
            )
            for e in events
        ]
        await asyncio.gather(*futures)

    async def submit_direct(self, report: Report) -> str:
        """What intake does for one report, without HTTP: store, publish."""
        return (await self._store_one(report, publish=True)).report_id

    # ---- through the HTTP intake ----

    async def post(self, body: dict[str, Any]) -> str:
        status, answer = await self._http.post("/reports", body)
        if status != 202:
            msg = f"intake answered {status}: {str(answer)[:300]}"
            raise RuntimeError(msg)
        report_id: str = answer["id"]
        return report_id

    async def post_all(self, bodies: Sequence[dict[str, Any]]) -> list[str]:
        """All of them, `HTTP_CONCURRENCY` in flight (the client's connections)."""
        return list(await asyncio.gather(*(self.post(b) for b in bodies)))

    # ---- waiting ----

    async def wait_dispatched(self, ids: Sequence[str], *, timeout_s: float) -> Timings:
        """Wait for every report's notice on `notifications.reporter` (the last thing dispatch
        publishes; no MongoDB polling while the pipeline works), then for MongoDB to hold every
        dispatch record; return the times MongoDB holds."""
        deadline = time.monotonic() + timeout_s
        await self._clock.all_or_quiet(ids, quiet_s=5.0, timeout_s=timeout_s)
        timings = Timings()
        missing = list(ids)
        dispatches = self._database.get_collection("dispatches")
        while missing:
            self._stack.check_running()
            fields = {"dispatched_at": 1, "triaged_at": 1}
            for doc in await find_by_ids(dispatches, missing, fields):
                timings.dispatched[doc["_id"]] = doc["dispatched_at"]
                timings.triaged[doc["_id"]] = doc["triaged_at"]
            missing = [i for i in missing if i not in timings.dispatched]
            if missing and time.monotonic() > deadline:
                msg = f"{len(missing)} of {len(ids)} reports not dispatched in {timeout_s:.0f} s"
                raise TimeoutError(msg)
            if missing:
                await asyncio.sleep(0.2)
        reports = self._database.get_collection("reports")
        for doc in await find_by_ids(reports, ids, {"submitted_at": 1}):
            timings.submitted[doc["_id"]] = doc["submitted_at"]
        return timings


def _report(body: dict[str, Any]) -> Report:
    return Report.from_body(ReportBody.model_validate(body))


def reports_of(bodies: Sequence[dict[str, Any]]) -> list[Report]:
    return [_report(b) for b in bodies]


def is_outcome(record: Any) -> bool:
    """A reporter notice of kind `outcome` (its event id is `<report id>:outcome`)."""
    return any(k == "event-id" and v.endswith(b":outcome") for k, v in record.headers)
