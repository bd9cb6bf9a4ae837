"""The API documents in docs/api are the ones the code generates today."""

from pathlib import Path

from aiguillage.cli.apidocs import DEFAULT_OUT, api_documents, render
from aiguillage.shared.topics import Topics

ROOT = Path(__file__).parents[2]


def test_committed_documents_are_current() -> None:
    for name, document in api_documents().items():
        committed = ROOT / DEFAULT_OUT / name
        assert committed.exists(), f"{committed} missing: run `uv run aiguillage docs`"
        assert committed.read_text(encoding="utf-8") == render(document), (
            f"{committed} is stale: run `uv run aiguillage docs`"
        )


def test_asyncapi_documents_every_topic_with_its_payload() -> None:
    documents = api_documents()
    channels = {
        **documents["asyncapi-triage.json"]["channels"],
        **documents["asyncapi-dispatch.json"]["channels"],
    }
    topics = Topics()
    for topic in topics.all():
        if ".deadletter." in f".{topic}" or topic.startswith("deadletter."):
            continue  # written by the stage middleware, described in docs/guarantees.md
        assert topic in channels, topic
    schemas = documents["asyncapi-dispatch.json"]["components"]["schemas"]
    assert {"ReportTriaged", "ReportDispatched", "ReporterNotice"} <= set(schemas)
    assert "ReportSubmitted" in documents["asyncapi-triage.json"]["components"]["schemas"]
    assert "/reports" in documents["openapi-intake.json"]["paths"]
