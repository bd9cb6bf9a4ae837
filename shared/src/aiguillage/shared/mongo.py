"""MongoDB, the system of record: every report, its status and its stages' results.

One document per report in `reports`, keyed by the report id: inserted by intake, updated once by
dispatch (status `dispatched`, with triage's decision and the routing). Triage's decisions are
inserted into `decisions`, keyed by report id, rather than updating the report: an insert costs a
fraction of an update (measured on SecantusDB: docs/benchmark.md), and until dispatch a report's
status is `triaged` when its decision exists. Each stage writes a batch in one unordered bulk
request of single-document writes: every write is atomic without a transaction, and a redelivered
message changes nothing twice (an update is guarded by the report's status, an insert by its key).
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pymongo import AsyncMongoClient, UpdateOne, WriteConcern
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
# A decision is needed only until dispatch copies it into its report; kept this long for
# reports whose dispatch waits (a dispatch outage, a dead letter), then deleted by MongoDB.
DECISION_RETENTION = timedelta(days=30)
# The outbox relay's index on `reports` (see `ReportStore.ensure_indexes`): equalities, then range.
RELAY_INDEX = [("status", 1), ("outbox.pending", 1), ("updated_at", 1)]


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
    """What dispatch records of one report: triage's decision (and when it was made), the
    routing, and how long the report is kept."""

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


@dataclass(frozen=True, kw_only=True)
class PendingPublication:
    report_id: str
    event: ReportSubmitted
    updated_at: datetime


class ReportStore:
    """The `reports` and `decisions` collections, with one method per thing a stage records."""

    def __init__(self, database: AsyncDatabase[Document]) -> None:
        durable = WriteConcern(w="majority", j=True)
        self._reports: AsyncCollection[Document] = database.get_collection(
            "reports", write_concern=durable
        )
        self._decisions: AsyncCollection[Document] = database.get_collection(
            "decisions", write_concern=durable
        )
        self._database = database

    async def ensure_indexes(self) -> None:
        # Every index costs each write of a report (a third of an update on SecantusDB), so
        # `reports` has two. This one serves the outbox relay's queries, which it polls every
        # second: the backlog count, the pending publications and the redrive (oldest change
        # first). Each names only fields of this index, by equality then range: SecantusDB
        # scans the whole collection for a query that names any other field or uses `$in`
        # (0.5 s at 20,000 reports, three times a second), where mongod would filter the index.
        await self._reports.create_index(RELAY_INDEX)
        # Reports are deleted once their retention period has run (set when dispatched).
        await self._reports.create_index("expires_at", expireAfterSeconds=0)
        await self._decisions.create_index(
            "decided_at", expireAfterSeconds=int(DECISION_RETENTION.total_seconds())
        )
        # Earlier versions had other indexes for the outbox and the redrive; this one serves both.
        existing = await self._reports.index_information()
        for earlier in ("outbox.pending_1", "status_1_updated_at_1"):
            if earlier in existing:
                await self._reports.drop_index(earlier)

    async def ping(self) -> None:
        await self._database.command("ping")

    async def insert_submitted(
        self, submissions: Sequence[Submission]
    ) -> list[BaseException | None]:
        """Store new reports, each with its event in the outbox, in one bulk insert: from here on
        a report cannot be lost. Returns each report's error, or None once it is stored."""
        try:
            await self._reports.insert_many([_new_report(s) for s in submissions], ordered=False)
        except BulkWriteError as error:
            failed: dict[int, BaseException] = {
                e["index"]: PyMongoError(e.get("errmsg", "write error"))
                for e in error.details["writeErrors"]
            }
            return [failed.get(n) for n in range(len(submissions))]
        return [None] * len(submissions)

    async def mark_published(self, report_ids: Sequence[str]) -> None:
        """Note that these reports' events are on Kafka (one update for all)."""
        await self._reports.update_many(
            {"_id": {"$in": list(report_ids)}},
            {
                "$set": {"outbox.pending": False, "outbox.published_at": now()},
                "$inc": {"outbox.attempts": 1},
            },
        )

    async def outbox_backlog(self) -> int:
        return await self._reports.count_documents(
            {"status": ReportStatus.RECEIVED.value, "outbox.pending": True}
        )

    async def note_publish_failure(self, report_id: str) -> None:
        await self._reports.update_one({"_id": report_id}, {"$inc": {"outbox.attempts": 1}})

    async def pending_publications(
        self, *, older_than: timedelta, limit: int = 500
    ) -> list[PendingPublication]:
        """Reports stored but whose event is not known to be on Kafka yet, oldest first (a
        report's `updated_at` is its `submitted_at` until it is published)."""
        return await self._publications(
            {
                "status": ReportStatus.RECEIVED.value,
                "updated_at": {"$lt": now() - older_than},
                "outbox.pending": True,
            },
            limit=limit,
        )

    async def stale_reports(
        self, *, older_than: timedelta, limit: int = 500
    ) -> list[PendingPublication]:
        """Reports short of dispatched whose last change is older than `older_than`: their
        messages were lost (broker crash, wiped topic, bug) or are stuck; they are driven again."""
        # `triaged` was a stored status before decisions had their own collection. One query a
        # status: an `$in` would not be served by the index (see `ensure_indexes`).
        cutoff = now() - older_than
        found: list[PendingPublication] = []
        for status in (ReportStatus.RECEIVED, ReportStatus.TRIAGED):
            query = {"status": status.value, "outbox.pending": False, "updated_at": {"$lt": cutoff}}
            found.extend(await self._publications(query, limit=limit))
        return sorted(found, key=lambda item: item.updated_at)[:limit]

    async def _publications(self, query: Document, *, limit: int) -> list[PendingPublication]:
        cursor = (
            self._reports.find(query, {"report": 1, "submitted_at": 1, "updated_at": 1})
            .sort("updated_at", 1)
            .limit(limit)
        )
        return [
            PendingPublication(
                report_id=doc["_id"], event=submitted_event(doc), updated_at=doc["updated_at"]
            )
            async for doc in cursor
        ]

    async def mark_redriven(self, report_id: str) -> None:
        # Moving `updated_at` gives the redriven report another full delay before the next try.
        await self._reports.update_one(
            {"_id": report_id, "status": {"$ne": ReportStatus.DISPATCHED.value}},
            {"$set": {"updated_at": now()}, "$inc": {"redrives": 1}},
        )

    async def statuses(self, report_ids: Iterable[str]) -> dict[str, ReportStatus]:
        """The current status of each report known to the database."""
        docs = await find_by_ids(self._reports, report_ids, {"status": 1})
        return {doc["_id"]: ReportStatus(doc["status"]) for doc in docs}

    async def record_triage(self, decisions: Mapping[str, TriageDecision]) -> set[str]:
        """Store triage's decisions, in one bulk insert. A decision already stored (a
        redelivery) is left as it is, the classifier would have decided the same: returns the
        reports that had one."""
        if not decisions:
            return set()
        at = now()
        ids = list(decisions)
        try:
            await self._decisions.insert_many(
                [
                    {"_id": report_id, "decided_at": at, "decision": d.model_dump(mode="json")}
                    for report_id, d in decisions.items()
                ],
                ordered=False,
            )
        except BulkWriteError as error:
            if any(e["code"] != DUPLICATE_KEY for e in error.details["writeErrors"]):
                raise
            return {ids[e["index"]] for e in error.details["writeErrors"]}
        return set()

    async def record_dispatch(
        self, dispatches: Mapping[str, DispatchRecord], *, retention: timedelta
    ) -> None:
        """Mark the reports dispatched, with triage's decision and the routing, to be deleted
        after `retention`, in one bulk write; a report already dispatched is left as it is."""
        if not dispatches:
            return
        at = now()
        await self._reports.bulk_write(
            [
                UpdateOne(
                    {"_id": report_id, "status": {"$ne": ReportStatus.DISPATCHED.value}},
                    {
                        "$set": {
                            "status": ReportStatus.DISPATCHED.value,
                            "updated_at": at,
                            "triage": record.decision.model_dump(mode="json"),
                            "dispatch": {
                                **record.routing.model_dump(mode="json"),
                                "dispatched_at": at,
                            },
                            "expires_at": at + retention,
                        },
                        "$push": {
                            "history": {
                                "$each": [
                                    _history(ReportStatus.TRIAGED, record.triaged_at, "triage"),
                                    _history(ReportStatus.DISPATCHED, at, "dispatch"),
                                ]
                            }
                        },
                    },
                )
                for report_id, record in dispatches.items()
            ],
            ordered=False,
        )

    async def get(self, report_id: str) -> Document | None:
        """The report as its reporter sees it: before dispatch, with triage's decision (and the
        `triaged` status) once there is one."""
        doc = await self._reports.find_one({"_id": report_id})
        if doc is None or doc["status"] != ReportStatus.RECEIVED.value:
            return doc
        decided = await self._decisions.find_one({"_id": report_id})
        if decided is None:
            return doc
        return {
            **doc,
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


def _new_report(submission: Submission) -> Document:
    at = submission.event.occurred_at
    return {
        "_id": submission.event.report_id,
        "status": ReportStatus.RECEIVED.value,
        "submitted_at": at,
        "updated_at": at,
        "tracking_token_sha256": submission.tracking_token_sha256,
        "report": submission.report.model_dump(mode="json"),
        # The event is rebuilt from the report when the relay needs it (`submitted_event`):
        # storing it too would double the document every stage reads and writes.
        "outbox": {"pending": True, "attempts": 0},
        "history": [_history(ReportStatus.RECEIVED, at, submission.by)],
    }


def submitted_event(doc: Document) -> ReportSubmitted:
    """The `ReportSubmitted` event of a stored report, as intake built it (same event id)."""
    return ReportSubmitted.build(
        report_id=doc["_id"], report=Report.model_validate(doc["report"]), at=doc["submitted_at"]
    )


def _history(status: ReportStatus, at: datetime, by: str) -> Document:
    return {"status": status.value, "at": at, "by": by}
