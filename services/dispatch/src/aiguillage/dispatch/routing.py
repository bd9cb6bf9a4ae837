"""Dispatch's routing (ROUTING_POLICY.md §4): pure, one Reason per destination."""

from functools import lru_cache

from aiguillage.dispatch.zones import CommuneIndex, Zone
from aiguillage.shared.decision import CATEGORY_NAMES, Findings, Reason, Routing, TriageDecision
from aiguillage.shared.report import Victim
from aiguillage.shared.vocabulary import Category, Destination, Scope

ANALYST_CATEGORIES = frozenset(
    {
        Category.TERRORISM,
        Category.CHILD_SEXUAL_ABUSE,
        Category.THREATS_VIOLENCE,
        Category.HATE,
        Category.ENDANGERMENT,
        Category.INCITEMENT_OFFENCES,
        Category.ILLICIT_TRAFFICKING,
        Category.SCAM,
        Category.CYBERHARASSMENT,
    }
)
LAW_ENFORCEMENT_CATEGORIES = frozenset(
    {
        Category.TERRORISM,
        Category.CHILD_SEXUAL_ABUSE,
        Category.THREATS_VIOLENCE,
        Category.HATE,
        Category.INSULT_DEFAMATION,
        Category.CYBERHARASSMENT,
        Category.ILLICIT_TRAFFICKING,
        Category.INCITEMENT_OFFENCES,
    }
)
ANALYST_SCOPES = frozenset({Scope.PUBLIC, Scope.MIXED, Scope.UNKNOWN})
PRIVATE_SCOPES = frozenset({Scope.PRIVATE, Scope.MIXED})
_ORDER = {destination: index for index, destination in enumerate(Destination)}
# Written once: formatting them for every report costs more than the rest of a rule.
_SUBJECTS = {destination: f"destination:{destination}" for destination in Destination}
_SCOPE_SIGNALS = {scope: f"scope:{scope}" for scope in Scope}
_ANALYST_RULES = {
    scope: f"scope {scope} and a category PHAROS analysts handle (a queue each)" for scope in Scope
}


@lru_cache(maxsize=4096)
def _reason(subject: str, rule: str, signals: tuple[str, ...] = ()) -> Reason:
    """Reasons are frozen: equal ones, which repeat from report to report, are built once. (Called
    with positional arguments: the cache's key is then the arguments' tuple, quicker to hash.)"""
    return Reason(subject=subject, rule=rule, signals=signals)


def _names(categories: set[Category]) -> tuple[str, ...]:
    return tuple([CATEGORY_NAMES[c] for c in sorted(categories)])


def _law_enforcement(
    victim: Victim, communes: CommuneIndex, why: str, signals: tuple[str, ...]
) -> tuple[Destination, list[Reason]]:
    answer = communes.zone_of(insee_code=victim.commune_insee, postal_code=victim.postal_code)
    if answer is None:
        given = victim.commune_insee or victim.postal_code
        location = (
            f"location {given} not found in the commune list"
            if given
            else "the victim's location is unknown"
        )
        return Destination.LAW_ENFORCEMENT_UNASSIGNED, [
            _reason(
                _SUBJECTS[Destination.LAW_ENFORCEMENT_UNASSIGNED],
                f"{why}; {location}: complaint desk to assign by hand",
                signals,
            )
        ]
    destination = Destination.POLICE if answer.zone is Zone.POLICE else Destination.GENDARMERIE
    subject = _SUBJECTS[destination]
    zone_reason = answer.reasons[-1]
    reasons = [
        _reason(
            subject,
            f"{why}; {answer.commune.name} is in the {answer.zone} zone ({zone_reason.rule})",
            (*signals, *zone_reason.signals),
        ),
    ]
    reasons += [_reason(subject, r.rule, r.signals) for r in answer.reasons[:-1]]
    return destination, reasons


def route(decision: TriageDecision, victim: Victim, communes: CommuneIndex) -> Routing:
    destinations, reasons = destinations_of(decision, victim, communes)
    return Routing(destinations=destinations, reasons=reasons)


def destinations_of(
    decision: TriageDecision | Findings, victim: Victim, communes: CommuneIndex
) -> tuple[tuple[Destination, ...], tuple[Reason, ...]]:
    """`route`'s destinations and reasons, as plain values (the decide command prints them
    without building the `Routing` model)."""
    categories = set(decision.categories)
    scope = decision.scope
    chosen: dict[Destination, list[Reason]] = {}

    if decision.imminent_danger:
        chosen[Destination.EMERGENCY] = [
            _reason(
                _SUBJECTS[Destination.EMERGENCY],
                "imminent danger: immediate transmission to the competent forces",
                ("imminent_danger=true",),
            )
        ]

    insult_only = categories == {Category.INSULT_DEFAMATION}
    analyst_categories = categories & ANALYST_CATEGORIES
    if scope in ANALYST_SCOPES and analyst_categories and not insult_only:
        chosen[Destination.ANALYSTS] = [
            _reason(
                _SUBJECTS[Destination.ANALYSTS],
                _ANALYST_RULES[scope],
                (_SCOPE_SIGNALS[scope], *_names(analyst_categories)),
            )
        ]

    law_categories = categories & LAW_ENFORCEMENT_CATEGORIES
    if insult_only:
        destination, reasons = _law_enforcement(
            victim,
            communes,
            f"insult or defamation alone: only the victim can file a complaint "
            f"(whatever the scope, here {scope})",
            _names(categories),
        )
        chosen[destination] = reasons
    elif scope in PRIVATE_SCOPES and law_categories:
        part = "the private part of a mixed case" if scope is Scope.MIXED else "a private case"
        destination, reasons = _law_enforcement(
            victim,
            communes,
            f"{part} with a law-enforcement category needs a complaint",
            (_SCOPE_SIGNALS[scope], *_names(law_categories)),
        )
        chosen[destination] = reasons

    if Category.CHILD_SEXUAL_ABUSE in categories:
        chosen[Destination.OFMIN] = [
            _reason(
                _SUBJECTS[Destination.OFMIN],
                "child sexual abuse: OFMIN is notified",
                ("category:child_sexual_abuse",),
            )
        ]
    elif Category.CYBERHARASSMENT in categories and decision.victim_minor:
        chosen[Destination.OFMIN] = [
            _reason(
                _SUBJECTS[Destination.OFMIN],
                "cyber-harassment of a minor: OFMIN is notified",
                ("category:cyberharassment", "victim_minor=true"),
            )
        ]

    if Category.SCAM in categories and scope in PRIVATE_SCOPES:
        chosen[Destination.THESEE] = [
            _reason(
                _SUBJECTS[Destination.THESEE],
                "scam with a private part: THESEE (online complaint for scams), "
                "not police or gendarmerie",
                ("category:scam", f"scope:{scope}"),
            )
        ]

    if not chosen:
        chosen[Destination.CLOSED] = [_closed_reason(categories, scope)]

    ordered = sorted(chosen, key=_ORDER.__getitem__)
    return tuple(ordered), tuple([r for d in ordered for r in chosen[d]])


def _closed_reason(categories: set[Category], scope: Scope) -> Reason:
    subject = _SUBJECTS[Destination.CLOSED]
    if Category.ENDANGERMENT in categories and scope is Scope.PRIVATE:
        return _reason(
            subject,
            "private endangerment that is not imminent: no service can act on the content; "
            "the reporter is "
            "pointed to the 3114 suicide-prevention line (free, 24/7)",
            ("category:endangerment", f"scope:{scope}"),
        )
    if categories == {Category.SPAM}:
        return _reason(
            subject,
            "spam only: no other offence; the reporter gets guidance",
            ("category:spam",),
        )
    if not categories:
        return _reason(
            subject,
            "no category: not illicit or no usable information; the reporter is told why",
            ("no category",),
        )
    return _reason(
        subject,
        "no destination applies to these categories and scope",
        (*_names(categories), f"scope:{scope}"),
    )
