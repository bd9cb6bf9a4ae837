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
from dataclasses import dataclass, field
from enum import Enum
from functools import cache, cached_property
from importlib import resources
from typing import Any, NamedTuple

from aiguillage.shared.vocabulary import Category
from aiguillage.triage.classifier.prefilter import KEY_LENGTH, first_word_keys, word_keys
from aiguillage.triage.classifier.text import SENTENCE_MARK, Spelling, normalise, strip_accents

_GAP = r"(?:[ ,]+[a-z0-9]++){0,4}[ ,]+"
_SEP = r"[ ,]+"
_SEP_MARK = "[ ,]"  # in a compiled term: a word separator (the term spans several words)
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

    @cached_property
    def needs_any(self) -> frozenset[str] | None:
        """Groups of which at least one must match for any rule to apply (a fast skip); None when
        a rule needs no group (facts only)."""
        if not all(rule.needs for rule in self.rules):
            return None
        return frozenset().union(*(rule.needs for rule in self.rules))


class NegationRole(Enum):
    """What a word does to the negation of a term after it (see `matching`)."""

    CLAUSE_END = "clause end"  # ",", a sentence end, "mais": nothing before it counts
    NEGATOR = "negator"  # "pas", "jamais", "aucun"
    COORDINATOR = "coordinator"  # "ou", "nor": a negation further back reaches past it


# Coordinators carry a negation over the next term; sentence marks and commas end a clause.
_COORDINATORS = ("ou", "or", "nor")
_CLAUSE_ENDS = (SENTENCE_MARK, ",")


class Beginning(NamedTuple):
    """What to try at a word. `pattern` (None: no group can start there) tests every group that
    can, in one call: first a gate made of all their alternatives (when it fails, the common case,
    the call ends there), then, for each group of `names` in turn, an optional look-ahead whose
    capture is the group's match at this word: its first alternative, in the group's order, that
    matches (unset when none does; the group's own gate comes first). `certain`: groups that match
    the word itself whatever follows (see `Vocabulary.for_word`), recorded without a test."""

    pattern: re.Pattern[str] | None
    names: tuple[str, ...]
    certain: tuple[str, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    groups: dict[str, re.Pattern[str]]
    categories: tuple[CategorySpec, ...]
    # For the single pass over a report's words (see matching.py and prefilter.py): each group's
    # alternatives in order with the beginnings their first word can have; groups with an
    # alternative whose first word can begin with anything are scanned whole instead.
    alternatives: dict[str, tuple[tuple[str, frozenset[str]], ...]]
    scanned_groups: tuple[str, ...]
    settings: dict[str, Any]
    negators: frozenset[str]
    clause_breaks: frozenset[str]
    words: dict[str, str] = field(default_factory=dict)
    phrases: dict[str, str] = field(default_factory=dict)
    # "si je ne paie pas": a negator right after one of these is a condition, not a denial.
    conditionals: frozenset[str] = frozenset()
    _by_word: dict[str, Beginning | None] = field(default_factory=dict, repr=False, compare=False)
    _by_beginning: dict[str, Beginning] = field(default_factory=dict, repr=False, compare=False)
    _compiled: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False, compare=False)

    def _compile(self, source: str) -> re.Pattern[str]:
        """Patterns by their text: keys that share alternatives share one compiled pattern."""
        found = self._compiled.get(source)
        if found is None:
            found = self._compiled[source] = re.compile(source)
        return found

    @cached_property
    def _groups_by_key(self) -> dict[str, tuple[str, ...]]:
        by_key: dict[str, list[str]] = {}
        for name, alternatives in self.alternatives.items():
            for _body, keys in alternatives:
                for key in keys:
                    if name not in by_key.setdefault(key, []):
                        by_key[key].append(name)
        return {key: tuple(names) for key, names in by_key.items()}

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
    def whole_words(self) -> frozenset[str]:
        """The words that are themselves keys (a term's first word written in full)."""
        return frozenset(key[:-1] for key in self._groups_by_key if key.endswith(" "))

    def _plan(
        self,
        keys: list[str],
        names: list[str],
        certain: tuple[str, ...] = (),
        word: str | None = None,
    ) -> Beginning:
        """The one pattern that tries groups `names` at a word with these keys (see `Beginning`),
        narrowed to the `word` itself when it is known. The gate writes the alternatives' shared
        literal beginnings once (a trie), so that a word where nothing can match costs a few
        character tests."""
        heads: set[str] = set()
        captures = []
        named: list[str] = []
        for name in names:
            bodies = []  # the group's alternatives that can start at this word, in order
            for body, group_keys in self.alternatives[name]:
                if any(key in group_keys for key in keys):
                    bodies.extend([body] if word is None else _at_word(body, word))
            if not bodies:
                continue  # none of them can start at this word after all
            named.append(name)
            heads.update(bodies)
            capture = "(?=( (?:" + "|".join(bodies) + ")(?![a-z0-9])))"
            if len(bodies) > 1:
                # The group's own gate first: a group that cannot match here is passed over at a
                # few character tests, not by trying its alternatives one by one.
                capture = f"(?= {_factored(sorted(bodies))}(?![a-z0-9]))" + capture
            captures.append(f"(?:{capture}|)")
        if not named:
            return Beginning(None, (), certain)
        gate = " " + _factored(sorted(heads)) + "(?![a-z0-9])"
        return Beginning(self._compile(f"(?={gate})" + "".join(captures)), tuple(named), certain)

    def compile_all(self) -> None:
        """Compile now what `starting_with` would compile on first use (services call this at
        start-up so that no report pays for it; a one-off command need not)."""
        for key in self._groups_by_key:
            self.starting_with(key)

    def starting_with(self, beginning: str) -> Beginning:
        """What to try at a word, by `beginning` (the word and a space when it is in
        `whole_words`, else its first four letters): every group that can start at a word with
        the keys it has. Built on first use and kept (the keys are bounded: four letters, or a
        vocabulary word); each pattern is compiled once."""
        found = self._by_beginning.get(beginning)
        if found is None:
            keys = self._keys(beginning)
            names = sorted({name for key in keys for name in self._groups_by_key[key]})
            # A beginning that is a whole word is reached by that word alone.
            word = beginning[:-1] if beginning.endswith(" ") else None
            found = self._by_beginning[beginning] = self._plan(keys, names, word=word)
        return found

    def _keys(self, beginning: str) -> list[str]:
        """The keys a word with this beginning has."""
        return sorted(key for key in word_keys(beginning) if key in self._groups_by_key)

    def for_word(self, word: str) -> Beginning | None:
        """`starting_with`'s plan narrowed to one word (speed only, same matches). A group whose
        alternatives that can start here are all one word long either matches this word whole
        (its span is the word: `certain`) or cannot match here (dropped); the others are tried,
        at a vocabulary word with their first word written as the word (see `_at_word`). None:
        nothing can start at this word."""
        beginning = word + " " if word in self.whole_words else word[:KEY_LENGTH]
        base = self.starting_with(beginning)
        if not base.names:
            return None
        keys = self._keys(beginning)
        key_set = set(keys)
        certain: list[str] = []
        kept: list[str] = []
        for name in base.names:
            bodies = [body for body, group_keys in self.alternatives[name] if group_keys & key_set]
            if any(_SEP_MARK in body for body in bodies):
                kept.append(name)
            elif any(re.fullmatch(body, word) for body in bodies):
                certain.append(name)
        if not certain and len(kept) == len(base.names):
            return base
        # Terms are written as the word only for a vocabulary word (whose beginning is the word
        # itself, a bounded set): a pattern for each new number, name or typo of the reports
        # would cost a compilation each.
        whole = beginning.endswith(" ")
        plan = self._plan(keys, kept, tuple(certain), word if whole else None)
        return None if plan.pattern is None and not plan.certain else plan

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
        parts = []
        for first, rests in by_first.items():
            tails = [re.escape(" " + rest) if rest else "" for rest in rests]
            parts.append(re.escape(first) + "(?:" + "|".join(tails) + ")")
        # A leading literal space (kept in the replacement) lets the engine skip to word starts.
        return re.compile(r" (?:" + "|".join(parts) + r")(?= )")

    @cached_property
    def _spelling(self) -> Spelling:
        return Spelling(self.words)

    def normalise(self, text: str) -> str:
        return normalise(text, self._spelling, self.phrases, self._phrase_pattern)


def _at_word(body: str, word: str) -> list[str]:
    """The term as it can match at exactly this word, as alternatives in the term's order: its
    first word written as the word itself when its pattern matches the word whole ("(publi*|
    poste*) …" at "poste" → "poste …"), dropped when it does not (a separator must follow the first
    word, so it matches the report's word whole or not at all). [body] when that cannot be told."""
    if _top_level_bar(body):
        return [found for branch in _top_level_branches(body) for found in _at_word(branch, word)]
    if body.startswith("(?:"):
        leading = _leading_group(body)
        if leading is None:
            return [body]
        branches, rest = leading
        return [found for branch in branches for found in _at_word(branch + rest, word)]
    end = _first_word_end(body)
    if end is None:
        return [body]
    if re.fullmatch(body[:end], word) is None:
        return []
    return [re.escape(word) + body[end:]]


def _leading_group(body: str) -> tuple[list[str], str] | None:
    """The alternatives of the group that starts `body`, in order (an optional group is tried first,
    then the term without it: a last, empty alternative), and what follows the group. None when
    `body` does not start with a group, or with one that repeats."""
    if not body.startswith("(?:"):
        return None
    close = _closing(body)
    rest = body[close + 1 :]
    branches = _top_level_branches(body[3:close])
    if rest.startswith("?") and not rest.startswith("??"):
        return [*branches, ""], rest[1:]
    if rest[:1] in _QUANTIFIERS:
        return None
    return branches, rest


def _first_word_end(body: str) -> int | None:
    """Where the term's first word ends: at its first separator, which must be a required one
    (the whole term if it has none); None when that cannot be told."""
    depth = i = 0
    while i < len(body):
        if depth == 0 and (body.startswith(_ATOM_SEP, i) or body.startswith(_GAP, i)):
            return i
        char = body[i]
        if body.startswith("[ ,]", i):
            return None  # an optional or nested separator: the first word may end elsewhere
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = body.index("]", i) + 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        i += 1
    return len(body)


def _closing(body: str) -> int:
    """Where the group that opens `body` closes."""
    depth = 0
    for i, char in enumerate(body):
        if char == "(" and (i == 0 or body[i - 1] != "\\"):
            depth += 1
        elif char == ")" and body[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                return i
    raise VocabularyError(f"unbalanced group in {body!r}")


def _top_level_branches(inner: str) -> list[str]:
    branches: list[str] = []
    depth = start = 0
    for i, char in enumerate(inner):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(inner[start:i])
            start = i + 1
    branches.append(inner[start:])
    return branches


def expand_macros(term: str, macros: dict[str, str]) -> str:
    def expand(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in macros:
            raise VocabularyError(f"unknown macro {{{name}}} in term {term!r}")
        return f"({macros[name]})"

    return strip_accents(_MACRO.sub(expand, term)).strip()


def _group_pattern(bodies: list[str]) -> re.Pattern[str]:
    # Every word of a normalised text follows a space: a leading literal space marks the word
    # start and lets the regex engine skip quickly to candidate positions.
    return re.compile(r" (?:" + "|".join(bodies) + r")(?![a-z0-9])")


_ATOM_SEP = "[ ,]+"
_QUANTIFIERS = frozenset("?*+{")
# In a gate, a group that follows a term's literal beginning is spread into the trie ("la (?:mere|
# meuf) de" → "la mere de", "la meuf de"): the beginnings of its alternatives join the trie's, which
# is faster than entering the group. Done while the copies of what follows it stay this short.
_MAX_SPREAD_CHARS = 60


def _literal_head(body: str) -> tuple[tuple[str, ...], str]:
    """The literal beginning of a compiled term (letters, digits, "#", word separators and gaps,
    none of them quantified), as atoms, and the rest of the expression. (A gap is an atom so that
    the terms of a trie that share "word ... " try the gap once.)"""
    if _top_level_bar(body):
        return (), f"(?:{body})"
    atoms: list[str] = []
    i = 0
    while i < len(body):
        if body.startswith(_GAP, i):
            step = len(_GAP)
        elif body.startswith(_ATOM_SEP, i):
            step = len(_ATOM_SEP)
        elif body[i].isalnum() or body[i] == "#":
            step = 1
        else:
            break
        if i + step < len(body) and body[i + step] in _QUANTIFIERS:
            break
        atoms.append(body[i : i + step])
        i += step
    return tuple(atoms), body[i:]


def _top_level_bar(body: str) -> bool:
    depth = 0
    for i, char in enumerate(body):
        if char == "\\":
            continue
        if char == "(" and (i == 0 or body[i - 1] != "\\"):
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


def _factored(bodies: list[str]) -> str:
    """One expression matching where any of `bodies` matches, with shared literal beginnings
    written once (a trie), so that a failing word costs a few character tests; so are the
    alternatives of the groups inside the bodies ("(?:meuf|mere|…)"). The order of the
    alternatives is not kept: use it where only "does any match" counts (the gates)."""
    trie: dict[str, Any] = {}

    def insert(node: dict[str, Any], body: str) -> None:
        atoms, rest = _literal_head(body)
        for atom in atoms:
            node = node.setdefault(atom, {})
        leading = _leading_group(rest)
        if leading is not None and _spread_cost(*leading) <= _MAX_SPREAD_CHARS:
            branches, after = leading
            for branch in branches:
                insert(node, branch + after)
        else:
            node.setdefault("", []).append(_factored_groups(rest))

    for body in bodies:
        insert(trie, body)

    def emit(node: dict[str, Any]) -> str:
        parts = [atom + emit(child) for atom, child in node.items() if atom != ""]
        parts += node.get("", [])
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return emit(trie)


def _spread_cost(branches: list[str], after: str) -> int:
    """What spreading a group into the trie copies: what follows it, once more per alternative."""
    return (len(branches) - 1) * len(after)


def _factored_groups(body: str) -> str:
    """`body` with the alternatives of each of its groups written as a trie (see `_factored`)."""
    out: list[str] = []
    i = 0
    while i < len(body):
        if body.startswith("(?:", i):
            close = i + _closing(body[i:])
            out.append("(?:" + _factored(_top_level_branches(body[i + 3 : close])) + ")")
            i = close + 1
        elif body[i] == "[":  # a character class, copied whole
            end = body.index("]", i) + 1
            out.append(body[i:end])
            i = end
        else:
            step = 2 if body[i] == "\\" else 1  # an escaped character is copied whole
            out.append(body[i : i + step])
            i += step
    return "".join(out)


def _alternatives(
    terms: list[str], macros: dict[str, str]
) -> tuple[tuple[str, frozenset[str] | None], ...]:
    """The group's regular expressions, longest first (so that the reported signal is the most
    specific phrase), each with the beginnings of its first word (None: any)."""
    keys: dict[str, frozenset[str] | None] = {}
    for term in terms:
        body = compile_term(term, macros)
        found = first_word_keys(expand_macros(term, macros))
        if body in keys:
            previous = keys[body]
            found = None if previous is None or found is None else previous | found
        keys[body] = found
    return tuple((body, keys[body]) for body in sorted(keys, key=len, reverse=True))


def compile_term(term: str, macros: dict[str, str]) -> str:
    """The regular expression for one term (see the module docstring for the syntax)."""
    text = expand_macros(term, macros)
    out: list[str] = []
    i = 0
    while i < len(text):
        if text.startswith(" ... ", i):
            out.append(_GAP)
            i += 5
            continue
        if text.startswith("<n>", i):
            out.append("[0-9]+")
            i += 3
            continue
        char = text[i]
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
        elif not out or out[-1] != _SEP:
            out.append(_SEP)  # spaces, apostrophes, hyphens: any separation between words
        i += 1
    body = "".join(out).strip()
    if not body:
        raise VocabularyError(f"empty term {term!r}")
    return body


def _compile_group(
    name: str, terms: list[str], macros: dict[str, str], source: str
) -> tuple[re.Pattern[str], tuple[tuple[str, frozenset[str] | None], ...]]:
    if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
        raise VocabularyError(f"{source}: group {name!r} must be a list of strings")
    alternatives = _alternatives(terms, macros)
    try:
        return _group_pattern([body for body, _keys in alternatives]), alternatives
    except re.error as exc:
        raise VocabularyError(f"{source}: group {name!r} does not compile: {exc}") from exc


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
    macros = {k: strip_accents(v) for k, v in common.get("macros", {}).items()}
    raw_groups: dict[str, tuple[str, list[str]]] = {}
    innocent_of: dict[str, str] = {}
    for source, content in files.items():
        for name, terms in content.get("groups", {}).items():
            if name in raw_groups:
                raise VocabularyError(
                    f"{source}: group {name!r} already defined in {raw_groups[name][0]}"
                )
            raw_groups[name] = (source, terms)
        if "category" in content and "innocent" in content:
            name = f"innocent_{content['category']}"
            raw_groups[name] = (source, content["innocent"])
            innocent_of[content["category"]] = name
    compiled = {
        name: _compile_group(name, terms, macros, src) for name, (src, terms) in raw_groups.items()
    }
    groups = {name: pattern for name, (pattern, _alts) in compiled.items()}
    scanned = tuple(
        name for name, (_p, alts) in compiled.items() if any(k is None for _b, k in alts)
    )
    alternatives = {
        name: tuple((body, keys) for body, keys in alts if keys is not None)
        for name, (_p, alts) in compiled.items()
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
        specs.append(
            CategorySpec(
                category=category,
                label=content.get("label", category.value),
                threshold=float(content.get("threshold", 1.0)),
                rules=_rules(source, content.get("rules", []), set(groups)),
                innocent=innocent_of.get(category.value),
            )
        )
    order = list(Category)
    specs.sort(key=lambda s: order.index(s.category))
    sms = files.get("spelling.toml", {})
    phrases = {strip_accents(k): strip_accents(v) for k, v in sms.get("phrases", {}).items()}
    return Vocabulary(
        groups=groups,
        categories=tuple(specs),
        alternatives=alternatives,
        scanned_groups=scanned,
        settings=common.get("settings", {}),
        negators=frozenset(common.get("negation", {}).get("words", [])),
        clause_breaks=frozenset(common.get("negation", {}).get("clause_breaks", [])),
        conditionals=frozenset(common.get("negation", {}).get("conditionals", [])),
        words={strip_accents(k): strip_accents(v) for k, v in sms.get("words", {}).items()},
        phrases=phrases,
    )
