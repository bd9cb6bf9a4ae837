import pytest

from aiguillage.intake.ratelimit import RateLimiter, retry_after_header


def test_bucket_allows_the_burst_then_the_rate() -> None:
    limiter = RateLimiter(per_minute=60, burst=3)
    assert [limiter.acquire("a", at=0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = limiter.acquire("a", at=0.0)
    assert wait == pytest.approx(1.0)
    assert retry_after_header(wait) == "1"
    assert limiter.acquire("b", at=0.0) == 0.0  # another client has its own bucket
    assert limiter.acquire("a", at=1.0) == 0.0  # one token back after a second
    assert limiter.acquire("a", at=1.0) > 0


def test_zero_turns_the_limit_off_and_bad_settings_are_refused() -> None:
    limiter = RateLimiter(per_minute=0, burst=1)
    assert all(limiter.acquire("a", at=0.0) == 0.0 for _ in range(1_000))
    with pytest.raises(ValueError, match="burst"):
        RateLimiter(per_minute=10, burst=0)


def test_idle_clients_are_forgotten() -> None:
    limiter = RateLimiter(per_minute=60, burst=1, idle_forget_s=10)
    limiter.acquire("a", at=0.0)
    limiter.acquire("b", at=20.0)
    assert set(limiter._buckets) == {"b"}
