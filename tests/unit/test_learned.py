"""The second reading (classifier/learned.py): its weights file, what it weighs, what it changes
and the reasons it gives; and the tool that learns the weights."""

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from aiguillage.shared.report import Report
from aiguillage.shared.vocabulary import Category, Scope
from aiguillage.triage.classifier import _first_reading, classify
from aiguillage.triage.classifier.learned import (
    LIFE_CATEGORIES,
    MIN_WORDS,
    _fields,
    features,
    second_reading,
)
from aiguillage.triage.classifier.weights import (
    BIAS,
    LABELS,
    WEIGHTS_FILE,
    LearnedWeights,
    WeightsError,
    load_weights,
    parse_weights,
)

ROOT = Path(__file__).parents[2]
# 40 words once normalised, about a harassment, with no threat, seen in a public post.
LONG = (
    "Depuis le mois de mars une ancienne collegue publie chaque semaine des messages sur moi "
    "dans un groupe Facebook du quartier, elle raconte que je suis une voleuse et une menteuse "
    "et les gens du groupe repondent en riant, je ne sais plus quoi faire"
)


def report(description: str = LONG, **fields: object) -> Report:
    return Report.model_validate(
        {"description": description, "where_seen": "public_post", **fields}
    )


def weights(*lines: str, bias: float = -5.0) -> LearnedWeights:
    """A table in which nothing applies but what `lines` make apply."""
    table = [f"{label}\t{BIAS}\t{bias}" for label in sorted(LABELS)]
    return parse_weights([*table, *lines])


def test_a_long_description_is_read_twice_and_a_short_one_once() -> None:
    assert len(_first_reading(report()).evidence.words) >= MIN_WORDS
    short = _first_reading(report("On me harcèle sur Facebook."))
    assert second_reading(short, report(), weights()) is short


def test_features_are_words_pairs_groups_and_the_fields_that_are_set() -> None:
    first = _first_reading(report(category_hint="insult_defamation"))
    found = features(first, report(category_hint="insult_defamation"))
    assert {"voleuse", "une voleuse", "BOX:insult_defamation", "WHERE:public_post"} <= found
    # Words longer than 4 letters by their first 4, longer than 6 by their first 6 too.
    assert {"START:vole", "START:voleus"} <= found
    assert "START:une" not in found
    assert {f"RULE:{category.value}" for category in first.found} <= found
    assert f"SCOPE:{first.scope.value}" in found
    assert any(feature.startswith("GROUP:") for feature in found)
    # An unset field adds nothing: the bias stands for it.
    assert not any(f.startswith(("FORM_AGE:", "IMMINENT")) for f in found)
    found = features(first, report(where_seen="unknown"))
    assert not any(f.startswith(("WHERE:", "BOX:")) for f in found)


def test_a_category_the_weights_find_is_added_with_the_words_that_weighed() -> None:
    first = _first_reading(report())
    assert Category.SCAM not in first.found
    read = second_reading(first, report(), weights("scam\tvoleuse\t7", "scam\tmenteuse\t-1"))
    assert Category.SCAM in read.found
    (why,) = read.found[Category.SCAM].reasons
    assert why.subject == "category:scam"
    assert why.rule == "the second reading: learned weights for it (+1.00, above -1.00)"
    assert why.signals == ('text:"voleuse" +7.00',)


def test_a_category_the_rules_found_is_set_aside_with_a_note() -> None:
    first = _first_reading(report())
    assert Category.CYBERHARASSMENT in first.found
    # Below FLOOR (−1.5): set aside, with a note.
    read = second_reading(
        first,
        report(),
        weights("insult_defamation\tvoleuse\t6", "cyberharassment\tRULE:cyberharassment\t3.5"),
    )
    assert set(read.found) == {Category.INSULT_DEFAMATION}
    assert any(
        note.subject == "category:cyberharassment" and "set aside" in note.rule
        for note in read.notes
    )


# 38 words once normalised: an insult because of origin (hate, which §3.1 says is hate alone), and
# a plain one.
HATE_AND_INSULT = (
    "Depuis le mois de mars un voisin publie chaque semaine des messages sur moi dans un groupe "
    "Facebook du quartier, il me traite de sale arabe et de connard et les gens du groupe "
    "repondent en riant"
)


@pytest.mark.parametrize(("hate_score", "found"), [(2.0, {"hate"}), (-5.0, {"insult_defamation"})])
def test_what_the_labelling_rules_set_aside_is_weighed_again(
    hate_score: float, found: set[str]
) -> None:
    # The rules find both; §3.1 keeps the hate alone. Set aside by the weights, the hate no
    # longer hides the insult, which is weighed as any category the rules found.
    first = _first_reading(report(HATE_AND_INSULT))
    assert Category.HATE in first.found
    assert set(first.labelled_away) == {Category.INSULT_DEFAMATION}
    read = second_reading(
        first,
        report(HATE_AND_INSULT),
        weights(f"hate\tarabe\t{5 + hate_score}", "insult_defamation\tconnard\t7"),
    )
    assert {category.value for category in read.found} == found
    labelling = [note for note in read.notes if note.signals == ("rule:labelling",)]
    assert len(labelling) == (1 if "hate" in found else 0)


def test_only_what_the_labelling_rules_set_aside_is_weighed_again() -> None:
    # The box says scam; harassment takes the fake profile over (its owner is its victim, nobody
    # is asked for money): that is no labelling rule, and the scam is not weighed again.
    description = (
        "Quelqu'un a créé un faux profil sur un site de rencontre avec mes photos et mon numéro "
        "de portable. Depuis trois jours je reçois des dizaines de SMS et d'appels d'hommes "
        "inconnus qui croient que je suis disponible. J'ai 35 ans."
    )
    first = _first_reading(report(description, where_seen="website", category_hint="scam"))
    assert set(first.found) == {Category.CYBERHARASSMENT}
    assert first.labelled_away == {}


@pytest.mark.parametrize(("score", "applies"), [(-0.5, True), (-2.0, False)])
def test_a_category_applies_above_the_margin_found_by_the_rules_or_not(
    score: float, applies: bool
) -> None:
    # Better than e to one against (FLOOR): kept when the rules found it, added when not.
    first = _first_reading(report())
    assert Category.SCAM not in first.found
    lines = [f"{category.value}\tRULE:{category.value}\t{5 + score}" for category in first.found]
    read = second_reading(first, report(), weights(*lines, f"scam\tvoleuse\t{5 + score}"))
    assert all((category in read.found) is applies for category in [*first.found, Category.SCAM])


def test_scope_danger_and_age_change_with_their_reasons() -> None:
    first = _first_reading(report())
    assert first.scope is Scope.PUBLIC
    assert not first.imminent
    read = second_reading(
        first,
        report(),
        weights(
            "scope=private\tquartier\t9",
            "imminent_danger\tgroupe\t6",
            "threats_violence\tgroupe\t6",  # (the threat to life the danger needs)
            "victim_minor=true\tcollegue\t8",
        ),
    )
    assert read.scope is Scope.PRIVATE
    assert "over the rules' public" in read.scope_reason.rule
    assert read.scope_reason.signals == ('text:"quartier" +9.00',)
    assert read.imminent is True
    assert read.imminent_reason.subject == "imminent_danger"
    assert read.victim_minor is True
    assert read.minor_reason.signals == ('text:"collegue" +8.00',)


# 52 words once normalised: a death threat for tonight, which the rules find imminent.
DANGER = (
    "Depuis hier soir mon ex m'envoie des messages sur WhatsApp, il écrit qu'il sait où j'habite "
    "et qu'il viendra ce soir chez moi pour me tuer avec son couteau, je suis seule avec mes "
    "enfants et j'ai très peur de ce qu'il va faire"
)


@pytest.mark.parametrize(
    ("description", "score", "imminent"),
    [
        # Not found by the rules: added from e² to one against (IMMINENT_FLOOR), not below.
        (LONG, -1.5, True),
        (LONG, -2.5, False),
        # Found by the rules: kept down to even odds, set aside below.
        (DANGER, 0.5, True),
        (DANGER, -0.5, False),
    ],
)
def test_a_danger_is_added_from_lower_odds_than_the_rules_one_is_set_aside(
    description: str, score: float, imminent: bool
) -> None:
    first = _first_reading(report(description))
    assert first.imminent is (description == DANGER)
    # "groupe" is in LONG only, "soir" in DANGER only; a threat kept with it (the danger needs one).
    lines = [
        *(f"imminent_danger\t{word}\t{5 + score}" for word in ("groupe", "soir")),
        *(f"threats_violence\t{word}\t6" for word in ("groupe", "soir")),
    ]
    read = second_reading(first, report(description), weights(*lines))
    assert read.imminent is imminent
    if imminent and not first.imminent:
        assert read.imminent_reason.rule == (
            f"the second reading: learned weights for it ({score:+.2f}, above -2.00)"
        )


@pytest.mark.parametrize(
    ("lines", "imminent", "life"),
    [
        # Hate or terrorism kept with the danger: a call to kill a group, an announced attack
        # (§3.1: with threats).
        (["hate\tgroupe\t6"], True, [Category.THREATS_VIOLENCE]),
        (["terrorism\tgroupe\t6"], True, [Category.THREATS_VIOLENCE, Category.TERRORISM]),
        # Endangerment kept: it names the threat to life itself.
        (["endangerment\tgroupe\t6"], True, [Category.ENDANGERMENT]),
        # None kept: the one weighed highest, from the odds the danger is added at (−2).
        (["endangerment\tgroupe\t3.5", "terrorism\tgroupe\t3"], True, [Category.ENDANGERMENT]),
        # Below them: nothing names a threat to life, and the danger goes.
        (["endangerment\tgroupe\t2.5"], False, []),
    ],
)
def test_a_danger_left_without_a_threat_to_life_names_one_or_goes(
    lines: list[str], imminent: bool, life: list[Category]
) -> None:
    """docs/vocabularies.md, "A danger names its threat to life"."""
    first = _first_reading(report())
    assert not first.imminent
    assert first.found.keys().isdisjoint(LIFE_CATEGORIES)
    read = second_reading(first, report(), weights("imminent_danger\tgroupe\t5", *lines))
    assert read.imminent is imminent
    assert [category for category in LIFE_CATEGORIES if category in read.found] == life
    if Category.THREATS_VIOLENCE in life:
        (because,) = read.found[Category.THREATS_VIOLENCE].reasons
        assert because.signals[0] == "imminent_danger=true"
    if not imminent:
        assert "no category kept names a threat to life" in read.imminent_reason.rule


def test_the_threat_a_danger_names_sets_spam_aside() -> None:
    # §3.1: spam is advertising with no other offence; the threat named is one.
    first = _first_reading(report())
    read = second_reading(
        first,
        report(),
        weights("imminent_danger\tgroupe\t5", "spam\tgroupe\t6", "endangerment\tgroupe\t3.5"),
    )
    assert read.imminent
    assert set(read.found) & {Category.SPAM, Category.ENDANGERMENT} == {Category.ENDANGERMENT}
    assert any(note.subject == "category:spam" for note in read.notes)


def test_the_rules_threat_the_danger_names_keeps_its_reasons() -> None:
    # The weights set the rules' threat aside (−1.5, under FLOOR) and keep their danger: the
    # threat comes back with the rules' reasons, and no note says it was set aside.
    first = _first_reading(report(DANGER))
    assert first.imminent
    assert Category.THREATS_VIOLENCE in first.found
    read = second_reading(
        first,
        report(DANGER),
        weights("imminent_danger\tsoir\t6", "threats_violence\tsoir\t3.5"),
    )
    assert read.imminent
    reasons = read.found[Category.THREATS_VIOLENCE].reasons
    assert reasons[:-1] == first.found[Category.THREATS_VIOLENCE].reasons
    assert reasons[-1].rule.startswith("the threat to life the danger needs")
    assert all(note.subject != "category:threats_violence" for note in read.notes)


def test_a_reason_shows_sentence_ends_and_questions_as_written() -> None:
    table = weights("hate\t#\t3", "hate\tqmark ?\t2", "hate\t#proana\t1")
    readings = table.read([], ["#", "qmark", "?", "#proana"])
    assert readings.signals("hate") == (
        'text:"." +3.00',
        'text:"?" +2.00',
        'text:"#proana" +1.00',
    )


def test_the_sum_is_the_bias_and_the_weights_present() -> None:
    table = weights("hate\tvoleuse\t1.25", "hate\tabsent\t100", "spam\tvoleuse\t-0.5", bias=-1.0)
    scores = table.read([], ["voleuse", "menteuse"]).scores
    assert scores["hate"] == pytest.approx(0.25)
    assert scores["spam"] == pytest.approx(-1.5)
    assert set(scores) == LABELS


def test_a_word_met_in_no_training_report_weighs_by_its_beginning() -> None:
    table = weights("hate\tSTART:harcel\t2.0", "hate\tSTART:mena\t0.5", bias=-1.0)
    # "harcelait" and "menacait" by their beginnings; "harcel" is no longer than 6 letters, and a
    # beginning counts once however many words share it.
    assert table.read([], ["harcelait", "menacait", "menace"]).scores["hate"] == pytest.approx(1.5)
    assert table.read([], ["harcel"]).scores["hate"] == pytest.approx(-1.0)


def test_deciding_reads_the_features_training_learned_from() -> None:
    # Deciding looks the rows up from the words (`read`), training writes the features as
    # strings (`features`): over real reports, the same rows (then the biases') and sums.
    shipped = load_weights()
    path = ROOT / "tests/corpus/pairs/read/za.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines()[:40]:
        given = Report.model_validate(json.loads(line)["report"])
        first = _first_reading(given)
        by_words = shipped.read(_fields(first, given), first.evidence.words)
        found = features(first, given)
        rows = [*sorted(shipped.index[f] for f in found if f in shipped.index), shipped.bias_row]
        assert by_words.rows.tolist() == rows
        assert list(by_words.scores.values()) == shipped.matrix[rows].sum(axis=0).tolist()


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["hate\tvoleuse"], "expected decision, feature, weight"),
        (["hatred\tvoleuse\t1"], "unknown decision 'hatred'"),
        (["hate\tvoleuse\tmuch"], "could not convert"),
    ],
)
def test_a_malformed_weights_file_is_refused(lines: list[str], message: str) -> None:
    with pytest.raises(WeightsError, match=message):
        weights(*lines)


def test_every_decision_needs_its_bias() -> None:
    with pytest.raises(WeightsError, match=r"no \(bias\) line for .*scope=mixed"):
        parse_weights([f"{label}\t{BIAS}\t0" for label in sorted(LABELS - {"scope=mixed"})])


def test_the_shipped_weights_never_learned_from_the_held_out_sets_nor_the_dev_cases() -> None:
    header = [line for line in WEIGHTS_FILE.read_text().splitlines() if line.startswith("#")]
    (trained,) = [line for line in header if line.startswith("# Trained on")]
    files = trained.split(": ", 1)[1].split(", ")
    assert len(files) > 100
    assert all(not name.startswith("pairs/unread/") for name in files)
    assert all("dev_cases" not in name for name in files)
    assert set(load_weights().labels) == LABELS


def test_a_decision_says_what_the_second_reading_did() -> None:
    """Over the labelled corpus, some decisions are the second reading's, and say so."""
    changed = 0
    for line in (ROOT / "tests/corpus/pairs/unread/lj.jsonl").read_text().splitlines():
        decision = classify(Report.model_validate(json.loads(line)["report"]))
        changed += any("second reading" in why.rule for why in decision.reasons)
    assert changed > 0


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_weights", ROOT / "tools/train_weights.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_training_tool_writes_weights_that_load() -> None:
    tool = _tool()
    files = tool.training_files()
    assert files
    assert not any("unread" in str(path) for path in files)
    assert any("pairs/trained/" in path.as_posix() for path in files)
    # Two small files: some decisions are never taken there, and still get their bias.
    lines = tool.train(files[:2], regularisation=1.0, smallest=0.05)
    table = parse_weights(lines)
    assert set(table.labels) == LABELS
    assert len(table.index) > 50
