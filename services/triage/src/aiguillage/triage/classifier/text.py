"""Normalising a report's free text so that one vocabulary term covers its spelling variants.

Reporters write "menacé", "menace", "MENACÉÉÉ", "m'a menacée" or "jvais te tuer": every vocabulary
term and every description goes through the same normalisation, so terms are written once, without
accents, and still match. Sentence ends become " # " and commas stay as " , ": both bound negation
(see `matching`), and "#" also stops a multi-word term from spanning two sentences.
"""

import re
import unicodedata
from collections.abc import Mapping

SENTENCE_MARK = "#"

_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "’": "'", "‘": "'", "`": "'"})
_SYMBOLS = (("€", " euros "), ("%", " pourcent "), ("$", " dollars "), ("&", " et "))
_INNER_DOT = re.compile(
    r"(?<=\w)[./@](?=\w)"
)  # "impots.gouv", "7j/7", "a@b" are one unit, not a sentence end
_SENTENCE_END = re.compile(r"[.!?;\n\r…]+")
_NOT_WORD = re.compile(r"[^a-z0-9#,]+")
_LONG_REPEAT = re.compile(r"([a-z])\1{2,}")  # "tuerrrr", "noooon": shouting, not spelling
_SPACES = re.compile(r"\s+")
# SMS elision of "je": "jvais", "jte", "jramene" (no French word starts with j + consonant).
_J_ELISION = re.compile(r"\bj(?=[bcdfghjklmnpqrstvwxz][a-z]{2,})")


_COMBINING = re.compile(r"[\u0300-\u036f]+")


def strip_accents(text: str) -> str:
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.lower().translate(_LIGATURES)))


def normalise(
    text: str,
    words: Mapping[str, str],
    phrases: Mapping[str, str] | None = None,
    phrase_pattern: re.Pattern[str] | None = None,
) -> str:
    """Lower-case, accent-free, punctuation-free text with SMS spellings expanded.

    `words` maps single SMS or slang tokens to their standard spelling (only spellings that change
    what a rule can see); `phrases` rewrites idioms whose words would mislead a rule ("n'arrête pas
    de" is repetition, not negation); `phrase_pattern` finds them all in one pass.
    """
    text = strip_accents(text)
    for symbol, word in _SYMBOLS:
        text = text.replace(symbol, word)
    text = _INNER_DOT.sub(" ", text)
    text = _SENTENCE_END.sub(f" {SENTENCE_MARK} ", text)
    text = text.replace(",", " , ")
    text = _NOT_WORD.sub(" ", text)
    text = _LONG_REPEAT.sub(r"\1", text)
    text = _J_ELISION.sub("je ", text)
    tokens = [words.get(token, token) for token in text.split()]
    text = " " + " ".join(tokens) + " "
    if phrases and phrase_pattern is not None:
        table = phrases
        text = phrase_pattern.sub(lambda m: table[m.group(0)], text)
    return _SPACES.sub(" ", text)
