"""What intake's relay reads and writes in MongoDB: the outbox and the redrive's walk.

The request that stores a report publishes its event, and writes nothing more when that works
(one write fewer a report: a publication mark cost SecantusDB as much as a stage's whole
record). The relay covers every other case from two sources:

- **the outbox** (`outbox`, one entry per report id): a report whose publication failed (broker
  down, timeout) gets an entry due at once; a report the relay published gets one due
  `redrive_after` later, to be checked then. An entry due is checked: its report dispatched (or
  expired), the entry is deleted; else the report is published again and the entry is due
  `redrive_after` later.
- **the walk**: every report is checked once, `redrive_after` after its submission, in order of
  submission, from a position kept in `relay`. One without a dispatch record and without an
  outbox entry is published again and gets an entry: its publication was lost in a crash of
  intake, or its messages in a broker's, or they are stuck.

So every report is driven until dispatched; a publication lost in a crash of intake is made
again `redrive_after` after the submission, and every stage absorbs a duplicate.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from pymongo import WriteConcern
from pymongo.asynchronous.collection import AsyncCollection

from aiguillage.shared.events import ReportSubmitted
from aiguillage.shared.mongo import (
    EPOCH,
    MILLISECOND,
    OUTBOX,
    REDRIVE_POSITION,
    Document,
    ReportStore,
    find_by_ids,
    now,
    submitted_event,
)

# What the relay reads of a report to publish its event again.
_EVENT_FIELDS = {"report": 1, "submitted_at": 1}


@dataclass(frozen=True, kw_only=True)
class Publication:
    """A report's event for the relay to publish; `redrive`: whether it was published before
    (False: its request's publication failed, and the relay has not published it yet)."""

    report_id: str
    event: ReportSubmitted
    redrive: bool


@dataclass(frozen=True, kw_only=True)
class WalkPage:
    """A page of the walk: the reports it found short of dispatched, in order of submission,
    and where the next page starts once they are published (None: nothing was checked)."""

    reports: list[Publication]
    next_position: datetime | None


class Outbox:
    """The relay's view of the store: its entries, the walk, and the reports' events."""

    def __init__(self, store: ReportStore) -> None:
        durable = WriteConcern(w="majority", j=True)

        def collection(name: str) -> AsyncCollection[Document]:
            return store.database.get_collection(name, write_concern=durable)

        self._store = store
        self._reports = collection("reports")
        self._entries = collection(OUTBOX)
        self._relay = collection("relay")

    async def note_failure(self, report_id: str) -> None:
        """The request could not publish this report: the relay publishes it as soon as it can.
        An entry already there (the relay's own publication failed) stays as it is."""
        await self._entries.update_one(
            {"_id": report_id},
            {"$setOnInsert": {"due_at": now(), "attempts": 0}},
            upsert=True,
        )

    async def published(self, report_id: str, *, check_after: timedelta) -> None:
        """The relay published this report: check it again `check_after` from now."""
        await self._entries.update_one(
            {"_id": report_id},
            {"$set": {"due_at": now() + check_after}, "$inc": {"attempts": 1}},
            upsert=True,
        )

    async def due(self, *, limit: int = 500) -> list[Publication]:
        """The entries due, oldest first, short of dispatched. Those dispatched, or whose report
        has expired, are done: deleted."""
        entries = await (
            self._entries.find({"due_at": {"$lte": now()}}).sort("due_at", 1).limit(limit)
        ).to_list()
        if not entries:
            return []
        ids = [entry["_id"] for entry in entries]
        dispatched = await self._store.dispatched(ids)
        reports = {d["_id"]: d for d in await find_by_ids(self._reports, ids, _EVENT_FIELDS)}
        done = [i for i in ids if i in dispatched or i not in reports]
        if done:
            await self._entries.delete_many({"_id": {"$in": done}})
        return [
            Publication(
                report_id=entry["_id"],
                event=submitted_event(reports[entry["_id"]]),
                redrive=entry["attempts"] > 0,
            )
            for entry in entries
            if entry["_id"] not in done
        ]

    async def backlog(self) -> int:
        """Entries due: reports the relay has to publish or to check now."""
        return await self._entries.count_documents({"due_at": {"$lte": now()}})

    async def walk(self, *, older_than: timedelta, limit: int = 500) -> WalkPage:
        """The next page of the walk: the reports submitted more than `older_than` ago, from the
        walk's position on, that have neither a dispatch record nor an outbox entry.

        The reports of the page's last instant are checked again with the next page: one instant
        may hold reports on both sides of the page's limit (those found already have an entry by
        then, so they are not found twice)."""
        start = await self._position()
        query = {"submitted_at": {"$gte": start, "$lt": now() - older_than}}
        fields = {"submitted_at": 1}
        cursor = self._reports.find(query, fields).sort("submitted_at", 1).limit(limit)
        page = await cursor.to_list()
        if not page:
            return WalkPage(reports=[], next_position=None)
        last = page[-1]["submitted_at"]
        next_position = last
        if len(page) == limit and page[0]["submitted_at"] == last:
            # A whole page at one instant (improbable): all of that instant's, then past it.
            page = await self._reports.find({"submitted_at": last}, fields).to_list()
            next_position = last + MILLISECOND
        ids = [doc["_id"] for doc in page]
        dispatched = await self._store.dispatched(ids)
        candidates = [i for i in ids if i not in dispatched]
        # Usually none: only then is the outbox looked up.
        watched = {d["_id"] for d in await find_by_ids(self._entries, candidates, {"_id": 1})}
        stale = [i for i in candidates if i not in watched]
        docs = await find_by_ids(self._reports, stale, _EVENT_FIELDS)
        docs.sort(key=lambda doc: doc["submitted_at"])
        return WalkPage(
            reports=[
                Publication(report_id=doc["_id"], event=submitted_event(doc), redrive=True)
                for doc in docs
            ],
            next_position=next_position,
        )

    async def advance_walk(self, position: datetime) -> None:
        """The walk has checked every report submitted before `position`."""
        await self._relay.update_one(
            {"_id": REDRIVE_POSITION}, {"$max": {"position": position}}, upsert=True
        )

    async def _position(self) -> datetime:
        doc = await self._relay.find_one({"_id": REDRIVE_POSITION})
        return EPOCH if doc is None else doc["position"]
