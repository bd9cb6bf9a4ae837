from pydantic import Field

from aiguillage.shared.settings import ServiceSettings


class TriageSettings(ServiceSettings):
    http_port: int = Field(default=8001, ge=1, le=65_535)
    group_id: str = "aiguillage-triage"
    # Pause before a failed message is delivered again, so an outage is not a busy loop.
    retry_backoff_s: float = Field(default=1.0, ge=0)
