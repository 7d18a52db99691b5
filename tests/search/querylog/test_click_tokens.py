"""Click tokens are signed: the same click gives the same token, anything altered is refused."""

import pytest
from django.core import signing

from search.querylog.click_tokens import SALT, BadClickToken, Click, click_from_token, click_token

CLICK = Click(query="grof huisvuil", language="nl", page_id=42, position=3)


def test_a_token_round_trips_and_is_deterministic():
    token = click_token(CLICK)
    assert click_from_token(token) == CLICK
    assert click_token(CLICK) == token  # so a search answer's ETag stays the same


# Named ids: a signed token holds its signing time, and every test process (pytest-xdist's
# workers) must collect the same test names.
@pytest.mark.parametrize("token", [
    "",
    "not-a-token",
    signing.dumps(["grof huisvuil", "nl", 42, 3], salt="another.salt", compress=True),
    signing.dumps(["grof huisvuil", "nl", 42, 3], salt=SALT, key="another-secret-key", compress=True),
    signing.dumps({"page": 42}, salt=SALT),
    signing.dumps(["", "nl", 42, 3], salt=SALT),
    signing.dumps(["x", "nl", "42", 3], salt=SALT),
    signing.dumps(["x", "nl", 42, 0], salt=SALT),
], ids=["empty", "not-a-token", "other-salt", "other-key", "not-a-list", "no-query", "page-not-an-int", "position-0"])
def test_foreign_or_malformed_tokens_are_refused(token):
    with pytest.raises(BadClickToken):
        click_from_token(token)


def test_an_altered_token_is_refused():
    token = click_token(CLICK)
    payload, signature = token.rsplit(":", 1)
    tampered = payload[:-2] + ("AA" if payload[-2:] != "AA" else "BB") + ":" + signature
    with pytest.raises(BadClickToken):
        click_from_token(tampered)
