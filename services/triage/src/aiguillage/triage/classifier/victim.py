"""victim_minor and school_context (§3.3). The description wins over a mis-ticked box.

victim_minor, first rule that answers:
1. an age attached to the victim ("ma fille de 13 ans", "j'ai 24 ans", "my daughter (16)");
2. the victim described as a pupil ("ma fille est en 5e", "je suis collégien") or as an adult
   ("elle est majeure", "ma grand-mère a reçu": a grandparent is an adult); the reporter's job
   ("je suis infirmière", "je suis prof") says the victim is an adult only when the reporter is
   the one targeted ("il me harcèle"); otherwise a minor described ("une élève de 5e", "un ado")
   is the victim;
3. the form's `is_minor` field;
4. the victim named by an adult relation or role ("ma daronne", "notre prof d'anglais");
5. weaker signs a minor is involved (a school year, "collège", "ado", an unattributed age under
   18), only when someone in particular is targeted ("me", "lui", "ma sœur"): "des vidéos que
   regardent des collégiens" has no identifiable victim;
6. otherwise unknown (None): no identifiable victim.
Sexual images of children make it true, and a report with no category has no victim, so unknown
(both applied by the caller once categories are known).
"""

import re

from aiguillage.shared.decision import Reason
from aiguillage.shared.report import Victim
from aiguillage.triage.classifier.categories import GLOBAL_INNOCENT
from aiguillage.triage.classifier.matching import Evidence, Match
from aiguillage.triage.classifier.reasons import reason

ADULT_AGE = 18
_NUMBER = re.compile(r"[0-9]+")


def _ages(matches: tuple[Match, ...], innocent: tuple[Match, ...]) -> list[tuple[int, Match]]:
    found = []
    for match in matches:
        numbers = list(_NUMBER.finditer(match.text))
        if not numbers:
            continue
        # The age is the last number; a duration or someone else's age covering it
        # ("après 2 ans", "un homme de 40 ans") is not the victim's age.
        where = match.start + numbers[-1].start()
        if any(i.start <= where < i.end for i in innocent):
            continue
        if numbers:
            age = int(numbers[-1].group())
            if 0 < age < 120:
                found.append((age, match))
    return found


def _minor_described(evidence: Evidence, innocent: tuple[Match, ...]) -> bool:
    """A minor person described in the report ("une élève de 5e", "un ado"), not a school named."""
    hidden = (GLOBAL_INNOCENT,)
    if evidence.has("minor_person", hidden_by=hidden):
        return True
    ages = _ages(evidence.find("any_age", hidden_by=hidden), innocent)
    return any(age < ADULT_AGE for age, _ in ages)


# The rule of a victim whose age the description states, 18 or over: the second reading reads it
# (learned.py: an adult's blackmail is no child sexual abuse).
STATED_ADULT = "the description gives the victim's age, 18 or over"


def decide_victim_minor(evidence: Evidence, victim: Victim) -> tuple[bool | None, Reason]:
    hidden = (GLOBAL_INNOCENT,)
    # "Un gars de 15 ans" is an author's age, unless the reporter says it of himself.
    innocent = evidence.find("age_innocent", hidden_by=("own_age",))
    ages = _ages(evidence.find("victim_age", hidden_by=hidden), innocent)
    minors = [(a, m) for a, m in ages if a < ADULT_AGE]
    if minors:
        return True, reason(
            subject="victim_minor",
            rule="the description gives the victim's age, under 18",
            signals=(minors[0][1].signal,),
        )
    if ages:
        return False, reason(
            subject="victim_minor",
            rule=STATED_ADULT,
            signals=(ages[0][1].signal,),
        )
    strong = evidence.signals("minor_strong", hidden_by=hidden, limit=1)
    if strong:
        return True, reason(
            subject="victim_minor",
            rule="the description says the victim is a pupil or a minor",
            signals=tuple(strong),
        )
    adult = evidence.signals("adult_words", hidden_by=hidden, limit=1)
    if adult:
        return False, reason(
            subject="victim_minor",
            rule="the description says the victim is an adult",
            signals=tuple(adult),
        )
    role = evidence.signals("reporter_role", hidden_by=hidden, limit=1)
    if role:
        if evidence.has("self_target", hidden_by=hidden) or not _minor_described(
            evidence, innocent
        ):
            return False, reason(
                subject="victim_minor",
                rule="the reporter, an adult by their job or role, is the one targeted",
                signals=tuple(role),
            )
        return True, reason(
            subject="victim_minor",
            rule="the reporter's job describes the reporter; the victim described is a minor",
            signals=tuple(role),
        )
    if victim.is_minor is not None:
        return victim.is_minor, reason(
            subject="victim_minor",
            rule="the form's field",
            signals=(f"field:victim.is_minor={str(victim.is_minor).lower()}",),
        )
    kin = evidence.signals("adult_kin", hidden_by=hidden, limit=1)
    if kin:
        return False, reason(
            subject="victim_minor",
            rule="the description names the victim by an adult relation or role",
            signals=tuple(kin),
        )
    if not evidence.has("personal_target", hidden_by=hidden):
        return None, reason(
            subject="victim_minor",
            rule="no identifiable victim (content about people in general)",
            signals=("field:victim.is_minor=null",),
        )
    weak = evidence.signals("minor_words", hidden_by=hidden, limit=1)
    loose_minor_ages = [
        (a, m)
        for a, m in _ages(evidence.find("any_age", hidden_by=hidden), innocent)
        if a < ADULT_AGE
    ]
    if weak or loose_minor_ages:
        signals = weak + [m.signal for _, m in loose_minor_ages[:1]]
        return True, reason(
            subject="victim_minor",
            rule="the description points to a minor (school year, age, 'ado')",
            signals=tuple(signals),
        )
    return None, reason(
        subject="victim_minor",
        rule="no identifiable victim or age",
        signals=("field:victim.is_minor=null",),
    )


def decide_school_context(evidence: Evidence, victim: Victim) -> tuple[bool, Reason]:
    school = evidence.signals("school", hidden_by=(GLOBAL_INNOCENT,), limit=2)
    if school:
        return True, reason(
            subject="school_context",
            rule="it happens at school or between pupils",
            signals=tuple(school),
        )
    if victim.school_context:
        return True, reason(
            subject="school_context",
            rule="the form's field",
            signals=("field:victim.school_context=true",),
        )
    return False, reason(
        subject="school_context",
        rule="nothing points to school",
        signals=(f"field:victim.school_context={str(victim.school_context).lower()}",),
    )


def reporter_is_adult(evidence: Evidence) -> bool:
    """Whether the reporter gives their own age, 18 or over ("j'ai 22 ans", "I'm 30")."""
    own = _ages(evidence.find("reporter_age", hidden_by=(GLOBAL_INNOCENT,)), ())
    return any(age >= ADULT_AGE for age, _ in own)
