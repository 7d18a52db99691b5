"""The signature on a dossier event: `X-Signature: sha256=<hex HMAC-SHA256 of the raw body>`.

The rule itself is the HTTP kernel's (cms/http/signed_body.py), shared with every signed
endpoint; this name stays so case-system adapters and tests sign events as before.
"""

from __future__ import annotations

from cms.http.signed_body import SCHEME, body_signature, signature_is_valid

__all__ = ["SCHEME", "body_signature", "signature_is_valid"]
