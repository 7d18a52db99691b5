"""Listing cost does not grow with the number of items; a 304 skips building the answer; a
cached answer (or its 304) costs one query whatever the page."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.api import generation
from cms.themes.models import ThemePage
from tests.cms.conftest import add_page


def queries(client, url, *, built=False, **headers):
    """Queries of one request, after a warm-up; `built`: with the answer cache retired first,
    as after a publish, so the answer is made from the database."""
    client.get(url, **headers)  # warm: the site lookup is cached after the first request
    if built:
        generation.bump()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    assert response.status_code in (200, 304)
    return len(captured)


def test_children_listing_costs_the_same_for_more_children(client, tree):
    url = "/api/content/nl/themas?expand=children,navigation,breadcrumbs,translations"
    few = queries(client, url, built=True)
    for number in range(6):
        add_page(tree.theme_index, ThemePage, title=f"Thema {number}")
    assert queries(client, url, built=True) == few


def test_v2_listing_costs_the_same_for_more_items(client, tree):
    url = "/api/v2/pages/?type=themes.ThemePage&fields=intro,themes"
    few = queries(client, url)
    for number in range(6):
        add_page(tree.theme_index, ThemePage, title=f"Thema {number}")
    assert queries(client, url) == few


def test_304_costs_fewer_queries_than_the_answer(client, tree):
    url = "/api/content/nl/themas/grofvuil"
    full = queries(client, url, built=True)
    etag = client.get(url)["ETag"]
    assert queries(client, url, built=True, HTTP_IF_NONE_MATCH=etag) < full


def test_a_cached_answer_and_its_304_cost_one_query(client, tree):
    """The one query reads the content generation; nothing about the page is asked again."""
    for url in ["/api/content/nl/themas/grofvuil", "/api/content/nl/themas?expand=children,navigation",
                "/api/content/nl/themas/@children"]:
        built = queries(client, url, built=True)
        assert queries(client, url) == 1 < built, url
        etag = client.get(url)["ETag"]
        assert queries(client, url, HTTP_IF_NONE_MATCH=etag) == 1, url
