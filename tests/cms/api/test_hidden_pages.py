"""Nothing unpublished leaks: drafts, scheduled (embargoed), expired and view-restricted
pages, and live pages below a restricted one, answer 404 on every endpoint and never
appear in children, navigation, translations, listings or counts."""

import pytest

HIDDEN = ["draft", "scheduled", "expired", "restricted", "under_restricted"]
SUBRESOURCES = ["", "/@breadcrumbs", "/@navigation", "/@translations", "/@children", "/@types"]


def content_path(page):
    # The page's public path as a reader would type it: locale prefix + slugs below home.
    return "nl/" + page.url_path.split("/", 2)[2].strip("/")


# One test per kind, looping over endpoints: the page tree fixture is the slow part.
@pytest.mark.parametrize("kind", HIDDEN)
def test_hidden_page_is_404_on_every_endpoint(client, hidden, kind):
    urls = ["/api/content/" + content_path(hidden[kind]) + suffix for suffix in SUBRESOURCES]
    urls.append(f"/api/v2/pages/{hidden[kind].pk}/")
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("kind", HIDDEN)
def test_hidden_page_is_absent_from_v2_listings_and_counts(client, hidden, kind):
    page = hidden[kind]
    urls = ["/api/v2/pages/?limit=20", "/api/v2/pages/?limit=20&offset=20",
            "/api/v2/pages/?type=pressroom.PressReleasePage", "/api/v2/pages/?type=themes.ThemePage"]
    for url in urls:
        data = client.get(url).json()
        assert page.pk not in [item["id"] for item in data["items"]]
    counted = client.get("/api/v2/pages/?type=themes.ThemePage").json()
    assert counted["meta"]["total_count"] == len(counted["items"]) == 1
    released = client.get("/api/v2/pages/?type=pressroom.PressReleasePage").json()
    assert released["meta"]["total_count"] == 1
    # Listing the children of a hidden page is refused: the parent does not exist publicly.
    parent = client.get(f"/api/v2/pages/?child_of={page.get_parent().pk}")
    assert parent.status_code == 404 or page.pk not in [item["id"] for item in parent.json()["items"]]


def test_v2_find_by_html_path_does_not_reach_hidden_pages(client, hidden):
    response = client.get("/api/v2/pages/find/?html_path=/themas/verlopen-info/")
    assert response.status_code == 404


def test_hidden_pages_are_not_children_or_counted(client, hidden):
    press = client.get("/api/content/nl/pers").json()
    assert [item["title"] for item in press["items"]] == ["Nieuwe fietsstraten"]
    assert press["items_total"] == 1
    themes = client.get("/api/content/nl/themas/@children").json()
    assert [item["title"] for item in themes["items"]] == ["Grofvuil"]
    assert themes["items_total"] == 1


def test_hidden_section_is_not_in_navigation(client, tree, hidden):
    tree.project_index.unpublish()
    titles = [item["title"] for item in client.get("/api/content/nl/@navigation").json()["items"]]
    assert "Projecten" not in titles
    # Its live child is hidden with it, everywhere.
    assert client.get("/api/content/nl/projecten/heraanleg-dampoort").status_code == 404
    assert client.get(f"/api/v2/pages/{tree.project.pk}/").status_code == 404


def test_unpublished_translation_is_not_announced(client, tree, locales):
    tree.theme_page.copy_for_translation(locales.en, copy_parents=True)  # drafts only
    assert client.get("/api/content/nl/themas/grofvuil/@translations").json()["items"] == []
    assert client.get("/api/content/en/themas/grofvuil").status_code == 404
    assert client.get(f"/api/v2/pages/?translation_of={tree.theme_page.pk}").json()["items"] == []

