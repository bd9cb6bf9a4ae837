"""The reporter's two notices (policy §4, last rule), assembled from the packaged templates.

Which pieces are used when is decided here; the words are in `templates/` (see its README.md).
"""

from collections.abc import Iterable

from aiguillage.shared.decision import Routing, TriageDecision
from aiguillage.shared.notices.library import label, render
from aiguillage.shared.notices.reasons import approximated, commune_name
from aiguillage.shared.vocabulary import Category, Destination, Scope

# Pieces are separated by a blank line; the per-destination lines form one list.
_PIECE_SEPARATOR = "\n\n"
_COMPLAINT_TEMPLATES = {
    Destination.POLICE: "complaint_police",
    Destination.GENDARMERIE: "complaint_gendarmerie",
    Destination.LAW_ENFORCEMENT_UNASSIGNED: "complaint_unassigned",
}
_NAMED_ZONES = frozenset({Destination.POLICE, Destination.GENDARMERIE})


def acknowledgement_text(report_id: str) -> str:
    """The first notice: thanks, the tracking id, what happens next."""
    return render("acknowledgement", report_id=report_id)


def outcome_text(decision: TriageDecision, routing: Routing) -> str:
    """The second notice: what was found, where it went and what each service will do, how to
    file a complaint when one is needed, and, for a closed report, the statement of reasons."""
    others = [d for d in routing.destinations if d is not Destination.CLOSED]
    pieces: list[str] = []
    if others:
        pieces.append(
            render(
                "findings",
                scope=_scope_words(decision.scope),
                categories=_category_words(decision.categories),
            )
        )
        pieces.append("\n".join(render(f"destination_{d}") for d in others))
        pieces.extend(_complaint_guidance(routing))
        if Destination.THESEE in others:
            pieces.append(render("thesee"))
    # A routing with no destination at all should not exist; if one does, the reporter still
    # gets an explanation rather than an empty notice.
    if Destination.CLOSED in routing.destinations or not others:
        pieces.append(_statement_of_reasons(decision))
    if Category.ENDANGERMENT in decision.categories:
        pieces.append(render("suicide_prevention_3114"))
    return _PIECE_SEPARATOR.join(pieces)


def _complaint_guidance(routing: Routing) -> list[str]:
    """How and where to file a complaint, for the private part (or a lone insult) sent to the
    police, the gendarmerie or the desk that assigns by hand."""
    pieces: list[str] = []
    for destination in routing.destinations:
        template = _COMPLAINT_TEMPLATES.get(destination)
        if template is None:
            continue
        if destination in _NAMED_ZONES:
            commune = commune_name(routing, destination) or label("commune.unknown")
            pieces.append(render(template, commune=commune))
            # The reporter must know the service may be the wrong one (policy §4: the
            # approximation is visible) and that any other will take the complaint.
            if approximated(routing, destination):
                pieces.append(render("zone_approximation"))
        else:
            pieces.append(render(template))
    if pieces:
        pieces.append(render("complaint_evidence"))
    return pieces


def _statement_of_reasons(decision: TriageDecision) -> str:
    """A closed report's explanation in the manner of a DSA art. 17 statement of reasons: the
    decision, the facts, the ground, and what the reporter can still do."""
    ground = render(_closed_ground(set(decision.categories), decision.scope))
    return render(
        "destination_closed",
        scope=_scope_words(decision.scope),
        categories=_category_words(decision.categories),
        ground=ground,
    )


def _closed_ground(categories: set[Category], scope: Scope) -> str:
    """The ground's template, in the order dispatch's routing picks its closing reason, so the
    reporter is told the same ground the analysts see."""
    if Category.ENDANGERMENT in categories and scope is Scope.PRIVATE:
        return "closed_private_distress"
    if categories == {Category.SPAM}:
        return "closed_spam"
    if not categories:
        return "closed_no_category"
    return "closed_other"


def _category_words(categories: Iterable[Category]) -> str:
    """The categories in plain French, in the policy's order, never as codes."""
    present = set(categories)
    words = [label(f"category.{c}") for c in Category if c in present]
    if not words:
        return label("category.none")
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])} {label('join.last')} {words[-1]}"


def _scope_words(scope: Scope) -> str:
    return label(f"scope.{scope}")
