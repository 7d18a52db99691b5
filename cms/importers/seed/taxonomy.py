"""Themes and wijken for the seed: look up slugs, and translate the theme names."""

from __future__ import annotations

from cms.core.models import Theme, Wijk
from cms.core.taxonomy_data import (
    THEME_TRANSLATIONS,
    THEMES,
    WIJK_POSTCODES,
    WIJKEN,
    theme_translation_key,
    wijk_centre_fields,
)


def themes_for(ctx, slugs: list[str] | None, where: str) -> list[Theme]:
    slugs = list(slugs or [])
    found = {theme.slug: theme for theme in Theme.objects.filter(locale=ctx.source_locale, slug__in=slugs)}
    for slug in slugs:
        if slug not in found:
            ctx.warn(f"{where}: onbekend thema {slug!r} overgeslagen")
    return [found[slug] for slug in slugs if slug in found]


def wijken_for(ctx, slugs: list[str] | None, where: str) -> list[Wijk]:
    slugs = [slug for slug in (slugs or []) if slug]
    found = {wijk.slug: wijk for wijk in Wijk.objects.filter(slug__in=slugs)}
    for slug in slugs:
        if slug not in found:
            ctx.warn(f"{where}: onbekende wijk {slug!r} overgeslagen")
    return [found[slug] for slug in slugs if slug in found]


def wijk_for(ctx, slug: str | None, where: str) -> Wijk | None:
    wijken = wijken_for(ctx, [slug] if slug else [], where)
    return wijken[0] if wijken else None


def seed_taxonomies(ctx, data) -> None:
    """The canonical themes and wijken (added to taxonomy_data after the migration ran are
    created here), and the English and French names of the themes."""
    ctx.step("Thema's en wijken")
    for slug, name in THEMES:
        Theme.objects.get_or_create(
            slug=slug,
            locale=ctx.source_locale,
            defaults={"name": name, "translation_key": theme_translation_key(slug)},
        )
    for slug, name in WIJKEN:
        Wijk.objects.get_or_create(
            slug=slug, defaults={"name": name, "postcode": WIJK_POSTCODES.get(slug, ""), **wijk_centre_fields(slug)}
        )
    for theme in Theme.objects.filter(locale=ctx.source_locale):
        names = THEME_TRANSLATIONS.get(theme.slug, {})
        for locale in ctx.translation_locales():
            name = names.get(locale.language_code)
            if not name:
                continue
            translated = theme.get_translation_or_none(locale) or theme.copy_for_translation(locale)
            if translated.pk is None or translated.name != name:
                translated.name = name
                translated.save()
            ctx.counts["theme translations"] += 1
