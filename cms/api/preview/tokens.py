"""Preview tokens: which revision of which page an editor let the front end read.

A token is `django.core.signing` output (HMAC with SECRET_KEY, a salt of its own so no
other signed value can pass as one, and a timestamp): it carries the page id and the
revision id and is refused after PREVIEW_MAX_AGE. Nothing is stored, so there is nothing to
clean up; the price is that a token cannot be revoked before it expires, which is why the
lifetime is short. Every way a token can be wrong (missing, tampered, expired, for a
revision that is gone or belongs to another page) ends in the same 404, so a probe learns
nothing about which drafts exist.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

SALT = "vrijhaven.api.preview"
PREVIEW_MAX_AGE = 60 * 60  # seconds: long enough to review a page, short enough not to leak


@dataclass(frozen=True)
class PreviewGrant:
    page_id: int
    revision_id: int


def max_age() -> int:
    return getattr(settings, "API_PREVIEW_MAX_AGE", PREVIEW_MAX_AGE)


def make_token(*, page_id: int, revision_id: int) -> str:
    return signing.dumps({"p": int(page_id), "r": int(revision_id)}, salt=SALT, compress=False)


def read_token(token: str | None) -> PreviewGrant | None:
    """The grant in a valid, fresh token, else None."""
    if not token:
        return None
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age())
        return PreviewGrant(page_id=int(data["p"]), revision_id=int(data["r"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):  # SignatureExpired is a BadSignature
        return None
