"""Twilio's webhook signature: base64 HMAC-SHA1 of the full URL followed by the sorted POST fields."""

from __future__ import annotations

import base64
import hashlib
import hmac


def twilio_signature(*, url: str, params: dict[str, str], token: str) -> str:
    payload = url + "".join(f"{key}{params[key]}" for key in sorted(params))
    return base64.b64encode(hmac.new(token.encode(), payload.encode(), hashlib.sha1).digest()).decode()


def twilio_signature_is_valid(*, url: str, params: dict[str, str], token: str, header: str | None) -> bool:
    if not token or not header:
        return False
    return hmac.compare_digest(twilio_signature(url=url, params=params, token=token), header)
