"""Scoring the form categories (§3.1) from the vocabularies' rules, then the labelling rules.

Each category's rules add weights; the category applies at 1.0. The reporter's ticked box adds
`hint_weight` (0.4): enough to confirm weak evidence, not enough against a description that says
something else. Only when the description says nothing the vocabularies know, not even an innocent
use of an offence's words, is the ticked box taken on its own (`ticked_box_alone`): the description
wins when it disagrees (§3.1), and a silent one does not disagree.
"""

from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from aiguillage.shared.decision import CATEGORY_NAMES, Reason
from aiguillage.shared.vocabulary import Category
from aiguillage.triage.classifier.matching import Evidence, Match
from aiguillage.triage.classifier.reasons import reason
from aiguillage.triage.classifier.vocab import CategorySpec, Rule

GLOBAL_INNOCENT = "innocent_all"
# What hides the contexts that excuse a rule: the phrases innocent for all, and the reporter's
# description of themself (a prevention association reporting is no prevention content).
_FORM = (GLOBAL_INNOCENT, "reporter_self")
# A description that names a work about offences (a film or its trailer, a song's lyrics, an
# article, a history lesson), a game or an open joke, lawful criticism (a review, satire, a refund
# dispute), a work, a business or one's own team judged, a political debate, a dispute with one's
# own bank or operator, hunting, prevention, sex education, hate quoted to condemn it, or a
# reporter who says it turned out genuine ("finalement mon colis est arrivé") is not silent: the
# ticked box is not taken on its own there. (Not sport on its own, nor music merely named, where a
# threat is often real: "je vais te retrouver" after a match, a rapper's post.)
NOT_SILENT = (
    "depiction_context",
    "game_or_joke_context",
    "music_said",
    "threat_banter",
    "opinion_context",
    "consumer_dispute",
    "hunting_context",
    "threat_fiction",
    "prevention_content",
    "harm_reduction",
    "sex_education_shown",
    "condemned_quote",
    "review_opinion",
    "verified_genuine",
    "political_criticism",
)


class Finding(NamedTuple):
    category: Category
    score: float
    reasons: tuple[Reason, ...]


def _rule_matches(
    evidence: Evidence, rule: Rule, hidden: tuple[str, ...], facts: dict[str, bool]
) -> list[Match] | None:
    """The matches that satisfy `rule`, or None when it does not apply (the caller has checked
    that each group it needs has some match)."""
    found: list[tuple[Match, ...]] = []
    for group in rule.when:
        if group.startswith("@"):
            if not facts.get(group[1:], False):
                return None
            continue
        matches = evidence.find(group, hidden_by=hidden)
        if not matches:
            return None
        found.append(matches)
    # A context that excuses a rule is not itself hidden by the category's innocent phrases ("un
    # documentaire sur la Shoah" is innocent for hate and still the context that excuses it).
    if (
        rule.unless
        and not evidence.present.isdisjoint(rule.unless)  # (most reports: none of them)
        and any(evidence.has(group, hidden_by=_FORM) for group in rule.unless)
    ):
        return None
    if rule.same_sentence and len(found) > 1:
        common = set.intersection(*({m.sentence for m in matches} for matches in found))
        if not common:
            return None
        found = [tuple(m for m in matches if m.sentence in common) for matches in found]
    return [m for matches in found for m in matches]


@cache
def _hidden_by(innocent: str | None) -> tuple[str, ...]:
    """What hides a category's cues: the phrases innocent for all, and its own innocent ones."""
    return (GLOBAL_INNOCENT,) + ((innocent,) if innocent else ())


def score_category(
    evidence: Evidence,
    spec: CategorySpec,
    rules: Iterable[Rule],
    hint: Category | None,
    hint_weight: float,
    facts: dict[str, bool],
) -> Finding:
    """The category's score from `rules`, those of its rules whose groups all have a match
    (`Vocabulary.applicable_rules`)."""
    subject = CATEGORY_NAMES[spec.category]
    hidden = _hidden_by(spec.innocent)
    score = 0.0
    reasons: list[Reason] = []
    for rule in rules:
        matches = _rule_matches(evidence, rule, hidden, facts)
        if matches is None:
            continue
        if rule.per_match:
            distinct = {m.text for m in matches}
            gained = min(rule.max, rule.weight * len(distinct))
        else:
            gained = rule.weight
        score += gained
        signals = (*[m.signal for m in matches[:4]], *rule.fact_signals)
        reasons.append(reason(subject=subject, rule=rule.because, signals=signals))
    if hint == spec.category and score > 0:
        score += hint_weight
        reasons.append(
            reason(
                subject=subject,
                rule="the box the reporter ticked confirms weaker evidence",
                signals=(f"field:category_hint={hint}",),
            )
        )
    return Finding(spec.category, round(score, 3), tuple(reasons))


def ticked_box_alone(
    evidence: Evidence, specs: Iterable[CategorySpec], hint: Category | None
) -> Finding | None:
    """The ticked box as the report's category, for a description in which no category scored
    (the caller's to check) and no innocent use of an offence's words was found either, nor a
    context that would explain them (`NOT_SILENT`), nor a denial of that offence. Never
    `cyberharassment`, which is not a form choice (§3.1)."""
    if hint is None or hint is Category.CYBERHARASSMENT:
        return None
    innocent = [GLOBAL_INNOCENT, *NOT_SILENT, *(spec.innocent for spec in specs if spec.innocent)]
    # (Only the few the report has are tested: the answer is the same in any order.)
    if any(evidence.has(group) for group in evidence.present.intersection(innocent)):
        return None
    if evidence.has("denial", hidden_by=(GLOBAL_INNOCENT, "denial_hedged")):
        return None
    because = reason(
        subject=CATEGORY_NAMES[hint],
        rule="the description names no offence the vocabularies know, nor an innocent use of "
        "one: the box the reporter ticked is the only evidence (for an analyst to check)",
        signals=(f"field:category_hint={hint}",),
    )
    return Finding(hint, 0.0, (because,))


# The signals of a note on a category the labelling rules set aside (the second reading tells
# those notes from the others by them).
LABELLING_SIGNALS = ("rule:labelling",)


def apply_labelling_rules(
    found: dict[Category, Finding],
) -> tuple[dict[Category, Finding], list[Reason], dict[Category, Finding]]:
    """§3.1's rules for reports that touch two categories: what stays, a note for each category
    set aside, and the findings set aside (the second reading weighs them again)."""
    notes: list[Reason] = []
    set_aside: dict[Category, Finding] = {}
    if len(found) < 2:  # (most reports)
        return found, notes, set_aside

    def drop(category: Category, rule: str) -> None:
        if category in found:
            set_aside[category] = found.pop(category)
            notes.append(
                reason(subject=CATEGORY_NAMES[category], rule=rule, signals=LABELLING_SIGNALS)
            )

    if Category.HATE in found:
        drop(
            Category.INSULT_DEFAMATION,
            "an insult because of a protected characteristic is hate alone (§3.1)",
        )
    if Category.CHILD_SEXUAL_ABUSE in found:
        drop(Category.SCAM, "blackmail or sextortion of a minor is child_sexual_abuse alone (§3.1)")
        drop(
            Category.ILLICIT_TRAFFICKING,
            "selling or sharing sexual images of children is child_sexual_abuse alone (§3.1)",
        )
    if len(found) > 1:
        drop(Category.SPAM, "spam is advertising with no other offence (§3.1)")
    return found, notes, set_aside
