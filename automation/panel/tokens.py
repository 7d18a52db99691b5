"""The panel's links: confirm joining (signed, 7 days), leave (signed, for good) and answer a pretest (random, once).

Confirm and leave links are signed like the subscription links (automation/contacts/
tokens.py), under a salt of their own so neither can be replayed as the other or as a
subscription link. A leave link does not expire: it is in every invitation, and an old
mail must still let a member go.

An invitation's token is random (`secrets`), not signed: it is a key to one form, and
only its SHA-256 is stored, so a database dump does not open anyone's form.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.core import signing

from automation.panel.models import PanelMember

SALT = "automation.panel.tokens"
CONFIRM = "confirm"
LEAVE = "leave"
CONFIRMATION_MAX_AGE = timedelta(days=7)


def member_token(*, member: PanelMember, purpose: str) -> str:
    return signing.dumps({"m": member.pk, "p": purpose}, salt=SALT, compress=True)


def member_from_token(token: str, *, purpose: str) -> PanelMember | None:
    """The member the link names, or None when forged, mangled, expired (confirm links) or gone."""
    max_age = CONFIRMATION_MAX_AGE if purpose == CONFIRM else None
    try:
        claims = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.BadSignature:
        return None
    if not isinstance(claims, dict) or claims.get("p") != purpose:
        return None
    return PanelMember.objects.select_related("citizen").filter(pk=claims.get("m")).first()


def invitation_token_new() -> tuple[str, str]:
    """A fresh token and the hash to store."""
    token = secrets.token_urlsafe(24)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
