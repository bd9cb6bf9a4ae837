"""What every consuming stage does around its own work, as a faststream middleware.

- A message that cannot be decoded as the stage's event (bad JSON, unknown schema version, invalid
  fields) is sent to the stage's dead-letter topic with the error and the original payload, then
  committed: one bad message never blocks its partition.
- Any other failure (database or broker unavailable, a bug) is logged, waited out for a moment, and
  raised, so the offset is not committed and the message comes again.
"""

import asyncio
import json
from datetime import UTC, datetime
from typing import Any

from fast_depends.exceptions import ValidationError as ArgumentValidationError
from faststream import BaseMiddleware
from faststream.kafka import KafkaBroker
from faststream.message import StreamMessage
from pydantic import ValidationError
from structlog.contextvars import bound_contextvars

from aiguillage.shared.logging import get_logger

log = get_logger(__name__)
UNDECODABLE = (ValidationError, ArgumentValidationError, json.JSONDecodeError, UnicodeDecodeError)


def stage_middleware(
    *, stage: str, broker: KafkaBroker, dead_letter_topic: str, retry_backoff_s: float
) -> type[BaseMiddleware]:
    class StageMiddleware(BaseMiddleware):
        async def consume_scope(self, call_next: Any, msg: StreamMessage[Any]) -> Any:
            key = _key(msg)
            with bound_contextvars(report_id=key, stage=stage):
                try:
                    return await call_next(msg)
                except UNDECODABLE as error:
                    await _dead_letter(
                        broker=broker,
                        topic=dead_letter_topic,
                        stage=stage,
                        msg=msg,
                        key=key,
                        error=error,
                    )
                    return None
                except Exception as error:
                    log.exception("report.failed", outcome="will_retry", error=repr(error))
                    await asyncio.sleep(retry_backoff_s)
                    raise

    return StageMiddleware


def _key(msg: StreamMessage[Any]) -> str | None:
    raw = getattr(msg.raw_message, "key", None)
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else None


async def _dead_letter(
    *,
    broker: KafkaBroker,
    topic: str,
    stage: str,
    msg: StreamMessage[Any],
    key: str | None,
    error: Exception,
) -> None:
    raw = msg.raw_message
    letter = {
        "stage": stage,
        "error": f"{type(error).__name__}: {error}"[:4_000],
        "source": {
            "topic": getattr(raw, "topic", None),
            "partition": getattr(raw, "partition", None),
            "offset": getattr(raw, "offset", None),
        },
        "payload": msg.body.decode("utf-8", "replace"),
        "dead_lettered_at": datetime.now(UTC).isoformat(),
    }
    await broker.publish(letter, topic=topic, key=key.encode() if key else None)
    log.error("report.dead_lettered", outcome="dead_letter", topic=topic, error=letter["error"])
