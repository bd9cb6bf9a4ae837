"""Misspelt words read as the word meant (classifier/typos.py), its known-words file, and the
tool that builds the file."""

import importlib.util
import re
from pathlib import Path

import pytest

from aiguillage.shared.report import Report
from aiguillage.triage.classifier import classify
from aiguillage.triage.classifier.text import Spelling, normalise
from aiguillage.triage.classifier.typos import (
    KNOWN_WORDS_FILE,
    MORE_COMMON,
    RARE,
    Corrector,
    read_known_words,
)
from aiguillage.triage.classifier.vocab import load_vocabulary

ROOT = Path(__file__).parents[2]
# A few words and how common each is (Zipf scale), as the file has them.
KNOWN = {
    "menace": 5.7,
    "harcelement": 5.0,
    "whatsapp": 6.2,
    "insulter": 4.0,
    "fille": 6.3,
    "folle": 5.1,
    "classe": 5.5,
    "balle": 4.8,
    "bale": 3.0,
    "tuer": 5.9,
    "bruler": 5.3,
    "bruller": 1.6,  # a misspelling common enough to be listed
    "frappent": 4.2,
    "rappent": 1.4,  # a word meant, not a thousand times rarer than "frappent"
    "stress": 4.7,
    "strass": 2.9,
    "balles": 5.0,
    "bacles": 1.9,  # meant ("bâclés"), 3.1 points rarer than "balles"
    "poutres": 3.6,
    "moins": 6.0,
    "mains": 5.0,
}


def corrector(*vocabulary: str) -> Corrector:
    return Corrector(KNOWN, vocabulary)


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("menacce", "menace"),  # a letter added
        ("harcelemnt", "harcelement"),  # a letter missing
        ("whztsapp", "whatsapp"),  # a letter changed
        ("insluter", "insulter"),  # two neighbours swapped
        ("bruller", "bruler"),  # listed, but a thousand times rarer than the word meant
    ],
)
def test_a_word_one_slip_from_a_known_word_is_read_as_it(written: str, meant: str) -> None:
    assert corrector().correct(written) == meant


@pytest.mark.parametrize(
    "word",
    [
        "folle",  # known, though "fille" is one slip away and commoner
        "strass",  # known and not rare
        "rappent",  # rare, but "frappent" is not MORE_COMMON points commoner
        "bacles",  # nor "balles"
        "filles",  # a known word's plural
        "moin",  # too short to tell "moins" from "mains"
        "zzzzzz",  # nothing known near it
        "tuer2",  # not only letters
    ],
)
def test_a_known_word_a_short_word_or_one_with_no_neighbour_stays(word: str) -> None:
    assert corrector().correct(word) == word


def test_the_thresholds_are_those_documented() -> None:
    assert RARE == 2.0
    assert MORE_COMMON == 3.5
    assert KNOWN["frappent"] - KNOWN["rappent"] < MORE_COMMON <= KNOWN["bruler"] - KNOWN["bruller"]


def test_the_commonest_word_one_slip_away_wins() -> None:
    # "baale" is one slip from "balle" (a letter changed) and from "bale" (a letter added).
    assert corrector().correct("baale") == "balle"


def test_a_vocabulary_word_is_never_read_as_another() -> None:
    assert corrector().correct("youtres") == "poutres"  # (what a word no list has would be)
    assert corrector("youtres").correct("youtres") == "youtres"
    assert corrector("youtre").correct("youtres") == "youtres"  # nor its plural
    assert corrector("bruller").correct("bruller") == "bruller"  # listed rare, but a term's


def test_a_word_a_vocabulary_beginning_reads_stays_one_it_reads() -> None:
    """A slur a term reads by its beginning ("youtre*") is not made another word; a threat's
    verb misspelt within its beginning ("menac*") is still read as the word meant."""
    assert corrector("youtre*").correct("youtres") == "youtres"
    assert corrector("menac*").correct("menacce") == "menace"


@pytest.mark.parametrize(
    ("shouted", "meant"),
    [("tuerrrr", "tuer"), ("classse", "classe"), ("ballle", "balle"), ("noooon", "non")],
)
def test_shouting_is_one_letter_or_two_where_that_is_the_commoner_word(
    shouted: str, meant: str
) -> None:
    assert corrector().undo_shouting(shouted) == meant


def test_the_spelling_of_a_report_reads_misspelt_words_as_meant() -> None:
    spelling = Spelling({"msg": "message"}, corrector())
    text = normalise("Il me menacce de me tuerrr, ma fille est folle de peur. msg", spelling)
    assert text == " il me menace de me tuer , ma fille est folle de peur # message "


def test_with_no_known_words_spelling_is_as_written() -> None:
    text = normalise("Il me menacce", Spelling({}, Corrector({})))
    assert text == " il me menacce "


def test_the_known_words_file_is_well_formed_and_names_its_sources() -> None:
    text = KNOWN_WORDS_FILE.read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("wordfreq" in line for line in header)
    assert any("creativecommons.org/licenses/by-sa/4.0" in line for line in header)
    known = read_known_words(KNOWN_WORDS_FILE)
    assert len(known) > 100_000
    assert all(re.fullmatch(r"[a-z]+", word) for word in known)
    zipfs = list(known.values())
    assert zipfs == sorted(zipfs, reverse=True)  # commonest first, as the header says
    assert known["menace"] > known["bruller"]


def test_the_reports_read_misspelt_words_through_the_shipped_file() -> None:
    vocabulary = load_vocabulary()
    assert vocabulary.normalise("menacce harcelemnt whatsap rappent bacles") == (
        " menace harcelement whatsapp rappent bacles "
    )
    # An SMS spelling that spelling.toml has is read as it says, not as a slip ("nike").
    assert vocabulary.normalise("je vais te niker") == " je vais te niquer "


def test_the_building_tool_reads_no_held_out_set() -> None:
    spec = importlib.util.spec_from_file_location(
        "build_known_words", ROOT / "tools/build_known_words.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    files = module.training_files()
    assert files
    assert not any("unread" in path.as_posix() or "dev_cases" in path.name for path in files)


def test_the_spelling_keeps_which_tokens_it_read_as_other_words() -> None:
    spelling = Spelling({"msg": "message"}, corrector())
    normalise("jmenacce ta fille, msg", spelling)
    assert spelling.misspelt == {"jmenacce": "je menace"}
    assert spelling.misread(["jmenacce", "ta", "fille", ",", "msg"]) == {"jmenacce": "je menace"}
    assert spelling.misread(["ta", "fille", ",", "msg"]) == {}


def test_a_decision_says_which_words_it_read_as_others() -> None:
    def reasons(text: str) -> list[tuple[str, ...]]:
        report = Report.model_validate({"description": text, "where_seen": "private_message"})
        return [why.signals for why in classify(report).reasons if why.subject == "spelling"]

    assert reasons("Il me menacce de me tuer, il m'envoie des messages sur whatsap.") == [
        ('"menacce" read as "menace"', '"whatsap" read as "whatsapp"')
    ]
    # The same words written right: nothing to tell, though "menace" was read for a slip before.
    assert reasons("Il me menace de me tuer, il m'envoie des messages sur whatsapp.") == []


def test_what_was_misread_is_told_the_same_once_the_table_is_full(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("aiguillage.triage.classifier.text.MAX_KEPT_SPELLINGS", 0)
    spelling = Spelling({}, corrector())
    normalise("il me menacce", spelling)
    assert spelling.misspelt == {}
    assert spelling.misread(["il", "me", "menacce"]) == {"menacce": "menace"}
