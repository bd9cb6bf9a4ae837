"""Cases: the reports of one piece of content, found by normalised URL (ROUTING_POLICY.md §5).

A report joins the case of its first URL. Joining is an atomic upsert that adds the report id to
a set, so a redelivered report is counted once; a batch of reports joins in one bulk write. A
report without a URL (most private ones) is a case of its own and is never merged.
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from pymongo import UpdateOne, WriteConcern
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.asynchronous.database import AsyncDatabase

from aiguillage.shared.events import CaseSummary
from aiguillage.shared.mongo import Document, now
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
    def __init__(self, database: AsyncDatabase[Document]) -> None:
        self._cases: AsyncCollection[Document] = database.get_collection(
            "cases", write_concern=WriteConcern(w="majority", j=True)
        )

    async def join(self, members: Sequence[CaseMember]) -> dict[str, CaseSummary]:
        """Each report joins its case (one bulk write for all, one read back); the summary of
        each report's case, by report id."""
        case_ids = {m.report_id: _case_id(normalise_url(m.urls[0])) for m in members if m.urls}
        at = now()
        if case_ids:
            await self._cases.bulk_write(
                [
                    UpdateOne(
                        {"_id": case_ids[m.report_id]},
                        {
                            "$setOnInsert": {"url": normalise_url(m.urls[0]), "created_at": at},
                            "$addToSet": {"report_ids": m.report_id},
                            "$min": {"best_rank": PRIORITY_RANK[m.priority]},
                            "$set": {"updated_at": at},
                        },
                        upsert=True,
                    )
                    for m in members
                    if m.urls
                ],
                ordered=False,
            )
        cursor = self._cases.find(
            {"_id": {"$in": list(set(case_ids.values()))}},
            {"url": 1, "best_rank": 1, "report_ids": 1},
        )
        cases = {doc["_id"]: doc async for doc in cursor} if case_ids else {}
        # A report's count is its place in its case (`$addToSet` appends): the reports that had
        # joined when it did, itself included, the same again on a redelivery.
        places = {
            case_id: {r: n for n, r in enumerate(doc["report_ids"], start=1)}
            for case_id, doc in cases.items()
        }
        summaries: dict[str, CaseSummary] = {}
        for member in members:
            case_id = case_ids.get(member.report_id)
            if case_id is None:
                summaries[member.report_id] = CaseSummary(
                    case_id=f"report-{member.report_id}",
                    url=None,
                    reports=1,
                    priority=member.priority,
                )
                continue
            doc = cases[case_id]
            reports = places[case_id][member.report_id]
            summaries[member.report_id] = CaseSummary(
                case_id=case_id,
                url=doc["url"],
                reports=reports,
                priority=case_priority(Priority(f"P{doc['best_rank']}"), reports),
            )
        return summaries


def _case_id(url: str) -> str:
    return hashlib.sha256(url.encode()).hexdigest()[:24]


def case_priority(best: Priority, reports: int) -> Priority:
    rank = PRIORITY_RANK[best]
    if reports >= ESCALATION_REPORTS and rank > PRIORITY_RANK[Priority.P1]:
        rank -= 1
    return list(Priority)[rank]
