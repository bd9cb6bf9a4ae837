"""Dispatch's wiring: consume `reports.triaged`, publish to the destination topics and the
reporter-notification topic."""

from functools import partial

from faststream.asgi import AsgiFastStream
from faststream.kafka.publisher import DefaultPublisher

from aiguillage.dispatch.handler import DispatchHandler
from aiguillage.dispatch.routing import route
from aiguillage.dispatch.settings import DispatchSettings
from aiguillage.dispatch.zones import CommuneIndex
from aiguillage.shared.cases import CaseStore
from aiguillage.shared.events import ReportDispatched, ReportTriaged
from aiguillage.shared.kafka import make_broker, notifications_publisher
from aiguillage.shared.mongo import ReportStore, connect
from aiguillage.shared.service import consumer_app
from aiguillage.shared.stage import subscribe_stage
from aiguillage.shared.topics import ROUTED_DESTINATIONS, Topics
from aiguillage.shared.vocabulary import Destination

STAGE = "dispatch"
DESCRIPTION = "Dispatch: routes triage decisions to the services that can act."


def create_app(settings: DispatchSettings) -> AsgiFastStream:
    topics = Topics(prefix=settings.kafka.topic_prefix)
    client = connect(settings.mongo)
    store = ReportStore(client[settings.mongo.database], retention=settings.retention)
    broker = make_broker(
        settings.kafka,
        service="dispatch",
        description=DESCRIPTION,
    )
    destinations: dict[Destination, DefaultPublisher] = {
        d: broker.publisher(
            topics.destination(d),
            title=topics.destination(d),
            description=f"Reports for {d.value}, keyed by report id.",
            schema=ReportDispatched,
        )
        for d in ROUTED_DESTINATIONS
    }
    notifications = notifications_publisher(broker, topics)
    handler = DispatchHandler(
        route=partial(route, communes=CommuneIndex.load()),
        store=store,
        cases=CaseStore(client[settings.mongo.database]),
        destinations=destinations,
        notifications=notifications,
    )

    commits = subscribe_stage(
        broker,
        handler,
        event_type=ReportTriaged,
        stage=STAGE,
        settings=settings,
        topic=topics.triaged,
        description=(
            "Triage decisions to route, keyed by report id; each message is one event, "
            "read in batches (the payload below is a batch)."
        ),
    )

    return consumer_app(
        settings=settings,
        broker=broker,
        client=client,
        store=store,
        commits=commits,
        title="Aiguillage dispatch",
        description=DESCRIPTION,
    )
