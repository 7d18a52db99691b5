"""Themes and wijken: installed by migration, one slug meaning one thing in every language."""

import pytest
from django.utils import translation

from cms.core.models import Theme, Wijk
from cms.core.taxonomy_data import THEMES, WIJKEN
from cms.themes.models import ThemePage

pytestmark = pytest.mark.django_db


def test_a_fresh_install_has_every_theme_and_all_25_wijken_in_dutch():
    assert sorted(Theme.objects.filter(locale__language_code="nl").values_list("slug", flat=True)) == sorted(
        slug for slug, _ in THEMES
    )
    assert Wijk.objects.count() == len(WIJKEN) == 25
    assert Wijk.objects.get(slug="ledeberg").postcode == "9050"


def test_theme_name_follows_the_reader_language(locales):
    afval = Theme.objects.get(slug="afval", locale=locales.nl)
    waste = afval.copy_for_translation(locales.en)
    waste.name = "Waste"
    waste.save()
    with translation.override("en"):
        assert afval.localized.name == "Waste"
    with translation.override("nl"):
        assert afval.localized.name == "Afval"


def test_pages_can_only_be_tagged_with_dutch_themes(locales):
    afval = Theme.objects.get(slug="afval", locale=locales.nl)
    waste = afval.copy_for_translation(locales.en)
    waste.name = "Waste"
    waste.save()
    form_class = ThemePage.get_edit_handler().get_form_class()
    choices = form_class(instance=ThemePage()).fields["themes"].queryset
    assert afval in choices
    assert waste not in choices
