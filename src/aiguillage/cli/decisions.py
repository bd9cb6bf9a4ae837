"""One report's full decision (triage then dispatch), as the CLI prints it."""

from pydantic import BaseModel, ConfigDict

from aiguillage.dispatch.routing import route
from aiguillage.dispatch.zones import CommuneIndex
from aiguillage.shared.decision import Reason
from aiguillage.shared.report import Report
from aiguillage.shared.vocabulary import Category, Destination, Priority, Scope
from aiguillage.triage.classifier import classify


class DecisionRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str | None
    categories: list[Category]
    scope: Scope
    imminent_danger: bool
    victim_minor: bool | None
    school_context: bool
    destinations: list[Destination]
    priority: Priority
    reasons: list[Reason]


def decide(report: Report, communes: CommuneIndex, report_id: str | None = None) -> DecisionRecord:
    decision = classify(report)
    routing = route(decision, report.victim, communes)
    return DecisionRecord(
        id=report_id,
        categories=list(decision.categories),
        scope=decision.scope,
        imminent_danger=decision.imminent_danger,
        victim_minor=decision.victim_minor,
        school_context=decision.school_context,
        destinations=list(routing.destinations),
        priority=decision.priority,
        reasons=[*decision.reasons, *routing.reasons],
    )
