"""Write the known words that misspelt words are read against (classifier/typos.py).

    uv run python tools/build_known_words.py [--check]

From three sources, commonest first: the French and English word lists of `wordfreq` (a
development dependency; its data are under CC BY-SA 4.0, so the file is too), the words of the
project's training reports (the files `tools/train_weights.py` learns from; never the held-out
sets nor the dev cases), and the names of the communes that dispatch reads. A word's figure is
its frequency in the word lists or in the reports, whichever is higher, on the Zipf scale;
communes' names that neither has are given `typos.RARE`, so that none is read as another word.

`--check` writes nothing: it says whether the file holds what building gives now.
"""

import argparse
import csv
import math
import re
import sys
from collections import Counter
from importlib.metadata import version
from pathlib import Path

import wordfreq

from aiguillage.triage.classifier.text import strip_accents
from aiguillage.triage.classifier.typos import KNOWN_WORDS_FILE, RARE

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_weights import ROOT, labelled, training_files, write_or_check

LANGUAGES = ("fr", "en")
# The lists' floor: every word they have is known (a rarer floor read real words, "rappent"
# among them, as misspellings; docs/vocabularies.md, "Misspellings").
MIN_FREQUENCY = 1e-8
# A word of the training reports seen once may be one reporter's slip.
MIN_REPORTS_COUNT = 2
COMMUNES = ROOT / "services/dispatch/src/aiguillage/dispatch/data/communes.csv"
_WORD = re.compile(r"[a-z]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(strip_accents(text))


def word_frequencies() -> dict[str, float]:
    """Each word's highest frequency in the word lists or the training reports."""
    frequency: dict[str, float] = {}
    for language in LANGUAGES:
        for entry, share in wordfreq.get_frequency_dict(language, "large").items():
            if share >= MIN_FREQUENCY:
                for word in _words(entry):  # "aujourd'hui" is read as "aujourd" and "hui"
                    frequency[word] = max(frequency.get(word, 0.0), share)
    counts: Counter[str] = Counter()
    for report, _ in labelled(training_files()):
        counts.update(_words(report.description))
    total = sum(counts.values())
    for word, count in counts.items():
        if count >= MIN_REPORTS_COUNT:
            frequency[word] = max(frequency.get(word, 0.0), count / total)
    return frequency


def commune_words() -> set[str]:
    with COMMUNES.open(encoding="utf-8", newline="") as rows:
        return {word for row in csv.DictReader(rows) for word in _words(row["name"])}


def build() -> str:
    frequency = word_frequencies()
    zipf = {word: round(math.log10(share) + 9, 2) for word, share in frequency.items()}
    # Communes' names the lists lack: as common as a word that is never read as another.
    zipf.update(dict.fromkeys(commune_words() - zipf.keys(), RARE))
    ranked = sorted(zipf, key=lambda word: (-zipf[word], word))
    header = [
        "# Known words (classifier/typos.py), commonest first: `word<TAB>zipf`, how common",
        "# the word is (log10 of its frequency per billion words). A misspelt word is read as",
        "# the commonest word listed one typing slip away; a word listed at 2.0 or more is",
        "# never read as another. Edit by hand (say why in the commit) or build again:",
        "# tools/build_known_words.py.",
        "#",
        f"# Built from the French and English lists of wordfreq {version('wordfreq')} (Robyn",
        f"# Speer, https://github.com/rspeer/wordfreq), words of frequency >= {MIN_FREQUENCY:g},",
        "# accents removed; the words of the project's training reports seen in them twice",
        "# or more; the names of the communes in dispatch's data/communes.csv (Etalab, MIT).",
        "# wordfreq's data, and so this file, are under the Creative Commons",
        "# Attribution-ShareAlike 4.0 licence (https://creativecommons.org/licenses/by-sa/4.0/).",
        "# wordfreq's data credit: SUBTLEX (Marc Brysbaert et al., freely available data,",
        "# http://crr.ugent.be/programs-data/subtitle-frequencies), OPUS OpenSubtitles 2018",
        "# (http://www.opensubtitles.org/), Google Books Ngrams (http://books.google.com/ngrams),",
        "# Wikipedia, the Leeds Internet Corpus, ParaCrawl, and Twitter's streaming API.",
    ]
    return "\n".join([*header, *(f"{word}\t{zipf[word]:.2f}" for word in ranked)]) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args()
    write_or_check(KNOWN_WORDS_FILE, build(), check=args.check, made_by="building")


if __name__ == "__main__":
    main()
