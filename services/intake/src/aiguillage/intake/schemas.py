"""The API's responses (the request body is the shared `ReportBody`)."""

from datetime import datetime

from pydantic import BaseModel

from aiguillage.shared.decision import Reason
from aiguillage.shared.vocabulary import Category, Destination, Priority, ReportStatus, Scope


class Accepted(BaseModel):
    id: str
    tracking_token: str
    status: ReportStatus = ReportStatus.RECEIVED


class StatusChange(BaseModel):
    status: ReportStatus
    at: datetime
    by: str


class ReportView(BaseModel):
    id: str
    status: ReportStatus
    submitted_at: datetime
    categories: list[Category] | None = None
    scope: Scope | None = None
    priority: Priority | None = None
    imminent_danger: bool | None = None
    victim_minor: bool | None = None
    school_context: bool | None = None
    destinations: list[Destination] | None = None
    reasons: list[Reason] = []
    history: list[StatusChange] = []


class Problem(BaseModel):
    field: str
    message: str


class ErrorBody(BaseModel):
    error: str
    problems: list[Problem] = []
