"""Misspelt words read as the word the reporter meant ("menacce" → "menace", "harcelemnt" →
"harcelement", "whztsapp" → "whatsapp"), before any rule reads them.

`vocabularies/known_words.txt` lists words in use (French and English, the words of the
project's labelled reports, communes' names) with how common each is, on the Zipf scale (the
log10 of its frequency per billion words: 7 for "de", 1 for the rarest listed). A word is read
as the known word one typing slip away (a letter missing, added, changed, or two neighbours
swapped), the commonest of them, when it is

- not known: not listed, not written in a vocabulary, and not a listed word with a plural or
  feminine ending ("menacees", "signalee");
- or listed (or its stem, for such an ending) but rare (below `RARE`), and that other word is
  `MORE_COMMON` points commoner: the lists hold common misspellings too ("bruller", "whatsap",
  "harcelle"), thousands of times rarer than the word meant, while a rare word that is meant
  ("bacles", "rappent") is not that much rarer than its neighbours ("balles", "frappent").

A word with no such neighbour stays as written, and so do short words: "moin", "ptet" or "vien"
are one slip from too many words to tell which was meant. Words written in a vocabulary are never
read as another word, and a word that begins as a vocabulary term's beginning ("youtre*",
"menac*") is read only as a word that begins so too ("menacce" as "menace", "youtres" as is).

Which word a slip hides is worked out once per word and kept (`text.Spelling`), so a report pays
for it only for words never seen before.
"""

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

KNOWN_WORDS_FILE = Path(__file__).with_name("vocabularies") / "known_words.txt"
# Shorter words are not corrected (see the module docstring).
MIN_LENGTH = 5
# A listed word rarer than this (on the Zipf scale: 1e-7 of words) may be a common misspelling
# of a word this many points commoner (three thousand times: "bruller" and "bruler", "harcelle"
# and "harcele" are 3.7 apart or more; "rappent" and "frappent", "bacles" and "balles", "koman"
# and "woman", each meant as written, 2.8, 3.1 and 3.4).
RARE = 2.0
MORE_COMMON = 3.5
# A known word with one of these endings is known too: "menacees", "signalee", "bijoux".
_ENDINGS = ("s", "x", "e", "es")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_LONG_REPEAT = re.compile(r"([a-z])\1\1+")


class Corrector:
    """Known words and how common each is (Zipf scale). The vocabularies' words count as `RARE`
    at least: never read as another word, nor are their plural or feminine forms."""

    __slots__ = ("_beginnings", "_lengths", "_zipf")

    def __init__(self, known: Mapping[str, float], vocabulary_words: Iterable[str] = ()) -> None:
        """`vocabulary_words`: words the terms are written with, and beginnings ("youtre*")."""
        words = set(vocabulary_words)
        self._beginnings = frozenset(w[:-1] for w in words if w.endswith("*") and len(w) > 1)
        self._lengths = sorted({len(beginning) for beginning in self._beginnings})
        self._zipf = dict(known)
        for word in words:
            if not word.endswith("*"):
                self._zipf[word] = max(self._zipf.get(word, RARE), RARE)

    def undo_shouting(self, word: str) -> str:
        """A letter repeated three times or more ("tuerrrr", "noooon") is one letter, or two
        where that makes a commoner known word ("classse")."""
        if _LONG_REPEAT.search(word) is None:
            return word
        once, twice = _LONG_REPEAT.sub(r"\1", word), _LONG_REPEAT.sub(r"\1\1", word)
        zipf = self._zipf
        if twice in zipf and zipf[twice] > zipf.get(once, -1.0):
            return twice
        return once

    def correct(self, word: str) -> str:
        """`word`, or the known word it misspells (see the module docstring)."""
        if len(word) < MIN_LENGTH or not word.isalpha() or not word.isascii():
            return word
        zipf = self._zipf
        own = zipf.get(word)
        if own is None:  # the word as common as its stem: "recontactee", "mesages"
            stems = [zipf.get(word[: -len(end)], -1.0) for end in _ENDINGS if word.endswith(end)]
            own = max(stems, default=-1.0)
        if own >= RARE:
            return word
        floor = 0.0 if own < 0 else own + MORE_COMMON
        candidates = [c for c in _one_slip(word) if zipf.get(c, -1.0) >= floor]
        kept = self._beginning_of(word)
        if kept:  # "youtres" stays one of the words "youtre*" reads, not "poutres"
            candidates = [c for c in candidates if c.startswith(kept)]
        if not candidates:
            return word
        return min(candidates, key=lambda c: (-zipf[c], c))

    def _beginning_of(self, word: str) -> str:
        """The longest beginning of `word` that a vocabulary term reads ("" for none)."""
        found = ""
        for length in self._lengths:
            if word[:length] in self._beginnings:
                found = word[:length]
        return found


def _one_slip(word: str) -> set[str]:
    """Every string one typing slip from `word`: a letter deleted, two neighbours swapped, a letter
    changed, a letter inserted (Peter Norvig's `edits1`)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    found = {left + right[1:] for left, right in splits if right}
    found.update(left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1)
    found.update(left + c + right[1:] for left, right in splits if right for c in _LETTERS)
    found.update(left + c + right for left, right in splits for c in _LETTERS)
    found.discard(word)
    return found


def read_known_words(path: Path) -> dict[str, float]:
    """A known-words file: `word<TAB>zipf` lines (`#` starts a comment line)."""
    known: dict[str, float] = {}
    values: dict[str, float] = {}  # one float object per value written (a few hundred)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, zipf = line.partition("\t")
            value = values.get(zipf)
            if value is None:
                value = values[zipf] = float(zipf)
            known[word] = value
    return known
