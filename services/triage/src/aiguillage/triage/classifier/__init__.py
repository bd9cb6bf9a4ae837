"""Triage's decision core: `classify(report) -> TriageDecision`, pure and deterministic
(`assess`: the same findings as plain values).

Two readings: the vocabularies' rules (`_first_reading`), then weights learned from the
project's labelled reports, which confirm, add or set aside what the rules found (learned.py).
The vocabularies (TOML files in `vocabularies/`) and the weights (`learned_weights.tsv`, see
docs/vocabularies.md) are read once per process; `classify` itself does no I/O.
"""

import gc
from functools import cache

from aiguillage.shared.decision import Findings, Reason, TriageDecision
from aiguillage.shared.report import Report
from aiguillage.shared.vocabulary import Category, Scope
from aiguillage.triage.classifier.categories import (
    GLOBAL_INNOCENT,
    Finding,
    apply_labelling_rules,
    score_category,
    ticked_box_alone,
)
from aiguillage.triage.classifier.danger import decide_imminent
from aiguillage.triage.classifier.harassment import detect_harassment
from aiguillage.triage.classifier.learned import FirstReading, features, second_reading
from aiguillage.triage.classifier.matching import Evidence
from aiguillage.triage.classifier.priority import decide_priority
from aiguillage.triage.classifier.reasons import reason
from aiguillage.triage.classifier.scope import decide_scope
from aiguillage.triage.classifier.victim import (
    decide_school_context,
    decide_victim_minor,
    reporter_is_adult,
)
from aiguillage.triage.classifier.vocab import Vocabulary, load_vocabulary
from aiguillage.triage.classifier.weights import load_weights

__all__ = ["assess", "classify", "training_features", "warm_up"]

# Half an insult's evidence (one disparaging word, a mockery) is enough once harassment is found.
HARASSMENT_INSULT_SCORE = 0.5
_CATEGORY_ORDER = {category: index for index, category in enumerate(Category)}


# Allocations between two collections of the youngest generation (Python's default: 700). A
# report allocates thousands of short-lived objects that reference counting frees; collecting
# every 700 of them looks for cycles, which the decision core rarely makes.
YOUNG_COLLECTION_THRESHOLD = 20_000


def warm_up(*, words: bool = True) -> None:
    """Load and compile the vocabularies and the second reading's weights now rather than on the
    first reports, and with them the words that terms start with (`words`; a one-off command need
    not: other words are worked out on first sight anyway).

    The first call also settles the garbage collector (`_settle_collector`)."""
    vocabulary = load_vocabulary()
    load_weights()
    if words:
        vocabulary.warm_up()
    _settle_collector()


@cache  # (once per process)
def _settle_collector() -> None:
    """Tell the garbage collector to leave what exists alone (`gc.freeze`): the compiled
    vocabularies are hundreds of thousands of objects that live as long as the process, which
    each full collection would otherwise walk through again; and to collect less often."""
    gc.collect()
    gc.freeze()
    _young, *older = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, *older)


def classify(report: Report) -> TriageDecision:
    return TriageDecision(**assess(report)._asdict())


def _first_reading(report: Report) -> FirstReading:
    """The vocabularies' rules: categories, scope and the victim's age."""
    vocabulary = load_vocabulary()
    evidence = Evidence(vocabulary, report.description)
    hint_weight = float(vocabulary.settings.get("hint_weight", 0.4))

    victim_minor, minor_reason = decide_victim_minor(evidence, report.victim)
    facts = {"victim_minor": bool(victim_minor)}
    found: dict[Category, Finding] = {}
    partial: dict[Category, Finding] = {}  # some evidence, below the threshold
    for spec, rules in vocabulary.applicable_rules(evidence.present):
        finding = score_category(evidence, spec, rules, report.category_hint, hint_weight, facts)
        if finding.score >= spec.threshold:
            found[spec.category] = finding
        elif finding.score > 0:
            partial[spec.category] = finding
    if not found and set(partial) <= {report.category_hint}:
        # The ticked box with weaker evidence of the same offence weighs no less than the box
        # alone in a silent description.
        alone = _box_alone(evidence, vocabulary, report.category_hint)
        weaker = partial.pop(alone.category, None) if alone is not None else None
        if alone is not None and weaker is not None:
            alone = alone._replace(reasons=weaker.reasons + alone.reasons)
        if alone is not None and alone.category is Category.INSULT_DEFAMATION:
            # An insult the description does not show is no case for the complaint desk on its
            # own (a neighbour's joke, a blocked account, a club called rubbish); it still is the
            # hostility of a harassment the description shows (`_add_harassment`).
            partial[alone.category] = alone._replace(score=HARASSMENT_INSULT_SCORE)
        elif alone is not None:
            found[alone.category] = alone
    # What the labelling rules set aside, for the second reading to weigh again. (Not what
    # harassment takes over below, a scam's impersonating account: that is no labelling.)
    found, notes, labelled_away = apply_labelling_rules(found)
    scope, scope_reason = decide_scope(evidence, report.where_seen)
    offline_only = _drop_if_offline(evidence, scope, found, notes)
    categories = set(found)
    # What happened offline only is no online harassment either ("il m'insulte dans l'escalier").
    harassment = None if offline_only else _add_harassment(evidence, categories, found, partial)
    if harassment is not None:
        found[Category.CYBERHARASSMENT] = Finding(Category.CYBERHARASSMENT, 1.0, (harassment,))
    found = {category: found[category] for category in categories}
    # The ticked box alone, where a sport or a song set the description's violent words aside
    # ("on va les massacrer, on leur met 5-0"): those words are no danger to anyone's life.
    ticked_only = _ticked_alone(found) if evidence.has("figurative_context") else frozenset()
    imminent, imminent_reason = decide_imminent(evidence, categories, ticked_only)
    return FirstReading(
        evidence=evidence,
        found=found,
        notes=notes,
        scope=scope,
        scope_reason=scope_reason,
        imminent=imminent,
        imminent_reason=imminent_reason,
        offline_only=offline_only,
        victim_minor=victim_minor,
        minor_reason=minor_reason,
        labelled_away=labelled_away,
    )


def training_features(report: Report) -> tuple[set[str], int]:
    """What the second reading weighs for `report` (tools/train_weights.py learns from them),
    and how many words its description has, as `learned.MIN_WORDS` counts them."""
    first = _first_reading(report)
    return features(first, report), first.evidence.word_count


def assess(report: Report) -> Findings:
    """`classify`'s findings, as plain values."""
    first = _first_reading(report)
    # What happened offline only is not content PHAROS can act on, whatever its words.
    read = first if first.offline_only else second_reading(first, report, load_weights())
    evidence, found = read.evidence, read.found
    victim_minor, minor_reason = read.victim_minor, read.minor_reason
    categories = set(found)

    if not categories and victim_minor is not None and not _adult_by_form(victim_minor, report):
        # No offence, no victim of one (§3.3: unknown when there is no identifiable victim): the
        # child who came across a video, the pupil's age told in passing. (The victim the form
        # says is an adult stays a known adult: false, as §3.3 says, offence or not.)
        victim_minor = None
        minor_reason = reason(
            subject="victim_minor",
            rule="no category: no victim of an offence",
            signals=("categories=none",),
        )
    if Category.CHILD_SEXUAL_ABUSE in categories and victim_minor is not True:
        victim_minor = True
        minor_reason = reason(
            subject="victim_minor",
            rule="sexual images or solicitation of children: the victims are minors",
            signals=("category:child_sexual_abuse",),
        )
    school, school_reason = decide_school_context(evidence, report.victim)
    priority, priority_reasons = decide_priority(
        categories,
        imminent=read.imminent,
        victim_minor=victim_minor,
        trusted_flagger=report.reporter.trusted_flagger,
    )

    ordered = tuple(sorted(categories, key=_CATEGORY_ORDER.__getitem__))
    reasons: list[Reason] = []
    for category in ordered:
        reasons.extend(found[category].reasons)
    if not ordered:
        reasons.append(
            reason(
                subject="categories",
                rule="no category's evidence reached the threshold",
                signals=(),
            )
        )
    reasons.extend(read.notes)
    reasons.extend(
        [read.scope_reason, minor_reason, school_reason, read.imminent_reason, *priority_reasons]
    )
    misspelt = evidence.misspellings
    if misspelt:
        reasons.append(
            reason(
                subject="spelling",
                rule="misspelt words read as the known word one typing slip away",
                signals=tuple(
                    f'"{written}" read as "{meant}"' for written, meant in misspelt.items()
                ),
            )
        )
    return Findings(
        categories=ordered,
        scope=read.scope,
        victim_minor=victim_minor,
        school_context=school,
        imminent_danger=read.imminent,
        priority=priority,
        reasons=tuple(reasons),
    )


def _drop_if_offline(
    evidence: Evidence, scope: Scope, found: dict[Category, Finding], notes: list[Reason]
) -> bool:
    """Whether the reporter says it happened offline and names no online channel; then the
    categories found are dropped from `found`, with a note: not content PHAROS can act on."""
    offline = evidence.signals("offline_only", hidden_by=(GLOBAL_INNOCENT,), limit=1)
    if not offline or scope is not Scope.UNKNOWN:
        return False
    if found:
        notes.append(
            reason(
                subject="categories",
                rule="the reporter says it did not happen online and names no online channel: "
                "not content PHAROS can act on (the reporter is pointed to the police)",
                signals=tuple(offline),
            )
        )
        found.clear()
    return True


def _add_harassment(
    evidence: Evidence,
    categories: set[Category],
    found: dict[Category, Finding],
    partial: dict[Category, Finding],
) -> Reason | None:
    """Cyberharassment (§3.1), added to `categories` when the description shows it, with the
    insult it is made of; its reason, or None."""
    insult = partial.get(Category.INSULT_DEFAMATION)
    some_insult = insult is not None and insult.score >= HARASSMENT_INSULT_SCORE
    # The ticked box counts alone only where the description shows no offence: a scam or spam
    # ticked for a fake account that defames someone does not hide the harassment the
    # description shows. (A ticked child abuse still does: repeated contact is then grooming.)
    ticked = _ticked_alone(found) & {Category.SCAM, Category.SPAM}
    # Insulting words said again and again are hostile, even each below an insult's threshold.
    harassment = detect_harassment(
        evidence, (categories - ticked) | ({Category.INSULT_DEFAMATION} if some_insult else set())
    )
    if harassment is not None:
        categories -= ticked
        for category in ticked:
            del found[category]
        categories.add(Category.CYBERHARASSMENT)
        categories.discard(Category.SPAM)
        if insult is not None and some_insult and categories == {Category.CYBERHARASSMENT}:
            # Repeated or coordinated mockery: one insulting word said again and again is the
            # insult the harassment is made of (§3.1: harassment comes with insults).
            categories.add(Category.INSULT_DEFAMATION)
            found[Category.INSULT_DEFAMATION] = insult
    return harassment


def _adult_by_form(victim_minor: bool | None, report: Report) -> bool:
    """Whether the victim is an adult because the form says so (and nothing said otherwise)."""
    return victim_minor is False and report.victim.is_minor is False


def _ticked_alone(found: dict[Category, Finding]) -> frozenset[Category]:
    """The categories that only the ticked box gave (`ticked_box_alone`: a score of 0)."""
    return frozenset(category for category, finding in found.items() if finding.score == 0)


def _box_alone(evidence: Evidence, vocabulary: Vocabulary, hint: Category | None) -> Finding | None:
    """`ticked_box_alone`, but for a child sexual abuse box that a reporter who gives their own
    adult age contradicts ("j'ai 22 ans": the abuse of children is about children), or that a
    description of sex education explains (a puberty video, a school's sex-education site: the
    box says what the reporter thinks of it; other boxes still stand beside a biology lesson)."""
    alone = ticked_box_alone(evidence, vocabulary.categories, hint)
    if alone is not None and alone.category is Category.CHILD_SEXUAL_ABUSE:
        explained = reporter_is_adult(evidence) or evidence.has(
            "sex_education", hidden_by=(GLOBAL_INNOCENT,)
        )
        return None if explained else alone
    return alone
