"""The HTTP routes: submit a report, read its status, health."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Request, Response, status
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pymongo.errors import PyMongoError
from structlog.contextvars import bound_contextvars

from aiguillage.intake.dependencies import (
    BrokerDep,
    KeysDep,
    LimiterDep,
    PublisherDep,
    StoreDep,
    SubmissionsDep,
)
from aiguillage.intake.ratelimit import retry_after_header
from aiguillage.intake.schemas import Accepted, ErrorBody, ReportView
from aiguillage.shared.credentials import ApiKey, Role, new_secret, secret_hash, secret_matches
from aiguillage.shared.events import ReportSubmitted
from aiguillage.shared.logging import get_logger
from aiguillage.shared.metrics import SUBMITTED
from aiguillage.shared.mongo import Document, Submission, now
from aiguillage.shared.report import Report, ReportBody

log = get_logger(__name__)
router = APIRouter()

DATABASE_UNAVAILABLE = HTTPException(
    status.HTTP_503_SERVICE_UNAVAILABLE,
    detail="the report store is unavailable; nothing was stored, please retry",
    headers={"Retry-After": "5"},
)
NOT_FOUND = HTTPException(status.HTTP_404_NOT_FOUND, detail="no such report for this token")
BAD_KEY = HTTPException(
    status.HTTP_401_UNAUTHORIZED,
    detail="unknown or revoked trusted-flagger key (citizens submit without one)",
    headers={"WWW-Authenticate": "Bearer"},
)
Authorization = Annotated[str | None, Header(description="`Bearer <tracking token or API key>`")]


@router.post(
    "/reports",
    status_code=status.HTTP_202_ACCEPTED,
    responses={
        401: {"model": ErrorBody},
        413: {"model": ErrorBody},
        415: {"model": ErrorBody},
        422: {"model": ErrorBody},
        429: {"model": ErrorBody},
        503: {"model": ErrorBody},
    },
)
async def submit_report(
    body: ReportBody,
    request: Request,
    submissions: SubmissionsDep,
    keys: KeysDep,
    publisher: PublisherDep,
    limiter: LimiterDep,
    authorization: Authorization = None,
) -> Accepted:
    """Accept a report: 202 once it is stored in MongoDB and its event is on Kafka or queued in
    the outbox for publication. A trusted flagger (DSA art. 22) authenticates with its key; that,
    and nothing in the body, marks the report as a trusted flagger's."""
    flagger = await _trusted_flagger(keys, authorization)
    client = f"key:{flagger.name}" if flagger else f"address:{_address(request)}"
    wait_s = limiter.acquire(client)
    if wait_s:
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            detail="too many reports from this client; please retry later",
            headers={"Retry-After": retry_after_header(wait_s)},
        )
    report_id = uuid.uuid4().hex
    token = new_secret()
    report = Report.from_body(body, trusted_flagger=flagger is not None)
    event = ReportSubmitted.build(report_id=report_id, report=report, at=now())
    with bound_contextvars(report_id=report_id, stage="intake"):
        try:
            await submissions.submit(
                Submission(
                    report=report,
                    event=event,
                    tracking_token_sha256=secret_hash(token),
                    by=f"intake, trusted flagger key {flagger.name!r}" if flagger else "intake",
                )
            )
        except PyMongoError as error:
            log.exception("report.rejected", outcome="database_unavailable", error=repr(error))
            raise DATABASE_UNAVAILABLE from error
        published = await publisher.publish(event)
        SUBMITTED.labels(
            "published" if published else "queued_in_outbox", str(flagger is not None).lower()
        ).inc()
        log.info(
            "report.received",
            outcome="published" if published else "queued_in_outbox",
            where_seen=body.where_seen.value,
            trusted_flagger=flagger is not None,
        )
    return Accepted(id=report_id, tracking_token=token)


@router.get("/reports/{report_id}", responses={404: {"model": ErrorBody}})
async def report_status(
    report_id: str, store: StoreDep, keys: KeysDep, authorization: Authorization = None
) -> ReportView:
    """A report's status and, once known, its findings, for its reporter (tracking token) or an
    analyst (API key). An unknown id and a wrong token get the same 404."""
    secret = _bearer(authorization)
    try:
        doc = await store.get(report_id) if len(report_id) <= 64 else None
        if doc is None or secret is None:
            raise NOT_FOUND
        if not secret_matches(secret, doc["tracking_token_sha256"]):
            key = await keys.find(secret)
            if key is None or key.role is not Role.ANALYST:
                raise NOT_FOUND
    except PyMongoError as error:
        raise DATABASE_UNAVAILABLE from error
    return _view(doc)


@router.get("/health", responses={503: {"description": "broker or database unreachable"}})
async def health(store: StoreDep, broker: BrokerDep) -> Response:
    """200 when both the broker and the database answer."""
    checks: dict[str, Any] = {}
    try:
        await store.ping()
        checks["mongo"] = "ok"
    except PyMongoError as error:
        checks["mongo"] = f"unavailable: {type(error).__name__}"
    checks["kafka"] = "ok" if await broker.ping(timeout=3.0) else "unavailable"
    healthy = all(v == "ok" for v in checks.values())
    return JSONResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status_code=status.HTTP_200_OK if healthy else status.HTTP_503_SERVICE_UNAVAILABLE,
    )


@router.get("/metrics", include_in_schema=False)
def metrics() -> Response:
    """Prometheus metrics."""
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


async def _trusted_flagger(keys: KeysDep, authorization: str | None) -> ApiKey | None:
    if authorization is None:
        return None
    secret = _bearer(authorization)
    try:
        key = await keys.find(secret) if secret else None
    except PyMongoError as error:
        raise DATABASE_UNAVAILABLE from error
    if key is None or key.role is not Role.TRUSTED_FLAGGER:
        raise BAD_KEY
    return key


def _bearer(authorization: str | None) -> str | None:
    scheme, _, value = (authorization or "").partition(" ")
    value = value.strip()
    return value if scheme.lower() == "bearer" and value else None


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _view(doc: Document) -> ReportView:
    triage = doc.get("triage") or {}
    dispatch = doc.get("dispatch") or {}
    return ReportView(
        id=doc["_id"],
        status=doc["status"],
        submitted_at=doc["submitted_at"],
        categories=triage.get("categories"),
        scope=triage.get("scope"),
        priority=triage.get("priority"),
        imminent_danger=triage.get("imminent_danger"),
        victim_minor=triage.get("victim_minor"),
        school_context=triage.get("school_context"),
        destinations=dispatch.get("destinations"),
        reasons=[*triage.get("reasons", ()), *dispatch.get("reasons", ())],
        history=doc.get("history", []),
    )
