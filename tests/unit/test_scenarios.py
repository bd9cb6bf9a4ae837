"""The test-report generator behind `aiguillage produce` (src/aiguillage/cli/scenarios.py)."""

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest

import aiguillage.dispatch
from aiguillage.cli.scenarios import (
    GENDARMERIE_COMMUNES,
    POLICE_COMMUNES,
    SCENARIOS,
    GeneratedReport,
    generate,
)
from aiguillage.shared.report import ReportBody

NAMES = [s.name for s in SCENARIOS]
# The reference list dispatch routes with.
COMMUNES_CSV = Path(aiguillage.dispatch.__file__).parent / "data" / "communes.csv"
POLICE_THRESHOLD = 20_000  # ROUTING_POLICY.md §4, the documented approximation


def test_catalogue_is_large_and_well_named() -> None:
    assert len(SCENARIOS) >= 14
    assert len(set(NAMES)) == len(NAMES)
    for scenario in SCENARIOS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", scenario.name), scenario.name
        assert scenario.title.strip()


@pytest.mark.parametrize("name", NAMES)
def test_every_scenario_yields_valid_bodies(name: str) -> None:
    for seed in range(3):
        for report in generate(40, seed=seed, scenarios=[name]):
            assert report.scenario == name
            parsed = ReportBody.model_validate(report.body)
            assert parsed.description
            # JSON-ready: survives a round trip unchanged, as `produce` will post it.
            assert json.loads(json.dumps(report.body)) == report.body
            # Only authentication may mark a trusted flagger.
            assert "trusted_flagger" not in report.body.get("reporter", {})


def test_every_channel_and_age_has_a_fitting_voice() -> None:
    # `build` picks a channel, then a voice that fits it: a gap would only show on rare draws.
    for scenario in SCENARIOS:
        spec = scenario.victim
        ages = {False} if not spec.exists else set()
        if spec.exists and spec.minor_chance > 0:
            ages.add(True)
        if spec.exists and spec.minor_chance < 1:
            ages.add(False)
        for channel in scenario.channels:
            for minor in ages:
                assert any(
                    v.fits(minor=minor, where_seen=channel.where_seen) for v in scenario.voices
                ), (scenario.name, channel.where_seen, minor)


def test_templates_only_use_known_slots() -> None:
    # A typo in a slot name would raise KeyError only when that template is drawn.
    reports = list(generate(len(SCENARIOS) * 30, seed=11))
    assert len(reports) == len(SCENARIOS) * 30
    for report in reports:
        assert "{" not in report.body["description"], report.body["description"]


def test_deterministic_for_a_seed() -> None:
    first = list(generate(60, seed=42))
    again = list(generate(60, seed=42))
    other = list(generate(60, seed=43))
    assert first == again
    assert [r.body for r in first] != [r.body for r in other]


def test_a_shorter_stream_is_a_prefix_of_a_longer_one() -> None:
    assert list(generate(10, seed=5)) == list(generate(25, seed=5))[:10]


@pytest.mark.parametrize("rounds", [1, 2, 3])
def test_every_scenario_appears_once_per_round(rounds: int) -> None:
    reports = list(generate(rounds * len(SCENARIOS), seed=rounds))
    assert Counter(r.scenario for r in reports) == dict.fromkeys(NAMES, rounds)


def test_variety() -> None:
    reports = list(generate(200, seed=0))
    descriptions = [r.body["description"] for r in reports]
    assert len(set(descriptions)) >= 150
    many = [r.body for r in generate(600, seed=1)]
    texts = [b["description"] for b in many]
    # Careful French, SMS French without accents, and English all occur.
    assert any(re.search(r"[éèàç]", t) for t in texts)
    assert sum(1 for t in texts if t.isascii()) >= 60
    assert any(re.search(r"\b(the|my|and)\b", t) for t in texts)
    # Channels, platforms, URLs, reporters and victims vary too.
    assert len({b.get("where_seen") for b in many}) >= 8
    assert len({b.get("platform") for b in many}) >= 10
    assert any(b.get("urls") for b in many)
    assert any(not b.get("urls") for b in many)
    hosts = {re.sub(r"^https://([^/]+)/.*$", r"\1", u) for b in many for u in b.get("urls", [])}
    assert {"www.tiktok.com", "www.instagram.com", "x.com", "t.me"} <= hosts
    reporters = [b.get("reporter", {}) for b in many]
    assert any(r.get("anonymous") for r in reporters)
    assert any(r.get("contact_email", "").endswith("@example.org") for r in reporters)
    assert {r.get("is_victim") for r in reporters} >= {True, False}
    victims = [b.get("victim", {}) for b in many]
    assert {v.get("is_minor") for v in victims} >= {True, False, None}
    assert any(v.get("school_context") for v in victims)
    police = {c.insee for c in POLICE_COMMUNES}
    gendarmerie = {c.insee for c in GENDARMERIE_COMMUNES}
    located = {v["commune_insee"] for v in victims if "commune_insee" in v}
    assert located & police
    assert located & gendarmerie
    assert any("postal_code" in v for v in victims)


def test_urls_look_like_the_platforms_own() -> None:
    patterns = {
        "www.tiktok.com": r"https://www\.tiktok\.com/@\w+(/video/7\d{18})?",
        "x.com": r"https://x\.com/\w{1,15}(/status/1\d{18})?",
        "www.instagram.com": r"https://www\.instagram\.com/((p|reel)/[CD][\w-]{10}|\w+)/",
    }
    seen = Counter[str]()
    for report in generate(400, seed=9):
        for url in report.body.get("urls", []):
            host = url.split("/")[2]
            if host in patterns:
                seen[host] += 1
                assert re.fullmatch(patterns[host], url), url
    assert all(seen[h] for h in patterns)


def test_scenario_filter() -> None:
    reports = list(generate(12, seed=3, scenarios=["phishing", "spam", "phishing"]))
    assert len(reports) == 12
    assert Counter(r.scenario for r in reports) == {"phishing": 6, "spam": 6}
    single = list(generate(4, scenarios=("suicide-tonight",)))
    assert {r.scenario for r in single} == {"suicide-tonight"}


def test_unknown_scenario_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="no-such-thing") as caught:
        list(generate(3, scenarios=["phishing", "no-such-thing"]))
    for name in NAMES:
        assert name in str(caught.value)


def test_bad_arguments() -> None:
    assert list(generate(0)) == []
    with pytest.raises(ValueError, match="count"):
        list(generate(-1))
    with pytest.raises(ValueError, match="no scenario"):
        list(generate(3, scenarios=[]))
    # A bare string is one name, not a list of letters.
    assert {r.scenario for r in generate(2, scenarios="spam")} == {"spam"}


def test_generated_report_is_frozen() -> None:
    report = next(generate(1))
    assert isinstance(report, GeneratedReport)
    with pytest.raises(AttributeError):
        report.scenario = "other"  # type: ignore[misc]


def test_communes_are_real_and_in_the_right_zone() -> None:
    with COMMUNES_CSV.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    by_insee = {r["insee_code"]: r for r in rows}
    by_postal: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        for code in row["postal_codes"].split():
            by_postal.setdefault(code, []).append(row)

    for commune, police in [(c, True) for c in POLICE_COMMUNES] + [
        (c, False) for c in GENDARMERIE_COMMUNES
    ]:
        row = by_insee[commune.insee]
        assert row["name"] == commune.name
        assert int(row["population"]) == commune.population
        assert (commune.population >= POLICE_THRESHOLD) is police, commune.name
        for code in commune.postal_codes:
            assert code in row["postal_codes"].split()
            # A postal code must not straddle the two zones, or the expected routing is ambiguous.
            sharing = [r for r in by_postal[code] if r["type"] == "commune-actuelle"]
            assert all((int(r["population"]) >= POLICE_THRESHOLD) is police for r in sharing), code
