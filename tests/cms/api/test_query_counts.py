"""Listing cost does not grow with the number of items; a 304 skips building the answer."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.themes.models import ThemePage
from tests.cms.conftest import add_page


def queries(client, url, **headers):
    client.get(url, **headers)  # warm: the site lookup is cached after the first request
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    assert response.status_code in (200, 304)
    return len(captured)


def test_children_listing_costs_the_same_for_more_children(client, tree):
    url = "/api/content/nl/themas?expand=children,navigation,breadcrumbs,translations"
    few = queries(client, url)
    for number in range(6):
        add_page(tree.theme_index, ThemePage, title=f"Thema {number}")
    assert queries(client, url) == few


def test_v2_listing_costs_the_same_for_more_items(client, tree):
    url = "/api/v2/pages/?type=themes.ThemePage&fields=intro,themes"
    few = queries(client, url)
    for number in range(6):
        add_page(tree.theme_index, ThemePage, title=f"Thema {number}")
    assert queries(client, url) == few


def test_304_costs_fewer_queries_than_the_answer(client, tree):
    url = "/api/content/nl/themas/grofvuil"
    full = queries(client, url)
    etag = client.get(url)["ETag"]
    assert queries(client, url, HTTP_IF_NONE_MATCH=etag) < full
