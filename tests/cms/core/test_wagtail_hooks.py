"""The snippets editors maintain appear in the admin with their Dutch names."""

import pytest
from django.urls import reverse

from cms.core.models import PressContact


@pytest.mark.parametrize("model_name, expected", [("theme", "Afval"), ("wijk", "Ledeberg"), ("presscontact", "Woordvoerder")])
def test_snippet_listings_show_their_items(admin_client, model_name, expected):
    PressContact.objects.create(key="woordvoerder", name="Woordvoerder", role="Woordvoerder burgemeester")
    response = admin_client.get(reverse(f"wagtailsnippets_core_{model_name}:list"))
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_taxonomies_are_grouped_in_one_menu(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Taxonomie" in html
    assert "Perscontacten" in html
