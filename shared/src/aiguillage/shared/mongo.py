"""MongoDB, the system of record: every report, its status and its stages' results.

One document per report in `reports`, keyed by the report id. Each stage's write is one
single-document update guarded by the current status, so it is atomic without a transaction
and a redelivered message changes nothing twice.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pymongo import AsyncMongoClient, ReturnDocument, WriteConcern
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.asynchronous.database import AsyncDatabase

from aiguillage.shared.decision import Routing, TriageDecision
from aiguillage.shared.events import ReportSubmitted
from aiguillage.shared.report import Report
from aiguillage.shared.settings import MongoSettings
from aiguillage.shared.vocabulary import ReportStatus

Document = dict[str, Any]


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
class PendingPublication:
    report_id: str
    event: ReportSubmitted


class ReportStore:
    """The `reports` collection, with one method per thing a stage records."""

    def __init__(self, database: AsyncDatabase[Document]) -> None:
        self._reports: AsyncCollection[Document] = database.get_collection(
            "reports", write_concern=WriteConcern(w="majority", j=True)
        )
        self._database = database

    async def ensure_indexes(self) -> None:
        # The redrive scans reports short of dispatched, oldest change first.
        await self._reports.create_index([("status", 1), ("updated_at", 1)])
        # Reports are deleted once their retention period has run (set when dispatched).
        await self._reports.create_index("expires_at", expireAfterSeconds=0)
        # The outbox relay scans only the reports whose event is not yet on Kafka.
        await self._reports.create_index(
            "outbox.pending", partialFilterExpression={"outbox.pending": True}
        )

    async def ping(self) -> None:
        await self._database.command("ping")

    async def insert_submitted(
        self, *, report: Report, event: ReportSubmitted, tracking_token_sha256: str, by: str
    ) -> None:
        """Store a new report with its event in the outbox: from here on it cannot be lost."""
        at = event.occurred_at
        await self._reports.insert_one(
            {
                "_id": event.report_id,
                "status": ReportStatus.RECEIVED.value,
                "submitted_at": at,
                "updated_at": at,
                "tracking_token_sha256": tracking_token_sha256,
                "report": report.model_dump(mode="json"),
                "outbox": {"pending": True, "event": event.model_dump_json(), "attempts": 0},
                "history": [_history(ReportStatus.RECEIVED, at, by)],
            }
        )

    async def mark_published(self, report_id: str) -> None:
        await self._reports.update_one(
            {"_id": report_id},
            {
                "$set": {"outbox.pending": False, "outbox.published_at": now()},
                "$inc": {"outbox.attempts": 1},
            },
        )

    async def outbox_backlog(self) -> int:
        return await self._reports.count_documents({"outbox.pending": True})

    async def note_publish_failure(self, report_id: str) -> None:
        await self._reports.update_one({"_id": report_id}, {"$inc": {"outbox.attempts": 1}})

    async def pending_publications(
        self, *, older_than: timedelta, limit: int = 500
    ) -> list[PendingPublication]:
        """Reports stored but whose event is not known to be on Kafka yet, oldest first."""
        return await self._publications(
            {"outbox.pending": True, "submitted_at": {"$lt": now() - older_than}},
            oldest_by="submitted_at",
            limit=limit,
        )

    async def stale_reports(
        self, *, older_than: timedelta, limit: int = 500
    ) -> list[PendingPublication]:
        """Reports short of dispatched whose last change is older than `older_than`: their
        messages were lost (broker crash, wiped topic, bug) or are stuck; they are driven again."""
        return await self._publications(
            {
                "status": {"$ne": ReportStatus.DISPATCHED.value},
                "updated_at": {"$lt": now() - older_than},
                "outbox.pending": False,
            },
            oldest_by="updated_at",
            limit=limit,
        )

    async def _publications(
        self, query: Document, *, oldest_by: str, limit: int
    ) -> list[PendingPublication]:
        cursor = self._reports.find(query, {"outbox.event": 1}).sort(oldest_by, 1).limit(limit)
        return [
            PendingPublication(
                report_id=doc["_id"],
                event=ReportSubmitted.model_validate_json(doc["outbox"]["event"]),
            )
            async for doc in cursor
        ]

    async def mark_redriven(self, report_id: str) -> None:
        # Moving `updated_at` gives the redriven report another full delay before the next try.
        await self._reports.update_one(
            {"_id": report_id, "status": {"$ne": ReportStatus.DISPATCHED.value}},
            {"$set": {"updated_at": now()}, "$inc": {"redrives": 1}},
        )

    async def record_triage(self, report_id: str, decision: TriageDecision) -> ReportStatus | None:
        """Store triage's decision; return the status the report had, None if it is unknown."""
        at = now()
        before = await self._reports.find_one_and_update(
            {"_id": report_id, "status": ReportStatus.RECEIVED.value},
            {
                "$set": {
                    "status": ReportStatus.TRIAGED.value,
                    "updated_at": at,
                    "triage": decision.model_dump(mode="json"),
                },
                "$push": {"history": _history(ReportStatus.TRIAGED, at, "triage")},
            },
            projection={"status": 1},
            return_document=ReturnDocument.BEFORE,
        )
        if before is not None:
            return ReportStatus(before["status"])
        return await self.status_of(report_id)

    async def record_dispatch(
        self, report_id: str, routing: Routing, *, retention: timedelta
    ) -> bool:
        """Mark the report dispatched, to be deleted after `retention`; False if it already was
        (or is unknown)."""
        at = now()
        result = await self._reports.update_one(
            {"_id": report_id, "status": {"$ne": ReportStatus.DISPATCHED.value}},
            {
                "$set": {
                    "status": ReportStatus.DISPATCHED.value,
                    "updated_at": at,
                    "dispatch": {**routing.model_dump(mode="json"), "dispatched_at": at},
                    "expires_at": at + retention,
                },
                "$push": {"history": _history(ReportStatus.DISPATCHED, at, "dispatch")},
            },
        )
        return result.modified_count == 1

    async def status_of(self, report_id: str) -> ReportStatus | None:
        doc = await self._reports.find_one({"_id": report_id}, {"status": 1})
        return None if doc is None else ReportStatus(doc["status"])

    async def get(self, report_id: str) -> Document | None:
        return await self._reports.find_one({"_id": report_id}, {"outbox.event": 0})


def _history(status: ReportStatus, at: datetime, by: str) -> Document:
    return {"status": status.value, "at": at, "by": by}
