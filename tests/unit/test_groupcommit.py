"""Group commit: concurrent submissions share a write; each sees its own outcome."""

import asyncio
from collections.abc import Sequence

import pytest

from aiguillage.intake.groupcommit import GroupCommit


class Recorder:
    def __init__(self, *, failing: frozenset[str] = frozenset(), broken: bool = False) -> None:
        self.writes: list[list[str]] = []
        self._failing = failing
        self.broken = broken

    async def flush(self, items: Sequence[str]) -> list[BaseException | None]:
        self.writes.append(list(items))
        await asyncio.sleep(0.01)  # a round trip, during which more items queue
        if self.broken:
            msg = "database away"
            raise ConnectionError(msg)
        return [ValueError(i) if i in self._failing else None for i in items]


async def test_items_that_arrive_during_a_write_share_the_next_one() -> None:
    recorder = Recorder()
    commit = GroupCommit(recorder.flush, max_items=100)
    first = asyncio.create_task(commit.submit("r0"))
    await asyncio.sleep(0.001)  # r0's write is under way
    await asyncio.gather(*(commit.submit(f"r{n}") for n in range(1, 10)), first)
    # The first write took what was there (r0); the nine that queued meanwhile went together.
    assert recorder.writes == [["r0"], [f"r{n}" for n in range(1, 10)]]


async def test_a_write_takes_at_most_max_items() -> None:
    recorder = Recorder()
    commit = GroupCommit(recorder.flush, max_items=4)
    await asyncio.gather(*(commit.submit(f"r{n}") for n in range(10)))
    assert [len(w) for w in recorder.writes] == [4, 4, 2]


async def test_each_request_sees_its_own_item_fail() -> None:
    commit = GroupCommit(Recorder(failing=frozenset({"r3"})).flush, max_items=100)
    outcomes = await asyncio.gather(
        *(commit.submit(f"r{n}") for n in range(5)), return_exceptions=True
    )
    assert [type(o).__name__ if o else None for o in outcomes] == [
        None,
        None,
        None,
        "ValueError",
        None,
    ]


async def test_a_failed_write_fails_every_item_in_it_and_the_next_one_goes_on() -> None:
    recorder = Recorder(broken=True)
    commit = GroupCommit(recorder.flush, max_items=100)
    outcomes = await asyncio.gather(
        *(commit.submit(f"r{n}") for n in range(3)), return_exceptions=True
    )
    assert all(isinstance(o, ConnectionError) for o in outcomes)
    recorder.broken = False  # the database is back
    await commit.submit("r9")
    assert recorder.writes[-1] == ["r9"]


def test_max_items_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        GroupCommit(Recorder().flush, max_items=0)
