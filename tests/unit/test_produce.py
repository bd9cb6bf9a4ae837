"""`produce` behaves as a polite client: over the rate limit it waits as told and tries again."""

import asyncio

import httpx

from aiguillage.cli.produce import RATE_LIMITED_TRIES, _post


def test_rate_limited_posts_wait_and_retry() -> None:
    answers = iter([429, 429, 202])
    seen: list[int] = []

    def intake(request: httpx.Request) -> httpx.Response:
        status = next(answers)
        seen.append(status)
        return httpx.Response(status, headers={"Retry-After": "0"}, json={})

    async def run() -> int:
        transport = httpx.MockTransport(intake)
        async with httpx.AsyncClient(transport=transport, base_url="http://intake") as client:
            response = await _post(client, asyncio.Semaphore(1), {"description": "x"})
        return response.status_code

    assert asyncio.run(run()) == 202
    assert seen == [429, 429, 202]


def test_rate_limited_posts_give_up_after_a_bound() -> None:
    calls = 0

    def intake(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return httpx.Response(429, headers={"Retry-After": "0"}, json={})

    async def run() -> int:
        transport = httpx.MockTransport(intake)
        async with httpx.AsyncClient(transport=transport, base_url="http://intake") as client:
            response = await _post(client, asyncio.Semaphore(1), {"description": "x"})
        return response.status_code

    assert asyncio.run(run()) == 429
    assert calls == RATE_LIMITED_TRIES
