"""The bench's own broker (Tansu) and database (SecantusDB) on free ports, stopped at the end."""

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from aiguillage.localstack.servers import free_port, mongo_url, secantus, tansu
from aiguillage.shared.settings import KafkaSettings, MongoSettings, local_overrides

# Tansu's in-memory engine pays, for each fetch that returns records, in proportion to the
# records its partition holds (a consumer keeping up with a producer at about 460/s: 30 % of a
# core at 2,300 records held, 94 % at 13,500 with 4 partitions, 51 % with 16). More partitions
# keep each one smaller, so a run's later reports are not slowed by its earlier ones; the
# baselines and ours use the same.
PARTITIONS = 16


@dataclass(frozen=True, kw_only=True)
class BenchServers:
    bootstrap_servers: str
    mongo_url: str
    mongo_storage: str
    # tansu, secantusdb → pid: their CPU and memory are part of every figure.
    pids: dict[str, int]

    def kafka(self, *, prefix: str = "") -> KafkaSettings:
        """The settings the local broker needs (as `aiguillage up` gives the services)."""
        return KafkaSettings(
            bootstrap_servers=self.bootstrap_servers,
            enable_idempotence=False,
            fetch_max_wait_ms=10,
            session_timeout_ms=6_000,
            heartbeat_interval_ms=1_000,
            topic_prefix=prefix,
            partitions=PARTITIONS,
        )

    def mongo(self, database: str) -> MongoSettings:
        return MongoSettings(url=self.mongo_url, database=database)

    def environment(self) -> dict[str, str]:
        return local_overrides(bootstrap_servers=self.bootstrap_servers, mongo_url=self.mongo_url)


@contextlib.contextmanager
def bench_servers(workdir: Path) -> Iterator[BenchServers]:
    """Tansu in memory and SecantusDB with its files in `workdir`, as `aiguillage up` runs them."""
    storage = workdir / "mongo"
    kafka = tansu(port=free_port(), log_path=workdir / "tansu.log").start()
    try:
        mongo = secantus(port=free_port(), storage_path=storage, log_path=workdir / "mongo.log")
        mongo.start()
        try:
            yield BenchServers(
                bootstrap_servers=f"127.0.0.1:{kafka.port}",
                mongo_url=mongo_url(mongo.port),
                mongo_storage=str(storage),
                pids={
                    server.name: server.process.pid
                    for server in (kafka, mongo)
                    if server.process is not None
                },
            )
        finally:
            mongo.stop()
    finally:
        kafka.stop()
