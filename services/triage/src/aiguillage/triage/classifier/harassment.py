"""Deriving `cyberharassment` (§3.1), which the form never offers, from the report's structure.

Harassment is a pattern of conduct aimed at a person, not a word: "harcelée de pubs" is spam and a
single insult is an insult. The report shows harassment when one of these holds:
- doxxing, or intimate images shared without consent;
- an account or group created to target someone, with hostility or a named target;
- repetition or several authors, AND hostility (threats, hate, insults, mockery, incitement to
  suicide) or unwanted contact that survives blocking, AND a person targeted;
- the reporter names it ("harcèlement"), unless they say it happened once.
"""

from aiguillage.shared.decision import Reason
from aiguillage.shared.vocabulary import Category
from aiguillage.triage.classifier.categories import GLOBAL_INNOCENT
from aiguillage.triage.classifier.matching import Evidence

HOSTILE_CATEGORIES = frozenset(
    {Category.THREATS_VIOLENCE, Category.HATE, Category.INSULT_DEFAMATION}
)
SUBJECT = f"category:{Category.CYBERHARASSMENT}"


def detect_harassment(evidence: Evidence, categories: set[Category]) -> Reason | None:
    hidden = (GLOBAL_INNOCENT,)

    def sig(group: str) -> list[str]:
        return evidence.signals(group, hidden_by=hidden, limit=2)

    doxxing = sig("doxxing")
    if doxxing:
        return Reason(
            subject=SUBJECT,
            rule="doxxing: someone's address or phone number published",
            signals=tuple(doxxing),
        )
    intimate = evidence.find("intimate", hidden_by=hidden)
    spread = evidence.find("dissemination", hidden_by=(GLOBAL_INNOCENT, "threatened_dissemination"))
    spread_same_sentence = [s for s in spread if any(s.sentence == i.sentence for i in intimate)]
    if intimate and spread_same_sentence:
        return Reason(
            subject=SUBJECT,
            rule="intimate images shared without consent (art. 226-2-1 Code pénal)",
            signals=(intimate[0].signal, spread_same_sentence[0].signal),
        )

    hostile = sorted(str(c) for c in categories & HOSTILE_CATEGORIES)
    hostile_signals = (
        [f"category:{c}" for c in hostile]
        + sig("hostile_acts")
        + evidence.signals("incite_self_harm", hidden_by=hidden, limit=1)
    )
    target = sig("personal_target")
    account = sig("targeting_account")
    if account and (hostile_signals or target):
        return Reason(
            subject=SUBJECT,
            rule="an account or group created to target a person",
            signals=tuple(account + hostile_signals[:2]),
        )

    single = sig("single_occurrence")
    repeated = sig("repetition")
    crowd = sig("many_authors")
    unwanted = sig("unwanted_contact")
    if (repeated or crowd) and (hostile_signals or unwanted) and target and not single:
        kind = "repeated" if repeated else "coordinated (several authors)"
        return Reason(
            subject=SUBJECT,
            rule=f"{kind} hostile or unwanted conduct aimed at one person "
            "(art. 222-33-2-2 Code pénal)",
            signals=tuple(repeated[:1] + crowd[:1] + hostile_signals[:2] + unwanted[:1]),
        )
    named = evidence.find("harass_explicit", hidden_by=(GLOBAL_INNOCENT, "harass_loose"))
    if named and not single and (hostile_signals or unwanted or repeated or crowd):
        return Reason(
            subject=SUBJECT,
            rule="the reporter describes harassment",
            signals=(named[0].signal, *hostile_signals[:1]),
        )
    return None
