"""Finding a page by its public path (cms/api/lookup.py): the same page and trail whatever
the depth, in a fixed number of queries, and the trail whole even when stored url_paths are
out of step with the tree."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms.api import generation


def built_queries(client, url: str) -> int:
    client.get(url)
    generation.bump()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(captured)


def test_a_deeper_page_costs_no_more_queries_to_find(client, tree):
    shallow = "/api/content/nl/themas/grofvuil/@breadcrumbs"
    deep = "/api/content/nl/wijken/ledeberg/wijkkrant-ledeberg/editie-1/nieuw-speelplein/@breadcrumbs"
    assert client.get(deep).json()["items"][-1]["title"] == "Nieuw speelplein"
    assert built_queries(client, deep) == built_queries(client, shallow)


def test_the_trail_is_whole_when_a_sections_url_path_is_out_of_step(client, tree):
    """A url_path changed without Wagtail (a raw update) no longer names the section: the
    page is still found by its own, and its trail is read by tree path instead."""
    Page.objects.filter(pk=tree.theme_index.pk).update(url_path="/stad-gent/elders/")
    generation.bump()
    answer = client.get("/api/content/nl/themas/grofvuil").json()
    assert answer["parent"]["title"] == "Thema's"
    trail = client.get("/api/content/nl/themas/grofvuil/@breadcrumbs").json()["items"]
    assert [item["title"] for item in trail] == ["Thema's", "Grofvuil"]


def test_a_language_without_a_home_on_this_site_is_not_found(client, tree):
    response = client.get("/api/content/en/themas/grofvuil")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")
