"""Triage's wiring: consume `reports.submitted`, publish `reports.triaged`."""

from faststream.asgi import AsgiFastStream

from aiguillage.shared.events import ReportSubmitted, ReportTriaged
from aiguillage.shared.kafka import make_broker, notifications_publisher
from aiguillage.shared.mongo import ReportStore, connect
from aiguillage.shared.service import consumer_app
from aiguillage.shared.stage import subscribe_stage
from aiguillage.shared.topics import Topics
from aiguillage.triage.classifier import classify, warm_up
from aiguillage.triage.handler import Classifier, TriageHandler
from aiguillage.triage.settings import TriageSettings

STAGE = "triage"
DESCRIPTION = "Triage: decides categories, scope, minors, danger and priority."


def create_app(settings: TriageSettings, *, classifier: Classifier = classify) -> AsgiFastStream:
    warm_up()  # compile the vocabularies at start-up, not on the first report
    topics = Topics(prefix=settings.kafka.topic_prefix)
    client = connect(settings.mongo)
    store = ReportStore(client[settings.mongo.database], retention=settings.retention)
    broker = make_broker(
        settings.kafka,
        service="triage",
        description=DESCRIPTION,
    )
    triaged = broker.publisher(
        topics.triaged,
        title=topics.triaged,
        description="Triage decisions, keyed by report id.",
        schema=ReportTriaged,
    )
    notifications = notifications_publisher(broker, topics)
    handler = TriageHandler(
        classify=classifier, store=store, triaged=triaged, notifications=notifications
    )

    commits = subscribe_stage(
        broker,
        handler,
        event_type=ReportSubmitted,
        stage=STAGE,
        settings=settings,
        topic=topics.submitted,
        description=(
            "Reports as submitted at intake, keyed by report id; each message is one event, "
            "read in batches (the payload below is a batch)."
        ),
    )

    return consumer_app(
        settings=settings,
        broker=broker,
        client=client,
        store=store,
        commits=commits,
        title="Aiguillage triage",
        description=DESCRIPTION,
    )
