"""What intake's relay finds in MongoDB (aiguillage.shared.outbox): the outbox's entries due, and
the walk over `reports`, which finds each report short of dispatched once, old enough, in order
of submission, from a position kept in MongoDB. Databases of earlier layouts are upgraded."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import datetime, timedelta

import pytest
from pymongo import AsyncMongoClient
from pymongo.asynchronous.database import AsyncDatabase

from aiguillage.shared.decision import Reason, Routing, TriageDecision
from aiguillage.shared.events import ReportSubmitted
from aiguillage.shared.mongo import DispatchRecord, Document, ReportStore, Submission, now
from aiguillage.shared.outbox import Outbox
from aiguillage.shared.report import Report
from aiguillage.shared.vocabulary import Destination, Priority, Scope, WhereSeen

pytestmark = pytest.mark.connected

RETENTION = timedelta(days=1)
# The redrive's delay in these tests: every report is old enough at once.
AT_ONCE = timedelta(0)
LATER = timedelta(hours=1)


@pytest.fixture
async def database(mongo: AsyncMongoClient[Document]) -> AsyncIterator[AsyncDatabase[Document]]:
    name = f"t{uuid.uuid4().hex[:10]}"
    yield mongo[name]
    await mongo.drop_database(name)


async def store_reports(store: ReportStore, *report_ids: str, at: datetime | None = None) -> None:
    """Stored in one insert, all submitted at `at` (default: now)."""
    report = Report(
        description="un compte publie mes photos",
        where_seen=WhereSeen.PUBLIC_POST,
        urls=["https://example.org/post/1"],
        platform="x",
    )
    submissions = [
        Submission(
            report=report,
            event=ReportSubmitted.build(report_id=report_id, report=report, at=at or now()),
            tracking_token_sha256="0" * 64,
            by="test",
        )
        for report_id in report_ids
    ]
    assert await store.insert_submitted(submissions) == [None] * len(report_ids)


async def store_one_by_one(store: ReportStore, *report_ids: str) -> None:
    """Each submitted at its own instant (MongoDB dates count milliseconds)."""
    for report_id in report_ids:
        await store_reports(store, report_id)
        await asyncio.sleep(0.005)


def record() -> DispatchRecord:
    decision = TriageDecision(
        categories=(),
        scope=Scope.PUBLIC,
        victim_minor=False,
        school_context=False,
        imminent_danger=False,
        priority=Priority.P3,
        reasons=(Reason(subject="priority", rule="§5 test"),),
    )
    routing = Routing(destinations=(Destination.ANALYSTS,), reasons=())
    return DispatchRecord(decision=decision, triaged_at=now(), routing=routing)


async def walked(outbox: Outbox, *, limit: int = 500) -> list[str]:
    """One pass of the walk as the relay makes it: the page's reports published again (so
    they get their entry), then the position moved past them."""
    page = await outbox.walk(older_than=AT_ONCE, limit=limit)
    for item in page.reports:
        assert item.redrive
        await outbox.published(item.report_id, check_after=LATER)
    if page.next_position is not None:
        await outbox.advance_walk(page.next_position)
    return [item.report_id for item in page.reports]


async def test_the_walk_finds_reports_without_a_dispatch_record_or_an_entry(
    database: AsyncDatabase[Document],
) -> None:
    store = ReportStore(database, retention=RETENTION)
    outbox = Outbox(store)
    await store_one_by_one(store, "lost", "dispatched", "in-outbox")
    assert await store.record_dispatch({"dispatched": record()}) == set()
    await outbox.note_failure("in-outbox")  # the relay publishes it from its entry
    # Not yet old enough: nothing is checked, the position stays.
    later = await outbox.walk(older_than=timedelta(minutes=5))
    assert later.reports == []
    assert later.next_position is None
    page = await outbox.walk(older_than=AT_ONCE)
    assert [item.report_id for item in page.reports] == ["lost"]
    assert page.reports[0].event.report_id == "lost"  # the event as intake built it


async def test_the_walk_goes_on_from_its_position(database: AsyncDatabase[Document]) -> None:
    store = ReportStore(database, retention=RETENTION)
    await store_one_by_one(store, "a", "b", "c")

    assert await walked(Outbox(store), limit=2) == ["a", "b"]
    # The page's last instant is checked again ("b" could share it with a report past the
    # limit), but "b" has its entry now. The position is in MongoDB: a new outbox (a restarted
    # intake) goes on from it.
    assert await walked(Outbox(store), limit=2) == ["c"]
    assert await walked(Outbox(store), limit=2) == []


async def test_a_full_page_at_one_instant_is_taken_whole(
    database: AsyncDatabase[Document],
) -> None:
    store = ReportStore(database, retention=RETENTION)
    outbox = Outbox(store)
    await store_reports(store, "x", "y", "z", at=now())  # one instant for the three
    await asyncio.sleep(0.005)
    await store_reports(store, "after")

    assert sorted(await walked(outbox, limit=2)) == ["x", "y", "z"]
    assert await walked(outbox, limit=2) == ["after"]


async def test_entries_due_are_published_until_their_report_is_dispatched(
    database: AsyncDatabase[Document],
) -> None:
    store = ReportStore(database, retention=RETENTION)
    outbox = Outbox(store)
    await store_one_by_one(store, "failed", "dispatched")
    await outbox.note_failure("failed")
    await outbox.note_failure("dispatched")
    await outbox.note_failure("expired")  # its report is gone
    await store.record_dispatch({"dispatched": record()})
    assert await outbox.backlog() == 3

    due = await outbox.due()
    assert [(item.report_id, item.redrive) for item in due] == [("failed", False)]
    assert due[0].event.report_id == "failed"
    assert await database.outbox.distinct("_id") == ["failed"]  # the others are done
    # A second failure keeps the entry as it is.
    await outbox.note_failure("failed")
    # Published by the relay: checked again later, as a redrive.
    await outbox.published("failed", check_after=LATER)
    assert await outbox.due() == []
    assert await outbox.backlog() == 0
    await outbox.published("failed", check_after=AT_ONCE)
    assert [(item.report_id, item.redrive) for item in await outbox.due()] == [("failed", True)]
    # Once dispatched, its next check deletes the entry.
    await store.record_dispatch({"failed": record()})
    assert await outbox.due() == []
    assert await database.outbox.count_documents({}) == 0


async def test_a_database_of_version_2_is_upgraded(database: AsyncDatabase[Document]) -> None:
    """Version 2 kept the outbox in the report (`outbox.pending`, `updated_at`, `redrives`)."""
    store = ReportStore(database, retention=RETENTION)
    await store.ensure_indexes()
    await store_one_by_one(store, "pending", "redriven", "published")
    for report_id, outbox, redrives in [
        ("pending", {"pending": True, "attempts": 1}, 0),
        ("redriven", {"pending": False, "attempts": 2}, 2),
        ("published", {"pending": False, "attempts": 1}, 0),
    ]:
        await database.reports.update_one(
            {"_id": report_id},
            {"$set": {"outbox": outbox, "updated_at": now(), "redrives": redrives}},
        )
    await database.reports.create_index([("outbox.pending", 1), ("updated_at", 1)])
    await database.relay.update_one({"_id": "schema"}, {"$set": {"version": 2}})

    await store.ensure_indexes()

    entries = await database.outbox.find({}, {"due_at": 0}).sort("_id", 1).to_list()
    assert entries == [
        {"_id": "pending", "attempts": 0},
        {"_id": "redriven", "attempts": 2},
    ]
    assert await database.reports.count_documents({"outbox": {"$exists": True}}) == 0
    assert "outbox.pending_1_updated_at_1" not in await database.reports.index_information()
    # Once only.
    await database.outbox.delete_many({})
    await store.ensure_indexes()
    assert await database.outbox.count_documents({}) == 0


async def test_reports_dispatched_by_version_1_are_not_driven_again(
    database: AsyncDatabase[Document],
) -> None:
    """Version 1 kept the dispatch in the report: the upgrade gives it its record."""
    store = ReportStore(database, retention=RETENTION)
    await store_one_by_one(store, "old-dispatched", "old-waiting")
    applied = record()
    at = now()
    await database.reports.update_one(
        {"_id": "old-dispatched"},
        {
            "$set": {
                "status": "dispatched",
                "outbox": {"pending": False, "attempts": 1},
                "updated_at": at,
                "triage": applied.decision.model_dump(mode="json"),
                "dispatch": {**applied.routing.model_dump(mode="json"), "dispatched_at": at},
                "expires_at": at + RETENTION,
            },
            "$push": {
                "history": {
                    "$each": [
                        {"status": "triaged", "at": at, "by": "triage"},
                        {"status": "dispatched", "at": at, "by": "dispatch"},
                    ]
                }
            },
        },
    )
    await database.reports.update_one(
        {"_id": "old-waiting"},
        {
            "$set": {"status": "received", "outbox": {"pending": False}, "updated_at": at},
            "$unset": {"expires_at": ""},
        },
    )

    await store.ensure_indexes()

    assert await walked(Outbox(store)) == ["old-waiting"]
    view = await store.get("old-dispatched")
    assert view is not None
    assert view["status"] == "dispatched"
    assert view["dispatch"]["destinations"] == ["analysts"]
    assert [h["status"] for h in view["history"]] == ["received", "triaged", "dispatched"]
    stored = await database.reports.find({}).to_list()
    assert not any({"status", "outbox", "updated_at"} & set(doc) for doc in stored)
    assert all("expires_at" in doc for doc in stored)
