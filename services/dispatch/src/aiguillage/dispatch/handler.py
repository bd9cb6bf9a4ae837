"""Dispatch's step for a batch of decisions: route them, send one message per destination and the
reporter's notice for each, then record the dispatches."""

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime

from faststream.kafka.publisher import DefaultPublisher

from aiguillage.shared.cases import CaseMember, CaseStore
from aiguillage.shared.decision import Routing, TriageDecision
from aiguillage.shared.events import (
    CaseSummary,
    ReportDispatched,
    ReporterNotice,
    ReportTriaged,
)
from aiguillage.shared.kafka import Outgoing, publish_all
from aiguillage.shared.logging import get_logger
from aiguillage.shared.metrics import DISPATCHED
from aiguillage.shared.mongo import DispatchRecord, ReportStore, now
from aiguillage.shared.notices import outcome_text
from aiguillage.shared.report import Victim
from aiguillage.shared.vocabulary import Destination

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
    ) -> None:
        self._route = route
        self._store = store
        self._cases = cases
        self._destinations = destinations
        self._notifications = notifications

    async def __call__(self, events: Sequence[ReportTriaged]) -> None:
        unique = list({e.report_id: e for e in events}.values())
        done = await self._store.dispatched(e.report_id for e in unique)
        for report_id in done:
            log.info("report.dispatch_skipped", report_id=report_id, outcome="already_dispatched")
        todo = [e for e in unique if e.report_id not in done]
        if not todo:
            return
        routings = {e.report_id: self._route(e.decision, e.report.victim) for e in todo}
        # One task per case for the analysts: keyed by case, carrying the case's count and
        # priority; the newest message of a key is the case's current task.
        cases = await self._cases.join(
            [
                CaseMember(report_id=e.report_id, urls=e.report.urls, priority=e.decision.priority)
                for e in todo
                if Destination.ANALYSTS in routings[e.report_id].destinations
            ]
        )
        at = now()
        messages: list[Outgoing] = []
        for event in todo:
            messages.extend(self._messages(event, routings[event.report_id], cases, at))
        # Everything is on Kafka (acks=all) before MongoDB holds the dispatch record, and the
        # offsets are committed after that: a crash in between sends again, never loses.
        # Duplicates carry the same event id (report id and destination) for the receiver to drop.
        await publish_all(messages)
        await self._store.record_dispatch(
            {
                e.report_id: DispatchRecord(
                    decision=e.decision, triaged_at=e.occurred_at, routing=routings[e.report_id]
                )
                for e in todo
            }
        )
        for event in todo:
            routing = routings[event.report_id]
            for destination in routing.destinations:
                DISPATCHED.labels(destination.value, event.decision.priority.value).inc()
            log.info(
                "report.dispatched",
                report_id=event.report_id,
                outcome="dispatched",
                destinations=[d.value for d in routing.destinations],
                priority=event.decision.priority.value,
            )

    def _messages(
        self,
        event: ReportTriaged,
        routing: Routing,
        cases: Mapping[str, CaseSummary],
        at: datetime,
    ) -> Iterator[Outgoing]:
        """One message per destination, the analysts' keyed by case, and the reporter's notice."""
        for destination in routing.destinations:
            if destination is Destination.CLOSED:
                continue
            case = cases.get(event.report_id) if destination is Destination.ANALYSTS else None
            yield (
                self._destinations[destination],
                self._dispatched(event, routing, destination, at, case=case),
                case.case_id if case else event.report_id,
            )
        notice = ReporterNotice(
            event_id=f"{event.report_id}:outcome",
            kind="outcome",
            report_id=event.report_id,
            occurred_at=at,
            destinations=routing.destinations,
            text=outcome_text(event.decision, routing),
        )
        yield self._notifications, notice, event.report_id

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
