"""A cheap pre-test that skips most vocabulary groups on most reports (speed, not meaning).

For each term we pick one word it cannot match without (the most selective one) and compute the
literal beginnings that word can have ("harcel*" → "harc", "(ma|mon) fille" → "fill"); a group is
searched only when some word of the report starts with one of its terms' keys. A term with no such
word makes its group always searched, so the pre-test never changes a result.
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


def _expand(items: Branch, acc: str) -> Iterator[str]:
    for index, item in enumerate(items):
        optional = index + 1 < len(items) and items[index + 1] == "?"
        rest = items[index + 2 :] if optional else items[index + 1 :]
        if optional:
            yield from _expand(rest, acc)
        if isinstance(item, list):
            for branch in item:
                yield from _expand(branch + rest, acc)
            return
        if item in {" ", "*"} or (not item.isalnum() and item != "<n>"):
            yield acc
            return
        if item == "<n>":
            for digit in _DIGITS:
                yield acc + digit
            return
        acc += item
    yield acc


def first_word_keys(term: str) -> frozenset[str] | None:
    """The keys of the term's first word, or None when it can begin with anything."""
    branches, _ = _parse(term)
    keys: set[str] = set()
    for branch in branches:
        for prefix in _expand(branch, ""):
            if not prefix:
                return None
            keys.add(prefix[:KEY_LENGTH])
            if len(keys) > MAX_PREFIXES:
                return None
    return frozenset(keys)


def _top_level_words(term: str) -> list[str]:
    words, depth, current = [], 0, ""
    for char in term:
        depth += char == "("
        depth -= char == ")"
        if char == " " and depth == 0:
            words.append(current)
            current = ""
        else:
            current += char
    words.append(current)
    return [w for w in words if w and w != "..." and not w.endswith(")?")]


def term_keys(term: str) -> frozenset[str] | None:
    """The keys of the term's most selective required word, or None."""
    best: frozenset[str] | None = None
    for word in _top_level_words(term):
        keys = first_word_keys(word)
        if keys is None:
            continue
        if best is None or (min(map(len, keys)), -len(keys)) > (min(map(len, best)), -len(best)):
            best = keys
    return best


def text_keys(text: str) -> frozenset[str]:
    """Every beginning, up to KEY_LENGTH letters, of every word of a normalised text."""
    return frozenset(text_index(text))


def text_index(text: str) -> dict[str, list[int]]:
    """Where each word beginning (up to KEY_LENGTH letters) starts in a normalised text, which is
    single-spaced and starts with a space."""
    index: dict[str, list[int]] = {}
    position = 1
    for word in text[1:].split(" "):
        for n in range(1, min(KEY_LENGTH, len(word)) + 1):
            index.setdefault(word[:n], []).append(position)
        position += len(word) + 1
    return index
