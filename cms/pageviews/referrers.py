"""A referrer reduced to its domain: `https://www.google.com/search?q=afval` -> `google.com`.

Only the host name is ever kept: no path, no query (which can carry what someone searched
for, or a token), no port, no user name. An IP address is not a domain and is dropped, as
is anything that is not a web address or a plausible host name. A leading `www.` is left out, so
`www.google.com` and `google.com` count together.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

MAX_LENGTH = 253
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def referrer_domain(value: str) -> str | None:
    """The domain of a referrer URL or bare host name, or None when there is none worth keeping."""
    text = (value or "").strip().lower()
    if not text:
        return None
    parts = urlsplit(text if "//" in text else f"//{text}")
    if parts.scheme not in ("", "http", "https"):
        return None  # an app (android-app://), a file, a script: no web site to name
    host = parts.hostname or ""
    host = host.rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    try:
        ipaddress.ip_address(host.strip("[]"))
        return None
    except ValueError:
        pass
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    labels = host.split(".")
    if len(host) > MAX_LENGTH or len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return None
    if labels[-1].isdigit():
        return None
    return host
