from pydantic import Field, model_validator

from aiguillage.shared.settings import ServiceSettings


class IntakeSettings(ServiceSettings):
    http_port: int = Field(default=8000, ge=1, le=65_535)
    # Above the largest valid report however its client escapes it (every character of the
    # description and URLs as \uXXXX escapes): a body over this cannot be a valid report.
    max_body_bytes: int = Field(default=384 * 1024, ge=1_024)
    # How long a request waits for Kafka before answering 202 with the event left in the outbox.
    publish_timeout_s: float = Field(default=5.0, gt=0)
    # Reports stored together at most: concurrent requests share one insert (group commit).
    group_commit_max: int = Field(default=500, ge=1, le=10_000)
    # The relay publishes what the request path could not, once it is this old.
    outbox_grace_s: float = Field(default=2.0, ge=0)
    outbox_interval_s: float = Field(default=1.0, gt=0)
    # Publications are noted in MongoDB in bulk this often; a report not yet noted when its
    # grace runs out is published again (harmless), so this stays well below the grace.
    outbox_mark_interval_s: float = Field(default=0.1, gt=0)
    # A report still short of dispatched this long after its last change is published again.
    redrive_after_s: float = Field(default=300.0, gt=0)
    # Submissions per client (API key, else address) and minute; 0 turns the limit off.
    rate_limit_per_minute: int = Field(default=30, ge=0)
    rate_limit_burst: int = Field(default=10, ge=1)

    @model_validator(mode="after")
    def _marks_before_grace(self) -> "IntakeSettings":
        if self.outbox_grace_s and self.outbox_mark_interval_s * 4 > self.outbox_grace_s:
            msg = "outbox_mark_interval_s must be at most a quarter of outbox_grace_s"
            raise ValueError(msg)
        return self
