"""The same content under different URLs: normalise a URL so that reports of one post, video or
profile join one case (ROUTING_POLICY.md §5).

Normalised: the scheme (http and https are the same content), the host's case, `www.`, `m.` and
`mobile.` hosts, default ports, tracking parameters (`utm_*`, click ids, share ids), the order of
the remaining parameters, trailing slashes and fragments. The path's case is kept: on most
platforms it is part of the identifier.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit

TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid", "gclid", "dclid", "msclkid", "igshid", "igsh", "mc_cid", "mc_eid",
        "ref", "ref_src", "ref_url", "s", "si", "feature", "share_id", "_r", "_t",
        "is_from_webapp", "sender_device", "tt_from", "xmt", "mibextid",
    }
)  # fmt: skip
MOBILE_PREFIXES = ("www.", "m.", "mobile.")
DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_url(url: str) -> str:
    """`host/path?query`, the same for every spelling of one piece of content."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").rstrip(".")
    for prefix in MOBILE_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix) :]
            break
    port = parts.port
    if port is not None and port != DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{port}"
    path = parts.path.rstrip("/")
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in TRACKING_PARAMETERS and not key.lower().startswith(TRACKING_PREFIXES)
    )
    return f"{host}{path}" + (f"?{urlencode(query)}" if query else "")
