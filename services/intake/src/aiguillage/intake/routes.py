"""The HTTP routes: submit a report, read its status, health."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Response, status
from fastapi.responses import JSONResponse
from pymongo.errors import PyMongoError
from structlog.contextvars import bound_contextvars

from aiguillage.intake.dependencies import BrokerDep, PublisherDep, StoreDep
from aiguillage.intake.schemas import Accepted, ErrorBody, ReportView
from aiguillage.intake.tokens import new_token, token_hash, token_matches
from aiguillage.shared.events import ReportSubmitted
from aiguillage.shared.logging import get_logger
from aiguillage.shared.mongo import Document, now
from aiguillage.shared.report import Report, ReportBody

log = get_logger(__name__)
router = APIRouter()

DATABASE_UNAVAILABLE = HTTPException(
    status.HTTP_503_SERVICE_UNAVAILABLE,
    detail="the report store is unavailable; nothing was stored, please retry",
    headers={"Retry-After": "5"},
)
NOT_FOUND = HTTPException(status.HTTP_404_NOT_FOUND, detail="no such report for this token")


@router.post(
    "/reports",
    status_code=status.HTTP_202_ACCEPTED,
    responses={
        413: {"model": ErrorBody},
        415: {"model": ErrorBody},
        422: {"model": ErrorBody},
        503: {"model": ErrorBody},
    },
)
async def submit_report(body: ReportBody, store: StoreDep, publisher: PublisherDep) -> Accepted:
    """Accept a report: 202 once it is stored in MongoDB and its event is on Kafka or queued in
    the outbox for publication."""
    report_id = uuid.uuid4().hex
    token = new_token()
    report = Report.from_body(body)
    event = ReportSubmitted.build(report_id=report_id, report=report, at=now())
    with bound_contextvars(report_id=report_id, stage="intake"):
        try:
            await store.insert_submitted(
                report=report, event=event, tracking_token_sha256=token_hash(token)
            )
        except PyMongoError as error:
            log.exception("report.rejected", outcome="database_unavailable", error=repr(error))
            raise DATABASE_UNAVAILABLE from error
        published = await publisher.publish(event)
        log.info(
            "report.received",
            outcome="published" if published else "queued_in_outbox",
            where_seen=body.where_seen.value,
        )
    return Accepted(id=report_id, tracking_token=token)


@router.get("/reports/{report_id}", responses={404: {"model": ErrorBody}})
async def report_status(
    report_id: str,
    store: StoreDep,
    authorization: Annotated[str | None, Header(description="Bearer <tracking_token>")] = None,
) -> ReportView:
    """A report's status and, once known, its findings. Needs the report's tracking token; an
    unknown id and a wrong token get the same 404."""
    token = (authorization or "").removeprefix("Bearer ").strip()
    try:
        doc = await store.get(report_id) if len(report_id) <= 64 else None
    except PyMongoError as error:
        raise DATABASE_UNAVAILABLE from error
    if doc is None or not token or not token_matches(token, doc["tracking_token_sha256"]):
        raise NOT_FOUND
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
