"""Police or gendarmerie zone of the victim's commune (ROUTING_POLICY.md §4).

Paris and its inner ring (departments 75, 92, 93, 94) are police zone. Elsewhere the official list
of communes under the "régime de police d'État" decides; this deployment has no such list, so the
documented approximation applies (population ≥ 20,000 → police, otherwise gendarmerie) and every
answer says so in its reasons.
"""

import csv
import io
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Self

from aiguillage.shared.decision import Reason

POLICE_DEPARTMENTS = frozenset({"75", "92", "93", "94"})
POLICE_POPULATION_THRESHOLD = 20_000


class Zone(StrEnum):
    POLICE = "police"
    GENDARMERIE = "gendarmerie"


@dataclass(frozen=True)
class Commune:
    insee_code: str
    name: str
    department: str
    population: int
    postal_codes: tuple[str, ...]
    kind: str


# Kept answers: more than the communes and postal codes of France, so every valid code fits.
MAX_KEPT_ANSWERS = 100_000


@dataclass(frozen=True)
class ZoneAnswer:
    """The commune found, its zone, and why."""

    commune: Commune
    zone: Zone
    reasons: tuple[Reason, ...]


class CommuneIndex:
    """Communes by INSEE code and by postal code, from the packaged CSV."""

    def __init__(self, communes: list[Commune]) -> None:
        self._by_insee = {c.insee_code: c for c in communes}
        by_postal: dict[str, list[Commune]] = {}
        for commune in communes:
            for code in commune.postal_codes:
                by_postal.setdefault(code, []).append(commune)
        self._by_postal = {
            code: sorted(found, key=lambda c: (-c.population, c.insee_code))
            for code, found in by_postal.items()
        }
        # Answers are pure functions of the codes and the index: most reports name a commune
        # already seen, whose answer (three validated reasons) need not be built again.
        self._answers: dict[tuple[str | None, str | None], ZoneAnswer | None] = {}

    @classmethod
    def load(cls) -> "CommuneIndex":
        """The index of the packaged `data/communes.csv`, read once per process."""
        return _load_packaged()

    @classmethod
    def from_csv_text(cls, text: str) -> Self:
        communes = [
            Commune(
                insee_code=row["insee_code"],
                name=row["name"],
                department=row["department"],
                population=int(row["population"] or 0),
                postal_codes=tuple(row["postal_codes"].split()),
                kind=row["type"],
            )
            for row in csv.DictReader(io.StringIO(text))
        ]
        return cls(communes)

    def __len__(self) -> int:
        return len(self._by_insee)

    def by_insee(self, code: str) -> Commune | None:
        return self._by_insee.get(code)

    def by_postal_code(self, code: str) -> list[Commune]:
        """Communes sharing this postal code, most populous first."""
        return list(self._by_postal.get(code, ()))

    def zone_of(
        self, *, insee_code: str | None = None, postal_code: str | None = None
    ) -> ZoneAnswer | None:
        """The zone of the commune named by INSEE code (preferred) or postal code; None if not
        found."""
        key = (insee_code, postal_code)
        if key in self._answers:
            return self._answers[key]
        answer = self._zone_of(insee_code, postal_code)
        if len(self._answers) < MAX_KEPT_ANSWERS:
            self._answers[key] = answer
        return answer

    def _zone_of(self, insee_code: str | None, postal_code: str | None) -> ZoneAnswer | None:
        reasons: list[Reason] = []
        commune = self.by_insee(insee_code) if insee_code else None
        if commune is not None:
            reasons.append(
                Reason(
                    subject="location",
                    rule="commune found by its INSEE code",
                    signals=(f"field:victim.commune_insee={insee_code}",),
                )
            )
        elif postal_code:
            candidates = self.by_postal_code(postal_code)
            if not candidates:
                return None
            commune = candidates[0]
            if len(candidates) > 1:
                rule = (
                    f"postal code shared by {len(candidates)} communes: approximated by the "
                    "most populous, "
                    f"{commune.name} ({commune.population:,} inhabitants)"
                )
            else:
                rule = f"postal code of a single commune, {commune.name}"
            reasons.append(
                Reason(
                    subject="location",
                    rule=rule,
                    signals=(f"field:victim.postal_code={postal_code}",),
                )
            )
        if commune is None:
            return None
        zone, rule = zone_for(commune)
        reasons.append(
            Reason(
                subject="zone",
                rule=rule,
                signals=(
                    f"commune:{commune.insee_code} {commune.name}",
                    f"department:{commune.department}",
                    f"population:{commune.population}",
                ),
            )
        )
        return ZoneAnswer(commune=commune, zone=zone, reasons=tuple(reasons))


def zone_for(commune: Commune) -> tuple[Zone, str]:
    """The zone and the rule applied, in words."""
    if commune.department in POLICE_DEPARTMENTS:
        return Zone.POLICE, "Paris and its inner ring (departments 75, 92, 93, 94) are police zone"
    approximation = (
        "documented approximation, no official list of 'régime de police d'État' communes "
        "in this deployment: "
        f"population ≥ {POLICE_POPULATION_THRESHOLD:,} → police, otherwise gendarmerie"
    )
    if commune.population >= POLICE_POPULATION_THRESHOLD:
        return Zone.POLICE, f"police zone by the {approximation}"
    return Zone.GENDARMERIE, f"gendarmerie zone by the {approximation}"


@cache
def _load_packaged() -> CommuneIndex:
    data = resources.files("aiguillage.dispatch") / "data" / "communes.csv"
    return CommuneIndex.from_csv_text(data.read_text(encoding="utf-8"))
