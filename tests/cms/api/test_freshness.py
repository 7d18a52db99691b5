"""Deleting, moving, restricting or expiring a page, or renaming what it shows, makes every
answer that included it fresh at once: its detail, its parent's children, listings, feeds
and the sitemap, even when those answers sit in the answer cache."""

import datetime

import feedparser
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.api import answer_cache
from cms.core.models import Theme
from cms.themes.models import ThemePage
from tests.cms.conftest import add_page

DETAIL = "/api/content/nl/themas/grofvuil"
PARENT = ["/api/content/nl/themas", "/api/content/nl/themas/@children", "/api/content/nl/themas?expand=children,navigation"]


def etag(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response["ETag"]


def feed_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return [entry.title for entry in feedparser.parse(response.content).entries], response["ETag"]


def v2_titles(client, query):
    data = client.get(f"/api/v2/pages/?{query}").json()
    assert data["meta"]["total_count"] == len(data["items"])
    return [item["title"] for item in data["items"]]


def test_deleting_a_page_refreshes_its_detail_parent_listings_and_feeds(client, tree):
    before = {url: etag(client, url) for url in [DETAIL, *PARENT]}
    theme_feed, theme_etag = feed_titles(client, "/api/feeds/theme/afval/rss/")
    press_feed, press_etag = feed_titles(client, "/api/feeds/press/atom/")
    assert "Grofvuil" in theme_feed and "Nieuwe fietsstraten" in press_feed
    assert "Grofvuil" in v2_titles(client, f"child_of={tree.theme_index.pk}")
    sitemap = client.get("/sitemap.xml")
    assert b"/nl/themas/grofvuil/" in sitemap.content

    tree.theme_page.delete()
    tree.release.delete()

    assert client.get(DETAIL).status_code == 404
    assert client.get(DETAIL, HTTP_IF_NONE_MATCH=before[DETAIL]).status_code == 404
    for url in PARENT:
        assert etag(client, url) != before[url], url
    assert client.get("/api/content/nl/themas/@children").json()["items_total"] == 0
    assert feed_titles(client, "/api/feeds/theme/afval/rss/")[0] == []
    titles, new_press_etag = feed_titles(client, "/api/feeds/press/atom/")
    assert titles == [] and new_press_etag != press_etag
    assert client.get("/api/feeds/theme/afval/rss/", HTTP_IF_NONE_MATCH=theme_etag).status_code == 200
    assert v2_titles(client, f"child_of={tree.theme_index.pk}") == []
    assert v2_titles(client, "theme=afval") == []
    refreshed = client.get("/sitemap.xml", HTTP_IF_NONE_MATCH=sitemap["ETag"])
    assert refreshed.status_code == 200 and b"/nl/themas/grofvuil/" not in refreshed.content


def test_moving_a_page_refreshes_its_old_and_new_places_and_feeds(client, tree):
    wonen = add_page(tree.theme_index, ThemePage, title="Wonen")
    old_children = etag(client, "/api/content/nl/themas/@children")
    new_children = etag(client, "/api/content/nl/themas/wonen/@children")
    _, theme_etag = feed_titles(client, "/api/feeds/theme/afval/rss/")
    sitemap_etag = client.get("/sitemap.xml")["ETag"]

    tree.theme_page.move(wonen, pos="last-child")

    assert client.get(DETAIL).status_code == 404
    assert client.get(DETAIL + "/@breadcrumbs").status_code == 404
    moved = client.get("/api/content/nl/themas/wonen/grofvuil/@breadcrumbs").json()
    assert [item["title"] for item in moved["items"]] == ["Thema's", "Wonen", "Grofvuil"]
    assert etag(client, "/api/content/nl/themas/@children") != old_children
    assert [item["title"] for item in client.get("/api/content/nl/themas/wonen/@children").json()["items"]] == ["Grofvuil"]
    assert etag(client, "/api/content/nl/themas/wonen/@children") != new_children
    feed = client.get("/api/feeds/theme/afval/rss/", HTTP_IF_NONE_MATCH=theme_etag)
    assert feed.status_code == 200
    links = [entry.link for entry in feedparser.parse(feed.content).entries]
    assert len(links) == 1 and links[0].endswith("/nl/themas/wonen/grofvuil/")
    assert v2_titles(client, f"child_of={tree.theme_index.pk}") == ["Wonen"]
    assert v2_titles(client, f"child_of={wonen.pk}") == ["Grofvuil"]
    sitemap = client.get("/sitemap.xml", HTTP_IF_NONE_MATCH=sitemap_etag)
    assert sitemap.status_code == 200
    assert b"/nl/themas/wonen/grofvuil/" in sitemap.content and b"/nl/themas/grofvuil/" not in sitemap.content


def test_a_restriction_on_a_cached_page_hides_it_at_once(client, tree):
    """No publish happens: the restriction row alone retires the cached answers."""
    for url in [DETAIL, *PARENT]:
        client.get(url)  # cached now
    PageViewRestriction.objects.create(page=tree.theme_page, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(DETAIL).status_code == 404
    assert client.get("/api/content/nl/themas/@children").json()["items_total"] == 0
    assert "Grofvuil" not in v2_titles(client, "type=themes.ThemePage")


def test_an_expiry_set_on_a_cached_page_hides_it_at_once(client, tree):
    client.get(DETAIL)
    tree.theme_page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    tree.theme_page.save(update_fields=["expire_at"])
    assert client.get(DETAIL).status_code == 404
    assert client.get("/api/content/nl/themas").json()["items_total"] == 0


def test_cached_answers_never_outlive_the_next_expiry(client, tree):
    """An expiry passing sends no signal: the entry's lifetime ends by then."""
    assert answer_cache.lifetime() == answer_cache.MAX_SECONDS
    ThemePage.objects.filter(pk=tree.theme_page.pk).update(expire_at=timezone.now() + datetime.timedelta(seconds=40))
    assert 30 <= answer_cache.lifetime() <= 40


def test_renaming_a_theme_refreshes_the_pages_that_show_it(client, tree):
    assert client.get(DETAIL).json()["themes"][0]["title"] == "Afval"
    theme = Theme.objects.get(slug="afval", locale__language_code="nl")
    theme.name = "Afval en netheid"
    theme.save()
    assert client.get(DETAIL).json()["themes"][0]["title"] == "Afval en netheid"


def test_a_cached_answer_is_the_built_answer(client, tree):
    built = client.get(DETAIL)
    cached = client.get(DETAIL)
    assert cached.content == built.content
    assert cached["ETag"] == built["ETag"] and cached["Last-Modified"] == built["Last-Modified"]
    assert cached["Content-Type"] == built["Content-Type"] == "application/json"
