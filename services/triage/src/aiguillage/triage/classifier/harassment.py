"""Deriving `cyberharassment` (§3.1), which the form never offers, from the report's structure.

Harassment is a pattern of conduct aimed at a person, not a word: "harcelée de pubs" is spam and a
single insult is an insult. The report shows harassment when one of these holds:
- doxxing (someone's address or phone published; a home address described in a sentence that
  publishes it, or just after one), or intimate images of a person shared without consent
  (nudity words count when a photo or video is named in the same sentence), or the images of a
  person's beating put online;
- an account or group created to target someone, with hostility or a named target;
- repetition or several authors, AND hostility (threats, hate, insults, mockery, incitement to
  suicide) or unwanted contact that survives blocking, AND a person targeted;
- the reporter names it ("harcèlement") with one of the above, or of someone with nothing else
  said ("harcèlement ma fille 14 ans"), unless they say it happened once.
The last two do not apply to grooming (a groomer who writes every night is child_sexual_abuse,
§3.1), to advertising repeated with no hostility ("50 commentaires de pub par jour, c'est du
harcèlement!" is spam), nor to terrorist propaganda sent again and again or an attack announced
(terrorism), unless the reporter names harassment.
"""

from aiguillage.shared.decision import CATEGORY_NAMES, Reason
from aiguillage.shared.vocabulary import Category
from aiguillage.triage.classifier.categories import GLOBAL_INNOCENT
from aiguillage.triage.classifier.matching import Evidence
from aiguillage.triage.classifier.reasons import reason

HOSTILE_CATEGORIES = frozenset(
    {Category.THREATS_VIOLENCE, Category.HATE, Category.INSULT_DEFAMATION}
)
SUBJECT = CATEGORY_NAMES[Category.CYBERHARASSMENT]
# Offences for which a fake account is the means, not the target's harassment (fake accounts that
# post ads under someone's posts are spam bots).
_ACCOUNT_AS_TOOL = frozenset({Category.SCAM, Category.CHILD_SEXUAL_ABUSE, Category.SPAM})
_THREATS = CATEGORY_NAMES[Category.THREATS_VIOLENCE]
# A description this short that names harassment says nothing else (`said_alone`, below).
SAID_ALONE_MAX_WORDS = 12
# The groups each way of showing harassment starts from (doxxing, intimate images, an account
# created to target someone, repetition, several authors, the reporter's word): with none of them
# matched, the description shows none.
_CUES = frozenset(
    {
        "doxxing",
        "home_address",
        "intimate",
        "nudity",
        "beating_suffered",
        "targeting_account",
        "repetition",
        "many_authors",
        "harass_explicit",
    }
)


def detect_harassment(evidence: Evidence, categories: set[Category]) -> Reason | None:
    if evidence.present.isdisjoint(_CUES):  # (most reports)
        return None
    hidden = (GLOBAL_INNOCENT,)

    def sig(group: str) -> list[str]:
        return evidence.signals(group, hidden_by=hidden, limit=2)

    # A card or account number given is no phone number published.
    doxxing = evidence.signals("doxxing", hidden_by=(GLOBAL_INNOCENT, "account_number"), limit=2)
    if not doxxing and evidence.has("home_address", hidden_by=hidden):
        published = {m.sentence for m in evidence.find("dissemination", hidden_by=hidden)}
        doxxing = [
            m.signal
            for m in evidence.find("home_address", hidden_by=hidden)
            # Published in its sentence, or in the one before ("Il a posté une capture… Avec
            # mon nom et mon adresse.").
            if m.sentence in published or m.sentence - 1 in published
        ]
    if doxxing:
        return reason(
            subject=SUBJECT,
            rule="doxxing: someone's address or phone number published",
            signals=tuple(doxxing),
        )
    intimate = list(evidence.find("intimate", hidden_by=hidden))
    nudity = evidence.find("nudity", hidden_by=hidden)
    if nudity:
        pictures = {m.sentence for m in evidence.find("pictures", hidden_by=hidden)}
        intimate += [m for m in nudity if m.sentence in pictures]
    # Shared pictures of someone in particular ("mes nudes", "des photos d'elle nue"), not
    # sexual images traded in general (that is child_sexual_abuse or nothing).
    pictures_shared = False  # pictures of the person, and a sharing somewhere in the report
    if intimate and evidence.has("personal_target", hidden_by=hidden):
        # Shared in the pictures' sentence or, where nobody demands anything for them, the next
        # one ("Ils ont fabriqué des fausses photos nues d'elle. Ils les ont postées…": the
        # pronoun carries the pictures over). A blackmailer's next sentence is his threat to
        # send them ("sinon tout part à tes contacts"), not a sharing, and the victim's own
        # sending to him ("il a envoyé une photo de lui nu") is none either.
        blackmail = evidence.has("extortion") or evidence.has("image_blackmail")
        not_shared = (
            ("threatened_dissemination", "self_sent")
            if blackmail
            else ("threatened_dissemination",)
        )
        spread = evidence.find("dissemination", hidden_by=(GLOBAL_INNOCENT, *not_shared))
        pictures_shared = bool(spread)
        reach = 0 if blackmail else 1
        spread_near = [
            s for s in spread if any(0 <= s.sentence - i.sentence <= reach for i in intimate)
        ]
        if spread_near:
            return reason(
                subject=SUBJECT,
                rule="intimate images shared without consent (art. 226-2-1 Code pénal)",
                signals=(intimate[0].signal, spread_near[0].signal),
            )

    beaten = _beating_put_online(evidence)
    if beaten:
        return reason(
            subject=SUBJECT,
            rule="a person's beating filmed and put online (art. 222-33-3 Code pénal)",
            signals=beaten,
        )

    # Computed only when a rule below gets that far (most reports stop early).
    hostile_cache: list[list[str]] = []

    def hostile_signals() -> list[str]:
        if not hostile_cache:
            hostile = sorted(categories & HOSTILE_CATEGORIES)
            hostile_cache.append(
                [CATEGORY_NAMES[c] for c in hostile]
                + sig("hostile_acts")
                + evidence.signals("incite_self_harm", hidden_by=hidden, limit=1)
            )
        return hostile_cache[0]

    account = evidence.signals(
        "targeting_account", hidden_by=(GLOBAL_INNOCENT, "own_account"), limit=2
    )
    # An account that impersonates someone to ask their friends for money, or a fake profile
    # that blackmails a child with pictures it holds, with no hostility, is the scam's or the
    # abuser's tool, not a harassment of its owner; one that publishes them (a blackmailer's
    # revenge) is. (Tested only for a report with such an account: most have none.)
    if account and (
        hostile_signals()
        or (
            evidence.has("personal_target", hidden_by=hidden)
            and (not categories & _ACCOUNT_AS_TOOL or pictures_shared)
        )
    ):
        return reason(
            subject=SUBJECT,
            rule="an account or group created to target a person",
            signals=tuple(account + hostile_signals()[:2]),
        )

    if Category.CHILD_SEXUAL_ABUSE in categories:
        return (
            None  # repeated contact with a minor for sexual ends is grooming, not a second category
        )
    if Category.SPAM in categories and not hostile_signals():
        return None  # repeated advertising, however annoying, is spam
    if Category.TERRORISM in categories and not evidence.has("harass_explicit", hidden_by=hidden):
        return None  # propaganda sent again and again, an attack announced: not harassment

    repeated = evidence.signals(
        "repetition", hidden_by=(GLOBAL_INNOCENT, "repetition_innocent"), limit=2
    )
    # How many people a group has is its audience, not its authors ("600 personnes dans le groupe").
    crowd = evidence.signals("many_authors", hidden_by=(GLOBAL_INNOCENT, "audience_size"), limit=2)
    named = evidence.find("harass_explicit", hidden_by=(GLOBAL_INNOCENT, "harass_loose"))
    if not (repeated or crowd or named):
        return None
    single = sig("single_occurrence")
    if single:
        return None
    unwanted = sig("unwanted_contact")
    # Several people around a single threat are its audience or its relays ("tout le monde
    # partage", "300 personnes regardent"), and a threat alone is the threat's category: without
    # repetition, a crowd makes harassment only with insults, hate, mockery or unwanted contact,
    # or when its members join in ("plusieurs élèves en rajoutent").
    if (
        (repeated and (hostile_signals() or unwanted))
        or (
            crowd
            and (unwanted or sig("piling_on") or any(s != _THREATS for s in hostile_signals()))
        )
    ) and evidence.has("personal_target", hidden_by=hidden):
        kind = "repeated" if repeated else "coordinated (several authors)"
        return reason(
            subject=SUBJECT,
            rule=f"{kind} hostile or unwanted conduct aimed at one person "
            "(art. 222-33-2-2 Code pénal)",
            signals=tuple(repeated[:1] + crowd[:1] + hostile_signals()[:2] + unwanted[:1]),
        )
    # Named in a few words and nothing else ("harcèlement ma fille 14 ans"): the reporter's word
    # is all there is, and it names a harassment of someone. (A longer description that names
    # no hostility, repetition or crowd tells of something else: a news story, a question.)
    said_alone = (
        not categories
        and evidence.word_count <= SAID_ALONE_MAX_WORDS
        and evidence.has("personal_target", hidden_by=hidden)
    )
    if named and (hostile_signals() or unwanted or repeated or crowd or said_alone):
        return reason(
            subject=SUBJECT,
            rule="the reporter describes harassment",
            signals=(named[0].signal, *hostile_signals()[:1]),
        )
    return None


def _beating_put_online(evidence: Evidence) -> tuple[str, ...]:
    """The signals of a beating that someone suffered ("s'est fait tabasser") told within a
    sentence of its pictures being shared ("ils ont filmé, la vidéo tourne sur TikTok"); empty
    when there is none. The pictures are the victim's humiliation passed around, whoever filmed."""
    hidden = (GLOBAL_INNOCENT,)
    beaten = evidence.find("beating_suffered", hidden_by=hidden)
    if not beaten or not evidence.has("personal_target", hidden_by=hidden):
        return ()
    pictures = {m.sentence for m in evidence.find("pictures", hidden_by=hidden)}
    spread = evidence.find("dissemination", hidden_by=(GLOBAL_INNOCENT, "threatened_dissemination"))
    for blow in beaten:
        shown = [s for s in spread if abs(s.sentence - blow.sentence) <= 1]
        if shown and any(abs(sentence - blow.sentence) <= 1 for sentence in pictures):
            return (blow.signal, shown[0].signal)
    return ()
