"""Normalising a report's free text so that one vocabulary term covers its spelling variants.

Reporters write "menacé", "menace", "MENACÉÉÉ", "m'a menacée" or "jvais te tuer": every vocabulary
term and every description goes through the same normalisation, so terms are written once, without
accents, and still match. Sentence ends become " # " and commas stay as " , ": both bound negation
(see `matching`), and "#" also stops a multi-word term from spanning two sentences.
"""

import re
import unicodedata
from collections.abc import Mapping, Sequence

from aiguillage.triage.classifier.typos import Corrector

SENTENCE_MARK = "#"
# Tokens whose spelling is kept (see `Spelling`).
MAX_KEPT_SPELLINGS = 100_000

# Replaced one by one: `str.replace` is many times faster than `str.translate` with a table.
_LIGATURES = (("œ", "oe"), ("æ", "ae"), ("ß", "ss"), ("’", "'"), ("‘", "'"), ("`", "'"))
# A quotation mark ends a clause as a comma does: a negation before a quote is the reporter's
# ("elle ne connaît pas « shit dispo »"), not the quoted words'.
_ASCII_SYMBOLS = (("%", " pourcent "), ("$", " dollars "), ("&", " et "), ('"', " , "))
# The others, looked for only in a text that is not ASCII after accent stripping (most reports
# are). Laughing faces read as the "mdr" that reporters type: a threat said laughing is a joke
# (threats_violence.toml, threat_banter); a drug ad's emoji as words its vocabulary reads.
_SYMBOLS = (
    ("€", " euros "),
    ("«", " , "),
    ("»", " , "),
    ("“", " , "),
    ("”", " , "),
    ("😂", " mdr "),
    ("🤣", " mdr "),
    ("😅", " mdr "),  # laughing at oneself
    ("💀", " mdr "),  # "dead" of laughing
    ("🙄", " pfff "),  # eyes rolled: exasperation, as the "pfff" that reporters type
    # The emoji menu of a drug ad ("arrivage 🍫❄️🍁, livraison 7j/7"): read by
    # illicit_trafficking.toml with a sale, and nowhere else.
    ("🍫", " emojichoco "),
    ("❄", " emojineige "),
    ("🍁", " emojifeuille "),
    ("🌿", " emojiherbe "),
    ("💊", " emojipilule "),
    ("🍄", " emojichampi "),
    # The aubergine, the drops, the peach and the tongue under a child's video: sexual
    # innuendo, read by child_sexual_abuse.toml's sexual_content.
    ("🍆", " emojisexe "),
    ("💦", " emojisexe "),
    ("🍑", " emojisexe "),
    ("👅", " emojisexe "),
    # The monkey and the banana thrown at a black player: hate.toml reads them.
    ("🐒", " emojisinge "),
    ("🐵", " emojisinge "),
    ("🦍", " emojisinge "),
    ("🍌", " emojibanane "),
    # The football of a supporter's post ("samedi on va les massacrer ⚽"): sport, in
    # common.toml's figurative_context (after a comma, which no negation crosses: "aucune
    # pitié ⚽" does not deny the sport).
    ("⚽", " , emojifoot "),
    # The other balls of team sports: the same sport talk ("dimanche on les écrase 🏉").
    ("🏉", " , emojifoot "),
    ("🏀", " , emojifoot "),
    ("🏈", " , emojifoot "),
)
# Amounts: "1,99e", "12.50 eur", "30eur", "500e" are a number of euros, not a sentence end or a
# school year.
_AMOUNT = re.compile(r"([0-9]+)(?:[.,]([0-9]{1,2}))? ?(?:eur|euros?|e)(?![a-z0-9])")
# (Every branch after the first digit: the engine then looks for digits only, 4 times faster.)
_DECIMAL_AMOUNT = re.compile(
    r"[0-9](?:[.,][0-9]{1,2} ?(?:eur|euros?|e)(?![a-z0-9])| ?eur|[0-9]{2}e(?![a-z0-9]))"
)
# "impots.gouv", "7j/7", "a@b" are one unit, not a sentence end. (The character comes first and
# the look-behind after it, so that the engine can skip quickly to the candidate characters.)
_INNER_DOT = re.compile(r"[./@](?<=\w[./@])(?=\w)")
_SENTENCE_END = re.compile(r"[.!?;\n\r…]+")
# An age glued to its unit ("jai 16ans", "ma fille 14ans", "my 16yo daughter"): the number and
# the unit as two words. (Digits first, so that the engine skips quickly to them: most texts have
# none.)
_GLUED_AGE = re.compile(r"([0-9]{1,3})(ans|yo)(?![a-z0-9])")
# Whether a text has one: the unit first, so that the engine skips to it (twice as fast as the
# pattern above, whose replacement with "\1" also costs a call into Python each time).
_HAS_GLUED_AGE = re.compile(r"(?:ans(?<=[0-9]ans)|yo(?<=[0-9]yo))(?![a-z0-9])")
# A question mark becomes a word the vocabularies can read, before the sentence ends there: "c'est
# du harcèlement ?" asks what the reporter does not know, "c'est du harcèlement" says it.
_QUESTION = re.compile(r"\?[?!]*")
QUESTION_MARK = "qmark"
# Every character but a-z, 0-9, "#" and "," becomes a space (the words are split on runs of them),
# by one table over the bytes: ten times faster than a pattern, and `str.translate` is slow on
# non-ASCII text. Encoding turns each non-ASCII character left after accent stripping (« » …
# emoji) into "?", which the table spaces too.
# "*" is kept for `Spelling`, which reads the letters a reporter hid ("p*te", "f*g").
_KEPT = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789#,*")
_NOT_WORD_BYTES = bytes(byte if byte in _KEPT else ord(" ") for byte in range(256))
_SPACES = re.compile(r"\s+")
_STARS = re.compile(r"\*+")
# SMS elision of "je": "jvais", "jte", "jramene" (no French word starts with j + consonant).
_J_ELISION = re.compile(r"j(?<![a-z0-9_]j)(?=[bcdfghjklmnpqrstvwxz][a-z]{2,})")


_COMBINING = re.compile(r"[\u0300-\u036f]+")


def strip_accents(text: str) -> str:
    text = text.lower()
    if text.isascii():  # most SMS-style reports: nothing to strip
        return text.replace("`", "'")
    for ligature, letters in _LIGATURES:
        if ligature in text:
            text = text.replace(ligature, letters)
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def _amount(match: re.Match[str]) -> str:
    whole, cents = match.group(1), match.group(2)
    if cents is None and len(whole) < 3 and match.group(0)[len(whole) :].strip() == "e":
        # "4e", "12e", "21e": an ordinal (school year, district, century), not euros; "500e" is
        # an amount (ordinals that high are rare in a report).
        return match.group(0)
    return f"{whole} euros"


class Spelling(dict[str, str]):
    """Each token of a normalised text as the rules read it: shouting undone ("tuerrrr" → "tuer"),
    the SMS elision of "je" expanded ("jvais" → "je vais"), a misspelt word read as the word
    meant (`corrector`, see `typos`; not for a word `words` has), then `words`, which maps SMS or
    slang spellings to the standard one (only spellings that change what a rule can see).

    A token's spelling is worked out on first sight and kept (up to MAX_KEPT_SPELLINGS tokens,
    enough for a language's words): a dictionary lookup per token instead of two more passes of
    patterns over every report."""

    def __init__(
        self, words: Mapping[str, str], corrector: Corrector, censored: Sequence[str] = ()
    ) -> None:
        super().__init__()
        self.words = words
        self.corrector = corrector
        self.censored = censored
        # Tokens with a misspelt word (see `typos`), as read ("menacce" → "menace"), up to
        # MAX_KEPT_SPELLINGS (see `misread`).
        self.misspelt: dict[str, str] = {}

    def __missing__(self, token: str) -> str:
        spelled, misspelt = self._spell(token)
        if misspelt and len(self.misspelt) < MAX_KEPT_SPELLINGS:
            self.misspelt[token] = spelled
        if len(self) < MAX_KEPT_SPELLINGS:
            self[token] = spelled
        return spelled

    def misread(self, spelled: Sequence[str]) -> dict[str, str]:
        """The tokens of `spelled` (tokens already spelled) with a misspelt word read as another,
        as written and as read. Most reports have none: one set test in C tells."""
        misspelt = self.misspelt
        if len(misspelt) < MAX_KEPT_SPELLINGS:
            if misspelt.keys().isdisjoint(spelled):
                return {}
            return {token: misspelt[token] for token in spelled if token in misspelt}
        found = {token: self._spell(token) for token in spelled}  # (the table is full)
        return {token: read for token, (read, misspelt) in found.items() if misspelt}

    def _spell(self, token: str) -> tuple[str, bool]:
        """The token's spelling, and whether a misspelt word of it was read as another."""
        word = self._uncensored(token) if "*" in token else token
        corrector = self.corrector
        parts = _J_ELISION.sub("je ", corrector.undo_shouting(word)).split()
        meant = [part if part in self.words else corrector.correct(part) for part in parts]
        return " ".join([self.words.get(part, part) for part in meant]), meant != parts

    def _uncensored(self, token: str) -> str:
        """A word whose letters the reporter hid behind stars ("p*te", "enc*le", "f***"): the
        first of `censored` that fits its visible letters, one letter a star if one does ("f*g"
        is "fag", not "fucking"), else each run of stars standing for one letter or more. Stars
        around a word ("*urgent*") are emphasis; other stars, in a word that fits no listed one,
        separate words as any punctuation does."""
        if token.startswith("*"):
            return token.replace("*", " ")
        word = self._fitting(token)
        if word is None and token.endswith("s"):  # a plural: "p*des"
            singular = self._fitting(token[:-1])
            word = None if singular is None else singular + "s"
        return token.replace("*", " ") if word is None else word

    def _fitting(self, token: str) -> str | None:
        hidden = re.compile(_STARS.sub("[a-z]+", token) + "$")
        fits = [word for word in self.censored if hidden.match(word)]
        for word in fits:
            if len(word) == len(token):
                return word
        return fits[0] if fits else None


def tokens(text: str) -> list[str]:
    """A text's tokens as `Spelling` reads them: lower case, accents, symbols and punctuation
    undone, sentence ends as "#", commas as ","."""
    text = strip_accents(text)
    for symbol, word in _ASCII_SYMBOLS:
        text = text.replace(symbol, word)
    if not text.isascii():
        for symbol, word in _SYMBOLS:
            text = text.replace(symbol, word)
    if _DECIMAL_AMOUNT.search(text):
        text = _AMOUNT.sub(_amount, text)
    text = _INNER_DOT.sub(" ", text)
    if _HAS_GLUED_AGE.search(text):
        text = _GLUED_AGE.sub(r"\1 \2", text)
    if "?" in text:
        text = _QUESTION.sub(f" {QUESTION_MARK} ? ", text)
    text = _SENTENCE_END.sub(f" {SENTENCE_MARK} ", text)
    text = text.replace(",", " , ")
    found = text.encode("ascii", "replace").translate(_NOT_WORD_BYTES).decode("ascii").split()
    return _questions_marked(found)


# Questions typed without their "?" ("c une arnaque ou pas", "est-ce que c'est grave", "is this
# legal"): the sentence gets the mark that the "?" would have given it, as the vocabularies and
# the second reading know it. A sentence asks when one of its clauses (after a sentence end or a
# comma) opens as only a question does, or when it ends with a spoken question's tag ("ou pas",
# "or not"). Openers have the words that only a question starts with: "comment" is also an
# English noun and starts indirect questions ("comment il a été aidé") and tutorials' titles
# ("comment faire un faux RIB"), "y a" says "there is". "pourquoi" and "why" open a question
# only at a sentence's start: after a quote's mark they often start a title ("« Pourquoi les
# religions sont un poison »"). "non" is a tag only after a comma or in a clause that starts
# "c'est …" ("c de l escroquerie non"), not as an answer ("il m'a dit non").
_OPENERS = frozenset(  # (of two words or three)
    {
        *(("est", "ce"), ("qu", "est", "ce"), ("c", "quoi")),
        *(("c", "est", "quoi"), ("cest", "quoi"), ("y", "a", "t"), ("a", "t"), ("va", "t")),
        *(("faut", "il"), ("faudrait", "il"), ("dois", "je"), ("doit", "on"), ("doit", "il")),
        *(("peut", "on"), ("peut", "il"), ("puis", "je"), ("pouvez", "vous"), ("est", "il")),
        *(("est", "elle"), ("sont", "ils"), ("ai", "je"), ("devrais", "je")),
        *(("que", "faire"), ("que", "dois"), ("quoi", "faire"), ("comment", "faire", "pour")),
        *(("comment", "je", verb) for verb in ("fais", "peux", "dois", "signale", "supprime")),
        *(("comment", "on", verb) for verb in ("fait", "peut", "doit", "signale", "supprime")),
        *(("comment", verb) for verb in ("puis", "savoir", "signaler", "supprimer", "porter")),
        *(
            (verb, subject)
            for verb in ("is", "are", "was", "should", "can", "could", "do", "does", "am")
            for subject in ("this", "that", "it", "there", "i", "you", "we", "they", "he", "she")
            if verb != "do" or subject not in {"this", "that", "it"}  # "do it again": an order
        ),
        *(
            (wh, verb)
            for wh in ("what", "how", "who")
            for verb in ("should", "can", "do", "does", "is", "are", "would")
        ),
    }
)
_TAGS = frozenset(
    {
        *(("ou", "pas"), ("ou", "quoi"), ("ou", "non"), ("or", "not"), (",", "right")),
        *(("fait", "quoi"), ("fais", "quoi"), ("faire", "quoi"), ("c", "normal"), (",", "non")),
    }
)
_SENTENCE_OPENERS = frozenset({"pourquoi", "why"})
_STATEMENT_ASKED = frozenset({"c", "cest", "ca"})  # "c'est … non", "ça … non"
# The words a clause that asks can start with, and a sentence that asks can end with: a text
# with none at those places asks nothing (most texts; see `_questions_marked`).
_FIRST_WORDS = frozenset(words[0] for words in _OPENERS) | _SENTENCE_OPENERS
_LAST_WORDS = frozenset(words[-1] for words in _TAGS) | {"non"}


def _questions_marked(found: list[str]) -> list[str]:
    """`found` with QUESTION_MARK at the end of each sentence asked without a "?" (see above)."""
    ends = positions(found, SENTENCE_MARK)
    starts = [0, *(end + 1 for end in ends), *(comma + 1 for comma in positions(found, ","))]
    if not any(found[start] in _FIRST_WORDS for start in starts if start < len(found)) and not any(
        found[end - 1] in _LAST_WORDS for end in [*ends, len(found)] if end > 0
    ):
        return found
    asked = [
        end
        for start, end in zip([-1, *ends], [*ends, len(found)], strict=True)
        if end - start > 1 and found[end - 1] != QUESTION_MARK and _asks(found[start + 1 : end])
    ]
    if not asked:
        return found
    marked = found[:]
    for end in reversed(asked):  # (from the last, so that the positions before stay right)
        marked[end:end] = [QUESTION_MARK] if end < len(found) else [QUESTION_MARK, SENTENCE_MARK]
    return marked


def positions(tokens: list[str], token: str) -> list[int]:
    """Where `token` is in `tokens`, in order. (Found by `list.index`, in C: a loop over every
    token would cost more.)"""
    found: list[int] = []
    start = 0
    for _ in range(tokens.count(token)):
        start = tokens.index(token, start) + 1
        found.append(start - 1)
    return found


def _asks(sentence: list[str]) -> bool:
    """Whether a sentence (its tokens, without its end) asks a question (see _OPENERS)."""
    if sentence[0] in _SENTENCE_OPENERS:
        return True
    clauses = [0, *(comma + 1 for comma in positions(sentence, ","))]
    for start in clauses:
        if any(tuple(sentence[start : start + length]) in _OPENERS for length in (2, 3)):
            return True
    if tuple(sentence[-2:]) in _TAGS:
        return True
    last = clauses[-1]  # (the "non" of "c'est … non" is at the end of the last clause)
    return sentence[-1] == "non" and last < len(sentence) and sentence[last] in _STATEMENT_ASKED


def normalise(
    text: str,
    spelling: Mapping[str, str],
    phrases: Mapping[str, str] | None = None,
    phrase_pattern: re.Pattern[str] | None = None,
) -> str:
    """Lower-case, accent-free, punctuation-free text with SMS spellings expanded.

    `spelling` gives each token's spelling (a `Spelling`); `phrases` rewrites idioms whose words
    would mislead a rule ("n'arrête pas de" is repetition, not negation); `phrase_pattern` finds
    them all in one pass.
    """
    return spelled_text(tokens(text), spelling, phrases, phrase_pattern)


def spelled_text(
    found: list[str],
    spelling: Mapping[str, str],
    phrases: Mapping[str, str] | None = None,
    phrase_pattern: re.Pattern[str] | None = None,
) -> str:
    """`normalise` from a text's `tokens`."""
    text = " " + " ".join(map(spelling.__getitem__, found)) + " "
    if "  " in text:  # a token that was only stars, or stars around a word
        text = _SPACES.sub(" ", text)
    if phrases and phrase_pattern is not None:
        table = phrases
        # The pattern takes the space before a phrase with it (see Vocabulary._phrase_pattern).
        text, count = phrase_pattern.subn(lambda m: " " + table[m.group(0)[1:]], text)
        if count:
            return _SPACES.sub(" ", text)
    return text
