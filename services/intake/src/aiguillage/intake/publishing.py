"""Putting `ReportSubmitted` events on Kafka, from the request path and from the relay.

MongoDB is the system of record; Kafka carries work. The relay makes that true in two cases:
- the outbox: a report stored but whose event the request path could not publish (broker down,
  timeout, crash between store and publish) is published once it is `outbox_grace_s` old;
- the redrive: a report published but still without a dispatch record `redrive_after_s` later
  (its messages lost in a broker crash or a wiped topic, or stuck) is published again. Every
  stage is idempotent by report id, so a redrive of a report that was only slow changes nothing
  twice. The redrive walks the reports in order of their last change and keeps its position in
  MongoDB, so each report is checked once that old, whatever the size of the collection.
"""

import asyncio
import contextlib
from datetime import timedelta

from faststream.kafka import KafkaBroker
from faststream.kafka.publisher import DefaultPublisher

from aiguillage.shared.events import ReportSubmitted
from aiguillage.shared.kafka import ensure_topics, publish_event
from aiguillage.shared.logging import get_logger
from aiguillage.shared.metrics import OUTBOX_BACKLOG, REDRIVES
from aiguillage.shared.mongo import ReportStore
from aiguillage.shared.settings import KafkaSettings
from aiguillage.shared.topics import Topics

log = get_logger(__name__)


class PublishedMarks:
    """Notes in MongoDB, in the background and in bulk, which reports' events are on Kafka: one
    update every `interval_s` for all the reports published meanwhile, not one per request. A
    mark that is lost (a crash, the database away) leaves the report in the outbox, and the
    relay publishes it again once `outbox_grace_s` old: a duplicate the stages absorb, never a
    loss. `interval_s` is kept well below that grace."""

    def __init__(self, store: ReportStore, *, interval_s: float) -> None:
        self._store = store
        self._interval_s = interval_s
        self._pending: list[str] = []
        self._writer: asyncio.Task[None] | None = None

    def note(self, report_id: str) -> None:
        self._pending.append(report_id)
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_every_interval())

    async def flush(self) -> None:
        """Write what is pending now (at shutdown)."""
        if self._writer is not None:
            self._writer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._writer
        await self._write()

    async def _write_every_interval(self) -> None:
        while self._pending:
            await asyncio.sleep(self._interval_s)
            await self._write()

    async def _write(self) -> None:
        ids, self._pending = self._pending, []
        if not ids:
            return
        try:
            await self._store.mark_published(ids)
        except Exception as error:  # noqa: BLE001 - the relay publishes them again
            log.warning("outbox.mark_failed", stage="intake", reports=len(ids), error=repr(error))


class SubmissionPublisher:
    def __init__(
        self,
        *,
        broker: KafkaBroker,
        store: ReportStore,
        kafka: KafkaSettings,
        timeout_s: float,
        marks: PublishedMarks,
    ) -> None:
        self._store = store
        self._marks = marks
        self._kafka = kafka
        self._timeout_s = timeout_s
        self._topics = Topics(prefix=kafka.topic_prefix)
        self._submitted: DefaultPublisher = broker.publisher(self._topics.submitted)
        # After a failed publish the broker may come back without its data, and a broker that
        # creates topics on first use would give them its default partition count: nothing is
        # published until the relay has created the topics with ours.
        self._topics_checked = True

    async def publish(self, event: ReportSubmitted) -> bool:
        """Publish and clear the outbox entry; False when it stays queued for the relay."""
        if not self._topics_checked:
            return False
        try:
            await asyncio.wait_for(publish_event(self._submitted, event), timeout=self._timeout_s)
        except Exception as error:  # noqa: BLE001 - any failure leaves the event in the outbox
            log.warning(
                "report.publish_deferred",
                report_id=event.report_id,
                stage="intake",
                outcome="queued_in_outbox",
                error=f"{type(error).__name__}: {error}",
            )
            self._topics_checked = False
            await self._store.note_publish_failure(event.report_id)
            return False
        self._marks.note(event.report_id)
        return True

    async def relay_forever(self, *, interval_s: float, grace_s: float, redrive_s: float) -> None:
        """Publish the outbox's leftovers and redrive stale reports, for the service's life."""
        while True:
            try:
                await self.relay_once(grace_s=grace_s, redrive_s=redrive_s)
            except Exception as error:  # noqa: BLE001 - the relay must outlive any outage
                log.warning("outbox.relay_failed", stage="intake", error=repr(error))
            await asyncio.sleep(interval_s)

    async def relay_once(self, *, grace_s: float, redrive_s: float) -> int:
        """One pass; returns how many events it published."""
        OUTBOX_BACKLOG.set(await self._store.outbox_backlog())
        if not self._topics_checked and not await self._recover_topics():
            return 0
        published = 0
        for item in await self._store.pending_publications(older_than=timedelta(seconds=grace_s)):
            if not await self.publish(item.event):
                return published
            published += 1
            log.info("report.published_from_outbox", report_id=item.report_id, stage="intake")
        stale = await self._store.stale_reports(older_than=timedelta(seconds=redrive_s))
        for item in stale.reports:
            if not await self.publish(item.event):
                return published  # the position stays: this page is checked again next pass
            await self._store.mark_redriven(item.report_id)
            REDRIVES.inc()
            published += 1
            log.warning("report.redriven", report_id=item.report_id, stage="intake")
        if stale.next_position is not None:
            await self._store.advance_redrive(stale.next_position)
        return published

    async def _recover_topics(self) -> bool:
        """A broker that lost its data has lost its topics too: create them again (idempotent).
        True once the topics are known to exist."""
        try:
            created = await ensure_topics(self._kafka, self._topics.all())
        except Exception as error:  # noqa: BLE001 - the broker may still be away
            log.warning("outbox.topics_unavailable", stage="intake", error=repr(error))
            return False
        if created:
            log.warning("outbox.topics_recreated", stage="intake", topics=created)
        self._topics_checked = True
        return True
