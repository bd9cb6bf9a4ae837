"""Metrics over labelled cases."""

from io import StringIO
from pathlib import Path

from rich.console import Console

from aiguillage.cli.decisions import DecisionRecord
from aiguillage.cli.evaluation import LabelledCase, evaluate, load_cases, render
from aiguillage.shared.report import Report
from aiguillage.shared.vocabulary import Category, Destination, Priority, Scope


def case(
    case_id: str,
    categories: list[str],
    destinations: list[str],
    priority: str = "P2",
    scope: str = "public",
) -> LabelledCase:
    expected = {
        "categories": categories,
        "scope": scope,
        "imminent_danger": False,
        "victim_minor": None,
        "destinations": destinations,
        "priority": priority,
    }
    return LabelledCase(id=case_id, report=Report(description="x"), expected=expected)


def record(
    categories: list[Category],
    destinations: list[Destination],
    priority: Priority = Priority.P2,
    scope: Scope = Scope.PUBLIC,
) -> DecisionRecord:
    return DecisionRecord(
        id=None,
        categories=categories,
        scope=scope,
        imminent_danger=False,
        victim_minor=None,
        school_context=False,
        destinations=destinations,
        priority=priority,
        reasons=[],
    )


def test_metrics() -> None:
    cases = [
        case("a", ["hate"], ["analysts"]),
        case("b", ["scam"], ["thesee"], "P3", "private"),
        case("c", [], ["closed"], "P3"),
    ]
    answers = {
        "a": record(
            [Category.HATE, Category.THREATS_VIOLENCE], [Destination.ANALYSTS], Priority.P1
        ),
        "b": record([Category.SCAM], [Destination.THESEE], Priority.P3, Scope.PRIVATE),
        "c": record([Category.SPAM], [Destination.ANALYSTS], Priority.P3),
    }
    metrics = evaluate(cases, lambda c: answers[c.id])
    assert metrics.cases == 3
    assert metrics.destinations_accuracy == 2 / 3
    assert metrics.priority_accuracy == 2 / 3
    assert metrics.scope_accuracy == 1.0
    # tp = 2 (hate, scam), fp = 2 (threats, spam), fn = 0
    assert metrics.category_micro_f1 == 2 * 2 / (2 * 2 + 2)
    per = {s.category: s for s in metrics.per_category}
    assert per["threats_violence"].precision == 0.0
    assert per["hate"].recall == 1.0
    assert [(m.id, m.expected, m.got) for m in metrics.misrouted] == [
        ("c", ["closed"], ["analysts"])
    ]


def test_render_and_load(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text(
        '{"id": "x1", "report": {"description": "spam"}, "expected": {"categories": [], '
        '"scope": "unknown", "imminent_danger": false, '
        '"victim_minor": null, "destinations": ["closed"], "priority": "P3"}, "note": "n"}\n',
        encoding="utf-8",
    )
    cases = load_cases(path)
    assert cases[0].id == "x1"
    metrics = evaluate(
        cases, lambda _c: record([], [Destination.ANALYSTS], Priority.P3, Scope.UNKNOWN)
    )
    out = StringIO()
    render(metrics, Console(file=out, width=160))
    text = out.getvalue()
    assert "destinations (exact set) accuracy" in text
    assert "Misrouted cases" in text
    assert "x1" in text
