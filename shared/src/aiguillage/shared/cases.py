"""Cases: the reports of one piece of content, found by normalised URL (ROUTING_POLICY.md §5).

A report joins the case of its first URL; a batch of reports joins with one upsert per case and
one insert per report. A report without a URL (most private ones) is a case of its own and is
never merged.
"""

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from pymongo import UpdateOne, WriteConcern
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import BulkWriteError

from aiguillage.shared.events import CaseSummary
from aiguillage.shared.mongo import DUPLICATE_KEY, Document, find_by_ids, now
from aiguillage.shared.urls import normalise_url
from aiguillage.shared.vocabulary import Priority

# At this many reports a case's priority goes up one level, never to P0: that one is for
# imminent danger alone.
ESCALATION_REPORTS = 10
PRIORITY_RANK = {p: i for i, p in enumerate(Priority)}


@dataclass(frozen=True, kw_only=True)
class CaseMember:
    report_id: str
    urls: Sequence[str]
    priority: Priority


class CaseStore:
    """`cases` (one document per piece of content: its URL, its count of reports, the best
    priority among them) and `case_members` (one document per report that joined a case).

    The count is a counter rather than the set of report ids, so joining costs the same for the
    10,000th report of viral content as for the first.
    """

    def __init__(self, database: AsyncDatabase[Document]) -> None:
        durable = WriteConcern(w="majority", j=True)
        self._cases: AsyncCollection[Document] = database.get_collection(
            "cases", write_concern=durable
        )
        self._members: AsyncCollection[Document] = database.get_collection(
            "case_members", write_concern=durable
        )

    async def join(self, members: Sequence[CaseMember]) -> dict[str, CaseSummary]:
        """Each report joins its case; the summary of each report's case, by report id.

        A report is counted once: those already members (a redelivery) are not counted again.
        The counters move before the memberships are written, so a crash in between counts the
        batch's new reports twice when it is delivered again, never zero times: the escalation
        may come a little early, never late."""
        case_of = {m.report_id: _case_id(normalise_url(m.urls[0])) for m in members if m.urls}
        url_of = {case_of[m.report_id]: normalise_url(m.urls[0]) for m in members if m.urls}
        cases: dict[str, Document] = {}
        new: list[str] = []
        if case_of:
            known = {doc["_id"] for doc in await find_by_ids(self._members, case_of, {"_id": 1})}
            new = [r for r in case_of if r not in known]
            cases = await self._count(members, case_of, url_of, new)
            if new:
                await self._add_members(case_of, new)
        # New members take their places in the batch's order, after the case's earlier reports.
        places: dict[str, int] = {}
        added = Counter(case_of[r] for r in new)
        taken: Counter[str] = Counter()
        for report_id in new:
            joined = case_of[report_id]
            taken[joined] += 1
            places[report_id] = int(cases[joined]["reports"]) - added[joined] + taken[joined]
        summaries: dict[str, CaseSummary] = {}
        for member in members:
            case_id = case_of.get(member.report_id)
            if case_id is None:
                summaries[member.report_id] = CaseSummary(
                    case_id=f"report-{member.report_id}",
                    url=None,
                    reports=1,
                    priority=member.priority,
                )
                continue
            doc = cases[case_id]
            # A redelivered member's place was given when it first joined: it gets the count.
            reports = places.get(member.report_id) or int(doc["reports"])
            summaries[member.report_id] = CaseSummary(
                case_id=case_id,
                url=doc["url"],
                reports=reports,
                priority=case_priority(Priority(f"P{doc['best_rank']}"), reports),
            )
        return summaries

    async def _count(
        self,
        members: Sequence[CaseMember],
        case_of: dict[str, str],
        url_of: dict[str, str],
        new: list[str],
    ) -> dict[str, Document]:
        """One upsert per case of the batch: its counter up by its new reports, its best
        priority; then the cases as they are now."""
        added = Counter(case_of[r] for r in new)
        best: dict[str, int] = {}
        for member in members:
            if member.report_id in case_of:
                case_id = case_of[member.report_id]
                best[case_id] = min(best.get(case_id, 9), PRIORITY_RANK[member.priority])
        at = now()
        await self._cases.bulk_write(
            [
                UpdateOne(
                    {"_id": case_id},
                    {
                        "$setOnInsert": {"url": url_of[case_id], "created_at": at},
                        "$inc": {"reports": added[case_id]},
                        "$min": {"best_rank": rank},
                        "$set": {"updated_at": at},
                    },
                    upsert=True,
                )
                for case_id, rank in best.items()
            ],
            ordered=False,
        )
        docs = await find_by_ids(self._cases, best, {"url": 1, "best_rank": 1, "reports": 1})
        return {doc["_id"]: doc for doc in docs}

    async def _add_members(self, case_of: dict[str, str], new: list[str]) -> None:
        at = now()
        try:
            await self._members.insert_many(
                [{"_id": r, "case_id": case_of[r], "joined_at": at} for r in new], ordered=False
            )
        except BulkWriteError as error:
            # Another dispatch process added the same report meanwhile (a rebalance): it is a
            # member either way.
            if any(e["code"] != DUPLICATE_KEY for e in error.details["writeErrors"]):
                raise


def _case_id(url: str) -> str:
    return hashlib.sha256(url.encode()).hexdigest()[:24]


def case_priority(best: Priority, reports: int) -> Priority:
    rank = PRIORITY_RANK[best]
    if reports >= ESCALATION_REPORTS and rank > PRIORITY_RANK[Priority.P1]:
        rank -= 1
    return list(Priority)[rank]
