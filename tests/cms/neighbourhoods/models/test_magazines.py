"""A wijk edition shows its own articles plus the city-wide news of the same month."""

import datetime

import pytest

from cms.core.models import Wijk
from cms.neighbourhoods.models import MagazineArticle, MagazineEdition, NeighbourhoodMagazine
from tests.cms.conftest import add_page


@pytest.fixture
def city(tree):
    """The city-wide magazine with a March and an April edition."""
    magazine = add_page(tree.wijk_index, NeighbourhoodMagazine, title="Gentse Stadskrant", wijk=None)
    march = add_page(magazine, MagazineEdition, title="Maart", number=3, date=datetime.date(2026, 3, 20))
    april = add_page(magazine, MagazineEdition, title="April", number=4, date=datetime.date(2026, 4, 1))
    return magazine, march, april


def titles(articles):
    return [article.title for article in articles]


def test_wijk_edition_adds_city_wide_articles_of_the_same_month(tree, city):
    _, march, april = city
    add_page(march, MagazineArticle, title="Nieuwe afvalkalender")
    add_page(april, MagazineArticle, title="Aprilnieuws")
    assert titles(tree.edition.articles()) == ["Nieuw speelplein", "Nieuwe afvalkalender"]


def test_articles_tagged_with_a_wijk_stay_out_of_other_wijken(tree, city):
    _, march, _ = city
    tagged = add_page(march, MagazineArticle, title="Enkel voor Wondelgem")
    tagged.wijken.add(Wijk.objects.get(slug="wondelgem"))
    tagged.save_revision().publish()
    assert titles(tree.edition.articles()) == ["Nieuw speelplein"]


def test_draft_city_wide_articles_are_not_shown(tree, city):
    _, march, _ = city
    add_page(march, MagazineArticle, title="Nog niet klaar", publish=False)
    assert titles(tree.edition.articles()) == ["Nieuw speelplein"]


def test_draft_own_articles_are_not_shown(tree, city):
    add_page(tree.edition, MagazineArticle, title="Concept", publish=False)
    assert titles(tree.edition.articles()) == ["Nieuw speelplein"]


def test_city_wide_edition_shows_only_its_own_articles(tree, city):
    _, march, _ = city
    add_page(march, MagazineArticle, title="Nieuwe afvalkalender")
    assert titles(march.articles()) == ["Nieuwe afvalkalender"]


def test_edition_page_lists_local_and_city_news(client, tree, city):
    _, march, _ = city
    add_page(march, MagazineArticle, title="Nieuwe afvalkalender")
    html = client.get(tree.edition.url).content.decode()
    assert "Nieuw speelplein" in html
    assert "Nieuwe afvalkalender" in html
    assert "Nieuws uit heel Gent" in html
