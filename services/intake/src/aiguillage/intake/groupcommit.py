"""Group commit: writes that concurrent requests make one at a time, done together.

Each request submits its item and waits for it to be written. The items that arrive while a
write is under way go together in the next one, so under load one database round trip carries
many reports, and alone a request waits for no one: there is no timer, only the write before.
A request sees its own item's outcome: the error of that item (or of the whole write) is raised
to that request alone, and nothing is acknowledged before it is written.
"""

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

Item = TypeVar("Item")
# Writes the items; returns, in order, each item's error or None when it was written. An
# exception raised instead is every item's error.
Flush = Callable[[Sequence[Item]], Awaitable[Sequence[BaseException | None]]]


class GroupCommit(Generic[Item]):
    def __init__(self, flush: Flush[Item], *, max_items: int) -> None:
        if max_items < 1:
            msg = "max_items must be at least 1"
            raise ValueError(msg)
        self._flush = flush
        self._max_items = max_items
        self._queue: list[tuple[Item, asyncio.Future[None]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def submit(self, item: Item) -> None:
        """Return once `item` is written; raise its error if it was not."""
        done = asyncio.get_running_loop().create_future()
        self._queue.append((item, done))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_queued())
        await done

    async def _write_queued(self) -> None:
        while self._queue:
            batch = self._queue[: self._max_items]
            del self._queue[: self._max_items]
            try:
                outcomes = await self._flush([item for item, _ in batch])
            except Exception as error:  # noqa: BLE001 - handed to each waiting request
                outcomes = [error] * len(batch)
            for (_, done), outcome in zip(batch, outcomes, strict=True):
                if done.cancelled():
                    continue
                if outcome is None:
                    done.set_result(None)
                else:
                    done.set_exception(outcome)
