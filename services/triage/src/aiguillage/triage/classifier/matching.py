"""Finding a report's vocabulary matches once, with negation, for every finder to share.

Negation is local on purpose: a cue is negated when one of the few words before it, in the same
clause, is a negator ("il ne m'a PAS menacée", "AUCUNE menace", "NI insultée"). A clause ends at a
sentence end, a comma, or a word such as "mais". Looking further back would let "je sais pas quoi
faire, il va me tuer" cancel the threat. A negator that follows a condition ("SI je ne paie PAS
500 euros", "IF you don't pay") states a demand, not a denial, and negates nothing. Spoken French
drops the "ne" and puts the "pas" after a verb: "elle m'insulte PAS" (`Evidence._denied_after`).
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import partial
from itertools import accumulate, compress, count
from operator import add
from typing import NamedTuple

from aiguillage.triage.classifier.text import SENTENCE_MARK, positions
from aiguillage.triage.classifier.vocab import NegationRole, Vocabulary

NEGATION_WINDOW = 3
# "ni menacée ni insultée", "aucun propos raciste ou antisémite": a coordinator carries the negation
# of the first term over to the next one, this many words further back.
COORDINATION_REACH = 3


class Match(NamedTuple):
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
    """One report's normalised text and every group's matches, found in one pass over its words.

    At each word, only the groups that can match from there are tested (see starts.py); groups
    that can start anywhere are scanned whole. A group matches leftmost first and without
    overlaps, as `re.finditer` would. `present` is the set of groups with any match (negated ones
    included), which lets the rules skip at once what cannot apply.
    """

    vocabulary: Vocabulary
    raw: str
    text: str = field(init=False)
    # Tokens with a misspelt word read as another (see `typos`): as written, as read.
    misspellings: dict[str, str] = field(init=False)
    present: frozenset[str] = field(init=False)
    _spans: dict[str, list[tuple[int, int]]] = field(init=False)
    _words: list[str] = field(init=False)
    _ends: list[int] = field(init=False)
    _sentence_starts: list[int] = field(init=False)
    _cache: dict[str, tuple[Match, ...]] = field(init=False, default_factory=dict)
    _found: dict[tuple[str, tuple[str, ...]], tuple[Match, ...]] = field(
        init=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        vocabulary = self.vocabulary
        text, self.misspellings = vocabulary.read(self.raw)
        self.text = text
        words = self._words = text[1:-1].split(" ")
        # Where each word ends: the text is its words, each after one space (" a b "), so word
        # `i` ends after the words and spaces before it (2 and 4 here). The word at a position is
        # then found by bisection, rather than by counting the spaces before it.
        self._ends = list(map(add, accumulate(map(len, words)), count(1)))
        spans = self._scan(text, words)
        for group in vocabulary.scanned_groups:
            whole = [(m.start() + 1, m.end()) for m in vocabulary.groups[group].finditer(text)]
            if whole:
                spans[group] = whole
        self._spans = spans
        self.present = frozenset(spans)
        self._sentence_starts = _sentence_starts(text)

    @property
    def words(self) -> list[str]:
        """The normalised description's words, in order."""
        return self._words

    @property
    def word_count(self) -> int:
        """How many words the description has, once normalised."""
        return len(self._words)

    def _scan(self, text: str, words: list[str]) -> dict[str, list[tuple[int, int]]]:
        """Each group's spans, leftmost first and without overlaps, in one pass over the words
        (see starts.py for what is done at each word)."""
        table = self.vocabulary.steps
        ends = self._ends
        after = _next_positions(words)
        padded = [*words, ""]
        # Looked up in C for every word; most pairs need nothing (None).
        pairs = zip(words, map(padded.__getitem__, after), strict=False)  # (`after` is longer)
        steps = list(map(table.__getitem__, pairs))
        distinct: frozenset[str] | None = None  # the report's words, for terms with a gap
        spans: dict[str, list[tuple[int, int]]] = {}
        exact = _keys_are_exact(text)
        for index in compress(range(len(words)), steps):
            step = steps[index]
            assert step is not None  # (compress kept only these)
            if step.third:  # more tests if the word after the next one has what they need
                step = step.resolve(padded[after[after[index]]])
            if step.cues is not None:  # more tests if the report has a word that a gap needs
                if distinct is None:
                    distinct = frozenset(words)
                found = step.cues.found_in(text, distinct)
                if found:
                    step = step.with_cues(found)
            end = ends[index]
            here = end - len(words[index])
            for group in step.whole:
                _add(spans, group, here, end)
            for group, patterns in step.tested if exact else step.tested_every_term():
                for pattern in patterns:  # (the first that matches is the group's match)
                    match = pattern.match(text, here - 1)
                    if match is not None:
                        _add(spans, group, here, match.end())
                        break
        return spans

    def _sentence_of(self, position: int) -> int:
        return bisect_right(self._sentence_starts, position) - 1

    def _negated_before(self, at: int, low: int) -> bool:
        """Whether a negator among the words from `low` to the one before word `at`, in its
        clause, negates the term at `at`."""
        words = self._words
        vocabulary = self.vocabulary
        roles = vocabulary.negation_roles
        index = at - 1
        while index >= low:
            role = roles.get(words[index])
            if role is None:  # most words (tested first: each enum member lookup below costs)
                index -= 1
                continue
            if role is NegationRole.CLAUSE_END:
                return False
            if role is NegationRole.NEGATOR:
                if words[index + 1] in vocabulary.new_verbs and words[index] not in _NE:
                    # "un type que je connais pas a mis « baleine »": "pas" ends its own verb.
                    return False
                # "si je ne paie pas 500 euros", "if you do not pay": a condition, not a denial.
                return vocabulary.conditionals.isdisjoint(words[max(0, index - 5) : index])
            if role is NegationRole.COORDINATOR:
                # "aucun caractère raciste OU antisémite": the negation reaches the next word.
                low = max(low - COORDINATION_REACH, 0)
            index -= 1
        return False

    def _denied_after(self, at: int, end: int) -> bool:
        """Spoken French drops the "ne": "elle m'insulte pas", "il me menace jamais". A verb of
        one word (at word `at`, ending at `end`) after an object pronoun (the caller's to check),
        then "pas" or "jamais", is denied ("pas mal", "pas que" are not denials)."""
        words = self._words
        vocabulary = self.vocabulary
        after = bisect_left(self._ends, end) + 1
        if (
            after != at + 1
            or after >= len(words)
            or words[after] not in vocabulary.after_verb_negators
        ):
            return False
        return after + 1 >= len(words) or words[after + 1] not in vocabulary.not_denials

    def all(self, group: str) -> tuple[Match, ...]:
        """Every match of `group`, negated ones included (their signal says so)."""
        found = self._cache.get(group)
        if found is None:
            spans = self._spans.get(group)
            found = () if spans is None else self._matches(group, spans)
            self._cache[group] = found
        return found

    def _matches(self, group: str, spans: list[tuple[int, int]]) -> tuple[Match, ...]:
        """The matches of `group` at `spans`, each negated by a negator before it in its clause
        (`_negated_before`) or by spoken French's negator after its verb (`_denied_after`)."""
        text = self.text
        words = self._words
        ends = self._ends
        marks = self._sentence_starts
        vocabulary = self.vocabulary
        # Most matches have no word with a role for negation among the few before them, and no
        # object pronoun just before: each is one test in C, and the tests a word are made only
        # where one is found. (A coordinator, which reaches further back, has a role itself.)
        no_role_in = vocabulary.negation_roles.keys().isdisjoint
        pronouns = vocabulary.object_pronouns
        found = []
        for start, end in spans:
            at = bisect_left(ends, start)  # the index of the word at `start`
            low = max(at - NEGATION_WINDOW, 0)
            negated = (
                (not no_role_in(words[low:at]) and self._negated_before(at, low))
                or (at > 0 and words[at - 1] in pronouns and self._denied_after(at, end))
                # The pronoun inside the term ("il ME FRAPPE pas": the term is "me frappe").
                or (words[at] in pronouns and self._denied_after(at + 1, end))
            )
            sentence = bisect_right(marks, start) - 1
            found.append(_match((group, start, end, text[start:end], sentence, negated)))
        return tuple(found)

    def find(self, group: str, *, hidden_by: tuple[str, ...] = ()) -> tuple[Match, ...]:
        """The affirmed matches of `group`, minus those overlapping a match of a `hidden_by` group
        (an innocent phrase such as "mort de rire" hides the "mort" in it)."""
        if group not in self.present:
            return ()
        key = (group, hidden_by)
        cached = self._found.get(key)
        if cached is not None:
            return cached
        matches = [m for m in self.all(group) if not m.negated]
        for innocent_group in hidden_by:
            if not matches:
                break
            if innocent_group in self.present:  # (most innocent groups have no match)
                innocent = self.all(innocent_group)
                matches = [m for m in matches if not any(_overlap(m, i) for i in innocent)]
        result = self._found[key] = tuple(matches)
        return result

    # `has` and `signals` test the group first: most of their calls are about a group with no match,
    # and then they need neither `find` nor a list of matches.

    def has(self, group: str, *, hidden_by: tuple[str, ...] = ()) -> bool:
        return group in self.present and bool(self.find(group, hidden_by=hidden_by))

    def signals(self, group: str, *, hidden_by: tuple[str, ...] = (), limit: int = 3) -> list[str]:
        if group not in self.present:
            return []
        return [m.signal for m in self.find(group, hidden_by=hidden_by)[:limit]]


# "ne" comes before the verb it negates ("il n'a menacé personne"), so a verb after it is its own;
# after an English negator, "a" is an article ("it is not a threat"), not the French verb.
_NE = frozenset({"ne", "n", "not", "no", "never"})

# A match built from its fields' tuple in C (`Match(...)` runs a function written in Python).
_match = partial(tuple.__new__, Match)


def _overlap(a: Match, b: Match) -> bool:
    return a.start < b.end and b.start < a.end


def _sentence_starts(text: str) -> list[int]:
    """Where each sentence starts. (Worked out with the text: nearly every report needs it, and a
    cached property would take a lock each time.)"""
    starts = [0]
    index = text.find(SENTENCE_MARK)
    while index != -1:
        starts.append(index)
        index = text.find(SENTENCE_MARK, index + 1)
    return starts


# "#" right after a character of a word (the sentence mark is a word of its own, " # ").
_HASH_IN_WORD = re.compile(r"#(?<=[^ ]#)")


def _keys_are_exact(text: str) -> bool:
    """Whether a report's words are each matched whole by a term's word, as their keys say (see
    `starts.Step`): not when a word has "#" inside, where a term's last word can match the part
    before it, nor when a word is empty (two spaces), which a term's separator skips."""
    return "  " not in text and _HASH_IN_WORD.search(text) is None


def _next_positions(words: list[str]) -> list[int]:
    """The position of the word after each word, as a term's separator reads it: past commas
    ("a , b"). The end of the text is one past the last word, and its own next position."""
    after = [*range(1, len(words) + 1), len(words)]
    # Only the word before a comma changes: it takes the comma's next position (so, for a run of
    # commas, the last one's), worked out from the last comma back.
    for comma in reversed(positions(words, ",")):
        if comma:
            after[comma - 1] = after[comma]
    return after


def _add(spans: dict[str, list[tuple[int, int]]], group: str, start: int, end: int) -> None:
    """A match of `group`, unless it overlaps the previous one (as `re.finditer` skips it)."""
    found = spans.get(group)
    if found is None:
        spans[group] = [(start, end)]
    elif start >= found[-1][1]:
        found.append((start, end))
