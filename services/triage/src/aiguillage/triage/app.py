"""Triage's wiring: consume `reports.submitted`, publish `reports.triaged`."""

from faststream.asgi import AsgiFastStream

from aiguillage.shared.events import ReporterNotice, ReportSubmitted, ReportTriaged
from aiguillage.shared.kafka import consumer_options, make_broker
from aiguillage.shared.mongo import ReportStore, connect
from aiguillage.shared.service import consumer_app
from aiguillage.shared.stage import RetryPolicy, stage_middleware
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
    store = ReportStore(client[settings.mongo.database])
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
    notifications = broker.publisher(
        topics.notifications,
        title=topics.notifications,
        description="Notices to reporters, keyed by report id.",
        schema=ReporterNotice,
    )
    handler = TriageHandler(
        classify=classifier, store=store, triaged=triaged, notifications=notifications
    )

    broker.add_middleware(
        stage_middleware(
            stage=STAGE,
            broker=broker,
            dead_letter_topic=topics.dead_letters(STAGE),
            retry=RetryPolicy.of(settings),
        )
    )

    async def on_submitted(event: ReportSubmitted) -> None:
        await handler(event)

    broker.subscriber(
        topics.submitted,
        **consumer_options(settings.kafka, group_id=settings.group_id),
        title=topics.submitted,
        description="Reports as submitted at intake, keyed by report id.",
    )(on_submitted)

    return consumer_app(
        settings=settings,
        broker=broker,
        client=client,
        store=store,
        title="Aiguillage triage",
        description=DESCRIPTION,
    )
