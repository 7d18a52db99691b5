"""Who is asking: the client's address, and whether the request comes from a trusted front end.

Rate limits (the content API's, the subscribe form's) and the login lockout (django-axes,
`AXES_CLIENT_IP_CALLABLE`) all key on the client's address, so it is decided here, once:

- `REMOTE_ADDR` by default: nothing a client sends can change it;
- behind reverse proxies, `TRUSTED_PROXY_COUNT = n` (the proxies that each append the
  address they saw to `X-Forwarded-For`): the n-th address from the right, the one the
  outermost of our proxies saw. Entries further left are the client's own claims and are
  never read, so a forged header cannot make one client look like many.

A trusted front end (a request with one of `CONTENT_API_CLIENT_KEYS` in
`X-Vrijhaven-Client-Key`) sends its readers' requests from its own address; it may name
the citizen it acts for in `X-Vrijhaven-Forwarded-For`, which is read only when the key is
valid. `acting_for` returns that address, or None.
"""

from __future__ import annotations

import hmac
import ipaddress

from django.conf import settings

CLIENT_KEY_HEADER = "HTTP_X_VRIJHAVEN_CLIENT_KEY"  # X-Vrijhaven-Client-Key
FORWARDED_FOR_HEADER = "HTTP_X_VRIJHAVEN_FORWARDED_FOR"  # X-Vrijhaven-Forwarded-For


def _address(value: str) -> str | None:
    """`value` as a normalised IP address, or None when it is not one."""
    try:
        return str(ipaddress.ip_address(value.strip().strip("[]")))
    except ValueError:
        return None


def client_address(request) -> str:
    """The client's IP address, as far as our own proxies vouch for it."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        if hops:
            vouched = _address(hops[-proxies] if len(hops) >= proxies else hops[0])
            if vouched:
                return vouched
    return _address(remote) or remote


def has_client_key(request) -> bool:
    """True when the request carries one of the configured keys (compared in constant time)."""
    given = request.META.get(CLIENT_KEY_HEADER, "").strip().encode("utf-8", "surrogateescape")
    if not given:
        return False
    keys = getattr(settings, "CONTENT_API_CLIENT_KEYS", [])
    return any(hmac.compare_digest(given, key.encode()) for key in keys if key)


def acting_for(request) -> str | None:
    """The citizen's address a trusted front end names for this request; None for anyone else."""
    named = request.META.get(FORWARDED_FOR_HEADER, "")
    if not named or not has_client_key(request):
        return None
    return _address(named)


def limited_client(request) -> str | None:
    """Whom a per-client limit on a citizen form counts this request for (subscribing, reacting).

    The citizen a trusted front end names; None for a trusted front end naming no one (its
    own address is not one client); otherwise the client's own address.
    """
    named = acting_for(request)
    if named:
        return named
    return None if has_client_key(request) else client_address(request)
