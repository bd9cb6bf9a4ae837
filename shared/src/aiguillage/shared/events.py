"""The events between stages, versioned. A consumer rejects a version it does not know rather than
guess at its meaning.

- `ReportSubmitted` (intake → triage, topic `reports.submitted`)
- `ReportTriaged` (triage → dispatch, topic `reports.triaged`)
- `ReportDispatched` (dispatch → one destination topic each)
- `ReporterNotice` (dispatch → `notifications.reporter`)

Every event carries the report id (also the Kafka key) and an `event_id` stable for that report and
stage, so a consumer can drop a duplicate that at-least-once delivery brings.
"""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from aiguillage.shared.decision import Reason, TriageDecision
from aiguillage.shared.report import Report
from aiguillage.shared.vocabulary import Destination, Priority

ReportId = str


class Event(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: Literal[1] = 1
    event_id: str
    report_id: ReportId
    occurred_at: datetime
    event_type: str


class ReportSubmitted(Event):
    event_type: Literal["report.submitted"] = "report.submitted"
    # Without the contact e-mail: personal data the later stages do not need stays in MongoDB.
    report: Report

    @classmethod
    def build(cls, *, report_id: ReportId, report: Report, at: datetime) -> "ReportSubmitted":
        return cls(
            event_id=f"{report_id}:submitted",
            report_id=report_id,
            occurred_at=at,
            report=report.without_personal_data(),
        )


class ReportTriaged(Event):
    event_type: Literal["report.triaged"] = "report.triaged"
    report: Report
    decision: TriageDecision

    @classmethod
    def build(
        cls, *, submitted: ReportSubmitted, decision: TriageDecision, at: datetime
    ) -> "ReportTriaged":
        return cls(
            event_id=f"{submitted.report_id}:triaged",
            report_id=submitted.report_id,
            occurred_at=at,
            report=submitted.report,
            decision=decision,
        )


class CaseSummary(BaseModel):
    """The case a report joined: every report of the same content (same normalised URL)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    case_id: str
    url: str | None = Field(description="The normalised URL; none for a report without one.")
    reports: int = Field(ge=1, description="How many reports the case has now.")
    priority: Priority = Field(description="The case's: its best report's, up one at 10.")


class ReportDispatched(Event):
    """One destination's copy of a report: what the receiving service needs to act.

    On the analysts' topic the message is keyed by case id, not report id: the latest message of
    a key is the case's current task, so analysts get one task per case, updated."""

    event_type: Literal["report.dispatched"] = "report.dispatched"
    destination: Destination
    priority: Priority
    report: Report
    decision: TriageDecision
    reasons: tuple[Reason, ...] = Field(description="Why this report reached this destination.")
    case: CaseSummary | None = Field(default=None, description="Set on the analysts' topic.")


class ReporterNotice(Event):
    """What the reporter is told: an acknowledgement once triage has the report, then the
    outcome once it is dispatched. The sender looks the contact address up in MongoDB."""

    event_type: Literal["reporter.notice"] = "reporter.notice"
    kind: Literal["acknowledgement", "outcome"]
    destinations: tuple[Destination, ...] = ()
    text: str


class MessageSource(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    topic: str
    partition: int
    offset: int
    key: str | None


class DeadLetter(BaseModel):
    """A message a stage gave up on: why, where it came from, and its payload as received, so it
    can be replayed to its source topic once the cause is fixed (`aiguillage dlq replay`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: Literal[1] = 1
    stage: str
    error: str
    source: MessageSource
    payload: str
    dead_lettered_at: datetime
