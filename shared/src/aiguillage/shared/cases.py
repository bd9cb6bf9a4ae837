"""Cases: the reports of one piece of content, found by normalised URL (ROUTING_POLICY.md §5).

A report joins the case of its first URL; a batch of reports creates its new cases in one insert and
counts up the others with one upsert each. A report without a URL (most private ones) is a case of
its own and is never merged.
"""

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from pymongo import UpdateOne, WriteConcern
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.asynchronous.database import AsyncDatabase

from aiguillage.shared.events import CaseSummary
from aiguillage.shared.mongo import Document, find_by_ids, insert_new, now
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
    """`cases`: one document per piece of content, with its URL, its count of reports and the
    best priority among them. The count is a counter, so joining costs the same for the 10,000th
    report of viral content as for the first.

    Dispatch joins only reports it has not dispatched yet (it looks their dispatch records up
    first), so a report is counted once. A batch that is delivered again after a crash between
    its join and its dispatch record counts its reports twice: the count may run ahead, the
    escalation come a little early, never late.
    """

    def __init__(self, database: AsyncDatabase[Document]) -> None:
        self._cases: AsyncCollection[Document] = database.get_collection(
            "cases", write_concern=WriteConcern(w="majority", j=True)
        )

    async def join(self, members: Sequence[CaseMember]) -> dict[str, CaseSummary]:
        """Each report joins its case (see `_count`); the summary of each report's case, by
        report id. A report's count is its place in its case: the reports that had joined when
        it did, itself included."""
        url_of_report = {m.report_id: normalise_url(m.urls[0]) for m in members if m.urls}
        case_of = {r: _case_id(url) for r, url in url_of_report.items()}
        url_of = {case_of[r]: url for r, url in url_of_report.items()}
        joined = Counter(case_of.values())
        cases = await self._count(members, case_of, url_of, joined) if case_of else {}
        taken: Counter[str] = Counter()
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
            # This batch's reports take their places in order, after the case's earlier ones.
            taken[case_id] += 1
            doc = cases[case_id]
            reports = int(doc["reports"]) - joined[case_id] + taken[case_id]
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
        joined: Counter[str],
    ) -> dict[str, Document]:
        """The batch's cases created in one insert; those that already existed (the insert's
        duplicates) counted up by their reports in one upsert each, their best priority kept,
        and read back. A case this batch created holds this batch's reports alone, as its first
        ones, so it needs no reading back. (An insert costs SecantusDB a fifth of an upsert, and
        most cases are new.)"""
        best: dict[str, int] = {}
        for member in members:
            if member.report_id in case_of:
                case_id = case_of[member.report_id]
                best[case_id] = min(
                    best.get(case_id, len(PRIORITY_RANK)), PRIORITY_RANK[member.priority]
                )
        at = now()
        new = {
            case_id: {
                "_id": case_id,
                "url": url_of[case_id],
                "created_at": at,
                "updated_at": at,
                "reports": joined[case_id],
                "best_rank": rank,
            }
            for case_id, rank in best.items()
        }
        existing = await insert_new(self._cases, list(new.values()))
        cases = {case_id: doc for case_id, doc in new.items() if case_id not in existing}
        if not existing:
            return cases
        await self._cases.bulk_write(
            [
                UpdateOne(
                    {"_id": case_id},
                    {
                        "$setOnInsert": {"url": url_of[case_id], "created_at": at},
                        "$inc": {"reports": joined[case_id]},
                        "$min": {"best_rank": best[case_id]},
                        "$set": {"updated_at": at},
                    },
                    upsert=True,
                )
                for case_id in existing
            ],
            ordered=False,
        )
        projection = {"url": 1, "best_rank": 1, "reports": 1}
        for doc in await find_by_ids(self._cases, existing, projection):
            cases[doc["_id"]] = doc
        return cases


def _case_id(url: str) -> str:
    return hashlib.sha256(url.encode()).hexdigest()[:24]


def case_priority(best: Priority, reports: int) -> Priority:
    rank = PRIORITY_RANK[best]
    if reports >= ESCALATION_REPORTS and rank > PRIORITY_RANK[Priority.P1]:
        rank -= 1
    return list(Priority)[rank]
