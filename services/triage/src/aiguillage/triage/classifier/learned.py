"""The second reading: weights learned from the project's labelled reports confirm, add or set
aside what the rules found: each category, the scope, imminent danger and the victim's age.

The rules know the offences' words; they miss what a reporter says in words no vocabulary holds,
and they take a word for an offence where the whole report says otherwise. The second reading
weighs the whole report (`features`) with weights learned by logistic regression from the
project's own labelled reports (tools/train_weights.py; never from the never-read sets nor the
dev cases), read from `vocabularies/learned_weights.tsv` (weights.py). docs/vocabularies.md,
"The second reading", says what it weighs, how it decides and what it changed.
"""

from collections.abc import Mapping
from itertools import pairwise
from typing import NamedTuple, TypeVar

from aiguillage.shared.decision import CATEGORY_NAMES, Reason
from aiguillage.shared.report import Report
from aiguillage.shared.vocabulary import Category, Scope, WhereSeen
from aiguillage.triage.classifier.categories import (
    LABELLING_SIGNALS,
    Finding,
    apply_labelling_rules,
)
from aiguillage.triage.classifier.matching import Evidence
from aiguillage.triage.classifier.reasons import reason
from aiguillage.triage.classifier.victim import STATED_ADULT
from aiguillage.triage.classifier.weights import (
    IMMINENT,
    MINOR,
    SCOPES,
    START,
    LearnedWeights,
    Readings,
    word_starts,
)

# Nine in ten of the descriptions the weights learned from have 27 words or more (45 halfway; the
# weights file's header says so at each training): on fewer words, the weights have too little to
# weigh and the rules decide alone. (On the project's own one-sentence tests, of 17 words halfway,
# the weights alone undo findings the policy requires: a death threat "en route", fifty messages
# a day with an insult.)
MIN_WORDS = 27
# A category applies when its weights add up above FLOOR, whether the rules found it or not:
# −1.0 is e to one against. Below even odds on purpose: a missed offence loses a victim's case,
# an extra one costs an analyst a minute (measured on the never-read sets: docs/vocabularies.md,
# "Training on sets never read").
FLOOR = -1.0
# Imminent danger the rules did not find is added above IMMINENT_FLOOR (e² to one against); a
# danger they found is set aside only below even odds. Lower than FLOOR on purpose: a danger
# missed is a life not called for, one too many is an emergency desk's look at a report (measured
# on both halves of the never-read sets, each with weights trained without it:
# docs/vocabularies.md, "Imminent danger added from e² to one against").
IMMINENT_FLOOR = -2.0
_AGE = {True: "AGE:minor", False: "AGE:adult"}
# The categories that name a threat to someone's life, which imminent danger needs (§3.3).
LIFE_CATEGORIES = (Category.THREATS_VIOLENCE, Category.TERRORISM, Category.ENDANGERMENT)
_NO_THREAT_TO_LIFE = (
    "danger set aside by the second reading: no category kept names a threat to life "
    "(threats, terrorism, endangerment)"
)
Choice = TypeVar("Choice", Scope, bool | None)


class FirstReading(NamedTuple):
    """What the rules decide; the second reading changes what its weights say otherwise."""

    evidence: Evidence
    found: dict[Category, Finding]
    notes: list[Reason]
    scope: Scope
    scope_reason: Reason
    imminent: bool
    imminent_reason: Reason
    offline_only: bool
    victim_minor: bool | None
    minor_reason: Reason
    # What §3.1's labelling rules set aside from the rules' categories (the insult beside a hate,
    # the scam beside child sexual abuse): the second reading weighs it again, and the labelling
    # rules then apply to what it keeps. Had the hate been set aside by the weights, the insult
    # would otherwise be lost with it.
    labelled_away: dict[Category, Finding]


def features(first: FirstReading, report: Report) -> set[str]:
    """What the second reading weighs, the same for training and for deciding: each word and
    pair of words of the normalised description ("menace", "te retrouver") and the beginnings of
    its longer words (`START:harcel`, `weights.word_starts`), and in capitals,
    which no normalised word is, what the rules found (`RULE:hate`, `SCOPE:private`,
    `IMMINENT`, `AGE:minor`), the form's fields (`WHERE:sms`, `BOX:scam`, `FORM_AGE:adult`) and
    the vocabulary groups matched (`GROUP:death_threat`). A field says something only when it is
    set: an unset one adds no feature (the bias stands for it). (Deciding reads the same
    features from `_fields` and the words, `LearnedWeights.read`.)"""
    words = first.evidence.words
    found = set(_fields(first, report))
    found.update(words)
    found.update(map(" ".join, pairwise(words)))
    found.update(START + start for start in word_starts(words))
    return found


# Each field's feature, written once: an enum member's `.value` costs a call each time.
_RULE = {category: f"RULE:{category.value}" for category in Category}
_SCOPE = {scope: f"SCOPE:{scope.value}" for scope in Scope}
_WHERE = {where: f"WHERE:{where.value}" for where in WhereSeen if where is not WhereSeen.UNKNOWN}
_BOX = {category: f"BOX:{category.value}" for category in Category}
_FORM_AGE = {minor: f"FORM_{age}" for minor, age in _AGE.items()}


def _fields(first: FirstReading, report: Report) -> list[str]:
    """`features` but the words and pairs."""
    fields = [*map(_RULE.__getitem__, first.found), _SCOPE[first.scope]]
    if first.imminent:
        fields.append("IMMINENT")
    if first.victim_minor is not None:
        fields.append(_AGE[first.victim_minor])
    if report.where_seen is not WhereSeen.UNKNOWN:
        fields.append(_WHERE[report.where_seen])
    if report.category_hint is not None:
        fields.append(_BOX[report.category_hint])
    if report.victim.is_minor is not None:
        fields.append(_FORM_AGE[report.victim.is_minor])
    fields.extend([f"GROUP:{group}" for group in first.evidence.present])
    return fields


def second_reading(first: FirstReading, report: Report, weights: LearnedWeights) -> FirstReading:
    """The categories, scope, imminent danger and minor victim after the second reading, each
    with its reasons, and notes on the rules' categories set aside; §3.1's labelling rules then
    apply to the categories left. A description shorter than `MIN_WORDS` keeps the rules'
    decision."""
    if first.evidence.word_count < MIN_WORDS:
        return first
    readings = weights.read(_fields(first, report), first.evidence.words)
    adult = first.minor_reason.rule == STATED_ADULT
    if first.labelled_away:
        kept, notes = _categories({**first.found, **first.labelled_away}, readings, adult=adult)
        # (The labelling rules' notes are `_categories`' own now, on what it kept.)
        notes[:0] = [note for note in first.notes if note.signals != LABELLING_SIGNALS]
    else:  # (most reports)
        kept, notes = _categories(first.found, readings, adult=adult)
        notes[:0] = first.notes
    scope, scope_reason = _choice(readings, SCOPES, first.scope, first.scope_reason)
    imminent, imminent_reason = _imminent(first, readings)
    if imminent and Category.THREATS_VIOLENCE not in kept:
        named = _threat_to_life(kept, readings)
        if named is None:
            imminent, imminent_reason = False, reason(IMMINENT, _NO_THREAT_TO_LIFE, ())
        elif named not in kept:
            kept[named] = _named(named, first, kept, readings)
            # (The rules' own finding, set aside above, comes back: no note says otherwise.)
            subject = CATEGORY_NAMES[named]
            notes = [n for n in notes if n.subject != subject or not n.rule.startswith(_SET_ASIDE)]
            # §3.1 again, with the threat named: spam beside it is no spam.
            kept, labelling, _set_aside_again = apply_labelling_rules(kept)
            notes.extend(labelling)
    minor, minor_reason = _choice(readings, MINOR, first.victim_minor, first.minor_reason)
    return first._replace(
        found=kept,
        notes=notes,
        scope=scope,
        scope_reason=scope_reason,
        imminent=imminent,
        imminent_reason=imminent_reason,
        victim_minor=minor,
        minor_reason=minor_reason,
    )


# The note on a category the rules found and the weights did not keep.
_SET_ASIDE = "found by the rules, set aside by the second reading"
# Each category with its label and its reasons' subject, in `Category`'s order, written once:
# an enum member's `.value` costs a call each time.
_CATEGORIES = [(category, category.value, CATEGORY_NAMES[category]) for category in Category]


def _categories(
    found: dict[Category, Finding], readings: Readings, *, adult: bool
) -> tuple[dict[Category, Finding], list[Reason]]:
    """`adult`: the description states the victim's age, 18 or over."""
    scores = readings.scores
    kept: dict[Category, Finding] = {}
    notes: list[Reason] = []
    for category, label, subject in _CATEGORIES:
        score = scores[label]
        applies = score > FLOOR
        if category in found:
            if applies:
                kept[category] = found[category]
            else:
                rule = f"{_SET_ASIDE} ({score:+.2f})"
                notes.append(reason(subject, rule, readings.signals(label, against=True)))
        elif applies:
            rule = f"the second reading: learned weights for it ({score:+.2f}, above {FLOOR:+.2f})"
            finding_reason = reason(subject, rule, readings.signals(label))
            kept[category] = Finding(category, score, (finding_reason,))
    if adult and Category.SCAM in found and Category.CHILD_SEXUAL_ABUSE not in found:
        # An adult blackmailed with her pictures (the rules' scam, §3.1) is no child sexual abuse,
        # whatever the box ticked and the pictures' words weigh: added, it would take the scam's
        # place (§3.1's labelling) and make her a minor against the age she states.
        kept.pop(Category.CHILD_SEXUAL_ABUSE, None)
    kept, labelling, _set_aside_again = apply_labelling_rules(kept)
    return kept, notes + labelling


def _choice(
    readings: Readings, choices: Mapping[str, Choice], ruled: Choice, ruled_reason: Reason
) -> tuple[Choice, Reason]:
    """Of `choices` (the scopes, the victim's ages), the one whose weights add up highest, with
    the rules' reason when the rules chose it too."""
    label = max(choices, key=readings.scores.__getitem__)
    if choices[label] is ruled:
        return ruled, ruled_reason
    subject, name = label.split("=")
    (ruled_name,) = [other.split("=")[1] for other, value in choices.items() if value is ruled]
    rule = (
        f"the second reading: learned weights for {name} ({readings.scores[label]:+.2f}), "
        f"over the rules' {ruled_name}"
    )
    return choices[label], reason(subject, rule, readings.signals(label))


# §3.1: a call to kill or hurt a group is hate and threats; an announced attack, terrorism and
# threats. With the danger, either names its threat.
_ATTACKS = frozenset({Category.HATE, Category.TERRORISM})


def _threat_to_life(kept: dict[Category, Finding], readings: Readings) -> Category | None:
    """The category that names the threat to someone's life an imminent danger is (§3.3), where
    the second reading kept the danger but not threats: with hate or terrorism, threats
    (`_ATTACKS`); with endangerment, endangerment itself; with none of them, the one of threats,
    terrorism and endangerment whose weights add up highest, when they reach IMMINENT_FLOOR,
    the odds at which the danger itself is added. None below: nothing kept names a threat to
    life."""
    if not kept.keys().isdisjoint(_ATTACKS):
        return Category.THREATS_VIOLENCE
    if Category.ENDANGERMENT in kept:
        return Category.ENDANGERMENT
    named = max(LIFE_CATEGORIES, key=lambda category: readings.scores[category.value])
    return named if readings.scores[named.value] > IMMINENT_FLOOR else None


def _named(
    category: Category, first: FirstReading, kept: dict[Category, Finding], readings: Readings
) -> Finding:
    """`category`, added as the danger's threat to life, with a reason that says why; the rules'
    own finding, reasons included, where they found it and the second reading set it aside."""
    score = readings.scores[category.value]
    if kept.keys().isdisjoint(_ATTACKS):
        rule = (
            f"the threat to life the danger needs: learned weights for it ({score:+.2f}, "
            f"above {IMMINENT_FLOOR:+.2f})"
        )
    else:
        rule = (
            "with the danger, a call to kill a group or an announced attack "
            "(§3.1: hate or terrorism, and threats)"
        )
    signals = ("imminent_danger=true", *readings.signals(category.value))
    because = reason(CATEGORY_NAMES[category], rule, signals)
    ruled = first.found.get(category) or first.labelled_away.get(category)
    if ruled is not None:
        return ruled._replace(reasons=(*ruled.reasons, because))
    return Finding(category, score, (because,))


def _imminent(first: FirstReading, readings: Readings) -> tuple[bool, Reason]:
    score = readings.scores[IMMINENT]
    if (score > (0 if first.imminent else IMMINENT_FLOOR)) is first.imminent:
        return first.imminent, first.imminent_reason
    if not first.imminent:
        rule = (
            f"the second reading: learned weights for it ({score:+.2f}, "
            f"above {IMMINENT_FLOOR:+.2f})"
        )
        return True, reason(IMMINENT, rule, readings.signals(IMMINENT))
    rule = f"the rules' danger set aside by the second reading ({score:+.2f})"
    return False, reason(IMMINENT, rule, readings.signals(IMMINENT, against=True))
