"""Dispatch's wiring: consume `reports.triaged`, publish to the destination topics and the
reporter-notification topic."""

from datetime import timedelta
from functools import partial

from faststream.asgi import AsgiFastStream
from faststream.kafka.publisher import DefaultPublisher

from aiguillage.dispatch.handler import DispatchHandler
from aiguillage.dispatch.routing import route
from aiguillage.dispatch.settings import DispatchSettings
from aiguillage.dispatch.zones import CommuneIndex
from aiguillage.shared.cases import CaseStore
from aiguillage.shared.events import ReportDispatched, ReporterNotice, ReportTriaged
from aiguillage.shared.kafka import consumer_options, make_broker
from aiguillage.shared.mongo import ReportStore, connect
from aiguillage.shared.service import consumer_app
from aiguillage.shared.stage import RetryPolicy, stage_middleware
from aiguillage.shared.topics import ROUTED_DESTINATIONS, Topics
from aiguillage.shared.vocabulary import Destination

STAGE = "dispatch"
DESCRIPTION = "Dispatch: routes triage decisions to the services that can act."


def create_app(settings: DispatchSettings) -> AsgiFastStream:
    topics = Topics(prefix=settings.kafka.topic_prefix)
    client = connect(settings.mongo)
    store = ReportStore(client[settings.mongo.database])
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
    notifications = broker.publisher(
        topics.notifications,
        title=topics.notifications,
        description="Notices to reporters, keyed by report id.",
        schema=ReporterNotice,
    )
    handler = DispatchHandler(
        route=partial(route, communes=CommuneIndex.load()),
        store=store,
        cases=CaseStore(client[settings.mongo.database]),
        destinations=destinations,
        notifications=notifications,
        retention=timedelta(days=settings.retention_days),
    )

    broker.add_middleware(
        stage_middleware(
            stage=STAGE,
            broker=broker,
            dead_letter_topic=topics.dead_letters(STAGE),
            retry=RetryPolicy.of(settings),
        )
    )

    async def on_triaged(event: ReportTriaged) -> None:
        await handler(event)

    broker.subscriber(
        topics.triaged,
        **consumer_options(settings.kafka, group_id=settings.group_id),
        title=topics.triaged,
        description="Triage decisions to route.",
    )(on_triaged)

    return consumer_app(
        settings=settings,
        broker=broker,
        client=client,
        store=store,
        title="Aiguillage dispatch",
        description=DESCRIPTION,
    )
