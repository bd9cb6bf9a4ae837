"""Triage's step for a batch of reports: decide, record the decisions, hand them to dispatch."""

from collections.abc import Callable, Sequence
from datetime import datetime

from faststream.kafka.publisher import DefaultPublisher

from aiguillage.shared.decision import TriageDecision
from aiguillage.shared.events import ReporterNotice, ReportSubmitted, ReportTriaged
from aiguillage.shared.kafka import Outgoing, publish_all
from aiguillage.shared.logging import get_logger
from aiguillage.shared.metrics import TRIAGED
from aiguillage.shared.mongo import ReportStore, now
from aiguillage.shared.notices import acknowledgement_text
from aiguillage.shared.report import Report

log = get_logger(__name__)
Classifier = Callable[[Report], TriageDecision]


class TriageHandler:
    def __init__(
        self,
        *,
        classify: Classifier,
        store: ReportStore,
        triaged: DefaultPublisher,
        notifications: DefaultPublisher,
    ) -> None:
        self._classify = classify
        self._store = store
        self._triaged = triaged
        self._notifications = notifications

    async def __call__(self, events: Sequence[ReportSubmitted]) -> None:
        # One report may come twice in a batch (a redrive beside the original): once is enough.
        unique = list({e.report_id: e for e in events}.values())
        # The classifier is deterministic, so a redelivered report gets the same decision and
        # recording it again changes nothing. Triage does not look the reports up: a report
        # already dispatched, or unknown to the database, is dispatch's to skip or to flag.
        decisions = {e.report_id: self._classify(e.report) for e in unique}
        decided_before = await self._store.record_triage(decisions)
        # Published after the decisions are stored, and committed after this returns: a crash in
        # between redelivers the batch, and the steps above are idempotent. The reporter's
        # acknowledgement goes out with each decision; a redelivery repeats it under the same
        # event id. All are sent, then all awaited (acks=all).
        at = now()
        outgoing: list[Outgoing] = []
        for e in unique:
            triaged = ReportTriaged.build(submitted=e, decision=decisions[e.report_id], at=at)
            outgoing.append((self._triaged, triaged, None))
            outgoing.append((self._notifications, _acknowledgement(e, at), None))
        await publish_all(outgoing)
        for event in unique:
            decision = decisions[event.report_id]
            TRIAGED.labels(decision.priority.value).inc()
            log.info(
                "report.triaged",
                report_id=event.report_id,
                outcome="published",
                categories=[c.value for c in decision.categories],
                scope=decision.scope.value,
                priority=decision.priority.value,
                imminent_danger=decision.imminent_danger,
                redelivered=event.report_id in decided_before,
            )


def _acknowledgement(event: ReportSubmitted, at: datetime) -> ReporterNotice:
    return ReporterNotice(
        event_id=f"{event.report_id}:acknowledgement",
        report_id=event.report_id,
        occurred_at=at,
        kind="acknowledgement",
        text=acknowledgement_text(event.report_id),
    )
