"""Who the client is: REMOTE_ADDR, or what our own proxies vouch for; a trusted front end may name its citizen."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from cms.http.clients import acting_for, client_address, has_client_key

factory = RequestFactory()


@pytest.mark.parametrize(
    ("proxies", "meta", "expected"),
    [
        (0, {"REMOTE_ADDR": "203.0.113.7", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}, "203.0.113.7"),  # forwarded header ignored
        (1, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.7"}, "203.0.113.7"),
        (2, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.7, 10.0.0.2"}, "203.0.113.7"),
        (2, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}, "203.0.113.7"),  # fewer hops
        (1, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "not-an-address"}, "10.0.0.1"),
        (1, {"REMOTE_ADDR": "10.0.0.1"}, "10.0.0.1"),
        (1, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "[2001:db8::1]"}, "2001:db8::1"),
    ],
)
def test_the_client_address(settings, proxies, meta, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_address(factory.get("/", **meta)) == expected


def test_a_front_end_names_its_citizen_only_with_a_valid_key(settings):
    settings.CONTENT_API_CLIENT_KEYS = ["sleutel"]
    named = {"HTTP_X_VRIJHAVEN_FORWARDED_FOR": "203.0.113.7"}
    assert acting_for(factory.get("/", HTTP_X_VRIJHAVEN_CLIENT_KEY="sleutel", **named)) == "203.0.113.7"
    assert acting_for(factory.get("/", HTTP_X_VRIJHAVEN_CLIENT_KEY="geraden", **named)) is None
    assert acting_for(factory.get("/", **named)) is None
    assert acting_for(factory.get("/", HTTP_X_VRIJHAVEN_CLIENT_KEY="sleutel", HTTP_X_VRIJHAVEN_FORWARDED_FOR="x")) is None
    assert has_client_key(factory.get("/", HTTP_X_VRIJHAVEN_CLIENT_KEY="sléutel\udcff")) is False
