"""The second reading: weights learned from the project's labelled reports confirm, add or set
aside the categories the rules found.

The rules know the offences' words; they miss what a reporter says in words no vocabulary holds,
and they take a word for an offence where the whole report says otherwise. The second reading
weighs every word and pair of words of the normalised description, the categories the rules
found, the scope and the form's fields, with one weight per category for each, learned by
logistic regression from the project's own labelled reports (tools/train_weights.py; never from
the held-out sets nor the dev cases). A category applies when its weights add up above zero.
The weights live in `vocabularies/learned_weights.tsv`, one per line, which an analyst can read
and edit (docs/vocabularies.md, "The second reading").

A feature is a word ("menace"), a pair of words ("te retrouver"), or a field in capitals, which
no normalised word is: `RULE:hate` (the rules found hate), `SCOPE:private`, `WHERE:sms`,
`BOX:scam` (the ticked category; `BOX:none`), `MINOR:true` (the form's `is_minor`).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from aiguillage.shared.decision import CATEGORY_NAMES, Reason
from aiguillage.shared.report import Report
from aiguillage.shared.vocabulary import Category, Scope, WhereSeen
from aiguillage.triage.classifier.categories import Finding, apply_labelling_rules
from aiguillage.triage.classifier.matching import Evidence
from aiguillage.triage.classifier.reasons import reason

WEIGHTS_FILE = Path(__file__).with_name("vocabularies") / "learned_weights.tsv"
BIAS = "(bias)"
# The features quoted in a reason: the strongest ones present, for or against the category.
QUOTED_FEATURES = 4
# The weights were learned from descriptions of 27 to 63 words (nine in ten of them; 45 halfway):
# on fewer words than the shortest nine in ten, they have too little to weigh and the rules decide
# alone. (On the project's own one-sentence tests, of 17 words halfway, the weights alone undo
# findings the policy requires: a death threat "en route", fifty messages a day with an insult.)
MIN_WORDS = 27
# How far below zero the weights must be to set aside every category the rules found (see
# `_categories`): 1.0 is e to one against.
CLOSING_MARGIN = 1.0


FloatArray = npt.NDArray[np.float64]


_AGE = {True: "AGE:minor", False: "AGE:adult"}


class WeightsError(ValueError):
    """The weights file is malformed: the service refuses to start rather than guess."""


class FirstReading(NamedTuple):
    """What the rules decide; the second reading changes what its weights say otherwise."""

    evidence: Evidence
    found: dict[Category, Finding]
    notes: list[Reason]
    scope: Scope
    scope_reason: Reason
    imminent: bool
    imminent_reason: Reason
    offline_only: bool
    victim_minor: bool | None
    minor_reason: Reason


def features(first: FirstReading, report: Report) -> set[str]:
    """What the second reading weighs: the same for training and for deciding. A field says
    something only when it is set: an unset one adds no feature (the bias stands for it)."""
    words = first.evidence.words
    found = {f"RULE:{category.value}" for category in first.found}
    found.add(f"SCOPE:{first.scope.value}")
    if first.imminent:
        found.add("IMMINENT")
    if first.victim_minor is not None:
        found.add(_AGE[first.victim_minor])
    if report.where_seen is not WhereSeen.UNKNOWN:
        found.add(f"WHERE:{report.where_seen.value}")
    if report.category_hint is not None:
        found.add(f"BOX:{report.category_hint.value}")
    if report.victim.is_minor is not None:
        found.add(f"FORM_{_AGE[report.victim.is_minor]}")
    found.update([f"GROUP:{group}" for group in first.evidence.present])
    found.update(words)
    found.update(map(" ".join, pairwise(words)))
    return found


def _quoted(feature: str) -> str:
    return feature if feature[:1].isupper() else f'text:"{feature}"'


@dataclass(frozen=True, kw_only=True, slots=True)
class LearnedWeights:
    labels: tuple[str, ...]
    bias: FloatArray  # one per label
    names: tuple[str, ...]  # the features
    index: dict[str, int]  # each feature's row in `matrix`
    matrix: FloatArray  # a row per feature, a column per label (0.0 where it has no weight)

    def read(self, found: set[str]) -> "Readings":
        get = self.index.get
        # In row order: a sum's order is then the same in every process (a set's order is not).
        rows = sorted([row for row in map(get, found) if row is not None])
        sums = self.matrix[rows].sum(axis=0) + self.bias
        return Readings(
            weights=self, rows=rows, scores=dict(zip(self.labels, sums.tolist(), strict=True))
        )


@dataclass(frozen=True, kw_only=True, slots=True)
class Readings:
    """One report's sum of weights for each decision."""

    weights: LearnedWeights
    rows: list[int]  # the report's features
    scores: dict[str, float]

    def signals(self, label: str, *, against: bool = False) -> tuple[str, ...]:
        """The features that weighed most for `label` (or `against` it), as `feature +weight`;
        worked out only for the decisions a reason is written for."""
        column = self.weights.matrix[:, self.weights.labels.index(label)]
        names = self.weights.names
        side = [(names[row], float(column[row])) for row in self.rows]
        side = [(f, w) for f, w in side if w != 0 and (w > 0) != against]
        side.sort(key=lambda item: (-abs(item[1]), item[0]))
        return tuple(f"{_quoted(f)} {w:+.2f}" for f, w in side[:QUOTED_FEATURES])


# What the weights decide: each category (it applies or not), imminent danger (or not), the
# scope and whether the victim is a minor (of each, the one whose weights add up highest).
IMMINENT = "imminent_danger"
SCOPES = {f"scope={scope.value}": scope for scope in Scope}
_MINOR_NAMES: dict[bool | None, str] = {True: "true", False: "false", None: "unknown"}
MINOR = {f"victim_minor={name}": value for value, name in _MINOR_NAMES.items()}
LABELS = frozenset([*(category.value for category in Category), IMMINENT, *SCOPES, *MINOR])


def parse_weights(lines: Iterable[str], source: str = "weights") -> LearnedWeights:
    """`decision<TAB>feature<TAB>weight` lines; `#` starts a comment line."""
    labels = tuple(sorted(LABELS))
    column = {label: index for index, label in enumerate(labels)}
    bias: dict[str, float] = {}
    rows: dict[str, list[float]] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 3:
            raise WeightsError(f"{source}:{number}: expected decision, feature, weight: {line!r}")
        label, feature, value = parts
        if label not in column:
            raise WeightsError(f"{source}:{number}: unknown decision {label!r}")
        try:
            weight = float(value)
        except ValueError as exc:
            raise WeightsError(f"{source}:{number}: {exc}") from exc
        if feature == BIAS:
            bias[label] = weight
        else:
            rows.setdefault(feature, [0.0] * len(labels))[column[label]] = weight
    missing = sorted(LABELS - bias.keys())
    if missing:
        raise WeightsError(f"{source}: no {BIAS} line for {', '.join(missing)}")
    names = tuple(rows)
    return LearnedWeights(
        labels=labels,
        bias=np.array([bias[label] for label in labels]),
        names=names,
        index={name: row for row, name in enumerate(names)},
        matrix=np.array(list(rows.values())).reshape(len(names), len(labels)),
    )


@cache
def load_weights() -> LearnedWeights:
    with WEIGHTS_FILE.open(encoding="utf-8") as lines:
        return parse_weights(lines, WEIGHTS_FILE.name)


def second_reading(first: FirstReading, report: Report, weights: LearnedWeights) -> FirstReading:
    """The categories, scope, imminent danger and minor victim after the second reading, each
    with its reasons, and notes on the rules' categories set aside; §3.1's labelling rules then
    apply to the categories left. A description shorter than `MIN_WORDS` keeps the rules'
    decision."""
    if first.evidence.word_count < MIN_WORDS:
        return first
    readings = weights.read(features(first, report))
    kept, notes = _categories(first.found, readings)
    notes[:0] = first.notes
    scope, scope_reason = _scope(first, readings)
    imminent, imminent_reason = _imminent(first, readings)
    minor, minor_reason = _minor(first, readings)
    return first._replace(
        found=kept,
        notes=notes,
        scope=scope,
        scope_reason=scope_reason,
        imminent=imminent,
        imminent_reason=imminent_reason,
        victim_minor=minor,
        minor_reason=minor_reason,
    )


def _categories(
    found: dict[Category, Finding], readings: Readings
) -> tuple[dict[Category, Finding], list[Reason]]:
    scores = readings.scores
    # Closing a report the rules found an offence in would lose the victim's case: the weights
    # must then be clearly against each category the rules found.
    closing = not any(scores[category.value] > 0 for category in Category)
    floor = -CLOSING_MARGIN if closing else 0.0
    kept: dict[Category, Finding] = {}
    notes: list[Reason] = []
    for category in Category:
        label = category.value
        score = scores[label]
        subject = CATEGORY_NAMES[category]
        if category in found and score > floor:
            kept[category] = found[category]
        elif score > 0:
            rule = f"the second reading: learned weights for it ({score:+.2f})"
            finding_reason = reason(subject, rule, readings.signals(label))
            kept[category] = Finding(category, score, (finding_reason,))
        elif category in found:
            rule = f"found by the rules, set aside by the second reading ({score:+.2f})"
            notes.append(reason(subject, rule, readings.signals(label, against=True)))
    kept, labelling = apply_labelling_rules(kept)
    return kept, notes + labelling


def _scope(first: FirstReading, readings: Readings) -> tuple[Scope, Reason]:
    label = max(SCOPES, key=readings.scores.__getitem__)
    scope = SCOPES[label]
    if scope is first.scope:
        return first.scope, first.scope_reason
    rule = (
        f"the second reading: learned weights for {scope.value} "
        f"({readings.scores[label]:+.2f}), over the rules' {first.scope.value}"
    )
    return scope, reason("scope", rule, readings.signals(label))


def _imminent(first: FirstReading, readings: Readings) -> tuple[bool, Reason]:
    score = readings.scores[IMMINENT]
    if (score > 0) is first.imminent:
        return first.imminent, first.imminent_reason
    if not first.imminent:
        rule = f"the second reading: learned weights for it ({score:+.2f})"
        return True, reason(IMMINENT, rule, readings.signals(IMMINENT))
    rule = f"the rules' danger set aside by the second reading ({score:+.2f})"
    return False, reason(IMMINENT, rule, readings.signals(IMMINENT, against=True))


def _minor(first: FirstReading, readings: Readings) -> tuple[bool | None, Reason]:
    label = max(MINOR, key=readings.scores.__getitem__)
    minor = MINOR[label]
    if minor is first.victim_minor:
        return first.victim_minor, first.minor_reason
    rule = (
        f"the second reading: learned weights for {_MINOR_NAMES[minor]} "
        f"({readings.scores[label]:+.2f}), over the rules' {_MINOR_NAMES[first.victim_minor]}"
    )
    return minor, reason("victim_minor", rule, readings.signals(label))
