"""The signature on a machine-to-machine body: `sha256=<hex HMAC-SHA256 of the raw body>`.

Computed over the exact bytes received, before any JSON parsing, and compared in constant
time, as bytes: a header a client filled with non-ASCII characters is simply wrong (401),
never an error. One rule for every signed endpoint (dossier events from case systems,
page-view batches from the citizen site's server); senders and tests sign the same way.
"""

from __future__ import annotations

import hashlib
import hmac

SCHEME = "sha256="


def body_signature(body: bytes, secret: str) -> str:
    """The header value a sender puts on `body`."""
    return SCHEME + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def signature_is_valid(*, body: bytes, header: str | None, secret: str) -> bool:
    """True only for a well-formed header that matches; an empty secret accepts nothing."""
    if not secret or not header or not header.startswith(SCHEME):
        return False
    given = header.strip().lower().encode("utf-8", "surrogateescape")
    return hmac.compare_digest(given, body_signature(body, secret).encode())
