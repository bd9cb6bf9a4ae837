"""The topics of the pipeline: one per stage input, one per destination, one for reporter notices.

Every message is keyed by its report id, so one report's messages stay in order on one partition.
"""

from dataclasses import dataclass

from aiguillage.shared.vocabulary import Destination

ROUTED_DESTINATIONS = tuple(d for d in Destination if d is not Destination.CLOSED)
STAGES = ("triage", "dispatch")


@dataclass(frozen=True, kw_only=True)
class Topics:
    prefix: str = ""

    @property
    def submitted(self) -> str:
        """Intake → triage: reports as submitted."""
        return f"{self.prefix}reports.submitted"

    @property
    def triaged(self) -> str:
        """Triage → dispatch: triage decisions."""
        return f"{self.prefix}reports.triaged"

    @property
    def notifications(self) -> str:
        """Dispatch → the reporter-notification sender: one notice per report."""
        return f"{self.prefix}notifications.reporter"

    def destination(self, destination: Destination) -> str:
        """Dispatch → one receiving service. `closed` has none: nobody acts on it."""
        if destination is Destination.CLOSED:
            msg = "closed reports have no destination topic; the reporter's notice says why"
            raise ValueError(msg)
        return f"{self.prefix}destination.{destination.value}"

    def dead_letters(self, stage: str) -> str:
        """A stage's messages that cannot be processed: the original payload with the error."""
        return f"{self.prefix}deadletter.{stage}"

    def all(self) -> tuple[str, ...]:
        return (
            self.submitted,
            self.triaged,
            self.notifications,
            *(self.destination(d) for d in ROUTED_DESTINATIONS),
            *(self.dead_letters(stage) for stage in STAGES),
        )
