"""Dispatch's step for one decision: route it, send one message per destination and the reporter's
notice, then record the dispatch."""

import asyncio
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta

from faststream.kafka.publisher import DefaultPublisher

from aiguillage.shared.cases import CaseStore
from aiguillage.shared.decision import Routing, TriageDecision
from aiguillage.shared.events import CaseSummary, ReportDispatched, ReporterNotice, ReportTriaged
from aiguillage.shared.kafka import publish_event
from aiguillage.shared.logging import get_logger
from aiguillage.shared.metrics import DISPATCHED
from aiguillage.shared.mongo import ReportStore, now
from aiguillage.shared.notices import outcome_text
from aiguillage.shared.report import Victim
from aiguillage.shared.vocabulary import Destination, ReportStatus

log = get_logger(__name__)
Router = Callable[[TriageDecision, Victim], Routing]


class DispatchHandler:
    def __init__(
        self,
        *,
        route: Router,
        store: ReportStore,
        cases: CaseStore,
        destinations: Mapping[Destination, DefaultPublisher],
        notifications: DefaultPublisher,
        retention: timedelta,
    ) -> None:
        self._route = route
        self._store = store
        self._cases = cases
        self._destinations = destinations
        self._notifications = notifications
        self._retention = retention

    async def __call__(self, event: ReportTriaged) -> None:
        if await self._store.status_of(event.report_id) is ReportStatus.DISPATCHED:
            log.info("report.dispatch_skipped", outcome="already_dispatched")
            return
        routing = self._route(event.decision, event.report.victim)
        at = now()
        messages = [
            (self._destinations[d], self._dispatched(event, routing, d, at), event.report_id)
            for d in routing.destinations
            if d not in {Destination.CLOSED, Destination.ANALYSTS}
        ]
        if Destination.ANALYSTS in routing.destinations:
            # One task per case for the analysts: keyed by case, carrying the case's count and
            # priority; the newest message of a key is the case's current task.
            case = await self._cases.join(
                report_id=event.report_id,
                urls=list(event.report.urls),
                priority=event.decision.priority,
            )
            task = self._dispatched(event, routing, Destination.ANALYSTS, at, case=case)
            messages.append((self._destinations[Destination.ANALYSTS], task, case.case_id))
        notice = ReporterNotice(
            event_id=f"{event.report_id}:outcome",
            kind="outcome",
            report_id=event.report_id,
            occurred_at=at,
            destinations=routing.destinations,
            text=outcome_text(event.decision, routing),
        )
        # Everything is on Kafka (acks=all) before MongoDB says dispatched, and the offset is
        # committed after that: a crash in between sends again, never loses. Duplicates carry
        # the same event id (report id and destination) for the receiver to drop.
        await asyncio.gather(
            *(publish_event(p, m, key=k) for p, m, k in messages),
            publish_event(self._notifications, notice),
        )
        recorded = await self._store.record_dispatch(
            event.report_id, routing, retention=self._retention
        )
        for destination in routing.destinations:
            DISPATCHED.labels(destination.value, event.decision.priority.value).inc()
        log.info(
            "report.dispatched",
            outcome="dispatched" if recorded else "dispatched_without_record",
            destinations=[d.value for d in routing.destinations],
            priority=event.decision.priority.value,
        )

    @staticmethod
    def _dispatched(
        event: ReportTriaged,
        routing: Routing,
        destination: Destination,
        at: datetime,
        *,
        case: CaseSummary | None = None,
    ) -> ReportDispatched:
        subject = f"destination:{destination.value}"
        return ReportDispatched(
            event_id=f"{event.report_id}:{destination.value}",
            report_id=event.report_id,
            occurred_at=at,
            destination=destination,
            priority=case.priority if case else event.decision.priority,
            report=event.report,
            decision=event.decision,
            reasons=tuple(r for r in routing.reasons if r.subject == subject),
            case=case,
        )
