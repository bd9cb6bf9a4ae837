"""Realistic test reports for `aiguillage produce`: a catalogue of scenarios and a seeded generator.

Each scenario is one kind of case from ROUTING_POLICY.md (§3.1 categories, §6 worked examples),
written the way citizens actually write to PHAROS: short, first-person or on behalf of a child or a
friend, sometimes in SMS French without accents, sometimes in English, with form fields that are
often missing and sometimes mis-ticked (the policy says the description wins, so the pipeline must
cope).

The generator is pure: everything comes from one `random.Random(seed)`, so a seed replays the same
stream, and a test or a demo can be reproduced exactly. It produces intake bodies (`ReportBody`, the
JSON of `POST /reports`), never `trusted_flagger`, which only authentication may set.

Names are common first names and invented handles; communes are real (checked against
`communes.csv`) so that the police / gendarmerie split of §4 can be exercised.
"""

import random
import re
import string
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from aiguillage.shared.vocabulary import (
    PRIVATE_CHANNELS,
    PUBLIC_CHANNELS,
    Category,
    WhereSeen,
)

# --------------------------------------------------------------------------------------------------
# Vocabularies for the slots
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Commune:
    """A real commune. `postal_code` is left out when the code is shared with communes of the other
    zone (24100 is Bergerac and three villages): a postal code that does not decide the zone would
    make the expected routing ambiguous, so such a commune is only ever given by INSEE code."""

    insee: str
    name: str
    population: int
    postal_codes: tuple[str, ...] = ()


# Population ≥ 20,000 or Paris's inner ring: police zone under the documented approximation (§4).
POLICE_COMMUNES: tuple[Commune, ...] = (
    Commune(
        insee="75056",
        name="Paris",
        population=2_103_778,
        postal_codes=("75011", "75015", "75018", "75020"),
    ),
    Commune(
        insee="33063", name="Bordeaux", population=267_991, postal_codes=("33000", "33300", "33800")
    ),
    Commune(
        insee="69123", name="Lyon", population=519_127, postal_codes=("69003", "69007", "69008")
    ),
    Commune(
        insee="13055",
        name="Marseille",
        population=886_040,
        postal_codes=("13001", "13013", "13015"),
    ),
    Commune(insee="24037", name="Bergerac", population=27_110),
    Commune(
        insee="31555", name="Toulouse", population=514_819, postal_codes=("31000", "31200", "31400")
    ),
    Commune(insee="59350", name="Lille", population=238_246, postal_codes=("59000", "59800")),
    Commune(insee="93048", name="Montreuil", population=111_934, postal_codes=("93100",)),
)
# Villages whose postal code is shared only with other small communes: gendarmerie zone either way.
GENDARMERIE_COMMUNES: tuple[Commune, ...] = (
    Commune(insee="24212", name="Issigeac", population=744, postal_codes=("24560",)),
    Commune(insee="24167", name="Eymet", population=2_569, postal_codes=("24500",)),
    Commune(insee="24280", name="Monpazier", population=441, postal_codes=("24540",)),
    Commune(insee="33394", name="Saint-Émilion", population=1_608, postal_codes=("33330",)),
    Commune(insee="68277", name="Riquewihr", population=999, postal_codes=("68340",)),
    Commune(insee="46240", name="Rocamadour", population=597, postal_codes=("46500",)),
    Commune(insee="89446", name="Vézelay", population=476, postal_codes=("89450",)),
    Commune(insee="11113", name="Cucugnan", population=125, postal_codes=("11350",)),
)

GIRLS = (
    "Léa",
    "Emma",
    "Chloé",
    "Inès",
    "Jade",
    "Manon",
    "Camille",
    "Sarah",
    "Lina",
    "Yasmine",
    "Louise",
    "Zoé",
    "Maëlys",
    "Anaïs",
    "Nour",
    "Clara",
    "Ambre",
    "Lou",
)
BOYS = (
    "Lucas",
    "Hugo",
    "Nathan",
    "Enzo",
    "Adam",
    "Noah",
    "Théo",
    "Rayan",
    "Louis",
    "Gabriel",
    "Mathis",
    "Ethan",
    "Yanis",
    "Tom",
    "Sacha",
    "Ilyes",
    "Maxime",
    "Jules",
)
ADULT_WOMEN = (
    "Sophie",
    "Nathalie",
    "Isabelle",
    "Julie",
    "Aurélie",
    "Céline",
    "Nadia",
    "Fatima",
    "Sandrine",
    "Audrey",
)
ADULT_MEN = (
    "Karim",
    "Nicolas",
    "Thomas",
    "Julien",
    "Sébastien",
    "David",
    "Mehdi",
    "Laurent",
    "Vincent",
    "Kevin",
)

# §3.3: "en 4e" is how a parent says "my child is 13"; age and school year must agree.
SCHOOL_YEARS = {
    11: "en 6e",
    12: "en 5e",
    13: "en 4e",
    14: "en 3e",
    15: "en seconde",
    16: "en première",
    17: "en terminale",
}

HANDLE_CORES = (
    "shadow",
    "mimi",
    "kev",
    "snipe",
    "dark",
    "lolo",
    "teddy",
    "nox",
    "kira",
    "moka",
    "loup",
    "ghost",
    "flow",
    "bella",
    "vibes",
    "drip",
    "zoe",
    "rayan",
    "titi",
    "neko",
    "kaiz",
    "lune",
    "tchoupi",
    "gamer",
    "jojo",
    "rico",
)
HANDLE_PREFIXES = ("", "", "", "lil", "xx", "the", "real", "la_", "le_", "its", "mr", "miss_")

# (group, French motive adjective, group in English, English adjective). Adjectives are invariable
# in gender so that "une vidéo {motif}" and "des messages {motif}s" both read right.
HATE_TARGETS = (
    ("les Noirs", "raciste", "Black people", "racist"),
    ("les Arabes", "raciste", "Arabs", "racist"),
    ("les juifs", "antisémite", "Jews", "antisemitic"),
    ("les musulmans", "islamophobe", "Muslims", "anti-Muslim"),
    ("les homosexuels", "homophobe", "gay people", "homophobic"),
    ("les Roms", "raciste", "Roma people", "racist"),
    ("les personnes trans", "transphobe", "trans people", "transphobic"),
    ("les Asiatiques", "raciste", "Asian people", "racist"),
)
# Traits the policy names as *not* protected (weight, clothes, a hobby): plain insults (§3.1).
TRAITS = (
    ("mon poids", "son poids", "my weight"),
    ("mes vêtements", "ses vêtements", "my clothes"),
    ("ma passion pour les trains", "sa passion pour les trains", "my love of trains"),
    ("mes vidéos de cuisine", "ses vidéos de cuisine", "my cooking videos"),
    ("ma coupe de cheveux", "sa coupe de cheveux", "my haircut"),
    ("mon club de foot", "son club de foot", "my football club"),
)
# (sender, the SMS as quoted, what it asks, sender in English, ask in English, URL words)
PHISHING_LURES = (
    (
        "Colissimo",
        "Votre colis n'a pas pu être livré, reprogrammez la livraison",
        "payer 1,99 € de frais de livraison",
        "the parcel service",
        "pay a €1.99 delivery fee",
        "suivi-colis",
    ),
    (
        "l'Assurance Maladie",
        "Votre carte Vitale expire, renouvelez-la sous 48h",
        "commander une nouvelle carte Vitale",
        "the health insurance",
        "renew my health card",
        "vitale-renouvellement",
    ),
    (
        "ma banque",
        "Une opération de 749 € a été bloquée, confirmez votre identité",
        "valider une opération avec mes codes",
        "my bank",
        "confirm a payment with my codes",
        "securite-client",
    ),
    (
        "Mon Compte Formation",
        "Vos droits CPF de 1 250 € expirent demain",
        "utiliser mes droits CPF avant qu'ils expirent",
        "the CPF training account",
        "use my training credits before they expire",
        "droits-formation",
    ),
    (
        "la DGFiP",
        "Vous avez droit à un remboursement de 312 €",
        "récupérer un remboursement",
        "the tax office",
        "claim a tax refund",
        "remboursement-fiscal",
    ),
    (
        "Chronopost",
        "Votre colis est bloqué en douane",
        "payer des frais de douane",
        "a courier",
        "pay customs fees",
        "livraison-douane",
    ),
    (
        "l'ANTAI",
        "Vous avez une amende impayée de 35 €",
        "payer une amende",
        "the traffic fines agency",
        "pay a traffic fine",
        "paiement-amende",
    ),
)
# (product, product in English, URL slug, price range in euros)
PRODUCTS = (
    ("des AirPods Pro", "AirPods Pro", "airpods", (29, 59)),
    ("une PS5", "a PS5", "ps5", (149, 249)),
    ("des Nike Dunk", "Nike Dunks", "sneakers", (39, 69)),
    ("un aspirateur Dyson", "a Dyson vacuum", "dyson", (89, 129)),
    ("un iPhone 15", "an iPhone 15", "iphone", (199, 349)),
    ("une doudoune Moncler", "a Moncler down jacket", "doudounes", (79, 149)),
)
SHOP_PREFIXES = ("destock", "outlet", "promo", "boutique", "bonsplans", "france", "megastock")
SHOP_TLDS = ("shop", "store", "fr", "com", "online")
DRUGS = (
    "beuh, shit et coke",
    "de la coke et de la MDMA",
    "de la 3-MMC",
    "des buds et de la résine",
    "de la weed et des ecstas",
)
CHALLENGES = (
    (
        "un défi où il faut retenir sa respiration jusqu'à s'évanouir",
        "holding your breath until you pass out",
    ),
    ("le « jeu du foulard »", "the choking game"),
    (
        "un challenge qui consiste à traverser les voies juste devant un train",
        "a challenge where kids cross the tracks right in front of a train",
    ),
    (
        "un défi où des ados sautent d'un toit à l'autre en se filmant",
        "a challenge where teens jump from roof to roof while filming",
    ),
    ("un challenge où on saute d'un pont dans la rivière", "jumping off a bridge into the river"),
)
SINCE = (
    ("depuis la rentrée", "since the start of the school year"),
    ("depuis deux semaines", "for two weeks"),
    ("depuis lundi", "since Monday"),
    ("depuis un mois", "for a month"),
    ("depuis les vacances", "since the holidays"),
)
WHEN = (
    ("hier soir", "last night"),
    ("ce matin", "this morning"),
    ("cet après-midi", "this afternoon"),
    ("tout à l'heure", "earlier today"),
    ("dimanche", "on Sunday"),
)
HOURS = (
    ("21h", "9pm"),
    ("22h", "10pm"),
    ("22h30", "10:30pm"),
    ("23h", "11pm"),
    ("minuit", "midnight"),
    ("23h45", "11:45pm"),
    ("1h du matin", "1am"),
)
RELATIVES = ("ma sœur", "ma mère", "ma collègue", "ma voisine", "une amie", "ma cousine")

# --------------------------------------------------------------------------------------------------
# Platforms and their URLs
# --------------------------------------------------------------------------------------------------

# How the form's free-text platform field is typed (spellings vary), how the reporter names it in
# the text, and how it is said in English.
PLATFORM_SPELLINGS: dict[str, tuple[str, ...]] = {
    "tiktok": ("tiktok", "TikTok", "Tiktok"),
    "instagram": ("instagram", "Instagram", "insta"),
    "x": ("x", "X", "twitter", "X (Twitter)"),
    "facebook": ("facebook", "Facebook", "fb"),
    "youtube": ("youtube", "YouTube"),
    "snapchat": ("snapchat", "Snapchat", "snap"),
    "discord": ("discord", "Discord"),
    "telegram": ("telegram", "Telegram"),
    "whatsapp": ("whatsapp", "WhatsApp"),
    "roblox": ("roblox", "Roblox"),
}
PLATFORM_NAMES: dict[str, tuple[str, ...]] = {
    "tiktok": ("TikTok", "Tiktok"),
    "instagram": ("Instagram", "Insta"),
    "x": ("X", "Twitter"),
    "facebook": ("Facebook",),
    "youtube": ("YouTube", "Youtube"),
    "snapchat": ("Snapchat", "Snap"),
    "discord": ("Discord",),
    "telegram": ("Telegram",),
    "whatsapp": ("WhatsApp", "Whatsapp"),
    "roblox": ("Roblox",),
}

_B64URL = string.ascii_letters + string.digits + "-_"
_ALNUM = string.ascii_letters + string.digits


def _digits(rng: random.Random, n: int, first: str = "") -> str:
    return first + "".join(rng.choice(string.digits) for _ in range(n - len(first)))


def _token(rng: random.Random, n: int, alphabet: str = _ALNUM) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _content_url(rng: random.Random, platform: str, handle: str) -> str | None:
    """A URL shaped like the platform's own (ids of the real length and leading digit), so that
    URL normalisation and deduplication are tested on realistic input."""
    match platform:
        case "tiktok":
            return f"https://www.tiktok.com/@{handle}/video/{_digits(rng, 19, '7')}"
        case "instagram":
            kind = rng.choice(("p", "p", "reel"))
            return f"https://www.instagram.com/{kind}/{rng.choice('CD')}{_token(rng, 10, _B64URL)}/"
        case "x":
            host = rng.choice(("x.com", "x.com", "twitter.com"))
            return f"https://{host}/{handle}/status/{_digits(rng, 19, '1')}"
        case "facebook":
            if rng.random() < 0.5:
                return f"https://www.facebook.com/{handle}/posts/{_digits(rng, 16, '1')}"
            return (
                f"https://www.facebook.com/groups/{_digits(rng, 15, '1')}"
                f"/posts/{_digits(rng, 16, '1')}/"
            )
        case "youtube":
            video = _token(rng, 11, _B64URL)
            return rng.choice(
                (
                    f"https://www.youtube.com/watch?v={video}",
                    f"https://youtu.be/{video}",
                    f"https://www.youtube.com/shorts/{video}",
                )
            )
        case "snapchat":
            return f"https://www.snapchat.com/add/{handle}"
        case "discord":
            return (
                f"https://discord.com/channels/{_digits(rng, 18, '1')}/"
                f"{_digits(rng, 18, '1')}/{_digits(rng, 19, '1')}"
            )
        case "telegram":
            return f"https://t.me/{handle}/{rng.randint(2, 9_999)}"
        case "whatsapp":
            return f"https://chat.whatsapp.com/{_token(rng, 22)}"
        case _:
            return None


def _profile_url(platform: str, handle: str) -> str | None:
    """For private content the reporter can at best give the author's profile."""
    return {
        "tiktok": f"https://www.tiktok.com/@{handle}",
        "instagram": f"https://www.instagram.com/{handle}/",
        "x": f"https://x.com/{handle}",
        "facebook": f"https://www.facebook.com/{handle}",
        "snapchat": f"https://www.snapchat.com/add/{handle}",
        "telegram": f"https://t.me/{handle}",
    }.get(platform)


def _handle(rng: random.Random) -> str:
    """An invented handle, valid on X (letters, digits, underscore, at most 15 characters)."""
    core = rng.choice(HANDLE_CORES)
    prefix = rng.choice(HANDLE_PREFIXES)
    suffix = rng.choice(("", "_", "")) + rng.choice(
        (
            str(rng.randint(1, 99)),
            str(rng.randint(2005, 2012)),
            rng.choice(("33", "69", "13")),
            "",
            "_off",
            "x",
        )
    )
    return (prefix + core + suffix)[:15]


def _strip_accents(text: str) -> str:
    """What a phone without French autocorrect produces: 'élève' → 'eleve', 'sœur' → 'soeur'."""
    text = text.replace("œ", "oe").replace("Œ", "Oe")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# --------------------------------------------------------------------------------------------------
# Scenarios
# --------------------------------------------------------------------------------------------------

Style = Literal["fr", "sms", "en"]


def _texts(block: str) -> tuple[str, ...]:
    """Templates written as paragraphs of a text block, one template per paragraph: a catalogue
    of texts is easier to read and review wrapped than as concatenated string literals."""
    return tuple(" ".join(p.split()) for p in re.split(r"\n\s*\n", block) if p.strip())


@dataclass(frozen=True, kw_only=True)
class Voice:
    """Who writes, in which registers. `is_victim` goes to the reporter block; `minor` restricts the
    voice to a minor victim (True), an adult one (False) or either (None), so that a text saying
    "un ado" never comes with an adult victim; `where` restricts it to some channels (empty: any),
    so that "sous toutes les vidéos" never comes with an e-mail."""

    is_victim: bool | None
    fr: tuple[str, ...] = ()
    sms: tuple[str, ...] = ()
    en: tuple[str, ...] = ()
    minor: bool | None = None
    where: frozenset[WhereSeen] = frozenset()

    def fits(self, *, minor: bool, where_seen: WhereSeen) -> bool:
        return (self.minor is None or self.minor == minor) and (
            not self.where or where_seen in self.where
        )

    def styles(self) -> tuple[Style, ...]:
        # French dominates, as in the real flow; SMS French is common; English is the exception.
        weighted: tuple[tuple[Style, tuple[str, ...], int], ...] = (
            ("fr", self.fr, 6),
            ("sms", self.sms, 3),
            ("en", self.en, 1),
        )
        return tuple(style for style, texts, weight in weighted if texts for _ in range(weight))


@dataclass(frozen=True, kw_only=True)
class Channel:
    """One way the content reached the reporter. `url` is "platform" (the platform's URL shapes:
    the content itself when public, the author's profile when private), a slot name holding a
    URL ("lien", "boutique"), or None."""

    where_seen: WhereSeen
    platforms: tuple[str | None, ...] = (None,)
    url: str | None = "platform"
    url_chance: float = 0.8


@dataclass(frozen=True, kw_only=True)
class VictimSpec:
    """The victim the scenario implies. `minor_chance` is 1 for a child, 0 for an adult; `exists`
    is False when there is no identifiable victim (a post about a group, a drug shop)."""

    exists: bool = True
    minor_chance: float = 0.0
    school: bool = False
    located_chance: float = 0.75


@dataclass(frozen=True, kw_only=True)
class Scenario:
    """One kind of case, and how to build varied reports of it (`build`)."""

    name: str
    title: str
    voices: tuple[Voice, ...]
    channels: tuple[Channel, ...]
    victim: VictimSpec = VictimSpec()
    # What a reporter ticks on the form: often nothing, sometimes something close but wrong.
    hints: tuple[Category | None, ...] = (None,)

    def build(self, rng: random.Random) -> dict[str, Any]:
        """A JSON-ready `ReportBody` for this scenario."""
        minor = self.victim.exists and rng.random() < self.victim.minor_chance
        channel = rng.choice(self.channels)
        # The catalogue guarantees a fitting voice for every channel and age (a unit test checks).
        voice = rng.choice(
            [v for v in self.voices if v.fits(minor=minor, where_seen=channel.where_seen)]
        )
        platform = rng.choice(channel.platforms)
        commune = rng.choice(POLICE_COMMUNES if rng.random() < 0.55 else GENDARMERIE_COMMUNES)
        slots = _slots(rng, minor=minor, platform=platform, channel=channel, commune=commune)

        style = rng.choice(voice.styles())
        texts = {"fr": voice.fr, "sms": voice.sms, "en": voice.en}[style]
        description = _dress(rng, rng.choice(texts).format_map(slots), style)

        body: dict[str, Any] = {"description": description}
        # About one reporter in ten leaves the channel unticked: triage must read the text.
        if rng.random() < 0.9:
            body["where_seen"] = channel.where_seen.value
        elif rng.random() < 0.5:
            body["where_seen"] = WhereSeen.UNKNOWN.value
        if platform is not None:
            body["platform"] = rng.choice(PLATFORM_SPELLINGS[platform])
        elif channel.where_seen is WhereSeen.SMS and rng.random() < 0.3:
            body["platform"] = "SMS"
        elif channel.where_seen is WhereSeen.EMAIL and rng.random() < 0.3:
            body["platform"] = rng.choice(("Gmail", "Outlook", "mail"))
        urls = _urls(rng, channel, platform, slots)
        if urls:
            body["urls"] = urls
        hint = rng.choice(self.hints)
        if hint is not None:
            body["category_hint"] = hint.value
        reporter = _reporter(rng, voice)
        if reporter is not None:
            body["reporter"] = reporter
        victim = _victim(rng, self.victim, minor=minor, commune=commune)
        if victim is not None:
            body["victim"] = victim
        return body


def _slots(
    rng: random.Random, *, minor: bool, platform: str | None, channel: Channel, commune: Commune
) -> dict[str, str]:
    """Every slot any template may use, drawn afresh for each report."""
    girl = rng.random() < 0.5
    age = rng.randint(11, 17) if minor else rng.randint(19, 58)
    school_age = age if minor else rng.randint(11, 17)  # for texts about pupils in general
    ex_female = rng.random() < 0.25
    group, motive, group_en, motive_en = rng.choice(HATE_TARGETS)
    trait, trait_3p, trait_en = rng.choice(TRAITS)
    sender, lure, ask, sender_en, ask_en, lure_words = rng.choice(PHISHING_LURES)
    product, product_en, product_slug, (low, high) = rng.choice(PRODUCTS)
    challenge, challenge_en = rng.choice(CHALLENGES)
    since, since_en = rng.choice(SINCE)
    when, when_en = rng.choice(WHEN)
    hour, hour_en = rng.choice(HOURS)
    amount = rng.choice((150, 200, 250, 300, 450, 500, 800, 1_000, 1_500, 2_000))

    name = platform and rng.choice(PLATFORM_NAMES[platform])
    if name:
        canal, canal_en = f"sur {name}", f"on {name}"
    elif channel.where_seen is WhereSeen.SMS:
        canal, canal_en = rng.choice(("par SMS", "par texto")), "by text message"
    elif channel.where_seen is WhereSeen.EMAIL:
        canal, canal_en = rng.choice(("par mail", "par e-mail")), "by email"
    else:
        canal, canal_en = "sur internet", "online"

    shop_suffix = rng.choice(("", "-fr", str(rng.randint(2, 99))))
    site = f"{rng.choice(SHOP_PREFIXES)}-{product_slug}{shop_suffix}.{rng.choice(SHOP_TLDS)}"
    phishing_host = f"{lure_words}-{_token(rng, 4, string.ascii_lowercase + string.digits)}." + (
        rng.choice(("info", "top", "com", "live", "online"))
    )
    return {
        # An adult victim may be 19 or 58: young first names then, or older ones.
        "prenom": rng.choice(
            (GIRLS if girl else BOYS)
            if minor
            else (ADULT_WOMEN + GIRLS if girl else ADULT_MEN + BOYS)
        ),
        "prenom2": rng.choice(GIRLS + BOYS),
        "enfant": "ma fille" if girl else "mon fils",
        "Enfant": "Ma fille" if girl else "Mon fils",
        "ami": "mon amie" if girl else "mon ami",
        "Ami": "Mon amie" if girl else "Mon ami",
        "Ado": "Une ado" if girl else "Un ado",
        "il": "elle" if girl else "il",
        "Il": "Elle" if girl else "Il",
        "lui": "elle" if girl else "lui",
        "de_lui": "d'elle" if girl else "de lui",
        "e": "e" if girl else "",
        "child_en": "my daughter" if girl else "my son",
        "he": "she" if girl else "he",
        "his": "her" if girl else "his",
        "him": "her" if girl else "him",
        "age": str(age),
        "classe": SCHOOL_YEARS[school_age],
        "etab": "lycée" if school_age >= 15 else "collège",
        "ex": rng.choice(ADULT_WOMEN if ex_female else ADULT_MEN),
        "exil": "elle" if ex_female else "il",
        "ex_he": "she" if ex_female else "he",
        "proche": rng.choice(RELATIVES),
        "handle": "@" + _handle(rng),
        "handle2": "@" + _handle(rng),
        "canal": canal,
        "canal_en": canal_en,
        "heure": hour,
        "heure_en": hour_en,
        "montant": rng.choice((f"{amount} €", f"{amount} euros", f"{amount}€")),
        "montant_en": rng.choice((f"€{amount}", f"{amount} euros")),
        "nb": str(rng.choice((10, 20, 30, 40, 50, 60, 80, 100))),
        "commune": commune.name,
        "depuis": since,
        "depuis_en": since_en,
        "quand": when,
        "quand_en": when_en,
        "groupe": group,
        "des_groupe": "des " + group.removeprefix("les "),
        "motif": motive,
        "groupe_en": group_en,
        "motif_en": motive_en,
        "trait": trait,
        "trait_3p": trait_3p,
        "trait_en": trait_en,
        "expediteur": sender,
        "appat": lure,
        "demande": ask,
        "expediteur_en": sender_en,
        "demande_en": ask_en,
        "lien": f"https://{phishing_host}/{_token(rng, rng.randint(5, 8))}",
        "produit": product,
        "produit_en": product_en,
        "prix": f"{rng.randint(low, high)} €",
        "site": site,
        "boutique": f"https://www.{site}/products/{product_slug}-{_digits(rng, 6)}",
        "drogues": rng.choice(DRUGS),
        "defi": challenge,
        "defi_en": challenge_en,
        "vues": str(rng.choice((12, 40, 85, 150, 300, 900))),
    }


def _dress(rng: random.Random, text: str, style: Style) -> str:
    """Greeting, sign-off and spelling, the way people type into a form."""
    if style == "fr":
        greeting = rng.choice(("", "", "", "Bonjour,\n", "Bonsoir,\n", "Bonjour. ", "Bonjour,\n\n"))
        # Templates may open on a slot ("ma sœur …"); the sentence still starts with a capital.
        text = greeting + text[0].upper() + text[1:]
        text += rng.choice(("", "", "", " Merci.", " Merci d'avance.", " Que peut-on faire ?"))
        # Plenty of people type without accents even in careful French.
        return _strip_accents(text) if rng.random() < 0.12 else text
    if style == "sms":
        text = rng.choice(("", "", "slt ", "bjr ", "svp ")) + text
        text += rng.choice(("", "", " svp", " merci", " jsp quoi faire", " aidez moi"))
        text = _strip_accents(text)
        return text.lower() if rng.random() < 0.5 else text
    text = rng.choice(("", "", "Hello,\n", "Hi. ")) + text[0].upper() + text[1:]
    return text + rng.choice(("", "", " Please help.", " Thanks."))


def _urls(
    rng: random.Random, channel: Channel, platform: str | None, slots: dict[str, str]
) -> list[str]:
    if channel.url is None or rng.random() >= channel.url_chance:
        return []
    if channel.url != "platform":
        return [slots[channel.url]]
    if platform is None:
        return []
    handle = slots["handle"].removeprefix("@")
    if channel.where_seen in {WhereSeen.PRIVATE_MESSAGE, WhereSeen.PRIVATE_GROUP}:
        profile = _profile_url(platform, handle)
        return [profile] if profile else []
    # Sometimes several posts of the same account (a harassment campaign, a dealer's stories).
    count = 1 if rng.random() < 0.8 else rng.randint(2, 3)
    urls = [url for _ in range(count) if (url := _content_url(rng, platform, handle))]
    return list(dict.fromkeys(urls))


def _reporter(rng: random.Random, voice: Voice) -> dict[str, Any] | None:
    if rng.random() < 0.1:
        return None  # the form's defaults
    if rng.random() < 0.25:
        reporter: dict[str, Any] = {"anonymous": True}
    else:
        reporter = {"anonymous": False} if rng.random() < 0.7 else {}
        if rng.random() < 0.55:
            first = _strip_accents(rng.choice(ADULT_WOMEN + ADULT_MEN + GIRLS + BOYS)).lower()
            sep = rng.choice((".", "_", ""))
            reporter["contact_email"] = (
                f"{first}{sep}{rng.choice(string.ascii_lowercase)}{rng.randint(1, 99)}@example.org"
            )
    if voice.is_victim is not None and rng.random() < 0.85:
        reporter["is_victim"] = voice.is_victim
    return reporter


def _victim(
    rng: random.Random, spec: VictimSpec, *, minor: bool, commune: Commune
) -> dict[str, Any] | None:
    if not spec.exists or rng.random() < 0.1:
        return None
    victim: dict[str, Any] = {}
    roll = rng.random()
    # Reporters skip the box or mis-tick it; the description must still win (§3.1).
    if roll < 0.8:
        victim["is_minor"] = minor
    elif roll < 0.85:
        victim["is_minor"] = not minor
    if spec.school and rng.random() < 0.7:
        victim["school_context"] = True
    if rng.random() < spec.located_chance:
        roll = rng.random()
        if roll < 0.5 or not commune.postal_codes:
            victim["commune_insee"] = commune.insee
        elif roll < 0.85:
            victim["postal_code"] = rng.choice(commune.postal_codes)
        else:
            victim["commune_insee"] = commune.insee
            victim["postal_code"] = rng.choice(commune.postal_codes)
    return victim or None


_SOCIAL_PUBLIC = ("tiktok", "instagram", "snapchat")
_PUBLIC = frozenset(PUBLIC_CHANNELS)
_PRIVATE = frozenset(PRIVATE_CHANNELS)

SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        name="school-cyberharassment",
        title="Cyberharcèlement d'un collégien (posts publics et DM)",
        voices=(
            Voice(
                is_victim=False,
                minor=True,
                fr=_texts(
                    """
                    {Enfant} {prenom}, {age} ans, {classe}, est harcelé{e} par des élèves de son
                    {etab}. Un compte {canal} ({handle}) publie des photos de {prenom} avec des
                    moqueries et ils lui envoient des messages privés toute la nuit.

                    {depuis}, des camarades de classe de {enfant} ont créé un compte {canal} pour se
                    moquer {de_lui}. Ils commentent ses photos et lui écrivent en DM qu'{il} ferait
                    mieux de disparaître.

                    Toute la classe de {enfant} ({classe}) partage {canal} une vidéo de {prenom}
                    filmé{e} à son insu dans les toilettes du {etab}. {prenom2} lui envoie aussi des
                    messages d'insultes en privé.

                    {Enfant} ne veut plus aller au {etab}. Le compte {handle} poste des montages
                    {canal} pour l'humilier et {nb} élèves le suivent, ils lui écrivent aussi en
                    privé le soir.
                    """
                ),
                sms=_texts(
                    """
                    {enfant} {age} ans se fait harceler par sa classe {canal}, photos + messages
                    privés la nuit, le {etab} fait rien

                    des eleves du {etab} de {enfant} postent des photos {de_lui} {canal} avec des
                    insultes et lui ecrivent en mp tous les soirs
                    """
                ),
                en=_texts(
                    """
                    {child_en} ({age}) is being bullied by classmates: they post photos of {him}
                    {canal_en} with insults and send {him} private messages at night.
                    """
                ),
            ),
            Voice(
                is_victim=True,
                minor=True,
                fr=_texts(
                    """
                    Je suis {classe} et des gens de ma classe postent des photos de moi {canal} avec
                    des insultes. Ils m'envoient aussi des messages en privé pour me dire que
                    personne ne m'aime.

                    J'ai {age} ans, {prenom2} et ses potes ont fait un compte {canal} contre moi
                    ({handle}). Ils postent des montages et m'écrivent en DM tous les soirs.
                    """
                ),
                sms=_texts(
                    """
                    jsuis {classe} et ya des gens de mon {etab} ki postent des photos de moi {canal}
                    avec des insultes, et ils m ecrivent en dm tous les soirs

                    ya un compte {handle} ki se moque de moi {canal}, tt ma classe le suit et ils m
                    envoient des msg en prive {depuis}
                    """
                ),
            ),
            Voice(
                is_victim=False,
                minor=True,
                fr=_texts(
                    """
                    Dans ma classe ({classe}), {prenom} se fait harceler : le compte {handle} poste
                    des montages {de_lui} {canal} et tout le monde lui envoie des messages méchants
                    en privé.
                    """
                ),
                sms=_texts(
                    """
                    dans ma classe on harcele {prenom}, ya un compte {canal} ({handle}) juste pour
                    se moquer et les gens lui envoient des dm horribles
                    """
                ),
            ),
        ),
        channels=(
            Channel(where_seen=WhereSeen.PUBLIC_POST, platforms=_SOCIAL_PUBLIC),
            Channel(
                where_seen=WhereSeen.PRIVATE_MESSAGE,
                platforms=("snapchat", "instagram"),
                url_chance=0.3,
            ),
            Channel(
                where_seen=WhereSeen.PRIVATE_GROUP,
                platforms=("snapchat", "whatsapp"),
                url_chance=0.2,
            ),
        ),
        victim=VictimSpec(minor_chance=1.0, school=True),
        hints=(None, None, Category.INSULT_DEFAMATION, Category.THREATS_VIOLENCE),
    ),
    Scenario(
        name="ex-death-threats",
        title="Menaces de mort d'un ex par SMS",
        voices=(
            Voice(
                is_victim=True,
                fr=_texts(
                    """
                    Mon ex {ex} m'envoie {nb} messages par jour {canal}, {exil} dit qu'{exil} va me
                    retrouver et me tuer.

                    Depuis notre séparation, {ex} me harcèle {canal} : menaces de mort, messages à
                    toute heure, la nuit dernière encore à {heure}.

                    J'ai peur : mon ex {ex} m'écrit {canal} qu'{exil} sait où j'habite à {commune}
                    et que je « ne verrai pas la fin du mois ».
                    """
                ),
                sms=_texts(
                    """
                    mon ex menvoi des sms tte la journee, {exil} dit qu{exil} va me crever

                    {ex} mon ex me menace de mort {canal} {depuis}, {exil} sait ou j habite
                    """
                ),
                en=_texts(
                    """
                    My ex keeps texting me {nb} times a day saying {ex_he} will find me and kill me.
                    """
                ),
            ),
            Voice(
                is_victim=False,
                fr=_texts(
                    """
                    {proche} reçoit des menaces de mort de son ex {canal}, des dizaines de messages
                    par jour. Elle habite à {commune} et n'ose plus sortir.
                    """
                ),
                sms=_texts(
                    """
                    {proche} recoit des menaces de mort de son ex {canal} depuis qu ils sont separes
                    """
                ),
            ),
        ),
        channels=(
            Channel(where_seen=WhereSeen.SMS, url=None),
            Channel(
                where_seen=WhereSeen.PRIVATE_MESSAGE,
                platforms=("whatsapp", "snapchat"),
                url_chance=0.1,
            ),
        ),
        victim=VictimSpec(minor_chance=0.0, located_chance=0.8),
        hints=(None, Category.THREATS_VIOLENCE, Category.THREATS_VIOLENCE),
    ),
    Scenario(
        name="public-hate",
        title="Publication haineuse (racisme, antisémitisme, homophobie)",
        voices=(
            Voice(
                is_victim=False,
                fr=_texts(
                    """
                    Un post de {handle} {canal} dit que {groupe} sont des parasites et qu'il faut
                    les renvoyer chez eux. Il a des milliers de likes.

                    Sous une vidéo {canal}, des dizaines de commentaires {motif}s contre {groupe},
                    personne ne modère.

                    Le compte {handle} publie tous les jours des messages {motif}s {canal},
                    aujourd'hui il écrit que {groupe} ne sont pas des êtres humains.

                    Je signale une publication {motif} {canal} : {handle} traite {groupe} de
                    sous-hommes.
                    """
                ),
                sms=_texts(
                    """
                    ya un mec {canal} qui poste des trucs {motif}s sur {groupe} h24, c degueulasse

                    le compte {handle} dit que {groupe} c des animaux, faites le supprimer
                    """
                ),
                en=_texts(
                    """
                    The account {handle} keeps posting {motif_en} content {canal_en}; today it says
                    {groupe_en} are vermin.
                    """
                ),
            ),
        ),
        channels=(
            Channel(where_seen=WhereSeen.PUBLIC_POST, platforms=("x", "facebook", "instagram")),
            Channel(where_seen=WhereSeen.PUBLIC_COMMENT, platforms=("youtube", "tiktok", "x")),
        ),
        victim=VictimSpec(exists=False),
        hints=(Category.HATE, Category.HATE, None, Category.INSULT_DEFAMATION),
    ),
    Scenario(
        name="call-to-violence-group",
        title="Appel à la violence contre un groupe",
        voices=(
            Voice(
                is_victim=False,
                fr=_texts(
                    """
                    Un groupe public {canal} appelle à aller frapper {des_groupe} samedi soir à
                    {commune}, ils donnent le lieu et l'heure ({heure}).

                    Un post de {handle} {canal} dit qu'il faut exterminer {groupe}, avec des
                    centaines de partages.

                    Vidéo {canal} où un homme cagoulé dit qu'il faut « s'occuper » {des_groupe} de
                    {commune} et montre un couteau.
                    """
                ),
                sms=_texts(
                    """
                    ya un groupe {canal} ki organise une expedition contre {groupe} ce week end a
                    {commune}, ils donnent l adresse
                    """
                ),
                en=_texts(
                    """
                    A public channel {canal_en} is calling people to go beat up {groupe_en} in
                    {commune} on Saturday night.
                    """
                ),
            ),
        ),
        channels=(
            Channel(where_seen=WhereSeen.PUBLIC_GROUP, platforms=("telegram", "facebook")),
            Channel(where_seen=WhereSeen.PUBLIC_POST, platforms=("x", "facebook")),
            Channel(where_seen=WhereSeen.VIDEO, platforms=("tiktok", "youtube")),
        ),
        victim=VictimSpec(exists=False),
        hints=(Category.HATE, Category.THREATS_VIOLENCE, None),
    ),
    Scenario(
        name="phishing",
        title="Hameçonnage par SMS ou e-mail (banque, colis, CPF)",
        voices=(
            Voice(
                is_victim=True,
                fr=_texts(
                    """
                    J'ai reçu {canal} un message soi-disant de {expediteur} : « {appat} », avec un
                    lien bizarre.

                    Message de {expediteur} reçu {quand} {canal} qui me demande de cliquer sur un
                    lien pour {demande}. Le numéro est inconnu.

                    Un faux conseiller de ma banque m'a appelé {quand} puis envoyé un lien {canal},
                    il m'a fait valider une opération de {montant}.

                    Encore un message {canal} de « {expediteur} » pour {demande}, le lien est
                    {lien}. C'est une arnaque ?
                    """
                ),
                sms=_texts(
                    """
                    recu un msg {canal} de {expediteur} ki dit « {appat} » avec un lien chelou, c
                    une arnaque ?

                    jai clique sur le lien d un msg de {expediteur} pour {demande} et jai mis ma
                    carte bancaire, on m a debite {montant}
                    """
                ),
                en=_texts(
                    """
                    Someone pretending to be {expediteur_en} contacted me {canal_en} asking me to
                    {demande_en} via a link.
                    """
                ),
            ),
        ),
        channels=(
            Channel(where_seen=WhereSeen.SMS, url="lien", url_chance=0.5),
            Channel(where_seen=WhereSeen.SMS, url="lien", url_chance=0.5),
            Channel(where_seen=WhereSeen.EMAIL, url="lien", url_chance=0.6),
        ),
        victim=VictimSpec(minor_chance=0.0, located_chance=0.4),
        hints=(None, Category.SCAM, Category.SCAM, Category.SPAM),
    ),
    Scenario(
        name="fake-shop",
        title="Faux site de vente en ligne",
        voices=(
            Voice(
                is_victim=True,
                fr=_texts(
                    """
                    J'ai commandé {produit} à {prix} sur {site}, payé par carte, jamais rien reçu et
                    le site ne répond plus.

                    Arnaque : {site} m'a débité {prix} pour {produit} il y a 3 semaines, le numéro
                    de suivi ne marche pas.

                    Vu une pub {canal} pour {produit} à {prix}, j'ai commandé sur {site} et depuis
                    plus de nouvelles.
                    """
                ),
                sms=_texts(
                    """
                    jai paye {prix} pour {produit} sur {site} et jai rien recu, le site repond plus
                    """
                ),
                en=_texts(
                    """
                    I ordered {produit_en} from {site} for {prix}, never received anything and
                    customer service is gone.
                    """
                ),
            ),
            Voice(
                is_victim=False,
                fr=_texts(
                    """
                    Le site {site} vend {produit} à {prix}, c'est trop beau pour être vrai : pas de
                    mentions légales, avis tous faux. Du coup {proche} s'est fait avoir.
                    """
                ),
            ),
        ),
        channels=(
            Channel(where_seen=WhereSeen.WEBSITE, url="boutique", url_chance=0.85),
            Channel(
                where_seen=WhereSeen.PUBLIC_POST,
                platforms=("facebook", "instagram"),
                url="boutique",
                url_chance=0.7,
            ),
        ),
        victim=VictimSpec(minor_chance=0.0, located_chance=0.3),
        hints=(Category.SCAM, Category.SCAM, None, Category.ILLICIT_TRAFFICKING),
    ),
    Scenario(
        name="adult-sextortion",
        title="Sextorsion d'un adulte par e-mail",
        voices=(
            Voice(
                is_victim=True,
                fr=_texts(
                    """
                    J'ai reçu {canal} un message qui dit que mon ordinateur a été piraté et qu'ils
                    ont une vidéo de moi devant des sites pour adultes. Ils demandent {montant} en
                    bitcoin sous 48h sinon ils l'envoient à tous mes contacts.

                    Mail de chantage reçu {quand} : ils disent avoir filmé ma webcam et réclament
                    {montant} sinon la vidéo part à ma famille. Ils connaissent un de mes anciens
                    mots de passe.
                    """
                ),
                sms=_texts(
                    """
                    jai recu un mail en anglais qui dit quils ont une video de moi et veulent
                    {montant} en bitcoin sinon ils l envoient a mes contacts
                    """
                ),
                en=_texts(
                    """
                    I received an email saying my webcam was hacked and they have a video of me.
                    They want {montant_en} in bitcoin within 48 hours or they will send it to my
                    contacts.
                    """
                ),
                where=frozenset({WhereSeen.EMAIL}),
            ),
            Voice(
                is_victim=True,
                fr=_texts(
                    """
                    Après un appel vidéo avec une personne rencontrée {canal}, on me menace de
                    publier la vidéo à ma famille si je ne paie pas {montant}.

                    Je suis victime de chantage : {handle} a des photos intimes de moi et exige
                    {montant} en coupons PCS, sinon il les envoie à mes collègues.
                    """
                ),
                sms=_texts(
                    """
                    une fille rencontree {canal} ma fait faire un appel video et maintenant un mec
                    veut {montant} sinon il envoie la video a mes amis
                    """
                ),
                where=frozenset({WhereSeen.PRIVATE_MESSAGE}),
            ),
        ),
        channels=(
            Channel(where_seen=WhereSeen.EMAIL, url=None),
            Channel(where_seen=WhereSeen.EMAIL, url=None),
            Channel(
                where_seen=WhereSeen.PRIVATE_MESSAGE,
                platforms=("facebook", "instagram"),
                url_chance=0.3,
            ),
        ),
        victim=VictimSpec(minor_chance=0.0, located_chance=0.5),
        hints=(None, Category.SCAM, Category.THREATS_VIOLENCE),
    ),
    Scenario(
        name="minor-sextortion-grooming",
        title="Sextorsion ou pédopiégeage d'un mineur",
        voices=(
            Voice(
                is_victim=False,
                minor=True,
                fr=_texts(
                    """
                    Un adulte qui se fait passer pour un ado de 15 ans parle à {enfant} ({age} ans)
                    {canal} depuis des semaines. Il lui demande des photos et de ne rien dire à ses
                    parents.

                    {Enfant} de {age} ans a envoyé une photo intime à une « fille » rencontrée
                    {canal}. Maintenant on menace de la diffuser à tout son {etab} sauf paiement de
                    {montant}.

                    J'ai découvert que {handle} envoie des messages à caractère sexuel à {enfant}
                    ({classe}) {canal} et lui propose de se rencontrer à {commune}.
                    """
                ),
                sms=_texts(
                    """
                    un mec {canal} demande des photos a {enfant} de {age} ans et lui dit de rien
                    dire
                    """
                ),
                en=_texts(
                    """
                    An adult pretending to be a teenager is sending sexual messages to {child_en}
                    ({age}) {canal_en} and asking for pictures.
                    """
                ),
            ),
            Voice(
                is_victim=True,
                minor=True,
                fr=_texts(
                    """
                    J'ai {age} ans, un mec rencontré {canal} m'a demandé des photos de moi, je lui
                    en ai envoyé une et maintenant il veut {montant} sinon il la montre à tout le
                    monde.
                    """
                ),
                sms=_texts(
                    """
                    jai {age} ans et un gars {canal} me fait du chantage avec une photo de moi, il
                    veut {montant} sinon il l envoie a ma classe
                    """
                ),
            ),
        ),
        channels=(
            Channel(
                where_seen=WhereSeen.PRIVATE_MESSAGE,
                platforms=("snapchat", "instagram", "discord", "tiktok", "roblox"),
                url_chance=0.35,
            ),
        ),
        victim=VictimSpec(minor_chance=1.0, located_chance=0.8),
        hints=(Category.CHILD_SEXUAL_ABUSE, Category.CHILD_SEXUAL_ABUSE, None, Category.SCAM),
    ),
    Scenario(
        name="suicide-tonight",
        title="Annonce de suicide pour ce soir",
        voices=(
            Voice(
                is_victim=False,
                minor=True,
                fr=_texts(
                    """
                    {Ado} annonce {canal} qu'{il} va se suicider ce soir, {il} a publié une lettre
                    d'adieu.

                    {Ado} de {commune} poste {canal} une vidéo où {il} dit au revoir à tout le
                    monde et qu'{il} ne sera plus là demain.
                    """
                ),
                where=_PUBLIC,
            ),
            Voice(
                is_victim=False,
                minor=True,
                fr=_texts(
                    """
                    {Ami} {prenom} ({age} ans, {classe}) vient d'écrire {canal} que ce soir {il} en
                    finit, {il} ne répond plus au téléphone.
                    """
                ),
                sms=_texts(
                    """
                    urgent {ami} {prenom} a ecrit {canal} ke ce soir {il} se tue, {il} repond plus,
                    on est a {commune}
                    """
                ),
            ),
            Voice(
                is_victim=False,
                fr=_texts(
                    """
                    Urgent : {handle} fait un live {canal} et dit qu'{il} va mettre fin à ses jours
                    ce soir à {heure}.

                    {handle} a posté il y a 20 minutes qu'{il} allait sauter d'un pont ce soir, des
                    gens l'encouragent en commentaire.
                    """
                ),
                en=_texts(
                    """
                    {handle} just posted {canal_en} that tonight is {his} last night and {he} is
                    saying goodbye to everyone. Please help, it's urgent.
                    """
                ),
                where=_PUBLIC,
            ),
            Voice(
                is_victim=False,
                minor=False,
                fr=_texts(
                    """
                    {Ami} {prenom} m'a écrit {canal} qu'{il} allait en finir ce soir à {heure}, {il}
                    a préparé une lettre et ne répond plus. {Il} habite à {commune}.
                    """
                ),
                en=_texts(
                    """
                    My friend {prenom} just messaged me {canal_en} that {he} will end {his} life
                    tonight and {he} is not answering anymore.
                    """
                ),
            ),
        ),
        channels=(
            Channel(where_seen=WhereSeen.VIDEO, platforms=("tiktok", "youtube", "instagram")),
            Channel(where_seen=WhereSeen.PUBLIC_POST, platforms=("x", "instagram", "tiktok")),
            Channel(
                where_seen=WhereSeen.PRIVATE_MESSAGE,
                platforms=("snapchat", "whatsapp"),
                url_chance=0.2,
            ),
        ),
        victim=VictimSpec(minor_chance=0.6, located_chance=0.45),
        hints=(Category.ENDANGERMENT, None, Category.ENDANGERMENT),
    ),
    Scenario(
        name="dangerous-challenge",
        title="Vidéo de défi dangereux",
        voices=(
            Voice(
                is_victim=False,
                fr=_texts(
                    """
                    Une vidéo {canal} montre {defi} et encourage les ados à se filmer pour la suite.
                    Elle a déjà {vues}k vues.

                    {Enfant} m'a montré une vidéo {canal} qui lance {defi}, plusieurs élèves
                    {classe} veulent le faire.

                    Le compte {handle} pousse les jeunes à faire {defi} et republie les vidéos de
                    ceux qui le font.
                    """
                ),
                sms=_texts(
                    """
                    ya une video {canal} qui lance {defi}, tt le {etab} le fait, c dangereux
                    """
                ),
                en=_texts(
                    """
                    A video {canal_en} is pushing kids to try {defi_en}.
                    """
                ),
            ),
        ),
        channels=(Channel(where_seen=WhereSeen.VIDEO, platforms=("tiktok", "youtube", "tiktok")),),
        victim=VictimSpec(exists=False),
        hints=(Category.ENDANGERMENT, None, Category.INCITEMENT_OFFENCES),
    ),
    Scenario(
        name="terrorism-apology",
        title="Apologie du terrorisme",
        voices=(
            Voice(
                is_victim=False,
                fr=_texts(
                    """
                    Le compte {handle} {canal} publie des vidéos qui font l'éloge de l'attaque au
                    couteau de la semaine dernière et traitent son auteur de martyr.

                    Sous un live {canal}, {handle} écrit que les attentats étaient mérités et qu'il
                    en faut d'autres.

                    Une chaîne {canal} diffuse des chants de propagande de Daech et invite les
                    jeunes à « rejoindre les frères ».
                    """
                ),
                sms=_texts(
                    """
                    {handle} poste des videos de daech {canal} et dit ke les terroristes sont des
                    heros
                    """
                ),
                en=_texts(
                    """
                    The account {handle} {canal_en} praises last week's terrorist attack and calls
                    the attacker a martyr.
                    """
                ),
            ),
        ),
        channels=(
            Channel(where_seen=WhereSeen.PUBLIC_GROUP, platforms=("telegram",)),
            Channel(where_seen=WhereSeen.PUBLIC_POST, platforms=("x", "tiktok", "facebook")),
            Channel(where_seen=WhereSeen.VIDEO, platforms=("tiktok", "youtube")),
        ),
        victim=VictimSpec(exists=False),
        hints=(Category.TERRORISM, Category.TERRORISM, None, Category.HATE),
    ),
    Scenario(
        name="drug-selling",
        title="Compte de vente de stupéfiants",
        voices=(
            Voice(
                is_victim=False,
                fr=_texts(
                    """
                    Le compte {handle} {canal} publie tous les jours son « menu » : {drogues},
                    livraison à {commune} en 30 minutes.

                    {handle} vend {drogues} {canal}, avec les prix et un numéro pour commander.
                    Plusieurs élèves du {etab} de {enfant} le suivent.

                    Un canal {canal} fait de la pub pour {drogues}, ils livrent sur {commune} et
                    tout le monde peut le voir.
                    """
                ),
                sms=_texts(
                    """
                    ya un compte {canal} ki vend {drogues} ({handle}), livraison partout sur
                    {commune}
                    """
                ),
                en=_texts(
                    """
                    The account {handle} is openly selling drugs {canal_en} with delivery in
                    {commune}.
                    """
                ),
            ),
        ),
        channels=(
            Channel(where_seen=WhereSeen.PUBLIC_POST, platforms=("snapchat", "instagram")),
            Channel(where_seen=WhereSeen.PUBLIC_GROUP, platforms=("telegram",)),
        ),
        victim=VictimSpec(exists=False),
        hints=(Category.ILLICIT_TRAFFICKING, None, Category.INCITEMENT_OFFENCES),
    ),
    Scenario(
        name="doxxing",
        title="Publication de l'adresse d'une personne",
        voices=(
            Voice(
                is_victim=True,
                fr=_texts(
                    """
                    Quelqu'un a publié mon adresse et mon numéro de téléphone {canal} avec une photo
                    de ma maison, en disant d'aller me « rendre visite ».

                    Le compte {handle} a posté mon adresse à {commune} et le nom de mon employeur.
                    Depuis {quand} je reçois des appels d'inconnus.

                    Après une dispute {canal}, {handle} a publié l'adresse de mes parents et mon
                    numéro, j'ai peur.
                    """
                ),
                sms=_texts(
                    """
                    un mec a mis mon adresse {canal} avec ma photo et tt le monde la partage, jai
                    peur
                    """
                ),
                en=_texts(
                    """
                    Someone posted my home address and phone number {canal_en} and is telling people
                    to pay me a visit.
                    """
                ),
            ),
            Voice(
                is_victim=False,
                fr=_texts(
                    """
                    {Ami} {prenom} a vu son adresse et son numéro publiés {canal} par {handle}, des
                    gens commentent qu'ils vont passer chez {lui}.
                    """
                ),
            ),
        ),
        channels=(
            Channel(where_seen=WhereSeen.PUBLIC_POST, platforms=("x", "facebook", "tiktok")),
            Channel(where_seen=WhereSeen.PUBLIC_GROUP, platforms=("telegram", "discord")),
        ),
        victim=VictimSpec(minor_chance=0.2, located_chance=0.85),
        hints=(None, Category.THREATS_VIOLENCE, None),
    ),
    Scenario(
        name="intimate-images",
        title="Images intimes diffusées sans consentement",
        voices=(
            Voice(
                is_victim=True,
                fr=_texts(
                    """
                    Mon ex {ex} a publié des photos intimes de moi {canal} sans mon accord, sur un
                    compte créé à mon nom.

                    Des photos de moi nue circulent {canal}, c'est mon ex {ex} qui les avait. Mes
                    collègues les ont vues.

                    {handle} a posté une vidéo intime de moi {canal} et menace d'en publier d'autres
                    si je ne lui reparle pas.
                    """
                ),
                sms=_texts(
                    """
                    mon ex a balance des photos de moi nue {canal} sans mon accord, tout mon taf les
                    a vues
                    """
                ),
                en=_texts(
                    """
                    My ex posted intimate pictures of me {canal_en} without my consent, on a fake
                    account with my name.
                    """
                ),
            ),
            Voice(
                is_victim=False,
                fr=_texts(
                    """
                    Des photos intimes de {ami} {prenom} ({age} ans) ont été mises en ligne {canal}
                    par son ex, tout le monde les partage.
                    """
                ),
            ),
        ),
        channels=(
            Channel(where_seen=WhereSeen.PUBLIC_POST, platforms=("instagram", "x", "snapchat")),
            Channel(where_seen=WhereSeen.PUBLIC_GROUP, platforms=("telegram",)),
            Channel(
                where_seen=WhereSeen.PRIVATE_GROUP,
                platforms=("whatsapp", "snapchat"),
                url_chance=0.2,
            ),
        ),
        victim=VictimSpec(minor_chance=0.0, located_chance=0.75),
        hints=(None, None, Category.INSULT_DEFAMATION, Category.THREATS_VIOLENCE),
    ),
    Scenario(
        name="spam",
        title="Spam publicitaire",
        voices=(
            Voice(
                is_victim=True,
                fr=_texts(
                    """
                    Je reçois {nb} messages par jour {canal} pour des pilules minceur, impossible de
                    me désinscrire.

                    Des pubs tous les jours {canal} pour des panneaux solaires alors que je n'ai
                    rien demandé.

                    Pubs pour des lunettes de soleil {canal} plusieurs fois par jour, ça ne s'arrête
                    jamais.
                    """
                ),
                sms=_texts(
                    """
                    je recois des pubs {canal} h24 pour des fenetres pvc, c relou
                    """
                ),
                en=_texts(
                    """
                    I keep getting spam {canal_en} advertising cheap sunglasses, {nb} a day.
                    """
                ),
                where=_PRIVATE,
            ),
            Voice(
                is_victim=False,
                fr=_texts(
                    """
                    Des comptes bots postent la même pub pour des montres pas chères sous toutes les
                    vidéos {canal}.

                    Sous chaque post {canal} il y a des dizaines de commentaires de faux comptes
                    pour une appli de livraison, c'est pénible.
                    """
                ),
                where=frozenset({WhereSeen.PUBLIC_COMMENT}),
            ),
        ),
        channels=(
            Channel(where_seen=WhereSeen.EMAIL, url=None),
            Channel(where_seen=WhereSeen.SMS, url=None),
            Channel(
                where_seen=WhereSeen.PUBLIC_COMMENT,
                platforms=("youtube", "instagram"),
                url_chance=0.5,
            ),
        ),
        victim=VictimSpec(exists=False),
        hints=(Category.SPAM, Category.SPAM, None, Category.SCAM),
    ),
    Scenario(
        name="insults",
        title="Insultes sans motif discriminatoire",
        voices=(
            Voice(
                is_victim=True,
                fr=_texts(
                    """
                    Sous ma dernière vidéo {canal}, {handle} m'a traité{e} de clown et de gros nul
                    à cause de {trait}.

                    Un internaute m'insulte {canal} (« abruti », « bouffon ») à cause de {trait}.

                    {handle} a écrit sous ma photo {canal} que j'étais ridicule avec {trait}, avec
                    des insultes.
                    """
                ),
                sms=_texts(
                    """
                    un mec ma traite de gros nul et de bouffon {canal} a cause de {trait}
                    """
                ),
                en=_texts(
                    """
                    {handle} called me a loser and an idiot under my post because of {trait_en}.
                    """
                ),
            ),
            Voice(
                is_victim=False,
                fr=_texts(
                    """
                    {handle} a insulté {ami} {prenom} sous sa publication {canal}, en se moquant de
                    {trait_3p}.
                    """
                ),
            ),
        ),
        channels=(
            Channel(
                where_seen=WhereSeen.PUBLIC_COMMENT, platforms=("tiktok", "youtube", "instagram")
            ),
            Channel(where_seen=WhereSeen.PUBLIC_POST, platforms=("facebook", "x")),
        ),
        victim=VictimSpec(minor_chance=0.0, located_chance=0.6),
        hints=(Category.INSULT_DEFAMATION, None, Category.HATE),
    ),
    Scenario(
        name="not-illicit",
        title="Contenu non illicite",
        voices=(
            Voice(
                is_victim=None,
                fr=_texts(
                    """
                    Cette vidéo est nulle, je ne comprends pas qu'elle ait autant de vues.

                    Je n'aime pas cette vidéo {canal}, elle est stupide.

                    Le youtubeur {handle} dit n'importe quoi sur les voitures électriques, c'est
                    faux.

                    Ce compte {canal} poste des recettes ratées, c'est une honte pour la cuisine
                    française.

                    Le son du live de {handle} est horrible et il parle trop fort.
                    """
                ),
                sms=_texts(
                    """
                    cette video est trop nulle franchement

                    la video de {handle} est cringe supprimez la
                    """
                ),
                en=_texts(
                    """
                    This video {canal_en} is so boring and badly edited.
                    """
                ),
            ),
        ),
        channels=(
            Channel(where_seen=WhereSeen.VIDEO, platforms=("youtube", "tiktok")),
            Channel(where_seen=WhereSeen.PUBLIC_POST, platforms=("instagram", "x")),
        ),
        victim=VictimSpec(exists=False),
        hints=(None, None, Category.INSULT_DEFAMATION, Category.SPAM),
    ),
)

SCENARIOS_BY_NAME: dict[str, Scenario] = {s.name: s for s in SCENARIOS}


@dataclass(frozen=True, kw_only=True)
class GeneratedReport:
    """One generated intake body and the scenario it came from."""

    scenario: str
    body: dict[str, Any]


def generate(
    count: int, *, seed: int = 0, scenarios: Sequence[str] | None = None
) -> Iterator[GeneratedReport]:
    """`count` reports, deterministic for `seed`.

    The chosen scenarios (all by default) come in rounds: each round is a seeded shuffle of all of
    them, so any `count >= len(scenarios)` shows every one, and the stream still does not look
    like a fixed rota.
    """
    if count < 0:
        msg = f"count must be ≥ 0, got {count}"
        raise ValueError(msg)
    chosen = _choose(scenarios)
    # Seeded, not cryptographic: reproducibility is the point.
    rng = random.Random(seed)  # noqa: S311
    emitted = 0
    while emitted < count:
        round_ = list(chosen)
        rng.shuffle(round_)
        for scenario in round_[: count - emitted]:
            yield GeneratedReport(scenario=scenario.name, body=scenario.build(rng))
            emitted += 1


def _choose(names: Sequence[str] | None) -> tuple[Scenario, ...]:
    if names is None:
        return SCENARIOS
    if isinstance(names, str):
        # A bare string is a sequence of characters: a caller's slip, not a list of one name.
        names = (names,)
    unknown = [n for n in names if n not in SCENARIOS_BY_NAME]
    if unknown:
        msg = f"unknown scenario(s): {', '.join(unknown)}; known: {', '.join(SCENARIOS_BY_NAME)}"
        raise ValueError(msg)
    if not names:
        msg = f"no scenario chosen; known: {', '.join(SCENARIOS_BY_NAME)}"
        raise ValueError(msg)
    return tuple(SCENARIOS_BY_NAME[n] for n in dict.fromkeys(names))
