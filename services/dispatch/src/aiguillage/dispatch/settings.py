from pydantic import Field

from aiguillage.shared.settings import StageSettings


class DispatchSettings(StageSettings):
    http_port: int = Field(default=8002, ge=1, le=65_535)
    group_id: str = "aiguillage-dispatch"
