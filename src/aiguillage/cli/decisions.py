"""One report's full decision (triage then dispatch), as the CLI prints it."""

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from aiguillage.dispatch.routing import destinations_of
from aiguillage.dispatch.zones import CommuneIndex
from aiguillage.shared.decision import Reason
from aiguillage.shared.report import Report
from aiguillage.shared.vocabulary import Category, Destination, Priority, Scope
from aiguillage.triage.classifier import assess


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


@dataclass(slots=True)
class DecisionRow:
    """A `DecisionRecord`'s fields, in its order, as plain values: what the decide command prints,
    serialized alike without the model's validation (a few microseconds a report). Built only by
    `decision_row`, from values of the right types."""

    id: str | None
    categories: tuple[Category, ...]
    scope: Scope
    imminent_danger: bool
    victim_minor: bool | None
    school_context: bool
    destinations: tuple[Destination, ...]
    priority: Priority
    reasons: list[Reason]


def decision_row(
    report: Report, communes: CommuneIndex, report_id: str | None = None
) -> DecisionRow:
    found = assess(report)
    destinations, reasons = destinations_of(found, report.victim, communes)
    return DecisionRow(
        id=report_id,
        categories=found.categories,
        scope=found.scope,
        imminent_danger=found.imminent_danger,
        victim_minor=found.victim_minor,
        school_context=found.school_context,
        destinations=destinations,
        priority=found.priority,
        reasons=[*found.reasons, *reasons],
    )


def decide(report: Report, communes: CommuneIndex, report_id: str | None = None) -> DecisionRecord:
    # (The row's attributes, read by the model's validator.)
    return DecisionRecord.model_validate(
        decision_row(report, communes, report_id), from_attributes=True
    )
