"""What a citizen can subscribe to, by the slugs the front end knows: wijken and themes.

Subscriptions point at source-locale (Dutch) themes, like pages do, so one slug is one
theme in every language; the name shown is the translation in the reader's language
when there is one, else the Dutch name. Wijken are proper names, the same everywhere.
"""

from __future__ import annotations

from django.conf import settings

from cms.core.models import Theme, Wijk
from cms.core.models.taxonomy import in_source_locale


def source_themes():
    return Theme.objects.filter(in_source_locale()).order_by("name", "pk")


def theme_names(*, themes, language: str) -> dict[int, str]:
    """Source theme id -> its name in `language` (Dutch when not translated), in one query."""
    themes = list(themes)
    names = {theme.pk: theme.name for theme in themes}
    if language != settings.LANGUAGE_CODE:
        by_key = {theme.translation_key: theme.pk for theme in themes}
        translated = Theme.objects.filter(translation_key__in=by_key, locale__language_code=language)
        for key, name in translated.values_list("translation_key", "name"):
            names[by_key[key]] = name
    return names


def wijk_options() -> list[dict]:
    return [{"slug": slug, "name": name} for slug, name in Wijk.objects.order_by("name").values_list("slug", "name")]


def theme_options(*, language: str) -> list[dict]:
    themes = list(source_themes())
    names = theme_names(themes=themes, language=language)
    options = [{"slug": theme.slug, "name": names[theme.pk]} for theme in themes]
    return sorted(options, key=lambda option: option["name"].casefold())


def wijken_by_slug(slugs) -> dict[str, Wijk]:
    return {wijk.slug: wijk for wijk in Wijk.objects.filter(slug__in=list(slugs))}


def themes_by_slug(slugs) -> dict[str, Theme]:
    return {theme.slug: theme for theme in source_themes().filter(slug__in=list(slugs))}
