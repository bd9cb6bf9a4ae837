"""The word pass's shortcuts (prefilter.py, starts.py) never change what a group matches."""

import random
import re

import pytest

from aiguillage.triage.classifier import vocab
from aiguillage.triage.classifier.matching import Evidence
from aiguillage.triage.classifier.prefilter import (
    GAP,
    Branch,
    Need,
    _parse,
    first_word_keys,
    needs_by_first_word,
    word_keys,
)
from aiguillage.triage.classifier.starts import Alternative, StepTable, WordTable
from aiguillage.triage.classifier.text import strip_accents

RANDOM_TEXTS = 400


def test_each_beginning_of_the_first_word_has_its_own_need() -> None:
    needs = needs_by_first_word("(hitler|le fuhrer) ... (avait|a) raison")
    # After "le", only "fuhrer" can come, right after it; after "hitler", a verb past a gap.
    assert needs["le "] == Need(frozenset({"fuhrer "}), adjacent=True, alone=False, then=None)
    hitler = needs["hitler "]
    assert hitler is not None
    assert (hitler.keys, hitler.adjacent) == (frozenset({"avait ", "a "}), False)


def test_no_group_of_the_vocabularies_is_scanned_whole() -> None:
    # A term whose first word can be anything (a leading optional word or `*`) makes its group
    # scanned on every report: one such term cost the decide command a tenth of its speed.
    assert vocab.load_vocabulary().scanned_groups == ()


def test_optional_words_that_an_optional_separator_glues_are_told_by_their_beginnings() -> None:
    # "(eleves)? ?(la)? ?partagent" also matches "elevespartagent", "lapartagent": hundreds of
    # whole words, past MAX_PREFIXES. Their beginnings still tell which words can come next,
    # where the term was once taken to need nothing known (its group tested at every "des").
    nouns = "eleves|comptes|gens|personnes|jeunes|camarades|filles|garcons|students|people|kids"
    verbs = "partagent|repartagent|repostent|relaient|retweetent|share|repost"
    term = f"(plusieurs|des) ({nouns})? ?(la|le|les|l|me|m|it)? ?({verbs})"
    need = needs_by_first_word(term)["des "]
    assert need is not None
    assert need.adjacent
    for word in ("eleves", "elevespartagent", "les", "lespartagent", "partagent", "relaient"):
        assert word_keys(word) & need.keys, word
    assert not word_keys("photos") & need.keys


def test_a_hashtag_is_a_word_with_a_key() -> None:
    assert first_word_keys("#thinspo*") == frozenset({"#thi"})
    assert first_word_keys("#sh") == frozenset({"#sh "})


def _instance(items: Branch, words: list[str], rnd: random.Random) -> str:
    """A text that a parsed term matches, or nearly: optional items drawn, a gap filled."""
    out: list[str] = []
    index = 0
    while index < len(items):
        item = items[index]
        optional = index + 1 < len(items) and items[index + 1] == "?"
        index += 2 if optional else 1
        if item == "?" or (optional and rnd.random() < 0.5):
            continue
        if isinstance(item, tuple):
            out.append(_instance(rnd.choice(item), words, rnd))
        elif item == "*":
            out.append("".join(rnd.choices("abcdeilmnorstu", k=rnd.randrange(4))))
        elif item == "<n>":
            out.append(str(rnd.randrange(3_000)))
        elif item == GAP:
            out.append(" " + " ".join(rnd.choices(words, k=rnd.randrange(6))) + " ")
        else:
            out.append(item)
    return "".join(out)


def test_word_pass_matches_like_each_group_pattern_on_texts_made_of_terms() -> None:
    """Texts made of the vocabularies' own terms, with their optional parts and gaps drawn at
    random: where the shortcuts are most likely to be wrong, if they can be."""
    vocabulary = vocab.load_vocabulary()
    files = vocab._read_files()
    macros = {k: strip_accents(v) for k, v in files["common.toml"]["macros"].items()}
    terms = [
        vocab.expand_macros(term, macros)
        for content in files.values()
        for group in [*content.get("groups", {}).values(), content.get("innocent", [])]
        for term in group
    ]
    words = sorted(
        {word for term in terms for word in re.split(r"[()| ]+", term) if word.isalpha()}
    )
    fillers = [*words, *[",", ".", "!", "et", "pas", "ne", "je", "il", "de", "la", "1", "12", "#"]]
    rnd = random.Random(20261128)
    for _ in range(RANDOM_TEXTS):
        parts: list[str] = []
        for _ in range(rnd.randrange(1, 6)):
            parts.append(_instance(rnd.choice(_parse(rnd.choice(terms))[0]), words, rnd))
            parts += rnd.choices(fillers, k=rnd.randrange(3))
        evidence = Evidence(vocabulary, " ".join(parts))
        for group, pattern in vocabulary.groups.items():
            expected = [(m.start() + 1, m.end()) for m in pattern.finditer(evidence.text)]
            got = [(m.start, m.end) for m in evidence.all(group)]
            assert got == expected, (group, evidence.text)


def _steps(groups: dict[str, list[str]]) -> StepTable:
    """The steps of a vocabulary made of these groups (no macros)."""
    alternatives = {
        name: tuple(
            Alternative(term.body, term.keys, term.needs, one_word=vocab._SEP_MARK not in term.body)
            for term in vocab._alternatives(terms)
            if term.keys is not None
        )
        for name, terms in groups.items()
    }
    return StepTable(WordTable(alternatives))


def test_a_step_tests_only_the_terms_that_find_what_they_need() -> None:
    steps = _steps({"kin": ["(ma|mon) fille", "ma soeur", "ma ... tuer", "mamie"]})
    step = steps[("ma", "fille")]
    assert step is not None
    [(_, patterns)] = step.tested
    # "ma soeur" needs "soeur" next, "ma ... tuer" needs "tuer" somewhere: left out.
    assert [p.pattern for p in patterns] == [" (?:(?:ma|mon)[ ,]+fille)(?![a-z0-9])"]
    assert step.cues is not None
    with_cue = step.with_cues(step.cues.found_in(" ma fille va tuer ", frozenset({"tuer"})))
    [(_, patterns)] = with_cue.tested
    # One pattern a term, in the group's order (the longest term first).
    assert [p.pattern for p in patterns] == [
        " (?:ma(?:[ ,]+[a-z0-9]++){0,4}[ ,]+tuer)(?![a-z0-9])",
        " (?:(?:ma|mon)[ ,]+fille)(?![a-z0-9])",
    ]
    # A term's pattern is compiled once for all the words where it can start.
    other = steps[("mon", "fille")]
    assert other is not None
    assert other.tested[0][1][0] is patterns[1]


def _vocabulary(groups: dict[str, list[str]], words: dict[str, str]) -> vocab.Vocabulary:
    """A vocabulary made of these groups (no macros, no rules) and spellings."""
    patterns: dict[str, re.Pattern[str]] = {}
    compiled = {
        name: vocab._compile_group(name, terms, "test", patterns) for name, terms in groups.items()
    }
    return vocab.Vocabulary(
        groups=vocab.GroupPatterns(
            {name: tuple(term.body for term in terms) for name, terms in compiled.items()}
        ),
        categories=(),
        alternatives={
            name: tuple(
                Alternative(
                    term.body, term.keys, term.needs, one_word=vocab._SEP_MARK not in term.body
                )
                for term in terms
                if term.keys is not None
            )
            for name, terms in compiled.items()
        },
        scanned_groups=(),
        settings={},
        negators=frozenset(),
        clause_breaks=frozenset(),
        words=words,
        term_patterns=patterns,
    )


@pytest.mark.parametrize(
    "text",
    [
        # "fille" matches the beginning of "fille#x": "ma fille" finds what it needs, whatever the
        # next word's keys say (the group is tested for "ma f* ... x").
        "ma fille#x",
        # "zz" is spelled as nothing: the separator after "ma" skips the empty word.
        "x ma zz fille",
    ],
)
def test_a_report_whose_words_the_keys_do_not_tell_exactly_has_every_term_tested(
    text: str,
) -> None:
    vocabulary = _vocabulary({"kin": ["ma fille", "ma f* ... x", "ma ... x"]}, {"zz": ""})
    evidence = Evidence(vocabulary, text)
    expected = [(m.start() + 1, m.end()) for m in vocabulary.groups["kin"].finditer(evidence.text)]
    assert expected
    assert [(m.start, m.end) for m in evidence.all("kin")] == expected
