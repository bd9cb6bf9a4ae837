"""Scope (§3.2): from where_seen AND the description; the description wins when they disagree.

- where_seen public: mixed if the text also names a private channel ("et ils lui envoient des DM");
  private if it names only private channels ("tout se passe en DM").
- where_seen private: mixed if the text also describes public posting; public if only that.
- where_seen unknown: the text decides; an explicit "je ne sais pas si c'était…" keeps it unknown.
"""

from aiguillage.shared.decision import Reason
from aiguillage.shared.vocabulary import PRIVATE_CHANNELS, PUBLIC_CHANNELS, Scope, WhereSeen
from aiguillage.triage.classifier.categories import GLOBAL_INNOCENT
from aiguillage.triage.classifier.matching import Evidence


def decide_scope(evidence: Evidence, where_seen: WhereSeen) -> tuple[Scope, Reason]:
    hidden = (GLOBAL_INNOCENT,)

    def sig(group: str) -> list[str]:
        return evidence.signals(group, hidden_by=hidden, limit=2)

    field = f"field:where_seen={where_seen}"
    pub_acts, pub_places = sig("public_acts"), sig("public_strong")
    pub_weak, _pub_context = sig("public_weak"), sig("public_context")
    # Posting is public on its own, except on a private channel where it needs a public place too.
    pub_strong = pub_places + pub_acts if (where_seen not in PRIVATE_CHANNELS or pub_places) else []
    priv_strong, priv_weak = sig("private_strong"), sig("private_weak")

    if where_seen in PUBLIC_CHANNELS:
        # "Tout se passe en DM" overrides the field; a DM merely mentioned adds a private part.
        private_only = sig("private_only")
        if private_only:
            return Scope.PRIVATE, Reason(
                subject="scope",
                rule="the description says it is all private; it wins over the form's field",
                signals=(field, *private_only),
            )
        if priv_strong:
            return Scope.MIXED, Reason(
                subject="scope",
                rule="public channel, and the description also describes private messages: mixed",
                signals=(field, *pub_strong[:1], *priv_strong),
            )
        return Scope.PUBLIC, Reason(
            subject="scope", rule="content visible to anyone (public channel)", signals=(field,)
        )

    if where_seen in PRIVATE_CHANNELS:
        if pub_strong and (priv_strong or priv_weak):
            return Scope.MIXED, Reason(
                subject="scope",
                rule="private channel, and the description also describes public posting: mixed",
                signals=(field, *pub_strong, *priv_strong[:1]),
            )
        if pub_strong:
            return Scope.PUBLIC, Reason(
                subject="scope",
                rule="the description describes only public posting; it wins over the form's field",
                signals=(field, *pub_strong),
            )
        return Scope.PRIVATE, Reason(
            subject="scope", rule="private channel (messages, e-mail, SMS, calls)", signals=(field,)
        )

    uncertain = [m.signal for m in evidence.all("uncertain")[:1]]
    if uncertain:
        return Scope.UNKNOWN, Reason(
            subject="scope",
            rule="the reporter does not know where it was seen",
            signals=(field, *uncertain),
        )
    public = pub_strong + pub_weak
    private = priv_strong + priv_weak
    if public and private:
        return Scope.MIXED, Reason(
            subject="scope",
            rule="the description names public and private channels",
            signals=(field, *public[:1], *private[:1]),
        )
    if public:
        return Scope.PUBLIC, Reason(
            subject="scope",
            rule="the description names a public channel",
            signals=(field, *public[:2]),
        )
    if private:
        return Scope.PRIVATE, Reason(
            subject="scope",
            rule="the description names a private channel",
            signals=(field, *private[:2]),
        )
    return Scope.UNKNOWN, Reason(
        subject="scope", rule="nothing says where the content was seen", signals=(field,)
    )
