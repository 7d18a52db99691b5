"""schema.org JSON-LD per page type, checked for what a search engine reads from it."""

import datetime
import json

import pytest
from django.test import RequestFactory

from cms.core.schema_org import structured_data
from cms.core.models import Wijk


@pytest.fixture
def request_():
    return RequestFactory().get("/", HTTP_HOST="localhost")


def ld(page, request):
    data = structured_data(page, request)
    json.dumps(data)  # must serialise as is, for a <script type="application/ld+json">
    assert data["@context"] == "https://schema.org"
    return data


def test_press_release_is_a_news_article(tree, request_):
    tree.release.wijken.add(Wijk.objects.get(slug="ledeberg"))
    data = ld(tree.release, request_)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Nieuwe fietsstraten"
    assert data["url"] == "http://localhost/nl/pers/nieuwe-fietsstraten/"
    assert data["inLanguage"] == "nl"
    assert data["publisher"] == {"@type": "GovernmentOrganization", "name": "Stad Gent"}
    assert data["contentLocation"][0]["name"] == "Ledeberg"
    assert datetime.datetime.fromisoformat(data["datePublished"])


def test_event_has_dates_and_location(tree, request_):
    tree.event.location_name, tree.event.address = "Ledebergplein", "Ledebergplein 1"
    data = ld(tree.event, request_)
    assert data["@type"] == "Event"
    assert datetime.datetime.fromisoformat(data["startDate"]) == tree.event.start
    assert datetime.datetime.fromisoformat(data["endDate"]) == tree.event.end
    assert data["location"]["name"] == "Ledebergplein"
    assert data["location"]["address"]["streetAddress"] == "Ledebergplein 1"


def test_theme_page_is_a_government_service(tree, request_):
    tree.theme_page.department = "IVAGO"
    data = ld(tree.theme_page, request_)
    assert data["@type"] == "GovernmentService"
    assert data["provider"]["name"] == "IVAGO"
    assert data["audience"]["audienceType"] == "Inwoners"
    assert data["keywords"] == ["Afval"]
    assert data["description"] == "Zo raakt u grofvuil kwijt."


def test_project_with_coordinates_has_a_geo_location(tree, request_):
    tree.project.location, tree.project.latitude, tree.project.longitude = "Dampoort", 51.0569, 3.7403
    data = ld(tree.project, request_)
    assert data["@type"] == "Project"
    assert data["location"]["geo"] == {"@type": "GeoCoordinates", "latitude": 51.0569, "longitude": 3.7403}


def test_article_wijk_page_and_others(tree, request_):
    assert ld(tree.article, request_)["@type"] == "NewsArticle"
    place = ld(tree.wijk_page, request_)
    assert (place["@type"], place["name"], place["containedInPlace"]["name"]) == ("Place", "Ledeberg", "Gent")
    for page in (tree.home, tree.press_room, tree.edition):
        assert ld(page, request_)["@type"] == "WebPage"
