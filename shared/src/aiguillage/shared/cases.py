"""Cases: the reports of one piece of content, found by normalised URL (ROUTING_POLICY.md §5).

A report joins the case of its first URL. Joining is one atomic upsert that adds the report id to
a set, so a redelivered report is counted once. A report without a URL (most private ones) is a
case of its own and is never merged.
"""

import hashlib

from pymongo import ReturnDocument, WriteConcern
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


class CaseStore:
    def __init__(self, database: AsyncDatabase[Document]) -> None:
        self._cases: AsyncCollection[Document] = database.get_collection(
            "cases", write_concern=WriteConcern(w="majority", j=True)
        )

    async def join(self, *, report_id: str, urls: list[str], priority: Priority) -> CaseSummary:
        if not urls:
            return CaseSummary(
                case_id=f"report-{report_id}", url=None, reports=1, priority=priority
            )
        url = normalise_url(urls[0])
        case_id = hashlib.sha256(url.encode()).hexdigest()[:24]
        at = now()
        doc = await self._cases.find_one_and_update(
            {"_id": case_id},
            {
                "$setOnInsert": {"url": url, "created_at": at},
                "$addToSet": {"report_ids": report_id},
                "$min": {"best_rank": PRIORITY_RANK[priority]},
                "$set": {"updated_at": at},
            },
            upsert=True,
            return_document=ReturnDocument.AFTER,
        )
        assert doc is not None  # an upsert returning the document after always has one
        reports = len(doc["report_ids"])
        return CaseSummary(
            case_id=case_id,
            url=url,
            reports=reports,
            priority=case_priority(Priority(f"P{doc['best_rank']}"), reports),
        )


def case_priority(best: Priority, reports: int) -> Priority:
    rank = PRIORITY_RANK[best]
    if reports >= ESCALATION_REPORTS and rank > PRIORITY_RANK[Priority.P1]:
        rank -= 1
    return list(Priority)[rank]
