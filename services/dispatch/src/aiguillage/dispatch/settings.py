from pydantic import Field

from aiguillage.shared.settings import StageSettings


class DispatchSettings(StageSettings):
    http_port: int = Field(default=8002, ge=1, le=65_535)
    group_id: str = "aiguillage-dispatch"
    # How long a dispatched report stays in the database (then a TTL index deletes it).
    retention_days: float = Field(default=365.0, gt=0)
