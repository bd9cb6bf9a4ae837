"""The packaged notice texts: read once, rendered strictly.

The texts live in `templates/` so that someone who does not write Python can edit them. Rendering
uses `Template.substitute`, never `safe_substitute`: a placeholder the code does not provide must
fail (in the tests) rather than reach a reporter as a literal `$commune`.
"""

from collections.abc import Mapping
from functools import cache
from importlib import resources
from string import Template

TEMPLATE_SUFFIX = ".txt"
LABELS_FILE = "labels.txt"


@cache
def _files() -> Mapping[str, str]:
    """Every text file of `templates/`, by name, stripped of the blank lines an editor leaves at
    the ends (the code decides how pieces are separated)."""
    folder = resources.files(__package__ or "aiguillage.shared.notices") / "templates"
    return {
        entry.name: entry.read_text(encoding="utf-8").strip()
        for entry in folder.iterdir()
        if entry.is_file() and entry.name.endswith(TEMPLATE_SUFFIX)
    }


@cache
def templates() -> Mapping[str, Template]:
    """The templates by name (file name without `.txt`); a malformed one fails on first use,
    naming its file, instead of rendering half a notice."""
    found: dict[str, Template] = {}
    for file_name, text in _files().items():
        if file_name == LABELS_FILE:
            continue
        template = Template(text)
        if not template.is_valid():
            raise ValueError(
                f"template {file_name}: a '$' is not followed by a placeholder name "
                "(write '$$' for a dollar sign)"
            )
        found[file_name.removesuffix(TEMPLATE_SUFFIX)] = template
    return found


def render(name: str, **values: str) -> str:
    """The template `name` filled with `values`; KeyError naming the template and the placeholder
    when one is missing."""
    try:
        template = templates()[name]
    except KeyError:
        raise KeyError(f"no template file {name}{TEMPLATE_SUFFIX} in notices/templates") from None
    try:
        return template.substitute(values)
    except KeyError as error:
        raise KeyError(
            f"template {name}{TEMPLATE_SUFFIX}: placeholder ${error.args[0]} is not provided"
        ) from None


@cache
def labels() -> Mapping[str, str]:
    """`labels.txt`: one `key = text` a line, `#` for comments. A line without `=` fails rather
    than being skipped, so an editor's typo shows in the tests."""
    found: dict[str, str] = {}
    for number, line in enumerate(_files()[LABELS_FILE].splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        key, equals, text = stripped.partition("=")
        if not equals or not key.strip() or not text.strip():
            raise ValueError(f"{LABELS_FILE}, line {number}: expected 'code = texte'")
        found[key.strip()] = text.strip()
    return found


def label(key: str) -> str:
    """The plain-French text for `key`; KeyError naming the file when it is missing."""
    try:
        return labels()[key]
    except KeyError:
        raise KeyError(f"{LABELS_FILE}: no line for {key}") from None
