"""Per-client rate limit on submissions: a token bucket per client, in this process's memory.

Each intake replica limits on its own, so behind N replicas a client gets up to N times the rate:
the limit is there to stop floods from one source, not to meter fairly.
"""

import math
import time
from dataclasses import dataclass, field


@dataclass(kw_only=True)
class _Bucket:
    tokens: float
    updated: float


@dataclass(kw_only=True)
class RateLimiter:
    per_minute: int
    burst: int
    # Buckets untouched this long are forgotten, so memory follows active clients only.
    idle_forget_s: float = 600.0
    _buckets: dict[str, _Bucket] = field(default_factory=dict)
    _last_sweep: float = 0.0

    def __post_init__(self) -> None:
        if self.per_minute < 0 or self.burst < 1:
            msg = "per_minute must be >= 0 (0 turns the limit off) and burst >= 1"
            raise ValueError(msg)

    def acquire(self, client: str, *, at: float | None = None) -> float:
        """0 if the client may go ahead now, else how many seconds until it may."""
        if self.per_minute == 0:
            return 0.0
        at = time.monotonic() if at is None else at
        self._sweep(at)
        rate = self.per_minute / 60.0
        bucket = self._buckets.get(client)
        if bucket is None:
            bucket = self._buckets[client] = _Bucket(tokens=float(self.burst), updated=at)
        bucket.tokens = min(float(self.burst), bucket.tokens + (at - bucket.updated) * rate)
        bucket.updated = at
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return 0.0
        return (1.0 - bucket.tokens) / rate

    def _sweep(self, at: float) -> None:
        if at - self._last_sweep < self.idle_forget_s:
            return
        self._last_sweep = at
        for client in [c for c, b in self._buckets.items() if at - b.updated > self.idle_forget_s]:
            del self._buckets[client]


def retry_after_header(wait_s: float) -> str:
    return str(max(1, math.ceil(wait_s)))
