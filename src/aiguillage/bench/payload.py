"""The baseline's messages: a report-like JSON envelope (a generated intake body) of about 1 KB."""

import json
from typing import Any

MESSAGE_BYTES = 1_024


def baseline_message(message_id: str, body: dict[str, Any], *, size: int = MESSAGE_BYTES) -> bytes:
    """A JSON event carrying `body`, padded with a `notes` field to `size` bytes when it is
    shorter (a longer body is kept whole)."""
    envelope: dict[str, Any] = {
        "schema_version": 1,
        "event_id": f"{message_id}:submitted",
        "report_id": message_id,
        "event_type": "report.submitted",
        "stage": "submitted",
        "report": body,
        "notes": "",
    }
    encoded = _encode(envelope)
    if len(encoded) < size:
        envelope["notes"] = "x" * (size - len(encoded))
        encoded = _encode(envelope)
    return encoded


def _encode(envelope: dict[str, Any]) -> bytes:
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode()
