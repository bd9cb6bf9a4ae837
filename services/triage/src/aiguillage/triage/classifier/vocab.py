"""Loading the domain expert's vocabularies (TOML files next to this module), compiled once.

A term is written in plain words; `text.normalise` is applied to it as to the reports, so accents
and apostrophes do not matter. The small syntax (documented in docs/vocabularies.md):

- `menac*`: any word starting with "menac";
- `va ... tuer`: "va", then up to four words, then "tuer" (in the same sentence);
- `(ma|mon) fille`: alternatives; `?` makes the previous letter or group optional;
- `<n>`: a number; `{FUTUR}`: a macro defined in common.toml.
"""

import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cache, cached_property
from importlib import resources
from typing import Any, NamedTuple

from aiguillage.shared.vocabulary import Category
from aiguillage.triage.classifier.prefilter import (
    Need,
    either,
    first_word_keys,
    needs_by_first_word,
)
from aiguillage.triage.classifier.starts import Alternative, StepTable, WordTable, pattern_source
from aiguillage.triage.classifier.text import (
    SENTENCE_MARK,
    Spelling,
    normalise,
    spelled_text,
    strip_accents,
    tokens,
)
from aiguillage.triage.classifier.typos import KNOWN_WORDS_FILE, Corrector, read_known_words

_GAP = r"(?:[ ,]+[a-z0-9]++){0,4}[ ,]+"
_SEP = r"[ ,]+"
_SEP_MARK = "[ ,]"  # in a compiled term: a word separator (the term spans several words)
# Regular-expression characters that are not term syntax (docs/vocabularies.md): a load error.
_NOT_TERM_SYNTAX = frozenset("[]{}+\\^$.")
# A term's words, and the beginnings it reads ("youtre*").
_TERM_WORD = re.compile(r"[a-z]+\*?(?![a-z])")
_MACRO = re.compile(r"\{([A-Z_]+)\}")
_RULE_KEYS = {"when", "weight", "because", "unless", "same_sentence", "per_match", "max"}


class VocabularyError(ValueError):
    """A vocabulary file is malformed: the message names the file and the entry."""


@dataclass(frozen=True)
class Rule:
    """One line of evidence for a category: all `when` groups match (and none of `unless`)."""

    when: tuple[str, ...]
    weight: float
    because: str
    unless: tuple[str, ...] = ()
    same_sentence: bool = False
    per_match: bool = False
    max: float = 1.0

    @cached_property
    def needs(self) -> frozenset[str]:
        """The vocabulary groups that must all match (facts such as `@victim_minor` aside)."""
        return frozenset(g for g in self.when if not g.startswith("@"))

    @cached_property
    def fact_signals(self) -> tuple[str, ...]:
        """The signals of the facts that must hold ("@victim_minor" → "fact:victim_minor")."""
        return tuple(f"fact:{g[1:]}" for g in self.when if g.startswith("@"))


@dataclass(frozen=True)
class CategorySpec:
    category: Category
    label: str
    threshold: float
    rules: tuple[Rule, ...]
    innocent: str | None  # name of the group whose matches hide this category's cues


class NegationRole(Enum):
    """What a word does to the negation of a term after it (see `matching`)."""

    CLAUSE_END = "clause end"  # ",", a sentence end, "mais": nothing before it counts
    NEGATOR = "negator"  # "pas", "jamais", "aucun"
    COORDINATOR = "coordinator"  # "ou", "nor": a negation further back reaches past it


class _IndexedRule(NamedTuple):
    """A rule, with its position among all the vocabularies' rules and its category's."""

    position: int
    spec_index: int
    rule: Rule


# Coordinators carry a negation over the next term; sentence marks and commas end a clause.
_COORDINATORS = ("ou", "or", "nor")
_CLAUSE_ENDS = (SENTENCE_MARK, ",")


class GroupPatterns(Mapping[str, re.Pattern[str]]):
    """Each group's whole pattern (its terms in order, as one regular expression), compiled on
    first use. The word pass (starts.py) needs only the scanned groups' (none in the shipped
    vocabularies), and tests compare the word pass with the others: compiling them all made
    two fifths of the time it takes to load the vocabularies. (Each term is compiled at load
    anyway, which is where a term that does not compile is found.)"""

    def __init__(self, bodies: dict[str, tuple[str, ...]]) -> None:
        self._bodies = bodies
        self._compiled: dict[str, re.Pattern[str]] = {}

    def __getitem__(self, name: str) -> re.Pattern[str]:
        found = self._compiled.get(name)
        if found is None:
            found = self._compiled[name] = _group_pattern(self._bodies[name])
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._bodies)

    def __len__(self) -> int:
        return len(self._bodies)


@dataclass(frozen=True)
class Vocabulary:
    groups: GroupPatterns
    categories: tuple[CategorySpec, ...]
    # For the single pass over a report's words (see matching.py and starts.py): each group's
    # terms in order, with the beginnings their first word can have and what they need after it;
    # groups with a term whose first word can begin with anything are scanned whole instead.
    alternatives: dict[str, tuple[Alternative, ...]]
    scanned_groups: tuple[str, ...]
    settings: dict[str, Any]
    negators: frozenset[str]
    clause_breaks: frozenset[str]
    words: dict[str, str] = field(default_factory=dict)
    phrases: dict[str, str] = field(default_factory=dict)
    # Offensive words that reporters write with stars ("p*te"), most common first.
    censored: tuple[str, ...] = ()
    # Each term's pattern as the word pass tests it (`starts.pattern_source`), compiled at load.
    term_patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)
    # "si je ne paie pas": a negator right after one of these is a condition, not a denial.
    conditionals: frozenset[str] = frozenset()
    # "un type que je connais PAS A mis « baleine »": a negator right before one of these negates
    # the verb before it, not what follows (see `matching`).
    new_verbs: frozenset[str] = frozenset()
    # "elle m'insulte PAS": spoken French's negator after a verb that follows one of these object
    # pronouns, unless one of `not_denials` comes next ("pas mal") (see `matching`).
    object_pronouns: frozenset[str] = frozenset()
    after_verb_negators: frozenset[str] = frozenset()
    not_denials: frozenset[str] = frozenset()
    # The words the terms are written with, and their beginnings ("youtre*"): never read as a
    # misspelling of another word (see `typos`).
    term_words: frozenset[str] = frozenset()

    @cached_property
    def _rules_by_group(self) -> dict[str, tuple[_IndexedRule, ...]]:
        """Each rule that needs groups, under the first one it names: a rule applies only where
        all its groups match, so it is found through any one of them, and once."""
        found: dict[str, list[_IndexedRule]] = {}
        for entry in self._indexed_rules:
            if entry.rule.needs:
                first = next(g for g in entry.rule.when if g in entry.rule.needs)
                found.setdefault(first, []).append(entry)
        return {group: tuple(rules) for group, rules in found.items()}

    @cached_property
    def _rules_without_group(self) -> tuple[_IndexedRule, ...]:
        """The rules that need no group (facts only): they can apply to any report."""
        return tuple(entry for entry in self._indexed_rules if not entry.rule.needs)

    @cached_property
    def _indexed_rules(self) -> tuple[_IndexedRule, ...]:
        rules = [(index, rule) for index, spec in enumerate(self.categories) for rule in spec.rules]
        return tuple(
            _IndexedRule(position, spec_index, rule)
            for position, (spec_index, rule) in enumerate(rules)
        )

    def applicable_rules(self, present: frozenset[str]) -> list[tuple[CategorySpec, list[Rule]]]:
        """The rules whose groups all match in a report (`present`: its groups with a match), by
        category, each in the vocabulary's order; categories with none are left out (a category
        scores only by its rules, and its threshold is above 0). Found from the report's few
        groups through an index, rather than by testing every rule of every category."""
        found = list(self._rules_without_group)
        by_group = self._rules_by_group
        for group in present:
            rules = by_group.get(group)
            if rules is not None:
                found += [entry for entry in rules if entry.rule.needs <= present]
        found.sort()  # (by position: no two entries are equal)
        applicable: dict[int, list[Rule]] = {}
        for _, spec_index, rule in found:
            applicable.setdefault(spec_index, []).append(rule)
        return [(self.categories[index], rules) for index, rules in applicable.items()]

    @cached_property
    def starts(self) -> WordTable:
        """What can start at each word of a report (see starts.py)."""
        return WordTable(self.alternatives, compiled=self.term_patterns)

    @cached_property
    def steps(self) -> StepTable:
        """What to do at each word of a report, given the next (see starts.py)."""
        return StepTable(self.starts)

    def warm_up(self) -> None:
        """Work out now the words that terms start with, written in full: the most common in
        reports (services call this at start-up so that no report pays for it; a one-off command
        need not). Other words are worked out on first sight."""
        self.normalise("")  # reads the known words (`typos`)
        self.starts.warm_up(
            sorted(
                {
                    key[:-1]
                    for group in self.alternatives.values()
                    for alternative in group
                    for key in alternative.keys
                    if key.endswith(" ")
                }
            )
        )

    @cached_property
    def negation_roles(self) -> dict[str, NegationRole]:
        """Each word's role for negation, in one lookup (a clause end wins over a negator, a
        negator over a coordinator)."""
        roles = dict.fromkeys(_COORDINATORS, NegationRole.COORDINATOR)
        roles.update(dict.fromkeys(self.negators, NegationRole.NEGATOR))
        roles.update(dict.fromkeys(self.clause_breaks, NegationRole.CLAUSE_END))
        roles.update(dict.fromkeys(_CLAUSE_ENDS, NegationRole.CLAUSE_END))
        return roles

    @cached_property
    def _phrase_pattern(self) -> re.Pattern[str] | None:
        if not self.phrases:
            return None
        ordered = sorted(self.phrases, key=len, reverse=True)
        # Grouped by first word ("ma (?:dit|appele|…)"): at a word only its own phrases are tried,
        # longest first as before (a phrase ends at a space, so only one first word can match).
        by_first: dict[str, list[str]] = {}
        for phrase in ordered:
            first, _, rest = phrase.partition(" ")
            by_first.setdefault(first, []).append(rest)
        # Then by the first word's first letter ("a(?:rrete(?:…)|…)|c(?:…)"): the engine tries
        # the alternatives in turn, so at each word it tries a few letters rather than every
        # first word. (Only one first word can match at a word, so the order between first words
        # of different letters does not matter; within a letter it is kept.)
        by_letter: dict[str, list[str]] = {}
        for first, rests in by_first.items():
            tails = [re.escape(" " + rest) if rest else "" for rest in rests]
            by_letter.setdefault(first[0], []).append(
                re.escape(first[1:]) + "(?:" + "|".join(tails) + ")"
            )
        parts = [
            re.escape(letter) + "(?:" + "|".join(words) + ")" for letter, words in by_letter.items()
        ]
        # A leading literal space (kept in the replacement) lets the engine skip to word starts.
        return re.compile(r" (?:" + "|".join(parts) + r")(?= )")

    @cached_property
    def _spelling(self) -> Spelling:
        known = read_known_words(KNOWN_WORDS_FILE)
        words = self.term_words | self.words.keys() | set(self.censored)
        return Spelling(self.words, Corrector(known, words), self.censored)

    def normalise(self, text: str) -> str:
        return normalise(text, self._spelling, self.phrases, self._phrase_pattern)

    def read(self, text: str) -> tuple[str, dict[str, str]]:
        """`normalise`, and the tokens with a misspelt word read as another (see `typos`), as
        written and as read ("menacce": "menace")."""
        spelling = self._spelling
        found = tokens(text)
        normalised = spelled_text(found, spelling, self.phrases, self._phrase_pattern)
        return normalised, spelling.misread(found)


def expand_macros(term: str, macros: dict[str, str]) -> str:
    def expand(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in macros:
            raise VocabularyError(f"unknown macro {{{name}}} in term {term!r}")
        return f"({macros[name]})"

    return strip_accents(_MACRO.sub(expand, term)).strip()


# A word of a term once its macros are expanded, not `<n>`'s "n", not a beginning ("pic*").
_TERM_TOKEN = re.compile(r"(?<![a-z0-9<])[a-z0-9]+(?![a-z0-9*>])")


class TermReading:
    """How a term is read, as a report is (`text.normalise`): spelling.toml's words, then its
    phrases. A report never holds "pics" (read "photos") nor "can't go on" (read "can not go on"),
    so a term written with them would never match: "dick pics?" is read "dick photos?"."""

    def __init__(self, words: Mapping[str, str], phrases: Mapping[str, str]) -> None:
        self._words = words
        self._phrases = phrases
        longest_first = sorted(phrases, key=len, reverse=True)
        self._phrase = (
            re.compile(
                r"(?<![a-z0-9<*])(?:" + "|".join(map(re.escape, longest_first)) + r")(?![a-z0-9*>])"
            )
            if phrases
            else None
        )

    def __call__(self, term: str) -> str:
        """`term`, its macros expanded (`expand_macros`), as reports read its words."""
        words = self._words
        spelled = _TERM_TOKEN.sub(lambda m: words.get(m.group(0), m.group(0)), term)
        if self._phrase is None:
            return spelled
        phrases = self._phrases
        return self._phrase.sub(lambda m: phrases[m.group(0)], spelled)


def _group_pattern(bodies: Iterable[str]) -> re.Pattern[str]:
    # Every word of a normalised text follows a space: a leading literal space marks the word
    # start and lets the regex engine skip quickly to candidate positions.
    return re.compile(r" (?:" + "|".join(bodies) + r")(?![a-z0-9])")


class _Term(NamedTuple):
    """A compiled term before the group is split into scanned and word-by-word groups."""

    body: str
    keys: frozenset[str] | None  # None: its first word can begin with anything
    needs: dict[str, Need | None]  # by key of its first word


def _alternatives(terms: list[str]) -> tuple[_Term, ...]:
    """The group's regular expressions, longest first (so that the reported signal is the most
    specific phrase), each with the beginnings of its first word and what it needs after it.
    `terms` are read already (macros expanded, `TermReading`). Terms that compile alike share
    one: what is known of each holds for both."""
    found: dict[str, _Term] = {}
    for term in terms:
        compiled = _Term(_compiled_term(term), first_word_keys(term), needs_by_first_word(term))
        previous = found.get(compiled.body)
        if previous is not None:
            compiled = _Term(
                compiled.body,
                _either(previous.keys, compiled.keys),
                {
                    key: either(*[n[key] for n in (previous.needs, compiled.needs) if key in n])
                    for key in previous.needs.keys() | compiled.needs.keys()
                },
            )
        found[compiled.body] = compiled
    return tuple(found[body] for body in sorted(found, key=len, reverse=True))


def _either(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    return None if a is None or b is None else a | b


def compile_term(term: str, macros: dict[str, str]) -> str:
    """The regular expression for one term (see the module docstring for the syntax)."""
    return _compiled_term(expand_macros(term, macros))


def _compiled_term(term: str) -> str:
    """`compile_term` of a term whose macros are expanded."""
    out: list[str] = []
    i = 0
    while i < len(term):
        if term.startswith(" ... ", i):
            out.append(_GAP)
            i += 5
            continue
        if term.startswith("<n>", i):
            out.append("[0-9]+")
            i += 3
            continue
        char = term[i]
        if char.isalnum():
            out.append(char)
        elif char == "*":
            out.append("[a-z0-9]*")
        elif char == "(":
            out.append("(?:")
        elif char == "?" and out and out[-1] == _SEP:
            out[-1] = "[ ,]*"  # "(la|le)? ?publie": the separator is optional with the word
        elif char in ")|?":
            out.append(char)
        elif char == "#":
            out.append("#")
        elif char in _NOT_TERM_SYNTAX:
            # Regular-expression syntax would otherwise become a word separator and the term
            # would silently never match ("licen[cs]es" once did).
            raise VocabularyError(f"term {term!r}: {char!r} is not term syntax")
        elif not out or out[-1] != _SEP:
            out.append(_SEP)  # spaces, apostrophes, hyphens: any separation between words
        i += 1
    body = "".join(_optional_ending(out)).strip()
    if not body:
        raise VocabularyError(f"empty term {term!r}")
    return body


def _optional_ending(out: list[str]) -> list[str]:
    """A term that ends with an optional word ("faux support (technique|microsoft)?") matches
    without it too: the separator before that word is optional with it. (Otherwise the term
    would match without the word only before a comma or a sentence end.)"""
    if len(out) < 3 or out[-1] != "?" or out[-2] != ")":
        return out
    depth = 0
    for index in range(len(out) - 2, -1, -1):
        if out[index] == ")":
            depth += 1
        elif out[index] == "(?:":
            depth -= 1
            if depth == 0:
                break
    if index == 0 or out[index - 1] != _SEP:
        return out
    return [*out[: index - 1], "(?:", _SEP, *out[index:-1], ")", "?"]


def _compile_group(
    name: str,
    terms: list[str],
    source: str,
    compiled: dict[str, re.Pattern[str]],
) -> tuple[_Term, ...]:
    """The group's terms, each one's pattern compiled into `compiled` (by its source)."""
    alternatives = _alternatives(terms)
    for term in alternatives:
        pattern = pattern_source([term.body])
        if pattern not in compiled:
            try:
                compiled[pattern] = re.compile(pattern)
            except re.error as exc:
                raise VocabularyError(
                    f"{source}: group {name!r} does not compile ({term.body!r}): {exc}"
                ) from exc
    return alternatives


def _read_files() -> dict[str, dict[str, Any]]:
    folder = resources.files("aiguillage.triage.classifier") / "vocabularies"
    files: dict[str, dict[str, Any]] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            try:
                files[entry.name] = tomllib.loads(entry.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise VocabularyError(f"{entry.name}: {exc}") from exc
    return files


def _rules(source: str, raw: list[dict[str, Any]], known: set[str]) -> tuple[Rule, ...]:
    rules = []
    for index, item in enumerate(raw, start=1):
        unknown_keys = set(item) - _RULE_KEYS
        if unknown_keys or "when" not in item or "because" not in item:
            raise VocabularyError(
                f"{source}: rule {index} needs when/because (unknown: {unknown_keys})"
            )
        rule = Rule(
            when=tuple(item["when"]),
            weight=float(item.get("weight", 1.0)),
            because=item["because"],
            unless=tuple(item.get("unless", ())),
            same_sentence=bool(item.get("same_sentence", False)),
            per_match=bool(item.get("per_match", False)),
            max=float(item.get("max", 1.0)),
        )
        missing = [
            g for g in (*rule.when, *rule.unless) if g not in known and not g.startswith("@")
        ]
        if missing:
            raise VocabularyError(f"{source}: rule {index} names unknown groups {missing}")
        rules.append(rule)
    return tuple(rules)


@cache
def load_vocabulary() -> Vocabulary:
    """Every vocabulary file, compiled; cached so that the files are read once per process."""
    files = _read_files()
    common = files.get("common.toml", {})
    sms = files.get("spelling.toml", {})
    spellings = {strip_accents(k): strip_accents(v) for k, v in sms.get("words", {}).items()}
    phrases = {strip_accents(k): strip_accents(v) for k, v in sms.get("phrases", {}).items()}
    as_read = TermReading(spellings, phrases)
    macros = {k: strip_accents(v) for k, v in common.get("macros", {}).items()}
    raw_groups: dict[str, tuple[str, list[str]]] = {}
    innocent_of: dict[str, str] = {}
    for source, content in files.items():
        named = dict(content.get("groups", {}))
        if "category" in content and "innocent" in content:
            innocent_of[content["category"]] = f"innocent_{content['category']}"
            named[innocent_of[content["category"]]] = content["innocent"]
        for name, terms in named.items():
            if name in raw_groups:
                raise VocabularyError(
                    f"{source}: group {name!r} already defined in {raw_groups[name][0]}"
                )
            if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
                raise VocabularyError(f"{source}: group {name!r} must be a list of strings")
            raw_groups[name] = (source, [as_read(expand_macros(t, macros)) for t in terms])
    term_patterns: dict[str, re.Pattern[str]] = {}
    compiled = {
        name: _compile_group(name, terms, src, term_patterns)
        for name, (src, terms) in raw_groups.items()
    }
    groups = GroupPatterns({name: tuple(t.body for t in alts) for name, alts in compiled.items()})
    scanned = tuple(name for name, alts in compiled.items() if any(t.keys is None for t in alts))
    alternatives = {
        name: tuple(
            Alternative(t.body, t.keys, t.needs, one_word=_SEP_MARK not in t.body)
            for t in alts
            if t.keys is not None
        )
        for name, alts in compiled.items()
        if name not in scanned
    }
    specs = []
    for source, content in files.items():
        if "category" not in content:
            continue
        try:
            category = Category(content["category"])
        except ValueError as exc:
            raise VocabularyError(f"{source}: unknown category {content['category']!r}") from exc
        threshold = float(content.get("threshold", 1.0))
        if not threshold > 0:
            # (A category at 0 would apply to every report, with no evidence at all.)
            raise VocabularyError(f"{source}: threshold must be above 0, not {threshold}")
        specs.append(
            CategorySpec(
                category=category,
                label=content.get("label", category.value),
                threshold=threshold,
                rules=_rules(source, content.get("rules", []), set(groups)),
                innocent=innocent_of.get(category.value),
            )
        )
    order = list(Category)
    specs.sort(key=lambda s: order.index(s.category))
    return Vocabulary(
        groups=groups,
        categories=tuple(specs),
        alternatives=alternatives,
        scanned_groups=scanned,
        settings=common.get("settings", {}),
        negators=frozenset(common.get("negation", {}).get("words", [])),
        clause_breaks=frozenset(common.get("negation", {}).get("clause_breaks", [])),
        conditionals=frozenset(common.get("negation", {}).get("conditionals", [])),
        new_verbs=frozenset(common.get("negation", {}).get("new_verbs", [])),
        object_pronouns=frozenset(common.get("negation", {}).get("object_pronouns", [])),
        after_verb_negators=frozenset(common.get("negation", {}).get("after_verb", [])),
        not_denials=frozenset(common.get("negation", {}).get("not_denials", [])),
        words=spellings,
        phrases=phrases,
        censored=tuple(strip_accents(w) for w in sms.get("censored", {}).get("words", [])),
        term_patterns=term_patterns,
        term_words=frozenset(
            word
            for _, terms in raw_groups.values()
            for term in terms
            for word in _TERM_WORD.findall(term)
        ),
    )
