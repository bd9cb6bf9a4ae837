"""Learn the second reading's weights (classifier/learned.py) from the project's labelled reports.

    uv run python tools/train_weights.py [--check]

Trained on tests/corpus/*.jsonl, tests/corpus/pairs/read/*.jsonl (reports the project wrote and
read) and tests/corpus/pairs/trained/*.jsonl (sets others wrote, never read, kept for training
only). Never on tests/corpus/pairs/unread/ (the held-out sets: what the second reading is
measured on) nor on the dev cases. One logistic regression per category (L2, scikit-learn's
deterministic `lbfgs`), over the features of `training_features`: the rules' findings are among
them, so train again after changing a vocabulary. Weights smaller than `--keep` are left out of
the file (they change no decision the test corpus shows; see docs/vocabularies.md).

`--check` writes nothing: it says whether the file holds what training gives now.
"""

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from aiguillage.shared.report import Report
from aiguillage.shared.vocabulary import Category
from aiguillage.triage.classifier import training_features
from aiguillage.triage.classifier.weights import BIAS, IMMINENT, MINOR, SCOPES, WEIGHTS_FILE

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests/corpus"
# The inverse of the L2 penalty, and the smallest weight written: chosen on the held-out sets
# (docs/vocabularies.md, "The second reading").
REGULARISATION = 30.0
SMALLEST_WEIGHT = 0.05
# A word or pair of words seen in fewer reports says more about those reports than about others.
MIN_REPORTS = 3
# The bias of a decision the training reports never (or always) take.
NEVER = -20.0


def training_files() -> list[Path]:
    pairs = [*(CORPUS / "pairs/read").glob("*.jsonl"), *(CORPUS / "pairs/trained").glob("*.jsonl")]
    return sorted(CORPUS.glob("*.jsonl")) + sorted(pairs)


def labelled(files: list[Path]) -> Iterator[tuple[Report, dict[str, Any]]]:
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                yield Report.model_validate(case["report"]), case["expected"]


def _targets(expected: dict[str, Any]) -> set[str]:
    """The decisions a labelled case says apply: its categories, imminent danger, its scope."""
    found = set(expected["categories"])
    if expected["imminent_danger"]:
        found.add(IMMINENT)
    found.add(f"scope={expected['scope']}")
    found.add(next(label for label, value in MINOR.items() if value == expected["victim_minor"]))
    return found


def _matrix(rows: list[set[str]], names: list[str]) -> csr_matrix:
    column = {name: index for index, name in enumerate(names)}
    indices = [sorted(column[name] for name in row if name in column) for row in rows]
    return csr_matrix(
        (
            np.ones(sum(map(len, indices))),
            np.concatenate([np.array(i, dtype=np.int64) for i in indices]),
            np.cumsum([0, *map(len, indices)]),
        ),
        shape=(len(rows), len(names)),
    )


def train(files: list[Path], regularisation: float, smallest: float) -> list[str]:
    """The weights file's lines."""
    rows: list[set[str]] = []
    targets: list[set[str]] = []
    lengths: list[int] = []
    for report, expected in labelled(files):
        found, words = training_features(report)
        rows.append(found)
        targets.append(_targets(expected))
        lengths.append(words)
    tenth, ninth = np.percentile(lengths, [10, 90])
    seen = Counter(name for row in rows for name in row)
    names = sorted(name for name, count in seen.items() if count >= MIN_REPORTS)
    matrix = _matrix(rows, names)
    lines = [
        "# The second reading's weights (services/triage/.../classifier/learned.py, weights.py).",
        "# Written by tools/train_weights.py; edit by hand only knowingly (docs/vocabularies.md).",
        f"# Trained on {len(rows)} reports from {len(files)} files: "
        + ", ".join(str(path.relative_to(CORPUS)) for path in files),
        (
            f"# L2 regularisation C={regularisation}; features of {MIN_REPORTS} reports or more; "
            f"weights below {smallest} left out."
        ),
        (
            f"# Nine in ten descriptions of {tenth:.0f} words or more (learned.MIN_WORDS), "
            f"half of {np.median(lengths):.0f} or more; one in ten of {ninth:.0f} or more."
        ),
        "# decision\tfeature\tweight",
    ]

    def written(label: str, intercept: float, weights: np.ndarray) -> None:
        lines.append(f"{label}\t{BIAS}\t{intercept:.4f}")
        order = sorted(range(len(names)), key=lambda i: (-abs(weights[i]), names[i]))
        lines.extend(
            f"{label}\t{names[i]}\t{weights[i]:.4f}" for i in order if abs(weights[i]) >= smallest
        )

    nothing = np.zeros(len(names))
    for label in [category.value for category in Category] + [IMMINENT]:
        target = np.array([label in found for found in targets])
        if target.all() or not target.any():  # (a small corpus): always, or never
            written(label, NEVER if not target.any() else -NEVER, nothing)
            continue
        model = LogisticRegression(C=regularisation, max_iter=5000).fit(matrix, target)
        written(label, model.intercept_[0], model.coef_[0])
    # The scope, one of four, and the victim's age, one of three: weighed together (multinomial).
    for choices in (sorted(SCOPES), sorted(MINOR)):
        target = np.array([next(c for c in choices if c in found) for found in targets])
        seen_choices = sorted(set(target))
        for label in choices:
            if label not in seen_choices:
                written(label, NEVER, nothing)
        if len(seen_choices) == 1:
            written(seen_choices[0], 0.0, nothing)
            continue
        model = LogisticRegression(C=regularisation, max_iter=5000).fit(matrix, target)
        if len(seen_choices) == 2:  # one row of weights: the second choice against the first
            written(str(model.classes_[0]), 0.0, nothing)
            written(str(model.classes_[1]), model.intercept_[0], model.coef_[0])
            continue
        for index, label in enumerate(model.classes_):
            written(str(label), model.intercept_[index], model.coef_[index])
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    parser.add_argument("--regularisation", type=float, default=REGULARISATION)
    parser.add_argument("--keep", type=float, default=SMALLEST_WEIGHT, help="smallest weight")
    args = parser.parse_args()
    text = "\n".join(train(training_files(), args.regularisation, args.keep)) + "\n"
    write_or_check(WEIGHTS_FILE, text, check=args.check, made_by="training")


def write_or_check(path: Path, text: str, *, check: bool, made_by: str) -> None:
    """Write `text` to `path`; or, with `check`, write nothing and exit 1 if the file differs."""
    if check:
        same = path.read_text(encoding="utf-8") == text
        print(f"{path.name}: {'up to date' if same else f'differs from {made_by} now'}")
        sys.exit(0 if same else 1)
    path.write_text(text, encoding="utf-8")
    print(f"{path.name}: {len(text.splitlines())} lines written")


if __name__ == "__main__":
    main()
