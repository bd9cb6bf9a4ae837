import os
import uuid
from collections.abc import AsyncIterator, Iterator

import pytest
from pymongo import AsyncMongoClient

from aiguillage.shared.mongo import Document
from tests.support.servers import Servers, running_servers


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    """One broker and one database for the whole session (started once, a few seconds)."""
    with running_servers(tmp_path_factory.mktemp("servers")) as running:
        yield running


@pytest.fixture
def isolated_env(servers: Servers) -> Iterator[dict[str, str]]:
    """Settings for one test: the session's servers, a fresh topic prefix and database."""
    suffix = uuid.uuid4().hex[:10]
    env = {
        **servers.environment(),
        "AIGUILLAGE_KAFKA__TOPIC_PREFIX": f"t{suffix}.",
        "AIGUILLAGE_KAFKA__PARTITIONS": "3",
        "AIGUILLAGE_MONGO__DATABASE": f"t{suffix}",
        "AIGUILLAGE_LOG_FORMAT": "json",
        # Tests post far faster than any citizen; the limit has its own test.
        "AIGUILLAGE_RATE_LIMIT_PER_MINUTE": "0",
    }
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    yield env
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture
async def mongo(servers: Servers) -> AsyncIterator[AsyncMongoClient[Document]]:
    client: AsyncMongoClient[Document] = AsyncMongoClient(servers.mongo_url, tz_aware=True)
    yield client
    await client.close()
