"""The decide and evaluate commands, on a tiny Typer app built here."""

import dataclasses
import json
import runpy
import sys
from pathlib import Path
from unittest.mock import patch

import pytest
import typer
from typer.testing import CliRunner

from aiguillage.cli.decide import decide_command, evaluate_command, parse_line
from aiguillage.cli.decisions import DecisionRecord, DecisionRow, decide
from aiguillage.dispatch.zones import CommuneIndex
from aiguillage.shared.decision import Findings, TriageDecision

app = typer.Typer()
app.command("decide")(decide_command)
app.command("evaluate")(evaluate_command)
runner = CliRunner()

GOOD = json.dumps(
    {
        "id": "r1",
        "description": "J'ai reçu un SMS de la banque me demandant mes codes, lien bizarre.",
        "where_seen": "sms",
    }
)
FLAGGED = json.dumps(
    {
        "description": "Vidéo YouTube de propagande de Daech.",
        "where_seen": "video",
        "reporter": {"trusted_flagger": True},
    }
)


def test_decide_from_stdin_writes_one_json_line_per_report() -> None:
    result = runner.invoke(app, ["decide", "-"], input=GOOD + "\n" + FLAGGED + "\n")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0]["id"] == "r1"
    assert lines[0]["destinations"] == ["thesee"]
    assert lines[0]["reasons"]
    assert lines[1]["id"] is None
    assert lines[1]["priority"] == "P1"
    assert set(lines[0]) == {
        "id",
        "categories",
        "scope",
        "imminent_danger",
        "victim_minor",
        "school_context",
        "destinations",
        "priority",
        "reasons",
    }


def test_bad_lines_are_reported_with_their_number_and_the_rest_continues(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        GOOD
        + "\n{not json\n"
        + json.dumps({"description": "x", "where_seen": "fax"})
        + "\n"
        + FLAGGED
        + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["decide", str(path)])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    assert "line 2" in result.stderr
    assert "line 3" in result.stderr
    assert "where_seen" in result.stderr


def test_evaluate_prints_metrics() -> None:
    corpus = Path(__file__).parents[1] / "corpus/reports.jsonl"
    result = runner.invoke(app, ["evaluate", str(corpus)])
    assert result.exit_code == 0, result.output
    assert "category micro-F1" in result.stdout


def test_a_printed_decision_is_the_decision_record_serialized() -> None:
    # The command prints a `DecisionRow` without building the model: the same fields, in order,
    # and the same bytes as the model would print.
    assert [f.name for f in dataclasses.fields(DecisionRow)] == list(DecisionRecord.model_fields)
    corpus = Path(__file__).parents[1] / "corpus/reports.jsonl"
    lines = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    given = "\n".join(json.dumps({**case["report"], "id": case["id"]}) for case in lines)
    result = runner.invoke(app, ["decide", "-"], input=given + "\n")
    assert result.exit_code == 0, result.output
    communes = CommuneIndex.load()
    expected = [
        decide(report, communes, report_id).model_dump_json()
        for report_id, report in map(parse_line, given.splitlines())
    ]
    assert result.stdout.splitlines() == expected


def test_the_plain_findings_have_the_decision_models_fields() -> None:
    # `Findings` is `TriageDecision` without validation, for the decide command's speed: the two
    # must not drift apart.
    assert Findings._fields == tuple(TriageDecision.model_fields)


def test_the_speed_benchmark_prints_its_figures(capsys: pytest.CaptureFixture[str]) -> None:
    # A quick run on a few reports: the script still runs and prints each figure (not timed).
    script = Path(__file__).parents[2] / "benchmarks/decide_speed.py"
    with patch.object(sys, "argv", [str(script), "--limit", "60", "--rounds", "1"]):
        runpy.run_path(str(script), run_name="__main__")
    printed = capsys.readouterr().out
    for figure in ("start-up", "first reports", "new reports (median chunk)", "seen again"):
        assert figure in printed
    assert "decide CLI on new reports:" in printed
