"""The request's site: asked of the database once, then from the cache, and a change to the
sites is seen by the very next request (cms/api/request_site.py)."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from cms.api import generation
from cms.api.request_site import CACHE_KEY, MAX_HOSTS


def title_at(client, url: str, host: str) -> str:
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200, response.content[:300]
    return response.json()["title"]


def test_after_the_first_request_the_site_is_not_asked_again(client, tree):
    url = "/api/content/nl/themas/grofvuil"
    assert title_at(client, url, "localhost") == "Grofvuil"
    generation.bump()  # a publish: the answer is built again, the site is not looked up again
    with CaptureQueriesContext(connection) as captured:
        assert title_at(client, url, "localhost") == "Grofvuil"
    assert not [query for query in captured.captured_queries if "wagtailcore_site" in query["sql"]]


def test_a_new_site_for_a_host_answers_that_host_at_once(client, tree):
    """`wijken.example` is served by the default site until it gets a site of its own."""
    assert title_at(client, "/api/content/nl", "wijken.example") == "Stad Gent"
    site = Site.objects.create(hostname="wijken.example", port=80, root_page=tree.wijk_index)
    assert title_at(client, "/api/content/nl", "wijken.example") == "Wijken"
    assert title_at(client, "/api/content/nl", "localhost") == "Stad Gent"
    site.delete()
    assert title_at(client, "/api/content/nl", "wijken.example") == "Stad Gent"


def test_a_site_moved_to_another_root_is_seen_at_once(client, tree):
    site = Site.objects.create(hostname="wijken.example", port=80, root_page=tree.wijk_index)
    assert title_at(client, "/api/content/nl", "wijken.example") == "Wijken"
    site.root_page = tree.press_room
    site.save()
    assert title_at(client, "/api/content/nl", "wijken.example") == "Persruimte"


def test_made_up_hosts_do_not_grow_the_cache(client, tree):
    for number in range(MAX_HOSTS + 10):
        assert title_at(client, "/api/content/nl", f"host-{number}.example") == "Stad Gent"
    assert len(cache.get(CACHE_KEY)) == MAX_HOSTS
