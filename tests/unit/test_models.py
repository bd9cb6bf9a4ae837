"""The shared models and settings: what they accept, refuse, and keep private."""

import pytest
from pydantic import ValidationError

from aiguillage.shared.events import ReportSubmitted
from aiguillage.shared.mongo import now
from aiguillage.shared.report import Report, ReportBody
from aiguillage.shared.settings import KafkaSettings, ServiceSettings
from aiguillage.shared.topics import Topics
from aiguillage.shared.vocabulary import Destination

BODY = {
    "description": "  Il m'envoie des menaces par SMS.  ",
    "where_seen": "sms",
    "reporter": {"contact_email": "moi@example.org", "is_victim": True},
    "victim": {"commune_insee": "2A004", "postal_code": "20000"},
}


def test_body_is_normalised_and_reporter_cannot_claim_trust() -> None:
    body = ReportBody.model_validate(BODY)
    assert body.description == "Il m'envoie des menaces par SMS."
    report = Report.from_body(body)
    assert report.reporter.trusted_flagger is False
    assert report.reporter.contact_email == "moi@example.org"
    with pytest.raises(ValidationError, match="trusted_flagger"):
        ReportBody.model_validate({**BODY, "reporter": {"trusted_flagger": True}})
    assert Report.from_body(body, trusted_flagger=True).reporter.trusted_flagger is True


def test_submitted_event_carries_no_contact_email() -> None:
    report = Report.from_body(ReportBody.model_validate(BODY))
    event = ReportSubmitted.build(report_id="r1", report=report, at=now())
    assert event.report.reporter.contact_email is None
    assert "moi@example.org" not in event.model_dump_json()
    assert event.event_id == "r1:submitted"
    assert ReportSubmitted.model_validate_json(event.model_dump_json()) == event


def test_event_of_unknown_version_is_refused() -> None:
    report = Report.from_body(ReportBody.model_validate(BODY))
    data = ReportSubmitted.build(report_id="r1", report=report, at=now()).model_dump(mode="json")
    with pytest.raises(ValidationError, match="schema_version"):
        ReportSubmitted.model_validate({**data, "schema_version": 2})


def test_topics_have_the_prefix_and_closed_has_none() -> None:
    topics = Topics(prefix="t1.")
    assert topics.submitted == "t1.reports.submitted"
    assert topics.destination(Destination.POLICE) == "t1.destination.police"
    assert len(set(topics.all())) == len(topics.all()) == 3 + 7 + 2
    with pytest.raises(ValueError, match="closed"):
        topics.destination(Destination.CLOSED)


def test_settings_reject_misconfiguration_at_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIGUILLAGE_KAFKA__PARTITIONS", "0")
    with pytest.raises(ValidationError, match="partitions"):
        ServiceSettings()
    monkeypatch.setenv("AIGUILLAGE_KAFKA__PARTITIONS", "6")
    monkeypatch.setenv("AIGUILLAGE_MONGO__URL", "postgres://nope")
    with pytest.raises(ValidationError, match="url"):
        ServiceSettings()
    monkeypatch.setenv("AIGUILLAGE_MONGO__URL", "mongodb://db:27017/")
    settings = ServiceSettings()
    assert settings.kafka.partitions == 6
    assert settings.mongo.url == "mongodb://db:27017/"
    with pytest.raises(ValidationError, match="heartbeat"):
        KafkaSettings(session_timeout_ms=3_000, heartbeat_interval_ms=2_000)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.tiktok.com/@u/video/7351298844102315297",
        "http://[::1]:8080/x",
        "https://exämple.fr/x?a=1#f",
        "HTTPS://WWW.Example.ORG:443/a",
    ],
)
def test_urls_accepted(url: str) -> None:
    assert ReportBody(description="x", urls=[url]).urls == [url]


@pytest.mark.parametrize(
    "url",
    [
        "http://[::1]x]/",
        "https://example.org:abc/",
        "https://example.org:99999/",
        "http://exa<mple>.org/",
        "http://a%zz.org/",
        "https://example.org/a\tb",
        "ftp://example.org/",
        "example.org",
    ],
)
def test_urls_refused(url: str) -> None:
    with pytest.raises(ValidationError, match="valid host"):
        ReportBody(description="x", urls=[url])


def test_codes_take_ascii_digits_only() -> None:
    with pytest.raises(ValidationError, match="postal_code"):
        ReportBody.model_validate({**BODY, "victim": {"postal_code": "٣٣٠٠٠"}})
