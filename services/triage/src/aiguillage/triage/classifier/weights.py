"""The second reading's weights file (`vocabularies/learned_weights.tsv`) and the sums it gives.

Lines `decision<TAB>feature<TAB>weight`, `#` for a comment; `(bias)` is each decision's bias, and
every decision must have one. A decision is a category code, `imminent_danger`, `scope=<scope>`
or `victim_minor=true|false|unknown`. A malformed file stops triage at start-up.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain
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


# A word longer than n letters also counts by its first n letters, for each n here: the
# beginning a word shares with its other forms and misspellings ("harc" and "harcel" for
# "harceler", "harcelait", "harcelement"; "mena" for "menace", "menacait"), which a word met in no
# training report still carries (docs/vocabularies.md, "The second reading").
START_LENGTHS = (4, 6)
START = "START:"
# Words whose rows are kept (see `WordRows`): enough for a language's words.
MAX_KEPT_WORDS = 100_000


def word_starts(words: Iterable[str]) -> list[str]:
    """The beginnings of `words` that count as features (`START_LENGTHS`), without `START`."""
    return [word[:length] for word in words for length in START_LENGTHS if len(word) > length]


FloatArray = npt.NDArray[np.float64]
RowArray = npt.NDArray[np.intp]


class WeightsError(ValueError):
    """The weights file is malformed: the service refuses to start rather than guess."""


@dataclass(frozen=True, kw_only=True, slots=True)
class LearnedWeights:
    labels: tuple[str, ...]
    names: tuple[str, ...]  # the features
    index: dict[str, int]  # each feature's row in `matrix`
    # A row per feature, a column per label (0.0 where it has no weight), then the biases' row:
    # every sum ends with it, after the features in row order.
    matrix: FloatArray
    # `matrix`'s columns, each in one piece: a reason's weights for one label (`signals`).
    columns: FloatArray
    by_word: "WordRows"  # the rows of a description's words, pairs and beginnings (`read`)

    @property
    def bias_row(self) -> int:
        return len(self.names)

    def read(self, fields: Iterable[str], words: Sequence[str]) -> "Readings":
        """The sums for the features `fields` and the `words` of a description with their pairs
        and beginnings: the features `learned.features` writes as strings to train, read without
        writing the pairs (each pair costs two lookups of words already hashed, where joining it
        costs a new string to hash) nor the beginnings' names, and a word's own rows with one
        lookup (`WordRows`). A feature counts once: a set of rows, one per feature."""
        rows = set(map(self.index.get, fields))
        if words:
            # Each word's rows and followers (none for most), then the next word among them.
            own, followers = zip(*map(self.by_word.__getitem__, words), strict=True)
            rows.update(chain.from_iterable(own))
            rows.update(map(dict.get, followers, words[1:]))
        rows.discard(None)  # (a feature without weights)
        rows.add(self.bias_row)
        # In row order: a sum's order is then the same in every process (a set's order is not).
        # Sorted as numpy integers: numpy indexes with them as they are, where a list of Python
        # ints would be converted one by one at each indexing.
        ordered = np.fromiter(rows, np.intp, len(rows))
        ordered.sort()
        sums = self.matrix.take(ordered, axis=0).sum(axis=0)
        return Readings(
            weights=self, rows=ordered, scores=dict(zip(self.labels, sums.tolist(), strict=True))
        )


class WordRows(dict[str, tuple[tuple[int, ...], dict[str, int]]]):
    """Each word's rows (the word's own and its beginnings', `word_starts`) and its followers'
    (the pairs it starts, by second word), worked out on first sight and kept (up to
    MAX_KEPT_WORDS words): a word seen before costs one lookup, where its features cost four
    or five in tables of 180,000 rows, and slices of it to hash."""

    def __init__(
        self, index: dict[str, int], starts: dict[str, int], pairs: dict[str, dict[str, int]]
    ) -> None:
        """`starts`: the beginnings' rows (`START:harcel`) by the beginning alone; `pairs`: the
        two-word features' rows by first word then second (so that a pair is looked up from its
        words, without joining them into a string to hash)."""
        super().__init__()
        self._index = index
        self._starts = starts
        self._pairs = pairs

    def __missing__(self, word: str) -> tuple[tuple[int, ...], dict[str, int]]:
        found = [self._index.get(word), *map(self._starts.get, word_starts([word]))]
        own = tuple([row for row in found if row is not None])
        rows = (own, self._pairs.get(word, _NO_FOLLOWERS))
        if len(self) < MAX_KEPT_WORDS:
            self[word] = rows
        return rows


_NO_FOLLOWERS: dict[str, int] = {}  # (shared: never written to)


@dataclass(frozen=True, kw_only=True, slots=True)
class Readings:
    """One report's sum of weights for each decision."""

    weights: LearnedWeights
    rows: RowArray  # the report's features, in row order, then the biases' row
    scores: dict[str, float]

    def signals(self, label: str, *, against: bool = False) -> tuple[str, ...]:
        """The features that weighed most for `label` (or `against` it), as `feature +weight`;
        worked out only for the decisions a reason is written for."""
        rows = self.rows[:-1]
        column = self.weights.columns[self.weights.labels.index(label)]
        weights = column.take(rows)
        # The features on the asked side chosen by numpy: most of a report's weigh nothing for a
        # label, or weigh on the other side, and need no tuple.
        side_of = weights < 0 if against else weights > 0
        names = self.weights.names
        # Strongest first, then by name: sorted as tuples, with no key function to call.
        side = [
            (-abs(weight), names[row], weight)
            for row, weight in zip(rows[side_of].tolist(), weights[side_of].tolist(), strict=True)
        ]
        side.sort()
        return tuple(f"{_quoted(f)} {w:+.2f}" for _, f, w in side[:QUOTED_FEATURES])


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
    pairs: dict[str, dict[str, int]] = {}
    starts: dict[str, int] = {}
    for row, name in enumerate(names):
        if name.startswith(START):
            starts[name.removeprefix(START)] = row
            continue
        first, space, second = name.partition(" ")
        if space:
            pairs.setdefault(first, {})[second] = row
    matrix = np.array([*rows.values(), [bias[label] for label in labels]])
    index = {name: row for row, name in enumerate(names)}
    return LearnedWeights(
        labels=labels,
        names=names,
        index=index,
        matrix=matrix,
        columns=np.ascontiguousarray(matrix.T),
        by_word=WordRows(index, starts, pairs),
    )


@cache
def load_weights() -> LearnedWeights:
    with WEIGHTS_FILE.open(encoding="utf-8") as lines:
        return parse_weights(lines, WEIGHTS_FILE.name)
