"""The signed token in a measured link: which page view it was shown in.

Signed with Django's signing (SECRET_KEY and a salt of its own), so nobody can make the API
count a click for a view that never happened, or for another version. The token names only
the view (a random id); the address redirected to is the experiment's measured link, looked
up on the server, so the link can never send a reader to an address of their choosing.
Single use is not the token's job: the view row is marked clicked once (services.py).
"""

from __future__ import annotations

import uuid

from django.core import signing

SALT = "cms.experiments.pages.click"


class BadViewToken(ValueError):
    """Not signed by us, altered, cut off, or not naming a page view."""


def view_token(view_id: uuid.UUID) -> str:
    return signing.dumps(view_id.hex, salt=SALT, compress=False)


def view_from_token(token: str) -> uuid.UUID:
    try:
        value = signing.loads(token, salt=SALT)
        return uuid.UUID(hex=value)
    except (signing.BadSignature, ValueError, TypeError, AttributeError) as error:
        raise BadViewToken(str(error)) from None
