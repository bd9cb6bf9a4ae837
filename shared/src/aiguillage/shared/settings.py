"""Settings every service reads from its environment (`AIGUILLAGE_…`), checked at start-up.

Nested groups use a double underscore: `AIGUILLAGE_KAFKA__BOOTSTRAP_SERVERS`,
`AIGUILLAGE_MONGO__URL`. The defaults suit Apache Kafka and a MongoDB replica set; the local stack
(`aiguillage up`) and the tests override what the local servers need (see `local_overrides`).
"""

from datetime import timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class KafkaSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    bootstrap_servers: str = Field(default="127.0.0.1:9092", min_length=1)
    # Idempotent producers need broker support: on for Apache Kafka, off for Tansu.
    enable_idempotence: bool = True
    # A fetch waiting on Tansu is not woken by new data, so the local stack sets ~10 ms.
    fetch_max_wait_ms: int = Field(default=500, ge=0, le=30_000)
    session_timeout_ms: int = Field(default=10_000, ge=1_000)
    heartbeat_interval_ms: int = Field(default=3_000, ge=100)
    request_timeout_ms: int = Field(default=30_000, ge=1_000)
    # How soon a client sees topics created again after a broker lost its data.
    metadata_max_age_ms: int = Field(default=300_000, ge=1_000)
    # Every topic name and consumer group starts with this: several pipelines (or tests) can
    # share one cluster without reading each other's topics or joining each other's groups.
    topic_prefix: str = Field(default="", pattern=r"^[A-Za-z0-9._-]*$")
    partitions: int = Field(default=4, ge=1, le=1_000)
    replication_factor: int = Field(default=1, ge=1)

    @model_validator(mode="after")
    def _heartbeat_below_session(self) -> "KafkaSettings":
        if self.heartbeat_interval_ms * 3 > self.session_timeout_ms:
            msg = "kafka.heartbeat_interval_ms must be at most a third of session_timeout_ms"
            raise ValueError(msg)
        return self


class MongoSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    url: str = Field(default="mongodb://127.0.0.1:27017/", pattern=r"^mongodb(\+srv)?://")
    database: str = Field(default="aiguillage", pattern=r"^[A-Za-z0-9_-]{1,63}$")
    server_selection_timeout_ms: int = Field(default=5_000, ge=100)


class ServiceSettings(BaseSettings):
    """What all three services read. Each service subclasses it with its own HTTP port."""

    model_config = SettingsConfigDict(
        env_prefix="AIGUILLAGE_", env_nested_delimiter="__", extra="ignore", frozen=True
    )

    kafka: KafkaSettings = KafkaSettings()
    mongo: MongoSettings = MongoSettings()
    log_format: Literal["auto", "json", "console"] = "auto"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    http_host: str = "0.0.0.0"  # noqa: S104 - services listen inside their container
    http_port: int = Field(default=8000, ge=1, le=65_535)
    # How long an idle kept-alive HTTP connection stays open. Longer than clients and proxies keep
    # theirs (httpx 5 s, nginx 60 s): a server closing first races a client reusing the connection,
    # and the request is lost to a reset (uvicorn's own default is 5 s).
    http_keep_alive_s: int = Field(default=75, ge=1)
    # How long a report and each stage's record of it stay in the database, from when each was
    # written (then TTL indexes delete them). Every service reads it: each writes its records.
    retention_days: float = Field(default=365.0, gt=0)

    @property
    def retention(self) -> timedelta:
        return timedelta(days=self.retention_days)


def local_overrides(*, bootstrap_servers: str, mongo_url: str) -> dict[str, str]:
    """The environment that points a service at the local servers (Tansu and SecantusDB)."""
    return {
        "AIGUILLAGE_KAFKA__BOOTSTRAP_SERVERS": bootstrap_servers,
        "AIGUILLAGE_KAFKA__ENABLE_IDEMPOTENCE": "false",
        "AIGUILLAGE_KAFKA__FETCH_MAX_WAIT_MS": "10",
        "AIGUILLAGE_KAFKA__SESSION_TIMEOUT_MS": "6000",
        "AIGUILLAGE_KAFKA__HEARTBEAT_INTERVAL_MS": "1000",
        # Tansu keeps topics in memory: after a restart they are created again and must be seen.
        "AIGUILLAGE_KAFKA__METADATA_MAX_AGE_MS": "5000",
        "AIGUILLAGE_MONGO__URL": mongo_url,
    }


class StageSettings(ServiceSettings):
    """What the consuming stages (triage, dispatch) add: their group and their retry policy."""

    group_id: str
    # Messages one fetch may hand the stage at most: its database writes go in one bulk request
    # and its offsets in one commit.
    batch_max_records: int = Field(default=500, ge=1, le=10_000)
    # How long a poll waits for fetched messages; after an empty one the consumer sleeps as long
    # again (faststream's batch loop). It adds up to twice this to a report's latency per stage,
    # and sets the idle loop's pace.
    batch_wait_ms: int = Field(default=5, ge=1, le=1_000)
    # Processed offsets are committed this long after the first uncommitted one at most (0: after
    # every batch). A crash delivers that much again; the steps are idempotent.
    commit_interval_ms: int = Field(default=100, ge=0, le=60_000)
    # Retries of a message that fails for a reason other than an unavailable server.
    max_attempts: int = Field(default=5, ge=1, le=100)
    retry_backoff_initial_s: float = Field(default=0.5, ge=0)
    retry_backoff_max_s: float = Field(default=10.0, ge=0)

    @property
    def consumer_group(self) -> str:
        """The group the stage's consumers join: `group_id` under the topic prefix."""
        return f"{self.kafka.topic_prefix}{self.group_id}"
