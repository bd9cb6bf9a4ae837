"""The second reading's weights file (`vocabularies/learned_weights.tsv`) and the sums it gives.

Lines `decision<TAB>feature<TAB>weight`, `#` for a comment; `(bias)` is each decision's bias, and
every decision must have one. A decision is a category code, `imminent_danger`, `scope=<scope>`
or `victim_minor=true|false|unknown`. A malformed file stops triage at start-up.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from aiguillage.shared.vocabulary import Category, Scope
from aiguillage.triage.classifier.text import QUESTION_MARK, SENTENCE_MARK

WEIGHTS_FILE = Path(__file__).with_name("vocabularies") / "learned_weights.tsv"
BIAS = "(bias)"
# The features quoted in a reason: the strongest ones present, for or against the decision.
QUOTED_FEATURES = 4

# What the weights decide: each category (it applies or not), imminent danger (or not), the
# scope and whether the victim is a minor (of each, the one whose weights add up highest).
IMMINENT = "imminent_danger"
SCOPES = {f"scope={scope.value}": scope for scope in Scope}
MINOR_NAMES: dict[bool | None, str] = {True: "true", False: "false", None: "unknown"}
MINOR = {f"victim_minor={name}": value for value, name in MINOR_NAMES.items()}
LABELS = frozenset([*(category.value for category in Category), IMMINENT, *SCOPES, *MINOR])


FloatArray = npt.NDArray[np.float64]


class WeightsError(ValueError):
    """The weights file is malformed: the service refuses to start rather than guess."""


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
        weights: list[float] = self.weights.matrix[
            self.rows, self.weights.labels.index(label)
        ].tolist()
        names = self.weights.names
        side = [
            (names[row], weight)
            for row, weight in zip(self.rows, weights, strict=True)
            if weight != 0 and (weight > 0) != against
        ]
        side.sort(key=lambda item: (-abs(item[1]), item[0]))
        return tuple(f"{_quoted(f)} {w:+.2f}" for f, w in side[:QUOTED_FEATURES])


# How a reason shows the marks normalising leaves in the text: a sentence's end as a full stop;
# the word that marks a question goes (its "?" follows it).
_SHOWN = {SENTENCE_MARK: ".", QUESTION_MARK: ""}


def _quoted(feature: str) -> str:
    if feature[:1].isupper():
        return feature
    shown = " ".join(filter(None, (_SHOWN.get(word, word) for word in feature.split(" "))))
    return f'text:"{shown}"'


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
