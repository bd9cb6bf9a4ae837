"""Scope (§3.2): from where_seen AND the description; the description wins when they disagree.

- where_seen public: mixed if the text also names a private channel ("et ils lui envoient des DM")
  and describes public posting or a public place; private if it names only private channels ("tout
  se passe en DM", "il m'a écrit en DM" with nothing public described).
- where_seen private: mixed if the text also describes public posting; public if only that.
- where_seen unknown: the text decides; an explicit "je ne sais pas si c'était…" keeps it unknown.
An invitation in public content to write privately ("DM pour commander") is not a private part;
an exchange told with its subject ("j'ai commandé en DM", "they also DM me the same stuff") is one,
whatever invitation its words also make.
"""

from aiguillage.shared.decision import Reason
from aiguillage.shared.vocabulary import PRIVATE_CHANNELS, PUBLIC_CHANNELS, Scope, WhereSeen
from aiguillage.triage.classifier.categories import GLOBAL_INNOCENT
from aiguillage.triage.classifier.matching import Evidence
from aiguillage.triage.classifier.reasons import reason

# Written once: formatting an enum member costs more than a lookup.
_FIELDS = {where: f"field:where_seen={where}" for where in WhereSeen}
# The rules when the description says nothing against the form's field.
_PUBLIC_CHANNEL = "content visible to anyone (public channel)"
_PRIVATE_CHANNEL = "private channel (messages, e-mail, SMS, calls)"
_NOTHING_SAID = "nothing says where the content was seen"


# An invitation to order in DM, in public content, is not a private part; nor is a phone that is
# no longer answered, nor a Snapchat story. A screenshot names the channel it was taken from, not
# where it is seen ("une capture de mes SMS" posted in a public group; "des captures de mes
# stories" in a private one).
_INVITATION = (
    GLOBAL_INNOCENT,
    "private_invitation",
    "unreachable",
    "public_snapchat",
    "screenshot",
)
# A "close friends" story is shown to a chosen list, and a threat to post somewhere public ("he'll
# post them on Reddit unless…") is not yet a public post; nor is where two people met, nor "la
# Poste" (the postal service, named in a parcel scam).
_RESTRICTED = (
    GLOBAL_INNOCENT,
    "restricted_audience",
    "threatened_dissemination",
    "met_online",
    "screenshot",
    "not_a_post",
)
_HIDDEN = (GLOBAL_INNOCENT,)
# The groups that can set a public channel's field aside (private channels, a blackmail), and the
# ones that say anything of where something seen somewhere unknown was: most descriptions have
# none, and the field decides without testing them one by one. (A private channel's field is set
# aside only with a public place named: "public_strong".)
_NOT_ONLY_PUBLIC = frozenset(
    {"private_only", "private_strong", "exchange_described", "extortion", "image_blackmail"}
)
_SAYS_WHERE = frozenset(
    {
        "uncertain",
        "public_strong",
        "public_acts",
        "public_weak",
        "private_strong",
        "exchange_described",
        "private_weak",
        "extortion",
        "image_blackmail",
    }
)


def decide_scope(evidence: Evidence, where_seen: WhereSeen) -> tuple[Scope, Reason]:
    present = evidence.present
    known: dict[str, list[str]] = {}

    def sig(group: str) -> list[str]:
        """The group's signals, computed on first use: each branch needs only a few groups."""
        found = known.get(group)
        if found is None:
            hiding: tuple[str, ...]
            if group.startswith("private_"):
                hiding = _INVITATION
            elif group.startswith("public_"):
                hiding = _RESTRICTED
            else:
                hiding = _HIDDEN
            found = known[group] = evidence.signals(group, hidden_by=hiding, limit=2)
        return found

    def private_strong() -> list[str]:
        # A private exchange told with a subject ("they also DM me") is one, whatever invitation
        # its words also make ("DM me the…"): not hidden by the invitations.
        return (sig("private_strong") + sig("exchange_described"))[:2]

    def blackmail() -> list[str]:
        # An extortion ("sinon j'envoie la vidéo à tes contacts") is written to its victim.
        return sig("extortion") or sig("image_blackmail")

    def pub_strong() -> list[str]:
        # Posting is public on its own, except on a private channel where it needs a public
        # place too.
        places = sig("public_strong")
        if where_seen not in PRIVATE_CHANNELS or places:
            return places + sig("public_acts")
        return []

    field = _FIELDS[where_seen]
    if where_seen in PUBLIC_CHANNELS:
        if present.isdisjoint(_NOT_ONLY_PUBLIC):
            return Scope.PUBLIC, reason(subject="scope", rule=_PUBLIC_CHANNEL, signals=(field,))
        # "Tout se passe en DM" overrides the field; a DM merely mentioned adds a private part.
        private_only = sig("private_only")
        if private_only:
            return Scope.PRIVATE, reason(
                subject="scope",
                rule="the description says it is all private; it wins over the form's field",
                signals=(field, *private_only),
            )
        if private_strong() and not (pub_strong() or sig("public_profile")):
            return Scope.PRIVATE, reason(
                subject="scope",
                rule="the description names only private channels and no public posting; "
                "it wins over the form's field",
                signals=(field, *private_strong()),
            )
        if blackmail() and not (pub_strong() or sig("public_profile")):
            return Scope.PRIVATE, reason(
                subject="scope",
                rule="a blackmail is made in private messages and nothing was published yet; "
                "it wins over the form's field",
                signals=(field, *blackmail()),
            )
        if private_strong():
            return Scope.MIXED, reason(
                subject="scope",
                rule="public channel, and the description also describes private messages: mixed",
                signals=(field, *pub_strong()[:1], *private_strong()),
            )
        return Scope.PUBLIC, reason(subject="scope", rule=_PUBLIC_CHANNEL, signals=(field,))

    if where_seen in PRIVATE_CHANNELS:
        if "public_strong" not in present:
            return Scope.PRIVATE, reason(subject="scope", rule=_PRIVATE_CHANNEL, signals=(field,))
        # "Tout se passe en DM" keeps it private, whatever public place is also named.
        public = [] if sig("private_only") else pub_strong()
        # A blackmail is a private part too: it is written to its victim, whatever it led to
        # ("300 euros or I send the video", and a fake profile shows an extract).
        private = private_strong() or sig("private_weak") or blackmail()
        if public and private:
            return Scope.MIXED, reason(
                subject="scope",
                rule="private channel, and the description also describes public posting: mixed",
                signals=(field, *public, *private[:1]),
            )
        if public:
            return Scope.PUBLIC, reason(
                subject="scope",
                rule="the description describes only public posting; it wins over the form's field",
                signals=(field, *public),
            )
        return Scope.PRIVATE, reason(subject="scope", rule=_PRIVATE_CHANNEL, signals=(field,))

    if present.isdisjoint(_SAYS_WHERE):
        return Scope.UNKNOWN, reason(subject="scope", rule=_NOTHING_SAID, signals=(field,))
    uncertain = [m.signal for m in evidence.all("uncertain")[:1]]
    if uncertain:
        return Scope.UNKNOWN, reason(
            subject="scope",
            rule="the reporter does not know where it was seen",
            signals=(field, *uncertain),
        )
    public = pub_strong() + sig("public_weak")
    private = private_strong() + sig("private_weak")
    if public and private:
        return Scope.MIXED, reason(
            subject="scope",
            rule="the description names public and private channels",
            signals=(field, *public[:1], *private[:1]),
        )
    if public:
        return Scope.PUBLIC, reason(
            subject="scope",
            rule="the description names a public channel",
            signals=(field, *public[:2]),
        )
    if private or blackmail():
        return Scope.PRIVATE, reason(
            subject="scope",
            rule="the description names a private channel, or a blackmail written to its victim",
            signals=(field, *(private or blackmail())[:2]),
        )
    return Scope.UNKNOWN, reason(subject="scope", rule=_NOTHING_SAID, signals=(field,))
