"""Finding a report's vocabulary matches once, with negation, for every finder to share.

Negation is local on purpose: a cue is negated when one of the few words before it, in the same
clause, is a negator ("il ne m'a PAS menacée", "AUCUNE menace", "NI insultée"). A clause ends at a
sentence end, a comma, or a word such as "mais". Looking further back would let "je sais pas quoi
faire, il va me tuer" cancel the threat.
"""

from dataclasses import dataclass, field
from functools import cached_property

from aiguillage.triage.classifier.prefilter import text_index
from aiguillage.triage.classifier.text import SENTENCE_MARK
from aiguillage.triage.classifier.vocab import Vocabulary

NEGATION_WINDOW = 3


@dataclass(frozen=True)
class Match:
    group: str
    start: int
    end: int
    text: str
    sentence: int
    negated: bool

    @property
    def signal(self) -> str:
        quoted = self.text.replace(" , ", ", ").strip()
        return f'text:"{quoted}"' + (" (negated)" if self.negated else "")


@dataclass
class Evidence:
    """One report's normalised text and, lazily, each group's matches."""

    vocabulary: Vocabulary
    raw: str
    text: str = field(init=False)
    _cache: dict[str, tuple[Match, ...]] = field(init=False, default_factory=dict)
    _found: dict[tuple[str, tuple[str, ...]], tuple[Match, ...]] = field(
        init=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        self.text = self.vocabulary.normalise(self.raw)
        self._index = text_index(self.text)
        self._keys = frozenset(self._index)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        starts = [0]
        index = self.text.find(SENTENCE_MARK)
        while index != -1:
            starts.append(index)
            index = self.text.find(SENTENCE_MARK, index + 1)
        return starts

    def _sentence_of(self, position: int) -> int:
        starts = self._sentence_starts
        low, high = 0, len(starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if starts[middle] <= position:
                low = middle
            else:
                high = middle - 1
        return low

    def _is_negated(self, start: int) -> bool:
        before = self.text[max(0, start - 80) : start].split()
        for word in reversed(before[-NEGATION_WINDOW:]):
            if word in (SENTENCE_MARK, ",") or word in self.vocabulary.clause_breaks:
                return False
            if word in self.vocabulary.negators:
                return True
        return False

    def all(self, group: str) -> tuple[Match, ...]:
        """Every match of `group`, negated ones included (their signal says so)."""
        found = self._cache.get(group)
        if found is None:
            keys = self.vocabulary.group_keys[group]
            if keys is not None and keys.isdisjoint(self._keys):
                self._cache[group] = ()
                return ()
            found = tuple(
                Match(
                    group=group,
                    start=start,
                    end=end,
                    text=self.text[start:end],
                    sentence=self._sentence_of(start),
                    negated=self._is_negated(start),
                )
                for start, end in self._spans(group)
            )
            self._cache[group] = found
        return found

    def _spans(self, group: str) -> list[tuple[int, int]]:
        """Where `group` matches, leftmost first and without overlaps (as `finditer`), trying only
        the word starts its first words allow when those are known."""
        pattern = self.vocabulary.groups[group]
        # Patterns start with the space before the word; the match proper starts after it.
        starts = self.vocabulary.group_start_keys[group]
        if starts is None:
            return [(m.start() + 1, m.end()) for m in pattern.finditer(self.text)]
        candidates = sorted({p for key in starts & self._keys for p in self._index[key]})
        spans: list[tuple[int, int]] = []
        last_end = 0
        for position in candidates:
            if position < last_end:
                continue
            match = pattern.match(self.text, position - 1)
            if match is not None:
                spans.append((position, match.end()))
                last_end = match.end()
        return spans

    def find(self, group: str, *, hidden_by: tuple[str, ...] = ()) -> tuple[Match, ...]:
        """The affirmed matches of `group`, minus those overlapping a match of a `hidden_by` group
        (an innocent phrase such as "mort de rire" hides the "mort" in it)."""
        key = (group, hidden_by)
        cached = self._found.get(key)
        if cached is not None:
            return cached
        matches = [m for m in self.all(group) if not m.negated]
        for innocent_group in hidden_by:
            if not matches:
                break
            innocent = self.all(innocent_group)
            matches = [m for m in matches if not any(_overlap(m, i) for i in innocent)]
        result = self._found[key] = tuple(matches)
        return result

    def has(self, group: str, *, hidden_by: tuple[str, ...] = ()) -> bool:
        return bool(self.find(group, hidden_by=hidden_by))

    def signals(self, group: str, *, hidden_by: tuple[str, ...] = (), limit: int = 3) -> list[str]:
        return [m.signal for m in self.find(group, hidden_by=hidden_by)[:limit]]


def _overlap(a: Match, b: Match) -> bool:
    return a.start < b.end and b.start < a.end
