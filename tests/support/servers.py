"""The real broker and database the connected tests use: containers when a Docker engine answers,
else the local servers (Tansu, SecantusDB) that `aiguillage up` runs too."""

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from aiguillage.localstack.servers import LocalServer, free_port, mongo_url, secantus, tansu
from aiguillage.shared.settings import local_overrides


@dataclass(frozen=True, kw_only=True)
class Servers:
    kind: str
    bootstrap_servers: str
    mongo_url: str
    # Tansu does not support idempotent producers; Apache Kafka does.
    idempotence: bool

    def environment(self) -> dict[str, str]:
        env = local_overrides(bootstrap_servers=self.bootstrap_servers, mongo_url=self.mongo_url)
        env["AIGUILLAGE_KAFKA__ENABLE_IDEMPOTENCE"] = str(self.idempotence).lower()
        return env


def docker_answers() -> bool:
    try:
        import docker

        docker.from_env(timeout=3).ping()
    except Exception:
        return False
    return True


@contextlib.contextmanager
def running_servers(workdir: Path) -> Iterator[Servers]:
    if docker_answers():
        with _containers() as servers:
            yield servers
        return
    kafka = tansu(port=free_port(), log_path=workdir / "tansu.log").start()
    try:
        mongo = secantus(port=free_port(), storage_path=None, log_path=workdir / "mongo.log")
        mongo.start()
        try:
            yield Servers(
                kind="local",
                bootstrap_servers=f"127.0.0.1:{kafka.port}",
                mongo_url=mongo_url(mongo.port),
                idempotence=False,
            )
        finally:
            mongo.stop()
    finally:
        kafka.stop()


@contextlib.contextmanager
def _containers() -> Iterator[Servers]:
    from testcontainers.community.kafka import KafkaContainer
    from testcontainers.community.mongodb import MongoDbContainer

    # testcontainers' Kafka module drives Confluent's packaging of Apache Kafka (it checks the
    # image's version against its KRaft minimum, so apache/kafka tags are refused).
    with (
        KafkaContainer("confluentinc/cp-kafka:7.6.0").with_kraft() as kafka,
        MongoDbContainer("mongo:8.0") as mongo,
    ):
        yield Servers(
            kind="containers",
            bootstrap_servers=kafka.get_bootstrap_server(),
            mongo_url=mongo.get_connection_url(),
            idempotence=True,
        )


@contextlib.contextmanager
def dedicated_broker(workdir: Path) -> Iterator[LocalServer]:
    """A broker of a test's own, to stop and start: a restart of Tansu wipes its data, as a
    broker that lost its disks would."""
    broker = tansu(port=free_port(), log_path=workdir / "tansu-own.log").start()
    try:
        yield broker
    finally:
        broker.stop()


@contextlib.contextmanager
def dedicated_database(workdir: Path) -> Iterator[LocalServer]:
    """A database of a test's own, to stop and start; its data survives a restart."""
    database = secantus(
        port=free_port(), storage_path=workdir / "mongo-own", log_path=workdir / "mongo-own.log"
    ).start()
    try:
        yield database
    finally:
        database.stop()
