"""The short form of a page used in children listings, navigation and translations.

Plone's summary (`@id`, `@type`, `title`, `description`) plus what our front ends sort and
label by: UID, language, intro, publication date. A list is summarised from plain rows of
the page table (`SUMMARY_FIELDS`) and one small query per page type in it for the intros,
never one per item, and without loading the pages' StreamFields or building page objects.
"""

from __future__ import annotations

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist

from cms.api.addresses import address_of

# What a row needs to be summarised: `values(*SUMMARY_FIELDS)` of a Page queryset.
SUMMARY_FIELDS = ("id", "content_type_id", "url_path", "translation_key", "title", "first_published_at")


def type_label(model) -> str:
    return model._meta.label if model else "wagtailcore.Page"


def page_type(page) -> str:
    return type_label(page.specific_class)


def _summary(request, *, url_path: str, model, translation_key, title: str, intro: str, published) -> dict:
    url, language = address_of(request, url_path)
    return {
        "@id": url,
        "@type": type_label(model),
        "UID": str(translation_key),
        "title": title,
        "intro": intro,
        "language": language,
        "published": published,
    }


def summarise(request, page) -> dict:
    return _summary(request, url_path=page.url_path, model=page.specific_class, translation_key=page.translation_key,
                    title=page.title, intro=getattr(page, "intro", ""), published=page.first_published_at)


def _model_of(row: dict):
    return ContentType.objects.get_for_id(row["content_type_id"]).model_class()


def _intros(rows: list[dict]) -> dict[int, str]:
    """{page id: intro} for the rows whose type has an intro: one query per such type."""
    ids_by_model = defaultdict(list)
    for row in rows:
        ids_by_model[_model_of(row)].append(row["id"])
    intros = {}
    for model, ids in ids_by_model.items():
        if model is None or not hasattr(model, "intro"):
            continue
        try:
            model._meta.get_field("intro")
        except FieldDoesNotExist:  # computed by the type: ask its pages
            intros.update((page.pk, page.intro) for page in model.objects.filter(pk__in=ids).defer_streamfields())
        else:
            intros.update(model.objects.filter(pk__in=ids).values_list("pk", "intro"))
    return intros


def summarise_rows(request, rows: list[dict]) -> list[dict]:
    """Summaries of page rows holding SUMMARY_FIELDS, in their order."""
    intros = _intros(rows)
    return [
        _summary(request, url_path=row["url_path"], model=_model_of(row), translation_key=row["translation_key"],
                 title=row["title"], intro=intros.get(row["id"], ""), published=row["first_published_at"])
        for row in rows
    ]
