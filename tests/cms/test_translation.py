"""Every page type can be translated from Dutch to English and French.

Two routes exist and both must work: Wagtail's `copy_for_translation` (what the demo seed
uses, then fills in the translated text) and wagtail-localize's synced translation (what
editors use in the admin: strings are extracted, translated, and written to the target).
"""

import datetime

import pytest
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from cms.projects.models import ProjectPhase

PAGE_NAMES = [
    "home", "theme_index", "theme_page", "wijk_index", "wijk_page", "magazine", "edition", "article",
    "press_room", "release", "project_index", "project", "event_index", "event",
]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_copy_for_translation_creates_an_english_draft(tree, locales, name):
    page = getattr(tree, name).specific
    translated = page.copy_for_translation(locales.en, copy_parents=True)
    assert translated.locale == locales.en
    assert translated.translation_key == page.translation_key
    assert type(translated) is type(page)
    assert not translated.live


def test_translated_page_keeps_its_themes_and_its_phases_move_to_the_new_locale(tree, locales):
    project = tree.project
    project.themes.add(*tree.theme_page.themes.all())
    ProjectPhase.objects.create(page=project, title="Ontwerp", start=datetime.date(2026, 1, 1), is_current=True)
    project.save_revision().publish()
    translated = project.copy_for_translation(locales.fr, copy_parents=True)
    assert [theme.slug for theme in translated.themes.all()] == ["afval"]
    assert [(phase.title, phase.locale) for phase in translated.phases.all()] == [("Ontwerp", locales.fr)]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_wagtail_localize_translates_each_page_type(tree, locales, name, django_capture_on_commit_callbacks):
    page = getattr(tree, name).specific
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locales.fr)
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translation.save_target(publish=True)
    translated = page.get_translation(locales.fr)
    assert translated.live
    assert translated.title == page.title  # untranslated strings fall back to the Dutch source


def test_wagtail_localize_offers_body_block_text_for_translation(tree, locales, django_capture_on_commit_callbacks):
    page = tree.theme_page
    page.body = [
        ("heading", {"text": "Zo werkt het", "level": 2}),
        ("faq", {"items": [{"question": "Wat kost het?", "answer": "<p>Niets.</p>"}]}),
        ("steps", {"title": "Aanvragen", "steps": [{"title": "Log in", "text": "<p>Met itsme.</p>"}]}),
    ]
    page.save_revision().publish()
    source, _ = TranslationSource.get_or_create_from_instance(page)
    strings = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert {"Zo werkt het", "Wat kost het?", "Niets.", "Aanvragen", "Log in", "Met itsme."} <= strings
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.create(source=source, target_locale=locales.en).save_target(publish=True)
    assert [theme.slug for theme in page.get_translation(locales.en).specific.themes.all()] == ["afval"]
