"""RSS and Atom feeds, read the way a feed reader reads them: through feedparser."""

import datetime

import feedparser
import pytest
from django.utils import timezone

from cms.core.models import Theme, Wijk
from cms.neighbourhoods.models import MagazineArticle, MagazineEdition, NeighbourhoodMagazine
from cms.pressroom.models import PressReleasePage
from tests.cms.conftest import add_page


def parse(response):
    assert response.status_code == 200, response.content
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def titles(feed):
    return [entry.title for entry in feed.entries]


@pytest.mark.parametrize("fmt, version", [("rss", "rss20"), ("atom", "atom10")])
def test_press_feed_lists_releases_with_public_links(client, tree, fmt, version):
    response = client.get(f"/api/feeds/press/{fmt}/")
    feed = parse(response)
    assert feed.version == version
    assert titles(feed) == ["Nieuwe fietsstraten"]
    entry = feed.entries[0]
    assert entry.link == "http://localhost/nl/pers/nieuwe-fietsstraten/"
    assert entry.id == f"urn:vrijhaven:page:{tree.release.pk}"
    assert feed.feed.title == "Stad Gent: Persberichten"
    assert feed.feed.link == "http://localhost/nl/pers/"


def test_press_feed_newest_first_and_per_language(client, tree, locales):
    add_page(tree.press_room, PressReleasePage, title="Later bericht", date=datetime.date(2026, 3, 9))
    assert titles(parse(client.get("/api/feeds/press/rss/"))) == ["Later bericht", "Nieuwe fietsstraten"]
    english = tree.release.copy_for_translation(locales.en, copy_parents=True)
    english.title = "New cycle streets"
    english.save_revision().publish()
    assert titles(parse(client.get("/api/feeds/press/atom/?language=en"))) == ["New cycle streets"]


def test_wijk_feed_has_local_and_city_wide_articles_but_not_another_wijks(client, tree):
    city = add_page(tree.wijk_index, NeighbourhoodMagazine, title="Stadskrant")
    city_edition = add_page(city, MagazineEdition, title="Stad 1", number=1, date=datetime.date(2026, 3, 1))
    add_page(city_edition, MagazineArticle, title="Nieuwe afvalkalender")
    local_elsewhere = add_page(city_edition, MagazineArticle, title="Markt in Dampoort")
    local_elsewhere.wijken.add(Wijk.objects.get(slug="dampoort"))
    local_elsewhere.save_revision().publish()
    feed = parse(client.get("/api/feeds/wijk/ledeberg/rss/"))
    assert sorted(titles(feed)) == ["Nieuw speelplein", "Nieuwe afvalkalender"]
    assert feed.feed.link == tree.wijk_page.get_full_url()
    dampoort = parse(client.get("/api/feeds/wijk/dampoort/atom/"))
    assert sorted(titles(dampoort)) == ["Markt in Dampoort", "Nieuwe afvalkalender"]


def test_theme_feed_lists_every_page_type_tagged_with_the_theme(client, tree):
    afval = Theme.objects.get(slug="afval", locale__language_code="nl")
    tree.release.themes.add(afval)
    tree.release.save_revision().publish()
    feed = parse(client.get("/api/feeds/theme/afval/atom/"))
    assert sorted(titles(feed)) == ["Grofvuil", "Nieuwe fietsstraten"]
    assert feed.feed.title == "Stad Gent: Afval"
    assert titles(parse(client.get("/api/feeds/theme/wonen/rss/"))) == []


@pytest.mark.parametrize("url", ["/api/feeds/wijk/nergensland/rss/", "/api/feeds/theme/nergens/atom/"])
def test_unknown_wijk_or_theme_is_a_404_problem(client, tree, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert "nergens" in response.json()["detail"]


def test_unknown_language_or_parameter_is_a_400_problem(client, tree):
    response = client.get("/api/feeds/press/rss/?language=de&page=2")
    assert response.status_code == 400
    assert {p["name"] for p in response.json()["invalid_params"]} == {"page"}
    response = client.get("/api/feeds/press/rss/?language=de")
    assert response.json()["invalid_params"][0]["name"] == "language"


def test_feeds_are_read_only(client, tree):
    response = client.post("/api/feeds/press/rss/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_no_unpublished_page_in_any_feed(client, tree, hidden_pages):
    """Drafts, embargoed, expired and view-restricted pages (one state per run) stay out."""
    for url in ["/api/feeds/press/rss/", "/api/feeds/press/atom/", "/api/feeds/wijk/ledeberg/rss/",
                "/api/feeds/theme/afval/rss/", "/api/feeds/theme/afval/atom/"]:
        feed = parse(client.get(url))
        assert titles(feed), f"{url} should still list the public pages"
        assert not [title for title in titles(feed) if "Geheim" in title], url


def test_feed_answers_304_until_something_changes(client, tree):
    first = client.get("/api/feeds/press/rss/")
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert first["Cache-Control"].startswith("public")
    assert client.get("/api/feeds/press/rss/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/api/feeds/press/rss/", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    add_page(tree.press_room, PressReleasePage, title="Nog een bericht", date=datetime.date(2026, 3, 9))
    changed = client.get("/api/feeds/press/rss/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert "Nog een bericht" in titles(parse(changed))


def test_withdrawing_a_release_moves_last_modified_so_if_modified_since_sees_it(client, tree):
    extra = add_page(tree.press_room, PressReleasePage, title="Nog een bericht", date=datetime.date(2026, 3, 9))
    first = client.get("/api/feeds/press/rss/")
    PressReleasePage.objects.filter(pk=extra.pk).update(
        last_published_at=timezone.now() - datetime.timedelta(days=1)
    )
    future = timezone.now() + datetime.timedelta(seconds=2)
    extra.refresh_from_db()
    extra.unpublish()
    from wagtail.models import PageLogEntry
    PageLogEntry.objects.filter(page=extra).update(timestamp=future)
    again = client.get("/api/feeds/press/rss/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 200
    assert titles(parse(again)) == ["Nieuwe fietsstraten"]
