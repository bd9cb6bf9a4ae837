"""MongoDB, the system of record: every report and what each stage decided about it.

Each stage inserts its own record, keyed by the report id, and no stage rewrites another's: intake
inserts the report into `reports`, triage its decision into `decisions`, dispatch its routing (with
the decision it applied) into `dispatches`. A report's status is which of these records exist. An
insert costs SecantusDB a third of an update (docs/benchmark.md), and a record keyed by the report
id makes a redelivered message change nothing twice: its insert fails on the key. Each stage
writes a batch in one unordered bulk insert; every write is atomic without a transaction.

The report itself changes only for the outbox (its publication noted) and the redrive (its
redrives counted); each record is deleted by a TTL index once the retention period has run.
"""

from collections.abc import Iterable, Mapping, Sequence
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
# The outbox relay's index on `reports` (see `ReportStore.ensure_indexes`): equality, then range.
RELAY_INDEX = [("outbox.pending", 1), ("updated_at", 1)]
# Where the redrive has checked up to is kept in `relay`, under this id; and the version of the
# records' layout, under `SCHEMA` (2: each stage inserts its own record).
REDRIVE_POSITION = "redrive"
SCHEMA = "schema"
SCHEMA_VERSION = 2
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


@dataclass(frozen=True, kw_only=True)
class PendingPublication:
    report_id: str
    event: ReportSubmitted
    updated_at: datetime


@dataclass(frozen=True, kw_only=True)
class StaleReports:
    """A page of the redrive: the reports it found short of dispatched, oldest change first,
    and where the next page starts once they are redriven (None: nothing was checked)."""

    reports: list[PendingPublication]
    next_position: datetime | None


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
        self._relay = collection("relay")
        self._database = database
        self._retention = retention

    async def ensure_indexes(self) -> None:
        # Every index costs each write of a report (a third of an update on SecantusDB), so
        # `reports` has two. This one serves the outbox relay's queries, which it polls every
        # second: the backlog count, the pending publications and the redrive (oldest change
        # first). Each names only fields of this index, by equality then range: SecantusDB
        # scans the whole collection for a query that names any other field or uses `$in`
        # (0.5 s at 20,000 reports, three times a second), where mongod would filter the index.
        await self._reports.create_index(RELAY_INDEX)
        # Each record is deleted once its retention period has run.
        await self._reports.create_index("expires_at", expireAfterSeconds=0)
        await self._dispatches.create_index("expires_at", expireAfterSeconds=0)
        await self._decisions.create_index(
            "decided_at", expireAfterSeconds=int(DECISION_RETENTION.total_seconds())
        )
        # Earlier versions had other indexes for the outbox and the redrive; this one serves both.
        existing = await self._reports.index_information()
        for earlier in (
            "outbox.pending_1",
            "status_1_updated_at_1",
            "status_1_outbox.pending_1_updated_at_1",
        ):
            if earlier in existing:
                await self._reports.drop_index(earlier)
        await self._upgrade_earlier_reports()

    async def _upgrade_earlier_reports(self) -> None:
        """Earlier versions recorded the dispatch in the report itself (its `status`, `triage`
        and `dispatch` fields) and set its expiry only then. Once per database: each such report
        gets its dispatch record (else the redrive would drive it again), loses those fields and
        the history they made, and a report with no expiry gets one, counted from now."""
        schema = await self._relay.find_one({"_id": SCHEMA})
        if schema is not None and schema["version"] >= SCHEMA_VERSION:
            return
        legacy = {"status": ReportStatus.DISPATCHED.value}
        records: list[Document] = []
        async for doc in self._reports.find(legacy, {"triage": 1, "dispatch": 1, "history": 1}):
            at = doc["dispatch"]["dispatched_at"]
            triaged = [h["at"] for h in doc["history"] if h["status"] == "triaged"]
            records.append(
                {
                    "_id": doc["_id"],
                    "dispatched_at": at,
                    "expires_at": at + self._retention,
                    "triaged_at": triaged[0] if triaged else at,
                    "triage": doc["triage"],
                    "dispatch": {k: v for k, v in doc["dispatch"].items() if k != "dispatched_at"},
                }
            )
            if len(records) == UPGRADE_CHUNK:
                await insert_new(self._dispatches, records)
                records = []
        await insert_new(self._dispatches, records)
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
        await self._relay.update_one(
            {"_id": SCHEMA}, {"$set": {"version": SCHEMA_VERSION}}, upsert=True
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

    async def mark_published(self, report_ids: Sequence[str]) -> None:
        """Note that these reports' events are on Kafka (one update for all). Their last change
        is now: the redrive counts its delay from here."""
        at = now()
        await self._reports.update_many(
            {"_id": {"$in": list(report_ids)}},
            {
                "$set": {"outbox.pending": False, "outbox.published_at": at, "updated_at": at},
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
        """Reports stored but whose event is not known to be on Kafka yet, oldest first (a
        report's `updated_at` is its `submitted_at` until it is published)."""
        query = {"outbox.pending": True, "updated_at": {"$lt": now() - older_than}}
        cursor = self._reports.find(query, _EVENT_FIELDS).sort("updated_at", 1).limit(limit)
        return [_pending(doc) async for doc in cursor]

    async def stale_reports(self, *, older_than: timedelta, limit: int = 500) -> StaleReports:
        """The next page of the redrive: the published reports whose last change is older than
        `older_than`, from the redrive's position on, that have no dispatch record: their
        messages were lost (broker crash, wiped topic, bug) or are stuck; they are driven again.

        The redrive checks each report once its last change is that old, in order of that
        change; a redriven report changes (`mark_redriven`), so it is checked again later. The
        reports of the page's last instant are checked again with the next page: one instant
        may hold reports on both sides of the page's limit."""
        start = await self._redrive_position()
        query = {"outbox.pending": False, "updated_at": {"$gte": start, "$lt": now() - older_than}}
        fields = {"updated_at": 1}
        page = await self._reports.find(query, fields).sort("updated_at", 1).limit(limit).to_list()
        if not page:
            return StaleReports(reports=[], next_position=None)
        last = page[-1]["updated_at"]
        next_position = last
        if len(page) == limit and page[0]["updated_at"] == last:
            # A whole page at one instant (improbable): all of that instant's, then past it.
            page = await self._reports.find({"outbox.pending": False, "updated_at": last}).to_list()
            next_position = last + MILLISECOND
        ids = [doc["_id"] for doc in page]
        dispatched = await self.dispatched(ids)
        stale = [i for i in ids if i not in dispatched]
        docs = await find_by_ids(self._reports, stale, _EVENT_FIELDS)
        return StaleReports(
            reports=sorted(map(_pending, docs), key=lambda item: item.updated_at),
            next_position=next_position,
        )

    async def advance_redrive(self, position: datetime) -> None:
        """The redrive has handled every report whose last change is before `position`."""
        await self._relay.update_one(
            {"_id": REDRIVE_POSITION}, {"$max": {"position": position}}, upsert=True
        )

    async def _redrive_position(self) -> datetime:
        doc = await self._relay.find_one({"_id": REDRIVE_POSITION})
        return EPOCH if doc is None else doc["position"]

    async def mark_redriven(self, report_id: str) -> None:
        # Moving `updated_at` gives the redriven report another full delay before the next try.
        await self._reports.update_one(
            {"_id": report_id}, {"$set": {"updated_at": now()}, "$inc": {"redrives": 1}}
        )

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


# What the relay reads of a report to publish its event again.
_EVENT_FIELDS = {"report": 1, "submitted_at": 1, "updated_at": 1}


def _pending(doc: Document) -> PendingPublication:
    return PendingPublication(
        report_id=doc["_id"], event=submitted_event(doc), updated_at=doc["updated_at"]
    )


def _new_report(submission: Submission, retention: timedelta) -> Document:
    at = submission.event.occurred_at
    return {
        "_id": submission.event.report_id,
        "submitted_at": at,
        "updated_at": at,
        "expires_at": at + retention,
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
