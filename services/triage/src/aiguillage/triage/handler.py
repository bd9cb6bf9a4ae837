"""Triage's step for one report: decide, record the decision, hand it to dispatch."""

import asyncio
from collections.abc import Callable

from faststream.kafka.publisher import DefaultPublisher

from aiguillage.shared.decision import TriageDecision
from aiguillage.shared.events import ReporterNotice, ReportSubmitted, ReportTriaged
from aiguillage.shared.kafka import publish_event
from aiguillage.shared.logging import get_logger
from aiguillage.shared.metrics import TRIAGED
from aiguillage.shared.mongo import ReportStore, now
from aiguillage.shared.notices import acknowledgement_text
from aiguillage.shared.report import Report
from aiguillage.shared.vocabulary import ReportStatus

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

    async def __call__(self, event: ReportSubmitted) -> None:
        # The classifier is deterministic, so a redelivered report gets the same decision and
        # recording it again changes nothing.
        decision = self._classify(event.report)
        before = await self._store.record_triage(event.report_id, decision)
        if before is ReportStatus.DISPATCHED:
            log.info("report.triage_skipped", outcome="already_dispatched")
            return
        if before is None:
            # Kafka holds a report MongoDB does not: triage it anyway, dispatch still routes it.
            log.warning("report.unknown_to_database", outcome="triaged_without_record")
        # Published after the decision is stored, and committed after this returns: a crash in
        # between redelivers the report, and the steps above are idempotent. The reporter's
        # acknowledgement goes out with it; a redelivery repeats it under the same event id.
        at = now()
        acknowledgement = ReporterNotice(
            event_id=f"{event.report_id}:acknowledgement",
            report_id=event.report_id,
            occurred_at=at,
            kind="acknowledgement",
            text=acknowledgement_text(event.report_id),
        )
        await asyncio.gather(
            publish_event(
                self._triaged, ReportTriaged.build(submitted=event, decision=decision, at=at)
            ),
            publish_event(self._notifications, acknowledgement),
        )
        TRIAGED.labels(decision.priority.value).inc()
        log.info(
            "report.triaged",
            outcome="published",
            categories=[c.value for c in decision.categories],
            scope=decision.scope.value,
            priority=decision.priority.value,
            imminent_danger=decision.imminent_danger,
            redelivered=before is not ReportStatus.RECEIVED,
        )
