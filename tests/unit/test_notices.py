"""The reporter's notices (policy §4, last rule): every template used, every placeholder given,
and the outcome right for each kind of case."""

import itertools
import re
from collections.abc import Iterator

import pytest

from aiguillage.dispatch.routing import route
from aiguillage.dispatch.zones import CommuneIndex
from aiguillage.shared.decision import Reason, Routing, TriageDecision
from aiguillage.shared.notices import acknowledgement_text, compose, library, outcome_text
from aiguillage.shared.report import Victim
from aiguillage.shared.vocabulary import Category, Destination, Priority, Scope

C = Category
D = Destination

# Codes that are not also French words: none may reach a reporter.
LEAKY_CODES = sorted(
    {c.value for c in Category if c is not C.SPAM}
    | {d.value for d in Destination if d not in {D.POLICE, D.GENDARMERIE}}
    | {s.value for s in Scope if s is not Scope.PUBLIC}
)


def decision(
    *categories: Category, scope: Scope = Scope.PRIVATE, imminent: bool = False
) -> TriageDecision:
    return TriageDecision(
        categories=categories,
        scope=scope,
        victim_minor=None,
        school_context=False,
        imminent_danger=imminent,
        priority=Priority.P2,
        reasons=(),
    )


def zone_reasons(destination: Destination, commune: str, *, approximated: bool) -> tuple[Reason]:
    """A reason shaped like dispatch's routing writes it for police or gendarmerie."""
    basis = (
        "documented approximation: population ≥ 20,000 → police, otherwise gendarmerie"
        if approximated
        else "Paris and its inner ring (departments 75, 92, 93, 94) are police zone"
    )
    return (
        Reason(
            subject=f"destination:{destination}",
            rule=f"a private case needs a complaint; {commune} is in the zone ({basis})",
            signals=("scope:private", f"commune:12345 {commune}", "population:27110"),
        ),
    )


def every_outcome() -> Iterator[tuple[TriageDecision, Routing]]:
    """Every combination of destinations dispatch can produce, with and without a commune in the
    reasons and an approximation, plus every ground for closing."""
    optional = (D.EMERGENCY, D.ANALYSTS, D.OFMIN, D.THESEE)
    law = (None, D.POLICE, D.GENDARMERIE, D.LAW_ENFORCEMENT_UNASSIGNED)
    decisions = (
        decision(C.THREATS_VIOLENCE, C.CYBERHARASSMENT, C.ENDANGERMENT, scope=Scope.MIXED),
        decision(C.SCAM),
        decision(imminent=True),  # no category at all: the findings still read well
    )
    order = list(Destination)
    for count in range(len(optional) + 1):
        for chosen in itertools.combinations(optional, count):
            for desk in law:
                destinations = tuple(sorted([*chosen, *([desk] if desk else [])], key=order.index))
                if not destinations:
                    continue
                variants: list[tuple[Reason, ...]] = [()]
                if desk in {D.POLICE, D.GENDARMERIE}:
                    variants += [
                        zone_reasons(desk, "Bergerac", approximated=True),
                        zone_reasons(desk, "Paris", approximated=False),
                    ]
                for reasons in variants:
                    for made in decisions:
                        yield made, Routing(destinations=destinations, reasons=reasons)
    closed = Routing(destinations=(D.CLOSED,), reasons=())
    for made in (
        decision(),
        decision(C.SPAM, scope=Scope.PUBLIC),
        decision(C.ENDANGERMENT),
        decision(C.SPAM, C.INSULT_DEFAMATION, scope=Scope.PUBLIC),
        decision(scope=Scope.UNKNOWN),
    ):
        yield made, closed


def test_every_template_is_used_and_every_placeholder_is_provided(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    used: set[str] = set()

    def recording(name: str, **values: str) -> str:
        used.add(name)
        # The real renderer: a missing placeholder raises here, naming the template.
        return library.render(name, **values)

    monkeypatch.setattr(compose, "render", recording)
    texts = [acknowledgement_text("R-1")]
    texts += [outcome_text(made, routing) for made, routing in every_outcome()]

    assert used == set(library.templates())
    for text in texts:
        assert "$" not in text
        for code in LEAKY_CODES:
            assert not re.search(rf"\b{code}\b", text), (code, text)


def test_a_missing_placeholder_fails_naming_the_template_and_the_placeholder() -> None:
    with pytest.raises(KeyError, match=r"complaint_police\.txt.*\$commune"):
        library.render("complaint_police")


def test_labels_cover_every_category_and_scope() -> None:
    labels = library.labels()
    for category in Category:
        assert f"category.{category}" in labels
    for scope in Scope:
        assert f"scope.{scope}" in labels


def test_acknowledgement_gives_the_tracking_id() -> None:
    text = acknowledgement_text("9f1c-42")
    assert "9f1c-42" in text
    assert "merci" in text.lower()


def test_private_threats_in_a_police_commune_name_it_and_the_online_pre_complaint() -> None:
    made = decision(C.THREATS_VIOLENCE, C.CYBERHARASSMENT)
    routing = Routing(
        destinations=(D.POLICE,),
        reasons=zone_reasons(D.POLICE, "Bergerac", approximated=True),
    )
    text = outcome_text(made, routing)
    assert "Bergerac" in text
    assert "pré-plainte en ligne" in text
    assert "commissariat" in text
    assert "captures d'écran" in text
    assert "ne supprimez pas" in text
    assert "menaces ou incitation à la violence et cyberharcèlement" in text
    assert "façon approchée" in text


def test_the_commune_comes_from_dispatchs_own_reasons() -> None:
    """Guards the coupling with routing.py: the notice reads the commune from its reasons."""
    communes = CommuneIndex.load()
    made = decision(C.THREATS_VIOLENCE, C.CYBERHARASSMENT)
    bergerac = outcome_text(made, route(made, Victim(commune_insee="24037"), communes))
    assert "Bergerac" in bergerac
    assert "police nationale" in bergerac
    assert "façon approchée" in bergerac  # population ≥ 20,000: the approximation is visible
    paris = outcome_text(made, route(made, Victim(commune_insee="75056"), communes))
    assert "Paris" in paris
    assert "façon approchée" not in paris
    unknown = outcome_text(made, route(made, Victim(), communes))
    assert "brigade de gendarmerie" in unknown
    assert "pré-plainte en ligne" in unknown


def test_gendarmerie_names_the_brigade() -> None:
    routing = Routing(
        destinations=(D.GENDARMERIE,),
        reasons=zone_reasons(D.GENDARMERIE, "Sarlat-la-Canéda", approximated=True),
    )
    text = outcome_text(decision(C.HATE), routing)
    assert "Sarlat-la-Canéda" in text
    assert "brigade de gendarmerie" in text


def test_private_scam_points_to_thesee() -> None:
    text = outcome_text(decision(C.SCAM), Routing(destinations=(D.THESEE,), reasons=()))
    assert "THESEE" in text
    assert "escroquerie" in text
    assert "commissariat" not in text


def test_endangerment_gives_the_3114() -> None:
    made = decision(C.ENDANGERMENT, scope=Scope.PUBLIC, imminent=True)
    text = outcome_text(made, Routing(destinations=(D.EMERGENCY, D.ANALYSTS), reasons=()))
    assert "3114" in text
    assert "24 h/24" in text
    assert "gratuit" in text
    no_danger = outcome_text(decision(C.HATE), Routing(destinations=(D.POLICE,), reasons=()))
    assert "3114" not in no_danger


@pytest.mark.parametrize(
    ("made", "ground"),
    [
        (decision(), "aucune des infractions"),
        (decision(C.SPAM, scope=Scope.PUBLIC), "33700"),
        (decision(C.ENDANGERMENT), "3114"),
    ],
)
def test_closed_gets_a_statement_of_reasons(made: TriageDecision, ground: str) -> None:
    text = outcome_text(made, Routing(destinations=(D.CLOSED,), reasons=()))
    assert "Décision" in text
    assert "Faits retenus" in text
    assert "Motif" in text
    assert "Ce que vous pouvez encore faire" in text
    assert ground in text


def test_mixed_goes_to_pharos_and_asks_for_a_complaint() -> None:
    made = decision(C.CYBERHARASSMENT, C.INSULT_DEFAMATION, scope=Scope.MIXED)
    routing = Routing(
        destinations=(D.ANALYSTS, D.POLICE, D.OFMIN),
        reasons=zone_reasons(D.POLICE, "Bordeaux", approximated=True),
    )
    text = outcome_text(made, routing)
    assert "PHAROS" in text
    assert "déposer plainte" in text
    assert "Bordeaux" in text
    assert "office mineurs" in text.lower()
    assert "des contenus publics et des messages privés à la fois" in text
