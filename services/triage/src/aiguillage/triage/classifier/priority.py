"""Priority (§5): the highest rule that applies wins; a trusted flagger raises it one level, never
above P1 unless there is imminent danger."""

from aiguillage.shared.decision import CATEGORY_NAMES, Reason
from aiguillage.shared.vocabulary import Category, Priority
from aiguillage.triage.classifier.reasons import reason

P1_CATEGORIES = frozenset(
    {Category.TERRORISM, Category.CHILD_SEXUAL_ABUSE, Category.THREATS_VIOLENCE}
)
P2_CATEGORIES = frozenset(
    {
        Category.HATE,
        Category.CYBERHARASSMENT,
        Category.ENDANGERMENT,
        Category.ILLICIT_TRAFFICKING,
        Category.INCITEMENT_OFFENCES,
    }
)
_ORDER = (Priority.P0, Priority.P1, Priority.P2, Priority.P3)


def decide_priority(
    categories: set[Category], *, imminent: bool, victim_minor: bool | None, trusted_flagger: bool
) -> tuple[Priority, list[Reason]]:
    if imminent:
        return Priority.P0, [
            reason(
                subject="priority", rule="P0: imminent danger", signals=("imminent_danger=true",)
            )
        ]
    if categories & P1_CATEGORIES or victim_minor:
        signals = [CATEGORY_NAMES[c] for c in sorted(categories & P1_CATEGORIES)] + (
            ["victim_minor=true"] if victim_minor else []
        )
        base, rule = Priority.P1, "P1: terrorism, child sexual abuse, threats or a minor victim"
    elif categories & P2_CATEGORIES:
        signals = [CATEGORY_NAMES[c] for c in sorted(categories & P2_CATEGORIES)]
        base, rule = Priority.P2, "P2: hate, harassment, endangerment, trafficking or incitement"
    else:
        signals = [CATEGORY_NAMES[c] for c in sorted(categories)] or ["no category"]
        base, rule = Priority.P3, "P3: scam, insult, spam or no category"
    reasons = [reason(subject="priority", rule=rule, signals=tuple(signals))]
    if trusted_flagger:
        raised = _ORDER[max(_ORDER.index(base) - 1, _ORDER.index(Priority.P1))]
        if raised != base:
            reasons.append(
                reason(
                    subject="priority",
                    rule=f"trusted flagger: raised one level, {base} → {raised}",
                    signals=("field:reporter.trusted_flagger=true",),
                )
            )
        else:
            reasons.append(
                reason(
                    subject="priority",
                    rule="trusted flagger: not raised above P1 without imminent danger",
                    signals=("field:reporter.trusted_flagger=true",),
                )
            )
        return raised, reasons
    return base, reasons
