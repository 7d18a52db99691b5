"""The playlist a screen in a wijk's library fetches, as the player would read it."""

import datetime

import pytest
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.core.models import Wijk
from cms.events.models import EventPage
from cms.neighbourhoods.models import MagazineArticle, MagazineEdition, NeighbourhoodMagazine
from cms.pressroom.models import PressReleaseAttachment, PressReleasePage
from tests.cms.conftest import add_page


def playlist(client, slug="ledeberg", **query):
    response = client.get(f"/api/signage/{slug}/", query)
    assert response.status_code == 200, response.content
    return response.json()


def test_playlist_rotates_events_then_news_then_wijkkrant(client, tree):
    body = playlist(client)
    assert body["wijk"] == {"slug": "ledeberg", "name": "Ledeberg"}
    assert [(i["position"], i["kind"], i["title"]) for i in body["items"]] == [
        (1, "event", "Buurtfeest Ledeberg"),
        (2, "press_release", "Nieuwe fietsstraten"),
        (3, "magazine_article", "Nieuw speelplein"),
    ]
    event = body["items"][0]
    assert event["qr_target"] == "http://localhost/nl/activiteiten/buurtfeest-ledeberg/"
    assert event["duration_seconds"] == 12
    assert abs(parse_datetime(event["valid_until"]) - tree.event.end) < datetime.timedelta(milliseconds=1)
    assert parse_datetime(event["valid_from"]) <= timezone.now()
    assert body["total_duration_seconds"] == sum(i["duration_seconds"] for i in body["items"])
    news = body["items"][1]
    window = parse_datetime(news["valid_until"]) - parse_datetime(news["valid_from"])
    assert abs(window - datetime.timedelta(days=14)) < datetime.timedelta(milliseconds=2)
    assert news["image"] is None


def test_another_wijk_gets_city_wide_items_but_not_ledebergs(client, tree):
    local = add_page(tree.press_room, PressReleasePage, title="Ledeberg krijgt bomen")
    local.wijken.add(Wijk.objects.get(slug="ledeberg"))
    local.save_revision().publish()
    add_page(tree.event_index, EventPage, title="Stadsfeest", start=timezone.now() + datetime.timedelta(days=2))
    titles = [i["title"] for i in playlist(client, "dampoort")["items"]]
    assert titles == ["Stadsfeest", "Nieuwe fietsstraten"]
    assert "Ledeberg krijgt bomen" in [i["title"] for i in playlist(client)["items"]]


def test_the_city_wide_playlist_holds_only_what_is_for_everybody(client, tree):
    add_page(tree.event_index, EventPage, title="Stadsfeest", start=timezone.now() + datetime.timedelta(days=2))
    city = add_page(tree.wijk_index, NeighbourhoodMagazine, title="Stadsmagazine", slug="stadsmagazine")
    edition = add_page(city, MagazineEdition, title="Editie 7", number=7, date=datetime.date(2026, 3, 1))
    add_page(edition, MagazineArticle, title="Gent kiest groen", intro="Voor iedereen.")
    tagged = add_page(edition, MagazineArticle, title="Ledeberg kiest groen", slug="ledeberg-groen", intro="Lokaal.")
    tagged.wijken.add(Wijk.objects.get(slug="ledeberg"))
    tagged.save_revision().publish()
    response = client.get("/api/signage/")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["wijk"] is None
    assert [(i["kind"], i["title"]) for i in body["items"]] == [
        ("event", "Stadsfeest"), ("press_release", "Nieuwe fietsstraten"), ("magazine_article", "Gent kiest groen"),
    ]
    assert "Gent kiest groen" in [i["title"] for i in playlist(client)["items"]]  # a wijk's screens show it too
    assert client.get("/api/signage/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_far_away_events_and_old_news_are_not_shown(client, tree):
    add_page(tree.event_index, EventPage, title="Volgend jaar", start=timezone.now() + datetime.timedelta(days=300))
    PressReleasePage.objects.filter(pk=tree.release.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=20)
    )
    kinds = [i["title"] for i in playlist(client)["items"]]
    assert kinds == ["Buurtfeest Ledeberg", "Nieuw speelplein"]


def test_long_titles_are_cut_at_a_word_to_sixty_characters(client, tree):
    add_page(tree.press_room, PressReleasePage, slug="lang",
             title="Stad Gent vernieuwt de volledige fietsinfrastructuur rond de Dampoort en de Ringvaart in 2027")
    title = playlist(client)["items"][1]["title"]
    assert len(title) <= 60
    assert title == "Stad Gent vernieuwt de volledige fietsinfrastructuur rond…"


def test_an_image_is_a_16_9_rendition_with_an_absolute_url(client, tree, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = Image.objects.create(title="Fietsstraat", file=get_test_image_file(size=(1600, 1200)))
    PressReleaseAttachment.objects.create(page=tree.release, image=image, alt="Een fietsstraat", kind="image")
    item = playlist(client)["items"][1]
    assert item["image"]["url"].startswith("http://testserver/media/images/")
    assert (item["image"]["width"], item["image"]["height"], item["image"]["alt"]) == (1280, 720, "Een fietsstraat")


def test_unknown_wijk_is_a_404_problem(client, tree):
    response = client.get("/api/signage/nergensland/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_no_unpublished_page_on_a_screen(client, tree, hidden_pages):
    titles = [i["title"] for i in playlist(client)["items"]]
    assert titles == ["Buurtfeest Ledeberg", "Nieuwe fietsstraten", "Nieuw speelplein"]


def test_playlist_is_cacheable_and_answers_304(client, tree):
    first = client.get("/api/signage/ledeberg/")
    assert first["Cache-Control"].startswith("public")
    assert client.get("/api/signage/ledeberg/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    tree.event.title = "Buurtfeest Ledeberg (verplaatst)"
    tree.event.save_revision().publish()
    assert client.get("/api/signage/ledeberg/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


@pytest.mark.parametrize("title, expected", [("Kort", "Kort"), ("x" * 70, "x" * 59 + "…")])
def test_short_title(title, expected):
    from cms.api.signage.playlist import short_title

    assert short_title(title) == expected
