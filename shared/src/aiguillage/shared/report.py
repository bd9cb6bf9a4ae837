"""A citizen's report (ROUTING_POLICY.md §2): the HTTP body intake validates, and the report triage
reads.

Validation is strict (unknown fields, wrong types and bad enum values are errors) because a
report that is silently half-read is a report misrouted.
"""

from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from aiguillage.shared.vocabulary import Category, WhereSeen

MAX_DESCRIPTION_CHARS = 5_000
MAX_URLS = 20
MAX_URL_CHARS = 2_048


def _check_url(value: str) -> str:
    """Accept an absolute http(s) URL with a host; keep the reporter's spelling (normalising is for
    deduplication, later)."""
    parts = urlsplit(value)
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname or " " in value:
        msg = "must be an absolute http(s) URL with a host"
        raise ValueError(msg)
    return value


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
InseeCode = Annotated[str, StringConstraints(pattern=r"^(\d{5}|2[AB]\d{3})$")]
PostalCode = Annotated[str, StringConstraints(pattern=r"^\d{5}$")]


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
