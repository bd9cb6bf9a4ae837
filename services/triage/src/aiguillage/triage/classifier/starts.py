"""What to do at a report's word, worked out once per word and per pair of words, and kept (speed,
not meaning).

`matching` reads a report once, word by word, and needs at each word every group that matches
from there, as the group's whole pattern would find it (its first term, in the group's order, that
matches). Only the terms whose first word can be this word can (`prefilter.first_word_keys`):

- a group whose terms that can start at the word are all one word long matches the word whole or
  not at all, whatever follows it: decided once per word (`Start`);
- a group with longer terms there is tested, by a pattern of those terms alone in the group's
  order, only when the report has what one of them needs after its first word
  (`prefilter.Need`): the next word (and, for some, the one after it), or a word anywhere in the
  report for a term with a gap ("va ... tuer"). Otherwise none of its longer terms can match,
  and its one-word terms decide as above. When every longer term of the group there needs
  something known, the group is tested term by term, in its order, leaving out the terms that do
  not find what they need (`TermAt`): a term that cannot match changes nothing of which term
  matches first; the engine tries fewer, and each term's pattern is compiled once for every word
  where it can start. (Except in a report whose words the keys do not tell exactly, see `Step`.)

What the next word allows is decided once per pair of words (`Step`): reading a report costs a
dictionary lookup per word, whatever the size of the vocabularies, and a regular expression runs
only where a term of several words finds its next words.
"""

import re
from collections.abc import Callable, Iterable, Mapping
from itertools import compress
from typing import NamedTuple

from aiguillage.triage.classifier.prefilter import Need, either, word_keys

# Words kept (see `WordTable`): enough for a language's words and a large share of its numbers.
MAX_KEPT_WORDS = 100_000
# Pairs of words kept (see `StepTable`), and resolutions of each (see `Step.resolve`).
MAX_KEPT_PAIRS = 200_000
MAX_KEPT_RESOLVED = 1_000

# A group to test at a word, with the patterns of its terms that can start there, to try in turn:
# the first that matches is the group's match (as an alternation of them would find it).
Test = tuple[str, tuple[re.Pattern[str], ...]]


class Alternative(NamedTuple):
    """One term of a group, compiled."""

    body: str  # its regular expression (see `vocab.compile_term`)
    keys: frozenset[str]  # the beginnings of its first word (`prefilter.first_word_keys`)
    # What it needs after its first word, by key of that word (`prefilter.needs_by_first_word`);
    # None: nothing that can be told.
    needs: Mapping[str, Need | None]
    one_word: bool  # no separator: it matches a report's word whole or not at all

    def need_at(self, word: str) -> Need | None:
        """What the term needs after `word`, when it starts there."""
        keys = word_keys(word) & self.keys
        if len(keys) == 1:  # (most words: what that key needs, as is)
            return self.needs[next(iter(keys))]
        return either(*[self.needs[key] for key in sorted(keys)])


class Cues(NamedTuple):
    """The keys that terms with a gap need somewhere in a report (see `Start`), as they are looked
    for: the words themselves ("tuer" for the key "tuer "), and a few beginnings ("0"…"9" for a
    number) with the space before them (" 0"), found in the text. A report's cues are these forms,
    not the keys: a word has no space, so a word and a spaced beginning are never confused, and
    the words found are a set intersection done in C, with no key to build per report."""

    words: frozenset[str]
    beginnings: tuple[str, ...]

    @classmethod
    def of(cls, keys: Iterable[str]) -> "Cues | None":
        ordered = sorted(keys)
        if not ordered:
            return None
        return cls(
            frozenset(key[:-1] for key in ordered if key.endswith(" ")),
            tuple(" " + key for key in ordered if not key.endswith(" ")),
        )

    def found_in(self, text: str, words: frozenset[str]) -> frozenset[str]:
        """Those of the cues that a report has (`text`: its words, spaced; `words`: the same)."""
        found = self.words & words
        if self.beginnings:
            spaced = [beginning for beginning in self.beginnings if beginning in text]
            if spaced:
                return found.union(spaced)
        return found


def cue_key(cue: str) -> str:
    """The key a cue stands for (see `Cues`): "tuer" → "tuer ", " 0" → "0"."""
    return cue[1:] if cue.startswith(" ") else cue + " "


class Seen(NamedTuple):
    """What a step knows of what follows its word, as keys: of the next word, of the word after
    it, and of the cues the report has (see `Cues`). Only the keys that some term at the word
    needs are kept; empty: not known, or none."""

    following: frozenset[str]
    third: frozenset[str]
    cues: frozenset[str]


_NOTHING_SEEN = Seen(frozenset(), frozenset(), frozenset())


class TermAt(NamedTuple):
    """A term of a tested group, at one word, with what it needs after the word to match there
    (a term with several words whose group is tested only when some term finds what it needs)."""

    body: str
    # None: a one-word term, always in the test (it matches the word, or a beginning of it).
    keys: frozenset[str] | None
    adjacent: bool  # `keys` of the next word; otherwise of a word past a gap (a cue)
    then: frozenset[str] | None  # the keys the word after the next must have (None: any)

    def can_match(self, seen: Seen) -> bool:
        if self.keys is None:
            return True
        if not self.adjacent:
            return not self.keys.isdisjoint(seen.cues)
        return not self.keys.isdisjoint(seen.following) and (
            self.then is None or not self.then.isdisjoint(seen.third)
        )


def pattern_source(bodies: Iterable[str]) -> str:
    """The pattern that tests terms at a word: the first of them that matches there."""
    return " (?:" + "|".join(bodies) + ")(?![a-z0-9])"


class Start:
    """What can start at one word, whatever follows it."""

    __slots__ = (
        "_always",
        "_by_cue",
        "_by_keys",
        "_by_next",
        "_next_keys",
        "_pattern",
        "_plain",
        "_term_patterns",
        "_terms",
        "_tests",
        "certain",
        "cues",
        "fallback",
    )

    def __init__(
        self,
        certain: tuple[str, ...],
        fallback: tuple[str, ...],
        always: tuple[str, ...],
        by_next: dict[str, tuple[tuple[str, Need | None], ...]],
        by_cue: dict[str, tuple[str, ...]],
        tests: dict[str, str],
        terms: dict[str, tuple[TermAt, ...]],
        pattern: Callable[[str], re.Pattern[str]],
    ) -> None:
        self.certain = certain  # groups that match the word whole, whatever follows
        self.fallback = fallback  # groups that match the word whole when they are not tested
        self._always = always  # groups tested here whatever follows
        # The keys of the next word that make these groups worth testing, with what they need
        # after it (None: nothing more).
        self._next_keys = frozenset(by_next)
        self._by_next = by_next
        self.cues = Cues.of(by_cue)  # keys of a word anywhere in the report that ...
        self._by_cue = by_cue  # ... make these groups worth testing
        self._tests = tests  # the source of each tested group's pattern
        # The terms of the groups tested only when one of their terms finds what it needs: a
        # step tests such a group term by term, leaving out those that cannot match there, as
        # what follows the word shows (see the module's docstring).
        self._terms = terms
        # Each of those groups' term patterns, in the same order (found on first use).
        self._term_patterns: dict[str, tuple[re.Pattern[str], ...]] = {}
        self._pattern = pattern  # compiles a source (once: words with the same test share it)
        # The step when the next word makes no group worth testing: the same for most next words.
        self._plain = self._step([], {}, _NOTHING_SEEN)
        self._by_keys: dict[frozenset[str], Step | None] = {}  # the others, by keys

    def tests(self, groups: Iterable[str], seen: Seen | None) -> tuple[Test, ...]:
        """The tests of these groups: of their terms that can match after what was `seen`, or,
        for a group tested whatever follows and when `seen` is None, of all their terms in one
        pattern."""
        return tuple([(group, self._group_patterns(group, seen)) for group in groups])

    def _group_patterns(self, group: str, seen: Seen | None) -> tuple[re.Pattern[str], ...]:
        terms = self._terms.get(group)
        if terms is None or seen is None:
            return (self._pattern(self._tests[group]),)
        patterns = self._term_patterns.get(group)
        if patterns is None:
            patterns = tuple([self._pattern(pattern_source([term.body])) for term in terms])
            self._term_patterns[group] = patterns
        return tuple(compress(patterns, [term.can_match(seen) for term in terms]))

    def compile(self) -> None:
        """Compile now the tests that steps use: of the groups tested whatever follows, and of
        each term of several words of the others (their one-word terms are rarely tested)."""
        for group in self._always:
            self._pattern(self._tests[group])
        for terms in self._terms.values():
            for term in terms:
                if term.keys is not None:
                    self._pattern(pattern_source([term.body]))

    def step(self, following: str) -> "Step | None":
        """What to do at this word when `following` comes next; None: nothing. (Next words with
        the same keys share their step: most share `_plain`.)"""
        keys = word_keys(following) & self._next_keys
        if not keys:
            return self._plain
        if keys in self._by_keys:
            return self._by_keys[keys]
        tested: list[str] = []
        by_third: dict[str, list[str]] = {}
        for key in sorted(keys):
            for group, then in self._by_next[key]:
                if then is None:
                    tested.append(group)
                else:
                    for third in then.keys:
                        by_third.setdefault(third, []).append(group)
        seen = Seen(keys, frozenset(), frozenset())
        found = self._by_keys[keys] = self._step(tested, by_third, seen)
        return found

    def _step(self, tested: list[str], by_third: dict[str, list[str]], seen: Seen) -> "Step | None":
        step = Step(self, [*self._always, *tested], by_third, self.cues, seen)
        return step if step.whole or step.tested or step.third or step.cues else None

    def tested_for(self, cues: frozenset[str]) -> list[str]:
        """The groups to test because the report has these cues (see `Cues`) that terms with a
        gap need, in the order of their keys."""
        return [group for key in sorted(map(cue_key, cues)) for group in self._by_cue[key]]


class Step:
    """What to do at a word, given the word after it: the groups that match the word `whole`, and
    those to test (`tested`). Some groups are worth testing only if the word after the next one
    has one of the keys `third`, or if the report has a word with one of the keys of `cues` (past
    a gap): `resolve` and `with_cues` give the step that says whether they are (until then their
    one-word terms count, as in `whole`).

    `tested` leaves out the terms that what follows the word rules out (`TermAt`); the keys tell
    that exactly unless a report has a word with "#" inside ("fille#x": a term's last word
    "fille" matches its beginning) or an empty word (which a separator skips). For such a report,
    `tested_every_term()` tests the same groups with all their terms, in one pattern each, as the
    shortcut always did (which of a group's terms matches first is then the pattern's to say)."""

    __slots__ = (
        "_by_cues",
        "_by_third",
        "_by_third_keys",
        "_by_third_word",
        "_every_term",
        "_seen",
        "_start",
        "_tested",
        "cues",
        "tested",
        "third",
        "whole",
    )

    def __init__(
        self,
        start: Start,
        tested: list[str],
        by_third: dict[str, list[str]],
        cues: Cues | None,
        seen: Seen,
    ) -> None:
        self._start = start
        self._seen = seen
        self._tested = list(dict.fromkeys(tested))
        self.whole = (*start.certain, *(g for g in start.fallback if g not in self._tested))
        self.tested = start.tests(self._tested, seen)
        self._every_term: tuple[Test, ...] | None = None
        self.third = frozenset(by_third)
        self._by_third = by_third
        self.cues = cues
        # The steps resolved so far, kept: by the word after the next one (and by its keys), and
        # by the cues.
        self._by_third_word: dict[str, Step] = {}
        self._by_third_keys: dict[frozenset[str], Step] = {}
        self._by_cues: dict[frozenset[str], Step] = {}

    def tested_every_term(self) -> tuple[Test, ...]:
        """`tested`, with all the terms of each group (see above): worked out on first use, as
        few reports need it."""
        if self._every_term is None:
            self._every_term = self._start.tests(self._tested, None)
        return self._every_term

    def resolve(self, third: str) -> "Step":
        """This step once the word after the next one is `third`. (Words with the same keys share
        their step: most share the one with no more tests.)"""
        found = self._by_third_word.get(third)
        if found is None:
            keys = word_keys(third) & self.third
            found = self._by_third_keys.get(keys)
            if found is None:
                more = [group for key in sorted(keys) for group in self._by_third[key]]
                seen = self._seen._replace(third=keys)
                found = Step(self._start, [*self._tested, *more], {}, self.cues, seen)
                self._by_third_keys[keys] = found
            if len(self._by_third_word) < MAX_KEPT_RESOLVED:
                self._by_third_word[third] = found
        return found

    def with_cues(self, cues: frozenset[str]) -> "Step":
        """This step (resolved as to the third word) in a report with these cues (see `Cues`),
        which its terms with a gap need."""
        found = self._by_cues.get(cues)
        if found is None:
            more = self._start.tested_for(cues)
            seen = self._seen._replace(cues=frozenset(map(cue_key, cues)))
            found = Step(self._start, [*self._tested, *more], {}, None, seen)
            if len(self._by_cues) < MAX_KEPT_RESOLVED:
                self._by_cues[cues] = found
        return found


class WordTable(dict[str, Start | None]):
    """Each word's `Start` (None: no term can start at the word, as at many), worked out on first
    sight and kept (up to MAX_KEPT_WORDS words)."""

    def __init__(
        self,
        alternatives: dict[str, tuple[Alternative, ...]],
        *,
        compiled: Mapping[str, re.Pattern[str]] | None = None,
    ) -> None:
        super().__init__()
        self._alternatives = alternatives
        # Each key's terms, by group and as positions in the group: a word's terms are found
        # without going through every term of its groups.
        by_key: dict[str, dict[str, list[int]]] = {}
        for name, group in alternatives.items():
            for index, alternative in enumerate(group):
                for key in alternative.keys:
                    by_key.setdefault(key, {}).setdefault(name, []).append(index)
        self._by_key = by_key
        # Patterns by source, starting with those compiled already (each term's, at load).
        self._compiled: dict[str, re.Pattern[str]] = dict(compiled or {})

    def __missing__(self, word: str) -> Start | None:
        # The terms that can start at this word, by group, in each group's order.
        terms: dict[str, set[int]] = {}
        for key in word_keys(word):
            for name, indices in self._by_key.get(key, {}).items():
                terms.setdefault(name, set()).update(indices)
        found = self._start(
            word,
            {
                name: [self._alternatives[name][i] for i in sorted(terms[name])]
                for name in sorted(terms)
            },
        )
        if len(self) < MAX_KEPT_WORDS:
            self[word] = found
        return found

    def pattern(self, source: str) -> re.Pattern[str]:
        """A pattern compiled on first use and kept: words with the same test share it."""
        found = self._compiled.get(source)
        if found is None:
            found = self._compiled[source] = re.compile(source)
        return found

    def warm_up(self, words: Iterable[str]) -> None:
        """Work out these words now, and compile their tests."""
        for word in words:
            start = self[word]
            if start is not None:
                start.compile()

    def _alone(self, alternative: Alternative, word: str, need: Need | None) -> bool:
        """Whether the term matches this word by itself (`need`: what it needs after it)."""
        if need is not None and not (alternative.one_word or need.alone):
            return False  # (most terms of several words: no pattern to compile)
        return self.pattern(alternative.body).fullmatch(word) is not None

    def _start(self, word: str, terms: dict[str, list[Alternative]]) -> Start | None:
        """What can start at `word`, given each group's terms that can (in the group's order)."""
        certain: list[str] = []
        fallback: list[str] = []
        always: list[str] = []
        by_next: dict[str, list[tuple[str, Need | None]]] = {}
        by_cue: dict[str, list[str]] = {}
        tests: dict[str, str] = {}
        filtered: dict[str, tuple[TermAt, ...]] = {}
        for name, here in terms.items():
            longer = [a for a in here if not a.one_word]
            whole = any(self._alone(a, word, a.need_at(word)) for a in here if a.one_word)
            if not longer:
                if whole:
                    certain.append(name)
                continue
            if whole:
                fallback.append(name)
            # The group's pattern restricted to these terms finds what the whole one finds here:
            # the others cannot start at this word.
            tests[name] = pattern_source(a.body for a in here)
            needs = [
                need
                for a in longer
                if (need := a.need_at(word)) is not None and not self._alone(a, word, need)
            ]
            if len(needs) < len(longer):
                always.append(name)  # a term that needs nothing known, or matches the word alone
                continue
            filtered[name] = tuple([_term_at(a, word) for a in here])
            for need in needs:
                for key in need.keys:
                    if need.adjacent:
                        listed = by_next.setdefault(key, [])
                        if (name, need.then) not in listed:
                            listed.append((name, need.then))
                    elif name not in by_cue.setdefault(key, []):
                        by_cue[key].append(name)
        if not (certain or fallback or tests):
            return None
        return Start(
            certain=tuple(certain),
            fallback=tuple(fallback),
            always=tuple(always),
            by_next={key: tuple(names) for key, names in by_next.items()},
            by_cue={key: tuple(names) for key, names in by_cue.items()},
            tests=tests,
            terms=filtered,
            pattern=self.pattern,
        )


def _term_at(alternative: Alternative, word: str) -> TermAt:
    """A term of a group tested at `word` only when one of its terms finds what it needs there
    (so each of its terms of several words needs something known)."""
    if alternative.one_word:
        return TermAt(alternative.body, None, adjacent=False, then=None)
    need = alternative.need_at(word)
    assert need is not None  # (see `WordTable._start`)
    then = need.then.keys if need.adjacent and need.then is not None else None
    return TermAt(alternative.body, need.keys, need.adjacent, then)


class StepTable(dict[tuple[str, str], Step | None]):
    """The `Step` of each pair of words (a word and the next), worked out on first sight and kept
    (up to MAX_KEPT_PAIRS pairs)."""

    def __init__(self, words: WordTable) -> None:
        super().__init__()
        self.words = words

    def __missing__(self, pair: tuple[str, str]) -> Step | None:
        start = self.words[pair[0]]
        found = None if start is None else start.step(pair[1])
        if len(self) < MAX_KEPT_PAIRS:
            self[pair] = found
        return found
