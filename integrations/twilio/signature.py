"""Twilio's webhook signature: base64 HMAC-SHA1 of the full URL followed by the sorted POST fields.

Compared in constant time as bytes, so a header with non-ASCII characters is a wrong
signature like any other, never an error.
"""

from __future__ import annotations

import base64
import hashlib
import hmac


def twilio_signature(*, url: str, params: dict[str, str], token: str) -> str:
    payload = url + "".join(f"{key}{params[key]}" for key in sorted(params))
    return base64.b64encode(hmac.new(token.encode(), payload.encode("utf-8", "surrogateescape"), hashlib.sha1).digest()).decode()


def twilio_signature_is_valid(*, url: str, params: dict[str, str], token: str, header: str | None) -> bool:
    if not token or not header:
        return False
    expected = twilio_signature(url=url, params=params, token=token).encode()
    return hmac.compare_digest(expected, header.encode("utf-8", "surrogateescape"))
