from pydantic import Field

from aiguillage.shared.settings import ServiceSettings


class IntakeSettings(ServiceSettings):
    http_port: int = Field(default=8000, ge=1, le=65_535)
    # Above the largest valid report however its client escapes it (every character of the
    # description and URLs as \uXXXX escapes): a body over this cannot be a valid report.
    max_body_bytes: int = Field(default=384 * 1024, ge=1_024)
    # How long a request waits for Kafka before answering 202 with the event left to the relay.
    publish_timeout_s: float = Field(default=5.0, gt=0)
    # Reports stored together at most: concurrent requests share one insert (group commit).
    group_commit_max: int = Field(default=500, ge=1, le=10_000)
    # The relay's pass: what the request path could not publish, then the redrive.
    outbox_interval_s: float = Field(default=1.0, gt=0)
    # A report still short of dispatched this long after its submission, or after the relay
    # last published it, is published again. Also how late a publication lost in a crash of
    # intake is made.
    redrive_after_s: float = Field(default=300.0, gt=0)
    # Submissions per client (API key, else address) and minute; 0 turns the limit off.
    rate_limit_per_minute: int = Field(default=30, ge=0)
    rate_limit_burst: int = Field(default=10, ge=1)
