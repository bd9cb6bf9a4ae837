"""MongoDB, the system of record: every report and what each stage decided about it.

Each stage inserts its own record, keyed by the report id, and no stage rewrites another's: intake
inserts the report into `reports`, triage its decision into `decisions`, dispatch its routing (with
the decision it applied) into `dispatches`. A report's status is which of these records exist. An
insert costs SecantusDB a third of an update (docs/benchmark.md), and a record keyed by the report
id makes a redelivered message change nothing twice: its insert fails on the key. Each stage
writes a batch in one unordered bulk insert; every write is atomic without a transaction.

A report is never changed once stored: what intake's relay needs to publish again lives in
`outbox` (see `aiguillage.shared.outbox`). Each record is deleted by a TTL index once the retention
period has run.
"""

from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pymongo import AsyncMongoClient, WriteConcern
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import BulkWriteError, PyMongoError

from aiguillage.shared.decision import Routing, TriageDecision
from aiguillage.shared.events import ReportSubmitted
from aiguillage.shared.report import Report
from aiguillage.shared.settings import MongoSettings
from aiguillage.shared.vocabulary import ReportStatus

Document = dict[str, Any]
DUPLICATE_KEY = 11_000
# SecantusDB's cost of an `$in` grows with the square of its list (measured: 0.07 ms a document
# for 50 ids, 0.44 for 500): lookups by many ids go by chunks of this many.
IN_CHUNK = 50
# A decision is needed only until dispatch copies it into its record; kept this long for
# reports whose dispatch waits (a dispatch outage, a dead letter), then deleted by MongoDB.
DECISION_RETENTION = timedelta(days=30)
# The relay's entries, one per report it has to publish or check (`aiguillage.shared.outbox`).
OUTBOX = "outbox"
# Where the relay's walk has checked up to is kept in `relay`, under this id; and the version of
# the records' layout, under `SCHEMA` (2: each stage inserts its own record; 3: the report is
# never updated, the outbox is a collection of its own).
REDRIVE_POSITION = "redrive"
SCHEMA = "schema"
SCHEMA_VERSION = 3
UPGRADE_CHUNK = 500
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# BSON dates count milliseconds: the least step from one stored instant to the next.
MILLISECOND = timedelta(milliseconds=1)


def connect(settings: MongoSettings) -> AsyncMongoClient[Document]:
    return AsyncMongoClient(
        settings.url,
        tz_aware=True,
        serverSelectionTimeoutMS=settings.server_selection_timeout_ms,
        # A report is accepted only once it survives the loss of the primary.
        w="majority",
        journal=True,
    )


def now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, kw_only=True)
class DispatchRecord:
    """What dispatch records of one report: triage's decision (and when it was made) and the
    routing."""

    decision: TriageDecision
    triaged_at: datetime
    routing: Routing


@dataclass(frozen=True, kw_only=True)
class Submission:
    """A new report as intake stores it."""

    report: Report
    event: ReportSubmitted
    tracking_token_sha256: str
    by: str


class ReportStore:
    """The `reports`, `decisions` and `dispatches` collections, with one method per thing a stage
    records; each record is kept `retention` after it was written."""

    def __init__(self, database: AsyncDatabase[Document], *, retention: timedelta) -> None:
        durable = WriteConcern(w="majority", j=True)

        def collection(name: str) -> AsyncCollection[Document]:
            return database.get_collection(name, write_concern=durable)

        self._reports = collection("reports")
        self._decisions = collection("decisions")
        self._dispatches = collection("dispatches")
        self._outbox = collection(OUTBOX)
        self._relay = collection("relay")
        self._database = database
        self._retention = retention

    @property
    def database(self) -> AsyncDatabase[Document]:
        return self._database

    async def ensure_indexes(self) -> None:
        # Every index costs each insert of a report, so `reports` has two. This one serves the
        # relay's walk (in order of submission, polled every second). The relay's queries name
        # only the fields of an index: SecantusDB scans the whole collection for a query that
        # names any other field (0.5 s at 20,000 reports), where mongod would filter the index.
        await self._reports.create_index("submitted_at")
        await self._outbox.create_index("due_at")
        # Each record is deleted once its retention period has run.
        await self._reports.create_index("expires_at", expireAfterSeconds=0)
        await self._dispatches.create_index("expires_at", expireAfterSeconds=0)
        await self._decisions.create_index(
            "decided_at", expireAfterSeconds=int(DECISION_RETENTION.total_seconds())
        )
        # Earlier versions had other indexes for the outbox and the redrive.
        existing = await self._reports.index_information()
        for earlier in (
            "outbox.pending_1",
            "status_1_updated_at_1",
            "status_1_outbox.pending_1_updated_at_1",
            "outbox.pending_1_updated_at_1",
        ):
            if earlier in existing:
                await self._reports.drop_index(earlier)
        await self._upgrade_earlier_reports()

    async def _upgrade_earlier_reports(self) -> None:
        """A database of an earlier version is brought to this one, once, step by step."""
        schema = await self._relay.find_one({"_id": SCHEMA})
        version = 1 if schema is None else schema["version"]
        if version >= SCHEMA_VERSION:
            return
        if version < 2:
            await self._upgrade_to_2()
        await self._upgrade_to_3()
        await self._relay.update_one(
            {"_id": SCHEMA}, {"$set": {"version": SCHEMA_VERSION}}, upsert=True
        )

    async def _upgrade_to_2(self) -> None:
        """Version 1 recorded the dispatch in the report itself (its `status`, `triage` and
        `dispatch` fields) and set its expiry only then. Each such report gets its dispatch
        record (else the redrive would drive it again), loses those fields and the history they
        made, and a report with no expiry gets one, counted from now."""
        legacy = {"status": ReportStatus.DISPATCHED.value}

        async def records() -> AsyncIterator[Document]:
            fields = {"triage": 1, "dispatch": 1, "history": 1}
            async for doc in self._reports.find(legacy, fields):
                at = doc["dispatch"]["dispatched_at"]
                triaged = [h["at"] for h in doc["history"] if h["status"] == "triaged"]
                yield {
                    "_id": doc["_id"],
                    "dispatched_at": at,
                    "expires_at": at + self._retention,
                    "triaged_at": triaged[0] if triaged else at,
                    "triage": doc["triage"],
                    "dispatch": {k: v for k, v in doc["dispatch"].items() if k != "dispatched_at"},
                }

        await _insert_by_chunks(self._dispatches, records())
        # The history's later steps come from the records now (see `get`).
        await self._reports.update_many(
            {"status": {"$exists": True}},
            {
                "$unset": {"status": "", "triage": "", "dispatch": ""},
                "$pull": {"history": {"status": {"$ne": ReportStatus.RECEIVED.value}}},
            },
        )
        await self._reports.update_many(
            {"expires_at": {"$exists": False}}, {"$set": {"expires_at": now() + self._retention}}
        )

    async def _upgrade_to_3(self) -> None:
        """Version 2 kept the outbox in the report (`outbox.pending`, `updated_at`, `redrives`).
        A report still pending, or redriven, gets an outbox entry due now (the relay deletes
        those of dispatched reports); the fields go. The walk's position, a time of last change
        then, is kept: a report changed before it was submitted before it."""
        legacy = {"$or": [{"outbox.pending": True}, {"redrives": {"$gt": 0}}]}
        at = now()

        async def entries() -> AsyncIterator[Document]:
            async for doc in self._reports.find(legacy, {"redrives": 1}):
                yield {"_id": doc["_id"], "due_at": at, "attempts": doc.get("redrives", 0)}

        await _insert_by_chunks(self._outbox, entries())
        await self._reports.update_many(
            {"outbox": {"$exists": True}},
            {"$unset": {"outbox": "", "updated_at": "", "redrives": ""}},
        )

    async def ping(self) -> None:
        await self._database.command("ping")

    async def insert_submitted(
        self, submissions: Sequence[Submission]
    ) -> list[BaseException | None]:
        """Store new reports, each with its event in the outbox, in one bulk insert: from here on
        a report cannot be lost. Returns each report's error, or None once it is stored."""
        try:
            await self._reports.insert_many(
                [_new_report(s, self._retention) for s in submissions], ordered=False
            )
        except BulkWriteError as error:
            failed: dict[int, BaseException] = {
                e["index"]: PyMongoError(e.get("errmsg", "write error"))
                for e in error.details["writeErrors"]
            }
            return [failed.get(n) for n in range(len(submissions))]
        return [None] * len(submissions)

    async def dispatched(self, report_ids: Iterable[str]) -> set[str]:
        """Those of these reports that have a dispatch record."""
        return {doc["_id"] for doc in await find_by_ids(self._dispatches, report_ids, {"_id": 1})}

    async def record_triage(self, decisions: Mapping[str, TriageDecision]) -> set[str]:
        """Store triage's decisions, in one bulk insert. A decision already stored (a
        redelivery) is left as it is, the classifier would have decided the same: returns the
        reports that had one."""
        at = now()
        docs = [
            {"_id": report_id, "decided_at": at, "decision": d.model_dump(mode="json")}
            for report_id, d in decisions.items()
        ]
        return set(await insert_new(self._decisions, docs))

    async def record_dispatch(self, dispatches: Mapping[str, DispatchRecord]) -> set[str]:
        """Store dispatch's records (the decision applied, the routing), in one bulk insert. A
        report already recorded (a redelivery) is left as it is: returns those that were."""
        at = now()
        docs = [
            {
                "_id": report_id,
                "dispatched_at": at,
                "expires_at": at + self._retention,
                "triaged_at": record.triaged_at,
                "triage": record.decision.model_dump(mode="json"),
                "dispatch": record.routing.model_dump(mode="json"),
            }
            for report_id, record in dispatches.items()
        ]
        return set(await insert_new(self._dispatches, docs))

    async def get(self, report_id: str) -> Document | None:
        """The report as its reporter sees it: its status, and triage's decision and the routing
        once there are."""
        doc = await self._reports.find_one({"_id": report_id})
        if doc is None:
            return None
        received = {**doc, "status": ReportStatus.RECEIVED.value}
        dispatched = await self._dispatches.find_one({"_id": report_id})
        if dispatched is not None:
            at = dispatched["dispatched_at"]
            return {
                **received,
                "status": ReportStatus.DISPATCHED.value,
                "triage": dispatched["triage"],
                "dispatch": {**dispatched["dispatch"], "dispatched_at": at},
                "history": [
                    *doc["history"],
                    _history(ReportStatus.TRIAGED, dispatched["triaged_at"], "triage"),
                    _history(ReportStatus.DISPATCHED, at, "dispatch"),
                ],
            }
        decided = await self._decisions.find_one({"_id": report_id})
        if decided is None:
            return received
        return {
            **received,
            "status": ReportStatus.TRIAGED.value,
            "triage": decided["decision"],
            "history": [
                *doc["history"],
                _history(ReportStatus.TRIAGED, decided["decided_at"], "triage"),
            ],
        }


async def find_by_ids(
    collection: AsyncCollection[Document], ids: Iterable[str], projection: Document
) -> list[Document]:
    """The documents of these ids (those that exist), `IN_CHUNK` ids a query."""
    unique = list(dict.fromkeys(ids))
    found: list[Document] = []
    for start in range(0, len(unique), IN_CHUNK):
        query = {"_id": {"$in": unique[start : start + IN_CHUNK]}}
        found.extend(await collection.find(query, projection).to_list())
    return found


async def insert_new(collection: AsyncCollection[Document], docs: Sequence[Document]) -> list[str]:
    """Insert these documents in one unordered bulk insert; returns the ids of those whose id
    was taken already (left as they are)."""
    if not docs:
        return []
    try:
        await collection.insert_many(docs, ordered=False)
    except BulkWriteError as error:
        if any(e["code"] != DUPLICATE_KEY for e in error.details["writeErrors"]):
            raise
        return [docs[e["index"]]["_id"] for e in error.details["writeErrors"]]
    return []


async def _insert_by_chunks(
    collection: AsyncCollection[Document], docs: AsyncIterator[Document]
) -> None:
    """Insert what `docs` yields (those whose id is taken are left), `UPGRADE_CHUNK` at a time."""
    chunk: list[Document] = []
    async for doc in docs:
        chunk.append(doc)
        if len(chunk) == UPGRADE_CHUNK:
            await insert_new(collection, chunk)
            chunk = []
    await insert_new(collection, chunk)


def _new_report(submission: Submission, retention: timedelta) -> Document:
    at = submission.event.occurred_at
    return {
        "_id": submission.event.report_id,
        "submitted_at": at,
        "expires_at": at + retention,
        "tracking_token_sha256": submission.tracking_token_sha256,
        "report": submission.report.model_dump(mode="json"),
        # The event is rebuilt from the report when the relay needs it (`submitted_event`):
        # storing it too would double the document.
        "history": [_history(ReportStatus.RECEIVED, at, submission.by)],
    }


def submitted_event(doc: Document) -> ReportSubmitted:
    """The `ReportSubmitted` event of a stored report, as intake built it (same event id)."""
    return ReportSubmitted.build(
        report_id=doc["_id"], report=Report.model_validate(doc["report"]), at=doc["submitted_at"]
    )


def _history(status: ReportStatus, at: datetime, by: str) -> Document:
    return {"status": status.value, "at": at, "by": by}
