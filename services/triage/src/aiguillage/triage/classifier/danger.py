"""imminent_danger (§3.3): a threat to someone's life that may happen now or very soon.

Both are needed, in the same or the next sentence: a life-threatening cue (a threat to kill, an
armed attack, a suicide intent, self-harm) and a time or "ongoing" cue ("ce soir", "demain 8h",
"il est en bas de mon immeuble"). A threat without a time ("il va me tuer") is serious (P1) but not
imminent; "ce soir" without a threat to life is just a date. An attack announced against a named
place ("ce lycée va se faire shooter", "je vais faire sauter la mairie") is imminent without a time
(§3.3: "an announced attack with a time or place"). A dangerous challenge given a date, and
violence under way (broadcast live), are risks to life like a suicide announcement. So is a
farewell ("adieu tout le monde", "pardon maman") next to a time, and so is a reporter's call for
help to be sent now ("URGENT … envoyez quelqu'un", "please hurry") in a report of threats or of
danger to life: the reporter says it is under way, in words no list of threats can foresee. So
are the means of a suicide made ready (a rope bought, letters written) next to a time.

Not imminent: a beating announced ("on va te défoncer à la récré demain": violence, no threat to
life), the victims' own place with no time ("on va brûler votre mosquée"), a danger the reporter
says is over ("il est hors de danger") or undated ("il n'a jamais donné de date"), and times
that are when a message came ("reçu ce matin à 7h", "le live d'hier soir").
"""

from collections.abc import Sequence

from aiguillage.shared.decision import Reason
from aiguillage.shared.vocabulary import Category
from aiguillage.triage.classifier.categories import GLOBAL_INNOCENT
from aiguillage.triage.classifier.matching import Evidence, Match
from aiguillage.triage.classifier.reasons import reason

# Which vocabulary groups count as a threat to life, by the category that must also be found.
LIFE_GROUPS = {
    Category.THREATS_VIOLENCE: (
        "kill_threat",
        "personal_harm",
        "attack_on_place",
        "weapon_threat",
        "group_violence_call",
        "attack_announce",
        "terror_emulate",
        "ongoing_assault",
        "present_kill",
        "kill_purpose",
        "rescue_call",
    ),
    Category.TERRORISM: (
        "kill_threat",
        "weapon_threat",
        "bomb_words",
        "attack_on_place",
        "attack_announce",
        "terror_emulate",
    ),
    Category.ENDANGERMENT: (
        "suicide_intent",
        "act_announced",
        "unconscious_now",
        "self_harm",
        "ongoing_assault",
        "jump_intent",
        "farewell",
        "rescue_call",
    ),
    # A child who is to meet the abuser tonight is in danger before anything is said of life.
    Category.CHILD_SEXUAL_ABUSE: ("meeting_arranged",),
}
# The reporter's call for help: the only life cue for a category that only the ticked box gave.
RESCUE_GROUPS = ("rescue_call",)
# Risks to life once they are given a time, and only a time, not an "ongoing" cue, with the rule
# that says so: a dangerous challenge ("mercredi après les cours"; "il se filme en train de…"
# describes the video), the means of a suicide made ready (a rope bought, letters written,
# pills gathered: "cette nuit").
TIME_ONLY_GROUPS = {
    Category.ENDANGERMENT: (
        ("challenge_words", "a dangerous challenge given a date or a time"),
        (
            "suicide_preparations",
            "the means of a suicide made ready, with a time that makes it imminent",
        ),
    )
}
# An announced attack on a named place: imminent with no time needed.
PLACE_GROUPS = {
    Category.THREATS_VIOLENCE: ("attack_on_place", "place_attack"),
    Category.TERRORISM: ("attack_on_place",),
}
# Attacks announced (not a threat to one person), imminent with a public place named in the
# same sentence.
ANNOUNCED_ATTACK_GROUPS = frozenset({"terror_emulate", "attack_announce"})
MAX_SENTENCE_DISTANCE = 1
# The categories any rule below needs: for a report with none of them, nothing is imminent.
_CONCERNED = frozenset([*LIFE_GROUPS, *PLACE_GROUPS, *TIME_ONLY_GROUPS])
# What hides a category's threats to life: the phrases innocent for all and the category's own,
# and a beating (no threat to life), which no attack announced is ("frapper les mécréants").
# (The category's own phrases are named even for a category the vocabularies give none: `find`
# passes over a group with no match.)
_LIFE_HIDDEN = {
    category: (
        (GLOBAL_INNOCENT, "beating_only", f"innocent_{category}"),
        (GLOBAL_INNOCENT, f"innocent_{category}"),
    )
    for category in LIFE_GROUPS
}
_AT_PLACE = "an attack announced against a named place (§3.3: a time or a place)"
# What the reporter says that sets a threat to life aside as not imminent: "il est hors de
# danger", "elle va mieux" (whatever was announced is behind us); "il n'a jamais donné de date"
# (the reporter has read the threat for its time and found none).
SET_ASIDE = (
    ("danger_over", "a threat to life, but the reporter says the danger is over"),
    ("no_date", "a threat to life, but the reporter says it gives no date"),
)


def decide_imminent(
    evidence: Evidence, categories: set[Category], ticked_only: frozenset[Category] = frozenset()
) -> tuple[bool, Reason]:
    """`ticked_only`: categories that only the ticked box gave, where the description's words of
    that offence were set aside by their context ("on va les massacrer, on leur met 5-0"): only
    the reporter's own call for help counts for them."""
    if categories.isdisjoint(_CONCERNED):  # (most reports: none of these categories)
        return False, reason(
            subject="imminent_danger", rule="no threat to anyone's life", signals=()
        )
    present = evidence.present
    life: list[Match] = []
    for category, all_groups in LIFE_GROUPS.items():
        if category not in categories:
            continue
        groups = RESCUE_GROUPS if category in ticked_only else all_groups
        hidden, announced_hidden = _LIFE_HIDDEN[category]
        for group in groups:
            if group in present:  # (`find` would say so too, in a call)
                life.extend(
                    evidence.find(
                        group,
                        hidden_by=announced_hidden if group in ANNOUNCED_ATTACK_GROUPS else hidden,
                    )
                )
    for category, groups in PLACE_GROUPS.items():
        if category not in categories or category in ticked_only:
            continue
        for group in groups:
            placed = evidence.find(group, hidden_by=(GLOBAL_INNOCENT, "possessive_place"))
            if placed:
                return True, reason(
                    subject="imminent_danger",
                    rule=_AT_PLACE,
                    signals=(placed[0].signal,),
                )
    # An attack announced by emulation or in words, with a public place named beside it.
    announced = [m for m in life if m.group in ANNOUNCED_ATTACK_GROUPS]
    at_place = (
        _near(announced, evidence.find("named_public_place", hidden_by=(GLOBAL_INNOCENT,)), 0)
        if announced
        else None
    )
    if at_place is not None:
        return True, reason(
            subject="imminent_danger",
            rule=_AT_PLACE,
            signals=(at_place[0].signal, at_place[1].signal),
        )
    time_only = [
        (match, rule)
        for category, groups in TIME_ONLY_GROUPS.items()
        if category in categories and category not in ticked_only
        for group, rule in groups
        for match in evidence.find(group, hidden_by=(GLOBAL_INNOCENT,))
    ]
    if not life and not time_only:
        return False, reason(
            subject="imminent_danger", rule="no threat to anyone's life", signals=()
        )
    # The cue that a danger set aside or not dated is about.
    first_cue = life[0] if life else time_only[0][0]
    for group, rule in SET_ASIDE:
        said = evidence.find(group, hidden_by=(GLOBAL_INNOCENT,))
        if said:
            return False, reason(
                subject="imminent_danger",
                rule=rule,
                signals=(first_cue.signal, said[0].signal),
            )
    # "Ce matin j'ai reçu…", "le 4 juin à 23h12": when the reporter saw it, not when it happens.
    dates = evidence.find("imminent_time", hidden_by=("reported_time",))
    for cue, rule in time_only:
        dated = _near([cue], dates)
        if dated is not None:
            return True, reason(
                subject="imminent_danger",
                rule=rule,
                signals=(dated[0].signal, dated[1].signal),
            )
    timed = _near(life, [*dates, *evidence.find("ongoing", hidden_by=("reported_time",))])
    if timed is not None:
        return True, reason(
            subject="imminent_danger",
            rule="a threat to life with a time or place that makes it imminent, or ongoing",
            signals=(timed[0].signal, timed[1].signal),
        )
    return False, reason(
        subject="imminent_danger",
        rule="a threat to life but no sign it is happening now or very soon",
        signals=(first_cue.signal,),
    )


def _near(
    cues: Sequence[Match], times: Sequence[Match], distance: int = MAX_SENTENCE_DISTANCE
) -> tuple[Match, Match] | None:
    """The first cue with a time (or a place) in its sentence or close to it, and that time."""
    for cue in cues:
        for when in times:
            if abs(cue.sentence - when.sentence) <= distance:
                return cue, when
    return None
