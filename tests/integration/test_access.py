"""Who may read and mark what: tracking tokens, analyst keys, trusted-flagger keys, rate limit."""

import pytest
from pymongo import AsyncMongoClient

from aiguillage.shared.credentials import ApiKeyStore, Role
from aiguillage.shared.mongo import Document
from tests.integration.test_intake_api import EXAMPLE_1
from tests.support.apps import intake_client

pytestmark = pytest.mark.connected


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


async def test_keys_open_exactly_their_doors(
    isolated_env: dict[str, str], mongo: AsyncMongoClient[Document]
) -> None:
    database = mongo[isolated_env["AIGUILLAGE_MONGO__DATABASE"]]
    keys = ApiKeyStore(database)
    await keys.ensure_indexes()
    analyst = await keys.create(name="analyste 1", role=Role.ANALYST)
    flagger = await keys.create(name="Point de Contact", role=Role.TRUSTED_FLAGGER)
    revoked = await keys.create(name="ancien analyste", role=Role.ANALYST)
    assert await keys.revoke("ancien analyste")

    async with intake_client() as client:
        citizen = (await client.post("/reports", json=EXAMPLE_1)).json()
        flagged = await client.post("/reports", json=EXAMPLE_1, headers=bearer(flagger))
        as_analyst = await client.post("/reports", json=EXAMPLE_1, headers=bearer(analyst))
        bogus = await client.post("/reports", json=EXAMPLE_1, headers=bearer("ag_guess"))
        path = f"/reports/{citizen['id']}"
        read_by_analyst = await client.get(path, headers=bearer(analyst))
        read_by_flagger = await client.get(path, headers=bearer(flagger))
        read_by_revoked = await client.get(path, headers=bearer(revoked))

    assert flagged.status_code == 202
    assert as_analyst.status_code == bogus.status_code == 401
    assert read_by_analyst.status_code == 200
    assert read_by_flagger.status_code == read_by_revoked.status_code == 404

    stored = {d["_id"]: d async for d in database.reports.find({})}
    assert len(stored) == 2  # the refused submissions left nothing
    assert stored[citizen["id"]]["report"]["reporter"]["trusted_flagger"] is False
    by_flagger = stored[flagged.json()["id"]]
    assert by_flagger["report"]["reporter"]["trusted_flagger"] is True
    assert by_flagger["history"][0]["by"] == "intake, trusted flagger key 'Point de Contact'"
    # Keys and tokens are stored only as hashes.
    everything = str([d async for d in database.api_keys.find({})]) + str(stored)
    for secret in (analyst, flagger, revoked, citizen["tracking_token"]):
        assert secret not in everything


async def test_a_client_over_the_rate_limit_waits(
    isolated_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIGUILLAGE_RATE_LIMIT_PER_MINUTE", "6")
    monkeypatch.setenv("AIGUILLAGE_RATE_LIMIT_BURST", "3")
    async with intake_client() as client:
        statuses = [(await client.post("/reports", json=EXAMPLE_1)).status_code for _ in range(4)]
        limited = await client.post("/reports", json=EXAMPLE_1)
    assert statuses == [202, 202, 202, 429]
    assert limited.status_code == 429
    assert int(limited.headers["Retry-After"]) >= 1
    assert "too many" in limited.json()["error"]
