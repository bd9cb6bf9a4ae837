"""Prometheus metrics, served at `/metrics` by every service.

faststream's Prometheus middleware counts and times every message consumed and published
(`faststream_received_*`, `faststream_published_*`, with `app_name` = the service); the metrics
below are the pipeline's own. All live in the process's default registry, defined once, so
several services in one process (the tests) share them without clashing.
"""

from faststream.kafka.prometheus import KafkaPrometheusMiddleware
from prometheus_client import REGISTRY, Counter, Gauge, Histogram

SUBMITTED = Counter(
    "aiguillage_reports_submitted_total",
    "Reports accepted by intake, by how their event left (published, queued_in_outbox)",
    ["outcome", "trusted_flagger"],
)
REFUSED = Counter(
    "aiguillage_reports_refused_total",
    "Submissions refused by intake, by HTTP status",
    ["status"],
)
REQUEST_SECONDS = Histogram(
    "aiguillage_intake_request_duration_seconds",
    "Intake HTTP request latency",
    ["method", "route", "status"],
)
OUTBOX_BACKLOG = Gauge(
    "aiguillage_outbox_backlog",
    "Outbox entries due (reports to publish, or to check again), as last seen by the relay",
)
REDRIVES = Counter(
    "aiguillage_redrives_total", "Reports published again because they were stuck short of dispatch"
)
TRIAGED = Counter("aiguillage_reports_triaged_total", "Reports triaged, by priority", ["priority"])
DISPATCHED = Counter(
    "aiguillage_reports_dispatched_total",
    "Reports dispatched, by destination and priority",
    ["destination", "priority"],
)
RETRIES = Counter(
    "aiguillage_stage_retries_total",
    "Messages a stage will process again, by reason (unavailable server, error)",
    ["stage", "reason"],
)
BATCH_SIZE = Histogram(
    "aiguillage_stage_batch_size",
    "Messages a stage's fetch handed its step",
    ["stage"],
    buckets=(1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000),
)
BATCH_SECONDS = Histogram(
    "aiguillage_stage_batch_duration_seconds",
    "Time a stage's step took over one batch (database writes and publishing included)",
    ["stage"],
)
DEAD_LETTERS = Counter(
    "aiguillage_dead_letters_total", "Messages a stage gave up on", ["stage", "reason"]
)


def broker_metrics(service: str) -> KafkaPrometheusMiddleware:
    return KafkaPrometheusMiddleware(registry=REGISTRY, app_name=service)
