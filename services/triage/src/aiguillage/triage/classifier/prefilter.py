"""Where a term can start, and what it needs after its first word (speed, not meaning).

Every term matches from the start of a word, so the beginnings its first word can have, up to
KEY_LENGTH letters ("harcel*" → "harc", "(ma|mon) fille" → "ma", "mon", "<n> ans" → "0"…"9"),
say at which words of a report it is worth trying. A term of several words also says what must
follow its first word (`needs_by_first_word`): the word right after it ("mon fils" needs "fils"
next), or, past a gap ("va ... tuer"), a word somewhere in the report. `matching` reads a report
word by word and tests a group at a word only when one of its terms can start there and finds
what it needs (see `starts`). A term whose first word can begin with anything (a leading `*`) has
no keys: its group is scanned whole, as a plain regular expression, so the shortcut never changes
a result.
"""

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

KEY_LENGTH = 4
MAX_PREFIXES = 400
# Beginnings of a word read before giving up (optional words multiply them).
MAX_BEGINNINGS = 20_000
_DIGITS = "0123456789"
# " ... " (up to four words) in a parsed term: a separator for the first word, but then the next
# word of the term need not be the next word of the report.
GAP = "..."
# Not separators although not letters: the term syntax, and "#" (a sentence end, matched as is).
_NOT_SEPARATORS = frozenset({"*", "?", "#", "<n>"})

# A parsed term: a sequence of items, each a character (or "<n>", GAP) or a group of branches.
# Tuples, so that the analyses of the same tail of a term (a macro's) are worked out once.
Item = str | tuple["Branch", ...]
Branch = tuple[Item, ...]


class Need(NamedTuple):
    """What a term of several words needs besides its first word: a word with one of `keys` right
    after it (`adjacent`), or, when a gap may come first, somewhere in the report. `alone`: an
    optional separator can glue its words, so that it may also match one word by itself. `then`:
    the keys the word right after that second word must have (None: nothing known, a gap, or the
    term can end with its second word)."""

    keys: frozenset[str]
    adjacent: bool
    alone: bool
    then: "Need | None"


def _parse(text: str, start: int = 0) -> tuple[tuple[Branch, ...], int]:
    """The alternatives of `text` from `start` up to a closing parenthesis."""
    branches: list[list[Item]] = [[]]
    i = start
    while i < len(text):
        char = text[i]
        if char == "(":
            inner, i = _parse(text, i + 1)
            branches[-1].append(inner)
        elif char == ")":
            return tuple(map(tuple, branches)), i
        elif char == "|":
            branches.append([])
        elif text.startswith("<n>", i):
            branches[-1].append("<n>")
            i += 2
        elif text.startswith(" ... ", i):
            branches[-1].append(GAP)
            i += 4
        else:
            branches[-1].append(char)
        i += 1
    return tuple(map(tuple, branches)), i


def _is_separator(item: Item) -> bool:
    return isinstance(item, str) and not item.isalnum() and item not in _NOT_SEPARATORS


def _first_words(
    items: Branch, acc: str = "", *, leading: bool = False
) -> Iterator[tuple[str, bool, Branch]]:
    """Each literal beginning of the first word, whether it is the whole word, and the items from
    where that beginning stops, for `_after_first_word` to go on with. `leading`: the items follow
    a required separator, which takes the separators met before the word's first letter
    ("(a|ont)? ?trait*" after "m ": the word is "a", "ont" or "trait…")."""
    for index, item in enumerate(items):
        if item == "?":  # the optional item before it was already tried both ways
            continue
        optional = index + 1 < len(items) and items[index + 1] == "?"
        rest = items[index + 2 :] if optional else items[index + 1 :]
        if optional:
            yield from _first_words(rest, acc, leading=leading)
        if isinstance(item, tuple):
            for branch in item:
                yield from _first_words(branch + rest, acc, leading=leading)
            return
        if item == "*":
            yield acc, False, rest
            return
        if item == "<n>":
            for digit in _DIGITS:
                yield acc + digit, False, rest
            return
        if leading and not acc and _is_separator(item) and item != GAP:
            continue
        if not (item.isalnum() or item == "#"):  # ("#": a hashtag's, or a sentence end)
            yield acc, True, items[index:]
            return
        acc += item
    yield acc, True, ()


def _keys(beginnings: Iterable[tuple[str, bool]]) -> frozenset[str] | None:
    """The keys of a word's possible beginnings (see `first_word_keys`); None when one of them is
    empty (the word can begin with anything) or when there are too many to be worth it.

    Optional words that an optional separator can glue ("(eleves|gens)? ?(la|les)? ?partagent")
    make many whole words: past MAX_PREFIXES, their beginnings stand for them (any word that is
    one of them has one of its beginnings), which are far fewer."""
    keys: set[str] = set()
    shortened = False  # whole words given as their beginnings
    for seen, (prefix, whole) in enumerate(beginnings):
        if not prefix or seen == MAX_BEGINNINGS:
            return None
        keys.add(prefix + " " if whole and not shortened else prefix[:KEY_LENGTH])
        if len(keys) > MAX_PREFIXES:
            if shortened:
                return None
            shortened = True
            keys = {key.rstrip(" ")[:KEY_LENGTH] for key in keys}
    return frozenset(keys)


def first_word_keys(term: str) -> frozenset[str] | None:
    """The keys of the term's first word, or None when it can begin with anything.

    A first word written in full ("me", "menace") must be the report's word itself: its key is the
    word followed by a space ("me "). A first word that goes on ("menac*", "<n>h") gives its literal
    beginning, up to KEY_LENGTH letters ("mena", "0"…"9").
    """
    branches, _ = _parse(term)
    return _keys((prefix, whole) for prefix, whole, _rest in _first_words((branches,)))


def _after_first_word(items: Branch, *, leading: bool = False) -> Iterator[Branch | None]:
    """What can follow the first word: the separator that ends it and the rest of the term, or
    None where the term ends within its first word (`leading` as for `_first_words`)."""
    for index, item in enumerate(items):
        if item == "?":
            continue
        optional = index + 1 < len(items) and items[index + 1] == "?"
        rest = items[index + 2 :] if optional else items[index + 1 :]
        if optional:
            yield from _after_first_word(rest, leading=leading)
        if isinstance(item, tuple):
            for branch in item:
                yield from _after_first_word(branch + rest, leading=leading)
            return
        if _is_separator(item):
            if leading and item != GAP:
                continue
            yield (item, *rest)
            return
        leading = False
    yield None


def _next_word(after: Branch | None) -> tuple[bool, Branch] | None:
    """How the term goes on past its first word (`after`: from the separator that ends it):
    whether a gap can come first, and the items from the next word on; None where it ends."""
    if after is None:
        return None
    index = 0
    gap = False
    # (A "?" after a separator makes it optional: that matters only to one-word matches.)
    while index < len(after) and (_is_separator(after[index]) or after[index] == "?"):
        gap = gap or after[index] == GAP
        index += 1
    return gap, after[index:]


@lru_cache(maxsize=4096)
def _need(items: Branch, depth: int, leading: bool) -> Need | None:
    """What the items need after their first word, looking `depth` words ahead."""
    return _need_after(tuple(dict.fromkeys(_after_first_word(items, leading=leading))), depth)


@lru_cache(maxsize=4096)
def _need_after(afters: tuple[Branch | None, ...], depth: int) -> Need | None:
    """What a term needs past its first word, given what can follow that word (`afters`)."""
    keys: set[str] = set()
    adjacent = True
    alone = False
    then: list[Need | None] = []
    for step in dict.fromkeys(map(_next_word, afters)):
        if step is None:
            alone = True
            continue
        gap, rest = step
        found = _first_keys(rest)
        if found is None or len(keys | found) > MAX_PREFIXES:
            return None
        keys |= found
        adjacent = adjacent and not gap
        if depth > 1:
            then.append(_need(rest, depth - 1, True))
    return Need(frozenset(keys), adjacent, alone, _all_of(then))


@lru_cache(maxsize=4096)
def _first_keys(items: Branch) -> frozenset[str] | None:
    """The keys of the first word of items that follow a required separator."""
    return _keys((prefix, whole) for prefix, whole, _rest in _first_words(items, leading=True))


def _all_of(needs: list[Need | None]) -> Need | None:
    """What every one of `needs` implies, as a need of the next word (None: nothing they all
    need there)."""
    if not needs or any(need is None or need.alone or not need.adjacent for need in needs):
        return None
    return either(*needs)


def either(*needs: Need | None) -> Need | None:
    """What a term that needs one of `needs` needs (None: nothing that can be told)."""
    known = [need for need in needs if need is not None]
    if len(known) < len(needs):
        return None
    return Need(
        frozenset().union(*(need.keys for need in known)),
        all(need.adjacent for need in known),
        any(need.alone for need in known),
        _all_of([need.then for need in known]),
    )


def needs_by_first_word(term: str) -> dict[str, Need | None]:
    """What the term needs after its first word, for each key of that word (see
    `first_word_keys`): "(hitler|le fuhrer) ... raison" needs "fuhrer" right after "le", not
    "raison" anywhere. A word of a report with several of the keys needs what one of them does."""
    branches, _ = _parse(term)
    afters: dict[str, list[Branch | None]] = {}
    for prefix, whole, rest in _first_words((branches,)):
        key = prefix + " " if whole else prefix[:KEY_LENGTH]
        afters.setdefault(key, []).extend(_after_first_word(rest))
    return {key: _need_after(tuple(dict.fromkeys(found)), 2) for key, found in afters.items()}


@lru_cache(maxsize=10_000)  # (the words of the latest reports: each is looked up several times)
def word_keys(word: str) -> frozenset[str]:
    """The keys a report's word has: the word and a space, and its first 1 to KEY_LENGTH
    letters."""
    return frozenset([word + " ", *(word[:n] for n in range(1, min(KEY_LENGTH, len(word)) + 1))])
