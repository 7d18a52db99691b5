"""HTTP caching: validators on every answer, 304s, and ETags that change when publishing,
unpublishing or moving a page changes what an answer contains."""

import datetime

import pytest
from django.utils.http import http_date

from cms.api.caching import CACHE_CONTROL
from cms.themes.models import ThemePage
from tests.cms.conftest import add_page

URLS = [
    "/api/content/nl/themas/grofvuil",
    "/api/content/nl/themas?expand=breadcrumbs,navigation,translations,children",
    "/api/content/nl/themas/grofvuil/@breadcrumbs",
    "/api/content/nl/themas/@children",
    "/api/content/nl/@navigation",
    "/api/content/nl/themas/grofvuil/@translations",
    "/api/content/@types/themes.ThemePage",
    "/api/v2/pages/",
    "/api/v2/pages/?theme=afval",
    "DETAIL",
]


def resolve(url, tree):
    return f"/api/v2/pages/{tree.theme_page.pk}/" if url == "DETAIL" else url


def test_every_answer_has_validators_and_cache_control(client, tree):
    for url in URLS:
        response = client.get(resolve(url, tree))
        assert response.status_code == 200, url
        assert response["ETag"].startswith('W/"'), url
        assert response["Cache-Control"] == CACHE_CONTROL
        if "@types" not in url:
            assert response["Last-Modified"], url


def test_if_none_match_gives_304_without_a_body(client, tree):
    for url in URLS:
        url = resolve(url, tree)
        etag = client.get(url)["ETag"]
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 304, url
        assert response.content == b""
        assert response["ETag"] == etag
        assert client.get(url, HTTP_IF_NONE_MATCH='W/"something-else"').status_code == 200


def test_if_modified_since_gives_304(client, tree):
    for url in ["/api/content/nl/themas/grofvuil", "DETAIL"]:
        url = resolve(url, tree)
        last_modified = client.get(url)["Last-Modified"]
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304, url
        earlier = http_date((tree.theme_page.last_published_at - datetime.timedelta(days=1)).timestamp())
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200, url


def test_representation_parameters_are_part_of_the_etag(client, tree):
    plain = client.get("/api/content/nl/themas")["ETag"]
    assert client.get("/api/content/nl/themas?expand=breadcrumbs")["ETag"] != plain
    assert client.get("/api/content/nl/themas?b_size=1")["ETag"] != plain


def etags(client):
    return (
        client.get("/api/content/nl/themas/grofvuil")["ETag"],
        client.get("/api/content/nl/themas")["ETag"],
        client.get("/api/content/nl/themas/@children")["ETag"],
    )


def test_publishing_changes_detail_and_parent_listing(client, tree):
    detail, parent, children = etags(client)
    tree.theme_page.title = "Grofvuil ophalen"
    tree.theme_page.save_revision().publish()
    new = etags(client)
    assert new[0] != detail and new[1] != parent and new[2] != children


def test_saving_a_draft_changes_nothing(client, tree):
    before = etags(client)
    tree.theme_page.title = "Nog niet klaar"
    tree.theme_page.save_revision()
    assert etags(client) == before


def test_unpublishing_a_child_changes_the_parent_listing(client, tree):
    _, parent, children = etags(client)
    tree.theme_page.unpublish()
    assert client.get("/api/content/nl/themas/grofvuil").status_code == 404
    assert client.get("/api/content/nl/themas")["ETag"] != parent
    assert client.get("/api/content/nl/themas/@children")["ETag"] != children


def test_publishing_a_new_child_changes_the_parent_listing(client, tree):
    _, parent, _ = etags(client)
    add_page(tree.theme_index, ThemePage, title="Nieuw thema")
    assert client.get("/api/content/nl/themas")["ETag"] != parent


def test_moving_a_page_changes_both_parents_and_its_detail(client, tree):
    other = add_page(tree.theme_index, ThemePage, title="Wonen")
    old_parent = client.get("/api/content/nl/themas")["ETag"]
    new_parent = client.get("/api/content/nl/themas/wonen")["ETag"]
    tree.theme_page.move(other, pos="last-child")
    assert client.get("/api/content/nl/themas/grofvuil").status_code == 404
    assert client.get("/api/content/nl/themas/wonen/grofvuil").status_code == 200
    assert client.get("/api/content/nl/themas")["ETag"] != old_parent
    assert client.get("/api/content/nl/themas/wonen")["ETag"] != new_parent
