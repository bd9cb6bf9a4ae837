"""Secrets that open a door: reporters' tracking tokens and the API keys of analysts and trusted
flaggers (DSA art. 22). Each is shown once, at creation, and stored only as a SHA-256 hash; a
presented secret is hashed and compared in constant time.

A key is looked up by its hash: a secret of 192 random bits needs no salt or slow hash, and the
lookup reveals nothing an attacker could use to guess one.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from pymongo.asynchronous.collection import AsyncCollection
from pymongo.asynchronous.database import AsyncDatabase

from aiguillage.shared.mongo import Document, now


def new_secret(prefix: str = "") -> str:
    return prefix + secrets.token_urlsafe(24)


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def secret_matches(secret: str, stored_hash: str) -> bool:
    return hmac.compare_digest(secret_hash(secret), stored_hash)


class Role(StrEnum):
    ANALYST = "analyst"  # reads any report's status and findings
    TRUSTED_FLAGGER = "trusted_flagger"  # submits reports marked as a trusted flagger's


@dataclass(frozen=True, kw_only=True)
class ApiKey:
    name: str
    role: Role
    created_at: datetime
    revoked: bool


class ApiKeyStore:
    def __init__(self, database: AsyncDatabase[Document]) -> None:
        self._keys: AsyncCollection[Document] = database.get_collection("api_keys")

    async def ensure_indexes(self) -> None:
        await self._keys.create_index("name", unique=True)

    async def create(self, *, name: str, role: Role) -> str:
        """A new key; the only time it exists in clear is in the return value."""
        key = new_secret(prefix=f"ag_{role.value}_")
        await self._keys.insert_one(
            {
                "_id": secret_hash(key),
                "name": name,
                "role": role.value,
                "created_at": now(),
                "revoked": False,
            }
        )
        return key

    async def find(self, key: str) -> ApiKey | None:
        """The key's holder, or None for an unknown or revoked key."""
        doc = await self._keys.find_one({"_id": secret_hash(key)})
        if doc is None or doc["revoked"] or not secret_matches(key, doc["_id"]):
            return None
        return _api_key(doc)

    async def all(self) -> list[ApiKey]:
        return [_api_key(doc) async for doc in self._keys.find({}).sort("created_at", 1)]

    async def revoke(self, name: str) -> bool:
        result = await self._keys.update_one({"name": name}, {"$set": {"revoked": True}})
        return result.matched_count == 1


def _api_key(doc: Document) -> ApiKey:
    return ApiKey(
        name=doc["name"],
        role=Role(doc["role"]),
        created_at=doc["created_at"],
        revoked=doc["revoked"],
    )
