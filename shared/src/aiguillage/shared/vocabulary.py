"""The policy's closed vocabularies (ROUTING_POLICY.md §2-§5), as enums every stage shares."""

from enum import StrEnum


class WhereSeen(StrEnum):
    """The channel the reporter picked on the form (§2)."""

    PUBLIC_POST = "public_post"
    PUBLIC_COMMENT = "public_comment"
    PUBLIC_GROUP = "public_group"
    VIDEO = "video"
    WEBSITE = "website"
    PRIVATE_MESSAGE = "private_message"
    PRIVATE_GROUP = "private_group"
    EMAIL = "email"
    SMS = "sms"
    UNKNOWN = "unknown"


PUBLIC_CHANNELS = frozenset(
    {
        WhereSeen.PUBLIC_POST,
        WhereSeen.PUBLIC_COMMENT,
        WhereSeen.PUBLIC_GROUP,
        WhereSeen.VIDEO,
        WhereSeen.WEBSITE,
    }
)
PRIVATE_CHANNELS = frozenset(
    {WhereSeen.PRIVATE_MESSAGE, WhereSeen.PRIVATE_GROUP, WhereSeen.EMAIL, WhereSeen.SMS}
)


class Category(StrEnum):
    """The categories of §3.1; several may apply to one report."""

    TERRORISM = "terrorism"
    CHILD_SEXUAL_ABUSE = "child_sexual_abuse"
    THREATS_VIOLENCE = "threats_violence"
    HATE = "hate"
    ENDANGERMENT = "endangerment"
    INCITEMENT_OFFENCES = "incitement_offences"
    ILLICIT_TRAFFICKING = "illicit_trafficking"
    SCAM = "scam"
    INSULT_DEFAMATION = "insult_defamation"
    CYBERHARASSMENT = "cyberharassment"
    SPAM = "spam"


class Scope(StrEnum):
    """Where the content can be seen (§3.2)."""

    PUBLIC = "public"
    PRIVATE = "private"
    MIXED = "mixed"
    UNKNOWN = "unknown"


class Priority(StrEnum):
    """§5: P0 is the most urgent."""

    P0 = "P0"
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"


class Destination(StrEnum):
    """The destinations of §4. Each but `closed` has its own Kafka topic."""

    EMERGENCY = "emergency"
    ANALYSTS = "analysts"
    POLICE = "police"
    GENDARMERIE = "gendarmerie"
    LAW_ENFORCEMENT_UNASSIGNED = "law_enforcement_unassigned"
    OFMIN = "ofmin"
    THESEE = "thesee"
    CLOSED = "closed"


class ReportStatus(StrEnum):
    """A report's life in the system of record: received → triaged → dispatched."""

    RECEIVED = "received"
    TRIAGED = "triaged"
    DISPATCHED = "dispatched"


STATUS_ORDER = (ReportStatus.RECEIVED, ReportStatus.TRIAGED, ReportStatus.DISPATCHED)
