"""What the notice needs from a routing's reasons: the victim's commune and whether the service
was found by an approximation.

The routing names the commune in its signals (`commune:<INSEE code> <name>`, from the commune
index) and says "approximation" / "approximated" in its rules when the zone came from the
population threshold or the commune from a shared postal code (policy §4: the approximation must
be visible). Reading them here keeps the notice faithful to what dispatch actually decided.
"""

from aiguillage.shared.decision import Routing
from aiguillage.shared.vocabulary import Destination

_COMMUNE_SIGNAL = "commune:"
_APPROXIMATION_WORDS = ("approximation", "approximated")


def _reasons_for(routing: Routing, destination: Destination) -> list[tuple[str, tuple[str, ...]]]:
    subject = f"destination:{destination}"
    return [(r.rule, r.signals) for r in routing.reasons if r.subject == subject]


def commune_name(routing: Routing, destination: Destination) -> str | None:
    """The commune named in the reasons for `destination`, or None if none is named."""
    for _, signals in _reasons_for(routing, destination):
        for signal in signals:
            if signal.startswith(_COMMUNE_SIGNAL):
                # "commune:24037 Bergerac": the name follows the code and may contain spaces.
                _, _, name = signal.removeprefix(_COMMUNE_SIGNAL).partition(" ")
                if name.strip():
                    return name.strip()
    return None


def approximated(routing: Routing, destination: Destination) -> bool:
    """Whether the zone or the commune behind `destination` came from an approximation."""
    return any(
        word in rule.lower()
        for rule, _ in _reasons_for(routing, destination)
        for word in _APPROXIMATION_WORDS
    )
