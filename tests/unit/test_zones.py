"""Police or gendarmerie zone from the packaged commune list."""

from aiguillage.dispatch.zones import CommuneIndex, Zone


def test_load_is_cached() -> None:
    assert CommuneIndex.load() is CommuneIndex.load()
    assert len(CommuneIndex.load()) > 34_000


def test_bordeaux_is_police() -> None:
    answer = CommuneIndex.load().zone_of(insee_code="33063")
    assert answer is not None
    assert answer.commune.name == "Bordeaux"
    assert answer.zone is Zone.POLICE


def test_bergerac_is_police_by_the_population_approximation() -> None:
    answer = CommuneIndex.load().zone_of(insee_code="24037")
    assert answer is not None
    assert answer.zone is Zone.POLICE
    assert 20_000 <= answer.commune.population < 30_000
    assert any("approximation" in r.rule for r in answer.reasons)


def test_small_village_is_gendarmerie() -> None:
    answer = CommuneIndex.load().zone_of(
        insee_code="12184"
    )  # Pomayrols, about a hundred inhabitants
    assert answer is not None
    assert answer.zone is Zone.GENDARMERIE
    assert any("approximation" in r.rule for r in answer.reasons)


def test_paris_and_inner_ring_are_police_whatever_the_population() -> None:
    index = CommuneIndex.load()
    paris = index.zone_of(insee_code="75056")
    assert paris is not None
    assert paris.zone is Zone.POLICE
    small_94 = index.zone_of(insee_code="94001")  # Ablon-sur-Seine, under 20,000
    assert small_94 is not None
    assert small_94.zone is Zone.POLICE
    assert small_94.commune.population < 20_000


def test_postal_code_shared_by_several_communes_takes_the_most_populous_and_says_so() -> None:
    answer = CommuneIndex.load().zone_of(postal_code="24100")
    assert answer is not None
    assert answer.commune.insee_code == "24037"
    assert any("most populous" in r.rule for r in answer.reasons)
    assert len(CommuneIndex.load().by_postal_code("24100")) > 1


def test_insee_code_wins_over_postal_code_and_unknown_codes_give_none() -> None:
    index = CommuneIndex.load()
    answer = index.zone_of(insee_code="12184", postal_code="75011")
    assert answer is not None
    assert answer.commune.insee_code == "12184"
    assert index.zone_of(insee_code="99999") is None
    assert index.zone_of(postal_code="00000") is None
    assert index.zone_of() is None
