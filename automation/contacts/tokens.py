"""Signed links that act for a citizen without an account: preferences and one-click unsubscribe.

The token names the citizen and what it may do ("preferences", "unsubscribe:email"),
signed with SECRET_KEY under a salt of its own, so a token for one purpose cannot be
replayed for another. Tokens do not expire: an unsubscribe link in a two-year-old e-mail
must still work (RFC 8058 asks for it), and they grant nothing but these two pages.

The double opt-in link is the exception: it names a `ConfirmationRequest`, not a citizen,
and expires after `CONFIRMATION_MAX_AGE` (7 days), so an old mail found in a mailbox
cannot turn subscriptions on long after they were asked for.
"""

from __future__ import annotations

from datetime import timedelta

from django.core import signing

from automation.contacts.models import Citizen, ConfirmationRequest

SALT = "automation.contacts.tokens"
PREFERENCES = "preferences"
CONFIRM = "confirm"
CONFIRMATION_MAX_AGE = timedelta(days=7)


def unsubscribe_purpose(channel: str) -> str:
    return f"unsubscribe:{channel}"


def citizen_token(*, citizen: Citizen, purpose: str) -> str:
    return signing.dumps({"c": citizen.pk, "p": purpose}, salt=SALT, compress=True)


def citizen_from_token(token: str, *, purpose: str) -> Citizen | None:
    """The citizen the token was made for, or None when it is forged, mangled or for another purpose."""
    try:
        claims = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(claims, dict) or claims.get("p") != purpose:
        return None
    return Citizen.objects.filter(pk=claims.get("c")).first()


STOP = "stop"


def stop_token(*, subscription) -> str:
    """The one-click stop link of one subscription (following a project): it ends that one, nothing else."""
    return signing.dumps({"s": subscription.pk, "p": STOP}, salt=SALT, compress=True)


def subscription_from_stop_token(token: str):
    from automation.contacts.models import Subscription

    try:
        claims = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(claims, dict) or claims.get("p") != STOP:
        return None
    return Subscription.objects.select_related("citizen").filter(pk=claims.get("s")).first()


def confirmation_token(*, request: ConfirmationRequest) -> str:
    return signing.dumps({"r": request.pk, "p": CONFIRM}, salt=SALT, compress=True)


def confirmation_request_from_token(token: str) -> ConfirmationRequest | None:
    """The request the link confirms, or None when forged, mangled, expired or its citizen is gone."""
    try:
        claims = signing.loads(token, salt=SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is a BadSignature
        return None
    if not isinstance(claims, dict) or claims.get("p") != CONFIRM:
        return None
    return ConfirmationRequest.objects.select_related("citizen").filter(pk=claims.get("r")).first()
