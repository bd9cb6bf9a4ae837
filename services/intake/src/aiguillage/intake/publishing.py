"""Putting `ReportSubmitted` events on Kafka, from the request path and from the relay.

MongoDB is the system of record; Kafka carries work. The request that stores a report publishes
its event; the relay, in the background, covers the rest (`aiguillage.shared.outbox`): it
publishes the reports whose publication failed as soon as the broker answers, and checks every
report `redrive_after_s` after its submission, publishing again those short of dispatched (their
publication or their messages were lost: a crash of intake, a broker that lost its data).
Every stage is idempotent by report id, so publishing a report that was only slow changes
nothing twice.
"""

import asyncio
from datetime import timedelta

from faststream.kafka import KafkaBroker
from faststream.kafka.publisher import DefaultPublisher

from aiguillage.shared.events import ReportSubmitted
from aiguillage.shared.kafka import ensure_topics, publish_event
from aiguillage.shared.logging import get_logger
from aiguillage.shared.metrics import OUTBOX_BACKLOG, REDRIVES
from aiguillage.shared.outbox import Outbox, Publication
from aiguillage.shared.settings import KafkaSettings
from aiguillage.shared.topics import Topics

log = get_logger(__name__)


class SubmissionPublisher:
    def __init__(
        self,
        *,
        broker: KafkaBroker,
        outbox: Outbox,
        kafka: KafkaSettings,
        timeout_s: float,
    ) -> None:
        self._outbox = outbox
        self._kafka = kafka
        self._timeout_s = timeout_s
        self._topics = Topics(prefix=kafka.topic_prefix)
        self._submitted: DefaultPublisher = broker.publisher(self._topics.submitted)
        # After a failed publish the broker may come back without its data, and a broker that
        # creates topics on first use would give them its default partition count: nothing is
        # published until the relay has created the topics with ours.
        self._topics_checked = True

    async def publish(self, event: ReportSubmitted) -> bool:
        """Publish; False when it is left to the relay (noted in the outbox)."""
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
            try:
                await self._outbox.note_failure(event.report_id)
            except Exception as note_error:  # noqa: BLE001 - the walk finds it later
                log.warning(
                    "outbox.note_failed",
                    report_id=event.report_id,
                    stage="intake",
                    error=repr(note_error),
                )
            return False
        return True

    async def relay_forever(self, *, interval_s: float, redrive_s: float) -> None:
        """Publish the outbox's entries due and redrive stale reports, for the service's life."""
        while True:
            try:
                await self.relay_once(redrive_s=redrive_s)
            except Exception as error:  # noqa: BLE001 - the relay must outlive any outage
                log.warning("outbox.relay_failed", stage="intake", error=repr(error))
            await asyncio.sleep(interval_s)

    async def relay_once(self, *, redrive_s: float) -> int:
        """One pass; returns how many events it published."""
        OUTBOX_BACKLOG.set(await self._outbox.backlog())
        if not self._topics_checked and not await self._recover_topics():
            return 0
        check_after = timedelta(seconds=redrive_s)
        published = 0
        for item in await self._outbox.due():
            if not await self._relay(item, check_after=check_after):
                return published
            published += 1
        page = await self._outbox.walk(older_than=check_after)
        for item in page.reports:
            if not await self._relay(item, check_after=check_after):
                return published  # the position stays: this page is checked again next pass
            published += 1
        if page.next_position is not None:
            await self._outbox.advance_walk(page.next_position)
        return published

    async def _relay(self, item: Publication, *, check_after: timedelta) -> bool:
        if not await self.publish(item.event):
            return False
        await self._outbox.published(item.report_id, check_after=check_after)
        if item.redrive:
            REDRIVES.inc()
            log.warning("report.redriven", report_id=item.report_id, stage="intake")
        else:
            log.info("report.published_from_outbox", report_id=item.report_id, stage="intake")
        return True

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
