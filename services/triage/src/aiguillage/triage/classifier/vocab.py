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
from functools import cache, cached_property
from importlib import resources
from typing import Any

from aiguillage.shared.vocabulary import Category
from aiguillage.triage.classifier.prefilter import first_word_keys, term_keys
from aiguillage.triage.classifier.text import normalise, strip_accents

_GAP = r"(?:[ ,]+[a-z0-9]+){0,4}[ ,]+"
_SEP = r"[ ,]+"
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


@dataclass(frozen=True)
class CategorySpec:
    category: Category
    label: str
    threshold: float
    rules: tuple[Rule, ...]
    innocent: str | None  # name of the group whose matches hide this category's cues


@dataclass(frozen=True)
class Vocabulary:
    groups: dict[str, re.Pattern[str]]
    categories: tuple[CategorySpec, ...]
    # Keys per group (see prefilter): of a required word, and of the first word; None: unknown.
    group_keys: dict[str, frozenset[str] | None]
    group_start_keys: dict[str, frozenset[str] | None]
    settings: dict[str, Any]
    negators: frozenset[str]
    clause_breaks: frozenset[str]
    words: dict[str, str] = field(default_factory=dict)
    phrases: dict[str, str] = field(default_factory=dict)

    @cached_property
    def _phrase_pattern(self) -> re.Pattern[str] | None:
        if not self.phrases:
            return None
        ordered = sorted(self.phrases, key=len, reverse=True)
        return re.compile(r"(?<= )(?:" + "|".join(re.escape(p) for p in ordered) + r")(?= )")

    def normalise(self, text: str) -> str:
        return normalise(text, self.words, self.phrases, self._phrase_pattern)


def expand_macros(term: str, macros: dict[str, str]) -> str:
    def expand(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in macros:
            raise VocabularyError(f"unknown macro {{{name}}} in term {term!r}")
        return f"({macros[name]})"

    return strip_accents(_MACRO.sub(expand, term)).strip()


def _group_keys(
    terms: list[str], macros: dict[str, str], *, first: bool = False
) -> frozenset[str] | None:
    keys: set[str] = set()
    for term in terms:
        expanded = expand_macros(term, macros)
        found = first_word_keys(expanded) if first else term_keys(expanded)
        if found is None:
            return None
        keys |= found
    return frozenset(keys)


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
) -> re.Pattern[str]:
    if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
        raise VocabularyError(f"{source}: group {name!r} must be a list of strings")
    # Longest terms first so that the reported signal is the most specific phrase.
    bodies = sorted({compile_term(t, macros) for t in terms}, key=len, reverse=True)
    try:
        # Every word of a normalised text follows a space: a leading literal space marks the word
        # start and lets the regex engine skip quickly to candidate positions.
        return re.compile(r" (?:" + "|".join(bodies) + r")(?![a-z0-9])")
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
    groups = {
        name: _compile_group(name, terms, macros, src) for name, (src, terms) in raw_groups.items()
    }
    group_keys = {name: _group_keys(terms, macros) for name, (_src, terms) in raw_groups.items()}
    group_start_keys = {
        name: _group_keys(terms, macros, first=True) for name, (_src, terms) in raw_groups.items()
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
        group_keys=group_keys,
        group_start_keys=group_start_keys,
        settings=common.get("settings", {}),
        negators=frozenset(common.get("negation", {}).get("words", [])),
        clause_breaks=frozenset(common.get("negation", {}).get("clause_breaks", [])),
        words={strip_accents(k): strip_accents(v) for k, v in sms.get("words", {}).items()},
        phrases=phrases,
    )
