"""Every content answer (and the v2 page detail) carries the page's schema.org JSON-LD."""

import pytest

from cms.api.schemas import page_schema
from cms.themes.models import ThemePage

CASES = [
    ("nl/pers/nieuwe-fietsstraten", "NewsArticle"),
    ("nl/themas/grofvuil", "GovernmentService"),
    ("nl/wijken/ledeberg", "Place"),
    ("nl/projecten/heraanleg-dampoort", "Project"),
    ("nl/themas", "WebPage"),
    ("nl", "WebPage"),
]


@pytest.mark.parametrize("path,schema_type", CASES)
def test_content_answer_embeds_schema_org_of_its_type(client, tree, path, schema_type):
    response = client.get("/api/content/" + path)
    assert response.status_code == 200, response.content
    data = response.json()["schema_org"]
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == schema_type
    assert data["name"]


def test_event_and_magazine_article_types(client, tree):
    event_path = tree.event.url_path[len(tree.home.url_path):].strip("/")
    assert client.get(f"/api/content/nl/{event_path}").json()["schema_org"]["@type"] == "Event"
    article_path = tree.article.url_path[len(tree.home.url_path):].strip("/")
    assert client.get(f"/api/content/nl/{article_path}").json()["schema_org"]["@type"] == "NewsArticle"


def test_schema_org_is_declared_in_the_json_schema():
    schema = page_schema(ThemePage)
    assert "schema_org" in schema["properties"] and "schema_org" in schema["required"]


def test_v2_page_detail_has_schema_org_meta_but_listing_does_not(client, tree):
    detail = client.get(f"/api/v2/pages/{tree.event.pk}/").json()
    assert detail["meta"]["schema_org"]["@type"] == "Event"
    listing = client.get("/api/v2/pages/").json()
    assert all("schema_org" not in item["meta"] for item in listing["items"])
