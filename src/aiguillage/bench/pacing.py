"""Sending at a fixed offered rate: message i is due `i / rate` seconds after the start, whatever
happened to the ones before (an open loop, so a slow pipeline does not slow the offered load)."""

import asyncio
import time


def send_count(rate: float, duration_s: float) -> int:
    """How many messages a run at `rate` per second for `duration_s` seconds sends (at least 1)."""
    if rate <= 0 or duration_s <= 0:
        msg = f"rate and duration must be positive, got {rate}/s for {duration_s} s"
        raise ValueError(msg)
    return max(1, round(rate * duration_s))


def due_offset(index: int, rate: float) -> float:
    """Seconds after the start at which message `index` (from 0) is due."""
    return index / rate


def achieved_rate(count: int, first_s: float, last_s: float) -> float:
    """The rate actually offered: `count` sends between the first and the last, which are
    `count - 1` intervals apart."""
    if count < 2 or last_s <= first_s:
        return 0.0
    return (count - 1) / (last_s - first_s)


class Pacer:
    """Waits until each message's due time on the monotonic clock."""

    def __init__(self, rate: float) -> None:
        self._rate = rate
        self._start = time.monotonic()

    def restart(self) -> None:
        self._start = time.monotonic()

    async def wait(self, index: int) -> None:
        delay = self._start + due_offset(index, self._rate) - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
