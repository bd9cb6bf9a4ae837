"""The decision core: §6 worked examples, dev-case thresholds, negation, innocent violence."""

import json
from pathlib import Path

import pytest

from aiguillage.cli.decisions import decide
from aiguillage.cli.evaluation import evaluate, load_cases
from aiguillage.dispatch.zones import CommuneIndex
from aiguillage.shared.report import Report, ReportBody
from aiguillage.shared.vocabulary import Category, Destination, Priority, Scope
from aiguillage.triage.classifier import classify

DEV_CASES = Path(__file__).parents[3] / "shared/domain/dev_cases.jsonl"
CORPUS = Path(__file__).parents[1] / "corpus/reports.jsonl"


def report(description: str, **fields: object) -> Report:
    return Report.model_validate({"description": description, **fields})


def run(rep: Report):  # type: ignore[no-untyped-def]
    return decide(rep, CommuneIndex.load())


def test_example_1_public_insults_and_private_messages_to_a_14_year_old() -> None:
    got = run(
        report(
            "Un compte Instagram publie des photos de ma fille (14 ans) avec des insultes, "
            "toute sa classe commente. "
            "Et ils lui envoient des messages privés la nuit.",
            where_seen="public_post",
            victim={"is_minor": True, "commune_insee": "33063"},
        )
    )
    assert set(got.categories) == {Category.CYBERHARASSMENT, Category.INSULT_DEFAMATION}
    assert got.scope is Scope.MIXED
    assert got.victim_minor is True
    assert got.school_context is True
    assert got.destinations == [Destination.ANALYSTS, Destination.POLICE, Destination.OFMIN]
    assert got.priority is Priority.P1


def test_example_2_fifty_sms_a_day_and_a_death_threat() -> None:
    got = run(
        report(
            "Mon ex m'envoie 50 SMS par jour, il dit qu'il va me retrouver et me tuer.",
            where_seen="sms",
            victim={"commune_insee": "24037"},
        )
    )
    assert set(got.categories) == {Category.THREATS_VIOLENCE, Category.CYBERHARASSMENT}
    assert got.scope is Scope.PRIVATE
    assert got.destinations == [Destination.POLICE]
    assert got.priority is Priority.P1
    assert got.imminent_danger is False


def test_example_3_call_to_exterminate_a_religious_group() -> None:
    got = run(
        report(
            "Tweet qui dit que tous les [groupe religieux] doivent être exterminés",
            where_seen="public_post",
            urls=["https://x.com/someone/status/1"],
        )
    )
    assert set(got.categories) == {Category.HATE, Category.THREATS_VIOLENCE}
    assert got.scope is Scope.PUBLIC
    assert got.destinations == [Destination.ANALYSTS]
    assert got.priority is Priority.P1


def test_example_4_bank_phishing_sms() -> None:
    got = run(
        report(
            "J'ai reçu un SMS de la banque me demandant mes codes, lien bizarre.", where_seen="sms"
        )
    )
    assert got.categories == [Category.SCAM]
    assert got.scope is Scope.PRIVATE
    assert got.destinations == [Destination.THESEE]
    assert got.priority is Priority.P3


def test_example_5_teenager_announces_suicide_tonight() -> None:
    got = run(
        report(
            "Un ado annonce sur TikTok qu'il va se suicider ce soir.",
            urls=["https://www.tiktok.com/@x/video/1"],
            where_seen="video",
        )
    )
    assert got.categories == [Category.ENDANGERMENT]
    assert got.scope is Scope.PUBLIC
    assert got.imminent_danger is True
    assert got.destinations == [Destination.EMERGENCY, Destination.ANALYSTS]
    assert got.priority is Priority.P0


def test_example_6_fake_airpods() -> None:
    got = run(
        report("Quelqu'un vend des faux AirPods sur un site, c'est nul.", where_seen="website")
    )
    assert got.categories == [Category.ILLICIT_TRAFFICKING]
    assert got.scope is Scope.PUBLIC
    assert got.destinations == [Destination.ANALYSTS]
    assert got.priority is Priority.P2


def test_example_7_disliking_a_video_is_not_illicit() -> None:
    got = run(report("Je n'aime pas cette vidéo, elle est stupide."))
    assert got.categories == []
    assert got.destinations == [Destination.CLOSED]
    assert got.priority is Priority.P3


@pytest.mark.parametrize(
    "text",
    [
        "Il ne m'a pas menacé, il m'a juste dit que mon dessin était raté.",
        "Mon voisin ne m'a jamais menacée ni insultée, il fait juste du bruit.",
        "Aucune menace, aucune insulte, il ne veut juste plus me parler.",
    ],
)
def test_negated_threats_and_insults_are_not_findings(text: str) -> None:
    decision = classify(report(text, where_seen="private_message"))
    assert Category.THREATS_VIOLENCE not in decision.categories
    assert Category.INSULT_DEFAMATION not in decision.categories


@pytest.mark.parametrize(
    "text",
    [
        "Cette vidéo m'a tué de rire, mdr.",
        "Dimanche on va les massacrer, on va les tuer 4-0 au match, c'est du chambrage.",
        "Le streamer dit « on pose la bombe et on fait sauter tout le monde » sur Counter Strike.",
    ],
)
def test_violent_words_used_innocently(text: str) -> None:
    decision = classify(report(text, where_seen="video"))
    assert decision.categories == ()
    assert decision.imminent_danger is False


def test_sms_spelling_threat_is_found() -> None:
    decision = classify(report("jvais te defoncer ta gueule sale batard", where_seen="sms"))
    assert Category.THREATS_VIOLENCE in decision.categories


def test_description_age_wins_over_a_mis_ticked_box() -> None:
    decision = classify(
        report(
            "Ma fille de 13 ans reçoit des insultes tous les jours sur Snap.",
            where_seen="private_message",
            victim={"is_minor": False},
        )
    )
    assert decision.victim_minor is True


def test_no_identifiable_victim_gives_null_minor() -> None:
    decision = classify(
        report("Compte qui vend de la coke, menu et prix en story.", where_seen="public_post")
    )
    assert decision.victim_minor is None


def test_hint_alone_is_not_enough() -> None:
    decision = classify(
        report("Je trouve cette chanson nulle.", category_hint="hate", where_seen="video")
    )
    assert decision.categories == ()


def test_trusted_flagger_raises_but_not_above_p1() -> None:
    flagged = classify(
        report(
            "Site de phishing qui imite impots.gouv et demande la carte bancaire.",
            where_seen="website",
            reporter={"trusted_flagger": True},
        )
    )
    assert flagged.priority is Priority.P2
    terror = classify(
        report(
            "Vidéos de propagande de Daech sur une chaîne publique.",
            where_seen="video",
            reporter={"trusted_flagger": True},
        )
    )
    assert terror.priority is Priority.P1


def test_every_finding_has_reasons() -> None:
    decision = classify(
        report(
            "Un compte publie mon adresse et il me menace de mort tous les jours par DM.",
            where_seen="public_post",
        )
    )
    subjects = {r.subject for r in decision.reasons}
    for category in decision.categories:
        assert f"category:{category}" in subjects
    assert {"scope", "victim_minor", "school_context", "imminent_danger", "priority"} <= subjects


def test_classify_is_deterministic() -> None:
    rep = report(
        "Des dizaines de comptes m'insultent sous mes posts et m'envoient des DM.",
        where_seen="public_comment",
    )
    assert classify(rep) == classify(rep)


def _metrics(path: Path):  # type: ignore[no-untyped-def]
    communes = CommuneIndex.load()
    return evaluate(load_cases(path), lambda case: decide(case.report, communes, case.id))


def test_dev_cases_thresholds() -> None:
    if not DEV_CASES.is_file():
        pytest.skip(f"dev cases not found at {DEV_CASES} (the shared domain folder is not mounted)")
    metrics = _metrics(DEV_CASES)
    assert metrics.destinations_accuracy >= 0.95, metrics.misrouted
    assert metrics.priority_accuracy >= 0.95
    assert metrics.category_micro_f1 >= 0.92


def test_own_corpus_thresholds() -> None:
    metrics = _metrics(CORPUS)
    assert metrics.cases >= 80
    assert metrics.destinations_accuracy >= 0.95, metrics.misrouted
    assert metrics.priority_accuracy >= 0.95
    assert metrics.scope_accuracy >= 0.9
    assert metrics.category_micro_f1 >= 0.92


def test_corpus_is_valid_for_the_intake_body() -> None:
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        body = dict(raw["report"])
        body["reporter"] = {k: v for k, v in body["reporter"].items() if k != "trusted_flagger"}
        ReportBody.model_validate(body)
        assert set(raw["expected"]) == {
            "categories",
            "scope",
            "imminent_danger",
            "victim_minor",
            "destinations",
            "priority",
        }
