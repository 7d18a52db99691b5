"""Create the canonical themes and the 25 wijken (cms/core/taxonomy_data.py) in Dutch.

Runs on every install, so a fresh site has its taxonomies before any editor logs in. It
creates the Dutch locale when Wagtail has not yet (LANGUAGE_CODE may have differed when
wagtailcore's own locale migration ran). Theme translation keys are derived from the slug,
so a theme is the same translatable object on every install. Safe to re-run: it only adds
what is missing and never overwrites a name an editor changed.
"""

from django.db import migrations

from cms.core.taxonomy_data import THEMES, WIJK_POSTCODES, WIJKEN, theme_translation_key


def create_taxonomies(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Theme = apps.get_model("core", "Theme")
    Wijk = apps.get_model("core", "Wijk")
    nl, _ = Locale.objects.get_or_create(language_code="nl")
    for slug, name in THEMES:
        Theme.objects.get_or_create(
            slug=slug,
            locale=nl,
            defaults={"name": name, "translation_key": theme_translation_key(slug)},
        )
    for slug, name in WIJKEN:
        Wijk.objects.get_or_create(slug=slug, defaults={"name": name, "postcode": WIJK_POSTCODES.get(slug, "")})


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_taxonomies, migrations.RunPython.noop)]
