"""Routing (§4): each rule."""

from aiguillage.dispatch.routing import route
from aiguillage.dispatch.zones import CommuneIndex
from aiguillage.shared.decision import TriageDecision
from aiguillage.shared.report import Victim
from aiguillage.shared.vocabulary import Category, Destination, Priority, Scope

C = Category
D = Destination


def decision(
    *categories: Category,
    scope: Scope = Scope.PUBLIC,
    imminent: bool = False,
    minor: bool | None = None,
) -> TriageDecision:
    return TriageDecision(
        categories=categories,
        scope=scope,
        victim_minor=minor,
        school_context=False,
        imminent_danger=imminent,
        priority=Priority.P2,
        reasons=(),
    )


def dests(d: TriageDecision, victim: Victim | None = None) -> tuple[Destination, ...]:
    return route(d, victim or Victim(), CommuneIndex.load()).destinations


def test_imminent_danger_goes_to_emergency() -> None:
    assert dests(decision(C.ENDANGERMENT, scope=Scope.PRIVATE, imminent=True)) == (D.EMERGENCY,)


def test_public_analyst_category_goes_to_analysts() -> None:
    assert dests(decision(C.HATE)) == (D.ANALYSTS,)


def test_unknown_scope_goes_to_analysts_only() -> None:
    assert dests(
        decision(C.THREATS_VIOLENCE, scope=Scope.UNKNOWN), Victim(commune_insee="33063")
    ) == (D.ANALYSTS,)


def test_private_law_enforcement_category_by_zone() -> None:
    assert dests(
        decision(C.THREATS_VIOLENCE, scope=Scope.PRIVATE), Victim(commune_insee="33063")
    ) == (D.POLICE,)
    assert dests(
        decision(C.THREATS_VIOLENCE, scope=Scope.PRIVATE), Victim(commune_insee="12184")
    ) == (D.GENDARMERIE,)
    assert dests(decision(C.THREATS_VIOLENCE, scope=Scope.PRIVATE)) == (
        D.LAW_ENFORCEMENT_UNASSIGNED,
    )
    assert dests(
        decision(C.THREATS_VIOLENCE, scope=Scope.PRIVATE), Victim(commune_insee="99999")
    ) == (D.LAW_ENFORCEMENT_UNASSIGNED,)


def test_mixed_scope_splits_between_analysts_and_law_enforcement() -> None:
    assert dests(decision(C.CYBERHARASSMENT, scope=Scope.MIXED), Victim(postal_code="75011")) == (
        D.ANALYSTS,
        D.POLICE,
    )


def test_insult_alone_goes_to_law_enforcement_whatever_the_scope() -> None:
    for scope in Scope:
        assert dests(decision(C.INSULT_DEFAMATION, scope=scope), Victim(commune_insee="24520")) == (
            D.GENDARMERIE,
        )


def test_insult_with_harassment_public_goes_to_analysts_only() -> None:
    assert dests(decision(C.CYBERHARASSMENT, C.INSULT_DEFAMATION)) == (D.ANALYSTS,)


def test_ofmin_for_child_sexual_abuse_and_harassed_minors() -> None:
    assert dests(decision(C.CHILD_SEXUAL_ABUSE, minor=True)) == (D.ANALYSTS, D.OFMIN)
    assert dests(decision(C.CYBERHARASSMENT, minor=True)) == (D.ANALYSTS, D.OFMIN)
    assert D.OFMIN not in dests(decision(C.INSULT_DEFAMATION, minor=True))


def test_thesee_for_private_or_mixed_scam_only() -> None:
    assert dests(decision(C.SCAM, scope=Scope.PRIVATE)) == (D.THESEE,)
    assert dests(decision(C.SCAM, scope=Scope.MIXED)) == (D.ANALYSTS, D.THESEE)
    assert dests(decision(C.SCAM, scope=Scope.UNKNOWN)) == (D.ANALYSTS,)


def test_closed_cases_and_the_3114_line() -> None:
    assert dests(decision()) == (D.CLOSED,)
    assert dests(decision(C.SPAM)) == (D.CLOSED,)
    routing = route(decision(C.ENDANGERMENT, scope=Scope.PRIVATE), Victim(), CommuneIndex.load())
    assert routing.destinations == (D.CLOSED,)
    assert "3114" in routing.reasons[0].rule


def test_destinations_in_enum_order_with_a_reason_each() -> None:
    routing = route(
        decision(C.CHILD_SEXUAL_ABUSE, C.SCAM, scope=Scope.MIXED, imminent=True, minor=True),
        Victim(commune_insee="33063"),
        CommuneIndex.load(),
    )
    order = list(Destination)
    assert list(routing.destinations) == sorted(routing.destinations, key=order.index)
    subjects = {r.subject for r in routing.reasons}
    assert all(f"destination:{d}" in subjects for d in routing.destinations)


def test_zone_approximation_is_visible_in_the_reasons() -> None:
    routing = route(
        decision(C.HATE, scope=Scope.PRIVATE), Victim(commune_insee="24037"), CommuneIndex.load()
    )
    assert routing.destinations == (D.POLICE,)
    assert any("approximation" in r.rule for r in routing.reasons)
