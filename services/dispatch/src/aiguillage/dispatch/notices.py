"""The reporter's notice for a routed report, in plain French (policy §4, last rule)."""

from aiguillage.shared.decision import Routing
from aiguillage.shared.vocabulary import Destination

_WHAT_HAPPENS = {
    Destination.EMERGENCY: "Votre signalement a été transmis immédiatement aux forces de l'ordre.",
    Destination.ANALYSTS: "Les contenus publics signalés seront examinés par les analystes PHAROS.",
    Destination.POLICE: (
        "Pour la partie privée, déposez plainte auprès de la police nationale (commissariat ou "
        "pré-plainte en ligne) ; votre signalement y a été transmis."
    ),
    Destination.GENDARMERIE: (
        "Pour la partie privée, déposez plainte auprès de la gendarmerie nationale (brigade ou "
        "pré-plainte en ligne) ; votre signalement y a été transmis."
    ),
    Destination.LAW_ENFORCEMENT_UNASSIGNED: (
        "Pour la partie privée, un dépôt de plainte est nécessaire : votre signalement sera "
        "orienté vers le service compétent."
    ),
    Destination.OFMIN: "L'office mineurs (OFMIN) en a été informé.",
    Destination.THESEE: (
        "Pour une escroquerie, la plainte se dépose en ligne sur THESEE (service-public.gouv.fr)."
    ),
    Destination.CLOSED: (
        "Aucun service ne peut agir sur ce signalement : le contenu décrit ne relève pas d'une "
        "infraction que nous traitons, ou les informations ne suffisent pas."
    ),
}
SUICIDE_PREVENTION = "Si vous ou un proche êtes en détresse, appelez le 3114 (24 h/24, gratuit)."


def notice_text(routing: Routing, *, endangerment: bool) -> str:
    lines = ["Nous avons bien reçu votre signalement."]
    lines += [_WHAT_HAPPENS[d] for d in routing.destinations]
    if endangerment:
        lines.append(SUICIDE_PREVENTION)
    return "\n".join(lines)
