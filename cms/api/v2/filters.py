"""`?theme=` and `?wijk=` for the v2 pages listing: several slugs, any of them (OR).

Themes and wijken are many-to-many fields declared on each concrete page model (the bases
are abstract), and some models point at one wijk with a foreign key instead, so a filter
across all page types is a union of per-model subqueries. Pages tag with the source-locale
theme, so one slug finds the page in every language.
"""

from __future__ import annotations

from django.db.models import Q
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import FieldsFilter
from wagtail.models import get_page_models

from cms.http.problems import InvalidParam, bad_request
from cms.core.models import Theme, Wijk


def _slugs(request, name: str) -> list[str]:
    return [slug.strip() for slug in request.GET[name].split(",") if slug.strip()]


def _fields_pointing_at(model) -> list[tuple[type, str]]:
    """(page model, field name) for every page field relating to `model`."""
    found = []
    for page_model in get_page_models():
        if page_model._meta.abstract:
            continue
        for field in page_model._meta.get_fields():
            if field.is_relation and field.concrete and field.related_model is model and field.model is page_model:
                found.append((page_model, field.name))
    return found


def tagged_q(model, slugs: list[str]) -> Q:
    """Pages of any type related to a `model` row (Theme or Wijk) with one of `slugs`."""
    q = Q(pk__in=[])
    for page_model, field_name in _fields_pointing_at(model):
        ids = page_model.objects.filter(**{f"{field_name}__slug__in": slugs}).values("pk")
        q |= Q(pk__in=ids)
    return q


def check_slugs(request, name: str, model) -> list[str]:
    slugs = _slugs(request, name)
    if not slugs:
        raise bad_request(InvalidParam(name, "give one or more slugs separated by commas"))
    known = set(model.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    unknown = [slug for slug in slugs if slug not in known]
    if unknown:
        raise bad_request(InvalidParam(name, "unknown slug: " + ", ".join(unknown)))
    return slugs


TAXONOMY_PARAMS = ("theme", "wijk")


class TaxonomyFilter(BaseFilterBackend):
    """?theme=afval,wonen and ?wijk=ledeberg,brugse-poort (each OR within, AND between)."""

    def filter_queryset(self, request, queryset, view):
        for name, model in (("theme", Theme), ("wijk", Wijk)):
            if name in request.GET:
                slugs = check_slugs(request, name, model)
                queryset = queryset.filter(tagged_q(model, slugs))
        return queryset



class _WithoutTaxonomyFields:
    """A view as FieldsFilter sees it, minus the names TaxonomyFilter answers for."""

    def __init__(self, view):
        self._view = view

    def __getattr__(self, name):
        return getattr(self._view, name)

    def get_available_fields(self, model, db_fields_only=False):
        fields = self._view.get_available_fields(model, db_fields_only=db_fields_only)
        return [name for name in fields if name not in TAXONOMY_PARAMS]


class FieldsFilterBesideTaxonomy(FieldsFilter):
    """Stock `?<field>=` filters, except `theme` and `wijk`, which are TaxonomyFilter's slugs.

    Events and wijk pages have their own `wijk` foreign key, so with `?type=events.EventPage`
    stock v2 would also read `?wijk=ledeberg,dampoort` as a wijk id and answer 400.
    """

    def filter_queryset(self, request, queryset, view):
        return super().filter_queryset(request, queryset, _WithoutTaxonomyFields(view))
