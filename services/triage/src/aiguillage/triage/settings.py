from pydantic import Field

from aiguillage.shared.settings import StageSettings


class TriageSettings(StageSettings):
    http_port: int = Field(default=8001, ge=1, le=65_535)
    group_id: str = "aiguillage-triage"
