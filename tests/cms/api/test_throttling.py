"""Anonymous clients are rate limited: past the limit, 429 problem+json with Retry-After."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from cms.http.rate_windows import parse_rate


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


@override_settings(CONTENT_API_ANON_RATE="2/minute")
def test_third_request_in_a_minute_is_refused_with_retry_after(client, tree):
    for url in ["/api/content/nl/themas", "/api/v2/pages/"]:
        cache.clear()
        assert client.get(url).status_code == 200
        assert client.get(url).status_code == 200
        refused = client.get(url)
        assert refused.status_code == 429
        assert refused["Content-Type"] == "application/problem+json"
        assert 1 <= int(refused["Retry-After"]) <= 61
        assert refused.json()["status"] == 429


@override_settings(CONTENT_API_ANON_RATE="1/minute")
def test_feeds_sitemap_and_screens_are_limited_too(client, tree):
    for url in ["/api/feeds/press/rss/", "/api/feeds/events.ics", "/sitemap.xml", "/api/signage/ledeberg/"]:
        cache.clear()
        assert client.get(url).status_code == 200, url
        refused = client.get(url)
        assert refused.status_code == 429, url
        assert refused["Content-Type"] == "application/problem+json" and refused["Retry-After"]


@override_settings(CONTENT_API_ANON_RATE="1/minute")
def test_clients_are_counted_apart(client, tree):
    assert client.get("/api/content/nl", REMOTE_ADDR="10.0.0.1").status_code == 200
    assert client.get("/api/content/nl", REMOTE_ADDR="10.0.0.2").status_code == 200
    assert client.get("/api/content/nl", REMOTE_ADDR="10.0.0.1").status_code == 429


@override_settings(CONTENT_API_ANON_RATE=None)
def test_limit_can_be_switched_off(client, tree):
    assert all(client.get("/api/content/nl").status_code == 200 for _ in range(5))


def test_rate_syntax():
    assert (parse_rate("1200/minute").count, parse_rate("1200/minute").period) == (1200, 60)
    assert (parse_rate("5/seconds").count, parse_rate("5/seconds").period) == (5, 1)


@override_settings(CONTENT_API_ANON_RATE="1/minute", CONTENT_API_CLIENT_KEYS=["front-end-key", "other-site-key"])
def test_a_front_end_with_a_client_key_is_not_limited(client, tree):
    """The server-rendered front end sends every reader's request from one address."""
    for url in ["/api/content/nl/themas", "/api/v2/pages/"]:
        cache.clear()
        for key in ["front-end-key", "other-site-key", "front-end-key"]:
            assert client.get(url, HTTP_X_VRIJHAVEN_CLIENT_KEY=key).status_code == 200, url
        # Same address without the key, or with a wrong one: an anonymous client, limited.
        assert client.get(url).status_code == 200
        assert client.get(url).status_code == 429
        assert client.get(url, HTTP_X_VRIJHAVEN_CLIENT_KEY="guessed").status_code == 429
        assert client.get(url, HTTP_X_VRIJHAVEN_CLIENT_KEY="").status_code == 429


@override_settings(CONTENT_API_ANON_RATE="1/minute", CONTENT_API_CLIENT_KEYS=[])
def test_no_configured_keys_means_no_exemption(client, tree):
    assert client.get("/api/content/nl", HTTP_X_VRIJHAVEN_CLIENT_KEY="anything").status_code == 200
    assert client.get("/api/content/nl", HTTP_X_VRIJHAVEN_CLIENT_KEY="anything").status_code == 429
