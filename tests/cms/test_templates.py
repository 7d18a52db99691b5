"""The fallback site: every page type renders at its URL with its title, intro and language."""

import pytest

from cms.themes.models import ThemePage
from tests.cms.conftest import add_page


@pytest.mark.parametrize(
    "name",
    ["home", "theme_index", "theme_page", "wijk_index", "wijk_page", "magazine", "edition", "article",
     "press_room", "release", "project_index", "project", "event_index", "event"],
)
def test_page_renders_its_title_and_intro(client, tree, name):
    page = getattr(tree, name).specific
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert f"<h1>{page.title}</h1>".replace("'", "&#x27;") in html
    if page.intro:
        assert page.intro in html


def test_index_pages_list_their_live_children(client, tree):
    html = client.get(tree.theme_index.url).content.decode()
    assert "Grofvuil" in html
    assert "Zo raakt u grofvuil kwijt." in html


def test_a_theme_page_shows_its_theme_and_audience(client, tree):
    html = client.get(tree.theme_page.url).content.decode()
    assert "Afval" in html
    assert "Inwoners" in html


def test_index_pages_list_children_in_the_editors_tree_order(client, tree):
    add_page(tree.theme_index, ThemePage, title="2 Alles samengevat", slug="2-alles-samengevat")
    add_page(tree.theme_index, ThemePage, title="10 Samenvatting", slug="10-samenvatting")
    html = client.get(tree.theme_index.url).content.decode()
    assert html.index("2 Alles samengevat") < html.index("10 Samenvatting")
