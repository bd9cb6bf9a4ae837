"""One JSON line per step, with the report id bound by the handler."""

import json
import logging

import pytest
from structlog.contextvars import bound_contextvars

from aiguillage.shared.logging import configure_logging, get_logger


def test_json_lines_carry_service_and_report_id(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(service="triage", log_format="json")
    with bound_contextvars(report_id="abc123", stage="triage"):
        get_logger("test").info("report.triaged", outcome="published")
        logging.getLogger("aiokafka.consumer").warning("a library line")
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    assert lines[0]["event"] == "report.triaged"
    assert lines[0]["report_id"] == "abc123"
    assert lines[0]["service"] == "triage"
    assert lines[0]["outcome"] == "published"
    assert lines[0]["level"] == "info"
    # Library lines go through the same renderer, with the same context.
    assert lines[1]["event"] == "a library line"
    assert lines[1]["report_id"] == "abc123"
