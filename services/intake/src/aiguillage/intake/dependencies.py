"""Typed dependencies: what a route needs, taken from the application state set at start-up.

They are `async def`: FastAPI runs a plain `def` dependency in a worker thread, a hand-off that
cost more than the rest of the request's dependencies together (seen with cProfile)."""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from faststream.kafka import KafkaBroker

from aiguillage.intake.groupcommit import GroupCommit
from aiguillage.intake.publishing import SubmissionPublisher
from aiguillage.intake.ratelimit import RateLimiter
from aiguillage.intake.settings import IntakeSettings
from aiguillage.shared.credentials import ApiKeyStore
from aiguillage.shared.mongo import ReportStore, Submission


@dataclass(frozen=True, kw_only=True)
class Resources:
    settings: IntakeSettings
    store: ReportStore
    # New reports, stored by group commit (one insert for the requests that arrive together).
    submissions: GroupCommit[Submission]
    keys: ApiKeyStore
    broker: KafkaBroker
    publisher: SubmissionPublisher
    limiter: RateLimiter


def _resources(request: Request) -> Resources:
    resources: Resources = request.app.state.resources
    return resources


async def _store(request: Request) -> ReportStore:
    return _resources(request).store


async def _publisher(request: Request) -> SubmissionPublisher:
    return _resources(request).publisher


async def _submissions(request: Request) -> GroupCommit[Submission]:
    return _resources(request).submissions


async def _broker(request: Request) -> KafkaBroker:
    return _resources(request).broker


async def _keys(request: Request) -> ApiKeyStore:
    return _resources(request).keys


async def _limiter(request: Request) -> RateLimiter:
    return _resources(request).limiter


StoreDep = Annotated[ReportStore, Depends(_store)]
PublisherDep = Annotated[SubmissionPublisher, Depends(_publisher)]
SubmissionsDep = Annotated[GroupCommit[Submission], Depends(_submissions)]
BrokerDep = Annotated[KafkaBroker, Depends(_broker)]
KeysDep = Annotated[ApiKeyStore, Depends(_keys)]
LimiterDep = Annotated[RateLimiter, Depends(_limiter)]
