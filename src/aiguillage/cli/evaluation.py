"""Metrics over labelled cases (the format of shared/domain/dev_cases.jsonl): pure functions, plus a
rich rendering for the `evaluate` command."""

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from aiguillage.cli.decisions import DecisionRecord
from aiguillage.shared.report import Report
from aiguillage.shared.vocabulary import Category


@dataclass(frozen=True)
class LabelledCase:
    id: str
    report: Report
    expected: dict[str, Any]
    note: str = ""


@dataclass(frozen=True)
class CategoryScore:
    category: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


@dataclass(frozen=True)
class Miss:
    id: str
    field: str
    expected: Any
    got: Any
    note: str = ""


@dataclass(frozen=True)
class Metrics:
    cases: int
    destinations_accuracy: float
    priority_accuracy: float
    scope_accuracy: float
    category_micro_f1: float
    per_category: tuple[CategoryScore, ...]
    misrouted: tuple[Miss, ...]
    other_misses: tuple[Miss, ...] = field(default=())


def load_cases(path: Path) -> list[LabelledCase]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        raw = json.loads(line)
        try:
            cases.append(
                LabelledCase(
                    id=str(raw.get("id", number)),
                    report=Report.model_validate(raw["report"]),
                    expected=raw["expected"],
                    note=raw.get("note", ""),
                )
            )
        except (KeyError, ValueError) as exc:
            raise ValueError(f"{path}:{number}: {exc}") from exc
    return cases


def evaluate(
    cases: Iterable[LabelledCase], decide: Callable[[LabelledCase], DecisionRecord]
) -> Metrics:
    """Compare each case's decision with its labels."""
    counts = {c.value: [0, 0, 0] for c in Category}
    total = dest_ok = prio_ok = scope_ok = 0
    misrouted: list[Miss] = []
    other: list[Miss] = []
    for case in cases:
        total += 1
        got = decide(case)
        expected = case.expected
        got_dest = sorted(d.value for d in got.destinations)
        exp_dest = sorted(expected["destinations"])
        if got_dest == exp_dest:
            dest_ok += 1
        else:
            misrouted.append(Miss(case.id, "destinations", exp_dest, got_dest, case.note))
        if got.priority.value == expected["priority"]:
            prio_ok += 1
        else:
            other.append(
                Miss(case.id, "priority", expected["priority"], got.priority.value, case.note)
            )
        if got.scope.value == expected["scope"]:
            scope_ok += 1
        else:
            other.append(Miss(case.id, "scope", expected["scope"], got.scope.value, case.note))
        got_cats = {c.value for c in got.categories}
        exp_cats = set(expected["categories"])
        if got_cats != exp_cats:
            other.append(Miss(case.id, "categories", sorted(exp_cats), sorted(got_cats), case.note))
        for name in got_cats | exp_cats:
            slot = counts.setdefault(name, [0, 0, 0])
            if name in got_cats and name in exp_cats:
                slot[0] += 1
            elif name in got_cats:
                slot[1] += 1
            else:
                slot[2] += 1
    tp = sum(c[0] for c in counts.values())
    fp = sum(c[1] for c in counts.values())
    fn = sum(c[2] for c in counts.values())
    micro_f1 = 2 * tp / (2 * tp + fp + fn) if (tp + fp + fn) else 1.0
    share = (lambda n: n / total) if total else (lambda _n: 0.0)
    return Metrics(
        cases=total,
        destinations_accuracy=share(dest_ok),
        priority_accuracy=share(prio_ok),
        scope_accuracy=share(scope_ok),
        category_micro_f1=micro_f1,
        per_category=tuple(CategoryScore(name, *c) for name, c in counts.items()),
        misrouted=tuple(misrouted),
        other_misses=tuple(other),
    )


def render(metrics: Metrics, console: Console) -> None:
    summary = Table(title=f"Evaluation on {metrics.cases} labelled cases")
    summary.add_column("metric")
    summary.add_column("value", justify="right")
    summary.add_row("destinations (exact set) accuracy", f"{metrics.destinations_accuracy:.3f}")
    summary.add_row("priority accuracy", f"{metrics.priority_accuracy:.3f}")
    summary.add_row("scope accuracy", f"{metrics.scope_accuracy:.3f}")
    summary.add_row("category micro-F1", f"{metrics.category_micro_f1:.3f}")
    console.print(summary)

    per_category = Table(title="Per category")
    for column in ("category", "TP", "FP", "FN", "precision", "recall"):
        per_category.add_column(column, justify="left" if column == "category" else "right")
    for score in metrics.per_category:
        per_category.add_row(
            score.category,
            str(score.true_positives),
            str(score.false_positives),
            str(score.false_negatives),
            f"{score.precision:.2f}",
            f"{score.recall:.2f}",
        )
    console.print(per_category)

    if metrics.misrouted:
        misses = Table(title=f"Misrouted cases ({len(metrics.misrouted)})")
        for column in ("id", "expected", "got", "note"):
            misses.add_column(column)
        for miss in metrics.misrouted:
            misses.add_row(miss.id, ", ".join(miss.expected), ", ".join(miss.got), miss.note)
        console.print(misses)
    if metrics.other_misses:
        others = Table(title=f"Other differences ({len(metrics.other_misses)})")
        for column in ("id", "field", "expected", "got"):
            others.add_column(column)
        for miss in metrics.other_misses:
            others.add_row(miss.id, miss.field, str(miss.expected), str(miss.got))
        console.print(others)
