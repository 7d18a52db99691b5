"""The fallback site: every page type renders at its URL with its title, intro and language."""

import pytest


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
