"""Property-based fuzzing of the intake API (hypothesis) over the real broker and database.

The invariants, for every request: no 5xx and no exception out of the app; the number of stored
reports grows by one exactly when the answer is 202. Besides:

- a report the model accepts gets 202 with an id and a token, is stored as sent (NUL, emoji, RTL
  and all) and is readable with its token;
- anything else gets a 4xx whose JSON body names the problem (the field, for a 422);
- `GET /reports/{id}` answers 404 for an unknown id, whatever the Authorization header.

Each test starts the app once and runs its examples against it (the examples share the test's
fixtures, hence the suppressed `function_scoped_fixture` health check). Generation is
derandomized, so a run is reproducible; `EXAMPLES` sets how many examples each property runs.
"""

import copy
import json
import string
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import (
    HealthCheck,
    Phase,
    assume,
    currently_in_test_context,
    event,
    given,
    settings,
)
from hypothesis import strategies as st
from pymongo import AsyncMongoClient
from pymongo.asynchronous.collection import AsyncCollection

from aiguillage.intake.settings import IntakeSettings
from aiguillage.shared.mongo import Document
from aiguillage.shared.report import (
    MAX_DESCRIPTION_CHARS,
    MAX_URL_CHARS,
    MAX_URLS,
    Report,
    ReportBody,
)
from aiguillage.shared.vocabulary import Category, WhereSeen
from tests.integration.test_intake_api import EXAMPLE_1
from tests.support.apps import intake_client

pytestmark = pytest.mark.connected

# Examples per property: 4,050 in all (one or two requests each), about 45 s on two cores.
EXAMPLES: dict[str, int] = {
    "valid": 400,
    "wrong_type": 400,
    "unknown_key": 300,
    "lone_surrogate": 100,
    "missing_or_null": 100,
    "over_limits": 400,
    "malformed_authority": 50,
    "bad_code": 200,
    "non_ascii_digit_code": 50,
    "arbitrary_json": 400,
    "malformed_bytes": 500,
    "duplicate_key": 150,
    "content_type": 300,
    "content_length": 100,
    "status": 600,
}

MAX_PLATFORM_CHARS = 64
MAX_EMAIL_CHARS = 254

Json = Any
JsonObject = dict[str, Any]


def fuzz(name: str) -> settings:
    return settings(
        max_examples=EXAMPLES[name],
        derandomize=True,
        database=None,
        deadline=None,
        print_blob=False,
        # No explain phase: it re-runs a failing case a hundred times against the app.
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
            HealthCheck.large_base_example,
        ],
    )


# --- The app, once per test --------------------------------------------------------------------


@dataclass(kw_only=True)
class Api:
    client: httpx.AsyncClient
    reports: AsyncCollection[Document]
    max_body_bytes: int
    stored: int = 0

    async def post(
        self, content: bytes, headers: dict[bytes, bytes] | None = None
    ) -> httpx.Response:
        """POST /reports; check the invariants every answer keeps."""
        if headers is None:
            headers = {b"content-type": b"application/json"}
        response = await self.client.post("/reports", content=content, headers=headers)
        if currently_in_test_context():  # see --hypothesis-show-statistics
            event(f"POST /reports -> {response.status_code}")
        assert response.status_code < 500, show(response)
        if response.status_code == 202:
            self.stored += 1
        count = await self.reports.count_documents({})
        assert count == self.stored, f"{count} reports stored, expected {self.stored}; " + show(
            response
        )
        return response


@pytest.fixture
async def api(
    isolated_env: dict[str, str],
    mongo: AsyncMongoClient[Document],
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[Api]:
    # Thousands of submissions from one client: no per-client rate limit (0 turns it off).
    monkeypatch.setenv("AIGUILLAGE_RATE_LIMIT_PER_MINUTE", "0")
    database = mongo[isolated_env["AIGUILLAGE_MONGO__DATABASE"]]
    async with intake_client() as client:
        yield Api(
            client=client,
            reports=database.reports,
            max_body_bytes=IntakeSettings().max_body_bytes,
        )


def show(response: httpx.Response) -> str:
    return (
        f"{response.request.method} {response.request.url} -> {response.status_code} "
        + (response.text[:600])
    )


def assert_refused(response: httpx.Response, *fields: str) -> None:
    """A 4xx with a JSON body saying what is wrong; for a 422, naming one of `fields` (or a
    field inside one of them)."""
    assert 400 <= response.status_code < 500, show(response)
    assert response.headers["content-type"].startswith("application/json"), show(response)
    body = response.json()
    assert isinstance(body, dict), show(response)
    assert isinstance(body.get("error"), str), show(response)
    assert body["error"], show(response)
    if response.status_code == 422:
        problems = body["problems"]
        assert problems, show(response)
        assert all(isinstance(p["field"], str) and p["message"] for p in problems)
        if fields:
            named = [p["field"] for p in problems]
            assert any(n == f or n.startswith(f + ".") for n in named for f in fields), (
                f"expected a problem naming {fields}; " + show(response)
            )


# --- Encoding ----------------------------------------------------------------------------------

STYLES = ("compact", "ascii", "pretty", "spaced")


def encode(value: Json, style: str = "compact") -> bytes:
    """JSON as different clients write it; `\\uXXXX` escapes when there are lone surrogates."""
    if style == "ascii" or has_surrogates(value):
        return json.dumps(value).encode()
    if style == "pretty":
        return json.dumps(value, ensure_ascii=False, indent="\t").encode()
    if style == "spaced":
        return b" \r\n " + json.dumps(value, ensure_ascii=False).encode() + b"\n\n"
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def has_surrogates(value: Json) -> bool:
    return any(0xD800 <= ord(c) <= 0xDFFF for c in json.dumps(value, ensure_ascii=False))


def with_literal(value: Json, path: tuple[str | int, ...], literal: bytes, style: str) -> bytes:
    """The body with the value at `path` replaced by raw JSON text (huge numbers, deep nests)."""
    marker = "\x00MARKER\x00"
    content = encode(put(value, path, marker), style)
    placeholder = json.dumps(marker, ensure_ascii=style == "ascii").encode()
    assert content.count(placeholder) == 1
    return content.replace(placeholder, literal)


def put(body: JsonObject, path: tuple[str | int, ...], value: Json) -> JsonObject:
    """A copy of `body` with `value` at `path` (creating the missing objects on the way)."""
    copied = copy.deepcopy(body)
    node: Any = copied
    for part in path[:-1]:
        if isinstance(part, str) and part not in node:
            node[part] = {}
        node = node[part]
    node[path[-1]] = value
    return copied


def dotted(path: tuple[str | int, ...]) -> str:
    return ".".join(str(p) for p in path)


# --- Valid reports -----------------------------------------------------------------------------

# Text that clients really send, and text that breaks naive code.
SPECIAL_TEXT = [
    "\x00",
    "\x00\x00\x00",
    "\x07\x08\x1b[31mred\x1b[0m",
    "\r\n",
    "\t",
    "\u2028\u2029",
    "\u200b\u200c\u200d",
    "\ufeff",
    "\u202e",
    "\u202b\u202a\u2066\u2067\u2068\u2069",
    "مرحبا، هذا الحساب يهدد ابني",
    "שלום, זה חשבון מזויף",
    "ابني 14 ans \u202ehello",
    "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466",
    "\U0001f1eb\U0001f1f7",
    "\U0001f3f3\ufe0f\u200d\U0001f308",
    "\U0001f621\U0001f4a9\U0001f52a",
    "e\u0301\u0301\u0301\u0301",
    "Z\u0364\u0354a\u0308\u0356l\u036eg\u030co\u0319",
    "\uffff\ufffe\ufffd",
    "\U0010ffff",
    "\x7f\x80\x9f\x85",
    "<script>alert(1)</script>",
    "'; DROP TABLE reports; --",
    '{"$gt": ""}',
    "$where: 1",
    "%s%n%x{0}",
    "\\u0000\\ud800",
    "Ⅷ½²٣",
    "İıßﬀ",
    "\u3000\u00a0",
]

# Characters that are whitespace under no definition (Python's, Unicode's): a description that
# holds one is never empty once stripped.
ANCHORS = st.one_of(
    st.characters(categories=["L", "N", "P", "S"]),
    st.sampled_from(["é", "ع", "א", "字", "\U0001f621", "\U0001f1eb"]),
)
FRAGMENTS = st.one_of(st.text(max_size=40), st.sampled_from(SPECIAL_TEXT))
PADDING = st.sampled_from(["", " ", "\n", " \t\r\n ", "\u3000", "\u00a0\u2028"])


@st.composite
def long_text(draw: st.DrawFn, max_chars: int) -> str:
    """Arbitrary text, sometimes repeated up to exactly `max_chars`."""
    chunk = "".join(draw(st.lists(FRAGMENTS, max_size=5)))
    if not chunk:
        return ""
    repeat = draw(st.one_of(st.just(1), st.integers(1, 20), st.just(max_chars)))
    repeat = min(repeat, max_chars // len(chunk) + 1)
    return (chunk * repeat)[:max_chars]


@st.composite
def descriptions(draw: st.DrawFn, max_chars: int = MAX_DESCRIPTION_CHARS) -> str:
    left = "".join(draw(st.lists(FRAGMENTS, max_size=3)))[: max_chars - 1]
    anchor = draw(ANCHORS)
    right = draw(long_text(max_chars - len(left) - 1))
    padding = draw(PADDING)
    return padding + left + anchor + right + padding


LABEL = st.from_regex(r"\A[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?\Z")
HOSTS = st.one_of(
    st.lists(LABEL, min_size=1, max_size=4).map(".".join),
    st.ip_addresses(v=4).map(str),
    st.ip_addresses(v=6).map(lambda address: f"[{address}]"),
    st.sampled_from(
        [
            "localhost",
            "www.instagram.com",
            "t.co",
            "exämple.fr",
            "пример.рф",
            "مثال.مصر",
            "例え.テスト",
            "xn--exmple-cua.fr",
            "EXAMPLE.ORG",
        ]
    ),
)
# Anything after the host but white space and control characters, which no URL may hold.
URL_TEXT = st.text(st.characters(exclude_categories=("Cc", "Cs", "Zs", "Zl", "Zp")), max_size=60)


@st.composite
def urls(draw: st.DrawFn) -> str:
    scheme = draw(st.sampled_from(["http", "https", "HTTP", "Https", "hTtPs"]))
    userinfo = draw(st.sampled_from(["", "user@", "user:secret@", "a:@"]))
    port = draw(st.sampled_from(["", ":80", ":443", ":8080", ":65535", ":"]))
    prefix = f"{scheme}://{userinfo}{draw(HOSTS)}{port}"
    rest = "/" + draw(URL_TEXT)
    if draw(st.booleans()):
        rest += "?" + draw(URL_TEXT)
    if draw(st.booleans()):
        rest += "#" + draw(URL_TEXT)
    if draw(st.integers(0, 9)) == 0:  # as long as allowed
        rest = (rest + "a" * MAX_URL_CHARS)[: MAX_URL_CHARS - len(prefix)]
    url = (prefix + rest)[:MAX_URL_CHARS]
    return draw(PADDING) + url + draw(PADDING)


EMAIL_LOCAL = st.text(
    st.one_of(st.characters(categories=["L", "N"]), st.sampled_from(list(".!#$%&'*+/=?^_`{|}~-"))),
    min_size=1,
    max_size=64,
)
EMAIL_LABEL = st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=20)


@st.composite
def emails(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        email = draw(st.emails().filter(lambda e: len(e) <= MAX_EMAIL_CHARS))
    else:
        domain = ".".join(draw(st.lists(EMAIL_LABEL, min_size=2, max_size=4)))
        email = f"{draw(EMAIL_LOCAL)}@{domain}"
    return draw(st.sampled_from(["", " ", "\t"])) + email + draw(st.sampled_from(["", " ", "\n"]))


INSEE_CODES = st.from_regex(r"\A([0-9]{5}|2[AB][0-9]{3})\Z")
POSTAL_CODES = st.from_regex(r"\A[0-9]{5}\Z")
NULLABLE_BOOL = st.none() | st.booleans()

REPORTERS = st.fixed_dictionaries(
    {},
    optional={
        "anonymous": st.booleans(),
        "is_victim": NULLABLE_BOOL,
        "contact_email": st.none() | emails(),
    },
)
VICTIMS = st.fixed_dictionaries(
    {},
    optional={
        "is_minor": NULLABLE_BOOL,
        "school_context": NULLABLE_BOOL,
        "commune_insee": st.none() | INSEE_CODES,
        "postal_code": st.none() | POSTAL_CODES,
    },
)


def valid_reports(
    *, description: st.SearchStrategy[str] | None = None, max_urls: int = MAX_URLS
) -> st.SearchStrategy[JsonObject]:
    return st.fixed_dictionaries(
        {"description": descriptions() if description is None else description},
        optional={
            "where_seen": st.sampled_from([w.value for w in WhereSeen]),
            "urls": st.lists(urls(), max_size=max_urls),
            "platform": st.none() | long_text(MAX_PLATFORM_CHARS),
            "category_hint": st.none() | st.sampled_from([c.value for c in Category]),
            "reporter": REPORTERS,
            "victim": VICTIMS,
        },
    )


# Small valid reports, the base the mutations start from.
BASES: st.SearchStrategy[JsonObject] = st.one_of(
    st.just(dict(EXAMPLE_1)),
    valid_reports(description=st.text(ANCHORS, min_size=1, max_size=30), max_urls=3),
)

# --- Invalid values ----------------------------------------------------------------------------

FINITE = st.floats(allow_nan=False, allow_infinity=False)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), FINITE, st.text(max_size=10))
CONTAINERS = st.one_of(
    st.lists(SCALARS, max_size=3), st.dictionaries(st.text(max_size=8), SCALARS, max_size=3)
)
# What pydantic's lax mode reads as a boolean.
BOOL_WORDS = {"0", "off", "f", "false", "n", "no", "1", "on", "t", "true", "y", "yes"}

NOT_TEXT = st.one_of(st.booleans(), st.integers(), FINITE, CONTAINERS)
NOT_BOOL = st.one_of(
    st.integers().filter(lambda i: i not in {0, 1}),
    FINITE.filter(lambda f: f not in {0.0, 1.0}),
    st.text(max_size=10).filter(lambda s: s.lower() not in BOOL_WORDS),
    CONTAINERS,
)


def not_in(values: set[str]) -> st.SearchStrategy[Json]:
    return st.one_of(
        st.text(max_size=20).filter(lambda s: s not in values),
        st.sampled_from([v.upper() for v in values] + [f" {v}" for v in values]),
        st.booleans(),
        st.integers(),
        FINITE,
        CONTAINERS,
    )


NOT_LIST = st.one_of(
    st.text(max_size=20),
    st.booleans(),
    st.integers(),
    FINITE,
    st.dictionaries(st.text(max_size=8), SCALARS, max_size=3),
)
NOT_OBJECT = st.one_of(
    st.text(max_size=20), st.booleans(), st.integers(), FINITE, st.lists(SCALARS, max_size=3)
)

# Every field, with values of the wrong type for it (null where it is not nullable).
WRONG_TYPES: dict[tuple[str, ...], st.SearchStrategy[Json]] = {
    ("description",): st.none() | NOT_TEXT,
    ("where_seen",): st.none() | not_in({w.value for w in WhereSeen}),
    ("urls",): st.none() | NOT_LIST,
    ("urls", "*"): st.none() | NOT_TEXT,
    ("platform",): NOT_TEXT,
    ("category_hint",): not_in({c.value for c in Category}),
    ("reporter",): st.none() | NOT_OBJECT,
    ("reporter", "anonymous"): st.none() | NOT_BOOL,
    ("reporter", "is_victim"): NOT_BOOL,
    ("reporter", "contact_email"): NOT_TEXT,
    ("victim",): st.none() | NOT_OBJECT,
    ("victim", "is_minor"): NOT_BOOL,
    ("victim", "school_context"): NOT_BOOL,
    ("victim", "commune_insee"): NOT_TEXT,
    ("victim", "postal_code"): NOT_TEXT,
}
FIELDS: dict[tuple[str, ...], set[str]] = {
    (): {
        "description",
        "where_seen",
        "urls",
        "platform",
        "category_hint",
        "reporter",
        "victim",
    },
    ("reporter",): {"anonymous", "is_victim", "contact_email"},
    ("victim",): {"is_minor", "school_context", "commune_insee", "postal_code"},
}


@st.composite
def at_path(
    draw: st.DrawFn, base: JsonObject, path: tuple[str, ...]
) -> tuple[JsonObject, tuple[str | int, ...]]:
    """`base` made ready for a value at `path` (`*` is a list index), and the concrete path."""
    if path[-1] != "*":
        return base, path
    listed = list(base.get("urls") or [])
    if not listed:
        listed = [draw(urls())]
    index = draw(st.integers(0, len(listed) - 1))
    return {**base, "urls": listed}, ("urls", index)


# Numbers no field takes (0 and 1 would be booleans, so nothing that rounds to them).
NUMBER_LITERALS = st.one_of(
    st.sampled_from([b"1e999", b"-1e999", b"NaN", b"Infinity", b"-Infinity", b"2.5e308"]),
    st.integers(1, 10_000).map(lambda n: b"1" + b"0" * n),
    st.integers(1, 5_000).map(lambda n: b"-" + b"9" * n + b".5"),
)


@st.composite
def deep_nests(draw: st.DrawFn) -> bytes:
    depth = draw(
        st.one_of(
            st.sampled_from([100, 900, 999, 1_000, 1_001, 5_000, 30_000]), st.integers(1, 40_000)
        )
    )
    if draw(st.booleans()):
        return b"[" * depth + b"]" * depth
    return b'{"a":' * depth + b"1" + b"}" * depth


WHITESPACE = st.text(
    st.sampled_from(list(" \t\n\r\x0b\x0c\x85\xa0\u1680\u2003\u2028\u2029\u202f\u3000")),
    max_size=50,
)
NON_SPACE = st.text(ANCHORS, min_size=1, max_size=50)


@st.composite
def over_the_limit(draw: st.DrawFn, length: int) -> str:
    """Text longer than `length` even once stripped."""
    chunk = draw(NON_SPACE)
    extra = draw(st.one_of(st.just(1), st.integers(1, 2_000)))
    return (chunk * (length // len(chunk) + extra + 1))[: length + extra]


BAD_URLS = st.one_of(
    st.sampled_from(
        [
            "",
            "   ",
            "not a url",
            "example.org",
            "www.example.org/path",
            "//example.org/x",
            "ftp://example.org/x",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "data:text/html,<b>x</b>",
            "mailto:a@example.org",
            "http://",
            "https://",
            "http:///path",
            "https:?q=1",
            "http://@/",
            "http://:80/",
            "http://[::1",
            "https://exa mple.org/",
            "https://example.org/a b",
            "h ttp://example.org",
            "http//example.org",
            "https://example.org:0/",
            "https://example.org/\x00",
            "https://example.org/a\tb",
        ]
    ),
    st.builds(lambda url, cut: url.strip()[:cut], urls(), st.integers(0, 7)),
    # A space inside (not at an end, where it would be stripped).
    urls()
    .map(str.strip)
    .flatmap(lambda url: st.integers(1, len(url) - 1).map(lambda i: url[:i] + " " + url[i:])),
)
BAD_EMAILS = st.one_of(
    st.sampled_from(
        [
            "nope",
            "a@b",
            "a@b.",
            "@b.c",
            "a@.",
            "a@@b.c",
            "a@b@c.d",
            "a b@c.d",
            "a@b .c",
            "a@b.c\nd",
            "a@b.c\u3000d",
            "",
            "   ",
        ]
    ),
    st.integers(MAX_EMAIL_CHARS - 4, 600).map(lambda n: "a" * n + "@b.fr"),
)


@st.composite
def over_limits(draw: st.DrawFn) -> tuple[bytes, tuple[str, ...]]:
    """A report with one value over a limit or malformed; the fields a 422 may name."""
    base = draw(BASES)
    style = draw(st.sampled_from(STYLES))
    family = draw(
        st.sampled_from(
            [
                "long_description",
                "blank_description",
                "long_platform",
                "too_many_urls",
                "long_url",
                "bad_url",
                "bad_email",
                "huge_number",
                "deep_nest",
            ]
        )
    )
    if family == "long_description":
        return encode(
            {**base, "description": draw(over_the_limit(MAX_DESCRIPTION_CHARS))}, style
        ), ("description",)
    if family == "blank_description":
        return encode({**base, "description": draw(WHITESPACE)}, style), ("description",)
    if family == "long_platform":
        return encode({**base, "platform": draw(over_the_limit(MAX_PLATFORM_CHARS))}, style), (
            "platform",
        )
    if family == "too_many_urls":
        count = draw(st.integers(MAX_URLS + 1, 3 * MAX_URLS))
        return encode({**base, "urls": [f"https://e.fr/{i}" for i in range(count)]}, style), (
            "urls",
        )
    if family in {"long_url", "bad_url"}:
        if family == "long_url":
            bad = "https://example.org/" + draw(over_the_limit(MAX_URL_CHARS))
        else:
            bad = draw(BAD_URLS)
        body, path = draw(at_path(base, ("urls", "*")))
        return encode(put(body, path, bad), style), (dotted(path),)
    if family == "bad_email":
        path = ("reporter", "contact_email")
        return encode(put(base, path, draw(BAD_EMAILS)), style), (dotted(path),)
    field = draw(st.sampled_from([p for p in WRONG_TYPES if p[-1] != "*"]))
    literal = draw(NUMBER_LITERALS if family == "huge_number" else deep_nests())
    return with_literal(base, field, literal, style), (dotted(field),)


ASCII_DIGITS = "0123456789"
BAD_INSEE = st.one_of(
    st.text(st.sampled_from(ASCII_DIGITS), max_size=12).filter(lambda s: len(s) != 5),
    st.sampled_from(
        ["2C123", "2a123", "2b123", "2A12", "2A1234", "AB123", "33 063", " 33063", "33063\n"]
    ),
    st.text(st.sampled_from(ASCII_DIGITS + "AB"), min_size=5, max_size=5).filter(
        lambda s: not (s.isdigit() or (s[:2] in {"2A", "2B"} and s[2:].isdigit()))
    ),
    st.text(max_size=8).filter(lambda s: not (len(s) == 5 and s.isdigit())),
)
BAD_POSTAL = st.one_of(
    st.text(st.sampled_from(ASCII_DIGITS), max_size=12).filter(lambda s: len(s) != 5),
    st.sampled_from(["ABCDE", "2A000", "33 000", " 33000", "33000\n", "3300O", "+3300"]),
    st.text(max_size=8).filter(lambda s: not (len(s) == 5 and s.isdigit())),
)
# The decimal digits of other scripts: Arabic-Indic, Persian, Devanagari, Bengali, Thai,
# fullwidth, mathematical bold.
OTHER_DIGITS = ["٠", "۰", "०", "০", "๐", "０", "\U0001d7ce"]


def other_script_digits(template: str) -> st.SearchStrategy[str]:
    """`template` (digits and letters) with its digits written in another script."""
    return st.sampled_from(OTHER_DIGITS).map(
        lambda zero: "".join(chr(ord(zero) + int(c)) if c.isdigit() else c for c in template)
    )


# --- Arbitrary JSON and bytes ------------------------------------------------------------------

KEYS = st.one_of(st.text(max_size=12), st.sampled_from(sorted(FIELDS[()] | FIELDS[("reporter",)])))
JSON_VALUES: st.SearchStrategy[Json] = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(-(2**200), 2**200),
        st.floats(),
        st.text(),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=5), st.dictionaries(KEYS, children, max_size=5)
    ),
    max_leaves=30,
)

INVALID_UTF8 = [
    b"\xff",
    b"\xfe\xff",
    b"\xc3\x28",
    b"\xa0\xa1",
    b"\xe2\x28\xa1",
    b"\xe2\x82\x28",
    b"\xf0\x28\x8c\xbc",
    b"\xc0\xaf",
    b"\xe0\x80\xaf",
    b"\xed\xa0\x80",
    b"\xed\xbf\xbf",
    b"\xf4\x90\x80\x80",
    b"\xf8\x88\x80\x80\x80",
    b"\xc3",
]
JSON_GARBAGE = [
    b"",
    b" ",
    b"\n\t\r ",
    b"{",
    b"}",
    b"{}}",
    b"[",
    b'{"description": "x",}',
    b"{'description': 'x'}",
    b'{"description": "x"} {"description": "y"}',
    b'{"description": "x"} trailing',
    b'{"description": "x" /* comment */}',
    b'{"description": "\\x41"}',
    b'{"description": "\\u12"}',
    b'{"description": "\\ud800"}',
    b'{"description": "\\udc00\\ud800"}',
    b'{"description": "line\nbreak"}',
    b'{"description": "tab\tin string"}',
    b'{description: "x"}',
    b"\xef\xbb\xbf{}",
    b"\x00",
    b"null",
    b"true",
    b'"description"',
    b"NaN",
    b"-",
    b"1" * 5_000,
]


@st.composite
def malformed_bytes(draw: st.DrawFn) -> bytes:
    """Bytes near a valid JSON body: broken, truncated, re-encoded, with invalid UTF-8."""
    content = encode(draw(BASES), draw(st.sampled_from(STYLES)))
    family = draw(
        st.sampled_from(
            ["garbage", "truncate", "flip", "insert", "delete", "utf8", "encoding", "prefix"]
        )
    )
    if family == "garbage":
        return draw(st.sampled_from(JSON_GARBAGE))
    if family == "truncate":
        return content[: draw(st.integers(0, len(content) - 1))]
    if family == "encoding":
        codec = draw(st.sampled_from(["utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252"]))
        return content.decode().encode(codec, errors="replace")
    if family == "prefix":
        return draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b")]}',\n"])) + content
    edits = draw(st.integers(1, 4))
    for _ in range(edits):
        at = draw(st.integers(0, len(content)))
        if family == "flip" and at < len(content):
            content = content[:at] + bytes([draw(st.integers(0, 255))]) + content[at + 1 :]
        elif family == "delete":
            content = content[:at] + content[at + draw(st.integers(1, 8)) :]
        elif family == "utf8":
            # Inside the description's string, where a lenient parser would keep it.
            start = content.index(b'"description"') + len(b'"description"')
            quote_at = content.index(b'"', start) + 1
            content = content[:quote_at] + draw(st.sampled_from(INVALID_UTF8)) + content[quote_at:]
        else:
            content = content[:at] + draw(st.binary(min_size=1, max_size=4)) + content[at:]
    return content


def json_parses(content: bytes) -> bool:
    try:
        json.loads(content)
    except (ValueError, RecursionError):
        return False
    return True


# --- Properties: valid reports -----------------------------------------------------------------


@fuzz("valid")
@given(body=valid_reports(), style=st.sampled_from(STYLES))
async def test_valid_reports_are_accepted_and_readable(
    api: Api, body: JsonObject, style: str
) -> None:
    content = encode(body, style)
    # A report that fits the model but not the body limit: see test_largest_valid_report_....
    assume(len(content) <= api.max_body_bytes)
    response = await api.post(content)
    assert response.status_code == 202, show(response)
    accepted = response.json()
    assert isinstance(accepted["id"], str), accepted
    assert accepted["id"], accepted
    assert isinstance(accepted["tracking_token"], str), accepted
    assert accepted["tracking_token"], accepted
    assert accepted["status"] == "received"

    view = await api.client.get(
        f"/reports/{accepted['id']}",
        headers={"Authorization": f"Bearer {accepted['tracking_token']}"},
    )
    assert view.status_code == 200, show(view)
    assert view.json()["id"] == accepted["id"]
    assert view.json()["status"] in {"received", "triaged", "dispatched"}

    stored = await api.reports.find_one({"_id": accepted["id"]})
    assert stored is not None
    expected = Report.from_body(ReportBody.model_validate(body)).model_dump(mode="json")
    assert stored["report"] == expected, "the report was not stored as sent"


async def test_largest_valid_report_is_accepted(api: Api) -> None:
    """A report at every limit of the model (ROUTING_POLICY §2) is valid, so it is accepted.

    5,000 control characters (6 bytes each as JSON escapes) and 20 URLs of 2,048 characters make
    a body of about 71 KB: the body limit must leave room for it.
    """
    body = {
        "description": "\x01" * MAX_DESCRIPTION_CHARS,
        "urls": [f"https://example.org/{i:02}/".ljust(MAX_URL_CHARS, "a") for i in range(MAX_URLS)],
    }
    ReportBody.model_validate(body)
    content = encode(body)
    response = await api.post(content)
    assert response.status_code == 202, f"{len(content)} bytes: " + show(response)


# --- Properties: invalid reports ---------------------------------------------------------------


@st.composite
def wrong_types(draw: st.DrawFn) -> tuple[JsonObject, str]:
    field = draw(st.sampled_from(sorted(WRONG_TYPES)))
    body, path = draw(at_path(draw(BASES), field))
    return put(body, path, draw(WRONG_TYPES[field])), dotted(path)


@fuzz("wrong_type")
@given(case=wrong_types(), style=st.sampled_from(STYLES))
async def test_wrong_types_are_refused(api: Api, case: tuple[JsonObject, str], style: str) -> None:
    body, field = case
    assert_refused(await api.post(encode(body, style)), field)


@st.composite
def unknown_keys(draw: st.DrawFn, keys: st.SearchStrategy[str]) -> tuple[JsonObject, str]:
    base = draw(BASES)
    level = draw(st.sampled_from(sorted(FIELDS)))
    key = draw(keys.filter(lambda k: k not in FIELDS[level]))
    value = draw(JSON_VALUES)
    if not level:
        return {**base, key: value}, key
    return {**base, level[0]: {**base.get(level[0], {}), key: value}}, f"{level[0]}.{key}"


FUNNY_KEYS = st.sampled_from(
    [
        "trusted_flagger",
        "Description",
        "description ",
        "_id",
        "$set",
        "$where",
        "__proto__",
        "constructor",
        "a.b",
        "status",
        "tracking_token",
        "\x00",
        "\U0001f621",
        "\u202e",
    ]
)


@fuzz("unknown_key")
@given(case=unknown_keys(st.one_of(st.text(min_size=1, max_size=20), FUNNY_KEYS)))
async def test_unknown_keys_are_refused(api: Api, case: tuple[JsonObject, str]) -> None:
    body, field = case
    assert_refused(await api.post(encode(body)), field)


LONE_SURROGATES = st.characters(categories=["Cs"])


@st.composite
def lone_surrogates(draw: st.DrawFn) -> tuple[JsonObject, tuple[str, ...]]:
    """A lone surrogate (valid JSON as a `\\uD800` escape, not valid Unicode) in a key or a
    value; the fields a 422 may name."""
    text = draw(st.text(max_size=5)) + draw(LONE_SURROGATES) + draw(st.text(max_size=5))
    base = draw(BASES)
    if draw(st.booleans()):
        # The key cannot be echoed in a UTF-8 answer: naming the object that holds it will do.
        body, key = draw(unknown_keys(st.just(text)))
        parent = key.rpartition(".")[0] if key.startswith(("reporter.", "victim.")) else ""
        return body, (key, parent or "body")
    field = draw(
        st.sampled_from(
            [
                ("description",),
                ("platform",),
                ("where_seen",),
                ("urls", "*"),
                ("reporter", "contact_email"),
                ("victim", "postal_code"),
            ]
        )
    )
    body, path = draw(at_path(base, field))
    return put(body, path, text), (dotted(path),)


@fuzz("lone_surrogate")
@given(case=lone_surrogates())
async def test_lone_surrogates_are_refused(
    api: Api, case: tuple[JsonObject, tuple[str, ...]]
) -> None:
    body, fields = case
    content = encode(body)
    assert b"\\ud" in content
    assert_refused(await api.post(content), *fields)


@st.composite
def missing_or_null(draw: st.DrawFn) -> tuple[JsonObject, str]:
    base = draw(BASES)
    if draw(st.booleans()):
        return {k: v for k, v in base.items() if k != "description"}, "description"
    path = draw(
        st.sampled_from(
            [
                ("description",),
                ("where_seen",),
                ("urls",),
                ("reporter",),
                ("victim",),
                ("reporter", "anonymous"),
            ]
        )
    )
    return put(base, path, None), dotted(path)


@fuzz("missing_or_null")
@given(case=missing_or_null(), style=st.sampled_from(STYLES))
async def test_missing_and_null_required_fields_are_refused(
    api: Api, case: tuple[JsonObject, str], style: str
) -> None:
    body, field = case
    assert_refused(await api.post(encode(body, style)), field)


@fuzz("over_limits")
@given(case=over_limits())
async def test_values_over_the_limits_or_malformed_are_refused(
    api: Api, case: tuple[bytes, tuple[str, ...]]
) -> None:
    content, fields = case
    # 413 when the body is over the byte limit, 400 when the JSON parser gives up (deep nests,
    # integers of more than 4,300 digits): both name the problem in `error`.
    assert_refused(await api.post(content), *fields)


# Absolute http(s) URLs "with a host" whose authority no URL parser accepts (RFC 3986, WHATWG).
MALFORMED_AUTHORITIES = [
    "http://[::1]x]/",
    "http://[::1]:80:80/",
    "https://example.org:abc/",
    "https://example.org:99999/",
    "https://example.org:-1/",
    "http://exa<mple>.org/",
    "http://a\x00b.org/",
    "http://a%zz.org/",
]


@fuzz("malformed_authority")
@given(base=BASES, bad=st.sampled_from(MALFORMED_AUTHORITIES), data=st.data())
async def test_urls_with_a_malformed_authority_are_refused(
    api: Api, base: JsonObject, bad: str, data: st.DataObject
) -> None:
    body, path = data.draw(at_path(base, ("urls", "*")))
    assert_refused(await api.post(encode(put(body, path, bad))), dotted(path))


@st.composite
def bad_codes(
    draw: st.DrawFn, insee: st.SearchStrategy[str], postal: st.SearchStrategy[str]
) -> tuple[JsonObject, str]:
    base = draw(BASES)
    if draw(st.booleans()):
        return put(base, ("victim", "commune_insee"), draw(insee)), "victim.commune_insee"
    return put(base, ("victim", "postal_code"), draw(postal)), "victim.postal_code"


@fuzz("bad_code")
@given(case=bad_codes(BAD_INSEE, BAD_POSTAL))
async def test_bad_insee_and_postal_codes_are_refused(
    api: Api, case: tuple[JsonObject, str]
) -> None:
    body, field = case
    assert_refused(await api.post(encode(body)), field)


@fuzz("non_ascii_digit_code")
@given(
    case=bad_codes(
        st.sampled_from(["33063", "2A004", "75056"]).flatmap(other_script_digits),
        st.sampled_from(["33000", "75001"]).flatmap(other_script_digits),
    )
)
async def test_codes_in_other_scripts_digits_are_refused(
    api: Api, case: tuple[JsonObject, str]
) -> None:
    """INSEE and postal codes are ASCII digits; `٣٣٠٦٣` is no commune."""
    body, field = case
    assert_refused(await api.post(encode(body)), field)


@fuzz("arbitrary_json")
@given(
    value=JSON_VALUES.filter(lambda v: not (isinstance(v, dict) and "description" in v)),
    style=st.sampled_from(STYLES),
)
async def test_arbitrary_json_is_refused(api: Api, value: Json, style: str) -> None:
    response = await api.post(encode(value, style))
    assert_refused(response, "description" if isinstance(value, dict) else "body")


@fuzz("malformed_bytes")
@given(content=malformed_bytes())
async def test_malformed_bodies_never_fail_the_server(api: Api, content: bytes) -> None:
    response = await api.post(content)
    if not json_parses(content) or response.status_code != 202:
        assert_refused(response)


@st.composite
def duplicate_keys(draw: st.DrawFn) -> tuple[bytes, JsonObject]:
    """A body whose raw JSON repeats a key (its other values spliced in before the last one);
    what it means under last-wins, the rule of Python's parser."""
    base = draw(BASES)
    key = draw(st.sampled_from(sorted(FIELDS[()] - {"platform", "category_hint"})))
    if key not in base:
        base = {**base, key: draw(valid_reports(max_urls=2)).get(key, EXAMPLE_1.get(key, []))}
    earlier = draw(
        st.lists(
            st.one_of(valid_reports(max_urls=2).map(lambda r: r.get(key)), JSON_VALUES),
            min_size=1,
            max_size=3,
        )
    )
    content = encode(base)
    last = json.dumps(key, ensure_ascii=False).encode() + b":"
    at = content.index(last)
    spliced = b"".join(last + encode(value) + b"," for value in earlier)
    return content[:at] + spliced + content[at:], base


@fuzz("duplicate_key")
@given(case=duplicate_keys())
async def test_duplicate_keys_never_mix_values(api: Api, case: tuple[bytes, JsonObject]) -> None:
    """Refused, or read as the last value wins (never a mix, never a 5xx). The service accepts
    them today; RFC 8259 leaves duplicate names to the parser."""
    content, last_wins = case
    response = await api.post(content)
    if response.status_code != 202:
        assert_refused(response)
        return
    stored = await api.reports.find_one({"_id": response.json()["id"]})
    assert stored is not None
    expected = Report.from_body(ReportBody.model_validate(last_wins)).model_dump(mode="json")
    assert stored["report"] == expected


WELL_FORMED_JSON_TYPES = [
    "application/json",
    "APPLICATION/JSON",
    "Application/Json",
    "application/json; charset=utf-8",
    "application/json;charset=UTF-8",
    "  application/json  ",
    "application/json ; charset=utf-8",
]
JSON_MEDIA_TYPES = st.sampled_from(WELL_FORMED_JSON_TYPES)
OTHER_MEDIA_TYPES = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "text/plain",
            "text/json",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/xml",
            "application/jsonx",
            "application/json-patch+json",
            "application/problem+json",
            "application/merge-patch+json",
            "application",
            "json",
            "*/*",
            "application/*",
            "application/json, text/plain",
            "application\x00/json",
            "application/json\x00",
            "application/\u00e9json",
        ]
    ),
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=40),
)


def is_json_media_type(content_type: str) -> bool:
    return content_type.split(";", maxsplit=1)[0].strip().lower() == "application/json"


@fuzz("content_type")
@given(
    body=BASES,
    content_type=st.one_of(st.none(), JSON_MEDIA_TYPES, OTHER_MEDIA_TYPES),
    params=st.one_of(
        st.just(""),
        st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=20).map(
            lambda p: ";" + p
        ),
    ),
)
async def test_content_types(
    api: Api, body: JsonObject, content_type: str | None, params: str
) -> None:
    """JSON (whatever its case and parameters) is read; any other media type gets 415."""
    headers: dict[bytes, bytes] = {}
    if content_type is not None:
        headers[b"content-type"] = (content_type + params).encode("latin-1")
    response = await api.post(encode(body), headers)
    if content_type is None or not is_json_media_type(content_type + params):
        assert response.status_code == 415, show(response)
        assert_refused(response)
    elif not params and content_type in WELL_FORMED_JSON_TYPES:
        assert response.status_code == 202, show(response)
    elif response.status_code != 202:
        # Malformed parameters may be refused, with a JSON error all the same.
        assert_refused(response)


@fuzz("content_length")
@given(
    declared=st.one_of(
        st.integers(6, 6_000).map(lambda n: "9" * n),
        st.integers(IntakeSettings().max_body_bytes + 1, 2**64).map(str),
        st.sampled_from(["-1", "+10", "1_000", "0x10", "1e3", " 10", "", "abc", "١٠"]),
    )
)
async def test_content_length_over_the_limit_or_malformed(api: Api, declared: str) -> None:
    """A declared length over the limit or not a number: 413 without reading the body."""
    headers: dict[bytes, bytes] = {
        b"content-type": b"application/json",
        b"content-length": declared.encode(),
    }
    response = await api.post(encode(EXAMPLE_1), headers)
    assert response.status_code == 413, show(response)
    assert_refused(response)


# --- Property: reading a report's status -------------------------------------------------------


@pytest.fixture
async def known(api: Api) -> tuple[str, str]:
    """A stored report's id and token."""
    accepted = (await api.post(encode(EXAMPLE_1))).json()
    return accepted["id"], accepted["tracking_token"]


HEADER_BYTES = st.binary(max_size=80).map(
    lambda b: bytes(c for c in b if c == 0x09 or 0x20 <= c != 0x7F)
)
IDS = st.one_of(
    st.text(max_size=80),
    st.text(st.sampled_from(string.hexdigits.lower()), min_size=32, max_size=32),
    st.sampled_from(["", ".", "..", "%", "%00", "a/b", "{}", '{"$ne": null}', "a" * 65]),
)


@fuzz("status")
@given(
    report_id=st.one_of(st.none(), IDS),
    authorization=st.one_of(
        st.none(),
        st.just(b"token"),
        HEADER_BYTES,
        HEADER_BYTES.map(lambda b: b"Bearer " + b),
        st.sampled_from(
            [b"Bearer", b"Bearer ", b"bearer x", b"Basic dXNlcjpwYXNz", b"Bearer \xff"]
        ),
    ),
)
async def test_status_of_unknown_reports_is_404(
    api: Api, known: tuple[str, str], report_id: str | None, authorization: bytes | None
) -> None:
    """An unknown id, or the known one (None) with any header but its token: a JSON 404, never
    a 5xx. An id that is not one path segment once decoded is only held to no 5xx."""
    known_id, token = known
    if authorization == b"token":
        # The known report's token, on another id.
        authorization = f"Bearer {token}".encode()
        report_id = report_id or "0" * 32
    headers: dict[bytes, bytes] = {}
    if authorization is not None:
        headers[b"authorization"] = authorization
    path = "/reports/" + quote(known_id if report_id is None else report_id, safe="")
    response = await api.client.get(path, headers=headers)
    assert response.status_code < 500, show(response)
    if report_id is not None and ("/" in report_id or report_id in {"", ".", ".."}):
        return  # not one path segment: no route, or a redirect
    assert response.status_code == 404, show(response)
    assert response.headers["content-type"].startswith("application/json"), show(response)
    assert isinstance(response.json()["error"], str), show(response)
