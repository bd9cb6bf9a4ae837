"""A citizen's report (ROUTING_POLICY.md §2): the HTTP body intake validates, and the report triage
reads.

Validation is strict (unknown fields, wrong types and bad enum values are errors) because a
report that is silently half-read is a report misrouted.
"""

import ipaddress
import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from aiguillage.shared.vocabulary import Category, WhereSeen

MAX_DESCRIPTION_CHARS = 5_000
MAX_URLS = 20
MAX_URL_CHARS = 2_048

# A space (`\s` is exactly `str.isspace`) or a control character: one scan in C, not a Python loop
# over the characters.
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f]")


# The common URL ("https://www.example.fr/a/b?c=d"): http(s), a host name of ASCII letters, digits
# and hyphens, then a path, a query, a fragment or nothing, with no space nor control character.
# The checks below accept each (the name is a valid host, with no user nor port), so it is
# accepted at once: splitting it, in Python, cost most of a report's parsing.
_PLAIN_URL = re.compile(
    r"[hH][tT][tT][pP][sS]?://"
    r"(?!-)[a-zA-Z0-9-]{1,63}(?<!-)(?:\.(?!-)[a-zA-Z0-9-]{1,63}(?<!-))*\.?"
    r"(?:[/?#][^\s\x00-\x1f]*)?"
)


def _check_url(value: str) -> str:
    """Accept an absolute http(s) URL with a well-formed host and port; keep the reporter's
    spelling otherwise (normalising is for deduplication)."""
    if _PLAIN_URL.fullmatch(value) is not None:
        return value
    msg = "must be an absolute http(s) URL with a valid host"
    try:
        parts = urlsplit(value)
        port = parts.port  # raises on a port that is not a number in range
    except ValueError as error:
        raise ValueError(msg) from error
    host = parts.hostname or ""
    bracketed = f"[{host}]" if ":" in host else host
    host_and_port = parts.netloc.rpartition("@")[2].lower()
    if (
        parts.scheme.lower() not in {"http", "https"}
        or not _valid_host(host)
        or host_and_port not in {bracketed, f"{bracketed}:", f"{bracketed}:{port}"}
        or (port is not None and port == 0)
        or _SPACE_OR_CONTROL.search(value) is not None
    ):
        raise ValueError(msg)
    return value


_HOST_NAME = re.compile(r"^(?!-)[\w-]{1,63}(?<!-)(\.(?!-)[\w-]{1,63}(?<!-))*\.?$")


def _valid_host(host: str) -> bool:
    """A DNS name (internationalised names allowed) or an IP address. (The name is tested first:
    it is the common case, and a failed `ip_address` costs an exception.)"""
    if "_" not in host and _HOST_NAME.match(host):
        return True
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


Url = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_URL_CHARS),
    AfterValidator(_check_url),
]
Email = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"),
]
# INSEE commune codes are five characters: digits, or 2A/2B followed by three digits for Corsica.
# ASCII digits only: a regex `\d` would take any script's digits, which no reference list holds.
InseeCode = Annotated[str, StringConstraints(pattern=r"^([0-9]{5}|2[AB][0-9]{3})$")]
PostalCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{5}$")]


class _StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ReporterBody(_StrictModel):
    """Who reports, as the form says it. `trusted_flagger` is absent on purpose: only
    authentication can mark a report as a trusted flagger's."""

    anonymous: bool = False
    is_victim: bool | None = None
    contact_email: Email | None = None


class Reporter(ReporterBody):
    trusted_flagger: bool = False


class Victim(_StrictModel):
    is_minor: bool | None = None
    school_context: bool | None = None
    commune_insee: InseeCode | None = None
    postal_code: PostalCode | None = None


class ReportBody(_StrictModel):
    """The body of `POST /reports`."""

    description: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_DESCRIPTION_CHARS),
    ]
    where_seen: WhereSeen = WhereSeen.UNKNOWN
    urls: Annotated[list[Url], Field(max_length=MAX_URLS)] = []
    platform: Annotated[str, StringConstraints(strip_whitespace=True, max_length=64)] | None = None
    category_hint: Category | None = None
    reporter: ReporterBody = ReporterBody()
    victim: Victim = Victim()


class Report(ReportBody):
    """The report as triage reads it: the body, plus what only authentication may set."""

    reporter: Reporter = Reporter()

    @classmethod
    def from_body(cls, body: ReportBody, *, trusted_flagger: bool = False) -> "Report":
        reporter = Reporter(**body.reporter.model_dump(), trusted_flagger=trusted_flagger)
        return cls(**body.model_dump(exclude={"reporter"}), reporter=reporter)

    def without_personal_data(self) -> "Report":
        """The report as it travels on Kafka: the contact e-mail stays in MongoDB only."""
        return self.model_copy(
            update={"reporter": self.reporter.model_copy(update={"contact_email": None})}
        )
