"""Putting `ReportSubmitted` events on Kafka: from the request path, and from the outbox relay for
what the request path could not publish (broker down, timeout, crash between store and publish)."""

import asyncio
from datetime import timedelta

from faststream.kafka import KafkaBroker

from aiguillage.shared.events import ReportSubmitted
from aiguillage.shared.logging import get_logger
from aiguillage.shared.mongo import ReportStore
from aiguillage.shared.topics import Topics

log = get_logger(__name__)


class SubmissionPublisher:
    def __init__(
        self, *, broker: KafkaBroker, store: ReportStore, topics: Topics, timeout_s: float
    ):
        self._broker = broker
        self._store = store
        self._topic = topics.submitted
        self._timeout_s = timeout_s

    async def publish(self, event: ReportSubmitted) -> bool:
        """Publish and clear the outbox entry; False when it stays queued for the relay."""
        try:
            await asyncio.wait_for(
                self._broker.publish(
                    event,
                    topic=self._topic,
                    key=event.report_id.encode(),
                    headers={"event-type": event.event_type, "schema-version": "1"},
                ),
                timeout=self._timeout_s,
            )
        except Exception as error:  # noqa: BLE001 - any failure leaves the event in the outbox
            log.warning(
                "report.publish_deferred",
                report_id=event.report_id,
                stage="intake",
                outcome="queued_in_outbox",
                error=f"{type(error).__name__}: {error}",
            )
            await self._store.note_publish_failure(event.report_id)
            return False
        await self._store.mark_published(event.report_id)
        return True

    async def relay_forever(self, *, interval_s: float, grace_s: float) -> None:
        """Publish the outbox's leftovers; runs for the life of the service."""
        while True:
            try:
                await self.relay_once(grace_s=grace_s)
            except Exception as error:  # noqa: BLE001 - the relay must outlive a database outage
                log.warning("outbox.relay_failed", stage="intake", error=repr(error))
            await asyncio.sleep(interval_s)

    async def relay_once(self, *, grace_s: float) -> int:
        published = 0
        pending = await self._store.pending_publications(older_than=timedelta(seconds=grace_s))
        for item in pending:
            if not await self.publish(item.event):
                break  # the broker is still away: try again next round, oldest first
            published += 1
            log.info("report.published_from_outbox", report_id=item.report_id, stage="intake")
        return published
