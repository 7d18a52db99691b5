"""Wijk pages: one per wijk and language, with the services nearby."""

import pytest
from django.core.exceptions import ValidationError

from cms.core.models import Wijk
from cms.neighbourhoods.models import ServiceKind, WijkPage, WijkService
from tests.cms.conftest import add_page


def test_a_second_page_for_the_same_wijk_is_refused(tree):
    with pytest.raises(ValidationError) as error:
        add_page(tree.wijk_index, WijkPage, title="Ledeberg bis", wijk=Wijk.objects.get(slug="ledeberg"))
    assert "wijk" in error.value.message_dict


def test_the_translation_of_a_wijk_page_is_not_a_duplicate(tree, locales):
    translated = tree.wijk_page.copy_for_translation(locales.en, copy_parents=True)
    translated.save_revision().publish()
    assert translated.wijk.slug == "ledeberg"


def test_services_show_on_the_wijk_page(client, tree):
    WijkService.objects.create(
        page=tree.wijk_page,
        kind=ServiceKind.DIENSTENCENTRUM,
        name="Lokaal dienstencentrum Ledeberg",
        address="Hundelgemsesteenweg 120, 9050 Gent",
        phone="09 266 92 00",
    )
    tree.wijk_page.save_revision().publish()
    html = client.get(tree.wijk_page.url).content.decode()
    assert "Lokaal dienstencentrum Ledeberg" in html
    assert "Hundelgemsesteenweg 120" in html
