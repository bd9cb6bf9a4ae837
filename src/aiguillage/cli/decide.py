"""`aiguillage decide` and `aiguillage evaluate`: the decision core without the services."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from pydantic import TypeAdapter, ValidationError
from pydantic_core import to_json as _to_json
from rich.console import Console

from aiguillage.cli.decisions import DecisionRow, decide, decision_row
from aiguillage.cli.evaluation import evaluate, load_cases, render
from aiguillage.dispatch.zones import CommuneIndex
from aiguillage.shared.decision import Reason
from aiguillage.shared.report import Report
from aiguillage.triage.classifier import warm_up


class _Line(Report):
    """An input line: the report, and the caller's id for it."""

    id: str | int | None = None


# The compiled validator and a reason's serializer, called directly: `model_validate_json` and
# `model_dump_json` only add option handling in Python (a tenth of their cost here) that the
# defaults used here do not need. A decision is printed from a `DecisionRow`, as a
# `DecisionRecord` would be, without building the model (`_row_text`).
_VALIDATE_LINE = _Line.__pydantic_validator__.validate_json
_REASON_JSON = TypeAdapter(Reason).serializer.to_json
_JSON_VALUES = {True: "true", False: "false", None: "null"}
# Reasons whose JSON is kept: far more than the rules, fields and destinations give (reasons.py
# and dispatch keep those reasons, so most of a report's are ones already printed).
MAX_KEPT_REASONS = 16_384
_reason_texts: dict[int, tuple[Reason, str]] = {}


def _reason_text(reason: Reason) -> str:
    """`reason` as the row's serializer writes it, kept by the reason's identity (each one kept
    is held, so no other reason takes its id)."""
    kept = _reason_texts.get(id(reason))
    if kept is not None and kept[0] is reason:
        return kept[1]
    text = _REASON_JSON(reason).decode()
    if len(_reason_texts) < MAX_KEPT_REASONS:
        _reason_texts[id(reason)] = (reason, text)
    return text


def _names(members: tuple[StrEnum, ...]) -> str:
    """Enum members as a JSON list of their values."""
    return '["' + '","'.join(members) + '"]' if members else "[]"


def _row_text(row: DecisionRow) -> str:
    """The row as `DecisionRecord.model_dump_json` writes it (the same bytes: the tests compare
    them), but from its reasons' kept JSON: serializing a decision's ten reasons again cost more
    than the rest of its line. (The enum members' values are names, written with no escape.)"""
    report_id = "null" if row.id is None else _to_json(row.id).decode()
    categories = _names(row.categories)
    destinations = _names(row.destinations)
    return (
        f'{{"id":{report_id},"categories":{categories},"scope":"{row.scope}",'
        f'"imminent_danger":{_JSON_VALUES[row.imminent_danger]},'
        f'"victim_minor":{_JSON_VALUES[row.victim_minor]},'
        f'"school_context":{_JSON_VALUES[row.school_context]},'
        f'"destinations":{destinations},"priority":"{row.priority}",'
        f'"reasons":[{",".join(map(_reason_text, row.reasons))}]}}'
    )


def parse_line(line: str) -> tuple[str | None, Report]:
    """One input line: the intake body, an optional top-level `id` and optional
    `reporter.trusted_flagger`. Parsed and validated in one pass by pydantic's JSON parser."""
    parsed: _Line = _VALIDATE_LINE(line)
    return (None if parsed.id is None else str(parsed.id)), parsed


def _error_text(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(line)'}: {e['msg']}" for e in exc.errors()
        )
    return str(exc)


def run_decide(source: TextIO, out: TextIO, err: TextIO) -> int:
    """Decide every line of `source`; returns how many lines failed."""
    communes = CommuneIndex.load()
    warm_up(words=False)
    failed = 0
    for number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        try:
            report_id, report = parse_line(line)
        except (ValidationError, ValueError, TypeError) as exc:
            failed += 1
            err.write(f"line {number}: invalid report: {_error_text(exc)}\n")
            continue
        out.write(_row_text(decision_row(report, communes, report_id)) + "\n")
    return failed


def decide_command(
    file: Annotated[
        str,
        typer.Argument(help="JSON lines of reports (intake body, optional `id`); '-' for stdin"),
    ] = "-",
) -> None:
    """Decide each report: one JSON decision per line on stdout, errors on stderr."""
    if file == "-":
        failed = run_decide(sys.stdin, sys.stdout, sys.stderr)
    else:
        path = Path(file)
        if not path.is_file():
            sys.stderr.write(f"{file}: no such file\n")
            raise typer.Exit(code=2)
        with path.open(encoding="utf-8") as source:
            failed = run_decide(source, sys.stdout, sys.stderr)
    if failed:
        sys.stderr.write(f"{failed} line(s) failed\n")
        raise typer.Exit(code=1)


def evaluate_command(
    file: Annotated[
        Path,
        typer.Argument(
            help="labelled cases, one JSON object a line (dev_cases.jsonl format)",
            exists=True,
            dir_okay=False,
        ),
    ],
) -> None:
    """Print the metrics of the decision core on labelled cases."""
    communes = CommuneIndex.load()
    cases = load_cases(file)
    metrics = evaluate(cases, lambda case: decide(case.report, communes, case.id))
    render(metrics, Console())
