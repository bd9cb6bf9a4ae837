"""What triage decides and dispatch routes (ROUTING_POLICY.md §3-§5), each with its reasons."""

from typing import NamedTuple

from pydantic import BaseModel, ConfigDict

from aiguillage.shared.vocabulary import Category, Destination, Priority, Scope

# How a category is named in reasons, as a subject or a signal ("category:hate"). Written once:
# formatting an enum member for every report costs more than a lookup.
CATEGORY_NAMES: dict[Category, str] = {category: f"category:{category}" for category in Category}


class Reason(BaseModel):
    """Why one finding was made: readable by an analyst, quotable in the reporter's notice.

    `subject` names the finding (`category:hate`, `scope`, `victim_minor`, `school_context`,
    `imminent_danger`, `priority`, `destination:police`, or `spelling` for the misspelt words
    read as the words meant); `rule` says which rule of the policy applied; `signals` are the
    evidence (words or patterns matched, fields used).
    """

    model_config = ConfigDict(frozen=True)

    subject: str
    rule: str
    signals: tuple[str, ...] = ()


class TriageDecision(BaseModel):
    """Triage's findings on one report."""

    model_config = ConfigDict(frozen=True)

    categories: tuple[Category, ...]
    scope: Scope
    victim_minor: bool | None
    school_context: bool
    imminent_danger: bool
    priority: Priority
    reasons: tuple[Reason, ...]


class Findings(NamedTuple):
    """A `TriageDecision`'s fields as plain values, before the model is built: the decide command
    routes and prints them without the model's validation (a few microseconds a report)."""

    categories: tuple[Category, ...]
    scope: Scope
    victim_minor: bool | None
    school_context: bool
    imminent_danger: bool
    priority: Priority
    reasons: tuple[Reason, ...]


class Routing(BaseModel):
    """Dispatch's destinations for one decision (§4), each with its reasons."""

    model_config = ConfigDict(frozen=True)

    destinations: tuple[Destination, ...]
    reasons: tuple[Reason, ...]
