"""Wagtail API v2 at /api/v2/: stock URLs and shapes, plus theme/wijk/type/locale filters."""

import pytest

from cms.core.models import Theme, Wijk
from cms.themes.models import ThemePage
from tests.cms.conftest import add_page


def titles(response):
    assert response.status_code == 200, response.content
    return sorted(item["title"] for item in response.json()["items"])


@pytest.fixture
def wonen_page(tree):
    page = add_page(tree.theme_index, ThemePage, title="Huren")
    page.themes.add(Theme.objects.get(slug="wonen", locale__language_code="nl"))
    page.save_revision().publish()
    return page


def test_stock_listing_and_detail_shapes_are_kept(client, tree):
    listing = client.get("/api/v2/pages/").json()
    assert set(listing) == {"meta", "items"}
    assert listing["meta"]["total_count"] == len(listing["items"])
    detail = client.get(f"/api/v2/pages/{tree.theme_page.pk}/").json()
    assert detail["title"] == "Grofvuil"
    assert detail["meta"]["type"] == "themes.ThemePage"
    assert detail["themes"] == ["afval"]


def test_images_and_documents_endpoints_exist(client, tree):
    assert client.get("/api/v2/images/").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200


def test_theme_filter_takes_several_slugs_or(client, tree, wonen_page):
    assert titles(client.get("/api/v2/pages/?theme=afval")) == ["Grofvuil"]
    assert titles(client.get("/api/v2/pages/?theme=afval,wonen")) == ["Grofvuil", "Huren"]


def test_wijk_filter_spans_many_to_many_and_single_wijk_pages(client, tree):
    tree.article.wijken.add(Wijk.objects.get(slug="ledeberg"))
    tree.article.save_revision().publish()
    found = titles(client.get("/api/v2/pages/?wijk=ledeberg,dampoort"))
    # WijkPage, magazine and event point at one wijk; the article is tagged with several.
    assert found == ["Buurtfeest Ledeberg", "Ledeberg", "Nieuw speelplein", "Wijkkrant Ledeberg"]


def test_theme_and_wijk_filters_combine_with_and(client, tree, wonen_page):
    assert titles(client.get("/api/v2/pages/?theme=afval,wonen&wijk=ledeberg")) == []


def test_type_and_locale_filters(client, tree):
    assert titles(client.get("/api/v2/pages/?type=themes.ThemePage&locale=nl")) == ["Grofvuil"]
    assert titles(client.get("/api/v2/pages/?locale=en")) == []


def test_theme_filter_finds_translations_tagged_with_the_source_theme(client, tree, locales):
    translation = tree.theme_page.copy_for_translation(locales.en, copy_parents=True)
    translation.save_revision().publish()
    assert titles(client.get("/api/v2/pages/?theme=afval&locale=en")) == ["Grofvuil"]


def test_wijk_filter_works_on_types_with_their_own_wijk_field(client, tree):
    """Events point at one wijk with a foreign key: `wijk` still takes slugs there, not ids."""
    assert titles(client.get("/api/v2/pages/?type=events.EventPage&wijk=ledeberg,dampoort")) == ["Buurtfeest Ledeberg"]
    assert titles(client.get("/api/v2/pages/?type=events.EventPage&wijk=dampoort")) == []
    assert titles(client.get("/api/v2/pages/?type=neighbourhoods.WijkPage&wijk=ledeberg&fields=intro")) == ["Ledeberg"]


def test_stock_search_parameter_works_and_keeps_the_visibility_rule(client, tree, hidden):
    assert titles(client.get("/api/v2/pages/?search=Grofvuil")) == ["Grofvuil"]
    assert titles(client.get("/api/v2/pages/?search=Intern")) == []  # restricted, and below it
    assert titles(client.get("/api/v2/pages/?search=Verlopen")) == []  # expired
