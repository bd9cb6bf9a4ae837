"""The redrive's walk over `reports` (ReportStore.stale_reports): each published report without a
dispatch record is found once its last change is old enough, in order of that change, from a
position kept in MongoDB; a redriven report is found again later."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from pymongo import AsyncMongoClient
from pymongo.asynchronous.database import AsyncDatabase

from aiguillage.shared.decision import Reason, Routing, TriageDecision
from aiguillage.shared.events import ReportSubmitted
from aiguillage.shared.mongo import DispatchRecord, Document, ReportStore, Submission, now
from aiguillage.shared.report import Report
from aiguillage.shared.vocabulary import Destination, Priority, Scope, WhereSeen

pytestmark = pytest.mark.connected

RETENTION = timedelta(days=1)
# The redrive's delay in these tests: every published report is old enough at once.
AT_ONCE = timedelta(0)


@pytest.fixture
async def database(mongo: AsyncMongoClient[Document]) -> AsyncIterator[AsyncDatabase[Document]]:
    name = f"t{uuid.uuid4().hex[:10]}"
    yield mongo[name]
    await mongo.drop_database(name)


async def store_reports(store: ReportStore, *report_ids: str) -> None:
    report = Report(
        description="un compte publie mes photos",
        where_seen=WhereSeen.PUBLIC_POST,
        urls=["https://example.org/post/1"],
        platform="x",
    )
    submissions = [
        Submission(
            report=report,
            event=ReportSubmitted.build(report_id=report_id, report=report, at=now()),
            tracking_token_sha256="0" * 64,
            by="test",
        )
        for report_id in report_ids
    ]
    assert await store.insert_submitted(submissions) == [None] * len(report_ids)


async def publish_one_by_one(store: ReportStore, *report_ids: str) -> None:
    """Mark each published at its own instant (MongoDB dates count milliseconds)."""
    for report_id in report_ids:
        await store.mark_published([report_id])
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


async def found(store: ReportStore, *, limit: int = 500) -> list[str]:
    """One pass of the redrive as the relay makes it: the page's reports, then the position
    moved past them."""
    page = await store.stale_reports(older_than=AT_ONCE, limit=limit)
    if page.next_position is not None:
        await store.advance_redrive(page.next_position)
    return [item.report_id for item in page.reports]


async def test_only_published_reports_without_a_dispatch_record_are_redriven(
    database: AsyncDatabase[Document],
) -> None:
    store = ReportStore(database, retention=RETENTION)
    await store_reports(store, "in-outbox", "lost", "dispatched")
    await publish_one_by_one(store, "lost", "dispatched")
    assert await store.record_dispatch({"dispatched": record()}) == set()
    page = await store.stale_reports(older_than=AT_ONCE)
    assert [item.report_id for item in page.reports] == ["lost"]
    assert page.reports[0].event.report_id == "lost"  # the event as intake built it
    # Not yet old enough: nothing is checked, the position stays.
    later = await store.stale_reports(older_than=timedelta(minutes=5))
    assert later.reports == []
    assert later.next_position is None


async def test_the_walk_goes_on_from_its_position_and_finds_redriven_reports_again(
    database: AsyncDatabase[Document],
) -> None:
    store = ReportStore(database, retention=RETENTION)
    await store_reports(store, "a", "b", "c")
    await publish_one_by_one(store, "a", "b", "c")

    assert await found(store, limit=2) == ["a", "b"]
    # The page's last instant is checked again: "b" could share it with a report past the limit.
    assert await found(store, limit=2) == ["b", "c"]
    assert await found(store, limit=2) == ["c"]
    # A report redriven changed just now: it comes round again, the others are behind.
    await store.mark_redriven("a")
    assert await found(store, limit=2) == ["c", "a"]
    # The position is in MongoDB: a new store (a restarted intake) goes on from it.
    assert await found(ReportStore(database, retention=RETENTION), limit=2) == ["a"]


async def test_a_full_page_at_one_instant_is_taken_whole(
    database: AsyncDatabase[Document],
) -> None:
    store = ReportStore(database, retention=RETENTION)
    await store_reports(store, "x", "y", "z", "after")
    await store.mark_published(["x", "y", "z"])  # one update: one instant for the three
    await asyncio.sleep(0.005)
    await store.mark_published(["after"])

    assert sorted(await found(store, limit=2)) == ["x", "y", "z"]
    assert await found(store, limit=2) == ["after"]


async def test_reports_dispatched_by_an_earlier_version_are_not_driven_again(
    database: AsyncDatabase[Document],
) -> None:
    """Earlier versions kept the dispatch in the report: the upgrade gives it its record."""
    store = ReportStore(database, retention=RETENTION)
    await store_reports(store, "old-dispatched", "old-waiting")
    await publish_one_by_one(store, "old-dispatched", "old-waiting")
    applied = record()
    at = now()
    await database.reports.update_one(
        {"_id": "old-dispatched"},
        {
            "$set": {
                "status": "dispatched",
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
        {"_id": "old-waiting"}, {"$set": {"status": "received"}, "$unset": {"expires_at": ""}}
    )

    await store.ensure_indexes()

    assert await found(store) == ["old-waiting"]
    view = await store.get("old-dispatched")
    assert view is not None
    assert view["status"] == "dispatched"
    assert view["dispatch"]["destinations"] == ["analysts"]
    assert [h["status"] for h in view["history"]] == ["received", "triaged", "dispatched"]
    stored = await database.reports.find({}, {"status": 1, "expires_at": 1}).to_list()
    assert not any("status" in doc for doc in stored)
    assert all("expires_at" in doc for doc in stored)
