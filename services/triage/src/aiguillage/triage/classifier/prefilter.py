"""Where a term can start: the literal beginnings of its first word (speed, not meaning).

Every term matches from the start of a word, so the beginnings its first word can have, up to
KEY_LENGTH letters ("harcel*" → "harc", "(ma|mon) fille" → "ma", "mon", "<n> ans" → "0"…"9"),
say at which words of a report it is worth trying. `matching` reads a report word by word and
tries, at each word, only the alternatives whose keys the word begins with (see
`Vocabulary.starting_with`). A term whose first word can begin with anything (a leading `*`) has no
keys: its group is scanned whole, as a plain regular expression, so the shortcut never changes a
result.
"""

from collections.abc import Iterator

KEY_LENGTH = 4
MAX_PREFIXES = 400
_DIGITS = "0123456789"

Item = str | list["Branch"]
Branch = list[Item]


def _parse(text: str, start: int = 0) -> tuple[list[Branch], int]:
    """The alternatives of `text` from `start` up to a closing parenthesis."""
    branches: list[Branch] = [[]]
    i = start
    while i < len(text):
        char = text[i]
        if char == "(":
            inner, i = _parse(text, i + 1)
            branches[-1].append(inner)
        elif char == ")":
            return branches, i
        elif char == "|":
            branches.append([])
        elif text.startswith("<n>", i):
            branches[-1].append("<n>")
            i += 2
        elif text.startswith(" ... ", i):
            branches[-1].append(" ")
            i += 4
        else:
            branches[-1].append(char)
        i += 1
    return branches, i


def _expand(items: Branch, acc: str) -> Iterator[tuple[str, bool]]:
    """Each literal beginning of the first word, and whether it is the whole word."""
    for index, item in enumerate(items):
        if item == "?":  # the optional item before it was already tried both ways
            continue
        optional = index + 1 < len(items) and items[index + 1] == "?"
        rest = items[index + 2 :] if optional else items[index + 1 :]
        if optional:
            yield from _expand(rest, acc)
        if isinstance(item, list):
            for branch in item:
                yield from _expand(branch + rest, acc)
            return
        if item == "*":
            yield acc, False
            return
        if item == "<n>":
            for digit in _DIGITS:
                yield acc + digit, False
            return
        if not item.isalnum():  # a space or a separator: the first word ends here
            yield acc, True
            return
        acc += item
    yield acc, True


def first_word_keys(term: str) -> frozenset[str] | None:
    """The keys of the term's first word, or None when it can begin with anything.

    A first word written in full ("me", "menace") must be the report's word itself: its key is the
    word followed by a space ("me "). A first word that goes on ("menac*", "<n>h") gives its literal
    beginning, up to KEY_LENGTH letters ("mena", "0"…"9").
    """
    branches, _ = _parse(term)
    keys: set[str] = set()
    for branch in branches:
        for prefix, whole in _expand(branch, ""):
            if not prefix:
                return None
            keys.add(prefix + " " if whole else prefix[:KEY_LENGTH])
            if len(keys) > MAX_PREFIXES:
                return None
    return frozenset(keys)


def word_keys(beginning: str) -> set[str]:
    """The keys a report's word satisfies, from `Vocabulary.starting_with`'s cache key: the word
    and a space when it is itself a key, else its first KEY_LENGTH letters."""
    if beginning.endswith(" "):
        word = beginning[:-1]
        return {beginning} | {word[:n] for n in range(1, min(KEY_LENGTH, len(word)) + 1)}
    return {beginning[:n] for n in range(1, len(beginning) + 1)}
