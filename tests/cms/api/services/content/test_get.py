"""GET /api/content/<public path>: one page as JSON, found by the path readers see."""

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.core.models import Wijk
from cms.themes.models import ThemePage
from tests.cms.conftest import add_page

BASE = "http://testserver/api/content/"


def get(client, path, **params):
    response = client.get("/api/content/" + path, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_page_is_found_by_its_public_path_with_locale_prefix(client, tree):
    data = get(client, "nl/themas/grofvuil")
    assert data["@id"] == BASE + "nl/themas/grofvuil"
    assert data["@type"] == "themes.ThemePage"
    assert data["title"] == "Grofvuil"
    assert data["language"] == "nl"
    assert data["intro"] == "Zo raakt u grofvuil kwijt."
    assert data["fields"]["audience"] == "inwoners"
    assert data["parent"] == {"@id": BASE + "nl/themas", "title": "Thema's"}
    # A trailing slash (as in the HTML URL) reaches the same resource.
    assert get(client, "nl/themas/grofvuil/")["@id"] == data["@id"]


def test_home_page_is_the_locale_prefix_alone(client, tree):
    data = get(client, "nl")
    assert data["@type"] == "core.HomePage"
    assert data["parent"] is None
    assert data["items_total"] == 5


def test_uid_is_the_translation_key_and_survives_edits_and_moves(client, tree):
    uid = get(client, "nl/themas/grofvuil")["UID"]
    assert uid == str(tree.theme_page.translation_key)
    tree.theme_page.title = "Grofvuil ophalen"
    tree.theme_page.save_revision().publish()
    assert get(client, "nl/themas/grofvuil")["UID"] == uid


def test_dates_are_iso_and_published_follows_first_publication(client, tree):
    data = get(client, "nl/themas/grofvuil")
    page = tree.theme_page
    page.refresh_from_db()
    assert data["created"].startswith(page.first_published_at.strftime("%Y-%m-%dT%H:%M"))
    assert data["modified"].startswith(page.last_published_at.strftime("%Y-%m-%dT%H:%M"))
    assert data["published"] == data["created"]


def test_english_translation_resolves_under_its_prefix(client, tree, locales):
    translation = tree.theme_page.copy_for_translation(locales.en, copy_parents=True)
    translation.title = "Bulky waste"
    translation.save_revision().publish()
    for page in translation.get_ancestors().filter(depth__gte=2).specific():
        if not page.live:
            page.save_revision().publish()
    data = get(client, "en/themas/grofvuil")
    assert data["language"] == "en"
    assert data["title"] == "Bulky waste"
    assert data["UID"] == str(tree.theme_page.translation_key)
    assert data["themes"][0]["title"] == "Waste" or data["themes"][0]["slug"] == "afval"


def test_body_is_typed_blocks_with_html_and_renditions(client, tree):
    image = Image.objects.create(title="container", file=get_test_image_file(), description="Een container")
    page = tree.theme_page
    page.body = [
        ("paragraph", f'<p>Zie <a linktype="page" id="{tree.wijk_page.pk}">Ledeberg</a>.</p>'),
        ("heading", {"text": "Zo werkt het", "level": 2}),
        ("image", {"image": image, "alt": "Een groene container", "caption": ""}),
        ("faq", {"items": [{"question": "Wat kost het?", "answer": "<p>Niets.</p>"}]}),
    ]
    page.save_revision().publish()
    body = get(client, "nl/themas/grofvuil")["body"]
    assert [block["type"] for block in body] == ["paragraph", "heading", "image", "faq"]
    assert 'href="/nl/wijken/ledeberg/"' in body[0]["value"]
    assert "linktype" not in body[0]["value"]
    assert body[1]["value"] == {"text": "Zo werkt het", "level": 2}
    rendition = body[2]["value"]["image"]
    assert rendition["url"].startswith("http://testserver/")
    assert rendition["width"] > 0 and rendition["height"] > 0
    assert rendition["alt"] == "Een groene container"
    assert body[3]["value"]["items"][0]["answer"] == "<p>Niets.</p>"


def test_themes_and_wijken_carry_an_id_to_follow(client, tree):
    page = tree.theme_page
    page.wijken.add(Wijk.objects.get(slug="ledeberg"), Wijk.objects.get(slug="dampoort"))
    page.save_revision().publish()
    data = get(client, "nl/themas/grofvuil")
    assert data["themes"] == [
        {"@id": "http://testserver/api/v2/pages/?theme=afval&locale=nl", "slug": "afval", "title": "Afval"}
    ]
    wijken = {w["slug"]: w["@id"] for w in data["wijken"]}
    assert wijken["ledeberg"] == BASE + "nl/wijken/ledeberg"  # its wijk page
    assert wijken["dampoort"] == "http://testserver/api/v2/pages/?wijk=dampoort&locale=nl"  # no page: listing


def test_children_are_summarised_in_plone_batches(client, tree):
    for number in range(3):
        add_page(tree.theme_index, ThemePage, title=f"Thema {number}")
    data = get(client, "nl/themas", b_size=2)
    assert data["items_total"] == 4
    assert [item["title"] for item in data["items"]] == ["Grofvuil", "Thema 0"]
    assert set(data["items"][0]) >= {"@id", "@type", "UID", "title", "intro", "language"}
    assert data["batching"]["next"] == BASE + "nl/themas?b_start=2&b_size=2"
    assert "prev" not in data["batching"]
    second = get(client, "nl/themas", b_start=2, b_size=2)
    assert [item["title"] for item in second["items"]] == ["Thema 1", "Thema 2"]
    assert "next" not in second["batching"]


@pytest.mark.parametrize("name", ["breadcrumbs", "navigation", "translations", "children"])
def test_components_are_links_unless_expanded(client, tree, name):
    plain = get(client, "nl/themas/grofvuil")["@components"][name]
    assert plain == {"@id": BASE + f"nl/themas/grofvuil/@{name}"}
    expanded = get(client, "nl/themas/grofvuil", expand=name)["@components"][name]
    assert expanded == get(client, f"nl/themas/grofvuil/@{name}")


def test_expand_takes_several_components_at_once(client, tree):
    components = get(client, "nl/themas", expand="breadcrumbs,navigation,translations,children")["@components"]
    assert all("items" in component for component in components.values())


def test_event_fields_and_single_wijk(client, tree):
    data = get(client, "nl/activiteiten/buurtfeest-ledeberg")
    assert data["fields"]["start"]
    assert [w["slug"] for w in data["wijken"]] == ["ledeberg"]
